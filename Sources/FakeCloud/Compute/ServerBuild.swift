import CloudAPI

/// Building servers: `POST /servers` answered at once (202, the admin password), each server
/// (`min_count` to `max_count` of them, named `NAME-1`, `NAME-2`, ... when more than one)
/// scheduled a moment later and built a few seconds after; what no host can take ends as Nova's
/// `NoValidHost` ends.
extension ComputeService {
  static func createServer(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    let creation: ServerCreation
    let body = call.request.body
    let hints = body?["os:scheduler_hints"] ?? body?["OS-SCH-HNT:scheduler_hints"]
    switch ServerCreation.read(body?["server"]?.object ?? [:], hints: hints, caller: caller, state: state) {
    case .failure(let fault): return fault.response
    case .success(let read): creation = read
    }
    if let flavor = state.compute.flavor(creation.flavorID)?.definition,
      let fault = NovaQuotaAPI.checkServer(state, project: caller.projectID, flavor: flavor, count: creation.count)
    { return fault }
    let now = state.clock.now
    var reservation = ""
    var first: (id: String, password: String)? = nil
    for launchIndex in 0..<creation.count {
      // The first server's ID, then the reservation's, then each password: the order the IDs
      // are drawn in keeps every other ID of the cloud as it was.
      let id = state.newResourceID()
      if launchIndex == 0 { reservation = "r-" + String(state.ids.hex32().prefix(8)) }
      let name = creation.count > 1 ? "\(creation.name)-\(launchIndex + 1)" : creation.name
      var request = creation.request
      request.launchIndex = launchIndex
      if creation.count > 1, let hostname = request.hostname { request.hostname = "\(hostname)-\(launchIndex + 1)" }
      var server = ComputeState.Server(
        id: id, name: name, projectID: caller.projectID, userID: caller.userID, flavorID: creation.flavorID,
        imageID: creation.imageID, vmState: "building", taskState: "scheduling", powerState: 0, host: nil,
        availabilityZone: nil, created: now, updated: now, launched: nil, reservationID: reservation,
        instanceName: String(format: "instance-%08x", state.compute.servers.count + 1), request: request,
        metadata: creation.metadata, description: creation.description, tags: creation.tags)
      server.systemMetadata = .atBuild(
        image: state.images.images.first { $0.id == creation.imageID }, imageRef: creation.imageID,
        flavor: state.compute.flavor(creation.flavorID)?.definition, caller: caller)
      // Drawn even where the request gives one, so that giving one changes no other.
      let drawn = state.ids.password()
      let password = call.request.body?["server"]?["adminPass"]?.string ?? drawn
      if first == nil { first = (id, password) }
      state.compute.servers.append(server)
      // The API adds the server to its group before the scheduler places it.
      if let group = state.compute.serverGroups.firstIndex(where: { $0.id == request.groupID }) {
        state.compute.serverGroups[group].members.append(id)
      }
      BlockDeviceMappings.reserve(request.blockDevices, in: &state)
      state.compute.actions.append(
        ComputeState.Action(
          action: "create", serverID: id, requestID: call.requestID, userID: caller.userID, projectID: caller.projectID,
          start: now, updated: now, message: nil))
      // The conductor schedules after a moment; the compute host builds for a few seconds more.
      state.after(700_000) { state in schedule(id, in: &state) }
    }
    let (id, password) = first ?? ("", "")
    let groups: JSON = .array(creation.request.securityGroups.map { .object(["name": .string($0)]) })
    var answer: JSONObject = [
      "id": .string(id), "links": ServerView.links("servers", id, bookmarkOnly: false), "OS-DCF:diskConfig": "MANUAL",
    ]
    if !creation.request.securityGroups.isEmpty { answer["security_groups"] = groups }
    answer["adminPass"] = .string(password)
    return .json(
      202,
      .object(["server": .object(answer)]))
  }

  /// The hosts a server may go to: placement's (room for the flavor, an enabled service, the
  /// zone asked for), then the scheduler's filters (the server group's policy, `same_host` and
  /// `different_host`). A forced host skips both. `nil` with the reason when none is left.
  static func placement(for server: ComputeState.Server, in compute: ComputeState) -> Result<ComputeState.Host, PlacementFailure> {
    guard let flavor = compute.flavor(server.flavorID)?.definition else { return .failure(.noCandidates) }
    if let forced = server.request.forcedHost, let host = compute.hosts.first(where: { $0.name == forced }) {
      return .success(host)
    }
    var candidates = compute.hosts(fitting: flavor)
    if let zone = server.request.zone { candidates = candidates.filter { compute.zone(of: $0) == zone } }
    guard !candidates.isEmpty else { return .failure(.noCandidates) }
    var passing = compute.hosts(candidates, allowedByGroupOf: server)
    let hints = server.request.hints
    func hosts(of hint: String) -> Set<String> {
      let ids = hints[hint].map { $0.array.isEmpty ? [$0] : $0.array }?.compactMap(\.string) ?? []
      return Set(compute.servers.filter { ids.contains($0.id) }.compactMap(\.host))
    }
    if hints["same_host"] != nil { passing = passing.filter { hosts(of: "same_host").contains($0.name) } }
    if hints["different_host"] != nil { passing = passing.filter { !hosts(of: "different_host").contains($0.name) } }
    guard let host = passing.first else { return .failure(.filteredOut) }
    return .success(host)
  }

  /// Why a server found no host: placement offered none (`NoValidHost` with no reason), or the
  /// filters left none (`There are not enough hosts available.`).
  enum PlacementFailure: Error {
    case noCandidates
    case filteredOut

    var message: String {
      switch self {
      case .noCandidates: "No valid host was found. "
      case .filteredOut: "No valid host was found. There are not enough hosts available."
      }
    }
  }

  private static func schedule(_ id: String, in state: inout CloudState) {
    guard let index = state.compute.servers.firstIndex(where: { $0.id == id }) else { return }
    let server = state.compute.servers[index]
    let start = state.clock.now
    let host: ComputeState.Host
    switch placement(for: server, in: state.compute) {
    case .failure(let failure):
      state.compute.servers[index].vmState = "error"
      state.compute.servers[index].taskState = nil
      state.compute.servers[index].updated = start
      state.compute.servers[index].fault = ComputeState.Fault(
        code: 500, created: start, message: failure.message, details: Tracebacks.scheduleFailure(failure.message))
      BlockDeviceMappings.release(server.request.blockDevices, in: &state)
      finish(id, action: "create", event: "conductor_schedule_and_build_instances", start: start, host: nil,
        traceback: Tracebacks.scheduleEvent, in: &state)
      return
    case .success(let found): host = found
    }
    let zone = state.compute.zone(of: host)
    state.compute.servers[index].host = host.name
    state.compute.servers[index].availabilityZone = zone
    state.compute.servers[index].taskState = "spawning"
    state.network.now = start
    ServerPorts.allocate(for: id, host: host.name, zone: zone, in: &state)
    let blockDeviceFailure = BlockDeviceMappings.prepare(serverID: id, host: host.name, in: &state)
    finish(id, action: "create", event: "conductor_schedule_and_build_instances", start: start, host: nil, traceback: nil, in: &state)
    state.after(5_300_000) { state in
      guard let index = state.compute.servers.firstIndex(where: { $0.id == id }) else { return }
      if let reason = blockDeviceFailure ?? BlockDeviceMappings.attachMade(serverID: id, host: host.name, waited: 3, in: &state) {
        BlockDeviceMappings.abortBuild(id, reason: reason, start: start, host: host.name, in: &state)
        return
      }
      state.compute.servers[index].vmState = "active"
      state.compute.servers[index].taskState = nil
      state.compute.servers[index].powerState = 1
      state.compute.servers[index].launched = state.clock.now
      state.compute.servers[index].updated = state.clock.now + 1_000_000
      finish(id, action: "create", event: "compute__do_build_and_run_instance", start: start, host: host.name, traceback: nil, in: &state)
    }
  }
}
