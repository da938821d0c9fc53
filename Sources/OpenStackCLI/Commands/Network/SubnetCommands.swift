import CloudAPI

/// The subnet options `subnet create` and `subnet set` share (`_get_attrs`); the lists come
/// as the options give them, `gateway` written `nexthop` as the API has it.
private func subnetAttributes(_ arguments: ParsedArguments, create: Bool) throws -> NeutronAttributes {
  var attributes = NeutronAttributes(arguments)
  attributes.text("--name", "name")
  if let gateway = arguments.value("--gateway")?.lowercased() {
    if !create, gateway == "auto" {
      throw CommandFailure(message: "Auto option is not available for Subnet Set. Valid options are <ip-address> or none")
    }
    if gateway != "auto" { attributes.fields["gateway_ip"] = gateway == "none" ? .null : .string(gateway) }
  }
  if arguments.contains("--allocation-pool") {
    attributes.fields["allocation_pools"] = .array(arguments.values("--allocation-pool").map { .object(ValueType.pairs($0)) })
  }
  attributes.flags("--dhcp", "--no-dhcp", "enable_dhcp")
  attributes.flags("--dns-publish-fixed-ip", "--no-dns-publish-fixed-ip", "dns_publish_fixed_ip")
  if arguments.contains("--dns-nameserver") {
    attributes.fields["dns_nameservers"] = .array(arguments.values("--dns-nameserver").map(JSON.string))
  }
  if arguments.contains("--host-route") {
    attributes.fields["host_routes"] = .array(arguments.values("--host-route").map(SubnetRoutes.nexthop))
  }
  if arguments.contains("--service-type") {
    attributes.fields["service_types"] = .array(arguments.values("--service-type").map(JSON.string))
  }
  attributes.text("--description", "description")
  return attributes
}

/// The host routes' `gateway`, which the API calls `nexthop`.
enum SubnetRoutes {
  static func nexthop(_ text: String) -> JSON {
    .object(ValueType.pairs(text).mapKeys { $0 == "gateway" ? "nexthop" : $0 })
  }
}

private let subnetTypes: [String: ValueType] = [
  "--ip-version": .intChoices([4, 6]),
  "--allocation-pool": .multiKeyValue(required: ["start", "end"], optional: []),
  "--host-route": .multiKeyValue(required: ["destination", "gateway"], optional: []),
]
private let subnetRepeating: Set<String> = ["--allocation-pool", "--dns-nameserver", "--host-route", "--service-type", "--tag"]

/// `openstack subnet create` (`CreateSubnet`).
enum SubnetCreate: OpenStackCommand {
  static let name = "subnet create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(subnetRepeating), types: subnetTypes)
  static let refusedOptions: Set<String> = ["--extra-property"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var attributes = NeutronAttributes(arguments)
    attributes.fields["name"] = .string(arguments.value("<name>") ?? "")
    try attributes.project(in: context)
    try attributes.reference("--network", "network_id", .network, in: context)
    try attributes.reference("--subnet-pool", "subnetpool_id", .subnetPool, in: context)
    if arguments.flag("--use-prefix-delegation") { attributes.fields["subnetpool_id"] = "prefix_delegation" }
    if arguments.flag("--use-default-subnet-pool") { attributes.fields["use_default_subnetpool"] = true }
    attributes.text("--prefix-length", "prefixlen")
    attributes.text("--subnet-range", "cidr")
    attributes.fields["ip_version"] = .int(Int(arguments.value("--ip-version") ?? "4") ?? 4)
    attributes.text("--ipv6-ra-mode", "ipv6_ra_mode")
    attributes.text("--ipv6-address-mode", "ipv6_address_mode")
    try attributes.reference("--network-segment", "segment_id", .segment, in: context)
    for (key, value) in try subnetAttributes(arguments, create: true).fields { attributes.fields[key] = value }
    let kind = NeutronResourceKind.subnet
    let created = try kind.create(attributes.fields, in: context)
    return kind.show(try NeutronTagOptions.set(created, kind, arguments, in: context), in: context)
  }
}

/// `openstack subnet set` (`SetSubnet`): the lists given are added to the subnet's, or replace
/// them after `--no-...`.
enum SubnetSet: OpenStackCommand {
  static let name = "subnet set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: subnetRepeating, types: subnetTypes)
  static let refusedOptions: Set<String> = ["--extra-property", "--leak-routes", "--no-leak-routes"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let kind = NeutronResourceKind.subnet
    let subnet = try kind.find(arguments.value("<subnet>") ?? "", in: context)
    var attributes = try subnetAttributes(arguments, create: false)
    try attributes.reference("--network-segment", "segment_id", .segment, in: context)
    for (key, clear) in [
      ("dns_nameservers", "--no-dns-nameservers"), ("host_routes", "--no-host-route"),
      ("allocation_pools", "--no-allocation-pool"), ("service_types", ""),
    ] {
      if let given = attributes.fields[key] {
        if clear.isEmpty || !arguments.flag(clear) { attributes.fields[key] = .array(given.array + (subnet[key]?.array ?? [])) }
      } else if !clear.isEmpty, arguments.flag(clear) {
        attributes.fields[key] = .array([])
      }
    }
    try kind.update(subnet, attributes.fields, in: context)
    _ = try NeutronTagOptions.set(subnet, kind, arguments, in: context)
    return .nothing
  }
}

/// `openstack subnet unset` (`UnsetSubnet`): each item given taken out of its list
/// (`Subnet does not contain dns-nameserver 8.8.8.8` when it is not there).
enum SubnetUnset: OpenStackCommand {
  static let name = "subnet unset"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: subnetRepeating, types: subnetTypes)
  static let refusedOptions: Set<String> = ["--extra-property"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let kind = NeutronResourceKind.subnet
    let subnet = try kind.find(arguments.value("<subnet>") ?? "", in: context)
    var attributes = JSONObject()
    if arguments.flag("--gateway") { attributes["gateway_ip"] = .null }
    let lists: [(key: String, option: String, items: [JSON])] = [
      ("dns_nameservers", "dns-nameserver", arguments.values("--dns-nameserver").map(JSON.string)),
      ("host_routes", "host-route", arguments.values("--host-route").map(SubnetRoutes.nexthop)),
      ("allocation_pools", "allocation-pool", arguments.values("--allocation-pool").map { .object(ValueType.pairs($0)) }),
      ("service_types", "service-type", arguments.values("--service-type").map(JSON.string)),
    ]
    for list in lists where !list.items.isEmpty {
      var remaining = subnet[list.key]?.array ?? []
      for item in list.items {
        guard let index = remaining.firstIndex(of: item) else {
          throw CommandFailure(message: "Subnet does not contain \(list.option) \(PythonText.str(item))")
        }
        remaining.remove(at: index)
      }
      attributes[list.key] = .array(remaining)
    }
    try kind.update(subnet, attributes, in: context)
    try NeutronTagOptions.unset(subnet, kind, arguments, in: context)
    return .nothing
  }
}

/// `openstack subnet delete` (`DeleteSubnet`).
enum SubnetDelete: OpenStackCommand {
  static let name = "subnet delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try NeutronResourceKind.subnet.delete(arguments.values("<subnet>"), noun: "subnet", in: context)
  }
}
