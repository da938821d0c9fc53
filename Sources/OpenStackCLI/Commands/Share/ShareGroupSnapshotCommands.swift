import CloudAPI

extension ManilaLookup {
  /// Share group snapshots (`ShareGroupSnapshotManager`, 2.31; experimental until 2.55).
  static let shareGroupSnapshot = ManilaLookup(
    className: "sharegroupsnapshot", path: "/v2/share-group-snapshots", member: "share_group_snapshot",
    listPath: "/v2/share-group-snapshots/detail", collection: "share_group_snapshots",
    manager: ManilaManager(
      qualifiedName: "manilaclient.v2.share_group_snapshots.ShareGroupSnapshotManager", minimumVersion: Microversion(2, 31)))
}

enum ShareGroupSnapshots {
  static func find(_ nameOrID: String, in context: CommandContext) throws -> JSON {
    try ManilaLookup.shareGroupSnapshot.find(nameOrID, in: context, helper: .oscLib)
  }

  static func path(_ snapshot: JSON) -> String { "/v2/share-group-snapshots/\(snapshot["id"]?.string ?? "")" }

  /// `_info` without `links` and `members`.
  static func shown(_ snapshot: JSON) -> CommandOutput {
    var fields = snapshot.object
    fields.removeValue(forKey: "links")
    fields.removeValue(forKey: "members")
    return .show(fields)
  }

  static func update(_ snapshot: JSON, _ fields: JSONObject, in context: CommandContext) throws {
    _ = try context.call(
      .sharedFileSystem, APIRequest(.put, path(snapshot), body: .object(["share_group_snapshot": .object(fields)])))
  }
}

enum ShareGroupSnapshotCreate: OpenStackCommand {
  static let name = "share group snapshot create"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let group = try ShareGroups.find(arguments.value("<share-group>") ?? "", in: context)
    try ManilaLookup.shareGroupSnapshot.manager?.require("create", in: context)
    var snapshot: JSONObject = ["share_group_id": group["id"] ?? .null]
    if let name = arguments.value("--name"), !name.isEmpty { snapshot["name"] = .string(name) }
    if let description = arguments.value("--description"), !description.isEmpty { snapshot["description"] = .string(description) }
    let body = try context.call(
      .sharedFileSystem, APIRequest(.post, "/v2/share-group-snapshots", body: .object(["share_group_snapshot": .object(snapshot)])))
    var created = body["share_group_snapshot"] ?? .null
    if arguments.flag("--wait"), let id = created["id"]?.string {
      if !(try context.waitForStatus("/v2/share-group-snapshots/\(id)", member: "share_group_snapshot", success: ["available"])) {
        context.log("ERROR: Share group snapshot is in error state.")
      }
      created = try ShareGroupSnapshots.find(id, in: context)
    }
    return ShareGroupSnapshots.shown(created)
  }
}

/// `openstack share group snapshot list`: sorted by the client (`--sort`, by name unless told).
enum ShareGroupSnapshotList: OpenStackCommand {
  static let name = "share group snapshot list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating, types: ["--limit": .int])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    if let limit = arguments.value("--limit"), let value = Int(limit), value < 0 {
      throw syntax.error("argument --limit: --limit expected a non-negative integer")
    }
    let group = try arguments.value("--share-group").map { try ShareGroups.find($0, in: context)["id"]?.string ?? $0 }
    var columns = ["ID", "Name", "Status", "Description"]
    if arguments.flag("--detailed") { columns += ["Created At", "Share Group ID"] }
    if arguments.flag("--all-projects") { columns.append("Project ID") }
    try ManilaLookup.shareGroupSnapshot.manager?.require("list", in: context)
    let query = ManilaFormat.query([
      ("all_tenants", arguments.flag("--all-projects") ? "True" : nil), ("name", arguments.value("--name")),
      ("status", arguments.value("--status")), ("share_group_id", group), ("limit", arguments.value("--limit")),
      ("offset", arguments.value("--marker")),
    ])
    let body = try context.call(.sharedFileSystem, APIRequest(.get, "/v2/share-group-snapshots/detail", query: query))
    let snapshots = try OSCLib.sorted(body["share_group_snapshots"]?.array ?? [], by: arguments.value("--sort") ?? "name:asc")
    let keys = columns.map(ManilaFormat.key(ofColumn:))
    return .list(columns: columns, rows: snapshots.map { ManilaFormat.row($0, keys) })
  }
}

enum ShareGroupSnapshotShow: OpenStackCommand {
  static let name = "share group snapshot show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    ShareGroupSnapshots.shown(try ShareGroupSnapshots.find(arguments.value("<share-group-snapshot>") ?? "", in: context))
  }
}

/// `openstack share group snapshot members list`: the share and size of each member.
enum ShareGroupSnapshotMembersList: OpenStackCommand {
  static let name = "share group snapshot members list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let snapshot = try ShareGroupSnapshots.find(arguments.value("<share-group-snapshot>") ?? "", in: context)
    let rows = (snapshot["members"]?.array ?? []).map { ManilaFormat.row($0, ["share_id", "size"]) }
    return .list(columns: ["Share ID", "Size"], rows: rows)
  }
}

/// `openstack share group snapshot set`: name and description, then the status (admin).
enum ShareGroupSnapshotSet: OpenStackCommand {
  static let name = "share group snapshot set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let snapshot = try ShareGroupSnapshots.find(arguments.value("<share-group-snapshot>") ?? "", in: context)
    let id = snapshot["id"]?.string ?? ""
    var failures = 0
    var update = JSONObject()
    if let name = arguments.value("--name") { update["name"] = .string(name) }
    if let description = arguments.value("--description") { update["description"] = .string(description) }
    if !update.isEmpty {
      do { try ShareGroupSnapshots.update(snapshot, update, in: context) } catch let failure as CommandFailure {
        failures += 1
        context.log("Failed to set name or desciption for share group snapshot with ID \(id): \(failure.message)")
      }
    }
    if let status = arguments.value("--status"), !status.isEmpty {
      do {
        let body: JSON = .object(["reset_status": .object(["status": .string(status)])])
        _ = try context.call(.sharedFileSystem, APIRequest(.post, ShareGroupSnapshots.path(snapshot) + "/action", body: body))
      } catch let failure as CommandFailure {
        failures += 1
        context.log("Failed to set status for share group snapshot with ID \(id): \(failure.message)")
      }
    }
    if failures > 0 { throw CommandFailure(message: "One or more of the set operations failed") }
    return .nothing
  }
}

/// `openstack share group snapshot unset`: name or description made empty.
enum ShareGroupSnapshotUnset: OpenStackCommand {
  static let name = "share group snapshot unset"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let snapshot = try ShareGroupSnapshots.find(arguments.value("<share-group-snapshot>") ?? "", in: context)
    var update = JSONObject()
    if arguments.flag("--name") { update["name"] = "" }
    if arguments.flag("--description") { update["description"] = "" }
    guard !update.isEmpty else { return .nothing }
    do { try ShareGroupSnapshots.update(snapshot, update, in: context) } catch let failure as CommandFailure {
      throw CommandFailure(message: "Failed to unset name or description for share group snapshot : \(failure.message)")
    }
    return .nothing
  }
}

enum ShareGroupSnapshotDelete: OpenStackCommand {
  static let name = "share group snapshot delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try DeleteEach(
      failure: { "Failed to delete a share group snapshot with name or ID \($0): \($1)" },
      summary: { "\($0) of \($1) share group snapshots failed to delete." }
    ).run(arguments.values("<share-group-snapshot>")) { name in
      let snapshot = try ShareGroupSnapshots.find(name, in: context)
      let path = ShareGroupSnapshots.path(snapshot)
      if arguments.flag("--force") {
        _ = try context.call(.sharedFileSystem, APIRequest(.post, path + "/action", body: .object(["force_delete": .null])))
      } else {
        _ = try context.call(.sharedFileSystem, APIRequest(.delete, path))
      }
      return try !arguments.flag("--wait") || context.waitForDelete(path, member: "share_group_snapshot")
    }
    return .nothing
  }
}
