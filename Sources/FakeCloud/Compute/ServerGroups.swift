import CloudAPI

extension ComputeState {
  /// A server group (`nova.objects.InstanceGroup`): its policy, its rules and its members, the
  /// servers created with its `group` hint.
  struct ServerGroup {
    var id: String
    var name: String
    var policy: String
    var rules: JSONObject
    var projectID: String
    var userID: String
    var members: [String] = []
  }

  /// The hosts the server may go to by its group's policy, as the scheduler's
  /// `ServerGroupAffinityFilter` and `ServerGroupAntiAffinityFilter` pass them: beside its
  /// members for affinity, away from them (or below `max_server_per_host`) for anti-affinity.
  func hosts(_ hosts: [Host], allowedByGroupOf server: Server) -> [Host] {
    guard let groupID = server.request.groupID, let group = serverGroups.first(where: { $0.id == groupID }) else {
      return hosts
    }
    let placed = servers.filter { group.members.contains($0.id) && $0.id != server.id && $0.vmState != "deleted" }
      .compactMap(\.host)
    switch group.policy {
    case "affinity":
      guard let first = placed.first else { return hosts }
      return hosts.filter { $0.name == first }
    case "anti-affinity":
      let limit = group.rules["max_server_per_host"].flatMap { Int(PythonValue.str($0)) } ?? 1
      return hosts.filter { host in placed.filter { $0 == host.name }.count < limit }
    default:
      // The soft policies weigh hosts rather than filter them.
      return hosts
    }
  }
}

/// Nova's `os-server-groups` (`server_groups.py`): a project's groups, every project's for an
/// admin who asks; policy and rules from 2.64, policies before.
extension ComputeService {
  static func registerServerGroups(in router: inout Router<CloudState>) {
    router.add(.get, "/v2.1/os-server-groups", listServerGroups)
    router.add(.post, "/v2.1/os-server-groups", createServerGroup)
    router.add(.get, "/v2.1/os-server-groups/{id}", showServerGroup)
    router.add(.delete, "/v2.1/os-server-groups/{id}", deleteServerGroup)
  }

  static let serverGroupPolicies = ["anti-affinity", "affinity", "soft-anti-affinity", "soft-affinity"]

  /// `_format_server_group`: only members not deleted.
  private static func serverGroupView(_ group: ComputeState.ServerGroup, _ state: CloudState) -> JSON {
    let version = state.computeVersion
    var body: JSONObject = ["id": .string(group.id), "name": .string(group.name)]
    if version >= Microversion(2, 64) {
      body["policy"] = .string(group.policy)
      body["rules"] = .object(group.rules)
    } else {
      body["policies"] = .array([.string(group.policy)])
      body["metadata"] = .object([:])
    }
    let live = group.members.filter { id in state.compute.servers.contains { $0.id == id && $0.vmState != "deleted" } }
    body["members"] = .array(live.map(JSON.string))
    if version >= Microversion(2, 13) {
      body["project_id"] = .string(group.projectID)
      body["user_id"] = .string(group.userID)
    }
    return .object(body)
  }

  private static func visibleGroup(_ state: CloudState, _ call: Call) -> ComputeState.ServerGroup? {
    let id = call.parameters["id"] ?? ""
    return state.compute.serverGroups.first {
      $0.id == id && ((call.caller?.isAdmin ?? false) || $0.projectID == call.caller?.projectID)
    }
  }

  static func listServerGroups(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let all = (call.caller?.isAdmin ?? false) && call.query("all_projects").map { StrictBool.parse($0) ?? false } ?? false
    var groups = state.compute.serverGroups.filter { all || $0.projectID == call.caller?.projectID }
    if let offset = call.query("offset").flatMap(Int.init) { groups = Array(groups.dropFirst(offset)) }
    if let limit = call.query("limit").flatMap(Int.init) { groups = Array(groups.prefix(limit)) }
    return .json(200, .object(["server_groups": .array(groups.map { serverGroupView($0, state) })]))
  }

  static func showServerGroup(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let group = visibleGroup(state, call) else {
      return .fault(404, "Instance group \(call.parameters["id"] ?? "") could not be found.")
    }
    return .json(200, .object(["server_group": serverGroupView(group, state)]))
  }

  static func deleteServerGroup(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let group = visibleGroup(state, call) else {
      return .fault(404, "Instance group \(call.parameters["id"] ?? "") could not be found.")
    }
    state.compute.serverGroups.removeAll { $0.id == group.id }
    return .noContent()
  }

  /// A policy Nova knows; rules only for anti-affinity.
  static func createServerGroup(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    let body = call.request.body?["server_group"]?.object ?? [:]
    let version = state.computeVersion
    guard let name = body["name"]?.string, !name.isEmpty else {
      return .fault(400, "Invalid input for field/attribute server_group. Value: \(PythonValue.str(.object(body))). 'name' is a required property")
    }
    let policy = version >= Microversion(2, 64) ? body["policy"]?.string : body["policies"]?.array.first?.string
    guard let policy, serverGroupPolicies.contains(policy) else {
      let given = body["policy"] ?? body["policies"] ?? .null
      return .fault(
        400,
        "Invalid input for field/attribute policy. Value: \(PythonValue.str(given)). \(PythonValue.repr(given)) is not one of \(PythonValue.repr(.array(serverGroupPolicies.map(JSON.string))))")
    }
    let rules = body["rules"]?.object ?? [:]
    if policy != "anti-affinity", !rules.isEmpty { return .fault(400, "Only anti-affinity policy supports rules.") }
    let group = ComputeState.ServerGroup(
      id: state.ids.uuid(), name: name, policy: policy, rules: rules, projectID: caller.projectID, userID: caller.userID)
    state.compute.serverGroups.append(group)
    return .json(200, .object(["server_group": serverGroupView(group, state)]))
  }
}
