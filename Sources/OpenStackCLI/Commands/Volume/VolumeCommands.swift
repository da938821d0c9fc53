import CloudAPI

/// OSC's volume commands (`volume/v3/volume.py`).
extension VolumeFormat {
  /// `_format_volume`: openstacksdk's `Volume` attributes under their API names, less the
  /// create-only, removed and computed ones; `consistencygroup_id`, `encryption_key_id` and
  /// `volume_image_metadata` only when set; `metadata` as `properties`, `volume_type` as `type`.
  static func volume(_ volume: JSON, _ context: CommandContext) -> JSONObject {
    var fields = JSONObject()
    for key in volumeAttributes {
      let value = volume[key] ?? .null
      if optionalAttributes.contains(key), value == .null { continue }
      fields[key] = value
    }
    // `format.BoolStr`: Cinder's `"true"`/`"false"` read as booleans.
    for key in ["bootable", "encrypted"] { fields[key] = boolStr(volume[key] ?? .null) }
    fields["properties"] = dict(volume["metadata"] ?? .object([:]), context)
    fields["type"] = volume["volume_type"] ?? .null
    return fields
  }

  static func boolStr(_ value: JSON) -> JSON {
    guard case .string(let text) = value else { return value }
    return .bool(text.lowercased() == "true")
  }

  /// openstacksdk 4.22's `Volume` attributes the client shows (its `to_dict(original_names=True)`
  /// less `_format_volume`'s ignored columns), but for `metadata` and `volume_type`.
  static let volumeAttributes = [
    "attachments", "availability_zone", "backup_id", "consistencygroup_id", "consumes_quota", "cluster_name", "created_at",
    "description", "encryption_key_id", "group_id", "os-vol-host-attr:host", "bootable", "encrypted", "multiattach",
    "os-vol-mig-status-attr:name_id", "os-vol-mig-status-attr:migstat", "os-vol-tenant-attr:tenant_id", "provider_id",
    "replication_status", "service_uuid", "shared_targets", "size", "snapshot_id", "source_volid", "status", "updated_at",
    "user_id", "volume_image_metadata", "volume_type_id", "id", "name",
  ]
  static let optionalAttributes: Set<String> = ["consistencygroup_id", "encryption_key_id", "volume_image_metadata"]

  /// osc-lib's `wait_for_status` with the volume commands' 1-second sleep: whether the volume
  /// became `available` (not `error`).
  static func waitForAvailable(_ id: String, _ context: CommandContext) throws -> Bool {
    while true {
      let status = try context.cinder.call(APIRequest(.get, "/volumes/\(id)"), .volume)["volume"]?["status"]?.string?.lowercased()
      if status == "available" { return true }
      if status == "error" { return false }
      context.sleep(1)
    }
  }
}

/// `openstack volume create`: the sources looked up, then `POST /volumes`; the create answer is
/// what is shown (`creating`).
enum VolumeCreate: OpenStackCommand {
  static let name = "volume create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(["--property", "--hint"]),
    types: ["--size": .int, "--property": .keyValue, "--hint": .keyValue, "--remote-source": .keyValue])
  static let refusedOptions: Set<String> = ["--remote-source", "--consistency-group", "--cluster"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var size = arguments.value("--size").flatMap { Int($0) }
    if size == nil, arguments.value("--source") == nil, arguments.value("--snapshot") == nil, arguments.value("--backup") == nil {
      throw CommandFailure(
        message: "--size is a required option if none of --snapshot, --backup, --source, or --remote-source are provided.")
    }
    if arguments.value("--host") != nil {
      throw CommandFailure(message: "The --host and --cluster options are only supported with --remote-source parameter.")
    }
    if arguments.value("--backup") != nil, !(try context.api.supportsVolumeVersion(Microversion(3, 47))) {
      throw CommandFailure(message: "--os-volume-api-version 3.47 or greater is required to create a volume from backup.")
    }
    var sourceID: JSON = .null
    if let source = arguments.value("--source") {
      let volume = try context.cinder.find(source, .volume)
      sourceID = volume["id"] ?? .null
      size = max(size ?? 0, volume["size"]?.integer ?? 0)
    }
    var imageID: JSON = .null
    if let image = arguments.value("--image") { imageID = try ComputeLookup.image(image, in: context)["id"] ?? .null }
    var snapshotID: JSON = .null
    if let name = arguments.value("--snapshot") {
      // Cinder needs a size; the snapshot's, unless a larger one is given.
      let snapshot = try context.cinder.find(name, .snapshot)
      snapshotID = snapshot["id"] ?? .null
      size = max(size ?? 0, snapshot["size"]?.integer ?? 0)
    }
    var backupID: JSON = .null
    if let name = arguments.value("--backup") {
      // As with a snapshot: the backup's size, unless a larger one is given.
      let backup = try context.cinder.find(name, .backup)
      backupID = backup["id"] ?? .null
      size = max(size ?? 0, backup["size"]?.integer ?? 0)
    }
    let properties = OSCLib.keyValues(arguments.values("--property"))
    let metadata: JSON =
      properties.isEmpty ? .null : .object(JSONObject(uniqueKeysWithValues: properties.map { ($0.key, JSON.string($0.value)) }))
    let body: JSONObject = [
      "size": size.map(JSON.int) ?? .null, "snapshot_id": snapshotID, "name": VolumeFormat.optional(arguments.value("<name>")),
      "description": VolumeFormat.optional(arguments.value("--description")), "volume_type": VolumeFormat.optional(arguments.value("--type")),
      "availability_zone": VolumeFormat.optional(arguments.value("--availability-zone")), "metadata": metadata, "imageRef": imageID,
      "source_volid": sourceID, "consistencygroup_id": .null, "OS-SCH-HNT:scheduler_hints": .null, "backup_id": backupID,
    ]
    var request: JSONObject = ["volume": .object(body)]
    // `KeyValueHintAction`: `same_host` and `different_host` gather a list, other keys keep the
    // last value; openstacksdk sends the hints beside the volume.
    var hints = JSONObject()
    for text in arguments.values("--hint") {
      let (key, value) = OSCLib.keyValues([text])[0]
      if key.hasPrefix("same_host") || key.hasPrefix("different_host") {
        hints[key] = .array((hints[key]?.array ?? []) + [.string(value)])
      } else {
        hints[key] = .string(value)
      }
    }
    if !hints.isEmpty { request["OS-SCH-HNT:scheduler_hints"] = .object(hints) }
    let volume = try context.cinder.call(APIRequest(.post, "/volumes", body: .object(request)), .volume)["volume"] ?? .null
    // Each flag once the volume is available, a failure logged and the volume still shown.
    let id = volume["id"]?.string ?? ""
    func once(available notAvailable: String, _ action: String, _ argument: JSONObject, failure what: String) throws {
      do {
        guard try VolumeFormat.waitForAvailable(id, context) else { throw CommandFailure(message: notAvailable) }
        try context.cinder.call(APIRequest(.post, "/volumes/\(id)/action", body: .object([action: .object(argument)])), .volume)
      } catch let failure as CommandFailure {
        context.log("\(what): \(failure.message)")
      }
    }
    if arguments.flag("--bootable") || arguments.flag("--non-bootable") {
      try once(
        available: "Volume status is not available for setting boot state", "os-set_bootable",
        ["bootable": .bool(arguments.flag("--bootable"))], failure: "Failed to set volume bootable property")
    }
    if arguments.flag("--read-only") || arguments.flag("--read-write") {
      // The client's message, its two strings joined without a blank.
      try once(
        available: "Volume status is not available for setting itread only.", "os-update_readonly_flag",
        ["readonly": .bool(arguments.flag("--read-only"))], failure: "Failed to set volume read-only access mode flag")
    }
    // The SDK keeps the backup it was given, which Cinder's answer does not name.
    var created = volume.object
    if created["backup_id"] == nil { created["backup_id"] = backupID }
    return VolumeFormat.sortedShow(VolumeFormat.volume(.object(created), context))
  }
}

/// `openstack volume delete`: each volume found, then deleted (`cascade` and, from 3.23, `force`
/// as the flags say).
enum VolumeDelete: OpenStackCommand {
  static let name = "volume delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = ["--remote"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let names = arguments.values("<volume>")
    var failed = 0
    for name in names {
      do {
        let volume = try context.cinder.find(name, .volume)
        let id = volume["id"]?.string ?? ""
        let force = arguments.flag("--force")
        let cascade = arguments.flag("--cascade") ? "True" : "False"
        if try context.api.supportsVolumeVersion(Microversion(3, 23)) {
          try context.cinder.call(
            APIRequest(
              .delete, "/volumes/\(id)",
              query: [(name: "cascade", value: cascade), (name: "force", value: force ? "True" : "False")]), .volume)
        } else if force {
          try context.cinder.call(APIRequest(.post, "/volumes/\(id)/action", body: .object(["os-force_delete": .null])), .volume)
        } else {
          try context.cinder.call(APIRequest(.delete, "/volumes/\(id)", query: [(name: "cascade", value: cascade)]), .volume)
        }
      } catch let failure as CommandFailure {
        failed += 1
        context.log("Failed to delete volume with name or ID '\(name)': \(failure.message)")
      }
    }
    try VolumeFormat.failures(failed, of: names.count, "volumes")
    return .nothing
  }
}

/// `openstack volume list`: `/volumes/detail` with the filters, servers' names for the attached.
enum VolumeList: OpenStackCommand {
  static let name = "volume list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating.union(["--property"]),
    types: ["--property": .keyValue, "--limit": .int])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let long = arguments.flag("--long")
    // The client sends a limit or marker only when it is true (`--limit 0` is none).
    let limit = try VolumePaging.limit(arguments, syntax).flatMap { $0 == 0 ? nil : $0 }
    let marker = arguments.value("--marker").flatMap { $0.isEmpty ? nil : $0 }
    var query: [(name: String, value: String)] = []
    if let name = arguments.value("--name") { query.append((name: "name", value: name)) }
    if let status = arguments.value("--status") { query.append((name: "status", value: status)) }
    let project = try IdentityLookup.project.id("--project", domain: "--project-domain", in: arguments, context: context, sdk: true)
    if let project { query.append((name: "project_id", value: project)) }
    if let user = try IdentityLookup.user.id("--user", domain: "--user-domain", in: arguments, context: context, sdk: true) {
      query.append((name: "user_id", value: user))
    }
    let properties = OSCLib.keyValues(arguments.values("--property"))
    if !properties.isEmpty {
      // Cinder reads a Python dict's `str()`.
      query.append((name: "metadata", value: "{" + properties.map { "\(PythonText.repr($0.key)): \(PythonText.repr($0.value))" }.joined(separator: ", ") + "}"))
    }
    if project != nil || arguments.flag("--all-projects") { query.append((name: "all_tenants", value: "True")) }
    let volumes = try context.cinder.list("/volumes/detail", "volumes", query: query, limit: limit, marker: marker, .volume)
    // The attached volumes' servers by name: one server list, as the client caches it.
    var serverNames: [String: String] = [:]
    if volumes.contains(where: { $0["status"]?.string == "in-use" }) {
      let response = try context.api.send(APIRequest(.get, "/v2.1/servers/detail"), to: .compute)
      for server in response.body?["servers"]?.array ?? [] {
        if let id = server["id"]?.string, let name = server["name"]?.string { serverNames[id] = name }
      }
    }
    var columns = ["ID", "Name", "Status", "Size"]
    if long { columns += ["Type", "Bootable"] }
    columns.append("Attached to")
    if long { columns.append("Properties") }
    let rows = volumes.map { volume -> [JSON] in
      var row = [volume["id"] ?? .null, volume["name"] ?? .null, volume["status"] ?? .null, volume["size"] ?? .null]
      if long { row += [volume["volume_type"] ?? .null, VolumeFormat.boolStr(volume["bootable"] ?? .null)] }
      row.append(attachments(volume["attachments"] ?? .array([]), serverNames, context))
      if long { row.append(VolumeFormat.dict(volume["metadata"] ?? .object([:]), context)) }
      return row
    }
    return .list(columns: columns, rows: rows, names: .tuple)
  }

  /// `AttachmentsColumn`: `Attached to SERVER on DEVICE ` for each, in a table.
  static func attachments(_ value: JSON, _ names: [String: String], _ context: CommandContext) -> JSON {
    guard context.isTable else { return value }
    return .string(
      value.array.map { attachment in
        let server = attachment["server_id"]?.string ?? ""
        return "Attached to \(names[server] ?? server) on \(attachment["device"]?.string ?? "None") "
      }.joined())
  }
}

/// `openstack volume show`.
enum VolumeShow: OpenStackCommand {
  static let name = "volume show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let volume = try context.cinder.find(arguments.value("<volume>") ?? "", .volume)
    return VolumeFormat.sortedShow(VolumeFormat.volume(volume, context))
  }
}

/// `openstack volume set`: each change tried in turn; a failure is logged and the command fails
/// at the end.
enum VolumeSet: OpenStackCommand {
  static let name = "volume set"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: ["--property", "--image-property"],
    types: [
      "--size": .int, "--property": .keyValue, "--image-property": .keyValue,
      "--migration-policy": .choices(["never", "on-demand"]),
    ])
  static let refusedOptions: Set<String> = ["--attached", "--detached"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let volume = try context.cinder.find(arguments.value("<volume>") ?? "", .volume)
    let id = volume["id"]?.string ?? ""
    let changes = VolumeChanges(context)
    func action(_ name: String, _ argument: JSONObject) throws {
      try context.cinder.call(APIRequest(.post, "/volumes/\(id)/action", body: .object([name: .object(argument)])), .volume)
    }
    if let text = arguments.value("--size"), let size = Int(text), size != 0 {
      try changes.attempt("Failed to set volume size") {
        let current = volume["size"]?.integer ?? 0
        let status = volume["status"]?.string ?? ""
        guard size > current else { throw CommandFailure(message: "New size must be greater than \(current) GB") }
        guard status == "available" || status == "in-use" else {
          throw CommandFailure(message: "Volume is in \(status) state, it must be available or in-use before size can be extended.")
        }
        if status == "in-use", !(try context.api.supportsVolumeVersion(Microversion(3, 42))) {
          throw CommandFailure(message: "--os-volume-api-version 3.42 or greater is required to extend in-use volumes.")
        }
        try action("os-extend", ["new_size": .int(size)])
      }
    }
    if arguments.flag("--no-property") {
      try changes.attempt("Failed to clean volume properties") {
        try context.cinder.call(APIRequest(.put, "/volumes/\(id)/metadata", body: .object(["metadata": .object([:])])), .volume)
      }
    }
    let properties = OSCLib.keyValues(arguments.values("--property"))
    if !properties.isEmpty {
      try changes.attempt("Failed to set volume properties") {
        let metadata = JSONObject(uniqueKeysWithValues: properties.map { ($0.key, JSON.string($0.value)) })
        try context.cinder.call(APIRequest(.post, "/volumes/\(id)/metadata", body: .object(["metadata": .object(metadata)])), .volume)
      }
    }
    let imageProperties = OSCLib.keyValues(arguments.values("--image-property"))
    if !imageProperties.isEmpty {
      try changes.attempt("Failed to set image properties") {
        let metadata = JSONObject(uniqueKeysWithValues: imageProperties.map { ($0.key, JSON.string($0.value)) })
        try action("os-set_image_metadata", ["metadata": .object(metadata)])
      }
    }
    if let state = arguments.value("--state") {
      try changes.attempt("Failed to set volume state") { try action("os-reset_status", ["status": .string(state)]) }
    }
    if arguments.flag("--bootable") || arguments.flag("--non-bootable") {
      try changes.attempt("Failed to set volume bootable property") {
        try action("os-set_bootable", ["bootable": .bool(arguments.flag("--bootable"))])
      }
    }
    if arguments.flag("--read-only") || arguments.flag("--read-write") {
      try changes.attempt("Failed to set volume read-only access mode flag") {
        try action("os-update_readonly_flag", ["readonly": .bool(arguments.flag("--read-only"))])
      }
    }
    let policy = arguments.value("--migration-policy")
    if let type = arguments.value("--type") {
      try changes.attempt("Failed to set volume type") {
        let found = try context.cinder.find(type, .type)
        try action("os-retype", ["new_type": found["id"] ?? .null, "migration_policy": .string(policy ?? "never")])
      }
    } else if policy != nil {
      context.log("'--migration-policy' option will not work without '--type' option")
    }
    var updates = JSONObject()
    if let name = arguments.value("--name"), !name.isEmpty { updates["name"] = .string(name) }
    if let description = arguments.value("--description"), !description.isEmpty { updates["description"] = .string(description) }
    if !updates.isEmpty {
      try changes.attempt("Failed to update volume display name or display description") {
        try context.cinder.call(APIRequest(.put, "/volumes/\(id)", body: .object(["volume": .object(updates)])), .volume)
      }
    }
    try changes.finish("set")
    return .nothing
  }
}

/// `openstack volume unset`: each property deleted, a request a key.
enum VolumeUnset: OpenStackCommand {
  static let name = "volume unset"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--property", "--image-property"])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let volume = try context.cinder.find(arguments.value("<volume>") ?? "", .volume)
    let id = volume["id"]?.string ?? ""
    // Each key a request, the first failure ending the option's; the other option still tried.
    let changes = VolumeChanges(context)
    try changes.attempt("Failed to unset volume properties") {
      for key in arguments.values("--property") {
        try context.cinder.call(APIRequest(.delete, "/volumes/\(id)/metadata/\(key)"), .volume)
      }
    }
    try changes.attempt("Failed to unset image properties") {
      for key in arguments.values("--image-property") {
        let body: JSON = .object(["os-unset_image_metadata": .object(["key": .string(key)])])
        try context.cinder.call(APIRequest(.post, "/volumes/\(id)/action", body: body), .volume)
      }
    }
    try changes.finish("unset")
    return .nothing
  }
}

/// `openstack volume service list` (admin): the services at 3.32, openstacksdk's `Service`'s
/// maximum, under the columns the cloud's microversions allow (so `Backend State`, a 3.49 field,
/// is always empty unless a version is asked for).
enum VolumeServiceList: OpenStackCommand {
  static let name = "volume service list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var columns = ["Binary", "Host", "Zone", "Status", "State", "Updated At"]
    var keys = ["binary", "host", "zone", "status", "state", "updated_at"]
    if try context.api.supportsVolumeVersion(Microversion(3, 7)) {
      columns.append("Cluster")
      keys.append("cluster")
    }
    if try context.api.supportsVolumeVersion(Microversion(3, 49)) {
      columns.append("Backend State")
      keys.append("backend_state")
    }
    if arguments.flag("--long") {
      columns.append("Disabled Reason")
      keys.append("disabled_reason")
    }
    var query: [(name: String, value: String)] = []
    if let host = arguments.value("--host") { query.append((name: "host", value: host)) }
    if let binary = arguments.value("--service") { query.append((name: "binary", value: binary)) }
    let services = try context.cinder.call(APIRequest(.get, "/os-services", query: query), .service)["services"]?.array ?? []
    return .list(columns: columns, rows: services.map { service in keys.map { service[$0] ?? .null } }, names: .tuple)
  }
}

extension JSON {
  /// An integer value (Cinder's sizes).
  fileprivate var integer: Int? {
    if case .int(let value) = self { return value }
    return nil
  }
}

/// `openstack volume message list` (3.3): what went wrong with the project's requests.
/// The SDK pages with `--limit` and `--marker` (limit and marker first in the query); before 3.5
/// Cinder reads neither but still links to a next page, which the SDK would follow for ever: a
/// `--limit` there is refused.
enum VolumeMessageList: OpenStackCommand {
  static let name = "volume message list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating, types: ["--limit": .int])
  static let refusedOptions: Set<String> = []
  static let keys = [
    "id", "event_id", "resource_type", "resource_uuid", "message_level", "user_message", "request_id", "created_at",
    "guaranteed_until",
  ]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    guard try context.api.supportsVolumeVersion(Microversion(3, 3)) else {
      throw CommandFailure(message: "--os-volume-api-version 3.3 or greater is required to support the 'volume message list' command")
    }
    let limit = try VolumePaging.limit(arguments, syntax).flatMap { $0 == 0 ? nil : $0 }
    if limit != nil, try !context.api.supportsVolumeVersion(Microversion(3, 5)) {
      throw NotEmulated(what: "--limit below --os-volume-api-version 3.5 (Cinder links to the same page again)")
    }
    var query: [(name: String, value: String)] = []
    if let project = try IdentityLookup.project.id("--project", domain: "--project-domain", in: arguments, context: context, sdk: true) {
      query.append((name: "project_id", value: project))
    }
    let marker = arguments.value("--marker").flatMap { $0.isEmpty ? nil : $0 }
    let messages = try context.cinder.list("/messages", "messages", query: query, limit: limit, marker: marker, .unversioned)
    return .list(
      columns: [
        "ID", "Event ID", "Resource Type", "Resource UUID", "Message Level", "User Message", "Request ID", "Created At",
        "Guaranteed Until",
      ], rows: messages.map { message in keys.map { message[$0] ?? .null } }, names: .tuple)
  }
}

/// `openstack volume service set`: the service found among the host's, then enabled or disabled
/// (with a reason, `disable-log-reason`).
enum VolumeServiceSet: OpenStackCommand {
  static let name = "volume service set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let reason = arguments.value("--disable-reason")
    let disable = arguments.flag("--disable")
    if let reason, !reason.isEmpty, !disable {
      throw CommandFailure(message: "Cannot specify option --disable-reason without --disable specified.")
    }
    let host = arguments.value("<host>") ?? ""
    let name = arguments.value("<service>") ?? ""
    let listed = try context.cinder.call(APIRequest(.get, "/os-services", query: [(name: "host", value: host)]), .service)
    // openstacksdk's `find_service`: the listed service whose name (its binary) is the one given.
    let matches = (listed["services"]?.array ?? []).filter { $0["binary"]?.string == name }
    if matches.count > 1 { throw CommandFailure(message: "More than one Service exists with the name '\(name)'.") }
    guard let service = matches.first else { throw CommandFailure(message: "No Service found for \(name)") }
    var body: JSONObject = ["binary": service["binary"] ?? .null, "host": service["host"] ?? .null]
    if arguments.flag("--enable") {
      try context.cinder.call(APIRequest(.put, "/os-services/enable", body: .object(body)))
    }
    if disable {
      if let reason, !reason.isEmpty {
        body["disabled_reason"] = .string(reason)
        try context.cinder.call(APIRequest(.put, "/os-services/disable-log-reason", body: .object(body)))
      } else {
        try context.cinder.call(APIRequest(.put, "/os-services/disable", body: .object(body)))
      }
    }
    return .nothing
  }
}

/// `openstack volume migrate` (admin): to another back end's pool. Clusters are not emulated.
enum VolumeMigrate: OpenStackCommand {
  static let name = "volume migrate"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = ["--cluster"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let volume = try context.cinder.find(arguments.value("<volume>") ?? "", .volume)
    var request = JSONObject()
    if let host = arguments.value("--host") { request["host"] = .string(host) }
    if arguments.flag("--force-host-copy") { request["force_host_copy"] = true }
    if arguments.flag("--lock-volume") { request["lock_volume"] = true }
    try context.cinder.call(
      APIRequest(.post, "/volumes/\(volume["id"]?.string ?? "")/action", body: .object(["os-migrate_volume": .object(request)])),
      .volume)
    return .nothing
  }
}
