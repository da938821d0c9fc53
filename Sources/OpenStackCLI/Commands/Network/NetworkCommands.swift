import CloudAPI
import Foundation

/// openstacksdk's `find_network` / `find_subnet`: by ID first, then by name.
struct NeutronLookup {
  /// `networks`, `subnets`.
  var collection: String
  /// `network`, `subnet`.
  var member: String
  /// The word the client's error uses: `Neutron network 'x' not found.`
  var noun: String

  /// The ID of the resource `nameOrID` names.
  func find(_ nameOrID: String, in context: CommandContext) throws -> String {
    guard let id = try record(nameOrID, in: context)?["id"]?.string else {
      throw CommandFailure(message: "Neutron \(noun) '\(nameOrID)' not found.")
    }
    return id
  }

  /// openstacksdk's `find_network` / `find_subnet` with `ignore_missing=False`: the ID, or
  /// `No Network found for x`.
  func sdkFind(_ nameOrID: String, in context: CommandContext) throws -> String {
    guard let id = try record(nameOrID, in: context)?["id"]?.string else {
      throw CommandFailure(message: "No \(PythonText.title(noun)) found for \(nameOrID)")
    }
    return id
  }

  /// The resource `nameOrID` names, or `nil` when none or several do.
  func record(_ nameOrID: String, in context: CommandContext) throws -> JSON? {
    let direct = try context.api.send(APIRequest(.get, "/v2.0/\(collection)/\(nameOrID)"), to: .network)
    if direct.status == 200, let record = direct.body?[member] { return record }
    let listed = try context.api.send(
      APIRequest(.get, "/v2.0/\(collection)", query: [(name: "name", value: nameOrID)]), to: .network)
    let matches = listed.body?[collection]?.array ?? []
    return matches.count == 1 ? matches[0] : nil
  }

  static let network = NeutronLookup(collection: "networks", member: "network", noun: "network")
  static let subnet = NeutronLookup(collection: "subnets", member: "subnet", noun: "subnet")
}

/// osc-lib's tag options: comma-separated lists, under Neutron's filter names.
enum NeutronTags {
  static func query(_ arguments: ParsedArguments) -> [(name: String, value: String)] {
    [("--tags", "tags"), ("--any-tags", "tags-any"), ("--not-tags", "not-tags"), ("--not-any-tags", "not-tags-any")]
      .compactMap { option, filter in arguments.value(option).map { (name: filter, value: $0) } }
  }
}

/// `openstack subnet list` (python-openstackclient `ListSubnet`).
enum SubnetList: OpenStackCommand {
  static let name = "subnet list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating.union(["--service-type"]),
    types: NeutronPaging.types.merging(["--ip-version": .intChoices([4, 6])]) { _, new in new })
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var query: [(name: String, value: String)] = []
    if let version = arguments.value("--ip-version") { query.append((name: "ip_version", value: version)) }
    if arguments.flag("--dhcp") || arguments.flag("--no-dhcp") {
      query.append((name: "enable_dhcp", value: arguments.flag("--dhcp") ? "True" : "False"))
    }
    if let name = arguments.value("--name") { query.append((name: "name", value: name)) }
    // The project is looked up before the network, as the client does.
    if let project = try IdentityLookup.project.id(
      "--project", domain: "--project-domain", in: arguments, context: context, sdk: true)
    {
      query.append((name: "project_id", value: project))
    }
    if let network = arguments.value("--network") {
      query.append((name: "network_id", value: try NeutronLookup.network.sdkFind(network, in: context)))
    }
    if let gateway = arguments.value("--gateway") { query.append((name: "gateway_ip", value: gateway)) }
    if let range = arguments.value("--subnet-range") { query.append((name: "cidr", value: range)) }
    if let pool = arguments.value("--subnet-pool") {
      query.append((name: "subnetpool_id", value: try NeutronResourceKind.subnetPool.find(pool, in: context)["id"]?.string ?? ""))
    }
    query += NeutronTags.query(arguments)
    let listed = try NeutronPaging.list(
      path: "subnets", collection: "subnets", query: NeutronPaging.query(arguments) + query,
      maxItems: NeutronPaging.maxItems(arguments), in: context)
    // The SDK's `Subnet` has no `service_types` query parameter: it keeps, client-side, the
    // subnets whose service types are exactly those given, in that order.
    let serviceTypes = arguments.values("--service-type").map(JSON.string)
    let subnets = listed.filter { serviceTypes.isEmpty || $0["service_types"]?.array ?? [] == serviceTypes }
    var columns = ["ID", "Name", "Network", "Subnet"]
    var keys = ["id", "name", "network_id", "cidr"]
    if arguments.flag("--long") {
      columns += [
        "Project", "DHCP", "Name Servers", "Allocation Pools", "Host Routes", "IP Version", "Gateway", "Service Types",
        "Tags",
      ]
      keys += [
        "project_id", "enable_dhcp", "dns_nameservers", "allocation_pools", "host_routes", "ip_version", "gateway_ip",
        "service_types", "tags",
      ]
    }
    // The client's subnet formatters.
    let formats: [String: NeutronColumnFormat] = [
      "allocation_pools": .allocationPools, "dns_nameservers": .unsortedList, "host_routes": .routes,
      "service_types": .list, "tags": .list,
    ]
    return .list(
      columns: columns,
      rows: subnets.map { subnet in
        keys.map { key in (formats[key] ?? .plain).format(subnet[key] ?? .null, table: context.isTable) }
      }, names: .tuple)
  }
}

/// `openstack network list` (python-openstackclient `ListNetwork`).
enum NetworkList: OpenStackCommand {
  static let name = "network list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating,
    types: NeutronPaging.types.merging([
      "--status": .choices(["ACTIVE", "BUILD", "DOWN", "ERROR"]),
      "--provider-network-type": .choices(["flat", "geneve", "gre", "local", "vlan", "vxlan"]),
    ]) { _, new in new })
  static let refusedOptions: Set<String> = ["--pvlan", "--no-pvlan", "--agent"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var query: [(name: String, value: String)] = []
    if let name = arguments.value("--name") { query.append((name: "name", value: name)) }
    // Each pair of flags is one boolean filter.
    for (yes, no, filter) in [
      ("--external", "--internal", "router:external"), ("--enable", "--disable", "admin_state_up"),
      ("--share", "--no-share", "shared"),
    ] where arguments.flag(yes) || arguments.flag(no) {
      query.append((name: filter, value: arguments.flag(yes) ? "True" : "False"))
    }
    if let project = try IdentityLookup.project.id(
      "--project", domain: "--project-domain", in: arguments, context: context, sdk: true)
    {
      query.append((name: "project_id", value: project))
    }
    if let status = arguments.value("--status") { query.append((name: "status", value: status)) }
    // The provider attributes, which only an admin sees (and so filters by).
    for (option, attribute) in [
      ("--provider-network-type", "provider:network_type"), ("--provider-physical-network", "provider:physical_network"),
      ("--provider-segment", "provider:segmentation_id"),
    ] {
      if let value = arguments.value(option), !value.isEmpty { query.append((name: attribute, value: value)) }
    }
    query += NeutronTags.query(arguments)
    let networks = try NeutronPaging.list(
      path: "networks", collection: "networks", query: NeutronPaging.query(arguments) + query,
      maxItems: NeutronPaging.maxItems(arguments), in: context)
    let long = arguments.flag("--long")
    let columns =
      long
      ? [
        "ID", "Name", "Status", "Project", "State", "Shared", "Subnets", "Network Type", "Router Type",
        "Availability Zones", "Tags",
      ] : ["ID", "Name", "Subnets"]
    let table = context.isTable
    return .list(
      columns: columns,
      rows: networks.map { network in
        // osc-lib's ListColumn: the items sorted and joined with ", " in a table.
        func list(_ key: String) -> JSON {
          let items = network[key]?.array ?? []
          return table ? .string(OSCLib.formatList(items)) : .array(items)
        }
        guard long else { return [network["id"] ?? .null, network["name"] ?? .null, list("subnets")] }
        let up = network["admin_state_up"] ?? .null
        let external = network["router:external"] ?? .null
        return [
          network["id"] ?? .null, network["name"] ?? .null, network["status"] ?? .null,
          network["project_id"] ?? network["tenant_id"] ?? .null, table ? (up.isTruthy ? "UP" : "DOWN") : up,
          network["shared"] ?? .null, list("subnets"), network["provider:network_type"] ?? .null,
          table ? (external.isTruthy ? "External" : "Internal") : external, list("availability_zones"), list("tags"),
        ]
      }, names: .tuple)
  }
}

/// `openstack subnet show` (python-openstackclient `ShowSubnet`).
enum SubnetShow: OpenStackCommand {
  static let name = "subnet show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let kind = NeutronResourceKind.subnet
    return kind.show(try kind.find(arguments.value("<subnet>") ?? "", in: context), in: context)
  }
}
