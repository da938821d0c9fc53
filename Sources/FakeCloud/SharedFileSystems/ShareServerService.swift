import CloudAPI

extension ManilaState {
  /// A share server the share manager of a back end that handles them set up on a share network
  /// subnet for a project's shares (`share_servers`).
  struct ShareServer {
    var id: String
    /// The back end's host, without the pool (`devstack@alpha`).
    var host: String
    /// `creating`, `active`, `deleting`, `error` ...
    var status: String
    var shareNetworkID: String
    var subnetID: String
    var projectID: String
    var created: Int64
    var updated: Int64?
    var taskState: String? = nil
    /// The back end's name for it; the dummy driver's is the server's ID, unless adopted.
    var identifier: String? = nil
    /// Whether Manila may delete it on its own once unused: not one adopted.
    var isAutoDeletable = true
  }
}

/// Share servers (`manila/api/v2/share_servers.py`, admin only): made by the share manager when
/// a share on a share network lands on a back end that handles share servers, reused by the
/// project's next shares on that subnet and back end; deleted (when no share uses them) or reset
/// by an admin.
enum ShareServerService {
  static func register(in router: inout Router<CloudState>) {
    router.add(.get, "/v2/share-servers", list)
    router.add(.get, "/v2/share-servers/{id}", show)
    router.add(.delete, "/v2/share-servers/{id}", delete)
    router.add(.post, "/v2/share-servers/{id}/action", action)
    router.add(.post, "/v2/share-servers/manage", ShareServerAdoption.manage)
  }

  static let deleteDelay: Int64 = 1_204_519

  /// `SHARE_SERVER_STATUSES`, which `reset_status` accepts.
  static let statuses: Set<String> = [
    "active", "error", "deleting", "creating", "unmanage_starting", "unmanage_error", "manage_starting", "manage_error",
    "inactive", "server_migrating", "server_migrating_to", "network_change",
  ]

  /// The view of `_build_share_server_view`; the dummy driver's back-end details are not kept.
  static let resource = ManilaResource<ManilaState.ShareServer>(
    records: \.shareServers, id: \.id, member: "share_server", collection: "share_servers",
    notFound: { "Share server \($0) could not be found." },
    isVisible: { _, _ in true },
    filters: QueryFilters([
      .exact("id", { $0.id }), .exact("host", { $0.host }), .exact("status", { $0.status }),
      .exact("identifier", { $0.identifier ?? $0.id }), .exact("task_state", { $0.taskState }),
      .exact("source_share_server_id", { _ in nil }), .exact("project_id", { $0.projectID }),
      .exact("share_network", { $0.shareNetworkID }), .exact("share_network_id", { $0.shareNetworkID }),
      .exact("share_network_subnet_id", { $0.subnetID }),
    ]),
    fields: [
      .text("id", { $0.id }), .text("project_id", { $0.projectID }), .time("updated_at", { $0.updated }),
      .text("status", { $0.status }), .text("host", { $0.host }),
      ViewField("share_network_name") { server, context in
        .orNull(context.state.manila.shareNetworks.first { $0.id == server.shareNetworkID }?.name)
      },
      .text("share_network_id", { $0.shareNetworkID }),
      .time("created_at", { $0.created }), ViewField("backend_details") { _, _ in .object([:]) },
      ViewField("is_auto_deletable", since: Microversion(2, 49)) { server, _ in .bool(server.isAutoDeletable) },
      .text("identifier", since: Microversion(2, 49), { $0.identifier ?? $0.id }),
      ViewField("share_network_subnet_id", since: Microversion(2, 51), until: Microversion(2, 69)) { server, _ in
        .string(server.subnetID)
      },
      .text("task_state", since: Microversion(2, 57), { $0.taskState }),
      ViewField("source_share_server_id", since: Microversion(2, 57)) { _, _ in .null },
      ViewField("security_service_update_support", since: Microversion(2, 63)) { _, _ in .bool(true) },
      ViewField("share_network_subnet_ids", since: Microversion(2, 70)) { server, _ in .array([.string(server.subnetID)]) },
      ViewField("network_allocation_update_support", since: Microversion(2, 70)) { _, _ in .bool(true) },
      ViewField("encryption_key_ref", since: Microversion(2, 90)) { _, _ in .null },
    ],
    briefFields: ["id", "project_id", "updated_at", "status", "host", "share_network_name", "share_network_id"])

  /// `share_server_get_all_with_filters`: a key it does not know leaves nothing; the brief view.
  static func list(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let fault = ShareTypeService.policyFault(call, "share_server:index") { return fault }
    let known = Set(resource.filters.filters.map(\.parameter)).union(["deleted", "is_auto_deletable"])
    if call.request.query.contains(where: { !known.contains($0.name) }) {
      return .json(200, .object(["share_servers": .array([])]))
    }
    return resource.list(state, call, brief: true)
  }

  /// `show`: the detailed view.
  static func show(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let fault = ShareTypeService.policyFault(call, "share_server:show") { return fault }
    return resource.show(state, call)
  }

  /// `delete`: an active or failed server no share uses; `deleting`, then gone; 202.
  static func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let fault = ShareTypeService.policyFault(call, "share_server:delete") { return fault }
    guard let server = resource.find(state, call), let index = resource.index(state, of: server.id) else {
      return .fault(404, "Share server \(call.parameters["id"] ?? "") could not be found.")
    }
    guard ["error", "active"].contains(server.status) else {
      return .fault(
        403, "Share server's actual status is \(server.status), allowed statuses for deletion are ['error', 'active'].")
    }
    if state.manila.shares.contains(where: { $0.shareServerID == server.id }) {
      return .fault(409, "Share server \(server.id) is in use.")
    }
    state.manila.shareServers[index].status = "deleting"
    let id = server.id
    state.after(deleteDelay) { $0.manila.shareServers.removeAll { $0.id == id } }
    return APIResponse(status: 202)
  }

  /// `reset_status` (2.49) and `reset_task_state` (2.57); `unmanage` (2.49): the server leaves
  /// Manila's records when no share uses it.
  static func action(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard case .object(let body)? = call.request.body, let (name, value) = body.first.map({ ($0.key, $0.value) }) else {
      return .fault(400, "There is no such action: None")
    }
    let version = state.version(call)
    let since = ["reset_status": Microversion(2, 49), "unmanage": Microversion(2, 49), "reset_task_state": Microversion(2, 57)]
    guard let minimum = since[name], version >= minimum else { return .fault(400, "There is no such action: \(name)") }
    if let fault = ShareTypeService.policyFault(call, "share_server:\(name)") { return fault }
    guard let server = resource.find(state, call), let index = resource.index(state, of: server.id) else {
      return .fault(404, "Share server \(call.parameters["id"] ?? "") could not be found.")
    }
    switch name {
    case "reset_status":
      guard let status = value["status"]?.string else { return .fault(400, "Must specify 'status'") }
      guard statuses.contains(status) else {
        return .fault(400, "Invalid state. Valid states: \(statuses.sorted().joined(separator: ", ")).")
      }
      state.manila.shareServers[index].status = status
    case "reset_task_state":
      state.manila.shareServers[index].taskState = value["task_state"]?.string
    default:
      let allowed = ["error", "active", "manage_error", "unmanage_error"]
      guard allowed.contains(server.status) else {
        return .fault(
          400,
          "Share server's actual status is \(server.status), allowed statuses for unmanaging are \(allowed.joined(separator: ", ")).")
      }
      if state.manila.shares.contains(where: { $0.shareServerID == server.id }) {
        return .fault(400, "Share server \(server.id) is in use.")
      }
      state.manila.shareServers[index].status = "unmanage_starting"
      let id = server.id
      // The dummy driver keeps the server's details under its identifier, to be adopted again.
      let identifier = server.identifier ?? server.id
      state.after(deleteDelay) { state in
        state.manila.shareServers.removeAll { $0.id == id }
        state.manila.abandoned.shareServers.insert(identifier)
      }
    }
    state.manila.shareServers[index].updated = state.clock.now
    return APIResponse(status: 202)
  }

  /// The share manager's `_provide_share_server_for_share`: the project's active server on the
  /// share network's subnet for the back end's zone (or its default subnet) on this back end,
  /// or a new one.
  static func provide(for share: ManilaState.Share, on backend: ManilaState.Backend, in state: inout CloudState) -> String? {
    guard let networkID = share.shareNetworkID,
      let network = state.manila.shareNetworks.first(where: { $0.id == networkID }),
      let subnet = network.subnets.first(where: { $0.availabilityZone == backend.availabilityZone })
        ?? network.subnets.first(where: { $0.availabilityZone == nil })
    else { return nil }
    let host = String(backend.host.prefix { $0 != "#" })
    if let server = state.manila.shareServers.first(where: {
      $0.host == host && $0.subnetID == subnet.id && $0.projectID == share.projectID && $0.status == "active"
    }) {
      return server.id
    }
    let server = ManilaState.ShareServer(
      id: state.ids.uuid(), host: host, status: "active", shareNetworkID: networkID, subnetID: subnet.id,
      projectID: share.projectID, created: state.clock.now, updated: state.clock.now)
    state.manila.shareServers.append(server)
    return server.id
  }
}
