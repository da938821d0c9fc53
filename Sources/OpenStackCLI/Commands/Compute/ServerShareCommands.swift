import CloudAPI

/// What the four `server … share` commands (`compute/v2/server_share.py`) share: the version
/// check, the server and share found as the SDK finds them, and the mapping shown as
/// `_get_server_share_columns` shows it.
enum ServerShareLookup {
  /// `sdk_utils.supports_microversion(compute_client, '2.97')`, before anything is found.
  static func requireVersion(in context: CommandContext) throws {
    guard try context.api.supportsComputeVersion(Microversion(2, 97)) else {
      throw CommandFailure(message: "--os-compute-api-version 2.97 or greater is required to support share attachments")
    }
  }

  /// The server, then the share: `find_server`, then the shared file system proxy's
  /// `find_share` (`GET /shares/X`, then the shares named X).
  static func serverAndShare(_ arguments: ParsedArguments, in context: CommandContext) throws -> (server: String, share: String) {
    let server = try ComputeLookup.server(arguments.value("<server>") ?? "", in: context)["id"]?.string ?? ""
    let nameOrID = arguments.value("<share>") ?? ""
    let direct = try context.api.send(APIRequest(.get, "/v2/shares/\(nameOrID)"), to: .sharedFileSystem)
    if direct.status == 200, let id = direct.body?["share"]?["id"]?.string { return (server, id) }
    let listed = try context.call(.sharedFileSystem, APIRequest(.get, "/v2/shares", query: [(name: "name", value: nameOrID)]))
    let share = try ComputeLookup.exactMatch(listed["shares"]?.array ?? [], nameOrID, kind: "Share")
    return (server, share["id"]?.string ?? "")
  }

  /// A request for the SDK's `ShareMapping` (at most 2.97); a failure is the SDK's exception,
  /// a missing mapping `No ShareMapping found for ...` when fetched.
  static func send(_ method: HTTPMethod, _ path: String, body: JSON? = nil, in context: CommandContext) throws -> APIResponse {
    try context.api.send(APIRequest(method, "/v2.1" + path, body: body), to: .compute, computeResource: .shareMapping)
  }

  /// `get_osc_show_columns_for_sdk_resource` over the mapping: the columns sorted; a user who
  /// is not an admin gets no `uuid`, so no UUID and no export location either.
  static func display(_ mapping: JSON) -> CommandOutput {
    var fields: JSONObject = [:]
    let admin = (mapping["uuid"] ?? .null) != .null
    if admin { fields.appendNew("Export Location", mapping["export_location"] ?? .string("")) }
    fields.appendNew("Share ID", mapping["share_id"] ?? .null)
    fields.appendNew("Status", mapping["status"] ?? .null)
    fields.appendNew("Tag", mapping["tag"] ?? .null)
    if admin { fields.appendNew("UUID", mapping["uuid"] ?? .null) }
    return .show(fields)
  }
}

/// `openstack server add share` (`AddServerShare`): the mapping Nova made, `attaching`.
enum ServerAddShare: OpenStackCommand {
  static let name = "server add share"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ServerShareLookup.requireVersion(in: context)
    let (server, share) = try ServerShareLookup.serverAndShare(arguments, in: context)
    var body: JSONObject = ["share_id": .string(share)]
    if let tag = arguments.value("--tag"), !tag.isEmpty { body["tag"] = .string(tag) }
    let request = APIRequest(.post, "/v2.1/servers/\(server)/shares", body: .object(["share": .object(body)]))
    let answer = try ComputeLookup.sdkCall(request, resource: .shareMapping, in: context)
    return ServerShareLookup.display(answer["share"] ?? .null)
  }
}

/// `openstack server share list` (`ListServerShare`): share, status and tag of each mapping.
enum ServerShareList: OpenStackCommand {
  static let name = "server share list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ServerShareLookup.requireVersion(in: context)
    let server = try ComputeLookup.server(arguments.value("<server>") ?? "", in: context)["id"]?.string ?? ""
    let answer = try ComputeLookup.sdkCall(APIRequest(.get, "/v2.1/servers/\(server)/shares"), resource: .shareMapping, in: context)
    let rows = (answer["shares"]?.array ?? []).map { mapping in
      [mapping["share_id"] ?? .null, mapping["status"] ?? .null, mapping["tag"] ?? .null]
    }
    return .list(columns: ["Share ID", "Status", "Tag"], rows: rows)
  }
}

/// `openstack server share show` (`ShowServerShare`): one mapping, fetched.
enum ServerShareShow: OpenStackCommand {
  static let name = "server share show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ServerShareLookup.requireVersion(in: context)
    let (server, share) = try ServerShareLookup.serverAndShare(arguments, in: context)
    let path = "/servers/\(server)/shares/\(share)"
    let response = try ServerShareLookup.send(.get, path, in: context)
    if response.status == 404 {
      // The SDK names the mapping by its `id`, which a share mapping never has.
      throw CommandFailure(message: "No ShareMapping found for None: \(ComputeLookup.errorDetails(response, path: path))")
    }
    guard response.status == 200 else { throw ComputeLookup.sdkError(response, path: path) }
    return ServerShareLookup.display(response.body?["share"] ?? .null)
  }
}

/// `openstack server remove share` (`RemoveServerShare`): the SDK's delete ignores a mapping
/// that is not there.
enum ServerRemoveShare: OpenStackCommand {
  static let name = "server remove share"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ServerShareLookup.requireVersion(in: context)
    let (server, share) = try ServerShareLookup.serverAndShare(arguments, in: context)
    let path = "/servers/\(server)/shares/\(share)"
    let response = try ServerShareLookup.send(.delete, path, in: context)
    guard (200..<300).contains(response.status) || response.status == 404 else {
      throw ComputeLookup.sdkError(response, path: path)
    }
    return .nothing
  }
}
