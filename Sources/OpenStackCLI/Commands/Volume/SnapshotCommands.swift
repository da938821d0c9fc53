import CloudAPI

/// OSC's volume snapshot commands (`volume/v3/volume_snapshot.py`), through openstacksdk's
/// `Snapshot` (3.65 at most).
enum SnapshotFormat {
  /// `_format_snapshot`: the SDK attributes under their API names, less the ignored ones
  /// (`consumes_quota`, `force`, `group_snapshot_id`, the extended attributes, `updated_at`,
  /// `user_id`, `links`), `metadata` as `properties`.
  static func fields(_ snapshot: JSON, _ context: CommandContext) -> CommandOutput {
    var fields = JSONObject()
    for key in ["created_at", "description", "id", "name", "size", "status", "volume_id"] { fields[key] = snapshot[key] ?? .null }
    fields["properties"] = VolumeFormat.dict(snapshot["metadata"] ?? .object([:]), context)
    return VolumeFormat.sortedShow(fields)
  }
}

/// `openstack volume snapshot create`: of `--volume`, or of the volume named like the snapshot.
enum VolumeSnapshotCreate: OpenStackCommand {
  static let name = "volume snapshot create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(["--property"]),
    types: ["--property": .keyValue, "--remote-source": .keyValue])
  static let refusedOptions: Set<String> = ["--remote-source"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let name = arguments.value("<snapshot-name>") ?? ""
    let volume = try context.cinder.find(arguments.value("--volume") ?? name, .volume)
    let properties = OSCLib.keyValues(arguments.values("--property"))
    var body: JSONObject = ["volume_id": volume["id"] ?? .null]
    // From 3.66 an attached volume needs no `force`, and Cinder refuses one: the client drops it.
    let force = arguments.flag("--force")
    if !(try context.api.supportsVolumeVersion(Microversion(3, 66))) { body["force"] = .bool(force) }
    body["name"] = .string(name)
    body["description"] = VolumeFormat.optional(arguments.value("--description"))
    body["metadata"] = properties.isEmpty ? .null : .object(JSONObject(uniqueKeysWithValues: properties.map { ($0.key, JSON.string($0.value)) }))
    let snapshot = try context.cinder.call(APIRequest(.post, "/snapshots", body: .object(["snapshot": .object(body)])), .snapshot)["snapshot"] ?? .null
    return SnapshotFormat.fields(snapshot, context)
  }
}

/// `openstack volume snapshot list`: with the volumes' names, from one volume list.
enum VolumeSnapshotList: OpenStackCommand {
  static let name = "volume snapshot list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating, types: ["--limit": .int, "--max-items": .int])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let long = arguments.flag("--long")
    let (limit, maxItems) = (try VolumePaging.limit(arguments, syntax), try VolumePaging.maxItems(arguments, syntax))
    var names: [String: JSON] = [:]
    let volumes = try context.cinder.send(APIRequest(.get, "/volumes/detail"), .volume)
    for volume in volumes.body?["volumes"]?.array ?? [] {
      if let id = volume["id"]?.string { names[id] = volume["name"] ?? .null }
    }
    var query: [(name: String, value: String)] = []
    let volumeID = try arguments.value("--volume").map { try context.cinder.find($0, .volume)["id"]?.string ?? "" }
    let project = try IdentityLookup.project.id("--project", domain: "--project-domain", in: arguments, context: context, sdk: true)
    if let name = arguments.value("--name") { query.append((name: "name", value: name)) }
    if let status = arguments.value("--status") { query.append((name: "status", value: status)) }
    if let volumeID { query.append((name: "volume_id", value: volumeID)) }
    if let project { query.append((name: "project_id", value: project)) }
    if project != nil || arguments.flag("--all-projects") { query.append((name: "all_tenants", value: "True")) }
    let snapshots = try context.cinder.list(
      "/snapshots/detail", "snapshots", query: query, limit: limit,
      marker: arguments.value("--marker"), maxItems: maxItems, .snapshot)
    var columns = ["ID", "Name", "Description", "Status", "Size"]
    if long { columns += ["Created At", "Volume", "Properties"] }
    let rows = snapshots.map { snapshot -> [JSON] in
      var row = ["id", "name", "description", "status", "size"].map { snapshot[$0] ?? .null }
      if long {
        let volume = snapshot["volume_id"] ?? .null
        // `VolumeIdColumn`: the volume's name where the list had it, in a table.
        let shown = context.isTable ? volume.string.flatMap { names[$0] }.map { $0 == .null ? volume : $0 } ?? volume : volume
        row += [snapshot["created_at"] ?? .null, shown, VolumeFormat.dict(snapshot["metadata"] ?? .object([:]), context)]
      }
      return row
    }
    return .list(columns: columns, rows: rows, names: .tuple)
  }
}

/// `openstack volume snapshot show`.
enum VolumeSnapshotShow: OpenStackCommand {
  static let name = "volume snapshot show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    SnapshotFormat.fields(try context.cinder.find(arguments.value("<snapshot>") ?? "", .snapshot), context)
  }
}

/// `openstack volume snapshot delete`.
enum VolumeSnapshotDelete: OpenStackCommand {
  static let name = "volume snapshot delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = ["--remote"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let names = arguments.values("<snapshot>")
    var failed = 0
    for name in names {
      do {
        let snapshot = try context.cinder.find(name, .snapshot)
        let path = "/snapshots/\(snapshot["id"]?.string ?? "")"
        if arguments.flag("--force") {
          try context.cinder.call(APIRequest(.post, path + "/action", body: .object(["os-force_delete": .null])), .snapshot)
        } else {
          try context.cinder.call(APIRequest(.delete, path), .snapshot)
        }
      } catch let failure as CommandFailure {
        failed += 1
        context.log("Failed to delete snapshot with name or ID '\(name)': \(failure.message)")
      }
    }
    if failed > 0 { throw CommandFailure(message: "\(failed) of \(names.count) snapshots failed to delete.") }
    return .nothing
  }
}

/// `openstack volume snapshot set`.
enum VolumeSnapshotSet: OpenStackCommand {
  static let name = "volume snapshot set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--property"], types: ["--property": .keyValue])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let snapshot = try context.cinder.find(arguments.value("<snapshot>") ?? "", .snapshot)
    let id = snapshot["id"]?.string ?? ""
    let changes = VolumeChanges(context)
    if arguments.flag("--no-property") {
      try changes.attempt("Failed to clean snapshot properties") {
        for key in snapshot["metadata"]?.object.keys ?? [] {
          try context.cinder.call(APIRequest(.delete, "/snapshots/\(id)/metadata/\(key)"), .snapshot)
        }
      }
    }
    let properties = OSCLib.keyValues(arguments.values("--property"))
    if !properties.isEmpty {
      try changes.attempt("Failed to set snapshot property") {
        let metadata = JSONObject(uniqueKeysWithValues: properties.map { ($0.key, JSON.string($0.value)) })
        try context.cinder.call(APIRequest(.post, "/snapshots/\(id)/metadata", body: .object(["metadata": .object(metadata)])), .snapshot)
      }
    }
    if let state = arguments.value("--state") {
      try changes.attempt("Failed to set snapshot state") {
        try context.cinder.call(
          APIRequest(.post, "/snapshots/\(id)/action", body: .object(["os-reset_status": .object(["status": .string(state)])])), .snapshot)
      }
    }
    var updates = JSONObject()
    if let name = arguments.value("--name"), !name.isEmpty { updates["name"] = .string(name) }
    if let description = arguments.value("--description"), !description.isEmpty { updates["description"] = .string(description) }
    if !updates.isEmpty {
      try changes.attempt("Failed to update snapshot name or description") {
        try context.cinder.call(APIRequest(.put, "/snapshots/\(id)", body: .object(["snapshot": .object(updates)])), .snapshot)
      }
    }
    try changes.finish("set")
    return .nothing
  }
}

/// `openstack volume snapshot unset`: the keys deleted, a request each.
enum VolumeSnapshotUnset: OpenStackCommand {
  static let name = "volume snapshot unset"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--property"])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let snapshot = try context.cinder.find(arguments.value("<snapshot>") ?? "", .snapshot)
    for key in arguments.values("--property") {
      try context.cinder.call(APIRequest(.delete, "/snapshots/\(snapshot["id"]?.string ?? "")/metadata/\(key)"), .snapshot)
    }
    return .nothing
  }
}
