import CloudAPI

/// `openstack share create` (manilaclient `CreateShare`): the share record as the API returns it,
/// in the API's field order (cliff 4.9 and later keep it), without `links`.
enum ShareCreate: OpenStackCommand {
  static let name = "share create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(["--property", "--scheduler-hint"]),
    types: ["--property": .keyValue, "--scheduler-hint": .keyValue])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let sizeText = arguments.value("<size>") ?? ""
    guard var size = Int(sizeText) else {
      throw syntax.error("argument <size>: invalid int value: '\(sizeText)'")
    }
    if let name = arguments.value("--name"), name.prefix(1).uppercased() + name.dropFirst().lowercased() == "None" {
      throw CommandFailure(message: "Share name cannot be with the value 'None'")
    }
    var shareType: JSON = .null
    let snapshotName = arguments.value("--snapshot-id").flatMap { $0.isEmpty ? nil : $0 }
    if let type = arguments.value("--share-type") {
      shareType = try ManilaLookup.shareType.find(type, in: context)["id"] ?? .null
    } else if snapshotName == nil {
      do {
        shareType = try context.call(.sharedFileSystem, APIRequest(.get, "/v2/types/default"))["share_type"]?["id"] ?? .null
      } catch is CommandFailure {
        throw CommandFailure(
          message: "There is no default share type available. You must pick a valid share type to create a share.")
      }
    }
    let network = try arguments.value("--share-network").map {
      try ManilaLookup.shareNetwork.find($0, in: context)["id"] ?? .null
    }
    let group = try arguments.value("--share-group").map {
      try ManilaLookup.shareGroup.find($0, in: context)["id"] ?? .null
    }
    // From a snapshot: the share is at least the snapshot's size.
    var snapshotID: JSON = .null
    if let snapshotName {
      let snapshot = try ManilaLookup.snapshot.find(snapshotName, in: context)
      snapshotID = snapshot["id"] ?? .null
      if case .int(let snapshotSize)? = snapshot["size"] { size = max(size, snapshotSize) }
    }
    let version = try context.api.negotiatedShareVersion()
    let mountPointName = arguments.value("--mount-point-name").flatMap { $0.isEmpty ? nil : $0 }
    if mountPointName != nil && version < Microversion(2, 84) {
      throw CommandFailure(message: "Setting share mount point name is available only for API microversion >= 2.84")
    }
    if let key = arguments.value("--encryption-key-ref"), !key.isEmpty {
      guard version >= Microversion(2, 90) else {
        throw CommandFailure(message: "Setting share encryption key reference is available only for API microversion >= 2.90")
      }
      // Manila's checks of the type (`encryption_support`, share servers) quote the whole type.
      throw NotEmulated(what: "--encryption-key-ref")
    }
    let hints = try schedulerHints(arguments, version: version, in: context)
    var metadata: JSONObject = [:]
    for property in arguments.values("--property") {
      let parts = property.split(separator: "=", maxSplits: 1)
      metadata[String(parts[0])] = .string(parts.count > 1 ? String(parts[1]) : "")
    }
    var share: JSONObject = [
      "size": .int(size),
      "snapshot_id": snapshotID,
      "name": arguments.value("--name").map(JSON.string) ?? .null,
      "description": arguments.value("--description").map(JSON.string) ?? .null,
      "metadata": .object(metadata),
      "share_proto": .string(arguments.value("<share_protocol>") ?? ""),
      "share_network_id": network ?? .null,
      "share_type": shareType,
      "is_public": arguments.value("--public").map(JSON.string) ?? .bool(false),
      "availability_zone": arguments.value("--availability-zone").map(JSON.string) ?? .null,
      "scheduler_hints": .object(hints),
    ]
    if let group, group != .null { share["share_group_id"] = group }
    if let mountPointName { share["mount_point_name"] = .string(mountPointName) }
    let body = try context.call(.sharedFileSystem, APIRequest(.post, "/v2/shares", body: .object(["share": .object(share)])))
    var created = body["share"] ?? .null
    if arguments.flag("--wait"), let id = created["id"]?.string {
      if !(try context.waitForStatus("/v2/shares/\(id)", member: "share", success: ["available"])) {
        context.log("ERROR: Share is in error state.")
      }
      created = try ManilaLookup.share.find(id, in: context)
    }
    var fields = created.object
    fields.removeValue(forKey: "links")
    fields.removeValue(forKey: "shares_type")
    return .show(fields)
  }

  /// `--scheduler-hint` (2.65): the pairs, the last of a key kept; the shares `same_host` and
  /// `different_host` name (comma-separated) looked up, by ID.
  private static func schedulerHints(
    _ arguments: ParsedArguments, version: Microversion, in context: CommandContext
  ) throws -> JSONObject {
    let pairs = OSCLib.keyValues(arguments.values("--scheduler-hint"))
    guard !pairs.isEmpty else { return [:] }
    guard version >= Microversion(2, 65) else {
      throw CommandFailure(message: "Setting share scheduler hints for a share is available only for API microversion >= 2.65")
    }
    var hints: JSONObject = [:]
    for (key, value) in pairs { hints[key] = .string(value) }
    for key in ["same_host", "different_host"] {
      guard let names = hints[key]?.string, !names.isEmpty else { continue }
      let ids = try names.split(separator: ",", omittingEmptySubsequences: false).map {
        try ManilaLookup.share.find(String($0), in: context)["id"]?.string ?? String($0)
      }
      hints[key] = .string(ids.joined(separator: ","))
    }
    return hints
  }
}

/// `openstack share list` (manilaclient `ListShare`), sorted by name as the client sorts it.
enum ShareList: OpenStackCommand {
  static let name = "share list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating.union(["--property", "--extra-spec"]),
    types: ["--property": .keyValue, "--extra-spec": .keyValue])
  static let refusedOptions: Set<String> = []
  static let keys = [
    "id", "name", "size", "share_proto", "status", "is_public", "share_type_name", "host", "availability_zone",
  ]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    // argparse's `type=int` with osc-lib's `NonNegativeAction`: refused before any request.
    if let limit = arguments.value("--limit") {
      guard let value = Int(limit) else { throw syntax.error("argument --limit: invalid int value: '\(limit)'") }
      guard value >= 0 else { throw syntax.error("argument --limit: --limit expected a non-negative integer") }
    }
    let project = try IdentityLookup.project.id(
      "--project", domain: "--project-domain", in: arguments, context: context, sdk: false
    )
    let user = try IdentityLookup.user.id(
      "--user", domain: "--user-domain", in: arguments, context: context, sdk: false
    )
    // Looked up in the client's order: share type, snapshot, share network, share group, server.
    let type = try arguments.value("--share-type").map {
      try ManilaLookup.shareType.find($0, in: context)["id"]?.string ?? $0
    }
    let snapshot = try arguments.value("--snapshot").map {
      try ManilaLookup.snapshot.find($0, in: context)["id"]?.string ?? $0
    }
    let network = try arguments.value("--share-network").map {
      try ManilaLookup.shareNetwork.find($0, in: context)["id"]?.string ?? $0
    }
    let group = try arguments.value("--share-group").map {
      try ManilaLookup.shareGroup.find($0, in: context)["id"]?.string ?? $0
    }
    let server = try arguments.value("--share-server").map {
      try ManilaLookup.shareServer.find($0, in: context)["id"]?.string ?? $0
    }
    var options: [(String, String?)] = [
      ("all_tenants", arguments.flag("--all-projects") || project != nil ? "True" : nil),
      ("is_public", arguments.flag("--public") ? "True" : nil), ("project_id", project), ("user_id", user),
      ("metadata", ManilaFormat.dictRepr(OSCLib.keyValues(arguments.values("--property")))),
      ("extra_specs", ManilaFormat.dictRepr(OSCLib.keyValues(arguments.values("--extra-spec")))),
      ("limit", arguments.value("--limit")), ("name", arguments.value("--name")),
      ("status", arguments.value("--status")), ("host", arguments.value("--host")),
      ("share_network_id", network), ("share_type_id", type), ("snapshot_id", snapshot), ("share_group_id", group), ("share_server_id", server),
      ("offset", arguments.value("--marker")),
    ]
    // Filters of later microversions; the client refuses them below.
    let version = try context.api.negotiatedShareVersion()
    for gate in versionGates where gate.options.contains(where: arguments.contains) {
      guard version >= gate.version else { throw CommandFailure(message: gate.message) }
    }
    if let location = arguments.value("--export-location") {
      options.append((ManilaFormat.isUUIDLike(location) ? "export_location_id" : "export_location_path", location))
    }
    if arguments.flag("--soft-deleted") { options.append(("is_soft_deleted", "True")) }
    options += [
      ("encryption_key_ref", arguments.value("--encryption-key-ref")),
      ("availability_zone", arguments.value("--availability-zone")), ("name~", arguments.value("--name~")),
      ("description~", arguments.value("--description~")),
    ]
    let query = ManilaFormat.query(options)
    let body = try context.call(.sharedFileSystem, APIRequest(.get, "/v2/shares/detail", query: query))
    let shares = try OSCLib.sorted(body["shares"]?.array ?? [], by: arguments.value("--sort") ?? "name:asc")
    // `--long`'s properties keep their dict: the client's formatter is keyed `Metadata`.
    let (columns, keys) =
      arguments.flag("--long")
      ? (longColumns.map(\.header), longColumns.map(\.key))
      : (["ID", "Name", "Size", "Share Proto", "Status", "Is Public", "Share Type Name", "Host", "Availability Zone"], keys)
    return .list(columns: columns, rows: shares.map { ManilaFormat.row($0, keys) })
  }

  /// The filters the client sends only from a microversion on, with its error below it (checked
  /// in the client's order).
  static let versionGates: [(options: [String], version: Microversion, message: String)] = [
    (["--soft-deleted"], Microversion(2, 69), "Filtering soft deleted shares is only available with manila API version >= 2.69"),
    (["--export-location"], Microversion(2, 35), "Filtering by export location is only available with manila API version >= 2.35"),
    (["--encryption-key-ref"], Microversion(2, 90), "Filtering shares by encryption key ref is only available with manila API version >= 2.90"),
    (["--availability-zone"], Microversion(2, 97), "Filtering shares by availability zone is only available with manila API version >= 2.97"),
    (["--name~", "--description~"], Microversion(2, 36), "Pattern based filtering (name~ and description~) is only available with manila API version >= 2.36"),
  ]

  /// `SHARE_ATTRIBUTES` and their headers.
  static let longColumns: [(key: String, header: String)] = [
    ("id", "ID"), ("name", "Name"), ("size", "Size"), ("share_proto", "Share Protocol"), ("status", "Status"),
    ("is_public", "Is Public"), ("share_type_name", "Share Type Name"), ("availability_zone", "Availability Zone"),
    ("description", "Description"), ("share_network_id", "Share Network ID"), ("share_server_id", "Share Server ID"),
    ("share_type", "Share Type"), ("share_group_id", "Share Group ID"), ("host", "Host"), ("user_id", "User ID"),
    ("project_id", "Project ID"), ("access_rules_status", "Access Rules Status"), ("snapshot_id", "Source Snapshot ID"),
    ("snapshot_support", "Supports Creating Snapshots"),
    ("create_share_from_snapshot_support", "Supports Cloning Snapshots"),
    ("mount_snapshot_support", "Supports Mounting snapshots"),
    ("revert_to_snapshot_support", "Supports Reverting to Snapshot"), ("task_state", "Migration Task Status"),
    ("source_share_group_snapshot_member_id", "Source Share Group Snapshot Member ID"),
    ("replication_type", "Replication Type"), ("has_replicas", "Has Replicas"), ("created_at", "Created At"),
    ("metadata", "Properties"), ("encryption_key_ref", "Encryption Key Ref"),
  ]
}

/// `openstack share show`: the record, its export locations as `key = value` lines, and its
/// metadata as `properties`.
enum ShareShow: OpenStackCommand {
  static let name = "share show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let share = try ManilaLookup.share.find(arguments.value("<share>") ?? "", in: context)
    let id = share["id"]?.string ?? ""
    // python-manilaclient lists export locations from microversion 2.9 on.
    let version = try context.api.negotiatedShareVersion()
    guard version >= Microversion(2, 9) else {
      throw CommandFailure(
        message:
          "API version '\(version)' is not supported on 'manilaclient.v2.share_export_locations.ShareExportLocationManager.list' method."
      )
    }
    let locations = try context.call(.sharedFileSystem, APIRequest(.get, "/v2/shares/\(id)/export_locations"))
    var fields = share.object
    fields["export_locations"] = ManilaFormat.dictList(
      locations["export_locations"]?.array ?? [], ignoring: ["replica_state", "availability_zone", "share_replica_id"])
    let metadata = fields.removeValue(forKey: "metadata") ?? .object([:])
    fields["properties"] = context.isTable ? OSCLib.formatDict(metadata) : metadata
    fields.removeValue(forKey: "links")
    fields.removeValue(forKey: "shares_type")
    return .show(fields)
  }
}

/// `openstack share delete`: nothing on success; each failure logged, then a summary error.
enum ShareDelete: OpenStackCommand {
  static let name = "share delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try DeleteEach(
      failure: { "Failed to delete share with name or ID '\($0)': \($1)" },
      summary: { "\($0) of \($1) shares failed to delete." }
    ).run(arguments.values("<share>")) { name in
      let share = try ManilaLookup.share.find(name, in: context)
      let group = try arguments.value("--share-group").map { try ManilaLookup.shareGroup.find($0, in: context)["id"]?.string ?? $0 }
      let path = "/v2/shares/\(share["id"]?.string ?? name)"
      if arguments.flag("--force") {
        let action = try context.api.negotiatedShareVersion() < Microversion(2, 7) ? "os-force_delete" : "force_delete"
        _ = try context.call(.sharedFileSystem, APIRequest(.post, path + "/action", body: .object([action: .null])))
      } else if arguments.flag("--soft") {
        guard try context.api.negotiatedShareVersion() >= Microversion(2, 69) else {
          throw CommandFailure(message: "Soft Deleting shares is only available with manila API version >= 2.69")
        }
        _ = try context.call(.sharedFileSystem, APIRequest(.post, path + "/action", body: .object(["soft_delete": .null])))
      } else {
        _ = try context.call(
          .sharedFileSystem, APIRequest(.delete, path, query: group.map { [(name: "share_group_id", value: $0)] } ?? []))
      }
      return try !arguments.flag("--wait") || context.waitForDelete(path, member: "share")
    }
    return .nothing
  }
}

/// `openstack share resize`: `extend` or `shrink` by the size the share has now; `--force`
/// (2.64, extending only) has the extension skip the scheduler.
enum ShareResize: OpenStackCommand {
  static let name = "share resize"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let sizeText = arguments.value("<new-size>") ?? ""
    guard let newSize = PythonInt.parse(sizeText) else { throw syntax.error("argument <new-size>: invalid int value: '\(sizeText)'") }
    let share = try ManilaLookup.share.find(arguments.value("<share>") ?? "", in: context)
    let id = share["id"]?.string ?? ""
    guard case .int(let size)? = share["size"], size != newSize else {
      throw CommandFailure(message: "Share size is already at \(newSize) GiBs")
    }
    let version = try context.api.negotiatedShareVersion()
    let action = (version < Microversion(2, 7) ? "os-" : "") + (size > newSize ? "shrink" : "extend")
    var request: JSONObject = ["new_size": .int(newSize)]
    if size < newSize, arguments.flag("--force") {
      guard version >= Microversion(2, 64) else {
        throw CommandFailure(message: "args force is available only for API microversion >= 2.64")
      }
      request["force"] = "true"
    }
    do {
      let body: JSON = .object([action: .object(request)])
      _ = try context.call(.sharedFileSystem, APIRequest(.post, "/v2/shares/\(id)/action", body: body))
    } catch let failure as CommandFailure {
      throw CommandFailure(message: "Share resize failed: \(failure.message)")
    }
    if arguments.flag("--wait"), !(try context.waitForStatus("/v2/shares/\(id)", member: "share", success: ["available"])) {
      throw CommandFailure(message: "Share not available after resize attempt.")
    }
    return .nothing
  }
}

/// `openstack share export location list`: ID, path and whether it is preferred.
enum ShareExportLocationList: OpenStackCommand {
  static let name = "share export location list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let share = try ManilaLookup.share.find(arguments.value("<share>") ?? "", in: context)
    let body = try context.call(.sharedFileSystem, APIRequest(.get, "/v2/shares/\(share["id"]?.string ?? "")/export_locations"))
    let rows = (body["export_locations"]?.array ?? []).map { ManilaFormat.row($0, ["id", "path", "preferred"]) }
    return .list(columns: ["ID", "Path", "Preferred"], rows: rows)
  }
}

/// `openstack share export location show` (2.9): the location, its metadata as `properties`.
enum ShareExportLocationShow: OpenStackCommand {
  static let name = "share export location show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []
  static let manager = ManilaManager(
    qualifiedName: "manilaclient.v2.share_export_locations.ShareExportLocationManager", minimumVersion: Microversion(2, 9))

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let share = try ManilaLookup.share.find(arguments.value("<share>") ?? "", in: context)
    try manager.require("get", in: context)
    let path = "/v2/shares/\(share["id"]?.string ?? "")/export_locations/\(arguments.value("<export-location>") ?? "")"
    var fields = try context.call(.sharedFileSystem, APIRequest(.get, path))["export_location"]?.object ?? [:]
    let metadata = fields.removeValue(forKey: "metadata") ?? .object([:])
    fields["properties"] = context.isTable ? OSCLib.formatDict(metadata) : metadata
    return .show(fields)
  }
}
