import CloudAPI

/// Floating IPs as `openstack floating ip` sees them: found by ID or address.
private let floatingIP = NeutronResourceKind.floatingIP

/// `openstack floating ip create` (`CreateFloatingIP`).
enum FloatingIPCreate: OpenStackCommand {
  static let name = "floating ip create"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(["--tag"]))
  static let refusedOptions: Set<String> = ["--extra-property"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var attributes = NeutronAttributes(arguments)
    try attributes.reference("<network>", "floating_network_id", .network, in: context)
    try attributes.reference("--subnet", "subnet_id", .subnet, in: context)
    try attributes.reference("--port", "port_id", .port, in: context)
    try attributes.reference("--router", "router_id", .router, in: context)
    attributes.text("--floating-ip-address", "floating_ip_address")
    attributes.text("--fixed-ip-address", "fixed_ip_address")
    try attributes.reference("--qos-policy", "qos_policy_id", .qosPolicy, in: context)
    attributes.text("--description", "description")
    try attributes.project(in: context)
    attributes.text("--dns-domain", "dns_domain")
    attributes.text("--dns-name", "dns_name")
    let fields = attributes.fields
    let created = try NeutronClient.checkingExtensions(fields, in: context) { try floatingIP.create(fields, in: context) }
    return floatingIP.show(try NeutronTagOptions.set(created, floatingIP, arguments, in: context), in: context)
  }
}

/// `openstack floating ip show` (`ShowFloatingIP`).
enum FloatingIPShow: OpenStackCommand {
  static let name = "floating ip show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    floatingIP.show(try floatingIP.find(arguments.value("<floating-ip>") ?? "", in: context), in: context)
  }
}

/// `openstack floating ip list` (`ListFloatingIP`).
enum FloatingIPList: OpenStackCommand {
  static let name = "floating ip list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating.union(["--network", "--port", "--router"]),
    types: NeutronPaging.types)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var columns = [
      ("ID", "id"), ("Floating IP Address", "floating_ip_address"), ("Fixed IP Address", "fixed_ip_address"), ("Port", "port_id"),
      ("Floating Network", "floating_network_id"), ("Project", "project_id"),
    ]
    if arguments.flag("--long") {
      columns += [
        ("Router", "router_id"), ("Status", "status"), ("Description", "description"), ("Tags", "tags"), ("DNS Name", "dns_name"),
        ("DNS Domain", "dns_domain"),
      ]
    }
    var query: [(name: String, value: String)] = []
    for network in arguments.values("--network") {
      query.append((name: "floating_network_id", value: try NeutronResourceKind.network.findID(network, in: context)))
    }
    for port in arguments.values("--port") {
      query.append((name: "port_id", value: try NeutronResourceKind.port.findID(port, in: context)))
    }
    if let address = arguments.value("--fixed-ip-address") { query.append((name: "fixed_ip_address", value: address)) }
    if let address = arguments.value("--floating-ip-address") { query.append((name: "floating_ip_address", value: address)) }
    if let status = arguments.value("--status") { query.append((name: "status", value: status)) }
    if let project = try IdentityLookup.project.id(
      "--project", domain: "--project-domain", in: arguments, context: context, sdk: true)
    {
      query.append((name: "project_id", value: project))
    }
    for router in arguments.values("--router") {
      query.append((name: "router_id", value: try NeutronResourceKind.router.findID(router, in: context)))
    }
    query += NeutronTags.query(arguments)
    let addresses = try floatingIP.list(query, paging: arguments, in: context)
    return .list(columns: columns.map(\.0), rows: addresses.map { address in columns.map { address[$0.1] ?? .null } }, names: .tuple)
  }
}

/// `openstack floating ip set` (`SetFloatingIP`): the port (and fixed address) it maps to.
enum FloatingIPSet: OpenStackCommand {
  static let name = "floating ip set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--tag"])
  static let refusedOptions: Set<String> = ["--extra-property"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let address = try floatingIP.find(arguments.value("<floating-ip>") ?? "", in: context)
    var attributes = NeutronAttributes(arguments)
    try attributes.reference("--port", "port_id", .port, in: context)
    attributes.text("--fixed-ip-address", "fixed_ip_address")
    try attributes.reference("--router", "router_id", .router, in: context)
    if let description = arguments.value("--description"), !description.isEmpty { attributes.fields["description"] = .string(description) }
    try attributes.reference("--qos-policy", "qos_policy_id", .qosPolicy, in: context)
    if arguments.flag("--no-qos-policy") { attributes.fields["qos_policy_id"] = .null }
    try floatingIP.update(address, attributes.fields, in: context)
    _ = try NeutronTagOptions.set(address, floatingIP, arguments, in: context)
    return .nothing
  }
}

/// `openstack floating ip unset` (`UnsetFloatingIP`): the port, the QoS policy, tags.
enum FloatingIPUnset: OpenStackCommand {
  static let name = "floating ip unset"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--tag"])
  static let refusedOptions: Set<String> = ["--extra-property"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let address = try floatingIP.find(arguments.value("<floating-ip>") ?? "", in: context)
    var attributes = JSONObject()
    if arguments.flag("--port") { attributes["port_id"] = .null }
    if arguments.flag("--qos-policy") { attributes["qos_policy_id"] = .null }
    try floatingIP.update(address, attributes, in: context)
    try NeutronTagOptions.unset(address, floatingIP, arguments, in: context)
    return .nothing
  }
}

/// `openstack floating ip delete` (`DeleteFloatingIP`).
enum FloatingIPDelete: OpenStackCommand {
  static let name = "floating ip delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try floatingIP.delete(arguments.values("<floating-ip>"), noun: "floating IP", in: context)
  }
}
