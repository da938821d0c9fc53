import CloudAPI

extension ManilaLookup {
  /// Backups, found by osc-lib's `find_resource` (`ShareBackupManager`, 2.80).
  static let shareBackup = ManilaLookup(
    className: "sharebackup", path: "/v2/share-backups", member: "share_backup", listPath: "/v2/share-backups/detail",
    collection: "share_backups",
    manager: ManilaManager(qualifiedName: "manilaclient.v2.share_backups.ShareBackupManager", minimumVersion: Microversion(2, 80)))
}

/// What the backup commands share: the lookup and the path of one backup.
enum ShareBackups {
  static func find(_ nameOrID: String, in context: CommandContext) throws -> JSON {
    try ManilaLookup.shareBackup.find(nameOrID, in: context, helper: .oscLib)
  }

  static func path(_ backup: JSON) -> String { "/v2/share-backups/\(backup["id"]?.string ?? "")" }

  /// `_info` without `links`, in the API's order.
  static func shown(_ backup: JSON) -> CommandOutput {
    var fields = backup.object
    fields.removeValue(forKey: "links")
    return .show(fields)
  }
}

/// `openstack share backup create`: name, description and driver options as given.
enum ShareBackupCreate: OpenStackCommand {
  static let name = "share backup create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(["--backup-options"]),
    types: ["--backup-options": .keyValue])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let share = try ManilaLookup.share.find(arguments.value("<share>") ?? "", in: context, helper: .oscLib)
    try ManilaLookup.shareBackup.manager?.require("create", in: context)
    let options = OSCLib.keyValues(arguments.values("--backup-options"))
    let nonEmpty = { (name: String) -> JSON in arguments.value(name).flatMap { $0.isEmpty ? nil : JSON.string($0) } ?? .null }
    let backup: JSONObject = [
      "share_id": share["id"] ?? .null,
      "backup_options": options.isEmpty
        ? .null : .object(JSONObject(uniqueKeysWithValues: options.map { ($0.key, JSON.string($0.value)) })),
      "description": nonEmpty("--description"), "name": nonEmpty("--name"),
    ]
    let body = try context.call(
      .sharedFileSystem, APIRequest(.post, "/v2/share-backups", body: .object(["share_backup": .object(backup)])))
    return ShareBackups.shown(body["share_backup"] ?? .null)
  }
}

/// `openstack share backup list`: the server's order; `--detail` adds nine columns.
enum ShareBackupList: OpenStackCommand {
  static let name = "share backup list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating,
    spellings: ["--sort-key": ["--sort_key"], "--sort-dir": ["--sort_dir"]], types: ["--limit": .int])
  static let refusedOptions: Set<String> = []
  /// `BACKUP_SORT_KEY_VALUES` and `SORT_DIR_VALUES`, which the manager checks.
  static let sortKeys = ["id", "status", "size", "share_id", "progress", "restore_progress", "name", "host", "topic", "project_id"]
  static let sortDirections = ["asc", "desc"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    if let limit = arguments.value("--limit"), let value = Int(limit), value < 0 {
      throw syntax.error("argument --limit: --limit expected a non-negative integer")
    }
    let share = try arguments.value("--share").map {
      try ManilaLookup.share.find($0, in: context, helper: .oscLib)["id"]?.string ?? $0
    }
    let detailValue = arguments.values("--detail").last
    if let detailValue, Int(detailValue) == nil {
      throw syntax.error("argument --detail: invalid int value: '\(detailValue)'")
    }
    let detail = arguments.contains("--detail") && detailValue.flatMap(Int.init) != 0
    var columns = ["ID", "Name", "Share ID", "Status"]
    if detail {
      columns += [
        "Description", "Size", "Created At", "Updated At", "Availability Zone", "Progress", "Restore Progress", "Host", "Topic",
      ]
    }
    try ManilaLookup.shareBackup.manager?.require("list", in: context)
    let sortKey = arguments.value("--sort-key")
    let sortDirection = arguments.value("--sort-dir")
    if let sortKey, !sortKeys.contains(sortKey) {
      throw CommandFailure(message: "sort_key must be one of the following: \(sortKeys.joined(separator: ", ")).")
    }
    if let sortDirection, !sortDirections.contains(sortDirection) {
      throw CommandFailure(message: "sort_dir must be one of the following: \(sortDirections.joined(separator: ", ")).")
    }
    let query = ManilaFormat.query([
      ("limit", arguments.value("--limit")), ("offset", arguments.value("--offset")), ("name", arguments.value("--name")),
      ("description", arguments.value("--description")), ("status", arguments.value("--status")), ("share_id", share),
      ("name~", arguments.value("--name~")), ("description~", arguments.value("--description~")),
      ("sort_key", sortKey), ("sort_dir", sortDirection),
    ])
    let path = detail ? "/v2/share-backups/detail" : "/v2/share-backups"
    let body = try context.call(.sharedFileSystem, APIRequest(.get, path, query: query))
    let keys = columns.map(ManilaFormat.key(ofColumn:))
    return .list(columns: columns, rows: (body["share_backups"]?.array ?? []).map { ManilaFormat.row($0, keys) })
  }
}

enum ShareBackupShow: OpenStackCommand {
  static let name = "share backup show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    ShareBackups.shown(try ShareBackups.find(arguments.value("<backup>") ?? "", in: context))
  }
}

/// `openstack share backup set`: name and description in one update (always sent), then the
/// status (admin); each failure logged, then one error.
enum ShareBackupSet: OpenStackCommand {
  static let name = "share backup set"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name),
    types: ["--status": .choices(["available", "error", "creating", "deleting", "restoring"])])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let backup = try ShareBackups.find(arguments.value("<backup>") ?? "", in: context)
    var failures = 0
    var update: [(String, String)] = []
    if let name = arguments.value("--name") { update.append(("name", name)) }
    if let description = arguments.value("--description") { update.append(("description", description)) }
    do {
      // The manager sends nothing for nothing to update.
      if !update.isEmpty {
        let body = JSONObject(uniqueKeysWithValues: update.map { ($0.0, JSON.string($0.1)) })
        _ = try context.call(
          .sharedFileSystem, APIRequest(.put, ShareBackups.path(backup), body: .object(["share_backup": .object(body)])))
      }
    } catch let failure as CommandFailure {
      failures += 1
      context.log("Failed to set share backup properties '\(ManilaFormat.dictRepr(update) ?? "{}")': \(failure.message)")
    }
    if let status = arguments.value("--status") {
      do {
        let body: JSON = .object(["reset_status": .object(["status": .string(status)])])
        _ = try context.call(.sharedFileSystem, APIRequest(.post, ShareBackups.path(backup) + "/action", body: body))
      } catch let failure as CommandFailure {
        failures += 1
        context.log("Failed to update backup status to '\(status)': \(failure.message)")
      }
    }
    if failures > 0 { throw CommandFailure(message: "One or more of the set operations failed") }
    return .nothing
  }
}

/// `openstack share backup unset`: name or description cleared; a failure is only logged.
enum ShareBackupUnset: OpenStackCommand {
  static let name = "share backup unset"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let backup = try ShareBackups.find(arguments.value("<backup>") ?? "", in: context)
    var update: [(String, String?)] = []
    if arguments.flag("--name") { update.append(("name", nil)) }
    if arguments.flag("--description") { update.append(("description", nil)) }
    if update.isEmpty { throw CommandFailure(message: "Either name or description must be provided.") }
    do {
      let body = JSONObject(uniqueKeysWithValues: update.map { ($0.0, JSON.null) })
      _ = try context.call(
        .sharedFileSystem, APIRequest(.put, ShareBackups.path(backup), body: .object(["share_backup": .object(body)])))
    } catch let failure as CommandFailure {
      let properties = "{" + update.map { "\(PythonText.repr($0.0)): None" }.joined(separator: ", ") + "}"
      context.log("Failed to unset share backup properties '\(properties)': \(failure.message)")
    }
    return .nothing
  }
}

/// `openstack share backup restore`: to the backup's share, or (2.91) to `--target-share`.
enum ShareBackupRestore: OpenStackCommand {
  static let name = "share backup restore"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let backup = try ShareBackups.find(arguments.value("<backup>") ?? "", in: context)
    var target: String?
    if let name = arguments.value("--target-share") {
      if try context.api.negotiatedShareVersion() < Microversion(2, 91) {
        throw CommandFailure(message: "performing targeted restores is only available for API microversion >= 2.91")
      }
      target = try ManilaLookup.share.find(name, in: context, helper: .oscLib)["id"]?.string
    }
    let body: JSON = .object(["restore": target.map(JSON.string) ?? .null])
    _ = try context.call(.sharedFileSystem, APIRequest(.post, ShareBackups.path(backup) + "/action", body: body))
    if arguments.flag("--wait") {
      let shareID = target ?? backup["share_id"]?.string ?? ""
      if !(try context.waitForStatus(
        "/v2/shares/\(shareID)", member: "share", success: ["available"], error: ["error", "backup_restoring_error"]))
      {
        context.log("ERROR: share is in error state.")
      }
    }
    return .nothing
  }
}

enum ShareBackupDelete: OpenStackCommand {
  static let name = "share backup delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try DeleteEach(
      failure: { "Failed to delete a share backup with name or ID '\($0)': \($1)" },
      summary: { "\($0) of \($1) backups failed to delete." }
    ).run(arguments.values("<backup>")) { name in
      let backup = try ShareBackups.find(name, in: context)
      _ = try context.call(.sharedFileSystem, APIRequest(.delete, ShareBackups.path(backup)))
      return try !arguments.flag("--wait") || context.waitForDelete(ShareBackups.path(backup), member: "share_backup")
    }
    return .nothing
  }
}
