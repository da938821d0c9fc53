import CloudAPI

/// A server action that changes its power (`servers.py`'s `os-stop`, `os-start`, `reboot`,
/// `pause`, `unpause`, `suspend`, `resume`): the VM states Nova's `check_instance_state` lets it
/// run in, the task state while the compute host works, and the states it leaves; each one an
/// instance action with its compute event. A server in another state is Nova's 409.
struct PowerAction: Sendable {
  /// The request body's key.
  var key: String
  /// The instance action's name, and the word of the 409.
  var name: String
  /// The compute manager's function (`compute_<function>` is the event).
  var function: String
  var allowed: Set<String>
  var taskState: String
  var endState: String
  var endPower: Int

  static let all = [
    PowerAction(key: "os-stop", name: "stop", function: "stop_instance", allowed: ["active", "error"], taskState: "powering-off", endState: "stopped", endPower: 4),
    PowerAction(key: "os-start", name: "start", function: "start_instance", allowed: ["stopped"], taskState: "powering-on", endState: "active", endPower: 1),
    PowerAction(key: "reboot", name: "reboot", function: "reboot_instance", allowed: ["active"], taskState: "reboot_started", endState: "active", endPower: 1),
    PowerAction(key: "pause", name: "pause", function: "pause_instance", allowed: ["active"], taskState: "pausing", endState: "paused", endPower: 3),
    PowerAction(key: "unpause", name: "unpause", function: "unpause_instance", allowed: ["paused"], taskState: "unpausing", endState: "active", endPower: 1),
    PowerAction(key: "suspend", name: "suspend", function: "suspend_instance", allowed: ["active"], taskState: "suspending", endState: "suspended", endPower: 7),
    PowerAction(key: "resume", name: "resume", function: "resume_instance", allowed: ["suspended"], taskState: "resuming", endState: "active", endPower: 1),
  ]

  /// A hard reboot also runs on a stopped, paused, suspended or failed server (`ALLOW_HARD_REBOOT`).
  private static let hardRebootStates: Set<String> = ["active", "stopped", "paused", "suspended", "error"]

  /// How long the compute host takes, in microseconds.
  private static let duration: Int64 = 2_400_000

  func perform(on index: Int, body: JSONObject, _ call: Call, _ state: inout CloudState) -> APIResponse {
    let server = state.compute.servers[index]
    guard let caller = call.caller else { return .unauthenticated() }
    let hard = key == "reboot" && body["reboot"]?["type"]?.string?.uppercased() == "HARD"
    if key == "reboot", !["SOFT", "HARD"].contains(body["reboot"]?["type"]?.string?.uppercased() ?? "") {
      return .fault(400, "Invalid input for field/attribute type. Value: \(body["reboot"]?["type"]?.string ?? "None"). 'type' is a required property")
    }
    // `check_instance_state`: the VM state first, then the task state.
    guard (hard ? Self.hardRebootStates : allowed).contains(server.vmState) else {
      return .fault(409, "Cannot '\(name)' instance \(server.id) while it is in vm_state \(server.vmState)")
    }
    if let task = server.taskState {
      return .fault(409, "Cannot '\(name)' instance \(server.id) while it is in task_state \(task)")
    }
    let start = state.clock.now
    state.compute.actions.append(
      ComputeState.Action(
        action: name, serverID: server.id, requestID: call.requestID, globalRequestID: call.globalRequestID,
        userID: caller.userID, projectID: caller.projectID, start: start, updated: start, message: nil))
    state.compute.servers[index].taskState = hard ? "reboot_started_hard" : taskState
    state.compute.servers[index].updated = start
    let (id, name, event, endState, endPower, host) = (server.id, name, "compute_" + function, endState, endPower, server.host)
    state.after(Self.duration) { state in
      guard let index = state.compute.servers.firstIndex(where: { $0.id == id }) else { return }
      state.compute.servers[index].vmState = endState
      state.compute.servers[index].taskState = nil
      state.compute.servers[index].powerState = endPower
      state.compute.servers[index].updated = state.clock.now
      if ["stop", "start", "reboot"].contains(name) { ServerShareAPI.powerChanged(&state, serverID: id, running: endState == "active") }
      ComputeService.finish(id, action: name, event: event, start: start, host: host, traceback: nil, in: &state)
    }
    return APIResponse(status: 202)
  }
}
