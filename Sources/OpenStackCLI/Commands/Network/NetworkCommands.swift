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
    let direct = try context.api.send(APIRequest(.get, "/v2.0/\(collection)/\(nameOrID)"), to: .network)
    if direct.status == 200, let id = direct.body?[member]?["id"]?.string { return id }
    let listed = try context.api.send(
      APIRequest(.get, "/v2.0/\(collection)", query: [(name: "name", value: nameOrID)]), to: .network)
    let matches = listed.body?[collection]?.array ?? []
    guard matches.count == 1, let id = matches[0]["id"]?.string else {
      throw CommandFailure(message: "Neutron \(noun) '\(nameOrID)' not found.")
    }
    return id
  }

  static let network = NeutronLookup(collection: "networks", member: "network", noun: "network")
  static let subnet = NeutronLookup(collection: "subnets", member: "subnet", noun: "subnet")
}

/// `openstack subnet list` (python-openstackclient `ListSubnet`).
enum SubnetList: OpenStackCommand {
  static let name = "subnet list"
  static let syntax = CommandSyntax(usage: RealUsage.subnetList, repeating: DisplayOptions.listerRepeating)

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
      rows: (body["subnets"]?.array ?? []).map { subnet in keys.map { subnet[$0] ?? .null } })
  }
}

/// `openstack network list` (python-openstackclient `ListNetwork`).
enum NetworkList: OpenStackCommand {
  static let name = "network list"
  static let syntax = CommandSyntax(usage: RealUsage.networkList, repeating: DisplayOptions.listerRepeating)

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
      })
  }
}
