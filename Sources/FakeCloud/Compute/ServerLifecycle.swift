import CloudAPI

/// A server action that moves a server through a task state to another VM state (`rescue`,
/// `unrescue`): the VM states `check_instance_state` lets it run in and the compute host's event.
/// Shelving has its own steps (`ServerShelve`).
struct StateChange: Sendable {
  var key: String
  var name: String
  var function: String
  var allowed: Set<String>
  var taskState: String
  var endState: String
  var endPower: Int

  static let all = [
    StateChange(
      key: "rescue", name: "rescue", function: "rescue_instance", allowed: ["active", "stopped", "error"],
      taskState: "rescuing", endState: "rescued", endPower: 1),
    StateChange(
      key: "unrescue", name: "unrescue", function: "unrescue_instance", allowed: ["rescued"], taskState: "unrescuing",
      endState: "active", endPower: 1),
  ]

  static let duration: Int64 = 3_100_000
}

extension ComputeService {
  /// The actions beyond power (`lock`, `unlock`, `os-resetState`, `migrate`, shelving, and the
  /// state changes); `nil` for an action Nova does not have.
  static func lifecycleAction(_ body: JSONObject, on index: Int, _ call: Call, _ state: inout CloudState) -> APIResponse? {
    guard let caller = call.caller else { return .unauthenticated() }
    let server = state.compute.servers[index]
    func record(_ action: String) {
      state.compute.actions.append(
        ComputeState.Action(
          action: action, serverID: server.id, requestID: call.requestID, globalRequestID: call.globalRequestID,
          userID: caller.userID, projectID: caller.projectID, start: state.clock.now, updated: state.clock.now,
          message: nil))
    }
    func adminOnly(_ rule: String) -> APIResponse? {
      caller.isAdmin ? nil : .fault(403, "Policy doesn't allow os_compute_api:\(rule) to be performed.")
    }
    switch body.keys.first {
    case "lock":
      record("lock")
      state.compute.servers[index].locked = true
      state.compute.servers[index].lockedReason = body["lock"]?["locked_reason"]?.string
      if let reason = body["lock"]?["locked_reason"]?.string { state.compute.servers[index].systemMetadata["locked_reason"] = reason }
      return APIResponse(status: 202)
    case "unlock":
      record("unlock")
      state.compute.servers[index].locked = false
      state.compute.servers[index].lockedReason = nil
      state.compute.servers[index].systemMetadata["locked_reason"] = nil
      return APIResponse(status: 202)
    case "os-resetState":
      if let refusal = adminOnly("os-admin-actions:reset_state") { return refusal }
      let wanted = body["os-resetState"]?["state"]?.string ?? ""
      guard ["active", "error"].contains(wanted) else {
        return .fault(400, "Invalid input for field/attribute state. Value: \(wanted). '\(wanted)' is not one of ['active', 'error']")
      }
      state.compute.servers[index].vmState = wanted
      state.compute.servers[index].taskState = nil
      state.compute.servers[index].updated = state.clock.now
      return APIResponse(status: 202)
    case "migrate":
      if let refusal = adminOnly("os-migrate-server:migrate") { return refusal }
      guard ["active", "stopped"].contains(server.vmState) else {
        return .fault(409, "Cannot 'migrate' instance \(server.id) while it is in vm_state \(server.vmState)")
      }
      if let task = server.taskState {
        return .fault(409, "Cannot 'migrate' instance \(server.id) while it is in task_state \(task)")
      }
      let target = body["migrate"]?["host"]?.string
      if let target, !state.compute.hosts.contains(where: { $0.name == target }) {
        return .fault(400, "Compute host \(target) could not be found.")
      }
      record("migrate")
      state.compute.servers[index].taskState = "resize_prep"
      state.compute.servers[index].updated = state.clock.now
      let id = server.id
      state.after(400_000) { state in coldMigrate(id, to: target, in: &state) }
      return APIResponse(status: 202)
    case "os-migrateLive":
      return LiveMigration.start(body, at: index, call, caller, in: &state)
    case "createImage":
      return ServerSnapshot.create(body["createImage"]?.object ?? [:], on: index, call, caller, in: &state)
    case "trigger_crash_dump":
      // From 2.17; below it Nova answers as for an action it does not have.
      guard state.computeVersion >= Microversion(2, 17) else { return .fault(404, "The resource could not be found.") }
      guard ["active", "paused", "rescued", "resized", "error"].contains(server.vmState) else {
        return .fault(409, "Cannot 'trigger_crash_dump' instance \(server.id) while it is in vm_state \(server.vmState)")
      }
      if let task = server.taskState {
        return .fault(409, "Cannot 'trigger_crash_dump' instance \(server.id) while it is in task_state \(task)")
      }
      // The compute host injects an NMI into the guest: the server's state stays as it is.
      record("trigger_crash_dump")
      let (id, start, host) = (server.id, state.clock.now, server.host)
      state.after(1_200_000) { state in
        finish(id, action: "trigger_crash_dump", event: "compute_trigger_crash_dump", start: start, host: host, traceback: nil, in: &state)
      }
      return APIResponse(status: 202)
    case "rebuild":
      return rebuild(body["rebuild"]?.object ?? [:], on: index, call, &state)
    case "evacuate":
      return evacuate(body["evacuate"]?.object ?? [:], on: index, call, &state)
    case "shelve":
      return ServerShelve.shelve(on: index, call, caller, in: &state)
    case "shelveOffload":
      return ServerShelve.shelveOffload(on: index, call, caller, in: &state)
    case "unshelve":
      return ServerShelve.unshelve(body["unshelve"], on: index, call, caller, in: &state)
    default:
      guard let change = StateChange.all.first(where: { body[$0.key] != nil }) else { return nil }
      return perform(change, on: index, body: body, call, &state)
    }
  }

  private static func perform(
    _ change: StateChange, on index: Int, body: JSONObject, _ call: Call, _ state: inout CloudState
  ) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    let server = state.compute.servers[index]
    guard change.allowed.contains(server.vmState) else {
      return .fault(409, "Cannot '\(change.name)' instance \(server.id) while it is in vm_state \(server.vmState)")
    }
    if let task = server.taskState {
      return .fault(409, "Cannot '\(change.name)' instance \(server.id) while it is in task_state \(task)")
    }
    if change.key == "rescue", let image = body["rescue"]?["rescue_image_ref"]?.string,
      !state.images.images.contains(where: { $0.id == image })
    {
      return .fault(400, "Image \(image) could not be found.")
    }
    let start = state.clock.now
    state.compute.actions.append(
      ComputeState.Action(
        action: change.name, serverID: server.id, requestID: call.requestID, globalRequestID: call.globalRequestID,
        userID: caller.userID, projectID: caller.projectID, start: start, updated: start, message: nil))
    state.compute.servers[index].taskState = change.taskState
    state.compute.servers[index].updated = start
    let (id, host) = (server.id, server.host)
    state.after(StateChange.duration) { state in
      guard let index = state.compute.servers.firstIndex(where: { $0.id == id }) else { return }
      state.compute.servers[index].vmState = change.endState
      state.compute.servers[index].taskState = nil
      state.compute.servers[index].powerState = change.endPower
      state.compute.servers[index].updated = state.clock.now
      finish(id, action: change.name, event: "compute_" + change.function, start: start, host: host, traceback: nil, in: &state)
    }
    if change.key == "rescue" {
      let password = body["rescue"]?["adminPass"]?.string ?? state.ids.password()
      return .json(200, .object(["adminPass": .string(password)]))
    }
    return APIResponse(status: 202)
  }

  /// A cold migration: the conductor places the server on another host with room (or the host
  /// asked for) and leaves it to be confirmed or reverted, its migration record `finished`; with
  /// none, `NoValidHost` leaves it where it was, its action and record in error and a fault.
  private static func coldMigrate(_ id: String, to target: String?, in state: inout CloudState) {
    guard let index = state.compute.servers.firstIndex(where: { $0.id == id }) else { return }
    let server = state.compute.servers[index]
    let action = state.compute.actions.last { $0.serverID == id && $0.action == "migrate" }
    let start = action?.start ?? state.clock.now
    let conductorHost = state.compute.hosts.first?.name
    let migration = MigrationRecords.open(
      "migration", of: server, status: "pre-migrating", flavors: (server.flavorID, server.flavorID),
      userID: action?.userID ?? server.userID, projectID: action?.projectID ?? server.projectID, in: &state)
    state.clock.set(max(state.clock.now, start + 1_000_000))
    var others = state.compute
    others.hosts = state.compute.hosts.filter { $0.name != server.host && (target == nil || $0.name == target) }
    if case .success(let host) = placement(for: server, in: others) {
      MigrationRecords.claim(migration, on: host.name, status: "finished", in: &state)
      state.compute.servers[index].sourceHost = server.host
      state.compute.servers[index].host = host.name
      state.compute.servers[index].availabilityZone = state.compute.zone(of: host)
      state.compute.servers[index].oldFlavorID = server.flavorID
      state.compute.servers[index].vmState = "resized"
      state.compute.servers[index].taskState = nil
      state.compute.servers[index].updated = state.clock.now
      finish(id, action: "migrate", event: "conductor_migrate_server", start: start, host: conductorHost, traceback: nil, in: &state)
      finish(id, action: "migrate", event: "compute_prep_resize", start: start, host: host.name, traceback: nil, in: &state)
      return
    }
    let message = "No valid host was found. No valid host found for cold migrate"
    MigrationRecords.update(migration, in: &state) { $0.status = "error" }
    state.compute.servers[index].taskState = nil
    state.compute.servers[index].updated = state.clock.now
    state.compute.servers[index].fault = ComputeState.Fault(
      code: 500, created: state.clock.now, message: message, details: Tracebacks.resizeFailure(message))
    finish(id, action: "migrate", event: "conductor_migrate_server", start: start, host: conductorHost,
      traceback: Tracebacks.migrateServerEvent, in: &state)
  }

  // MARK: Name, description, metadata, tags

  /// `PUT /servers/{id}`: `name`, `description` (2.19), `hostname` (2.90); the server shown.
  static func updateServer(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let server = server(state, call), let index = state.compute.servers.firstIndex(where: { $0.id == server.id }) else {
      return instanceNotFound(call)
    }
    let body = call.request.body?["server"]?.object ?? [:]
    if let name = body["name"]?.string { state.compute.servers[index].name = name }
    if let description = body["description"] { state.compute.servers[index].description = description.string }
    if let hostname = body["hostname"]?.string { state.compute.servers[index].request.hostname = hostname }
    state.compute.servers[index].updated = state.clock.now
    let view = ServerView(version: state.computeVersion, isAdmin: call.caller?.isAdmin ?? false)
    return .json(200, .object(["server": view.view(state.compute.servers[index], detail: false, in: state)]))
  }

  /// `POST /servers/{id}/metadata`: the items given added or replaced; all of them answered.
  static func updateMetadata(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let server = server(state, call), let index = state.compute.servers.firstIndex(where: { $0.id == server.id }) else {
      return instanceNotFound(call)
    }
    if server.locked, !(call.caller?.isAdmin ?? false) { return .fault(409, "Instance \(server.id) is locked") }
    for (key, value) in call.request.body?["metadata"]?.object ?? [:] {
      state.compute.servers[index].metadata[key] = .string(value.string ?? PythonValue.str(value))
    }
    return .json(200, .object(["metadata": .object(state.compute.servers[index].metadata)]))
  }

  /// `PUT /servers/{id}/metadata`: the items replaced by those given.
  static func replaceMetadata(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let server = server(state, call), let index = state.compute.servers.firstIndex(where: { $0.id == server.id }) else {
      return instanceNotFound(call)
    }
    if server.locked, !(call.caller?.isAdmin ?? false) { return .fault(409, "Instance \(server.id) is locked") }
    state.compute.servers[index].metadata = [:]
    for (key, value) in call.request.body?["metadata"]?.object ?? [:] {
      state.compute.servers[index].metadata[key] = .string(value.string ?? PythonValue.str(value))
    }
    return .json(200, .object(["metadata": .object(state.compute.servers[index].metadata)]))
  }

  static func deleteMetadataItem(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let server = server(state, call), let index = state.compute.servers.firstIndex(where: { $0.id == server.id }) else {
      return instanceNotFound(call)
    }
    let key = call.parameters["key"] ?? ""
    guard server.metadata[key] != nil else { return .fault(404, "Metadata item was not found") }
    state.compute.servers[index].metadata[key] = nil
    return .noContent()
  }

  /// `PUT /servers/{id}/tags` (2.26): the tags replaced.
  static func replaceTags(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let server = server(state, call), let index = state.compute.servers.firstIndex(where: { $0.id == server.id }) else {
      return instanceNotFound(call)
    }
    let tags = call.request.body?["tags"]?.array.compactMap(\.string) ?? []
    state.compute.servers[index].tags = tags
    return .json(200, .object(["tags": .array(tags.map(JSON.string))]))
  }

  /// `PUT /servers/{id}/tags/{tag}`: 201 for a new tag, 204 for one the server has.
  static func addTag(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let server = server(state, call), let index = state.compute.servers.firstIndex(where: { $0.id == server.id }) else {
      return instanceNotFound(call)
    }
    let tag = call.parameters["tag"] ?? ""
    guard !server.tags.contains(tag) else { return .noContent() }
    guard server.tags.count < 50 else {
      return .fault(400, "The number of tags exceeded the per-server limit 50")
    }
    state.compute.servers[index].tags.append(tag)
    return APIResponse(status: 201)
  }

  static func deleteTags(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let server = server(state, call), let index = state.compute.servers.firstIndex(where: { $0.id == server.id }) else {
      return instanceNotFound(call)
    }
    state.compute.servers[index].tags = []
    return .noContent()
  }

  static func deleteTag(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let server = server(state, call), let index = state.compute.servers.firstIndex(where: { $0.id == server.id }) else {
      return instanceNotFound(call)
    }
    let tag = call.parameters["tag"] ?? ""
    guard server.tags.contains(tag) else { return .fault(404, "Tag \(tag) could not be found.") }
    state.compute.servers[index].tags.removeAll { $0 == tag }
    return .noContent()
  }
}
