import CloudAPI

/// Neutron v2.0: every resource's collection and member routes answered by one engine
/// (`ResourceTable`) around each resource's logic, and the few actions that are not CRUD
/// (router interfaces, tags).
enum NetworkService {
  static let resources: [NeutronResource] = [
    NeutronNetworks.networks, NeutronNetworks.subnets, NeutronPorts.ports, NeutronRouters.routers,
    NeutronSecurityGroups.groups, NeutronSecurityGroups.rules, NeutronRouters.floatingIPs, NeutronRBAC.policies, NeutronSubnetPools.pools, NeutronSubnetPools.scopes,
    NeutronQoS.policies, NeutronSegments.segments, NeutronSegmentRanges.ranges, NeutronTrunks.trunks,
    NeutronFlavors.flavors, NeutronFlavors.profiles,
    NeutronResource(
      table: NeutronTables.addressGroups,
      visible: { record, caller, state in
        caller.isAdmin || record["project_id"]?.string == caller.projectID
          || NeutronRBAC.grants(state, objectID: record["id"]?.string ?? "", to: caller.projectID)
      }, taggable: false),
    NeutronResource(
      table: NeutronTables.agents, visible: { _, caller, _ in caller.isAdmin }, taggable: false, readOnly: true),
  ]

  static let router: Router<CloudState> = {
    var router = Router<CloudState>()
    /// Each handler stamps Neutron's clock first: the records it makes carry the request's time.
    /// A change tells Nova, which refreshes its servers' addresses (Neutron's Nova notifier).
    func add(_ method: HTTPMethod, _ path: String, _ handler: @escaping Router<CloudState>.Handler) {
      router.add(method, path) { state, call in
        state.network.now = state.clock.now
        let response = handler(&state, call)
        if method != .get { ServerPorts.refreshNetworkInfo(&state) }
        return response
      }
    }
    for resource in resources {
      let path = "/v2.0/\(resource.table.path)"
      add(.get, path) { state, call in list(resource, &state, call) }
      add(.get, path + "/{id}") { state, call in show(resource, &state, call) }
      add(.put, path + "/{id}") { state, call in update(resource, &state, call) }
      guard !resource.readOnly else { continue }
      add(.post, path) { state, call in create(resource, &state, call) }
      add(.delete, path + "/{id}") { state, call in delete(resource, &state, call) }
      if resource.taggable { add(.put, path + "/{id}/tags") { state, call in setTags(resource, &state, call) } }
    }
    add(.put, "/v2.0/routers/{id}/add_router_interface", NeutronRouters.addInterface)
    add(.put, "/v2.0/routers/{id}/remove_router_interface", NeutronRouters.removeInterface)
    NeutronQoSRules.add(to: &router)
    add(.put, "/v2.0/trunks/{id}/add_subports", NeutronTrunks.changeSubports(adding: true))
    add(.put, "/v2.0/trunks/{id}/remove_subports", NeutronTrunks.changeSubports(adding: false))
    add(.get, "/v2.0/trunks/{id}/get_subports", NeutronTrunks.subports)
    add(.get, "/v2.0/service-providers", NeutronServiceProviders.list)
    add(.get, "/v2.0/network-ip-availabilities", NeutronIPAvailability.list)
    add(.get, "/v2.0/network-ip-availabilities/{id}", NeutronIPAvailability.show)
    add(.post, "/v2.0/flavors/{id}/service_profiles", NeutronFlavors.bind)
    add(.get, "/v2.0/auto-allocated-topology/{project}", NeutronAutoAllocation.show)
    add(.delete, "/v2.0/auto-allocated-topology/{project}", NeutronAutoAllocation.delete)
    NeutronQuotaAPI.register(in: &router)
    add(.get, "/v2.0/extensions", NeutronExtensions.list)
    add(.get, "/v2.0/extensions/{alias}", NeutronExtensions.show)
    add(.get, "/v2.0/availability_zones", ComputeService.listNetworkZones)
    return router
  }()

  static func list(_ resource: NeutronResource, _ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    let network = state.network
    var visible = network[resource.table].filter { resource.visible($0, caller, network) }
    if let shown = resource.shown { visible = visible.map { shown($0, network, caller) } }
    // The resource's own filters first; the table applies the others.
    var call = call
    for (name, filter) in resource.filters {
      let values = call.request.query.filter { $0.name == name }.map(\.value)
      guard !values.isEmpty else { continue }
      switch filter(values) {
      case .success(let test): visible = visible.filter(test)
      case .failure(let fault): return ResourceTable.response(fault)
      }
      call.request.query.removeAll { $0.name == name }
    }
    return resource.table.list(visible, call, isAdmin: caller.isAdmin, baseURL: state.endpoints[.network] ?? "")
  }

  /// The record of the path's ID the caller may see, or the resource's not-found fault.
  static func visibleRecord(_ resource: NeutronResource, _ state: CloudState, _ call: Call) -> Result<JSONObject, ResourceFault> {
    let id = call.parameters["id"] ?? ""
    guard let caller = call.caller, let record = state.network.record(resource.table, id),
      resource.visible(record, caller, state.network)
    else { return .failure(resource.table.notFound(id)) }
    return .success(record)
  }

  static func show(_ resource: NeutronResource, _ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    switch visibleRecord(resource, state, call).map({ resource.shown?($0, state.network, caller) ?? $0 }) {
    case .success(let record):
      let fields = call.request.query.filter { $0.name == "fields" }.map(\.value)
      return .json(200, .object([resource.table.member: resource.table.view(record, isAdmin: caller.isAdmin, fields: fields)]))
    case .failure(let fault): return ResourceTable.response(fault)
    }
  }

  static func create(_ resource: NeutronResource, _ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    let read = resource.table.readCreate(call.request.body, projectID: caller.projectID, isAdmin: caller.isAdmin)
    let preset = state.presetID
    state.presetID = nil
    let quota = { [state] (fields: JSONObject) -> Result<JSONObject, ResourceFault> in
      let project = fields["project_id"]?.string ?? caller.projectID
      return NeutronQuotaAPI.check(state, collection: resource.table.collection, project: project).map(Result.failure) ?? .success(fields)
    }
    switch read.flatMap(quota).flatMap({ state.network.create(resource, $0, caller: caller, presetID: preset) }).map({
      resource.shown?($0, state.network, caller) ?? $0
    }) {
    case .success(let record):
      return .json(201, .object([resource.table.member: resource.table.view(record, isAdmin: caller.isAdmin)]))
    case .failure(let fault): return ResourceTable.response(fault)
    }
  }

  static func update(_ resource: NeutronResource, _ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    let result = visibleRecord(resource, state, call).flatMap { record in
      resource.table.readUpdate(call.request.body).flatMap { changes in
        state.network.update(resource, record, changes, caller: caller)
      }
    }
    switch result.map({ resource.shown?($0, state.network, caller) ?? $0 }) {
    case .success(let record):
      return .json(200, .object([resource.table.member: resource.table.view(record, isAdmin: caller.isAdmin)]))
    case .failure(let fault): return ResourceTable.response(fault)
    }
  }

  static func delete(_ resource: NeutronResource, _ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    switch visibleRecord(resource, state, call) {
    case .success(let record):
      if let fault = resource.delete(&state.network, record, caller) { return ResourceTable.response(fault) }
      state.network.delete(resource.table, record["id"]?.string ?? "")
      return .noContent()
    case .failure(let fault): return ResourceTable.response(fault)
    }
  }

  /// `PUT /v2.0/<collection>/{id}/tags`: the record's tags replaced (`{"tags": [...]}`).
  static func setTags(_ resource: NeutronResource, _ state: inout CloudState, _ call: Call) -> APIResponse {
    switch visibleRecord(resource, state, call) {
    case .success(var record):
      let tags = (call.request.body?["tags"]?.array ?? []).compactMap(\.string)
      for tag in tags where tag.count > 255 {
        return ResourceTable.response(.badRequest("Invalid input for operation: '\(tag)' exceeds maximum length of 255."))
      }
      // Neutron keeps a set of tags; it lists them sorted.
      let sorted = Array(Set(tags)).sorted()
      record["tags"] = .array(sorted.map(JSON.string))
      state.network.touch(&record)
      state.network.update(resource.table, record)
      return .json(200, .object(["tags": .array(sorted.map(JSON.string))]))
    case .failure(let fault): return ResourceTable.response(fault)
    }
  }

  /// `GET /`: Neutron's one API version.
  static func versions(_ endpoints: [ServiceType: String]) -> APIResponse {
    .json(
      200,
      .object([
        "versions": .array([
          .object([
            "id": "v2.0", "status": "CURRENT",
            "links": .array([.object(["href": .string((endpoints[.network] ?? "") + "/v2.0/"), "rel": "self"])]),
          ])
        ])
      ]))
  }
}
