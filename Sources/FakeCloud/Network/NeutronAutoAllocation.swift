import CloudAPI

/// The `auto-allocated-topology` service (`neutron/services/auto_allocate`): on first request, a
/// project's own network with a subnet from each default subnet pool, routed to the default
/// external network; after, that network. Built through the same routes a client would use.
enum NeutronAutoAllocation {
  /// Each project's topology: its network and router (not an API collection).
  static let topologies = ResourceTable(
    collection: "auto_allocated_topologies", member: "auto_allocated_topology",
    attributes: [A("id"), A("project_id"), A("network_id"), A("router_id")],
    notFound: { ResourceFault(status: 404, type: "HTTPNotFound", message: "\($0)") })
  private typealias A = ResourceAttribute

  private static func failure(_ reason: String) -> ResourceFault {
    .conflict("AutoAllocationFailure", "Deployment error: \(reason).")
  }

  /// `_validate`: `None` is the caller's project; another's only for an admin.
  private static func project(_ call: Call) -> Result<(Caller, String), ResourceFault> {
    guard let caller = call.caller else { return .failure(ResourceFault(status: 401, type: "HTTPUnauthorized", message: "")) }
    let asked = call.parameters["project"] ?? "None"
    let project = asked == "None" ? caller.projectID : asked
    guard caller.isAdmin || project == caller.projectID else {
      return .failure(ResourceFault(status: 403, type: "NotAuthorized", message: "Not authorized."))
    }
    return .success((caller, project))
  }

  /// `GET /v2.0/auto-allocated-topology/{project}`: the topology (made now if missing), or with
  /// `fields=dry-run` whether one could be made.
  static func show(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let caller: Caller
    let projectID: String
    switch project(call) {
    case .success(let found): (caller, projectID) = found
    case .failure(let fault): return ResourceTable.response(fault)
    }
    let answer = { (id: String) in
      APIResponse.json(200, .object(["auto_allocated_topology": .object(["id": .string(id), "project_id": .string(projectID)])]))
    }
    let fields = call.request.query.filter { $0.name == "fields" }.map(\.value)
    if fields.contains("dry-run") {
      if externalNetwork(state.network) == nil { return ResourceTable.response(failure("No default router:external network")) }
      if defaultPools(state.network).isEmpty { return ResourceTable.response(failure("No default subnetpools defined")) }
      return answer("dry-run=pass")
    }
    if !fields.isEmpty { return ResourceTable.response(.badRequest("Bad auto_allocate request: Unrecognized field.")) }
    if let topology = state.network[topologies].first(where: { $0["project_id"]?.string == projectID }) {
      return answer(topology["network_id"]?.string ?? "")
    }
    guard let external = externalNetwork(state.network) else {
      return ResourceTable.response(failure("No default router:external network"))
    }
    switch build(&state, caller: caller, project: projectID, external: external, requestID: call.requestID) {
    case .success(let networkID): return answer(networkID)
    case .failure(let fault): return ResourceTable.response(fault)
    }
  }

  /// `DELETE /v2.0/auto-allocated-topology/{project}`: the router, its interfaces and the network
  /// go (nothing to do without a topology).
  static func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let caller: Caller
    let projectID: String
    switch project(call) {
    case .success(let found): (caller, projectID) = found
    case .failure(let fault): return ResourceTable.response(fault)
    }
    guard let topology = state.network[topologies].first(where: { $0["project_id"]?.string == projectID }) else {
      return .noContent()
    }
    let networkID = topology["network_id"]?.string ?? ""
    let routerID = topology["router_id"]?.string ?? ""
    for subnet in state.network[NeutronTables.subnets] where subnet["network_id"]?.string == networkID {
      _ = send(&state, .put, "routers/\(routerID)/remove_router_interface", ["subnet_id": subnet["id"] ?? .null], caller, call.requestID)
    }
    _ = send(&state, .delete, "routers/\(routerID)", nil, caller, call.requestID)
    _ = send(&state, .delete, "networks/\(networkID)", nil, caller, call.requestID)
    state.network[topologies].removeAll { $0["project_id"]?.string == projectID }
    return .noContent()
  }

  /// `_build_topology`: the network (down until done), a subnet from each default pool, the
  /// router with its gateway and an interface on each subnet.
  private static func build(
    _ state: inout CloudState, caller: Caller, project: String, external: String, requestID: String
  ) -> Result<String, ResourceFault> {
    let network = send(
      &state, .post, "networks",
      ["network": .object(["name": "auto_allocated_network", "admin_state_up": false, "project_id": .string(project), "shared": false])],
      caller, requestID)
    guard let networkID = network.body?["network"]?["id"]?.string else { return .failure(failure("Unable to provide project private network")) }
    var subnetIDs: [String] = []
    for pool in defaultPools(state.network) {
      let version = pool["ip_version"]?.integer ?? 4
      let subnet = send(
        &state, .post, "subnets",
        [
          "subnet": .object([
            "name": .string("auto_allocated_subnet_v\(version)"), "network_id": .string(networkID), "project_id": .string(project),
            "ip_version": .int(version), "subnetpool_id": pool["id"] ?? .null,
          ])
        ], caller, requestID)
      guard let subnetID = subnet.body?["subnet"]?["id"]?.string else {
        _ = send(&state, .delete, "networks/\(networkID)", nil, caller, requestID)
        return .failure(failure("Unable to provide project private network"))
      }
      subnetIDs.append(subnetID)
    }
    if subnetIDs.isEmpty {
      _ = send(&state, .delete, "networks/\(networkID)", nil, caller, requestID)
      return .failure(failure("Unable to provide project private network"))
    }
    let router = send(
      &state, .post, "routers",
      [
        "router": .object([
          "name": "auto_allocated_router", "external_gateway_info": .object(["network_id": .string(external)]),
          "project_id": .string(project), "admin_state_up": true,
        ])
      ], caller, requestID)
    guard let routerID = router.body?["router"]?["id"]?.string else {
      _ = send(&state, .delete, "networks/\(networkID)", nil, caller, requestID)
      return .failure(failure("Unable to provide external connectivity"))
    }
    for subnetID in subnetIDs {
      _ = send(&state, .put, "routers/\(routerID)/add_router_interface", ["subnet_id": .string(subnetID)], caller, requestID)
    }
    state.network[topologies].append([
      "id": .string(project), "project_id": .string(project), "network_id": .string(networkID), "router_id": .string(routerID),
    ])
    _ = send(&state, .put, "networks/\(networkID)", ["network": .object(["admin_state_up": true])], caller, requestID)
    return .success(networkID)
  }

  /// A request through Neutron's own routes, as the caller.
  private static func send(
    _ state: inout CloudState, _ method: HTTPMethod, _ path: String, _ body: JSONObject?, _ caller: Caller, _ requestID: String
  ) -> APIResponse {
    let request = APIRequest(method, "/v2.0/" + path, body: body.map(JSON.object))
    guard case .found(let handler, let parameters) = NetworkService.router.route(method, request.path) else {
      return .json(404, .null)
    }
    return handler(&state, Call(request: request, caller: caller, parameters: parameters, requestID: requestID))
  }

  /// `_get_default_external_network`: the first external network marked default.
  private static func externalNetwork(_ state: NetworkState) -> String? {
    state[NeutronTables.networks].first { $0["router:external"] == .bool(true) && $0["is_default"] == .bool(true) }?["id"]?.string
  }

  /// `_get_supported_subnetpools`: the default pool of IPv4, then of IPv6.
  private static func defaultPools(_ state: NetworkState) -> [JSONObject] {
    [4, 6].compactMap { version in
      state[NeutronTables.subnetPools].first { $0["is_default"] == .bool(true) && $0["ip_version"]?.integer == version }
    }
  }
}
