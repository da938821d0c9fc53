import CloudAPI

/// `os-migrateLive` (`migrate_server.py`'s `_migrate_live`, `compute/api.py`'s `live_migrate`,
/// the conductor's `LiveMigrationTask`): an admin moves a running or paused server to another
/// host without stopping it. Up to 2.33 the conductor's checks run within the request (from 2.34
/// they are asynchronous; openstacksdk sends the action at 2.30): a destination that is missing,
/// down, the source itself or full comes back as a 400 after the server's task state is reset.
/// The compute hosts then copy the server over in a few seconds of the cloud's time: status
/// `MIGRATING`, then `ACTIVE` (or `PAUSED`) on the new host. Its migration record
/// (`MigrationRecords`) follows the steps, and can be aborted or forced to complete
/// (`MigrationAPI`) while it runs.
enum LiveMigration {
  /// From the request to the server on its new host.
  static let duration: Int64 = 5_000_000

  static func start(_ body: JSONObject, at index: Int, _ call: Call, _ caller: Caller, in state: inout CloudState) -> APIResponse {
    let server = state.compute.servers[index]
    let request = body["os-migrateLive"]?.object ?? [:]
    let host = request["host"]?.string
    let rule = "os-migrate-server:migrate_live" + (host == nil ? "" : ":host")
    guard caller.isAdmin else { return .fault(403, "Policy doesn't allow os_compute_api:\(rule) to be performed.") }
    // Before 2.30 a destination given is forced past the scheduler; from 2.30 to 2.67 only with
    // `force`; from 2.68 never.
    let forced =
      state.computeVersion < Microversion(2, 30) ? host != nil : state.computeVersion < Microversion(2, 68) && request["force"] == true
    if forced, host == nil { return .fault(400, "Can't force to a non-provided destination") }
    if state.compute.shareMappings.contains(where: { $0.serverID == server.id }) {
      return .fault(409, "Feature not supported with instances that have shares.")
    }
    guard ["active", "paused"].contains(server.vmState) else {
      return .fault(409, "Cannot 'os-migrateLive' instance \(server.id) while it is in vm_state \(server.vmState)")
    }
    if let task = server.taskState {
      return .fault(409, "Cannot 'os-migrateLive' instance \(server.id) while it is in task_state \(task)")
    }
    if let host, !state.compute.hosts.contains(where: { $0.name == host }) {
      return .fault(400, "Compute host \(host) could not be found.")
    }
    state.compute.servers[index].taskState = "migrating"
    state.compute.servers[index].updated = state.clock.now
    state.compute.actions.append(
      ComputeState.Action(
        action: "live-migration", serverID: server.id, requestID: call.requestID, globalRequestID: call.globalRequestID,
        userID: caller.userID, projectID: caller.projectID, start: state.clock.now, updated: state.clock.now, message: nil))
    // The conductor's record (`live_migrate_instance`): the destination only when forced.
    let migration = MigrationRecords.open(
      "live-migration", of: server, status: "accepted", flavors: (server.flavorID, server.flavorID),
      destination: forced ? host : nil, userID: caller.userID, projectID: caller.projectID, in: &state)
    switch destination(for: server, asked: host, forced: forced, in: state) {
    case .failure(let refusal):
      // `_set_vm_state`: the task state reset, the fault recorded, the record in error; the API
      // answers 400.
      MigrationRecords.update(migration, in: &state) { $0.status = "error" }
      state.compute.servers[index].taskState = nil
      state.compute.servers[index].fault = ComputeState.Fault(
        code: refusal.code, created: state.clock.now, message: refusal.message,
        details: "Traceback (most recent call last):\n" + refusal.traceback + "nova.exception.\(refusal.exception): \(refusal.message)\n")
      ComputeService.finish(
        server.id, action: "live-migration", event: "conductor_migrate_server", start: state.clock.now,
        host: state.compute.hosts.first?.name, traceback: refusal.traceback, in: &state)
      return .fault(400, refusal.message)
    case .success(let target):
      let conductor = state.compute.hosts.first?.name
      let start = state.clock.now
      ComputeService.finish(
        server.id, action: "live-migration", event: "conductor_migrate_server", start: start, host: conductor, traceback: nil,
        in: &state)
      let source = server.host
      let id = server.id
      // `LiveMigrationTask._execute` names both hosts; the source queues the migration at once.
      MigrationRecords.update(migration, in: &state) {
        $0.sourceNode = source
        $0.destCompute = target
        $0.destNode = target
        $0.status = "queued"
      }
      let memory = state.compute.embeddedFlavor(server.flavorID)?.definition.ram ?? 0
      MigrationRecords.followLiveMigration(migration, memoryMiB: memory, in: &state)
      state.after(duration) { state in complete(id, migration: migration, from: source, to: target, start: start, in: &state) }
      return APIResponse(status: 202)
    }
  }

  /// Why the conductor refused: Nova's exception, its message and fault code, and the
  /// conductor event's traceback (Nova's own frames).
  struct Refusal: Error {
    var exception: String
    var message: String
    var code: Int
    var traceback: String
  }

  /// `LiveMigrationTask._execute`: the source host must be up; a forced destination is checked
  /// (not the source, up), any other is the scheduler's choice among the hosts other than the
  /// source (the one asked for, if any) where the server fits.
  private static func destination(
    for server: ComputeState.Server, asked host: String?, forced: Bool, in state: CloudState
  ) -> Result<String, Refusal> {
    let source = server.host ?? ""
    if let change = state.compute.serviceChanges[source], change.forcedDown {
      return .failure(
        Refusal(
          exception: "ComputeServiceUnavailable", message: "Compute service of \(source) is unavailable at this time.", code: 400,
          traceback: Tracebacks.liveMigrateEvent(Tracebacks.checkHostIsUp(source: true))))
    }
    if forced, let host {
      guard host != source else {
        return .failure(
          Refusal(
            exception: "UnableToMigrateToSelf", message: "Unable to migrate instance (\(server.id)) to current host (\(host)).",
            code: 400, traceback: Tracebacks.liveMigrateEvent(Tracebacks.destinationIsSource)))
      }
      if let change = state.compute.serviceChanges[host], change.forcedDown {
        return .failure(
          Refusal(
            exception: "ComputeServiceUnavailable", message: "Compute service of \(host) is unavailable at this time.", code: 400,
            traceback: Tracebacks.liveMigrateEvent(Tracebacks.checkHostIsUp(source: false))))
      }
      return .success(host)
    }
    // Placement offers the hosts with room (the one asked for, if any); the scheduler then
    // drops the source (`ignore_hosts`): a source that was the only one offered leaves "not
    // enough hosts", none offered at all placement's bare "No valid host was found."
    // `reset_forced_destinations`: a host forced at boot does not bind the move.
    var server = server
    server.request.forcedHost = nil
    var asked = state.compute
    asked.hosts = state.compute.hosts.filter { host == nil || $0.name == host }
    var others = asked
    others.hosts.removeAll { $0.name == source }
    switch ComputeService.placement(for: server, in: others) {
    case .success(let target): return .success(target.name)
    case .failure(let failure):
      let sourceOffered = failure == .noCandidates && (try? ComputeService.placement(for: server, in: asked).get()) != nil
      return .failure(
        Refusal(
          exception: "NoValidHost", message: (sourceOffered ? .filteredOut : failure).message, code: 500,
          traceback: Tracebacks.liveMigrateEvent(Tracebacks.findDestination)))
    }
  }

  /// The compute hosts' part: the destination checked and prepared, the memory copied from the
  /// source, the server started on the destination, the record `completed`; nothing once the
  /// migration was aborted or completed (forced) already.
  static func complete(
    _ id: String, migration: Int, from source: String?, to target: String, start: Int64, in state: inout CloudState
  ) {
    guard let index = state.compute.servers.firstIndex(where: { $0.id == id }),
      state.compute.servers[index].taskState == "migrating",
      let record = state.compute.migrations.first(where: { $0.id == migration }), record.isLiveInProgress
    else { return }
    MigrationRecords.update(migration, in: &state) { record in
      record.status = "completed"
      if let total = record.memory?.total { record.memory = .init(total: total, processed: total) }
    }
    let steps: [(event: String, host: String?, offset: Int64)] = [
      ("compute_check_can_live_migrate_destination", target, 0), ("compute_check_can_live_migrate_source", source, 0),
      ("compute_pre_live_migration", target, 1_000_000), ("compute_live_migration", source, 2_000_000),
      ("compute_post_live_migration_at_destination", target, 4_000_000),
    ]
    // A migration forced to complete ends before its steps' usual times.
    for step in steps {
      ComputeService.finish(
        id, action: "live-migration", event: step.event, start: min(start + step.offset, state.clock.now), host: step.host,
        traceback: nil, in: &state)
    }
    state.compute.servers[index].host = target
    if let host = state.compute.hosts.first(where: { $0.name == target }) {
      state.compute.servers[index].availabilityZone = state.compute.zone(of: host)
    }
    state.compute.servers[index].taskState = nil
    state.compute.servers[index].updated = state.clock.now
  }
}
