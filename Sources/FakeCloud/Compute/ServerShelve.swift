import CloudAPI

/// Nova's shelve, in the cloud's time (`compute/api.py` `shelve`, `shelve_offload`, `unshelve`;
/// `compute/manager.py` `_shelve_instance`, `_shelve_offload_instance`, `_unshelve_instance`,
/// `start_instance`; `conductor/manager.py` `unshelve_instance`).
///
/// A server booted from an image is stopped, snapshotted to a queued `NAME-shelved` image
/// (`shelving`, `shelving_image_pending_upload`, `shelving_image_uploading`) and left `shelved`;
/// with `[DEFAULT] shelved_offload_time = 0` (devstack's) the same call goes on to offload it
/// (`shelving_offloading`): its ports unbound, its host and node cleared, `shelved_offloaded`. A
/// server booted from a volume is offloaded straight away, without an image. An unshelve starts a
/// `shelved` server where it is (`powering-on`), or schedules a `shelved_offloaded` one again
/// (the conductor's `get_image_info` and `schedule_instances`, then the compute host's `spawning`),
/// and deletes the snapshot.
enum ServerShelve {
  /// From the request: the guest stopped (as `os-stop` takes), the snapshot waiting for its
  /// upload (as `createImage`'s), the upload (as `createImage`'s), taking the server off its
  /// host; the conductor scheduling (as a build's), spawning (as a build's), starting a shelved
  /// server (as `os-start` takes), each in microseconds.
  static let powerOff: Int64 = 2_400_000
  static let pendingUpload: Int64 = 500_000
  static let upload: Int64 = 4_500_000
  static let offload: Int64 = 1_000_000
  static let conductor: Int64 = 500_000
  static let schedule: Int64 = 700_000
  static let spawn: Int64 = 5_300_000
  static let start: Int64 = 2_400_000

  /// The shelve's system metadata, which an unshelve removes (`remove_shelved_keys_from_system_metadata`).
  static let shelvedKeys = ["shelved_at", "shelved_image_id", "shelved_host"]

  // MARK: API

  /// `shelve` (`check_instance_state`: active, stopped, paused, suspended, no task).
  static func shelve(on index: Int, _ call: Call, _ caller: Caller, in state: inout CloudState) -> APIResponse {
    let server = state.compute.servers[index]
    guard ["active", "stopped", "paused", "suspended"].contains(server.vmState) else {
      return .fault(409, "Cannot 'shelve' instance \(server.id) while it is in vm_state \(server.vmState)")
    }
    if let task = server.taskState {
      return .fault(409, "Cannot 'shelve' instance \(server.id) while it is in task_state \(task)")
    }
    let start = state.clock.now
    state.compute.servers[index].taskState = "shelving"
    state.compute.servers[index].systemMetadata["image_base_image_ref"] = server.imageID
    state.compute.servers[index].updated = start
    record("shelve", of: server.id, call, caller, in: &state)
    let (id, host) = (server.id, server.host)
    // `is_volume_backed_instance`: a server booted from a volume keeps its disk in Cinder, and
    // the compute host offloads it at once (`shelve_offload_instance`).
    guard !server.imageID.isEmpty else {
      ComputeService.startEvent(id, action: "shelve", event: "compute_shelve_offload_instance", host: host, in: &state)
      state.after(powerOff + offload) { state in
        offloaded(id, action: "shelve", event: "compute_shelve_offload_instance", in: &state)
      }
      return APIResponse(status: 202)
    }
    let image = ServerSnapshot.makeImage(of: server, named: "\(server.name)-shelved", caller: caller, in: &state).id
    ComputeService.startEvent(id, action: "shelve", event: "compute_shelve_instance", host: host, in: &state)
    // The libvirt driver's `snapshot` reports its steps through `update_task_state`, which the
    // manager maps to the shelving task states.
    state.after(powerOff) { state in setTask("shelving_image_pending_upload", of: id, in: &state) }
    state.after(powerOff + pendingUpload) { state in
      setTask("shelving_image_uploading", of: id, in: &state)
      guard let index = state.images.images.firstIndex(where: { $0.id == image }) else { return }
      state.images.images[index].status = "saving"
      state.images.images[index].updated = state.clock.now
    }
    state.after(powerOff + pendingUpload + upload) { state in
      guard let index = state.compute.servers.firstIndex(where: { $0.id == id }) else { return }
      ServerSnapshot.upload(image, of: id, in: &state)
      let now = state.clock.now
      let shelvedAt = now % 1_000_000 == 0 ? VirtualClock.isoSeconds(now / 1_000_000) : VirtualClock.isoMicroseconds(now)
      state.compute.servers[index].systemMetadata["shelved_at"] = shelvedAt
      state.compute.servers[index].systemMetadata["shelved_image_id"] = image
      state.compute.servers[index].systemMetadata["shelved_host"] = host
      state.compute.servers[index].vmState = "shelved"
      state.compute.servers[index].powerState = 4
      state.compute.servers[index].updated = now
      guard state.compute.shelvedOffloadTime == 0 else {
        state.compute.servers[index].taskState = nil
        ComputeService.endEvent(id, action: "shelve", event: "compute_shelve_instance", traceback: nil, in: &state)
        return
      }
      state.compute.servers[index].taskState = "shelving_offloading"
      state.after(offload) { state in offloaded(id, action: "shelve", event: "compute_shelve_instance", in: &state) }
    }
    return APIResponse(status: 202)
  }

  /// `shelveOffload`: an admin's (`os_compute_api:os-shelve:shelve_offload`, checked before the
  /// lock), for a `shelved` server only.
  static func shelveOffload(on index: Int, _ call: Call, _ caller: Caller, in state: inout CloudState) -> APIResponse {
    let server = state.compute.servers[index]
    guard server.vmState == "shelved" else {
      return .fault(409, "Cannot 'shelveOffload' instance \(server.id) while it is in vm_state \(server.vmState)")
    }
    if let task = server.taskState {
      return .fault(409, "Cannot 'shelveOffload' instance \(server.id) while it is in task_state \(task)")
    }
    state.compute.servers[index].taskState = "shelving_offloading"
    state.compute.servers[index].updated = state.clock.now
    record("shelveOffload", of: server.id, call, caller, in: &state)
    let id = server.id
    ComputeService.startEvent(id, action: "shelveOffload", event: "compute_shelve_offload_instance", host: server.host, in: &state)
    state.after(offload) { state in
      offloaded(id, action: "shelveOffload", event: "compute_shelve_offload_instance", in: &state)
    }
    return APIResponse(status: 202)
  }

  /// `unshelve`: from 2.77 a zone to schedule to (a `shelved_offloaded` server only), from 2.91
  /// a host too (an admin's) or `availability_zone: null` to unpin the server's zone.
  static func unshelve(_ body: JSON?, on index: Int, _ call: Call, _ caller: Caller, in state: inout CloudState) -> APIResponse {
    let server = state.compute.servers[index]
    let version = state.computeVersion
    // `new_az`: nil when not asked for, `.some(nil)` to unpin.
    var newZone: String?? = nil
    var host: String? = nil
    if version >= Microversion(2, 77), let body, body != .null {
      if let refusal = refusal(of: body, at: version) { return refusal }
      let object = body.object
      if let zone = object["availability_zone"] { newZone = .some(zone.string) }
      if version >= Microversion(2, 91) { host = object["host"]?.string }
    }
    guard ["shelved", "shelved_offloaded"].contains(server.vmState) else {
      return .fault(409, "Cannot 'unshelve' instance \(server.id) while it is in vm_state \(server.vmState)")
    }
    if let task = server.taskState {
      return .fault(409, "Cannot 'unshelve' instance \(server.id) while it is in task_state \(task)")
    }
    // `_check_offloaded`: a shelved server still has its host and zone.
    if newZone != nil || host?.isEmpty == false, server.vmState != "shelved_offloaded" {
      return .fault(
        409,
        "Specifying an availability zone or a host when unshelving server \"\(server.id)\" with status \"\(server.vmState)\" is not supported. The server status must be SHELVED_OFFLOADED."
      )
    }
    if case .some(.some(let zone)) = newZone, !zone.isEmpty, !availableZones(state.compute).contains(zone) {
      return .fault(400, "The requested availability zone is not available")
    }
    let expectedZone: String? = newZone ?? server.request.zone
    let destination = host?.isEmpty == false ? host : nil
    if let host = destination {
      guard caller.isAdmin else { return .fault(403, "Policy doesn't allow os_compute_api:os-shelve:unshelve_to_host to be performed.") }
      guard let found = state.compute.hosts.first(where: { $0.name == host }) else {
        return .fault(400, "Compute host \(host) could not be found.")
      }
      if let expectedZone, state.compute.zone(of: found) != expectedZone {
        return .fault(409, "Host \"\(host)\" is not in the availability zone \"\(expectedZone)\".")
      }
    }
    // The request spec keeps the zone, even when scheduling then fails.
    state.compute.servers[index].request.zone = expectedZone
    state.compute.servers[index].taskState = "unshelving"
    state.compute.servers[index].updated = state.clock.now
    record("unshelve", of: server.id, call, caller, in: &state)
    let id = server.id
    state.after(conductor) { state in unshelveInConductor(id, to: destination, in: &state) }
    return APIResponse(status: 202)
  }

  /// `unshelve_v277` (an object with `availability_zone`, a name, and nothing else) and
  /// `unshelve_v291` (`availability_zone`, a string or null, and `host`); `null` passes both.
  private static func refusal(of body: JSON, at version: Microversion) -> APIResponse? {
    func invalid(_ field: String, _ value: JSON, _ reason: String) -> APIResponse {
      .fault(400, "Invalid input for field/attribute \(field). Value: \(PythonValue.str(value)). \(reason)")
    }
    guard case .object(let object) = body else {
      return invalid("unshelve", body, "\(PythonValue.repr(body)) is not of type 'object', 'null'")
    }
    let v291 = version >= Microversion(2, 91)
    if let zone = object["availability_zone"], zone.string == nil, !(v291 && zone == .null) {
      return invalid("availability_zone", zone, "\(PythonValue.repr(zone)) is not of type \(v291 ? "'string', 'null'" : "'string'")")
    }
    if v291, let host = object["host"], host.string == nil {
      return invalid("host", host, "\(PythonValue.repr(host)) is not of type 'string'")
    }
    if !v291, object["availability_zone"] == nil {
      return invalid("unshelve", body, "'availability_zone' is a required property")
    }
    let allowed: Set<String> = v291 ? ["availability_zone", "host"] : ["availability_zone"]
    let unexpected = object.keys.filter { !allowed.contains($0) }
    if !unexpected.isEmpty {
      let names = unexpected.map { "'\($0)'" }.joined(separator: ", ")
      return invalid(
        "unshelve", body, "Additional properties are not allowed (\(names) \(unexpected.count == 1 ? "was" : "were") unexpected)")
    }
    return nil
  }

  /// `get_availability_zones(get_only_available=True)`: the zones of the enabled compute services.
  private static func availableZones(_ compute: ComputeState) -> Set<String> {
    Set(compute.hosts.filter { compute.serviceChanges[$0.name]?.disabled != true }.map { compute.zone(of: $0) })
  }

  // MARK: Compute host and conductor

  /// `_shelve_offload_instance`: the ports unbound (kept on the server), the server off its host
  /// (`_nil_out_instance_obj_host_and_node`), its placement allocation given back.
  private static func offloaded(_ id: String, action: String, event: String, in state: inout CloudState) {
    guard let index = state.compute.servers.firstIndex(where: { $0.id == id }) else { return }
    state.network.now = state.clock.now
    for interface in state.compute.servers[index].interfaces {
      ServerPorts.unbind(interface.portID, in: &state.network)
    }
    state.compute.servers[index].vmState = "shelved_offloaded"
    state.compute.servers[index].taskState = nil
    state.compute.servers[index].powerState = 4
    state.compute.servers[index].host = nil
    state.compute.servers[index].updated = state.clock.now
    ComputeService.endEvent(id, action: action, event: event, traceback: nil, in: &state)
  }

  /// The conductor's `unshelve_instance`: a `shelved` server started on its host; a
  /// `shelved_offloaded` one's snapshot looked up (`get_image_info`) and a host found for it
  /// (`schedule_instances`), then spawned there.
  private static func unshelveInConductor(_ id: String, to destination: String?, in state: inout CloudState) {
    guard let index = state.compute.servers.firstIndex(where: { $0.id == id }) else { return }
    let server = state.compute.servers[index]
    let conductorHost = state.compute.hosts.first?.name
    if server.vmState == "shelved" {
      state.compute.servers[index].taskState = "powering-on"
      state.compute.servers[index].updated = state.clock.now
      ComputeService.startEvent(id, action: "unshelve", event: "compute_start_instance", host: server.host, in: &state)
      state.after(start) { state in
        guard let index = state.compute.servers.firstIndex(where: { $0.id == id }) else { return }
        state.compute.servers[index].vmState = "active"
        state.compute.servers[index].taskState = nil
        state.compute.servers[index].powerState = 1
        state.compute.servers[index].updated = state.clock.now
        deleteSnapshot(of: index, in: &state)
        ComputeService.endEvent(id, action: "unshelve", event: "compute_start_instance", traceback: nil, in: &state)
      }
      return
    }
    let image = server.systemMetadata["shelved_image_id"]
    if let image {
      ComputeService.startEvent(id, action: "unshelve", event: "get_image_info", host: conductorHost, in: &state)
      guard state.images.images.contains(where: { $0.id == image }) else {
        // The snapshot is gone: the server is in error, its task left as it was.
        let reason = "Unshelve attempted but the image \(image) cannot be found."
        state.compute.servers[index].vmState = "error"
        state.compute.servers[index].updated = state.clock.now
        state.compute.servers[index].fault = ComputeState.Fault(code: 404, created: state.clock.now, message: reason, details: "")
        ComputeService.endEvent(id, action: "unshelve", event: "get_image_info", traceback: Tracebacks.unshelveImageEvent, in: &state)
        return
      }
      ComputeService.endEvent(id, action: "unshelve", event: "get_image_info", traceback: nil, in: &state)
    }
    ComputeService.startEvent(id, action: "unshelve", event: "schedule_instances", host: conductorHost, in: &state)
    state.after(schedule) { state in schedule(id, to: destination, snapshot: image, in: &state) }
  }

  /// The scheduler's choice (the zone the request spec keeps, the host asked for; a host forced
  /// at boot is not: `reset_forced_destinations`), then the compute host's spawn. With no host,
  /// the server stays offloaded, its task cleared, the event in error (no fault).
  private static func schedule(_ id: String, to destination: String?, snapshot: String?, in state: inout CloudState) {
    guard let index = state.compute.servers.firstIndex(where: { $0.id == id }) else { return }
    var server = state.compute.servers[index]
    server.request.forcedHost = nil
    var compute = state.compute
    if let destination { compute.hosts = compute.hosts.filter { $0.name == destination } }
    guard case .success(let host) = ComputeService.placement(for: server, in: compute) else {
      state.compute.servers[index].taskState = nil
      state.compute.servers[index].updated = state.clock.now
      ComputeService.endEvent(id, action: "unshelve", event: "schedule_instances", traceback: Tracebacks.unshelveScheduleEvent, in: &state)
      return
    }
    let zone = state.compute.zone(of: host)
    ComputeService.endEvent(id, action: "unshelve", event: "schedule_instances", traceback: nil, in: &state)
    // `_unshelve_instance`: spawning, claimed on the host (the claim saves the snapshot as the
    // server's image until the spawn is done), the ports bound there.
    state.compute.servers[index].availabilityZone = zone
    state.compute.servers[index].taskState = "spawning"
    state.compute.servers[index].host = host.name
    if let snapshot { state.compute.servers[index].imageID = snapshot }
    state.compute.servers[index].updated = state.clock.now
    ComputeService.startEvent(id, action: "unshelve", event: "compute_unshelve_instance", host: host.name, in: &state)
    state.network.now = state.clock.now
    for interface in state.compute.servers[index].interfaces {
      ServerPorts.bind(interface.portID, to: state.compute.servers[index], host: host.name, zone: zone, in: &state.network)
    }
    ServerPorts.refreshNetworkInfo(&state)
    let shelvedImage = server.imageID
    state.after(spawn) { state in
      guard let index = state.compute.servers.firstIndex(where: { $0.id == id }) else { return }
      state.compute.servers[index].imageID = shelvedImage
      state.compute.servers[index].vmState = "active"
      state.compute.servers[index].taskState = nil
      state.compute.servers[index].powerState = 1
      state.compute.servers[index].launched = state.clock.now
      state.compute.servers[index].updated = state.clock.now
      deleteSnapshot(of: index, in: &state)
      ComputeService.endEvent(id, action: "unshelve", event: "compute_unshelve_instance", traceback: nil, in: &state)
    }
  }

  /// `_delete_snapshot_of_shelved_instance` and `remove_shelved_keys_from_system_metadata`.
  private static func deleteSnapshot(of index: Int, in state: inout CloudState) {
    if let image = state.compute.servers[index].systemMetadata["shelved_image_id"] {
      state.images.images.removeAll { $0.id == image }
      state.images.members.removeAll { $0.imageID == image }
    }
    for key in shelvedKeys { state.compute.servers[index].systemMetadata[key] = nil }
  }

  private static func record(_ action: String, of id: String, _ call: Call, _ caller: Caller, in state: inout CloudState) {
    state.compute.actions.append(
      ComputeState.Action(
        action: action, serverID: id, requestID: call.requestID, globalRequestID: call.globalRequestID,
        userID: caller.userID, projectID: caller.projectID, start: state.clock.now, updated: state.clock.now, message: nil))
  }

  private static func setTask(_ task: String, of id: String, in state: inout CloudState) {
    guard let index = state.compute.servers.firstIndex(where: { $0.id == id }) else { return }
    state.compute.servers[index].taskState = task
    state.compute.servers[index].updated = state.clock.now
  }
}
