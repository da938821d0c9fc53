import CloudAPI

/// Cinder's backups (`/backups`): a volume (or one of its snapshots) copied by the backup
/// service, `creating` then `available`; incremental ones build on the latest available backup
/// of the volume. A cloud without a backup service takes the request and fails the backup, as
/// Cinder's scheduler does. A backup is restored to a new volume or over an available one.
enum BackupAPI {
  typealias Backup = BlockStorageState.Backup

  /// `backup_swift_container`: where the Swift driver puts backups by default.
  static let defaultContainer = "volumebackups"
  /// `backup_swift_object_size`: 50 MiB a chunk.
  static let chunkMiB = 50

  /// `views/backups.py`'s `detail` (metadata from 3.43), then the admins' project (3.18) and
  /// user (3.56).
  static let table = ViewTable<Backup, CinderViewContext>(
    member: "backup", collection: "backups",
    fields: [
      CinderField("id") { backup, _ in .string(backup.id) },
      CinderField("status") { backup, _ in .string(backup.status) },
      CinderField("size") { backup, _ in .int(backup.size) },
      CinderField("object_count") { backup, _ in .int(backup.objectCount) },
      CinderField("availability_zone") { backup, _ in .orNull(backup.availabilityZone) },
      CinderField("container") { backup, _ in .orNull(backup.container) },
      CinderField("created_at") { backup, _ in VolumeAPI.timestamp(backup.createdAt) },
      CinderField("updated_at") { backup, _ in backup.updatedAt.map(VolumeAPI.timestamp) ?? .null },
      CinderField("name") { backup, _ in .orNull(backup.name) },
      CinderField("description") { backup, _ in .orNull(backup.description) },
      CinderField("fail_reason") { backup, _ in .orNull(backup.failReason) },
      CinderField("volume_id") { backup, _ in .string(backup.volumeID) },
      CinderField("links") { backup, context in context.links("backups", backup.id) },
      CinderField("is_incremental") { backup, _ in .bool(backup.parentID != nil) },
      CinderField("has_dependent_backups") { backup, _ in .bool(backup.hasDependents) },
      CinderField("snapshot_id") { backup, _ in .orNull(backup.snapshotID) },
      CinderField("data_timestamp") { backup, _ in VolumeAPI.timestamp(backup.dataTimestamp) },
      CinderField("metadata", since: Microversion(3, 43)) { backup, _ in backup.metadata.json },
      CinderField("os-backup-project-attr:project_id", since: Microversion(3, 18), adminOnly: true) { backup, _ in
        .string(backup.projectID)
      },
      CinderField("user_id", since: Microversion(3, 56), adminOnly: true) { backup, _ in .string(backup.userID) },
    ],
    filters: QueryFilters([
      .exact("name", { $0.name }), .exact("status", { $0.status }), .exact("volume_id", { $0.volumeID }),
    ]),
    briefFields: ["id", "name", "links"], id: \.id,
    isVisible: { backup, context in context.isAdmin || backup.projectID == context.caller.projectID },
    notFound: { "Backup \($0) could not be found." })

  static func register(in router: inout Router<CloudState>) {
    router.add(.get, "/v3/{project_id}/backups", list)
    router.add(.get, "/v3/{project_id}/backups/detail", list)
    router.add(.post, "/v3/{project_id}/backups", create)
    router.add(.get, "/v3/{project_id}/backups/{id}", show)
    router.add(.put, "/v3/{project_id}/backups/{id}", update)
    router.add(.delete, "/v3/{project_id}/backups/{id}", delete)
    router.add(.post, "/v3/{project_id}/backups/{id}/restore", restore)
    router.add(.post, "/v3/{project_id}/backups/{id}/action", action)
  }

  /// The caller's project's backups (an admin's `all_tenants`, with `project_id`), newest first;
  static func list(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let context = BlockStorageService.context(state, call)
    let allProjects = context.isAdmin && (call.query("all_tenants").map { StrictBool.parse($0) ?? true } ?? false)
    let project = allProjects ? call.query("project_id") : context.caller.projectID
    let backups = state.blockStorage.backups.filter { backup in project.map { backup.projectID == $0 } ?? true }
      .sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
    if let fault = CinderPaging.limitFault(call) { return fault }
    let marker = call.query("marker") ?? ""
    return CinderPaging.page(
      table.list(backups, call, context, brief: !call.request.path.hasSuffix("/detail")), collection: "backups",
      order: backups.map(\.id),
      known: { id in state.blockStorage.backups.contains { $0.id == id && (context.isAdmin || $0.projectID == context.caller.projectID) } },
      notFound: "Backup \(marker) could not be found.", call: call, context: context)
  }

  static func find(_ state: CloudState, _ call: Call) -> Result<Int, FaultResponse> {
    table.index(of: call.parameters["id"] ?? "", in: state.blockStorage.backups, for: BlockStorageService.context(state, call))
  }

  static func show(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch find(state, call) {
    case .success(let index):
      table.show(state.blockStorage.backups[index], BlockStorageService.context(state, call))
    case .failure(let fault): fault.response
    }
  }

  /// The backup service's host, if it runs and is enabled; `ServiceNotFound` otherwise.
  static func backupHost(_ state: CloudState) -> Result<String, FaultResponse> {
    guard let service = state.blockStorage.backupService,
      state.blockStorage.disabledServices["\(service.host) cinder-backup"] == nil
    else { return .failure(FaultResponse(.fault(404, "Service cinder-backup could not be found."))) }
    return .success(service.host)
  }

  /// `POST /backups`: the volume available (or attached, with `force`), or its available
  /// snapshot; an incremental backup needs an available backup of the volume to build on.
  static func create(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let context = BlockStorageService.context(state, call)
    guard case .object(let body)? = call.request.body?["backup"] else { return .fault(400, "'backup' is a required property") }
    guard let volumeID = body["volume_id"]?.string else { return .fault(400, "'volume_id' is a required property") }
    guard let volumeIndex = state.blockStorage.volumes.firstIndex(where: {
      $0.id == volumeID && (context.isAdmin || $0.projectID == context.caller.projectID)
    }) else { return .fault(404, "Volume \(volumeID) could not be found.") }
    let volume = state.blockStorage.volumes[volumeIndex]
    var snapshot: BlockStorageState.Snapshot?
    if let snapshotID = body["snapshot_id"]?.string {
      guard let found = state.blockStorage.snapshots.first(where: {
        $0.id == snapshotID && (context.isAdmin || $0.projectID == context.caller.projectID)
      }) else { return .fault(404, "Snapshot \(snapshotID) could not be found.") }
      guard found.volumeID == volumeID else {
        return .fault(400, "Invalid volume: Volume \(volumeID) does not match with snapshot.volume_id \(found.volumeID).")
      }
      guard found.status == "available" else {
        return .fault(
          400, "Invalid snapshot: Snapshot to be backed up must be available, but the current status is \"\(found.status)\".")
      }
      snapshot = found
    } else if !["available", "in-use"].contains(volume.status) {
      return .fault(
        400, "Invalid volume: Volume to be backed up must be available or in-use, but the current status is \"\(volume.status)\".")
    } else if volume.status == "in-use", body["force"]?.isTruthyBool != true {
      return .fault(400, "Invalid volume: Backing up an in-use volume must use the force flag.")
    }
    if let fault = CinderQuotaAPI.checkBackup(state, project: context.caller.projectID, size: volume.size) { return fault }
    var parentID: String?
    if body["incremental"]?.isTruthyBool == true {
      // The available backup of the volume with the latest data (before the snapshot's, for one).
      let candidates = state.blockStorage.backups.filter { backup in
        backup.volumeID == volumeID && backup.projectID == context.caller.projectID && backup.status == "available"
          && snapshot.map { backup.dataTimestamp < $0.createdAt } ?? true
      }
      guard let parent = candidates.max(by: { $0.dataTimestamp < $1.dataTimestamp }) else {
        return .fault(400, "Invalid backup: No backups available to do an incremental backup.")
      }
      parentID = parent.id
      if let parentIndex = state.blockStorage.backups.firstIndex(where: { $0.id == parent.id }) {
        state.blockStorage.backups[parentIndex].hasDependents = true
      }
    }
    var metadata: [(String, String)] = []
    for (key, value) in body["metadata"]?.object ?? [:] { metadata.setValue(value.string ?? PythonValue.str(value), forKey: key) }
    let now = state.clock.now / 1_000_000
    let backup = Backup(
      id: state.ids.uuid(), name: body["name"]?.string, description: body["description"]?.string, volumeID: volumeID,
      snapshotID: snapshot?.id, status: "creating", size: volume.size, container: body["container"]?.string,
      availabilityZone: body["availability_zone"]?.string, parentID: parentID, metadata: metadata,
      projectID: context.caller.projectID, userID: context.caller.userID, createdAt: now, updatedAt: nil,
      dataTimestamp: snapshot?.createdAt ?? now, sourceStatus: volume.status)
    state.blockStorage.backups.append(backup)
    if let snapshot, let index = state.blockStorage.snapshots.firstIndex(where: { $0.id == snapshot.id }) {
      state.blockStorage.snapshots[index].status = "backing-up"
    } else {
      state.blockStorage.volumes[volumeIndex].status = "backing-up"
    }
    let id = backup.id
    let requestID = call.requestID
    state.after(VolumeAPI.schedulingDelay) { state in schedule(&state, backupID: id, requestID: requestID) }
    return .json(202, .object(["backup": table.view(backup, context, brief: true)]))
  }

  /// The scheduler hands the backup to the backup service, which copies the data: the source
  /// back to its status, the backup `available`; without a backup service, `error` and a user
  /// message (`BACKUP_CREATE`, `BACKUP_SCHEDULE_ERROR`).
  private static func schedule(_ state: inout CloudState, backupID: String, requestID: String) {
    guard let index = state.blockStorage.backups.firstIndex(where: { $0.id == backupID }) else { return }
    guard case .success = backupHost(state) else {
      let backup = state.blockStorage.backups[index]
      release(&state, backup)
      state.blockStorage.backups[index].status = "error"
      state.blockStorage.backups[index].failReason = "Service not found for creating backup."
      state.blockStorage.backups[index].updatedAt = state.clock.now / 1_000_000
      state.blockStorage.messages.append(
        BlockStorageState.Message(
          id: state.ids.uuid(), projectID: backup.projectID, requestID: requestID, resourceUUID: backup.id,
          eventID: "VOLUME_VOLUME_BACKUP_013_024",
          userMessage: "create backup:Backup failed to schedule. Service not found for creating backup.",
          createdAt: state.clock.now / 1_000_000, resourceType: "VOLUME_BACKUP"))
      return
    }
    state.after(VolumeAPI.creationDelay) { state in
      guard let index = state.blockStorage.backups.firstIndex(where: { $0.id == backupID }),
        state.blockStorage.backups[index].status == "creating"
      else { return }
      let backup = state.blockStorage.backups[index]
      release(&state, backup)
      state.blockStorage.backups[index].status = "available"
      state.blockStorage.backups[index].availabilityZone = state.blockStorage.backupService?.zone
      state.blockStorage.backups[index].container = backup.container ?? defaultContainer
      // Every chunk of a full backup; an incremental one finds none changed.
      state.blockStorage.backups[index].objectCount = backup.parentID == nil ? (backup.size * 1024 + chunkMiB - 1) / chunkMiB : 0
      state.blockStorage.backups[index].updatedAt = state.clock.now / 1_000_000
    }
  }

  /// The source of a backup back to its status once the backup is done with it.
  private static func release(_ state: inout CloudState, _ backup: Backup) {
    if let snapshotID = backup.snapshotID, let index = state.blockStorage.snapshots.firstIndex(where: { $0.id == snapshotID }) {
      state.blockStorage.snapshots[index].status = "available"
    } else if let index = state.blockStorage.volumes.firstIndex(where: { $0.id == backup.volumeID }) {
      state.blockStorage.volumes[index].status = backup.sourceStatus
    }
  }

  /// `PUT /backups/{id}` (3.9): name, description, and from 3.43 the metadata (replaced); the
  /// summary view.
  static func update(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let context = BlockStorageService.context(state, call)
    guard context.version >= Microversion(3, 9) else {
      return .fault(404, "API version \(context.version) is not supported on this method.")
    }
    guard case .object(let body)? = call.request.body?["backup"] else { return .fault(400, "'backup' is a required property") }
    switch find(state, call) {
    case .success(let index):
      if let name = body["name"] { state.blockStorage.backups[index].name = name.string }
      if let description = body["description"] { state.blockStorage.backups[index].description = description.string }
      if context.version >= Microversion(3, 43), case .object(let given)? = body["metadata"] {
        var metadata: [(String, String)] = []
        for (key, value) in given { metadata.setValue(value.string ?? PythonValue.str(value), forKey: key) }
        state.blockStorage.backups[index].metadata = metadata
      }
      state.blockStorage.backups[index].updatedAt = state.clock.now / 1_000_000
      return .json(200, .object(["backup": table.view(state.blockStorage.backups[index], context, brief: true)]))
    case .failure(let fault): return fault.response
    }
  }

  /// `DELETE /backups/{id}`: an available or failed backup no incremental one builds on,
  /// `deleting` then gone, by the backup service.
  static func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch find(state, call) {
    case .success(let index):
      guard ["available", "error"].contains(state.blockStorage.backups[index].status) else {
        return .fault(400, "Invalid backup: Backup status must be available or error")
      }
      return remove(&state, index)
    case .failure(let fault): return fault.response
    }
  }

  /// The backup deleted whatever its status (after the checks that apply): `deleting`, then gone.
  private static func remove(_ state: inout CloudState, _ index: Int) -> APIResponse {
    let id = state.blockStorage.backups[index].id
    guard !state.blockStorage.backups.contains(where: { $0.parentID == id }) else {
      return .fault(400, "Invalid backup: Incremental backups exist for this backup.")
    }
    if case .failure(let fault) = backupHost(state) { return fault.response }
    state.blockStorage.backups[index].status = "deleting"
    state.blockStorage.backups[index].updatedAt = state.clock.now / 1_000_000
    state.after(VolumeAPI.creationDelay) { state in
      guard let index = state.blockStorage.backups.firstIndex(where: { $0.id == id }) else { return }
      let gone = state.blockStorage.backups.remove(at: index)
      if let parentID = gone.parentID, let parent = state.blockStorage.backups.firstIndex(where: { $0.id == parentID }) {
        state.blockStorage.backups[parent].hasDependents = state.blockStorage.backups.contains { $0.parentID == parentID }
      }
    }
    return APIResponse(status: 202)
  }

  /// `POST /backups/{id}/restore`: over an available volume at least the backup's size, or to a
  /// new one (`restore_backup_<id>` unless named), which the API waits for, a second at a time.
  static func restore(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard case .object(let body)? = call.request.body?["restore"] else { return .fault(400, "'restore' is a required property") }
    let backup: BlockStorageState.Backup
    switch find(state, call) {
    case .success(let found): backup = state.blockStorage.backups[found]
    case .failure(let fault): return fault.response
    }
    guard backup.status == "available" else { return .fault(400, "Invalid backup: Backup status must be available") }
    var volumeID = body["volume_id"]?.string
    if volumeID == nil {
      let created = VolumeAPI.create(
        &state,
        Call(
          request: APIRequest(
            .post, call.request.path,
            body: .object([
              "volume": .object([
                "size": .int(backup.size), "name": .string(body["name"]?.string ?? "restore_backup_\(backup.id)"),
                "description": "auto-created_from_restore_from_backup",
              ])
            ])),
          caller: call.caller, parameters: call.parameters, requestID: call.requestID))
      guard created.status == 202, let id = created.body?["volume"]?["id"]?.string else { return created }
      volumeID = id
      // `time.sleep(1)` until the volume is no longer `creating`.
      while state.blockStorage.volumes.first(where: { $0.id == id })?.status == "creating" {
        state.clock.advance(microseconds: 1_000_000)
        state.runDueWork()
      }
      if state.blockStorage.volumes.first(where: { $0.id == id })?.status == "error" {
        return .fault(400, "Invalid volume: Error while creating volume \(id) for restoring backup \(backup.id).")
      }
    }
    let context = BlockStorageService.context(state, call)
    guard let volumeID,
      let volumeIndex = state.blockStorage.volumes.firstIndex(where: {
        $0.id == volumeID && (context.isAdmin || $0.projectID == context.caller.projectID)
      })
    else { return .fault(404, "Volume \(volumeID ?? "None") could not be found.") }
    let volume = state.blockStorage.volumes[volumeIndex]
    guard volume.status == "available" else { return .fault(400, "Invalid volume: Volume to be restored to must be available") }
    guard backup.size <= volume.size else {
      return .fault(400, "Invalid volume: volume size \(volume.size) is too small to restore backup of size \(backup.size).")
    }
    if case .failure(let fault) = backupHost(state) { return fault.response }
    // Found again: waiting for a new volume ran the cloud's pending work, which may have
    // deleted another backup (moving this one) or this one.
    let index: Int
    switch find(state, call) {
    case .success(let found): index = found
    case .failure(let fault): return fault.response
    }
    state.blockStorage.backups[index].status = "restoring"
    state.blockStorage.volumes[volumeIndex].status = "restoring-backup"
    let backupID = backup.id
    state.after(VolumeAPI.creationDelay) { state in
      if let index = state.blockStorage.backups.firstIndex(where: { $0.id == backupID }) {
        state.blockStorage.backups[index].status = "available"
      }
      if let index = state.blockStorage.volumes.firstIndex(where: { $0.id == volumeID }) {
        state.blockStorage.volumes[index].status = "available"
        state.blockStorage.volumes[index].updatedAt = state.clock.now / 1_000_000
      }
    }
    return .json(
      202,
      .object([
        "restore": .object([
          "backup_id": .string(backup.id), "volume_id": .string(volumeID), "volume_name": .orNull(volume.name),
        ])
      ]))
  }

  /// `os-reset_status` and `os-force_delete` (admin).
  static func action(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard case .object(let body)? = call.request.body, let (name, argument) = body.first else {
      return .fault(400, "Malformed request body")
    }
    guard ["os-reset_status", "os-force_delete"].contains(name) else { return .fault(400, "There is no such action: \(name)") }
    let rule = name == "os-reset_status" ? "reset_status" : "force_delete"
    guard call.caller?.isAdmin ?? false else { return CinderFault.policy("volume_extension:backup_admin_actions:\(rule)") }
    switch find(state, call) {
    case .success(let index):
      if name == "os-force_delete" { return remove(&state, index) }
      guard let status = argument["status"]?.string else { return .fault(400, "'status' is a required property") }
      guard ["available", "error"].contains(status) else {
        return CinderFault.invalidInput("status", status, "'\(status)' is not one of ['available', 'error']")
      }
      if case .failure(let fault) = backupHost(state) { return fault.response }
      state.blockStorage.backups[index].status = status
      state.blockStorage.backups[index].updatedAt = state.clock.now / 1_000_000
      return APIResponse(status: 202)
    case .failure(let fault): return fault.response
    }
  }
}
