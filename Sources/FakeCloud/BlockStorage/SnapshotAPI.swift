import CloudAPI

/// Cinder's snapshots: made from an available volume (an attached one with `force`, or from
/// 3.66), `creating` then `available` on the volume's back end; a volume with snapshots cannot
/// be deleted, and a new volume can be made from one.
enum SnapshotAPI {
  typealias Snapshot = BlockStorageState.Snapshot

  /// `views/snapshots.py` and the `os-extended-snapshot-attributes` extension.
  static let table = ViewTable<Snapshot, CinderViewContext>(
    member: "snapshot", collection: "snapshots",
    fields: [
      CinderField("id") { snapshot, _ in .string(snapshot.id) },
      CinderField("created_at") { snapshot, _ in VolumeAPI.timestamp(snapshot.createdAt) },
      CinderField("updated_at") { snapshot, _ in snapshot.updatedAt.map(VolumeAPI.timestamp) ?? .null },
      CinderField("name") { snapshot, _ in .orNull(snapshot.name) },
      CinderField("description") { snapshot, _ in .orNull(snapshot.description) },
      CinderField("volume_id") { snapshot, _ in .string(snapshot.volumeID) },
      CinderField("status") { snapshot, _ in .string(snapshot.status) },
      CinderField("size") { snapshot, _ in .int(snapshot.size) },
      CinderField("metadata") { snapshot, _ in snapshot.metadata.json },
      CinderField("group_snapshot_id", since: Microversion(3, 14)) { _, _ in .null },
      CinderField("user_id", since: Microversion(3, 41)) { snapshot, _ in .string(snapshot.userID) },
      CinderField("consumes_quota", since: Microversion(3, 65)) { _, _ in true },
      CinderField("os-extended-snapshot-attributes:progress") { snapshot, _ in
        .string(snapshot.status == "available" ? "100%" : "0%")
      },
      CinderField("os-extended-snapshot-attributes:project_id") { snapshot, _ in .string(snapshot.projectID) },
    ],
    filters: QueryFilters([
      .exact("name", { $0.name }), .exact("status", { $0.status }), .exact("volume_id", { $0.volumeID }),
    ]),
    id: \.id, isVisible: { snapshot, context in context.isAdmin || snapshot.projectID == context.caller.projectID },
    notFound: { "Snapshot \($0) could not be found." })

  static func register(in router: inout Router<CloudState>) {
    router.add(.get, "/v3/{project_id}/snapshots", list)
    router.add(.get, "/v3/{project_id}/snapshots/detail", list)
    router.add(.post, "/v3/{project_id}/snapshots", create)
    router.add(.get, "/v3/{project_id}/snapshots/{id}", show)
    router.add(.put, "/v3/{project_id}/snapshots/{id}", update)
    router.add(.delete, "/v3/{project_id}/snapshots/{id}", delete)
    router.add(.post, "/v3/{project_id}/snapshots/{id}/metadata", setMetadata)
    router.add(.delete, "/v3/{project_id}/snapshots/{id}/metadata/{key}", deleteMetadata)
    router.add(.post, "/v3/{project_id}/snapshots/{id}/action", action)
  }

  /// The caller's project's snapshots (an admin's `all_tenants`, with `project_id`), newest first;
  /// the summary list is the detailed one, as Cinder's view builder makes it.
  static func list(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let context = BlockStorageService.context(state, call)
    let allProjects = context.isAdmin && (call.query("all_tenants").map { StrictBool.parse($0) ?? true } ?? false)
    let project = allProjects ? call.query("project_id") : context.caller.projectID
    let snapshots = state.blockStorage.snapshots.filter { snapshot in project.map { snapshot.projectID == $0 } ?? true }
      .sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
    if let fault = CinderPaging.limitFault(call) { return fault }
    let marker = call.query("marker") ?? ""
    return CinderPaging.page(
      table.list(snapshots, call, context), collection: "snapshots", order: snapshots.map(\.id),
      known: { id in state.blockStorage.snapshots.contains { $0.id == id && (context.isAdmin || $0.projectID == context.caller.projectID) } },
      notFound: "Snapshot \(marker) could not be found.", call: call, context: context)
  }

  static func find(_ state: CloudState, _ call: Call) -> Result<Int, FaultResponse> {
    table.index(of: call.parameters["id"] ?? "", in: state.blockStorage.snapshots, for: BlockStorageService.context(state, call))
  }

  static func show(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch find(state, call) {
    case .success(let index): table.show(state.blockStorage.snapshots[index], BlockStorageService.context(state, call))
    case .failure(let fault): fault.response
    }
  }

  /// `POST /snapshots`: the volume available (or attached, with `force` or from 3.66).
  static func create(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let context = BlockStorageService.context(state, call)
    guard case .object(let body)? = call.request.body?["snapshot"] else { return .fault(400, "'snapshot' is a required property") }
    guard let volumeID = body["volume_id"]?.string else { return .fault(400, "'volume_id' is a required property") }
    guard let volume = state.blockStorage.volumes.first(where: {
      $0.id == volumeID && (context.isAdmin || $0.projectID == context.caller.projectID)
    }) else { return .fault(404, "Volume \(volumeID) could not be found.") }
    let force = body["force"]?.isTruthyBool ?? false
    if force, context.version >= Microversion(3, 66) {
      return .fault(400, "Invalid input received: The 'force' parameter is not allowed in microversion 3.66 and later.")
    }
    let valid = force || context.version >= Microversion(3, 66) ? ["available", "in-use"] : ["available"]
    guard valid.contains(volume.status) else {
      return .fault(
        400,
        "Invalid volume: Volume \(volume.id) status must be \(valid.joined(separator: ", ")), but current status is: \(volume.status).")
    }
    var metadata: [(String, String)] = []
    for (key, value) in body["metadata"]?.object ?? [:] { metadata.setValue(value.string ?? PythonValue.str(value), forKey: key) }
    let snapshot = Snapshot(
      id: state.newResourceID(), name: body["name"]?.string, description: body["description"]?.string, volumeID: volume.id,
      status: "creating", size: volume.size, metadata: metadata, projectID: volume.projectID, userID: context.caller.userID,
      createdAt: state.clock.now / 1_000_000, updatedAt: nil)
    state.blockStorage.snapshots.append(snapshot)
    let id = snapshot.id
    state.after(VolumeAPI.creationDelay) { state in
      guard let index = state.blockStorage.snapshots.firstIndex(where: { $0.id == id }) else { return }
      state.blockStorage.snapshots[index].status = "available"
      state.blockStorage.snapshots[index].updatedAt = state.clock.now / 1_000_000
    }
    return table.show(snapshot, context, status: 202)
  }

  /// `PUT /snapshots/{id}`: name and description.
  static func update(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard case .object(let body)? = call.request.body?["snapshot"] else { return .fault(400, "'snapshot' is a required property") }
    switch find(state, call) {
    case .success(let index):
      if let name = body["name"] { state.blockStorage.snapshots[index].name = name.string }
      if let description = body["description"] { state.blockStorage.snapshots[index].description = description.string }
      state.blockStorage.snapshots[index].updatedAt = state.clock.now / 1_000_000
      return table.show(state.blockStorage.snapshots[index], BlockStorageService.context(state, call))
    case .failure(let fault): return fault.response
    }
  }

  /// `DELETE /snapshots/{id}`: an available or failed snapshot, `deleting` then gone.
  static func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch find(state, call) {
    case .success(let index):
      guard ["available", "error"].contains(state.blockStorage.snapshots[index].status) else {
        return .fault(400, "Invalid snapshot: Volume Snapshot status must be available or error and must not be part of a group.")
      }
      state.blockStorage.snapshots[index].status = "deleting"
      let id = state.blockStorage.snapshots[index].id
      state.after(VolumeAPI.creationDelay) { state in state.blockStorage.snapshots.removeAll { $0.id == id } }
      return APIResponse(status: 202)
    case .failure(let fault): return fault.response
    }
  }

  static func setMetadata(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard case .object(let given)? = call.request.body?["metadata"] else { return .fault(400, "Malformed request body") }
    switch find(state, call) {
    case .success(let index):
      for (key, value) in given { state.blockStorage.snapshots[index].metadata.setValue(value.string ?? PythonValue.str(value), forKey: key) }
      return .json(200, .object(["metadata": state.blockStorage.snapshots[index].metadata.json]))
    case .failure(let fault): return fault.response
    }
  }

  static func deleteMetadata(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let key = call.parameters["key"] ?? ""
    switch find(state, call) {
    case .success(let index):
      guard state.blockStorage.snapshots[index].metadata.contains(where: { $0.0 == key }) else {
        return .fault(404, "Metadata item was not found")
      }
      state.blockStorage.snapshots[index].metadata.removeAll { $0.0 == key }
      return APIResponse(status: 200)
    case .failure(let fault): return fault.response
    }
  }

  /// `os-reset_status` and `os-force_delete` (admin): the latter deletes in any status.
  static func action(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if call.request.body?.object.keys.contains("os-force_delete") == true {
      guard call.caller?.isAdmin ?? false else { return CinderFault.policy("volume_extension:snapshot_admin_actions:force_delete") }
      switch find(state, call) {
      case .success(let index):
        state.blockStorage.snapshots[index].status = "deleting"
        let id = state.blockStorage.snapshots[index].id
        state.after(VolumeAPI.creationDelay) { state in state.blockStorage.snapshots.removeAll { $0.id == id } }
        return APIResponse(status: 202)
      case .failure(let fault): return fault.response
      }
    }
    guard let status = call.request.body?["os-reset_status"]?["status"]?.string else {
      return .fault(400, "There is no such action: \(call.request.body?.object.keys.first ?? "")")
    }
    guard call.caller?.isAdmin ?? false else { return CinderFault.policy("volume_extension:snapshot_admin_actions:reset_status") }
    switch find(state, call) {
    case .success(let index):
      state.blockStorage.snapshots[index].status = status
      return APIResponse(status: 202)
    case .failure(let fault): return fault.response
    }
  }
}
