import CloudAPI

/// `openstack flavor list` (`ListFlavor`): public flavors, in the API's order.
enum FlavorList: OpenStackCommand {
  static let name = "flavor list"
  static let syntax = CommandSyntax(usage: RealUsage.flavorList, repeating: DisplayOptions.listerRepeating)

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let visibility = arguments.flag("--all") ? "None" : arguments.flag("--private") ? "False" : "True"
    let response = try context.api.send(
      APIRequest(.get, "/v2.1/flavors/detail", query: [(name: "is_public", value: visibility)]), to: .compute,
      computeResource: .flavor)
    guard response.status == 200 else { throw ComputeLookup.sdkError(response, path: "/flavors/detail") }
    var columns = ["ID", "Name", "RAM", "Disk", "Ephemeral", "VCPUs", "Is Public"]
    var keys = ["id", "name", "ram", "disk", "OS-FLV-EXT-DATA:ephemeral", "vcpus", "os-flavor-access:is_public"]
    if arguments.flag("--long") {
      columns += ["Swap", "RXTX Factor", "Properties"]
      keys += ["swap", "rxtx_factor", "extra_specs"]
    }
    let rows = (response.body?["flavors"]?.array ?? []).map { flavor in
      keys.map { key -> JSON in
        let value = flavor[key] ?? .null
        // The SDK reads swap as an int (Nova's "" below 2.75 becomes 0); the properties are a
        // DictColumn.
        if key == "swap" { return value == "" ? 0 : value }
        if key == "extra_specs" { return context.isTable ? OSCLib.formatDict(value) : value }
        return value
      }
    }
    return .list(columns: columns, rows: rows, names: .tuple)
  }
}

/// `openstack image list` (`ListImage`): ID, name and status, in Glance's order.
enum ImageList: OpenStackCommand {
  static let name = "image list"
  static let syntax = CommandSyntax(usage: RealUsage.imageList, repeating: DisplayOptions.listerRepeating)

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var query: [(name: String, value: String)] = []
    if let name = arguments.value("--name") { query.append((name: "name", value: name)) }
    let images = try context.call(.image, APIRequest(.get, "/v2/images", query: query))["images"]?.array ?? []
    return .list(
      columns: ["ID", "Name", "Status"], rows: images.map { image in ["id", "name", "status"].map { image[$0] ?? .null } },
      names: .tuple)
  }
}

/// `openstack aggregate show` (`ShowAggregate`): found through the aggregates list, which only
/// admins may read.
enum AggregateShow: OpenStackCommand {
  static let name = "aggregate show"
  static let syntax = CommandSyntax(usage: RealUsage.aggregateShow, repeating: DisplayOptions.showRepeating)

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let nameOrID = arguments.value("<aggregate>") ?? ""
    let direct = try context.api.send(APIRequest(.get, "/v2.1/os-aggregates/\(nameOrID)"), to: .compute, computeResource: .aggregate)
    if direct.status == 200, let aggregate = direct.body?["aggregate"] { return .show(aggregate.object) }
    let listed = try context.api.send(APIRequest(.get, "/v2.1/os-aggregates"), to: .compute, computeResource: .aggregate)
    guard listed.status == 200 else { throw ComputeLookup.sdkError(listed, path: "/os-aggregates") }
    let aggregate = try ComputeLookup.exactMatch(listed.body?["aggregates"]?.array ?? [], nameOrID, kind: "Aggregate")
    return .show(aggregate.object)
  }
}
