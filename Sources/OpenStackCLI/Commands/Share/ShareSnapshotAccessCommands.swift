import CloudAPI

/// What the snapshot access commands share: the snapshot found by osc-lib, and one action on it.
enum ShareSnapshotAccess {
  static func snapshot(_ arguments: ParsedArguments, in context: CommandContext) throws -> JSON {
    try ManilaLookup.snapshot.find(arguments.value("<snapshot>") ?? "", in: context, helper: .oscLib)
  }

  /// The `ShareSnapshotManager` methods start at 2.32.
  static let manager = ManilaManager(
    qualifiedName: "manilaclient.v2.share_snapshots.ShareSnapshotManager", minimumVersion: Microversion(2, 32))

  static func act(_ snapshot: JSON, _ name: String, _ info: JSON, in context: CommandContext) throws -> JSON {
    let path = "/v2/snapshots/\(snapshot["id"]?.string ?? "")/action"
    return try context.call(.sharedFileSystem, APIRequest(.post, path, body: .object([name: info])))
  }
}

/// `openstack share snapshot access create`: the rule as the API returns it.
enum ShareSnapshotAccessCreate: OpenStackCommand {
  static let name = "share snapshot access create"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let snapshot = try ShareSnapshotAccess.snapshot(arguments, in: context)
    do {
      try ShareSnapshotAccess.manager.require("allow", in: context)
      let info: JSON = .object([
        "access_type": .string(arguments.value("<access_type>") ?? ""), "access_to": .string(arguments.value("<access_to>") ?? ""),
      ])
      let body = try ShareSnapshotAccess.act(snapshot, "allow_access", info, in: context)
      return .show((body["snapshot_access"] ?? .null).object)
    } catch let failure as CommandFailure {
      throw CommandFailure(
        message: "Failed to create access to share snapshot '<ShareSnapshot: \(snapshot["id"]?.string ?? "")>': \(failure.message)")
    }
  }
}

/// `openstack share snapshot access list`.
enum ShareSnapshotAccessList: OpenStackCommand {
  static let name = "share snapshot access list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []
  static let columns = ["ID", "Access Type", "Access To", "State"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let snapshot = try ShareSnapshotAccess.snapshot(arguments, in: context)
    try ShareSnapshotAccess.manager.require("access_list", in: context)
    let path = "/v2/snapshots/\(snapshot["id"]?.string ?? "")/access-list"
    let body = try context.call(.sharedFileSystem, APIRequest(.get, path))
    let keys = columns.map(ManilaFormat.key(ofColumn:))
    return .list(columns: columns, rows: (body["snapshot_access_list"]?.array ?? []).map { ManilaFormat.row($0, keys) })
  }
}

/// `openstack share snapshot access delete`: each rule; failures logged, then counted.
enum ShareSnapshotAccessDelete: OpenStackCommand {
  static let name = "share snapshot access delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let snapshot = try ShareSnapshotAccess.snapshot(arguments, in: context)
    let ids = arguments.values("<id>")
    var log = ""
    var failures = 0
    for id in ids {
      do {
        try ShareSnapshotAccess.manager.require("deny", in: context)
        _ = try ShareSnapshotAccess.act(snapshot, "deny_access", .object(["access_id": .string(id)]), in: context)
      } catch let failure as CommandFailure {
        failures += 1
        log += "Failed to delete access to share snapshot for an access rule with ID '\(id)': \(failure.message)\n"
      }
    }
    if failures > 0 {
      throw CommandFailure(
        message: log + "Failed to delete access to a share snapshot for \(failures) out of \(ids.count) access rule ID's ")
    }
    return .nothing
  }
}
