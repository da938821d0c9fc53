import CloudAPI

/// Cinder's volumes: created `creating` at once, placed by the scheduler on a back end whose
/// capabilities satisfy the type's extra specs (`error` where none does), `available` once the
/// back end has made them.
enum VolumeAPI {
  typealias Volume = BlockStorageState.Volume

  /// Seconds the scheduler takes to place a volume, and the back end to create it.
  static let schedulingDelay: Int64 = 1_000_000
  static let creationDelay: Int64 = 2_000_000

  static func timestamp(_ seconds: Int64) -> JSON { .string(VirtualClock.isoSeconds(seconds, suffix: ".000000")) }

  /// `self` and `bookmark` links, as `ViewBuilder._get_links` writes them.
  /// `views/volumes.py`'s `detail` (its `legacy_detail` and the fields each microversion adds),
  /// then the extensions' attributes.
  static let table = ViewTable<Volume, CinderViewContext>(
      member: "volume", collection: "volumes",
      fields: [
        CinderField("id") { volume, _ in .string(volume.id) },
        CinderField("status") { volume, _ in .string(volume.status) },
        CinderField("size") { volume, _ in .int(volume.size) },
        CinderField("availability_zone") { volume, _ in .string(volume.availabilityZone) },
        CinderField("created_at") { volume, _ in timestamp(volume.createdAt) },
        CinderField("updated_at") { volume, _ in volume.updatedAt.map(timestamp) ?? .null },
        CinderField("name") { volume, _ in .orNull(volume.name) },
        CinderField("description") { volume, _ in .orNull(volume.description) },
        CinderField("volume_type") { volume, context in .orNull(context.volumeTypes.first { $0.id == volume.typeID }?.name) },
        CinderField("snapshot_id") { volume, _ in .orNull(volume.snapshotID) },
        CinderField("source_volid") { volume, _ in .orNull(volume.sourceVolumeID) },
        CinderField("metadata") { volume, _ in volume.metadata.json },
        CinderField("links") { volume, context in context.links("volumes", volume.id) },
        CinderField("user_id") { volume, _ in .string(volume.userID) },
        CinderField("bootable") { volume, _ in .string(volume.bootable ? "true" : "false") },
        CinderField("encrypted") { volume, _ in .bool(volume.encrypted) },
        CinderField("replication_status") { _, _ in .null },
        CinderField("consistencygroup_id") { _, _ in .null },
        CinderField("multiattach") { volume, _ in .bool(volume.multiattach) },
        CinderField("attachments") { volume, context in
          .array(
            volume.attachments.map { attachment in
              .object([
                "id": .string(volume.id), "attachment_id": .string(attachment.id), "volume_id": .string(volume.id),
                "server_id": .string(attachment.serverID),
                "host_name": context.isAdmin ? .string(attachment.host) : .null,
                "device": .string(attachment.device), "attached_at": timestamp(attachment.attachedAt / 1_000_000),
              ])
            })
        },
        CinderField("migration_status", adminOnly: true) { volume, _ in .orNull(volume.migrationStatus) },
        CinderField("group_id", since: Microversion(3, 13)) { _, _ in .null },
        CinderField("provider_id", since: Microversion(3, 21), adminOnly: true) { _, _ in .null },
        CinderField("shared_targets", since: Microversion(3, 48)) { volume, context in
          // Below 3.69 a null is shown as true.
          volume.sharedTargets.map(JSON.bool) ?? (context.version >= Microversion(3, 69) ? .null : true)
        },
        CinderField("service_uuid", since: Microversion(3, 48)) { volume, _ in
          volume.host.map { .string(ServiceID.of($0)) } ?? .null
        },
        CinderField("cluster_name", since: Microversion(3, 61), adminOnly: true) { _, _ in .null },
        CinderField("volume_type_id", since: Microversion(3, 63)) { volume, _ in .string(volume.typeID) },
        CinderField("consumes_quota", since: Microversion(3, 65)) { _, _ in true },
        CinderField("os-vol-tenant-attr:tenant_id") { volume, _ in .string(volume.projectID) },
        CinderField("os-vol-host-attr:host", adminOnly: true) { volume, _ in .orNull(volume.host) },
        CinderField("os-vol-mig-status-attr:migstat", adminOnly: true) { volume, _ in .orNull(volume.migrationStatus) },
        CinderField("os-vol-mig-status-attr:name_id", adminOnly: true) { _, _ in .null },
        CinderField("volume_image_metadata", present: { !$0.imageMetadata.isEmpty }) { volume, _ in volume.imageMetadata.json },
      ],
      filters: QueryFilters([
        .exact("name", { $0.name }), .exact("status", { $0.status }),
        .exact("availability_zone", { $0.availabilityZone }),
        QueryFilter(parameter: "metadata") { text in
          // A dict literal, as `ast.literal_eval` reads it; one it cannot read matches nothing.
          let wanted = PythonDictLiteral.parse(text)
          return .success { volume in
            wanted.map { pairs in pairs.allSatisfy { pair in volume.metadata.contains { $0.0 == pair.key && $0.1 == pair.value } } }
              ?? false
          }
        },
      ]),
      briefFields: ["id", "name", "links"], id: \.id,
      isVisible: { volume, context in context.isAdmin || volume.projectID == context.caller.projectID },
      notFound: { "Volume \($0) could not be found." })

  static func register(in router: inout Router<CloudState>) {
    router.add(.get, "/v3/{project_id}/volumes", list)
    router.add(.get, "/v3/{project_id}/volumes/detail", list)
    router.add(.post, "/v3/{project_id}/volumes", create)
    router.add(.get, "/v3/{project_id}/volumes/{id}", show)
    router.add(.put, "/v3/{project_id}/volumes/{id}", update)
    router.add(.delete, "/v3/{project_id}/volumes/{id}", delete)
    router.add(.post, "/v3/{project_id}/volumes/{id}/metadata", setMetadata)
    router.add(.put, "/v3/{project_id}/volumes/{id}/metadata", setMetadata)
    router.add(.delete, "/v3/{project_id}/volumes/{id}/metadata/{key}", deleteMetadata)
    router.add(.post, "/v3/{project_id}/volumes/{id}/action", action)
  }

  /// The volumes the caller sees: its project's; an admin's `all_tenants` (with `project_id`)
  /// every project's. Newest first.
  static func visible(_ state: CloudState, _ call: Call, _ context: CinderViewContext) -> [Volume] {
    let allProjects = context.isAdmin && (call.query("all_tenants").map { StrictBool.parse($0) ?? true } ?? false)
    let project = allProjects ? call.query("project_id") : context.caller.projectID
    return state.blockStorage.volumes.filter { volume in project.map { volume.projectID == $0 } ?? true }
      .sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
  }

  /// `GET /volumes` (summaries: `id`, `name`, `links`) and `/volumes/detail`.
  static func list(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let context = BlockStorageService.context(state, call)
    if let fault = CinderPaging.limitFault(call) { return fault }
    let volumes = visible(state, call, context)
    let response = table.list(volumes, call, context, brief: !call.request.path.hasSuffix("/detail"))
    let marker = call.query("marker") ?? ""
    return CinderPaging.page(
      response, collection: "volumes", order: volumes.map(\.id),
      known: { id in state.blockStorage.volumes.contains { $0.id == id && (context.isAdmin || $0.projectID == context.caller.projectID) } },
      notFound: "Volume \(marker) could not be found.", call: call, context: context)
  }

  /// The caller's volume with this ID (any project's for an admin), or Cinder's 404.
  static func find(_ state: CloudState, _ call: Call) -> Result<Int, FaultResponse> {
    table.index(
      of: call.parameters["id"] ?? "", in: state.blockStorage.volumes, for: BlockStorageService.context(state, call))
  }

  static func show(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch find(state, call) {
    case .success(let index):
      return table.show(state.blockStorage.volumes[index], BlockStorageService.context(state, call))
    case .failure(let fault): return fault.response
    }
  }

  /// `POST /volumes`: the request checked as Cinder's schema and API flow check it, the quota
  /// reserved, then `creating` until the scheduler and the back end are done.
  static func create(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let context = BlockStorageService.context(state, call)
    guard case .object(let body)? = call.request.body?["volume"] else {
      return .fault(400, "'volume' is a required property")
    }
    var size: Int?
    switch body["size"] {
    case .null?, nil: break
    case let given?:
      switch volumeSize(given, field: "size", nullable: true) {
      case .success(let number): size = number
      case .failure(let fault): return fault.response
      }
    }
    var metadata: [(String, String)] = []
    for (key, value) in body["metadata"]?.object ?? [:] {
      guard let text = value.string else {
        return CinderFault.invalidInput(key, PythonValue.str(value), "\(PythonValue.repr(value)) is not of type 'string'")
      }
      metadata.setValue(text, forKey: key)
    }
    // The hints are checked after the volume's own schema.
    if let fault = hintsFault(call.request.body?["OS-SCH-HNT:scheduler_hints"]) { return fault }
    if body["multiattach"]?.isTruthyBool == true {
      return .fault(
        400,
        "The deprecated 'multiattach' flag has been removed from the volume create API. To create a multiattach volume, create a volume with a multiattach volume type.")
    }
    // The source: a snapshot, a volume or an image; the size defaults to the source's.
    var sourceVolume: Volume?
    if let sourceID = body["source_volid"]?.string {
      guard let source = state.blockStorage.volumes.first(where: { $0.id == sourceID && $0.projectID == context.caller.projectID })
      else { return .fault(404, "Volume \(sourceID) could not be found.") }
      sourceVolume = source
    }
    var snapshot: BlockStorageState.Snapshot?
    if let snapshotID = body["snapshot_id"]?.string {
      guard let found = state.blockStorage.snapshots.first(where: { $0.id == snapshotID && $0.projectID == context.caller.projectID })
      else { return .fault(404, "Snapshot \(snapshotID) could not be found.") }
      guard found.status == "available" else {
        return .fault(400, "Invalid snapshot: Originating snapshot status must be one of 'available' values")
      }
      if let size, size < found.size {
        return .fault(
          400,
          "Invalid input received: Volume size '\(size)'GB cannot be smaller than the snapshot size \(found.size)GB. They must be >= original snapshot size.")
      }
      snapshot = found
      // Made from the snapshot's volume: its type unless one is named.
      sourceVolume = state.blockStorage.volumes.first { $0.id == found.volumeID }
    }
    // A backup (from 3.47): available, and no larger than the volume.
    var backup: BlockStorageState.Backup?
    if context.version >= Microversion(3, 47), let backupID = body["backup_id"]?.string {
      guard let found = state.blockStorage.backups.first(where: {
        $0.id == backupID && (context.isAdmin || $0.projectID == context.caller.projectID)
      }) else { return .fault(404, "Backup \(backupID) could not be found.") }
      guard found.status == "available" else {
        return .fault(400, "Invalid backup: Originating backup status must be one of 'available' values")
      }
      if let size, size < found.size {
        return .fault(
          400,
          "Invalid input received: Volume size \(size)GB cannot be smaller than the backup size \(found.size)GB. It must be >= backup size.")
      }
      backup = found
    }
    var image: ImageState.Image?
    if let imageID = body["imageRef"]?.string ?? body["image_id"]?.string {
      guard let found = state.images.images.first(where: { $0.id == imageID }) else {
        return .fault(404, "Image \(imageID) could not be found.")
      }
      image = found
    }
    if let backup { size = size ?? backup.size }
    if let snapshot { size = size ?? snapshot.size } else if let source = sourceVolume { size = max(size ?? source.size, source.size) }
    guard let size else { return .fault(400, "Invalid input received: Volume size  must be an integer and greater than 0") }
    // The type: named, the source's, or the default.
    let typeName = body["volume_type"]?.string ?? sourceVolume.flatMap { source in state.blockStorage.types.first { $0.id == source.typeID }?.name }
      ?? state.blockStorage.defaultTypeName
    guard let type = state.blockStorage.type(named: typeName), state.blockStorage.typeVisible(type, to: context.caller) else {
      return .fault(404, "Volume type with name \(typeName) could not be found.")
    }
    let zone = body["availability_zone"]?.string ?? state.blockStorage.availabilityZones.first ?? "nova"
    guard state.blockStorage.availabilityZones.contains(zone) else {
      return .fault(400, "Availability zone '\(zone)' is invalid.")
    }
    if let fault = CinderQuotaAPI.checkVolume(state, project: context.caller.projectID, size: size, typeName: type.name) {
      return fault
    }
    let now = state.clock.now / 1_000_000
    var volume = Volume(
      id: state.newResourceID(), name: body["name"]?.string ?? body["display_name"]?.string,
      description: body["description"]?.string ?? body["display_description"]?.string, size: size, status: "creating",
      typeID: type.id, availabilityZone: zone, host: nil, projectID: context.caller.projectID, userID: context.caller.userID,
      metadata: metadata, snapshotID: snapshot?.id, sourceVolumeID: snapshot == nil ? sourceVolume?.id : nil, createdAt: now,
      updatedAt: nil)
    volume.multiattach = type.extraSpecs.contains { $0.0 == "multiattach" && $0.1 == "<is> True" }
    volume.encrypted = type.encryption != nil
    if let source = sourceVolume {
      volume.bootable = source.bootable
      volume.imageMetadata = source.imageMetadata
    }
    state.blockStorage.volumes.append(volume)
    let response = table.show(volume, context, status: 202)
    let id = volume.id
    let imageMetadata = image.map(imageMetadata) ?? volume.imageMetadata
    let requestID = call.requestID
    state.after(schedulingDelay) { state in
      BlockStorageScheduler.schedule(&state, volumeID: id, imageMetadata: imageMetadata, requestID: requestID)
    }
    return response
  }

  /// `schemas/scheduler_hints.py`: `same_host` and `different_host` a volume's UUID or a list of
  /// distinct ones. devstack's scheduler has none of the filters that read hints, so valid
  /// hints change nothing.
  static func hintsFault(_ hints: JSON?) -> APIResponse? {
    func isUUID(_ value: JSON) -> Bool {
      // `uuidutils.is_uuid_like`: 32 hexadecimal digits, dashes where they go or none.
      guard let text = value.string?.lowercased() else { return false }
      let digits = text.replacingEvery("-", with: "")
      return digits.count == 32 && digits.allSatisfy(\.isHexDigit) && (text.count == 32 || text.count == 36)
    }
    for key in ["different_host", "same_host"] {
      guard let value = hints?[key] else { continue }
      let valid =
        switch value {
        case .string: isUUID(value)
        case .array(let items): items.allSatisfy(isUUID) && Set(items.compactMap(\.string)).count == items.count
        default: false
        }
      if !valid {
        return .fault(
          400, "Invalid input for field/attribute \(key). Value: \(PythonValue.str(value)). \(PythonValue.repr(value)) is not valid under any of the given schemas")
      }
    }
    return nil
  }

  /// What Cinder records of an image it copied (`volume_glance_metadata`, in the order of its
  /// rows): the signature check first, then the image's properties, then its ID, name and
  /// `IMAGE_ATTRIBUTES`.
  static func imageMetadata(_ image: ImageState.Image) -> [(String, String)] {
    let definition = image.definition
    return [("signature_verified", "False")] + definition.properties + [
      ("image_id", image.id), ("image_name", definition.name), ("checksum", definition.checksum),
      ("container_format", image.containerFormat ?? ""), ("disk_format", image.diskFormat ?? ""), ("min_disk", "0"),
      ("min_ram", "0"), ("size", String(definition.size)),
    ]
  }

  /// `PUT /volumes/{id}`: name and description.
  static func update(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard case .object(let body)? = call.request.body?["volume"] else { return .fault(400, "'volume' is a required property") }
    switch find(state, call) {
    case .success(let index):
      if let name = body["name"] ?? body["display_name"] { state.blockStorage.volumes[index].name = name.string }
      if let description = body["description"] ?? body["display_description"] {
        state.blockStorage.volumes[index].description = description.string
      }
      state.blockStorage.volumes[index].updatedAt = state.clock.now / 1_000_000
      return table.show(state.blockStorage.volumes[index], BlockStorageService.context(state, call))
    case .failure(let fault): return fault.response
    }
  }

  /// The statuses a volume may be deleted in (`volume/api.py`'s `delete`).
  static let deletable: Set<String> = ["available", "error", "error_restoring", "error_extending", "error_managing"]

  /// `DELETE /volumes/{id}[?cascade=&force=]`: `deleting`, then gone, its space given back.
  static func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch find(state, call) {
    case .success(let index):
      let volume = state.blockStorage.volumes[index]
      let force = StrictBool.parse(call.query("force") ?? "") == true
      // With `cascade`, snapshots that could be deleted go with the volume.
      let cascade = StrictBool.parse(call.query("cascade") ?? "") == true
      let snapshots = state.blockStorage.snapshots.filter { $0.volumeID == volume.id }
      if force, !(call.caller?.isAdmin ?? false) { return CinderFault.policy("volume_extension:volume_admin_actions:force_delete") }
      if !force {
        guard deletable.contains(volume.status), volume.attachments.isEmpty,
          snapshots.allSatisfy({ cascade && ["available", "error"].contains($0.status) })
        else {
          return .fault(
            400,
            "Invalid volume: Volume status must be available or error or error_restoring or error_extending or error_managing and must not be migrating, attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated from snapshots after volume transfer.")
        }
      }
      state.blockStorage.volumes[index].status = "deleting"
      state.blockStorage.volumes[index].updatedAt = state.clock.now / 1_000_000
      let id = volume.id
      if cascade {
        for snapshot in state.blockStorage.snapshots.indices where state.blockStorage.snapshots[snapshot].volumeID == id {
          state.blockStorage.snapshots[snapshot].status = "deleting"
        }
      }
      state.after(creationDelay) { state in
        if cascade { state.blockStorage.snapshots.removeAll { $0.volumeID == id } }
        guard let index = state.blockStorage.volumes.firstIndex(where: { $0.id == id }) else { return }
        let gone = state.blockStorage.volumes.remove(at: index)
        if let host = gone.host, let backend = state.blockStorage.backends.firstIndex(where: { $0.definition.host == host }) {
          state.blockStorage.backends[backend].allocated -= gone.size
        }
      }
      return APIResponse(status: 202)
    case .failure(let fault): return fault.response
    }
  }

  /// `POST /volumes/{id}/metadata`: merges the keys given; answers with them all. `PUT`
  /// replaces them.
  static func setMetadata(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard case .object(let given)? = call.request.body?["metadata"] else { return .fault(400, "Malformed request body") }
    switch find(state, call) {
    case .success(let index):
      if call.request.method == .put { state.blockStorage.volumes[index].metadata = [] }
      for (key, value) in given {
        guard let text = value.string else {
          return CinderFault.invalidInput(key, PythonValue.str(value), "\(PythonValue.repr(value)) is not of type 'string'")
        }
        state.blockStorage.volumes[index].metadata.setValue(text, forKey: key)
      }
      return .json(200, .object(["metadata": state.blockStorage.volumes[index].metadata.json]))
    case .failure(let fault): return fault.response
    }
  }

  static func deleteMetadata(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let key = call.parameters["key"] ?? ""
    switch find(state, call) {
    case .success(let index):
      guard state.blockStorage.volumes[index].metadata.contains(where: { $0.0 == key }) else {
        return .fault(404, "Metadata item was not found")
      }
      state.blockStorage.volumes[index].metadata.removeAll { $0.0 == key }
      return APIResponse(status: 200)
    case .failure(let fault): return fault.response
    }
  }

  /// The largest size Cinder's schema takes (`constants.DB_MAX_INT`).
  static let largestSize = 2_147_483_647

  /// A size as `parameter_types.volume_size` checks it (an integer, or a string of digits, from 1
  /// to `DB_MAX_INT`), in jsonschema's words. The schema bounds only numbers: a string of more
  /// digits than 64 bits hold, which Cinder would take on to its quota's refusal, is refused here
  /// as a number that large would be.
  static func volumeSize(_ value: JSON, field: String, nullable: Bool) -> Result<Int, FaultResponse> {
    func invalid(_ reason: String) -> Result<Int, FaultResponse> {
      .failure(FaultResponse(CinderFault.invalidInput(field, PythonValue.str(value), reason)))
    }
    switch value {
    case .int(let number):
      if number < 1 { return invalid("\(number) is less than the minimum of 1") }
      if number > largestSize { return invalid("\(number) is greater than the maximum of \(largestSize)") }
      return .success(number)
    case .largeInt(let digits):
      return invalid(digits.hasPrefix("-") ? "\(digits) is less than the minimum of 1" : "\(digits) is greater than the maximum of \(largestSize)")
    case .string(let text):
      guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
        return invalid("'\(text)' does not match '^[0-9]+$'")
      }
      guard let number = Int(text) else { return invalid("'\(text)' is greater than the maximum of \(largestSize)") }
      guard number >= 1 else { return invalid("'\(text)' is less than the minimum of 1") }
      return .success(number)
    default:
      return invalid("\(PythonValue.repr(value)) is not of type 'integer', 'string'\(nullable ? ", 'null'" : "")")
    }
  }

  /// `_extend`'s reservation of the increase (gigabytes, and the type's): over any quota, the
  /// 413 names the project's gigabytes, whichever quota it was.
  static func extendQuotaFault(_ state: CloudState, _ volume: Volume, by increase: Int) -> APIResponse? {
    let typeName = state.blockStorage.types.first { $0.id == volume.typeID }?.name ?? ""
    let deltas = [(name: "gigabytes", amount: increase), (name: "gigabytes_\(typeName)", amount: increase)]
    guard !state.quotaOvers(.volume, project: volume.projectID, deltas).isEmpty else { return nil }
    let gigabytes = state.quotaFigures(.volume, project: volume.projectID).first { $0.name == "gigabytes" }
    return .fault(
      413,
      "Requested volume or snapshot exceeds allowed gigabytes quota. Requested \(increase)G, quota is \(gigabytes?.limit ?? 0)G and \(gigabytes?.inUse ?? 0)G has been consumed.")
  }

  /// `POST /volumes/{id}/action`: `os-set_bootable`, `os-extend` (an available volume; an
  /// attached one from 3.42), `os-update_readonly_flag` (an available volume),
  /// `os-set_image_metadata` and `os-unset_image_metadata`, `os-retype`, `os-migrate_volume` and
  /// `os-reset_status` (admin).
  static func action(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard case .object(let body)? = call.request.body, let (name, argument) = body.first else {
      return .fault(400, "Malformed request body")
    }
    switch find(state, call) {
    case .success(let index):
      let volume = state.blockStorage.volumes[index]
      switch name {
      case "os-set_bootable":
        guard let flag = argument["bootable"].flatMap(\.isTruthyBool) else {
          return .fault(400, "Invalid value for 'bootable'")
        }
        state.blockStorage.volumes[index].bootable = flag
        return APIResponse(status: 200)
      case "os-extend":
        guard let given = argument["new_size"] else { return .fault(400, "New volume size must be specified as an integer.") }
        let newSize: Int
        switch volumeSize(given, field: "new_size", nullable: false) {
        case .success(let number): newSize = number
        case .failure(let fault): return fault.response
        }
        let attachedAllowed = state.volumeVersion >= Microversion(3, 42) && volume.status == "in-use"
        guard volume.status == "available" || attachedAllowed else {
          return .fault(
            400,
            "Invalid volume: Volume \(volume.id) status must be '\(state.volumeVersion >= Microversion(3, 42) ? "available' or 'in-use" : "available")', but current status is: \(volume.status).")
        }
        guard newSize > volume.size else {
          return .fault(
            400,
            "Invalid input received: New size for extend must be greater than current size. (current: \(volume.size), extended: \(newSize)).")
        }
        if let fault = extendQuotaFault(state, volume, by: newSize - volume.size) { return fault }
        if let host = volume.host, let backend = state.blockStorage.backends.firstIndex(where: { $0.definition.host == host }) {
          state.blockStorage.backends[backend].allocated += newSize - volume.size
        }
        state.blockStorage.volumes[index].size = newSize
        state.blockStorage.volumes[index].updatedAt = state.clock.now / 1_000_000
        return APIResponse(status: 202)
      case "os-update_readonly_flag":
        guard let flag = argument["readonly"].flatMap(\.isTruthyBool) else {
          return .fault(400, "Invalid value for 'readonly'")
        }
        guard volume.status == "available" else {
          return .fault(
            400,
            "Invalid volume: Volume \(volume.id) status must be available to update readonly flag, but current status is: \(volume.status).")
        }
        state.blockStorage.volumes[index].readOnly = flag
        return APIResponse(status: 202)
      case "os-set_image_metadata":
        guard case .object(let given)? = argument["metadata"] else { return .fault(400, "Malformed request body.") }
        if let fault = metadataFault(volume) { return fault }
        for (key, value) in given {
          guard let text = value.string else {
            return CinderFault.invalidInput(key, PythonValue.str(value), "\(PythonValue.repr(value)) is not of type 'string'")
          }
          guard !key.isEmpty else { return .fault(400, "Invalid metadata: Metadata property key blank.") }
          state.blockStorage.volumes[index].imageMetadata.setValue(text, forKey: key)
        }
        return .json(200, .object(["metadata": state.blockStorage.volumes[index].imageMetadata.json]))
      case "os-unset_image_metadata":
        let key = argument["key"]?.string ?? ""
        guard volume.imageMetadata.contains(where: { $0.0 == key }) else {
          return .fault(404, "Glance metadata for volume/snapshot \(volume.id) cannot be found.")
        }
        if let fault = metadataFault(volume) { return fault }
        state.blockStorage.volumes[index].imageMetadata.removeAll { $0.0 == key }
        return APIResponse(status: 200)
      case "os-migrate_volume":
        return BlockStorageScheduler.migrate(&state, call, volumeIndex: index, argument)
      case "os-retype":
        return BlockStorageScheduler.retype(&state, volumeIndex: index, argument)
      case "os-reset_status":
        guard call.caller?.isAdmin ?? false else { return CinderFault.policy("volume_extension:volume_admin_actions:reset_status") }
        if let status = argument["status"]?.string { state.blockStorage.volumes[index].status = status }
        return APIResponse(status: 202)
      default:
        return .fault(400, "There is no such action: \(name)")
      }
    case .failure(let fault): return fault.response
    }
  }
}

extension VolumeAPI {
  /// `update_volume_metadata`'s refusal of a volume in maintenance (being migrated with its lock)
  /// or being uploaded to an image.
  static func metadataFault(_ volume: BlockStorageState.Volume) -> APIResponse? {
    guard volume.status == "maintenance" || volume.status == "uploading" else { return nil }
    return .fault(400, "Invalid volume: The volume metadata cannot be updated when the volume is in maintenance mode.")
  }
}

extension JSON {
  /// A JSON boolean, or a string oslo reads strictly as one.
  var isTruthyBool: Bool? {
    switch self {
    case .bool(let flag): flag
    case .string(let text): StrictBool.parse(text)
    default: nil
    }
  }
}

/// The volume service's `service_uuid`, the same for a host in every cloud.
enum ServiceID {
  /// Every volume's view names its host's: a digest each time was a quarter of a volume list's
  /// cost.
  private static let known = DigestMemo(limit: 64)

  static func of(_ host: String) -> String {
    known.text(for: host) { host in
      let hex = Array(SHA224.hexDigest("cinder-volume " + host).utf8.prefix(32))
      let groups = [hex[0..<8], hex[8..<12], hex[12..<16], hex[16..<20], hex[20..<32]]
      return groups.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "-")
    }
  }
}
