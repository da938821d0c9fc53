import CloudAPI
import Foundation

/// `openstack server event list` (`ListServerEvent`): the server's instance actions, newest
/// first, as the API orders them.
enum ServerEventList: OpenStackCommand {
  static let name = "server event list"
  static let syntax = CommandSyntax(usage: RealUsage.serverEventList, repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = [
    "--changes-since", "--changes-before", "--limit", "--marker", "--max-items",
  ]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let id = try ServerEvents.serverID(arguments.value("<server>") ?? "", in: context)
    let response = try context.api.send(APIRequest(.get, "/v2.1/servers/\(id)/os-instance-actions"), to: .compute, computeResource: .serverAction)
    guard response.status == 200 else { throw ComputeLookup.sdkError(response, path: "/servers/\(id)/os-instance-actions") }
    var columns = ["Request ID", "Server ID", "Action", "Start Time"]
    var keys = ["request_id", "instance_uuid", "action", "start_time"]
    if arguments.flag("--long") {
      columns += ["Message", "Project ID", "User ID"]
      keys += ["message", "project_id", "user_id"]
    }
    let actions = response.body?["instanceActions"]?.array ?? []
    return .list(columns: columns, rows: actions.map { action in keys.map { action[$0] ?? .null } }, names: .tuple)
  }
}

/// `openstack server event show` (`ShowServerEvent`): the action's fields sorted, its ID the
/// request ID, each event as the SDK's eight attributes.
enum ServerEventShow: OpenStackCommand {
  static let name = "server event show"
  static let syntax = CommandSyntax(usage: RealUsage.serverEventShow, repeating: DisplayOptions.showRepeating)
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
