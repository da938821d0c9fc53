import CloudAPI

/// OSC's volume backup commands (`volume/v3/volume_backup.py`), through openstacksdk's `Backup`
/// (3.64 at most; its actions at 3.64, its restore at no microversion).
enum BackupRequests {
  /// `/backups/{id}`.
  static func path(_ backup: JSON) -> String { "/backups/\(backup["id"]?.string ?? "")" }

  /// `sdk_utils.supports_microversion`, or the client's `CommandError` naming the option.
  static func require(_ version: Microversion, for option: String, _ context: CommandContext) throws {
    guard try context.api.supportsVolumeVersion(version) else {
      throw CommandFailure(message: "--os-volume-api-version \(version) or greater is required to support the \(option) option")
    }
  }

  /// osc-lib's `KeyValueAction` values as a JSON object.
  static func properties(_ arguments: ParsedArguments) -> JSONObject {
    var object = JSONObject()
    for (key, value) in OSCLib.keyValues(arguments.values("--property")) { object[key] = .string(value) }
    return object
  }
}

/// `openstack volume backup create`: of a volume, or of one of its snapshots.
enum VolumeBackupCreate: OpenStackCommand {
  static let name = "volume backup create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(["--property"]),
    types: ["--property": .keyValue])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let volumeID = try context.cinder.find(arguments.value("<volume>") ?? "", .volume)["id"] ?? .null
    var body: JSONObject = ["volume_id": volumeID]
    if let snapshot = arguments.value("--snapshot") {
      body["snapshot_id"] = try context.cinder.find(snapshot, .snapshot)["id"] ?? .null
    }
    let properties = BackupRequests.properties(arguments)
    if !properties.isEmpty {
      try BackupRequests.require(Microversion(3, 43), for: "--property", context)
      body["metadata"] = .object(properties)
    }
    if let zone = arguments.value("--availability-zone") {
      try BackupRequests.require(Microversion(3, 51), for: "--availability-zone", context)
      body["availability_zone"] = .string(zone)
    }
    body["container"] = VolumeFormat.optional(arguments.value("--container"))
    body["name"] = VolumeFormat.optional(arguments.value("--name"))
    body["description"] = VolumeFormat.optional(arguments.value("--description"))
    body["force"] = .bool(arguments.flag("--force"))
    body["incremental"] = .bool(arguments.flag("--incremental"))
    // `--no-incremental` stores to a destination of its own, which the client never reads.
    _ = arguments.flag("--no-incremental")
    let backup = try context.cinder.call(APIRequest(.post, "/backups", body: .object(["backup": .object(body)])), .backup)["backup"]
    // The SDK keeps the volume it was given beside the summary Cinder answers with.
    return .show(["id": backup?["id"] ?? .null, "name": backup?["name"] ?? .null, "volume_id": volumeID])
  }
}

/// `openstack volume backup list`: the volumes' names from one volume list; `all_tenants` is
/// always sent, as the SDK sends the client's `False`.
enum VolumeBackupList: OpenStackCommand {
  static let name = "volume backup list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating,
    types: [
      "--status": .choices(["creating", "available", "deleting", "error", "restoring", "error_restoring"]),
      "--limit": .int, "--max-items": .int,
    ])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let (limit, maxItems) = (try VolumePaging.limit(arguments, syntax), try VolumePaging.maxItems(arguments, syntax))
    var names: [String: JSON] = [:]
    let volumes = try context.cinder.send(APIRequest(.get, "/volumes/detail"), .volume)
    for volume in volumes.body?["volumes"]?.array ?? [] {
      if let id = volume["id"]?.string { names[id] = volume["name"] ?? .null }
    }
    var allProjects = arguments.flag("--all-projects")
    var project: String?
    if let nameOrID = arguments.value("--project") {
      allProjects = true
      do {
        project = try IdentityLookup.project.sdkID(nameOrID, domain: nil, in: context)
      } catch let failure as CommandFailure where failure.message.isEmpty {
        // `find_project` itself, not osc-lib's wrapper: the SDK's own not-found message.
        throw CommandFailure(message: "No Project found for \(nameOrID)")
      }
    }
    var volumeID: String?
    if let volume = arguments.value("--volume") { volumeID = try context.cinder.find(volume, .volume)["id"]?.string }
    // The marker by name or ID, as `find_backup` finds it.
    let marker = try arguments.value("--marker").map { try context.cinder.find($0, .backup)["id"]?.string ?? "" }
    var query: [(name: String, value: String)] = []
    if let project { query.append((name: "project_id", value: project)) }
    if let name = arguments.value("--name") { query.append((name: "name", value: name)) }
    if let status = arguments.value("--status") { query.append((name: "status", value: status)) }
    if let volumeID { query.append((name: "volume_id", value: volumeID)) }
    query.append((name: "all_tenants", value: allProjects ? "True" : "False"))
    let backups = try context.cinder.list(
      "/backups/detail", "backups", query: query, limit: limit, marker: marker,
      maxItems: maxItems, .backup)
    var columns = ["ID", "Name", "Description", "Status", "Size", "Incremental", "Created At"]
    var keys = ["id", "name", "description", "status", "size", "is_incremental", "created_at"]
    let long = arguments.flag("--long")
    if long {
      columns += ["Availability Zone", "Volume", "Container"]
      keys += ["availability_zone", "volume_id", "container"]
    }
    let rows = backups.map { backup in
      keys.map { key -> JSON in
        let value = backup[key] ?? .null
        // `VolumeIdColumn`: the volume's name where the volume list had it, in a table.
        guard key == "volume_id", context.isTable, let id = value.string, let name = names[id] else { return value }
        return name
      }
    }
    return .list(columns: columns, rows: rows, names: .tuple)
  }
}

/// `openstack volume backup show`.
enum VolumeBackupShow: OpenStackCommand {
  static let name = "volume backup show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  /// The client's columns, the SDK's attributes (`project_id` is Cinder's
  /// `os-backup-project-attr:project_id`).
  static let columns: [(column: String, field: String)] = [
    ("availability_zone", "availability_zone"), ("container", "container"), ("created_at", "created_at"),
    ("data_timestamp", "data_timestamp"), ("description", "description"), ("encryption_key_id", "encryption_key_id"),
    ("fail_reason", "fail_reason"), ("has_dependent_backups", "has_dependent_backups"), ("id", "id"),
    ("is_incremental", "is_incremental"), ("metadata", "metadata"), ("name", "name"), ("object_count", "object_count"),
    ("project_id", "os-backup-project-attr:project_id"), ("size", "size"), ("snapshot_id", "snapshot_id"),
    ("status", "status"), ("updated_at", "updated_at"), ("user_id", "user_id"), ("volume_id", "volume_id"),
  ]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let backup = try context.cinder.find(arguments.value("<backup>") ?? "", .backup)
    var fields = JSONObject()
    for (column, field) in columns { fields[column] = backup[field] ?? .null }
    return .show(fields)
  }
}

/// `openstack volume backup set`: the state reset first, then one update (from 3.43 always,
/// with the metadata).
enum VolumeBackupSet: OpenStackCommand {
  static let name = "volume backup set"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: ["--property"],
    types: ["--property": .keyValue, "--state": .choices(["available", "error"])])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let backup = try context.cinder.find(arguments.value("<backup>") ?? "", .backup)
    var failed = false
    if let state = arguments.value("--state") {
      do {
        try context.cinder.call(
          APIRequest(.post, BackupRequests.path(backup) + "/action", body: .object(["os-reset_status": .object(["status": .string(state)])])),
          .backup)
      } catch let failure as CommandFailure {
        context.log("Failed to set backup state: \(failure.message)")
        failed = true
      }
    }
    var changes = JSONObject()
    if let name = arguments.value("--name"), !name.isEmpty {
      try BackupRequests.require(Microversion(3, 9), for: "--name", context)
      changes["name"] = .string(name)
    }
    if let description = arguments.value("--description"), !description.isEmpty {
      try BackupRequests.require(Microversion(3, 9), for: "--description", context)
      changes["description"] = .string(description)
    }
    let clear = arguments.flag("--no-property")
    if clear { try BackupRequests.require(Microversion(3, 43), for: "--no-property", context) }
    let properties = BackupRequests.properties(arguments)
    if !properties.isEmpty { try BackupRequests.require(Microversion(3, 43), for: "--property", context) }
    if try context.api.supportsVolumeVersion(Microversion(3, 43)) {
      var metadata = clear ? JSONObject() : (backup["metadata"]?.object ?? [:])
      for (key, value) in properties { metadata[key] = value }
      changes["metadata"] = .object(metadata)
    }
    if !changes.isEmpty {
      do {
        try context.cinder.call(APIRequest(.put, BackupRequests.path(backup), body: .object(["backup": .object(changes)])), .backup)
      } catch let failure as CommandFailure {
        context.log("Failed to update backup: \(failure.message)")
        failed = true
      }
    }
    if failed { throw CommandFailure(message: "One or more of the set operations failed") }
    return .nothing
  }
}

/// `openstack volume backup restore`: to a new volume (the name given, if no volume has it) or,
/// with `--force`, over the existing volume.
enum VolumeBackupRestore: OpenStackCommand {
  static let name = "volume backup restore"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let backup = try context.cinder.find(arguments.value("<backup>") ?? "", .backup)
    let force = arguments.flag("--force")
    var restore = JSONObject()
    // Without a volume the SDK's `find` stops before any request; the restore then has nothing.
    if let volume = arguments.value("<volume>") {
      let existing: JSON?
      do { existing = try context.cinder.find(volume, .volume) } catch is CommandFailure { existing = nil }
      if let existing {
        guard force else {
          throw CommandFailure(
            message: "Volume '\(volume)' already exists; if you want to restore the backup to it you need to specify the '--force' option")
        }
        restore["volume_id"] = existing["id"] ?? .null
      } else {
        restore["name"] = .string(volume)
      }
    }
    guard !restore.isEmpty else { throw CommandFailure(message: "Either of `name` or `volume_id` must be specified.") }
    let answer = try context.cinder.call(
      APIRequest(.post, BackupRequests.path(backup) + "/restore", body: .object(["restore": .object(restore)])))["restore"]
    return .show(["id": backup["id"] ?? .null, "volume_id": answer?["volume_id"] ?? .null, "volume_name": answer?["volume_name"] ?? .null])
  }
}

/// `openstack volume backup delete`: each found, then deleted (`os-force_delete` with `--force`).
enum VolumeBackupDelete: OpenStackCommand {
  static let name = "volume backup delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let names = arguments.values("<backup>")
    let force = arguments.flag("--force")
    var failed = 0
    for name in names {
      do {
        let backup = try context.cinder.find(name, .backup)
        if force {
          try context.cinder.call(
            APIRequest(.post, BackupRequests.path(backup) + "/action", body: .object(["os-force_delete": .null])), .backup)
        } else {
          try context.cinder.call(APIRequest(.delete, BackupRequests.path(backup)), .backup)
        }
      } catch let failure as CommandFailure {
        failed += 1
        context.log("Failed to delete backup with name or ID '\(name)': \(failure.message)")
      }
    }
    try VolumeFormat.failures(failed, of: names.count, "backups")
    return .nothing
  }
}

/// `openstack volume backup unset` (3.43): each property named dropped from the backup's
/// metadata, a key it lacks warned about; then, as the client does it, a
/// `DELETE /backups/{id}/metadata/{key}` for each key LEFT (Cinder has no such route).
enum VolumeBackupUnset: OpenStackCommand {
  static let name = "volume backup unset"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--property"])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try BackupRequests.require(Microversion(3, 43), for: "--property", context)
    let given = arguments.value("<backup>") ?? ""
    let backup = try context.cinder.find(given, .backup)
    // Without `--property` the client iterates over `None`.
    let keys = arguments.values("--property")
    guard arguments.contains("--property") else { throw CommandFailure(message: "'NoneType' object is not iterable") }
    var metadata = backup["metadata"]?.object ?? [:]
    for key in keys {
      guard metadata[key] != nil else {
        context.log("'\(key)' is not a valid property for backup '\(given)'")
        continue
      }
      metadata[key] = nil
    }
    for key in metadata.keys {
      try context.cinder.call(APIRequest(.delete, BackupRequests.path(backup) + "/metadata/\(key)"), .backup)
    }
    return .nothing
  }
}
