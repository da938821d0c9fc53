import CloudAPI

extension ManilaLookup {
  /// Share replicas (`ShareReplicaManager`, 2.11; experimental until 2.56).
  static let shareReplica = ManilaLookup(
    className: "sharereplica", path: "/v2/share-replicas", member: "share_replica",
    listPath: "/v2/share-replicas/detail", collection: "share_replicas",
    manager: ManilaManager(
      qualifiedName: "manilaclient.v2.share_replicas.ShareReplicaManager", minimumVersion: Microversion(2, 11)))
}

enum ShareReplicas {
  static func find(_ nameOrID: String, in context: CommandContext) throws -> JSON {
    try ManilaLookup.shareReplica.find(nameOrID, in: context, helper: .oscLib)
  }

  static func path(_ replica: JSON) -> String { "/v2/share-replicas/\(replica["id"]?.string ?? "")" }

  /// `POST .../action` with `{name: info}`.
  static func act(_ replica: JSON, _ name: String, _ info: JSON, in context: CommandContext) throws {
    _ = try context.call(.sharedFileSystem, APIRequest(.post, path(replica) + "/action", body: .object([name: info])))
  }

  /// `--property key=value` as osc-lib's `KeyValueAction` keeps them: a later value for a key
  /// replaces the earlier in place.
  static func properties(_ arguments: ParsedArguments) -> JSONObject {
    var properties = JSONObject()
    for (key, value) in OSCLib.keyValues(arguments.values("--property")) { properties[key] = .string(value) }
    return properties
  }

  /// The metadata (2.95) as `properties`, a dict column.
  static func withProperties(_ replica: JSON, in context: CommandContext) -> JSONObject {
    var fields = replica.object
    let metadata = fields.removeValue(forKey: "metadata") ?? .object([:])
    fields["properties"] = context.isTable ? OSCLib.formatDict(metadata) : metadata
    return fields
  }
}

/// `openstack share replica create`: in the zone, or (2.67) on the host, given; with properties
/// from 2.95.
enum ShareReplicaCreate: OpenStackCommand {
  static let name = "share replica create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(["--scheduler-hint", "--property"]),
    types: ["--scheduler-hint": .keyValue, "--property": .keyValue])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let share = try ManilaLookup.share.find(arguments.value("<share>") ?? "", in: context, helper: .oscLib)
    let version = try context.api.negotiatedShareVersion()
    var replica: JSONObject = ["share_id": share["id"] ?? .null]
    if let zone = arguments.value("--availability-zone"), !zone.isEmpty { replica["availability_zone"] = .string(zone) }
    let hints = OSCLib.keyValues(arguments.values("--scheduler-hint"))
    if !hints.isEmpty {
      if version < Microversion(2, 67) {
        throw CommandFailure(message: "arg '--scheduler_hint' is available only starting with API microversion '2.67'.")
      }
      guard hints.count == 1, let host = hints.first(where: { $0.key == "only_host" }) else {
        throw CommandFailure(message: "The only valid key supported with the --scheduler-hint argument is 'only_host'.")
      }
      replica["scheduler_hints"] = .object(["only_host": .string(host.value)])
    }
    let properties = ShareReplicas.properties(arguments)
    if !properties.isEmpty {
      guard version >= Microversion(2, 95) else {
        throw CommandFailure(message: "arg '--property' is available only starting with API microversion '2.95'.")
      }
    }
    if let network = arguments.value("--share-network") {
      if version < Microversion(2, 72) {
        throw CommandFailure(message: "'share-network' option is available only starting with '2.72' API microversion.")
      }
      replica["share_network_id"] = try ManilaLookup.shareNetwork.find(network, in: context, helper: .oscLib)["id"] ?? .null
    }
    if !properties.isEmpty { replica["metadata"] = .object(properties) }
    try ManilaLookup.shareReplica.manager?.require("create", in: context)
    let body = try context.call(
      .sharedFileSystem, APIRequest(.post, "/v2/share-replicas", body: .object(["share_replica": .object(replica)])))
    var created = body["share_replica"] ?? .null
    if arguments.flag("--wait"), let id = created["id"]?.string {
      if !(try context.waitForStatus("/v2/share-replicas/\(id)", member: "share_replica", success: ["available"])) {
        context.log("ERROR: Share replica is in error state.")
      }
      created = try ShareReplicas.find(id, in: context)
    }
    return .show(created.object)
  }
}

/// `openstack share replica list`: every replica the caller sees, or one share's; `--property`
/// (2.95) is sent as `metadata=key:value,...`, which Manila does not read, and applied by the
/// client to what comes back.
enum ShareReplicaList: OpenStackCommand {
  static let name = "share replica list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating.union(["--property"]),
    types: ["--property": .keyValue])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let share = try arguments.value("--share").map {
      try ManilaLookup.share.find($0, in: context, helper: .oscLib)["id"]?.string ?? $0
    }
    let version = try context.api.negotiatedShareVersion()
    let properties = ShareReplicas.properties(arguments)
    if !properties.isEmpty, version < Microversion(2, 95) {
      throw CommandFailure(message: "Property based filtering is only available with manila API version >= 2.95")
    }
    try ManilaLookup.shareReplica.manager?.require("list", in: context)
    var query: [(name: String, value: String)] = share.map { [(name: "share_id", value: $0)] } ?? []
    if !properties.isEmpty {
      query.append((name: "metadata", value: properties.map { "\($0.key):\($0.value.string ?? "")" }.joined(separator: ",")))
    }
    let body = try context.call(.sharedFileSystem, APIRequest(.get, "/v2/share-replicas/detail", query: query))
    var keys = ["id", "status", "replica_state", "share_id", "host", "availability_zone", "updated_at"]
    let withProperties = version >= Microversion(2, 95)
    if withProperties { keys.append("properties") }
    let replicas = (body["share_replicas"]?.array ?? []).filter { replica in
      properties.allSatisfy { replica["metadata"]?[$0.key] == $0.value }
    }
    let rows = replicas.map { replica in
      ManilaFormat.row(withProperties ? .object(ShareReplicas.withProperties(replica, in: context)) : replica, keys)
    }
    return .list(columns: keys.map(ManilaFormat.header), rows: rows)
  }
}

/// `openstack share replica show`: fetched by ID only (no name search), with its export
/// locations.
enum ShareReplicaShow: OpenStackCommand {
  static let name = "share replica show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ManilaLookup.shareReplica.manager?.require("get", in: context)
    let id = arguments.value("<replica>") ?? ""
    let replica = try context.call(.sharedFileSystem, APIRequest(.get, "/v2/share-replicas/\(id)"))["share_replica"] ?? .null
    let body = try context.call(.sharedFileSystem, APIRequest(.get, ShareReplicas.path(replica) + "/export-locations"))
    let locations = (body["export_locations"]?.array ?? []).map { location -> JSON in
      var fields = location.object
      fields.removeValue(forKey: "links")
      return .object(fields)
    }
    var fields = replica.object
    fields["export_locations"] = context.isTable ? ManilaFormat.dictList(locations) : .array(locations)
    fields = ShareReplicas.withProperties(.object(fields), in: context)
    fields.removeValue(forKey: "links")
    return .show(fields)
  }
}

/// `openstack share replica set`: the replica state and the status (admin), then properties
/// (2.95); each failure logged, then one error.
enum ShareReplicaSet: OpenStackCommand {
  static let name = "share replica set"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: ["--property"],
    types: [
      "--replica-state": .choices(["in_sync", "out_of_sync", "active", "error"]),
      "--status": .choices(["available", "error", "creating", "deleting", "error_deleting"]), "--property": .keyValue,
    ])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let replica = try ShareReplicas.find(arguments.value("<replica>") ?? "", in: context)
    let properties = ShareReplicas.properties(arguments)
    var failures = 0
    if let state = arguments.value("--replica-state") {
      do {
        try ShareReplicas.act(replica, "reset_replica_state", .object(["replica_state": .string(state)]), in: context)
      } catch let failure as CommandFailure {
        failures += 1
        context.log("Failed to set replica_state '\(state)': \(failure.message)")
      }
    }
    if let status = arguments.value("--status") {
      do {
        try ShareReplicas.act(replica, "reset_status", .object(["status": .string(status)]), in: context)
      } catch let failure as CommandFailure {
        failures += 1
        context.log("Failed to set status '\(status)': \(failure.message)")
      }
    }
    if !properties.isEmpty {
      guard try context.api.negotiatedShareVersion() >= Microversion(2, 95) else {
        throw CommandFailure(message: "Setting properties in share replicas is available only starting with API microversion '2.95'.")
      }
      do {
        _ = try context.call(
          .sharedFileSystem,
          APIRequest(.post, ShareReplicas.path(replica) + "/metadata", body: .object(["metadata": .object(properties)])))
      } catch let failure as CommandFailure {
        failures += 1
        let repr = ManilaFormat.dictRepr(properties.map { ($0.key, $0.value.string ?? "") }) ?? "{}"
        context.log("Failed to set share replica properties '\(repr)': \(failure.message)")
      }
    }
    if arguments.value("--replica-state") == nil, arguments.value("--status") == nil, properties.isEmpty {
      throw CommandFailure(message: "Nothing to set. Please define either '--replica_state' or '--status' or '--property'.")
    }
    if failures > 0 { throw CommandFailure(message: "One or more of the set operations failed") }
    return .nothing
  }
}

/// `openstack share replica unset --property KEY` (2.95): each key deleted in turn, each failure
/// logged, then one error.
enum ShareReplicaUnset: OpenStackCommand {
  static let name = "share replica unset"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--property"])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let replica = try ShareReplicas.find(arguments.value("<replica>") ?? "", in: context)
    let keys = arguments.values("--property")
    guard !keys.isEmpty else { throw CommandFailure(message: "Please specify '--property <key>' to unset a property.") }
    guard try context.api.negotiatedShareVersion() >= Microversion(2, 95) else {
      throw CommandFailure(message: "arg '--property' is available only starting with API microversion '2.95'.")
    }
    var failures = 0
    for key in keys {
      do {
        _ = try context.call(.sharedFileSystem, APIRequest(.delete, ShareReplicas.path(replica) + "/metadata/\(key)"))
      } catch let failure as CommandFailure {
        failures += 1
        context.log("Failed to unset replica property '\(key)': \(failure.message)")
      }
    }
    if failures > 0 { throw CommandFailure(message: "One or more of the unset operations failed") }
    return .nothing
  }
}

/// `openstack share replica promote`: to `active` (`--quiesce-wait-time` from 2.75, sent as
/// given); `--wait` watches the replica state.
enum ShareReplicaPromote: OpenStackCommand {
  static let name = "share replica promote"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let replica = try ShareReplicas.find(arguments.value("<replica>") ?? "", in: context)
    var body: JSON = .null
    if let wait = arguments.value("--quiesce-wait-time"), !wait.isEmpty {
      guard try context.api.negotiatedShareVersion() >= Microversion(2, 75) else {
        throw CommandFailure(message: "'quiesce-wait-time' option is available only starting with '2.75' API microversion.")
      }
      body = .object(["quiesce_wait_time": .string(wait)])
    }
    do {
      try ShareReplicas.act(replica, "promote", body, in: context)
      if arguments.flag("--wait"),
        !(try context.waitForStatus(ShareReplicas.path(replica), member: "share_replica", field: "replica_state", success: ["active"]))
      {
        context.log("ERROR: Share replica is in error state.")
      }
    } catch let failure as CommandFailure {
      throw CommandFailure(message: "Failed to promote replica to 'active': \(failure.message)")
    }
    return .nothing
  }
}

enum ShareReplicaResync: OpenStackCommand {
  static let name = "share replica resync"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let replica = try ShareReplicas.find(arguments.value("<replica>") ?? "", in: context)
    do {
      try ShareReplicas.act(replica, "resync", .null, in: context)
    } catch let failure as CommandFailure {
      throw CommandFailure(message: "Failed to resync share replica: \(failure.message)")
    }
    return .nothing
  }
}

/// `openstack share replica delete`: each replica, `--force` as the admin action.
enum ShareReplicaDelete: OpenStackCommand {
  static let name = "share replica delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try DeleteEach(
      failure: { "Failed to delete a share replica with name or ID '\($0)': \($1)" },
      summary: { "\($0) of \($1) replicas failed to delete." }
    ).run(arguments.values("<replica>")) { name in
      let replica = try ShareReplicas.find(name, in: context)
      if arguments.flag("--force") {
        try ShareReplicas.act(replica, "force_delete", .null, in: context)
      } else {
        _ = try context.call(.sharedFileSystem, APIRequest(.delete, ShareReplicas.path(replica)))
      }
      return try !arguments.flag("--wait") || context.waitForDelete(ShareReplicas.path(replica), member: "share_replica")
    }
    return .nothing
  }
}

enum ShareReplicaExportLocationList: OpenStackCommand {
  static let name = "share replica export location list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []
  static let columns = ["ID", "Availability Zone", "Replica State", "Preferred", "Path"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let replica = try ShareReplicas.find(arguments.value("<replica>") ?? "", in: context)
    let body = try context.call(.sharedFileSystem, APIRequest(.get, ShareReplicas.path(replica) + "/export-locations"))
    let keys = columns.map(ManilaFormat.key(ofColumn:))
    return .list(columns: columns, rows: (body["export_locations"]?.array ?? []).map { ManilaFormat.row($0, keys) })
  }
}

enum ShareReplicaExportLocationShow: OpenStackCommand {
  static let name = "share replica export location show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let replica = try ShareReplicas.find(arguments.value("<replica>") ?? "", in: context)
    let path = ShareReplicas.path(replica) + "/export-locations/\(arguments.value("<export-location>") ?? "")"
    let body = try context.call(.sharedFileSystem, APIRequest(.get, path))
    return .show((body["export_location"] ?? .null).object)
  }
}
