import CloudAPI

/// `_format_region`: the region's ID as `region`, its parent as `parent_region`.
enum Regions {
  static func show(_ region: JSON) -> CommandOutput {
    Keystone.show(region, [("region", "id"), ("description", "description"), ("parent_region", "parent_region_id")])
  }
}

/// `openstack region create` (`CreateRegion`): the ID is the user's; the SDK sends the parent and
/// description even when not given (`null`).
enum RegionCreate: OpenStackCommand {
  static let name = "region create"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let body: JSONObject = [
      "id": .string(arguments.value("<region-id>") ?? ""),
      "parent_region_id": arguments.value("--parent-region").map(JSON.string) ?? .null,
      "description": arguments.value("--description").map(JSON.string) ?? .null,
    ]
    let region = try Keystone.call(.post, "/regions", body: .object(["region": .object(body)]), in: context)["region"] ?? .null
    return Regions.show(region)
  }
}

/// `openstack region list` (`ListRegion`): `--parent-region` filters on the server.
enum RegionList: OpenStackCommand {
  static let name = "region list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let parent = arguments.value("--parent-region").flatMap { $0.isEmpty ? nil : $0 }
    let query = parent.map { [(name: "parent_region_id", value: $0)] } ?? []
    let regions = try Keystone.call(.get, "/regions", query: query, in: context)["regions"]?.array ?? []
    return .list(
      columns: ["Region", "Parent Region", "Description"], rows: Keystone.rows(regions, ["id", "parent_region_id", "description"]),
      names: .tuple)
  }
}

/// `openstack region show` (`ShowRegion`): fetched by ID (`get_region`).
enum RegionShow: OpenStackCommand {
  static let name = "region show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    Regions.show(try Keystone.get("regions", "region", arguments.value("<region-id>") ?? "", in: context))
  }
}

/// `openstack region set` (`SetRegion`): only what was given is sent; nothing given, nothing is
/// asked (the SDK commits no change).
enum RegionSet: OpenStackCommand {
  static let name = "region set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var body: JSONObject = [:]
    if let description = arguments.value("--description"), !description.isEmpty { body["description"] = .string(description) }
    if let parent = arguments.value("--parent-region"), !parent.isEmpty { body["parent_region_id"] = .string(parent) }
    guard !body.isEmpty else { return .nothing }
    _ = try Keystone.call(.patch, "/regions/\(arguments.value("<region-id>") ?? "")", body: .object(["region": .object(body)]), in: context)
    return .nothing
  }
}

/// `openstack region delete` (`DeleteRegion`): the SDK's delete ignores a region that is not
/// there; other failures are logged, then counted.
enum RegionDelete: OpenStackCommand {
  static let name = "region delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try DeleteEach(
      failure: { "Failed to delete region with ID '\($0)': \($1)" },
      summary: { "\($0) of \($1) regions failed to delete." }
    ).run(arguments.values("<region-id>")) { id in
      let path = "/regions/\(id)"
      let response = try context.api.send(APIRequest(.delete, "/v3" + path), to: .identity)
      guard (200..<300).contains(response.status) || response.status == 404 else { throw Keystone.sdkError(response, path: path) }
      return true
    }
    return .nothing
  }
}
