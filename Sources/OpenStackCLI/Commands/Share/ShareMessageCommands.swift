import CloudAPI

/// `openstack share message list`: the server's order (newest first), no client sort.
enum ShareMessageList: OpenStackCommand {
  static let name = "share message list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []
  static let columns = ["ID", "Resource Type", "Resource ID", "Action ID", "User Message", "Detail ID", "Created At"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ManilaManager.messages.require("list", in: context)
    var options: [(String, String?)] = [
      ("limit", arguments.value("--limit")), ("request_id", arguments.value("--request-id")),
      ("resource_type", arguments.value("--resource-type")), ("resource_id", arguments.value("--resource-id")),
      ("action_id", arguments.value("--action-id")), ("detail_id", arguments.value("--detail-id")),
      ("message_level", arguments.value("--message-level")),
    ]
    if try context.api.negotiatedShareVersion() < Microversion(2, 52) {
      if arguments.value("--since") != nil || arguments.value("--before") != nil {
        throw CommandFailure(message: "Filtering messages by 'since' and 'before' is possible only with Manila API version >=2.52")
      }
    } else {
      options += [("created_since", arguments.value("--since")), ("created_before", arguments.value("--before"))]
    }
    let body = try context.call(.sharedFileSystem, APIRequest(.get, "/v2/messages", query: ManilaFormat.query(options)))
    let keys = columns.map(ManilaFormat.key(ofColumn:))
    return .list(columns: columns, rows: (body["messages"]?.array ?? []).map { ManilaFormat.row($0, keys) })
  }
}

/// `openstack share message show`: ten fields in a fixed order.
enum ShareMessageShow: OpenStackCommand {
  static let name = "share message show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []
  static let attributes = [
    "id", "resource_type", "resource_id", "action_id", "user_message", "message_level", "detail_id", "created_at",
    "expires_at", "request_id",
  ]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let message = try ManilaLookup.message.find(arguments.value("<message>") ?? "", in: context)
    return .show(JSONObject(uniqueKeys: attributes, values: ManilaFormat.row(message, attributes)), names: .list)
  }
}

/// `openstack share message delete`.
enum ShareMessageDelete: OpenStackCommand {
  static let name = "share message delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try DeleteEach(
      failure: { "Delete for message \($0) failed: \($1)" },
      summary: { _, _ in "Unable to delete some or all of the specified messages." }
    ).run(arguments.values("<message>")) { name in
      let message = try ManilaLookup.message.find(name, in: context)
      _ = try context.call(.sharedFileSystem, APIRequest(.delete, "/v2/messages/\(message["id"]?.string ?? name)"))
      return true
    }
    return .nothing
  }
}
