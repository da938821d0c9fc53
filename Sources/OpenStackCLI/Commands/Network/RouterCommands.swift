import CloudAPI

/// The router options `router create` and `router set` share (`_get_attrs`), the external
/// gateway among them (`_get_external_gateway_attrs`: the network found, SNAT, fixed IPs, the
/// single-gateway API as the cloud lacks `external-gateway-multihoming`).
private func routerAttributes(_ arguments: ParsedArguments, in context: CommandContext) throws -> NeutronAttributes {
  var attributes = NeutronAttributes(arguments)
  attributes.text("--name", "name")
  attributes.flags("--enable", "--disable", "admin_state_up")
  // The cloud's OVN routers have neither attribute: Neutron refuses them as unrecognized.
  attributes.flags("--distributed", "--centralized", "distributed")
  attributes.flags("--ha", "--no-ha", "ha")
  if arguments.contains("--availability-zone-hint") {
    attributes.fields["availability_zone_hints"] = .array(arguments.values("--availability-zone-hint").map(JSON.string))
  }
  attributes.text("--description", "description")
  try attributes.project(in: context)
  // Sent when given: without `external-gateway-multihoming` the client stops them below.
  attributes.flags("--enable-default-route-bfd", "--disable-default-route-bfd", "enable_default_route_bfd")
  attributes.flags("--enable-default-route-ecmp", "--disable-default-route-ecmp", "enable_default_route_ecmp")
  if let network = arguments.value("--external-gateway") {
    let networkID = try NeutronResourceKind.network.findID(network, in: context)
    var gateway: JSONObject = ["network_id": .string(networkID)]
    if arguments.flag("--disable-snat") { gateway["enable_snat"] = false }
    if arguments.flag("--enable-snat") { gateway["enable_snat"] = true }
    _ = try NeutronResourceKind.hasExtension("external-gateway-multihoming", in: context)
    var fixedIPs: [JSON] = []
    for text in arguments.values("--fixed-ip") {
      var spec = ValueType.pairs(text)
      var specNetwork = networkID
      if let subnetName = spec.removeValue(forKey: "subnet")?.string, !subnetName.isEmpty {
        let subnet = try NeutronResourceKind.subnet.find(subnetName, in: context)
        spec["subnet_id"] = subnet["id"] ?? .null
        specNetwork = subnet["network_id"]?.string ?? ""
      }
      if let address = spec.removeValue(forKey: "ip-address") { spec["ip_address"] = address }
      if spec["subnet_id"] != nil, specNetwork != networkID {
        throw CommandFailure(
          message: "Subnet \(spec["subnet_id"]?.string ?? "") does not belong to any of the networks provided for --external-gateway.")
      }
      fixedIPs.append(.object(spec))
    }
    if !fixedIPs.isEmpty { gateway["external_fixed_ips"] = .array(fixedIPs) }
    attributes.fields["external_gateway_info"] = .object(gateway)
  }
  return attributes
}

private let routerTypes: [String: ValueType] = [
  "--fixed-ip": .multiKeyValue(required: [], optional: ["subnet", "ip-address"]),
  "--route": .multiKeyValue(required: ["destination", "gateway"], optional: []),
]
/// Flavors, QoS, EVPN: not in the cloud.
private let routerRefused: Set<String> = [
  "--extra-property", "--flavor", "--qos-policy", "--no-qos-policy", "--evpn-vni", "--auto-evpn-vni",
]

/// `enable_ndp_proxy` (which the cloud, without `l3-ndp-proxy`, refuses as unrecognized), then
/// `_command_check_bfd_ecmp_supported`: BFD and ECMP need `external-gateway-multihoming`, which the
/// cloud lacks.
private func ndpProxyAndMultihoming(_ attributes: inout NeutronAttributes, in context: CommandContext) throws {
  attributes.flags("--enable-ndp-proxy", "--disable-ndp-proxy", "enable_ndp_proxy")
  if attributes.fields["enable_default_route_bfd"] != nil || attributes.fields["enable_default_route_ecmp"] != nil,
    !(try NeutronResourceKind.hasExtension("external-gateway-multihoming", in: context))
  {
    throw CommandFailure(
      message:
        "The external-gateway-multihoming extension is not enabled at the Neutron side, cannot use --enable-default-route-bfd or --enable-default-route-ecmp arguments."
    )
  }
}

/// `openstack router create` (`CreateRouter`).
enum RouterCreate: OpenStackCommand {
  static let name = "router create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name),
    repeating: DisplayOptions.showRepeating.union(["--availability-zone-hint", "--tag", "--fixed-ip"]), types: routerTypes)
  static let refusedOptions = routerRefused

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var attributes = try routerAttributes(arguments, in: context)
    attributes.fields["name"] = .string(arguments.value("<name>") ?? "")
    // `--enable` is the default: the client always sends it.
    attributes.fields["admin_state_up"] = .bool(!arguments.flag("--disable"))
    if arguments.flag("--enable-ndp-proxy"), arguments.value("--external-gateway") == nil {
      throw CommandFailure(message: "You must specify '--external-gateway' in order to enable router's NDP proxy")
    }
    try ndpProxyAndMultihoming(&attributes, in: context)
    let kind = NeutronResourceKind.router
    let router = try NeutronTagOptions.set(try kind.create(attributes.fields, in: context), kind, arguments, in: context)
    // The client checks this only after the router is made.
    if arguments.flag("--disable-snat") || arguments.flag("--enable-snat") || !arguments.values("--fixed-ip").isEmpty,
      arguments.value("--external-gateway") == nil
    {
      throw CommandFailure(message: "You must specify '--external-gateway' in order to specify SNAT or fixed-ip values")
    }
    return kind.show(router, in: context)
  }
}

/// `openstack router show` (`ShowRouter`): with `interfaces_info`, each address of the router's
/// ports but its gateway.
enum RouterShow: OpenStackCommand {
  static let name = "router show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var kind = NeutronResourceKind.router
    let router = try kind.find(arguments.value("<router>") ?? "", in: context)
    var interfaces: [JSON] = []
    for port in try NeutronResourceKind.port.list([(name: "device_id", value: router["id"]?.string ?? "")], in: context)
    where port["device_owner"]?.string != "network:router_gateway" {
      for address in port["fixed_ips"]?.array ?? [] {
        interfaces.append(
          .object([
            "port_id": port["id"] ?? .null, "ip_address": address["ip_address"] ?? .null, "subnet_id": address["subnet_id"] ?? .null,
          ]))
      }
    }
    kind.columns.append(("interfaces_info", "interfaces_info", .json))
    guard case .object(var fields) = router else { return kind.show(router, in: context) }
    fields["interfaces_info"] = .array(interfaces)
    return kind.show(.object(fields), in: context)
  }
}

/// `openstack router list` (`ListRouter`).
enum RouterList: OpenStackCommand {
  static let name = "router list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating, types: NeutronPaging.types)
  static let refusedOptions: Set<String> = ["--agent"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var query: [(name: String, value: String)] = []
    if let name = arguments.value("--name") { query.append((name: "name", value: name)) }
    if arguments.flag("--enable") || arguments.flag("--disable") {
      query.append((name: "admin_state_up", value: arguments.flag("--enable") ? "True" : "False"))
    }
    if let project = try IdentityLookup.project.id(
      "--project", domain: "--project-domain", in: arguments, context: context, sdk: true)
    {
      query.append((name: "project_id", value: project))
    }
    query += NeutronTags.query(arguments)
    let routers = try NeutronResourceKind.router.list(query, paging: arguments, in: context)
    var columns: [(header: String, field: String, format: NeutronColumnFormat)] = [
      ("ID", "id", .plain), ("Name", "name", .plain), ("Status", "status", .plain), ("State", "admin_state_up", .adminState),
      ("Project", "project_id", .plain),
    ]
    if arguments.flag("--long") {
      columns += [("Routes", "routes", .routes), ("External gateway info", "external_gateway_info", .json)]
      if try NeutronResourceKind.hasExtension("router_availability_zone", in: context) {
        columns.append(("Availability zones", "availability_zones", .list))
      }
      columns.append(("Tags", "tags", .list))
    }
    return .list(
      columns: columns.map(\.header),
      rows: routers.map { router in columns.map { $0.format.format(router[$0.field] ?? .null, table: context.isTable) } },
      names: .tuple)
  }
}

/// `openstack router set` (`SetRouter`).
enum RouterSet: OpenStackCommand {
  static let name = "router set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--route", "--tag", "--fixed-ip"], types: routerTypes)
  static let refusedOptions = routerRefused

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let kind = NeutronResourceKind.router
    let router = try kind.find(arguments.value("<router>") ?? "", in: context)
    var attributes = try routerAttributes(arguments, in: context)
    if arguments.contains("--route") {
      let routes = arguments.values("--route").map(SubnetRoutes.nexthop)
      attributes.fields["routes"] = .array(routes + (arguments.flag("--no-route") ? [] : (router["routes"]?.array ?? [])))
    } else if arguments.flag("--no-route") {
      attributes.fields["routes"] = .array([])
    }
    if arguments.flag("--disable-snat") || arguments.flag("--enable-snat") || !arguments.values("--fixed-ip").isEmpty,
      arguments.value("--external-gateway") == nil
    {
      throw CommandFailure(message: "You must specify '--external-gateway' in order to update the SNAT or fixed-ip values")
    }
    try ndpProxyAndMultihoming(&attributes, in: context)
    try kind.update(router, attributes.fields, in: context)
    _ = try NeutronTagOptions.set(router, kind, arguments, in: context)
    return .nothing
  }
}

/// `openstack router unset` (`UnsetRouter`): routes, the gateway, tags.
enum RouterUnset: OpenStackCommand {
  static let name = "router unset"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--route", "--tag"], types: routerTypes)
  static let refusedOptions: Set<String> = ["--extra-property", "--qos-policy"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let kind = NeutronResourceKind.router
    let router = try kind.find(arguments.value("<router>") ?? "", in: context)
    var attributes = JSONObject()
    if arguments.contains("--route") {
      var routes = router["routes"]?.array ?? []
      for route in arguments.values("--route").map(SubnetRoutes.nexthop) {
        guard let index = routes.firstIndex(of: route) else {
          throw CommandFailure(message: "Router does not contain route \(PythonText.str(route))")
        }
        routes.remove(at: index)
      }
      attributes["routes"] = .array(routes)
    }
    if arguments.flag("--external-gateway") { attributes["external_gateway_info"] = .object([:]) }
    if !attributes.isEmpty {
      _ = try NeutronResourceKind.hasExtension("external-gateway-multihoming", in: context)
      try kind.update(router, attributes, in: context)
    }
    try NeutronTagOptions.unset(router, kind, arguments, in: context)
    return .nothing
  }
}

/// `openstack router delete` (`DeleteRouter`).
enum RouterDelete: OpenStackCommand {
  static let name = "router delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try NeutronResourceKind.router.delete(arguments.values("<router>"), noun: "router", in: context)
  }
}

/// `router add|remove subnet|port`: `PUT /routers/{id}/add_router_interface` (or
/// `remove_router_interface`) with the subnet's or the port's ID, the one looked up first.
struct RouterInterface {
  let action: String
  let kind: NeutronResourceKind
  let key: String

  func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let id = try kind.findID(arguments.value("<\(kind.member)>") ?? "", in: context)
    let router = try NeutronResourceKind.router.findID(arguments.value("<router>") ?? "", in: context)
    _ = try NeutronClient.call(context, .put, "/routers/\(router)/\(action)", body: .object([key: .string(id)]))
    return .nothing
  }
}

/// `openstack router add subnet` (`AddSubnetToRouter`).
enum RouterAddSubnet: OpenStackCommand {
  static let name = "router add subnet"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  /// EVPN host routes are not in the cloud.
  static let refusedOptions: Set<String> = ["--advertise-host"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try RouterInterface(action: "add_router_interface", kind: .subnet, key: "subnet_id").run(arguments, in: context)
  }
}

/// `openstack router remove subnet` (`RemoveSubnetFromRouter`).
enum RouterRemoveSubnet: OpenStackCommand {
  static let name = "router remove subnet"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try RouterInterface(action: "remove_router_interface", kind: .subnet, key: "subnet_id").run(arguments, in: context)
  }
}

/// `openstack router add port` (`AddPortToRouter`).
enum RouterAddPort: OpenStackCommand {
  static let name = "router add port"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try RouterInterface(action: "add_router_interface", kind: .port, key: "port_id").run(arguments, in: context)
  }
}

/// `openstack router remove port` (`RemovePortFromRouter`).
enum RouterRemovePort: OpenStackCommand {
  static let name = "router remove port"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try RouterInterface(action: "remove_router_interface", kind: .port, key: "port_id").run(arguments, in: context)
  }
}
