import CloudAPI
import Foundation

/// `openstack server event list` (`ListServerEvent`): the server's instance actions, newest
/// first, as the API orders them.
enum ServerEventList: OpenStackCommand {
  static let name = "server event list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating,
    types: ["--limit": .nonNegativeInt(option: "--limit"), "--max-items": .nonNegativeInt(option: "--max-items")])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    // The client's checks, in its order, before any lookup.
    func gate(_ option: String, _ version: Microversion) throws {
      guard try context.api.supportsComputeVersion(version) else {
        throw CommandFailure(message: "--os-compute-api-version \(version) or greater is required to support the \(option) option")
      }
    }
    var query: [(name: String, value: String)] = []
    let marker = arguments.value("--marker").flatMap { $0.isEmpty ? nil : $0 }
    if marker != nil { try gate("--marker", Microversion(2, 58)) }
    let limit = arguments.value("--limit").flatMap(Int.init).flatMap { $0 == 0 ? nil : $0 }
    if limit != nil { try gate("--limit", Microversion(2, 58)) }
    let maxItems = arguments.value("--max-items").flatMap(Int.init)
    for (option, version, name) in [("--changes-since", Microversion(2, 58), "changes-since"), ("--changes-before", Microversion(2, 66), "changes-before")] {
      guard let value = arguments.value(option), !value.isEmpty else { continue }
      try gate(option, version)
      guard ISO8601Text.parses(value) else { throw CommandFailure(message: "Invalid \(name) value: \(value)") }
      query.append((name: name, value: value))
    }
    let id = try ServerEvents.serverID(arguments.value("<server>") ?? "", in: context)
    // The SDK's pagination: a limit asked for (or else the most items wanted) goes as `limit`.
    if let pageSize = limit ?? maxItems { query.insert((name: "limit", value: String(pageSize)), at: 0) }
    if let marker { query.insert((name: "marker", value: marker), at: limit ?? maxItems == nil ? 0 : 1) }
    let path = "/servers/\(id)/os-instance-actions"
    var actions: [JSON]
    if let maxItems, limit == nil {
      let paging = SDKPaging(
        service: .compute, path: "/v2.1" + path, itemsKey: "instanceActions", idKey: "request_id",
        nextLink: { page in page["links"]?.array.first { $0["rel"] == "next" }?["href"]?.string },
        computeResource: .serverAction)
      actions = try paging.items(query: query, maxItems: maxItems, in: context)
    } else {
      let response = try context.api.send(APIRequest(.get, "/v2.1" + path, query: query), to: .compute, computeResource: .serverAction)
      guard response.status == 200 else {
        let encoded = query.map { PythonURL.quotePlus($0.name) + "=" + PythonURL.quotePlus($0.value) }.joined(separator: "&")
        throw ComputeLookup.sdkError(response, path: path + (query.isEmpty ? "" : "?" + encoded))
      }
      actions = response.body?["instanceActions"]?.array ?? []
      if let maxItems { actions = Array(actions.prefix(maxItems)) }
    }
    var columns = ["Request ID", "Server ID", "Action", "Start Time"]
    var keys = ["request_id", "instance_uuid", "action", "start_time"]
    if arguments.flag("--long") {
      columns += ["Message", "Project ID", "User ID"]
      keys += ["message", "project_id", "user_id"]
    }
    return .list(columns: columns, rows: actions.map { action in keys.map { action[$0] ?? .null } }, names: .tuple)
  }
}

/// `openstack server event show` (`ShowServerEvent`): the action's fields sorted, its ID the
/// request ID, each event as the SDK's eight attributes.
enum ServerEventShow: OpenStackCommand {
  static let name = "server event show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let id = try ServerEvents.serverID(arguments.value("<server>") ?? "", in: context)
    let request = arguments.value("<request-id>") ?? ""
    let path = "/servers/\(id)/os-instance-actions/\(request)"
    let response = try context.api.send(APIRequest(.get, "/v2.1" + path), to: .compute, computeResource: .serverAction)
    guard response.status == 200, let action = response.body?["instanceAction"] else {
      throw CommandFailure(message: "No ServerAction found for None: " + ComputeLookup.errorDetails(response, path: path))
    }
    // Below 2.51 a member gets no events, and the client's column fails on None.
    guard let events = action["events"]?.array else {
      throw CommandFailure(message: "'NoneType' object is not iterable")
    }
    let eventFields = events.map { event -> JSON in
      .object([
        "details": event["details"] ?? .null, "event": event["event"] ?? .null, "finish_time": event["finish_time"] ?? .null,
        "host": event["host"] ?? .null, "host_id": event["hostId"] ?? .null, "result": event["result"] ?? .null,
        "start_time": event["start_time"] ?? .null, "traceback": event["traceback"] ?? .null,
      ])
    }
    let eventsValue: JSON =
      context.isTable ? .string(eventFields.map { OSCLib.formatDict($0).string ?? "" }.joined(separator: "\n")) : .array(eventFields)
    let requestID = action["request_id"] ?? .null
    return .show([
      "action": action["action"] ?? .null, "events": eventsValue, "id": requestID, "message": action["message"] ?? .null,
      "project_id": action["project_id"] ?? .null, "request_id": requestID, "start_time": action["start_time"] ?? .null,
      "user_id": action["user_id"] ?? .null,
    ])
  }
}

enum ServerEvents {
  /// The server's ID; a UUID-like argument that names no server is taken as the ID itself.
  static func serverID(_ nameOrID: String, in context: CommandContext) throws -> String {
    do {
      return try ComputeLookup.server(nameOrID, in: context)["id"]?.string ?? nameOrID
    } catch let failure as CommandFailure {
      if UUID(uuidString: nameOrID) != nil { return nameOrID }
      throw failure
    }
  }
}
