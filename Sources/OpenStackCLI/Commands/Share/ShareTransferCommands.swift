import CloudAPI

extension ManilaLookup {
  /// python-manilaclient's `ShareTransferManager`, whose methods start at 2.77.
  static let shareTransfer = ManilaLookup(
    className: "sharetransfer", path: "/v2/share-transfers", member: "transfer", listPath: "/v2/share-transfers/detail",
    collection: "transfers", manager: .shareTransfers)
}

extension ManilaManager {
  static let shareTransfers = ManilaManager(
    qualifiedName: "manilaclient.v2.share_transfers.ShareTransferManager", minimumVersion: Microversion(2, 77))
}

/// `openstack share transfer create`: the transfer as created, with its auth key, without links.
enum ShareTransferCreate: OpenStackCommand {
  static let name = "share transfer create"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let share = try ManilaLookup.share.find(arguments.value("<share>") ?? "", in: context, helper: .oscLib)
    try ManilaManager.shareTransfers.require("create", in: context)
    let transfer: JSONObject = ["share_id": share["id"] ?? .null, "name": arguments.value("--name").map(JSON.string) ?? .null]
    let body = try context.call(
      .sharedFileSystem, APIRequest(.post, "/v2/share-transfers", body: .object(["transfer": .object(transfer)])))
    var fields = body["transfer"]?.object ?? [:]
    fields.removeValue(forKey: "links")
    return .show(fields)
  }
}

/// `openstack share transfer list`: four columns, five more with `--detailed`.
enum ShareTransferList: OpenStackCommand {
  static let name = "share transfer list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating, types: ["--limit": .int])
  static let refusedOptions: Set<String> = []
  /// `SHARE_TRANSFER_SORT_KEY_VALUES` and `SORT_DIR_VALUES`.
  static let sortKeys = [
    "id", "resource_type", "resource_id", "name", "source_project_id", "destination_project_id", "created_at", "expires_at",
  ]
  static let sortDirections = ["asc", "desc"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let detailValue = arguments.values("--detailed").last
    if let detailValue, Int(detailValue) == nil {
      throw syntax.error("argument --detailed: invalid int value: '\(detailValue)'")
    }
    let detailed = arguments.contains("--detailed") && detailValue.flatMap(Int.init) != 0
    var columns = ["ID", "Name", "Resource Type", "Resource Id"]
    if detailed { columns += ["Created At", "Source Project Id", "Destination Project Id", "Accepted", "Expires At"] }
    try ManilaManager.shareTransfers.require("list", in: context)
    var options: [(String, String?)] = [
      ("all_tenants", arguments.flag("--all-projects") ? "True" : nil), ("id", arguments.value("--id")),
      ("name", arguments.value("--name")), ("limit", arguments.value("--limit").flatMap(Int.init).flatMap { $0 == 0 ? nil : String($0) }),
      ("offset", arguments.value("--offset")), ("resource_type", arguments.value("--resource-type")),
      ("resource_id", arguments.value("--resource-id")), ("source_project_id", arguments.value("--source-project-id")),
    ]
    if let key = arguments.value("--sort-key") {
      guard sortKeys.contains(key) else {
        throw CommandFailure(message: "sort_key must be one of the following: \(sortKeys.joined(separator: ", ")).")
      }
      options.append(("sort_key", key == "name" ? "display_name" : key))
    }
    if let direction = arguments.value("--sort-dir") {
      guard sortDirections.contains(direction) else {
        throw CommandFailure(message: "sort_dir must be one of the following: \(sortDirections.joined(separator: ", ")).")
      }
      options.append(("sort_dir", direction))
    }
    let path = detailed ? "/v2/share-transfers/detail" : "/v2/share-transfers"
    let body = try context.call(.sharedFileSystem, APIRequest(.get, path, query: ManilaFormat.query(options)))
    let keys = columns.map(ManilaFormat.key(ofColumn:))
    return .list(columns: columns, rows: (body["transfers"]?.array ?? []).map { ManilaFormat.row($0, keys) })
  }
}

/// `openstack share transfer show`: `TRANSFER_DETAIL_ATTRIBUTES`, named as the API names them.
enum ShareTransferShow: OpenStackCommand {
  static let name = "share transfer show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []
  static let attributes = [
    "id", "created_at", "name", "resource_type", "resource_id", "source_project_id", "destination_project_id", "accepted",
    "expires_at",
  ]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let transfer = try ManilaLookup.shareTransfer.find(arguments.value("<transfer>") ?? "", in: context)
    var fields = JSONObject()
    for key in attributes { fields[key] = transfer[key] ?? .string("") }
    return .show(fields)
  }
}

/// `openstack share transfer accept`: the transfer named as given (no lookup), and its key.
enum ShareTransferAccept: OpenStackCommand {
  static let name = "share transfer accept"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ManilaManager.shareTransfers.require("accept", in: context)
    let accept: JSONObject = [
      "auth_key": .string(arguments.value("<auth_key>") ?? ""), "clear_access_rules": .bool(arguments.flag("--clear-rules")),
    ]
    let path = "/v2/share-transfers/\(arguments.value("<transfer>") ?? "")/accept"
    _ = try context.call(.sharedFileSystem, APIRequest(.post, path, body: .object(["accept": .object(accept)])))
    return .nothing
  }
}

/// `openstack share transfer delete`: each failure logged, then one error.
enum ShareTransferDelete: OpenStackCommand {
  static let name = "share transfer delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try DeleteEach(
      failure: { "Failed to delete \($0): \($1)" },
      summary: { _, _ in "Unable to delete some or all of the specified transfers." }
    ).run(arguments.values("<transfer>")) { name in
      let transfer = try ManilaLookup.shareTransfer.find(name, in: context)
      try ManilaManager.shareTransfers.require("delete", in: context)
      _ = try context.call(.sharedFileSystem, APIRequest(.delete, "/v2/share-transfers/\(transfer["id"]?.string ?? name)"))
      return true
    }
    return .nothing
  }
}

/// `openstack share restore` (2.69): each share named as given (no lookup) out of the recycle
/// bin; each failure logged, then one error.
enum ShareRestore: OpenStackCommand {
  static let name = "share restore"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    guard try context.api.negotiatedShareVersion() >= Microversion(2, 69) else {
      throw CommandFailure(message: "Restoring a share from the recycle bin is only available with manila API version >= 2.69")
    }
    try DeleteEach(
      failure: { "Failed to restore share with name or ID '\($0)': \($1)" },
      summary: { "Failed to restore \($0) out of \($1) shares." }
    ).run(arguments.values("<share>")) { name in
      _ = try context.call(
        .sharedFileSystem, APIRequest(.post, "/v2/shares/\(name)/action", body: .object(["restore": .null])))
      return true
    }
    return .nothing
  }
}
