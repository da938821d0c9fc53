import CloudAPI

/// The network options `network create` and `network set` share (`_get_attrs`).
private func networkAttributes(_ arguments: ParsedArguments, in context: CommandContext) throws -> NeutronAttributes {
  var attributes = NeutronAttributes(arguments)
  attributes.text("--name", "name")
  attributes.flags("--enable", "--disable", "admin_state_up")
  attributes.flags("--share", "--no-share", "shared")
  attributes.flags("--enable-port-security", "--disable-port-security", "port_security_enabled")
  try attributes.project(in: context)
  if !arguments.values("--availability-zone-hint").isEmpty {
    attributes.fields["availability_zone_hints"] = .array(arguments.values("--availability-zone-hint").map(JSON.string))
  }
  attributes.text("--description", "description")
  attributes.text("--mtu", "mtu")
  attributes.flags("--external", "--internal", "router:external")
  attributes.flags("--default", "--no-default", "is_default")
  attributes.text("--provider-network-type", "provider:network_type")
  attributes.text("--provider-physical-network", "provider:physical_network")
  attributes.text("--provider-segment", "provider:segmentation_id")
  try attributes.reference("--qos-policy", "qos_policy_id", .qosPolicy, in: context)
  if arguments.flag("--no-qos-policy") { attributes.fields["qos_policy_id"] = .null }
  attributes.flags("--pvlan", "--no-pvlan", "pvlan")
  attributes.text("--dns-domain", "dns_domain")
  return attributes
}

/// The option no network command runs: extra properties.
private let networkRefused: Set<String> = ["--extra-property"]

/// `openstack network create` (`CreateNetwork`).
enum NetworkCreate: OpenStackCommand {
  static let name = "network create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(["--availability-zone-hint", "--tag"]))
  static let refusedOptions = networkRefused

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var attributes = try networkAttributes(arguments, in: context)
    attributes.fields["name"] = .string(arguments.value("<name>") ?? "")
    // `--enable` is the default: the client always sends it.
    attributes.fields["admin_state_up"] = .bool(!arguments.flag("--disable"))
    attributes.flags("--transparent-vlan", "--no-transparent-vlan", "vlan_transparent")
    attributes.flags("--qinq-vlan", "--no-qinq-vlan", "vlan_qinq")
    if attributes.fields["vlan_transparent"] == .bool(true), attributes.fields["vlan_qinq"] == .bool(true) {
      throw CommandFailure(message: "--transparent-vlan and --qinq-vlan can not be both enabled for the network.")
    }
    if attributes.fields["port_security_enabled"] == .bool(false), attributes.fields["pvlan"] == .bool(true) {
      throw CommandFailure(message: "--disable-port-security and --pvlan can not be used together.")
    }
    if arguments.value("--provider-segment") != nil, arguments.value("--provider-network-type") == nil {
      throw CommandFailure(message: "--provider-segment requires --provider-network-type to be specified.")
    }
    let kind = NeutronResourceKind.network
    let fields = attributes.fields
    let created = try NeutronClient.checkingExtensions(fields, in: context) { try kind.create(fields, in: context) }
    return kind.show(try NeutronTagOptions.set(created, kind, arguments, in: context), in: context)
  }
}

/// `openstack network show` (`ShowNetwork`).
enum NetworkShow: OpenStackCommand {
  static let name = "network show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let kind = NeutronResourceKind.network
    return kind.show(try kind.find(arguments.value("<network>") ?? "", in: context), in: context)
  }
}

/// `openstack network set` (`SetNetwork`).
enum NetworkSet: OpenStackCommand {
  static let name = "network set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--tag"])
  static let refusedOptions = networkRefused

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let kind = NeutronResourceKind.network
    let network = try kind.find(arguments.value("<network>") ?? "", in: context)
    let attributes = try networkAttributes(arguments, in: context)
    if attributes.fields["port_security_enabled"] == .bool(false), attributes.fields["pvlan"] == .bool(true) {
      throw CommandFailure(message: "--disable-port-security and --pvlan can not be used together.")
    }
    let fields = attributes.fields
    try NeutronClient.checkingExtensions(fields, in: context) { try kind.update(network, fields, in: context) }
    _ = try NeutronTagOptions.set(network, kind, arguments, in: context)
    return .nothing
  }
}

/// `openstack network unset` (`UnsetNetwork`): tags only.
enum NetworkUnset: OpenStackCommand {
  static let name = "network unset"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--tag"])
  static let refusedOptions: Set<String> = ["--extra-property"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let kind = NeutronResourceKind.network
    try NeutronTagOptions.unset(try kind.find(arguments.value("<network>") ?? "", in: context), kind, arguments, in: context)
    return .nothing
  }
}

/// `openstack network delete` (`DeleteNetwork`).
enum NetworkDelete: OpenStackCommand {
  static let name = "network delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try NeutronResourceKind.network.delete(arguments.values("<network>"), noun: "network", in: context)
  }
}
