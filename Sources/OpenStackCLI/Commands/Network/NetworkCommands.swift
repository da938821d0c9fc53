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

/// `openstack subnet list` (python-openstackclient `ListSubnet`).
enum SubnetList: OpenStackCommand {
  static let name = "subnet list"
  static let syntax = CommandSyntax(usage: RealUsage.subnetList, repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = [
    "--long", "--ip-version", "--dhcp", "--no-dhcp", "--service-type", "--project", "--project-domain", "--gateway",
    "--subnet-pool", "--tags", "--any-tags", "--not-tags", "--not-any-tags", "--limit", "--marker", "--max-items",
  ]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var query: [(name: String, value: String)] = []
    if let name = arguments.value("--name") { query.append((name: "name", value: name)) }
    if let network = arguments.value("--network") {
      query.append((name: "network_id", value: try NeutronLookup.network.find(network, in: context)))
    }
    if let range = arguments.value("--subnet-range") { query.append((name: "cidr", value: range)) }
    let body = try context.call(.network, APIRequest(.get, "/v2.0/subnets", query: query))
    let keys = ["id", "name", "network_id", "cidr"]
    return .list(
      columns: ["ID", "Name", "Network", "Subnet"],
      rows: (body["subnets"]?.array ?? []).map { subnet in keys.map { subnet[$0] ?? .null } }, names: .tuple)
  }
}

/// `openstack network list` (python-openstackclient `ListNetwork`).
enum NetworkList: OpenStackCommand {
  static let name = "network list"
  static let syntax = CommandSyntax(usage: RealUsage.networkList, repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = [
    "--external", "--internal", "--long", "--enable", "--disable", "--project", "--pvlan", "--no-pvlan",
    "--project-domain", "--share", "--no-share", "--status", "--provider-network-type",
    "--provider-physical-network", "--provider-segment", "--agent", "--tags", "--any-tags", "--not-tags",
    "--not-any-tags", "--limit", "--marker", "--max-items",
  ]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var query: [(name: String, value: String)] = []
    if let name = arguments.value("--name") { query.append((name: "name", value: name)) }
    let body = try context.call(.network, APIRequest(.get, "/v2.0/networks", query: query))
    return .list(
      columns: ["ID", "Name", "Subnets"],
      rows: (body["networks"]?.array ?? []).map { network in
        // osc-lib's ListColumn: the subnet IDs joined with ", " in a table.
        let subnets = network["subnets"]?.array ?? []
        let cell: JSON =
          context.isTable ? .string(subnets.compactMap(\.string).sorted().joined(separator: ", ")) : .array(subnets)
        return [network["id"] ?? .null, network["name"] ?? .null, cell]
      }, names: .tuple)
  }
}

/// `openstack subnet show` (python-openstackclient `ShowSubnet`): the SDK resource's attributes
/// in name order, with the client's column formatters in a table.
enum SubnetShow: OpenStackCommand {
  static let name = "subnet show"
  static let syntax = CommandSyntax(usage: RealUsage.subnetShow, repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []
  /// openstacksdk 4.22's `Subnet` attributes as the client shows them (`enable_dhcp` and
  /// `subnetpool_id` under their API names; `location`, `prefix_length`, `tenant_id` and
  /// `use_default_subnet_pool` hidden).
  static let columns = [
    "allocation_pools", "cidr", "created_at", "description", "dns_nameservers", "dns_publish_fixed_ip", "enable_dhcp",
    "gateway_ip", "host_routes", "id", "ip_version", "ipv6_address_mode", "ipv6_ra_mode", "name", "network_id",
    "project_id", "revision_number", "segment_id", "service_types", "subnetpool_id", "tags", "updated_at",
  ]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let name = arguments.value("<subnet>") ?? ""
    guard let subnet = try NeutronLookup.subnet.record(name, in: context) else {
      throw CommandFailure(message: "No Subnet found for \(name)")
    }
    var fields = JSONObject()
    for column in columns {
      let value = subnet[column] ?? .null
      fields[column] = context.isTable ? tableValue(column, value) : value
    }
    return .show(fields)
  }

  /// The client's formatters: pools as `start-end` joined by commas, name servers in their
  /// order, service types and tags sorted, host routes as `destination='…', gateway='…'`.
  private static func tableValue(_ column: String, _ value: JSON) -> JSON {
    switch column {
    case "allocation_pools":
      return .string(value.array.map { "\($0["start"]?.string ?? "")-\($0["end"]?.string ?? "")" }.joined(separator: ","))
    case "dns_nameservers":
      return .string(value.array.map(PythonText.str).joined(separator: ", "))
    case "service_types", "tags":
      return .string(value.array.map(PythonText.str).sorted().joined(separator: ", "))
    case "host_routes":
      return .string(
        value.array.map { route in
          "destination='\(route["destination"]?.string ?? "")', gateway='\(route["nexthop"]?.string ?? "")'"
        }.joined(separator: "\n"))
    default:
      return value
    }
  }
}
