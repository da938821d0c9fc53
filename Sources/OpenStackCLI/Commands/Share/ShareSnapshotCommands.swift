import CloudAPI

extension ManilaLookup {
  /// Snapshots are found by osc-lib's `find_resource` in the snapshot commands, by
  /// python-manilaclient's in `share create --snapshot-id`.
  static let snapshot = ManilaLookup(
    className: "sharesnapshot", path: "/v2/snapshots", member: "snapshot", listPath: "/v2/snapshots/detail",
    collection: "snapshots")
}

/// Python's `repr` of a dict of strings: `{'a': 'b'}`.
private func dictRepr(_ items: [(String, String?)]) -> String {
  "{" + items.map { "\(PythonText.repr($0.0)): \($0.1.map(PythonText.repr) ?? "None")" }.joined(separator: ", ") + "}"
}

/// `openstack share snapshot create`: the record without `links`, in the API's order.
enum ShareSnapshotCreate: OpenStackCommand {
  static let name = "share snapshot create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(["--property"]),
    types: ["--property": .keyValue])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let share = try ManilaLookup.share.find(arguments.value("<share>") ?? "", in: context, helper: .oscLib)
    let properties = OSCLib.keyValues(arguments.values("--property"))
    let version = try context.api.negotiatedShareVersion()
    if !properties.isEmpty && version < Microversion(2, 73) {
      throw CommandFailure(message: "Setting metadtaa is only available with manila API version >= 2.73")
    }
    let snapshot: JSONObject = [
      "share_id": share["id"] ?? .null, "force": .bool(arguments.flag("--force")),
      "name": arguments.value("--name").flatMap { $0.isEmpty ? nil : JSON.string($0) } ?? .null,
      "description": arguments.value("--description").flatMap { $0.isEmpty ? nil : JSON.string($0) } ?? .null,
      "metadata": .object(JSONObject(uniqueKeysWithValues: properties.map { ($0.key, JSON.string($0.value)) })),
    ]
    let body = try context.call(.sharedFileSystem, APIRequest(.post, "/v2/snapshots", body: .object(["snapshot": .object(snapshot)])))
    var created = body["snapshot"] ?? .null
    if arguments.flag("--wait"), let id = created["id"]?.string {
      if !(try context.waitForStatus("/v2/snapshots/\(id)", member: "snapshot", success: ["available"])) {
        context.log("ERROR: Share snapshot is in error state.")
      }
      created = try ManilaLookup.snapshot.find(id, in: context, helper: .oscLib)
    }
    var fields = created.object
    fields.removeValue(forKey: "links")
    return .show(fields)
  }
}

/// `openstack share snapshot list`: sorted by the client (`--sort`, by name unless told);
/// `--count` (2.79, tables only) prints the total first.
enum ShareSnapshotList: OpenStackCommand {
  static let name = "share snapshot list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating.union(["--property"]),
    types: ["--property": .keyValue, "--limit": .int, "--usage": .choices(["used", "unused"])])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    if let limit = arguments.value("--limit"), let value = Int(limit), value < 0 {
      throw syntax.error("argument --limit: --limit expected a non-negative integer")
    }
    let share = try arguments.value("--share").map {
      try ManilaLookup.share.find($0, in: context, helper: .oscLib)["id"]?.string ?? $0
    }
    var options: [(String, String?)] = [
      ("offset", arguments.value("--marker")), ("limit", arguments.value("--limit")),
      ("all_tenants", arguments.flag("--all-projects") ? "True" : nil), ("name", arguments.value("--name")),
      ("status", arguments.value("--status")), ("share_id", share),
      ("usage", arguments.value("--usage")),
      ("metadata", ManilaFormat.dictRepr(OSCLib.keyValues(arguments.values("--property")))),
    ]
    let patterns = [("name~", arguments.value("--name~")), ("description~", arguments.value("--description~")),
      ("description", arguments.value("--description"))]
    if try context.api.negotiatedShareVersion() >= Microversion(2, 36) {
      options += patterns
    } else if patterns.contains(where: { !($0.1 ?? "").isEmpty }) {
      throw CommandFailure(
        message: "Pattern based filtering (name~, description~ and description) is only available with manila API version >= 2.36")
    }
    let counted = arguments.flag("--count")
    if counted {
      guard try context.api.negotiatedShareVersion() >= Microversion(2, 79) else {
        throw CommandFailure(message: "Displaying total number of share snapshots is only available with manila API version >= 2.79")
      }
      guard context.isTable else { throw CommandFailure(message: "Count can only be printed when using '--format table'") }
      options.append(("with_count", "True"))
    }
    var columns = ["ID", "Name"]
    if arguments.flag("--detail") {
      columns += ["Status", "Description", "Created At", "Size", "Share ID", "Share Proto", "Share Size", "User ID"]
    }
    if arguments.flag("--all-projects") { columns.append("Project ID") }
    let body = try context.call(
      .sharedFileSystem, APIRequest(.get, "/v2/snapshots/detail", query: ManilaFormat.query(options)))
    let snapshots = try OSCLib.sorted(body["snapshots"]?.array ?? [], by: arguments.value("--sort") ?? "name:asc")
    if counted {
      let total = if case .int(let count)? = body["count"] { String(count) } else { "None" }
      context.written.text += "Total number of snapshots: \(total)\n"
    }
    let keys = columns.map(ManilaFormat.key(ofColumn:))
    return .list(columns: columns, rows: snapshots.map { ManilaFormat.row($0, keys) })
  }
}

/// `openstack share snapshot show`: the record, its export locations (2.32) and its metadata as
/// `properties`.
enum ShareSnapshotShow: OpenStackCommand {
  static let name = "share snapshot show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []
  static let exportLocations = ManilaManager(
    qualifiedName: "manilaclient.v2.share_snapshot_export_locations.ShareSnapshotExportLocationManager",
    minimumVersion: Microversion(2, 32))

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let snapshot = try ManilaLookup.snapshot.find(arguments.value("<snapshot>") ?? "", in: context, helper: .oscLib)
    try exportLocations.require("list", in: context)
    let id = snapshot["id"]?.string ?? ""
    let body = try context.call(.sharedFileSystem, APIRequest(.get, "/v2/snapshots/\(id)/export-locations"))
    let locations = (body["share_snapshot_export_locations"]?.array ?? []).map { location -> JSON in
      var fields = location.object
      fields.removeValue(forKey: "links")
      return .object(fields)
    }
    var fields = snapshot.object
    fields["export_locations"] = context.isTable ? ManilaFormat.dictList(locations) : .array(locations)
    let metadata = fields.removeValue(forKey: "metadata") ?? .object([:])
    fields["properties"] = context.isTable ? OSCLib.formatDict(metadata) : metadata
    fields.removeValue(forKey: "links")
    return .show(fields)
  }
}

/// `openstack share snapshot set`: name and description in one update, the status (admin) and
/// the properties; each failure logged, then one error.
enum ShareSnapshotSet: OpenStackCommand {
  static let name = "share snapshot set"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: ["--property"],
    types: [
      "--property": .keyValue,
      "--status": .choices([
        "available", "error", "creating", "deleting", "manage_starting", "manage_error", "unmanage_starting",
        "unmanage_error", "error_deleting",
      ]),
    ])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let snapshot = try ManilaLookup.snapshot.find(arguments.value("<snapshot>") ?? "", in: context, helper: .oscLib)
    let path = "/v2/snapshots/\(snapshot["id"]?.string ?? "")"
    var failures = 0
    var update: [(String, String?)] = []
    if let name = arguments.value("--name") { update.append(("display_name", name)) }
    if let description = arguments.value("--description") { update.append(("display_description", description)) }
    if !update.isEmpty {
      let body = JSONObject(uniqueKeysWithValues: update.map { ($0.0, $0.1.map(JSON.string) ?? .null) })
      do {
        _ = try context.call(.sharedFileSystem, APIRequest(.put, path, body: .object(["snapshot": .object(body)])))
      } catch let failure as CommandFailure {
        failures += 1
        context.log("Failed to set share snapshot properties '\(dictRepr(update))': \(failure.message)")
      }
    }
    if let status = arguments.value("--status") {
      let action = try context.api.negotiatedShareVersion() < Microversion(2, 7) ? "os-reset_status" : "reset_status"
      do {
        _ = try context.call(
          .sharedFileSystem, APIRequest(.post, path + "/action", body: .object([action: .object(["status": .string(status)])])))
      } catch let failure as CommandFailure {
        failures += 1
        context.log("Failed to update snapshot status to '\(status)': \(failure.message)")
      }
    }
    let properties = OSCLib.keyValues(arguments.values("--property"))
    if !properties.isEmpty {
      let metadata = JSONObject(uniqueKeysWithValues: properties.map { ($0.key, JSON.string($0.value)) })
      do {
        _ = try context.call(.sharedFileSystem, APIRequest(.post, path + "/metadata", body: .object(["metadata": .object(metadata)])))
      } catch let failure as CommandFailure {
        failures += 1
        context.log("Failed to set share snapshot properties '\(dictRepr(properties.map { ($0.key, $0.value) }))': \(failure.message)")
      }
    }
    if failures > 0 { throw CommandFailure(message: "One or more of the set operations failed") }
    return .nothing
  }
}

/// `openstack share snapshot unset`: name and description cleared, properties removed.
enum ShareSnapshotUnset: OpenStackCommand {
  static let name = "share snapshot unset"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--property"])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let snapshot = try ManilaLookup.snapshot.find(arguments.value("<snapshot>") ?? "", in: context, helper: .oscLib)
    let path = "/v2/snapshots/\(snapshot["id"]?.string ?? "")"
    var update: JSONObject = [:]
    if arguments.flag("--name") { update["display_name"] = .null }
    if arguments.flag("--description") { update["display_description"] = .null }
    if !update.isEmpty {
      do {
        _ = try context.call(.sharedFileSystem, APIRequest(.put, path, body: .object(["snapshot": .object(update)])))
      } catch let failure as CommandFailure {
        throw CommandFailure(message: "Failed to unset snapshot display name or display description: \(failure.message)")
      }
    }
    for key in arguments.values("--property") {
      do {
        _ = try context.call(.sharedFileSystem, APIRequest(.delete, path + "/metadata/\(key)"))
      } catch let failure as CommandFailure {
        throw CommandFailure(message: "Failed to unset snapshot property '\(key)': \(failure.message)")
      }
    }
    return .nothing
  }
}

/// `openstack share snapshot delete`: each snapshot, `--force` as the admin action.
enum ShareSnapshotDelete: OpenStackCommand {
  static let name = "share snapshot delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try DeleteEach(
      failure: { "Failed to delete snapshot with name or ID '\($0)': \($1)" },
      summary: { "\($0) of \($1) snapshots failed to delete." }
    ).run(arguments.values("<snapshot>")) { name in
      let snapshot = try ManilaLookup.snapshot.find(name, in: context, helper: .oscLib)
      let path = "/v2/snapshots/\(snapshot["id"]?.string ?? name)"
      if arguments.flag("--force") {
        let action = try context.api.negotiatedShareVersion() < Microversion(2, 7) ? "os-force_delete" : "force_delete"
        _ = try context.call(.sharedFileSystem, APIRequest(.post, path + "/action", body: .object([action: .null])))
      } else {
        _ = try context.call(.sharedFileSystem, APIRequest(.delete, path))
      }
      return try !arguments.flag("--wait") || context.waitForDelete(path, member: "snapshot")
    }
    return .nothing
  }
}
