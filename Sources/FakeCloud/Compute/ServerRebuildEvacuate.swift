import CloudAPI

/// Nova's `rebuild` (`servers.py _rebuild`, `compute/api.py rebuild`) and `evacuate`
/// (`evacuate.py`, `compute/api.py evacuate`) server actions.
extension ComputeService {
  /// How long the compute host takes to rebuild a server.
  static let rebuildDuration: Int64 = 4_200_000

  /// `rebuild`: the owner or an admin; an active, stopped or errored server with no task; the
  /// image must exist and be active, the key pair (2.54) must be the user's. The server takes
  /// the image, name, description, metadata, key and hostname given, and is answered with its
  /// admin password; it ends active (or stopped, if it was).
  static func rebuild(_ body: JSONObject, on index: Int, _ call: Call, _ state: inout CloudState) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    let server = state.compute.servers[index]
    let version = state.computeVersion
    if server.locked, !caller.isAdmin { return .fault(409, "Instance \(server.id) is locked") }
    guard ["active", "stopped", "error"].contains(server.vmState) else {
      return .fault(409, "Cannot 'rebuild' instance \(server.id) while it is in vm_state \(server.vmState)")
    }
    if let task = server.taskState {
      return .fault(409, "Cannot 'rebuild' instance \(server.id) while it is in task_state \(task)")
    }
    let imageID = body["imageRef"]?.string ?? ""
    guard let image = state.images.images.first(where: { $0.id == imageID }) else {
      return .fault(400, "Cannot find image for rebuild")
    }
    guard image.status == "active" else { return .fault(400, "Image \(imageID) is not active.") }
    // Before 2.93 a server booted from a volume keeps the volume's image only.
    if server.imageID.isEmpty, version < Microversion(2, 93) {
      return .fault(400, "Unable to rebuild with a different image for a volume-backed server.")
    }
    var keyName = server.request.keyName
    if version >= Microversion(2, 54), let key = body["key_name"] {
      if let name = key.string {
        guard state.compute.keypairs.contains(where: { $0.name == name && $0.userID == server.userID }) else {
          return .fault(400, "Invalid key_name provided.")
        }
      }
      keyName = key.string
    }
    let start = state.clock.now
    state.compute.actions.append(
      ComputeState.Action(
        action: "rebuild", serverID: server.id, requestID: call.requestID, globalRequestID: call.globalRequestID,
        userID: caller.userID, projectID: caller.projectID, start: start, updated: start, message: nil))
    if !server.imageID.isEmpty { state.compute.servers[index].imageID = imageID }
    state.compute.servers[index].systemMetadata.rebuild(from: image, flavor: state.compute.flavor(server.flavorID)?.definition)
    if let name = body["name"]?.string { state.compute.servers[index].name = name }
    if version >= Microversion(2, 19), let description = body["description"] {
      state.compute.servers[index].description = description.string
    }
    if let metadata = body["metadata"]?.object {
      state.compute.servers[index].metadata = metadata.mapValues { .string($0.string ?? PythonValue.str($0)) }
    }
    if version >= Microversion(2, 90), let hostname = body["hostname"]?.string {
      state.compute.servers[index].request.hostname = hostname
    }
    state.compute.servers[index].request.keyName = keyName
    state.compute.servers[index].taskState = "rebuilding"
    state.compute.servers[index].updated = start
    let wasStopped = server.vmState == "stopped"
    let id = server.id
    state.after(rebuildDuration) { state in
      guard let index = state.compute.servers.firstIndex(where: { $0.id == id }) else { return }
      state.compute.servers[index].vmState = wasStopped ? "stopped" : "active"
      state.compute.servers[index].powerState = wasStopped ? 4 : 1
      state.compute.servers[index].taskState = nil
      state.compute.servers[index].fault = nil
      state.compute.servers[index].launched = state.clock.now
      state.compute.servers[index].updated = state.clock.now
      let host = state.compute.servers[index].host
      finish(id, action: "rebuild", event: "compute_rebuild_instance", start: start, host: host, traceback: nil, in: &state)
    }
    let password = body["adminPass"]?.string ?? state.ids.password()
    var view = ServerView(version: version, isAdmin: caller.isAdmin).view(state.compute.servers[index], detail: false, in: state)
    if case .object(var fields) = view {
      fields["adminPass"] = .string(password)
      view = .object(fields)
    }
    return .json(202, .object(["server": view]))
  }

  /// `evacuate`: admins only; the server's host must be down (its service forced down), the
  /// target host (2.29) must exist and differ; the scheduler places the server on another host.
  /// Its migration record goes from `accepted` to `done` (or `error`).
  /// From 2.95 the server arrives stopped; before 2.14 the answer carries its admin password.
  static func evacuate(_ body: JSONObject, on index: Int, _ call: Call, _ state: inout CloudState) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    guard caller.isAdmin else { return .fault(403, "Policy doesn't allow os_compute_api:os-evacuate to be performed.") }
    let server = state.compute.servers[index]
    let version = state.computeVersion
    let target = body["host"]?.string
    if version >= Microversion(2, 29), body["force"] == true, target == nil {
      return .fault(400, "Can't force to a non-provided destination")
    }
    if let target, !state.compute.hosts.contains(where: { $0.name == target }) {
      return .fault(404, "Compute host \(target) not found.")
    }
    if let target, target == server.host { return .fault(400, "The target host can't be the same one.") }
    guard ["active", "stopped", "error"].contains(server.vmState) else {
      return .fault(409, "Cannot 'evacuate' instance \(server.id) while it is in vm_state \(server.vmState)")
    }
    if let task = server.taskState {
      return .fault(409, "Cannot 'evacuate' instance \(server.id) while it is in task_state \(task)")
    }
    let source = server.host ?? ""
    guard state.compute.serviceChanges[source]?.forcedDown == true else {
      return .fault(400, "Compute service of \(source) is still in use.")
    }
    let start = state.clock.now
    state.compute.actions.append(
      ComputeState.Action(
        action: "evacuate", serverID: server.id, requestID: call.requestID, globalRequestID: call.globalRequestID,
        userID: caller.userID, projectID: caller.projectID, start: start, updated: start, message: nil))
    state.compute.servers[index].taskState = "rebuilding"
    state.compute.servers[index].updated = start
    // The API's record, a tombstone for the source host to find; the destination claims it.
    let migration = MigrationRecords.open(
      "evacuation", of: server, status: "accepted", flavors: nil, destination: target, userID: caller.userID,
      projectID: caller.projectID, in: &state)
    let stopped = server.vmState == "stopped" || version >= Microversion(2, 95)
    let id = server.id
    state.after(rebuildDuration) { state in
      guard let index = state.compute.servers.firstIndex(where: { $0.id == id }) else { return }
      var others = state.compute
      others.hosts = state.compute.hosts.filter { $0.name != source && (target == nil || $0.name == target) }
      let conductor = state.compute.hosts.first?.name
      switch placement(for: state.compute.servers[index], in: others) {
      case .success(let host):
        MigrationRecords.claim(migration, on: host.name, status: "done", in: &state)
        state.compute.servers[index].host = host.name
        state.compute.servers[index].availabilityZone = state.compute.zone(of: host)
        state.compute.servers[index].vmState = stopped ? "stopped" : "active"
        state.compute.servers[index].powerState = stopped ? 4 : 1
        state.compute.servers[index].taskState = nil
        state.compute.servers[index].updated = state.clock.now
        finish(id, action: "evacuate", event: "conductor_rebuild_server", start: start, host: conductor, traceback: nil, in: &state)
        finish(id, action: "evacuate", event: "compute_rebuild_instance", start: start, host: host.name, traceback: nil, in: &state)
      case .failure(let failure):
        // No host: the server stays where it was, in error, with the scheduler's fault.
        MigrationRecords.update(migration, in: &state) { $0.status = "error" }
        state.compute.servers[index].vmState = "error"
        state.compute.servers[index].taskState = nil
        state.compute.servers[index].updated = state.clock.now
        state.compute.servers[index].fault = ComputeState.Fault(
          code: 500, created: state.clock.now, message: failure.message, details: Tracebacks.scheduleFailure(failure.message))
        finish(id, action: "evacuate", event: "conductor_rebuild_server", start: start, host: conductor,
          traceback: Tracebacks.scheduleEvent, in: &state)
      }
    }
    if version < Microversion(2, 14) {
      return .json(200, .object(["adminPass": .string(body["adminPass"]?.string ?? state.ids.password())]))
    }
    return APIResponse(status: 200)
  }
}
