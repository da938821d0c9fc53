import CloudAPI
import Foundation

/// Nova's API (v2.1, microversions 2.1 to 2.104): flavors, servers and their actions, instance
/// actions and events, aggregates. Building and resizing are scheduled on the cloud's hosts:
/// what fits nowhere ends as Nova's `NoValidHost` ends.
enum ComputeService {
  static let minimumVersion = Microversion(2, 1)
  static let maximumVersion = Microversion(2, 104)

  static let router: Router<CloudState> = {
    var router = Router<CloudState>()
    router.add(.get, "/v2.1/flavors", listFlavors)
    router.add(.get, "/v2.1/flavors/detail", listFlavors)
    router.add(.get, "/v2.1/flavors/{id}", showFlavor)
    registerFlavorManagement(in: &router)
    router.add(.get, "/v2.1/servers", listServers)
    router.add(.get, "/v2.1/servers/detail", listServers)
    router.add(.post, "/v2.1/servers", createServer)
    router.add(.get, "/v2.1/servers/{id}", showServer)
    router.add(.delete, "/v2.1/servers/{id}", deleteServer)
    router.add(.post, "/v2.1/servers/{id}/action", serverAction)
    router.add(.get, "/v2.1/servers/{id}/topology", serverTopology)
    ServerInterfaceAPI.register(in: &router)
    router.add(.get, "/v2.1/servers/{id}/os-instance-actions", listActions)
    router.add(.get, "/v2.1/servers/{id}/os-instance-actions/{request}", showAction)
    router.add(.put, "/v2.1/servers/{id}", updateServer)
    router.add(.post, "/v2.1/servers/{id}/metadata", updateMetadata)
    router.add(.put, "/v2.1/servers/{id}/metadata", replaceMetadata)
    router.add(.delete, "/v2.1/servers/{id}/metadata/{key}", deleteMetadataItem)
    router.add(.put, "/v2.1/servers/{id}/tags", replaceTags)
    router.add(.put, "/v2.1/servers/{id}/tags/{tag}", addTag)
    router.add(.delete, "/v2.1/servers/{id}/tags", deleteTags)
    router.add(.delete, "/v2.1/servers/{id}/tags/{tag}", deleteTag)
    VolumeAttachmentAPI.register(in: &router)
    ServerShareAPI.register(in: &router)
    RemoteConsoleAPI.register(in: &router)
    MigrationAPI.register(in: &router)
    registerComputeAdmin(in: &router)
    registerHosts(in: &router)
    registerUsage(in: &router)
    NovaQuotaAPI.register(in: &router)
    registerKeypairs(in: &router)
    registerServerGroups(in: &router)
    router.add(.get, "/v2.1/os-availability-zone", listZones)
    router.add(.get, "/v2.1/os-availability-zone/detail", listZonesInDetail)
    return router
  }()

  /// The microversion a request asks for (`OpenStack-API-Version: compute X.Y`, or the legacy
  /// header), 2.1 when it asks for none; a fault when it cannot be served.
  static func requestedVersion(_ request: APIRequest) -> Result<Microversion, FaultResponse> {
    var text = request.headers["X-OpenStack-Nova-API-Version"]
    if let header = request.headers["OpenStack-API-Version"], let version = VersionHeader.version(header, service: "compute") {
      text = version
    }
    guard let text else { return .success(minimumVersion) }
    guard let version = text == "latest" ? maximumVersion : Microversion(text) else {
      return .failure(FaultResponse(.fault(400, "API Version String \(text) is of invalid format. Must be of format MajorNum.MinorNum.")))
    }
    guard version >= minimumVersion, version <= maximumVersion else {
      return .failure(
        FaultResponse(
          .fault(406, "Version \(version) is not supported by the API. Minimum is \(minimumVersion) and maximum is \(maximumVersion).")))
    }
    return .success(version)
  }

  /// `GET /`: the API's versions (v2.0 deprecated, v2.1 current).
  static func versions() -> APIResponse { versionsResponse }

  /// Made once, as the version document: every compute command negotiates its microversion.
  private static let versionsResponse: APIResponse = {
    func version(_ id: String, _ status: String, _ current: String, _ minimum: String, _ updated: String) -> JSON {
      .object([
        "id": .string(id), "status": .string(status), "version": .string(current), "min_version": .string(minimum),
        "updated": .string(updated),
        "links": .array([.object(["rel": "self", "href": .string("\(ServerView.endpoint)/\(id == "v2.0" ? "v2" : "v2.1")/")])]),
      ])
    }
    return .json(
      200,
      .object([
        "versions": .array([
          version("v2.0", "DEPRECATED", "", "", "2025-07-04T12:00:00Z"),
          version("v2.1", "CURRENT", maximumVersion.description, minimumVersion.description, "2013-07-23T11:33:21Z"),
        ])
      ]))
  }()

  /// `GET /v2.1/`: the version document the client negotiates with.
  static func versionDocument() -> APIResponse { versionDocumentResponse }

  private static let versionDocumentResponse: APIResponse =
    .json(
      200,
      .object([
        "version": .object([
          "id": "v2.1", "status": "CURRENT", "version": .string(maximumVersion.description),
          "min_version": .string(minimumVersion.description), "updated": "2013-07-23T11:33:21Z",
          "links": .array([
            .object(["rel": "self", "href": .string("\(ServerView.endpoint)/v2.1/")]),
            .object(["rel": "describedby", "type": "text/html", "href": "http://docs.openstack.org/"]),
          ]),
          "media-types": .array([
            .object(["base": "application/json", "type": "application/vnd.openstack.compute+json;version=2.1"])
          ]),
        ])
      ]))

  // MARK: Flavors

  /// `flavors.py` `_get_flavors`: `minRam` and `minDisk` read with `int()`; `is_public` is an
  /// admin's (`none` for every flavor, else a strict boolean; public by default), others always see
  /// the public flavors.
  static let flavorFilters = QueryFilters<ComputeState.Flavor>([
    .atLeast("minRam", { $0.definition.ram }, fault: { .fault(400, "Invalid minRam filter [\($0)]") }),
    .atLeast("minDisk", { $0.definition.disk }, fault: { .fault(400, "Invalid minDisk filter [\($0)]") }),
  ])

  static func listFlavors(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let detail = call.request.path.hasSuffix("/detail")
    // Public or private flavors only, or (`nil`) both.
    var publicity: Bool? = true
    if call.caller?.isAdmin ?? false, let text = call.query("is_public") {
      if text.lowercased() == "none" {
        publicity = nil
      } else {
        guard let wanted = StrictBool.parse(text) else { return .fault(400, "Invalid is_public filter [\(text)]") }
        publicity = wanted
      }
    }
    // Others see the public flavors and the private ones open to their project.
    let project = (call.caller?.isAdmin ?? false) ? nil : call.caller?.projectID
    let visible = state.compute.flavors.filter { flavor in
      !flavor.deleted
        && (publicity.map { $0 == flavor.definition.isPublic } ?? true
          || project.map(flavor.accessProjects.contains) ?? false)
    }
    let version = state.computeVersion
    return flavorFilters.apply(visible, call) { flavors in
      let views = flavors.map { detail ? flavorView($0.definition, version) : basicFlavor($0.definition, version) }
      return .json(200, .object(["flavors": .array(views)]))
    }
  }

  static func showFlavor(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let id = call.parameters["id"] ?? ""
    guard let flavor = visibleFlavor(state, call) else { return .fault(404, "Flavor \(id) could not be found.") }
    return .json(200, .object(["flavor": flavorView(flavor.definition, state.computeVersion)]))
  }

  private static func basicFlavor(_ flavor: CloudDefinition.Flavor, _ version: Microversion) -> JSON {
    var body: JSONObject = [
      "id": .string(flavor.id), "name": .string(flavor.name),
      "links": ServerView.links("flavors", flavor.id, bookmarkOnly: false),
    ]
    if version >= Microversion(2, 55) { body["description"] = .orNull(flavor.description) }
    return .object(body)
  }

  /// `views/flavors.py` `show()`.
  static func flavorView(_ flavor: CloudDefinition.Flavor, _ version: Microversion) -> JSON {
    var body: JSONObject = [
      "id": .string(flavor.id), "name": .string(flavor.name), "ram": .int(flavor.ram), "disk": .int(flavor.disk),
      "swap": flavor.swap == 0 && version < Microversion(2, 75) ? "" : .int(flavor.swap),
      "OS-FLV-EXT-DATA:ephemeral": .int(flavor.ephemeral),
    ]
    if version < Microversion(2, 102) { body.appendNew("OS-FLV-DISABLED:disabled", false) }
    body.appendNew("vcpus", .int(flavor.vcpus))
    body.appendNew("os-flavor-access:is_public", .bool(flavor.isPublic))
    if version < Microversion(2, 102) { body.appendNew("rxtx_factor", .double(flavor.rxtxFactor)) }
    body.appendNew("links", ServerView.links("flavors", flavor.id, bookmarkOnly: false))
    if version >= Microversion(2, 55) { body.appendNew("description", .orNull(flavor.description)) }
    if version >= Microversion(2, 61) {
      body.appendNew("extra_specs", .object(JSONObject(uniqueKeysWithValues: flavor.extraSpecs.map { ($0, JSON.string($1)) })))
    }
    return .object(body)
  }

  // MARK: Servers

  /// The servers a caller sees: its project's, or every one for an admin who asks for all.
  private static func visibleServers(_ state: CloudState, _ call: Call, all: Bool) -> [ComputeState.Server] {
    state.compute.servers.filter { $0.vmState != "deleted" && (all || $0.projectID == call.caller?.projectID) }
  }

  /// Nova's `is_all_tenants`: given without a value it asks for all, otherwise its value is
  /// oslo's strict boolean (400 for anything else); asking is an admin's right (403 for others,
  /// under the policy of the list asked for).
  private static func asksForAllTenants(_ call: Call, detail: Bool) -> Result<Bool, FilterFault> {
    guard let value = call.query("all_tenants") else { return .success(false) }
    guard !value.isEmpty else { return allowedAllTenants(call, detail: detail) }
    guard let wanted = StrictBool.parse(value) else {
      return .failure(FilterFault(response: .fault(400, "Invalid input received: \(StrictBool.unrecognized(value))")))
    }
    return wanted ? allowedAllTenants(call, detail: detail) : .success(false)
  }

  private static func allowedAllTenants(_ call: Call, detail: Bool) -> Result<Bool, FilterFault> {
    guard call.caller?.isAdmin ?? false else {
      let rule = "os_compute_api:servers:\(detail ? "detail" : "index"):get_all_tenants"
      return .failure(FilterFault(response: .fault(403, "Policy doesn't allow \(rule) to be performed.")))
    }
    return .success(true)
  }

  /// The server the path names: the caller's project's, or any for an admin.
  static func server(_ state: CloudState, _ call: Call) -> ComputeState.Server? {
    let id = call.parameters["id"] ?? ""
    let isAdmin = call.caller?.isAdmin ?? false
    return state.compute.servers.first {
      $0.id == id && $0.vmState != "deleted" && (isAdmin || $0.projectID == call.caller?.projectID)
    }
  }

  static func instanceNotFound(_ call: Call) -> APIResponse {
    .fault(404, "Instance \(call.parameters["id"] ?? "") could not be found.")
  }

  /// Nova's server filters for everyone (`_get_server_search_options`): `name`, `reservation_id`
  /// and the addresses regular expressions, `status` in any case, flavor and image by ID, tags
  /// (2.26), times (`changes-since`, `changes-before` from 2.66), `locked` (2.73), and from 2.83
  /// the zone, key pair, states, progress and user.
  static let userServerFilters: [QueryFilter<ComputeState.Server>] = [
    .pattern("name", { $0.name }, matcher: TextSearch.regexp),
    .pattern("reservation_id", { $0.reservationID }, matcher: TextSearch.regexp),
    QueryFilter(parameter: "status") { status in .success { $0.status == status.uppercased() } },
    .exact("flavor", { $0.flavorID }), .exact("image", { $0.imageID }),
    addresses("ip", version: 4), addresses("ip6", version: 6).since(Microversion(2, 5)),
    tags("tags") { wanted, have in wanted.allSatisfy(have.contains) }.since(Microversion(2, 26)),
    tags("tags-any") { wanted, have in wanted.contains(where: have.contains) }.since(Microversion(2, 26)),
    tags("not-tags") { wanted, have in !wanted.allSatisfy(have.contains) }.since(Microversion(2, 26)),
    tags("not-tags-any") { wanted, have in !wanted.contains(where: have.contains) }.since(Microversion(2, 26)),
    changes("changes-since") { $0 >= $1 },
    changes("changes-before") { $0 <= $1 }.since(Microversion(2, 66)),
    .boolean("locked", { $0.locked }, fault: lockedFault).since(Microversion(2, 73)),
    .pattern("availability_zone", { $0.availabilityZone }, matcher: TextSearch.regexp).since(Microversion(2, 83)),
    // The column's own text (`True` or empty), compared as it is (Nova's bug 1871409: `False`
    // matches nothing).
    .exact("config_drive", { $0.request.configDrive ? "True" : "" }).since(Microversion(2, 83)),
    .pattern("key_name", { $0.request.keyName }, matcher: TextSearch.regexp).since(Microversion(2, 83)),
    .exact("power_state", { String($0.powerState) }).since(Microversion(2, 83)),
    .exact("task_state", { $0.taskState }).since(Microversion(2, 83)),
    .exact("vm_state", { $0.vmState }).since(Microversion(2, 83)),
    .exact("progress", { ["ACTIVE", "BUILD"].contains($0.status) ? "0" : nil }).since(Microversion(2, 83)),
    .exact("user_id", { $0.userID }).since(Microversion(2, 83)),
  ]

  /// An admin's (`allow_all_filters`): every one, the host and instance name, the user at any
  /// version, and the project (with `all_tenants`).
  static let adminServerFilters = QueryFilters<ComputeState.Server>(
    userServerFilters.map { $0.parameter == "user_id" ? .exact("user_id", { $0.userID }) : $0 } + [
      .exact("host", { $0.host }), .pattern("instance_name", { $0.instanceName }, matcher: TextSearch.regexp),
      .exact("project_id", { $0.projectID }),
    ])

  static let serverFilters = QueryFilters<ComputeState.Server>(userServerFilters)

  /// `ip`, `ip6`: a regular expression matched from the start of any fixed address of the
  /// version (`re.match`).
  private static func addresses(_ parameter: String, version: Int) -> QueryFilter<ComputeState.Server> {
    QueryFilter(parameter: parameter) { pattern in
      let expression = try? NSRegularExpression(pattern: pattern)
      return .success { server in
        server.addresses.contains { address in
          // `_ip_filter` reads the fixed IPs of the network info cache, not the floating ones.
          guard address.version == version, address.type == "fixed", let expression else { return false }
          let range = NSRange(address.address.startIndex..., in: address.address)
          return expression.firstMatch(in: address.address, options: .anchored, range: range) != nil
        }
      }
    }
  }

  /// A comma-separated list of tags, tested against the server's.
  private static func tags(_ parameter: String, _ test: @escaping @Sendable ([String], [String]) -> Bool)
    -> QueryFilter<ComputeState.Server>
  {
    QueryFilter(parameter: parameter) { text in
      let wanted = text.split(separator: ",").map(String.init)
      return .success { test(wanted, $0.tags) }
    }
  }

  /// A time (`2025-04-22T16:00:00Z`, or with an offset) compared with when the server last
  /// changed; anything else is the query schema's 400.
  private static func changes(_ parameter: String, _ test: @escaping @Sendable (Int64, Int64) -> Bool)
    -> QueryFilter<ComputeState.Server>
  {
    QueryFilter(parameter: parameter) { text in
      guard let time = VirtualClock.parseISO(text) else {
        return .failure(
          FilterFault(
            response: .fault(400, "Invalid input for query parameters \(parameter). Value: \(text). '\(text)' is not a 'date-time'")))
      }
      return .success { test($0.updated, time) }
    }
  }

  private static let lockedFault: @Sendable (String) -> APIResponse = {
    .fault(400, "Invalid input for query parameters locked. Value: \($0). '\($0)' is not one of ['true', 'false', 'True', 'False']")
  }

  static func listServers(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let detail = call.request.path.hasSuffix("/detail")
    let all: Bool
    switch asksForAllTenants(call, detail: detail) {
    case .success(let wanted): all = wanted
    case .failure(let fault): return fault.response
    }
    let view = ServerView(version: state.computeVersion, isAdmin: call.caller?.isAdmin ?? false)
    let filters = (call.caller?.isAdmin ?? false) ? adminServerFilters : serverFilters
    let endpoint = state.endpoints[.compute] ?? ServerView.endpoint
    let everyServer = state.compute.servers
    return filters.apply(visibleServers(state, call, all: all), call, version: state.computeVersion) { servers in
      // Newest first (`created_at desc`), then the page.
      let page: (servers: [ComputeState.Server], next: String?)
      switch ServerPaging.page(Array(servers.reversed()), of: everyServer, call, endpoint: endpoint, detail: detail) {
      case .failure(let fault): return fault.response
      case .success(let found): page = found
      }
      let items = page.servers.map { server -> JSON in
        detail
          ? view.view(server, detail: true, in: state)
          : .object([
            "id": .string(server.id), "name": .string(server.name),
            "links": ServerView.links("servers", server.id, bookmarkOnly: false),
          ])
      }
      var body: JSONObject = ["servers": .array(items)]
      if let next = page.next { body["servers_links"] = .array([.object(["rel": "next", "href": .string(next)])]) }
      return .json(200, .object(body))
    }
  }

  static func showServer(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let server = server(state, call) else { return instanceNotFound(call) }
    let view = ServerView(version: state.computeVersion, isAdmin: call.caller?.isAdmin ?? false)
    return .json(200, .object(["server": view.view(server, detail: false, in: state)]))
  }

  /// Records an event of the server's latest action of that kind: started at `start`, finished
  /// now, `Error` with the traceback or `Success`; a failed event marks its action `Error`.
  static func finish(
    _ id: String, action name: String, event: String, start: Int64, host: String?, traceback: String?,
    in state: inout CloudState
  ) {
    guard let index = state.compute.actions.lastIndex(where: { $0.serverID == id && $0.action == name }) else { return }
    state.compute.actions[index].events.append(
      ComputeState.Event(
        name: event, start: start, finish: state.clock.now, result: traceback == nil ? "Success" : "Error",
        traceback: traceback, host: host))
    state.compute.actions[index].updated = state.clock.now
    if traceback != nil { state.compute.actions[index].message = "Error" }
  }

  /// `action_event_start`: the event shown as running (no finish, no result), the action's
  /// `updated_at` its start.
  static func startEvent(_ id: String, action name: String, event: String, host: String?, in state: inout CloudState) {
    guard let index = state.compute.actions.lastIndex(where: { $0.serverID == id && $0.action == name }) else { return }
    state.compute.actions[index].events.append(
      ComputeState.Event(name: event, start: state.clock.now, finish: nil, result: nil, traceback: nil, host: host))
    state.compute.actions[index].updated = state.clock.now
  }

  /// `action_event_finish` of an event `startEvent` began: its finish and result, the action
  /// `Error` when it failed.
  static func endEvent(_ id: String, action name: String, event: String, traceback: String?, in state: inout CloudState) {
    guard let index = state.compute.actions.lastIndex(where: { $0.serverID == id && $0.action == name }),
      let position = state.compute.actions[index].events.firstIndex(where: { $0.name == event })
    else { return }
    state.compute.actions[index].events[position].finish = state.clock.now
    state.compute.actions[index].events[position].result = traceback == nil ? "Success" : "Error"
    state.compute.actions[index].events[position].traceback = traceback
    state.compute.actions[index].updated = state.clock.now
    if traceback != nil { state.compute.actions[index].message = "Error" }
  }

  static func deleteServer(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let server = server(state, call), let caller = call.caller else { return instanceNotFound(call) }
    guard state.compute.servers.contains(where: { $0.id == server.id }) else { return instanceNotFound(call) }
    if server.locked, !caller.isAdmin { return .fault(409, "Instance \(server.id) is locked") }
    startDelete(server, caller, call, &state)
    return .noContent()
  }

  /// `_delete`: the server `deleting` at once, recorded as a `delete` action, and gone (its
  /// volumes, shares and ports released) a moment later.
  private static func startDelete(_ server: ComputeState.Server, _ caller: Caller, _ call: Call, _ state: inout CloudState) {
    guard let index = state.compute.servers.firstIndex(where: { $0.id == server.id }) else { return }
    state.compute.servers[index].taskState = "deleting"
    state.compute.actions.append(
      ComputeState.Action(
        action: "delete", serverID: server.id, requestID: call.requestID, userID: caller.userID,
        projectID: caller.projectID, start: state.clock.now, updated: state.clock.now, message: nil))
    let id = server.id
    state.after(1_500_000) { state in
      guard let index = state.compute.servers.firstIndex(where: { $0.id == id }) else { return }
      VolumeAttachmentAPI.serverDeleted(&state, serverID: id)
      ServerShareAPI.serverDeleted(&state, serverID: id)
      state.compute.servers[index].vmState = "deleted"
      state.compute.servers[index].taskState = nil
      state.compute.servers[index].terminated = state.clock.now
      state.network.now = state.clock.now
      for interface in state.compute.servers[index].interfaces { ServerPorts.release(interface, in: &state.network) }
      state.compute.servers[index].interfaces = []
      state.compute.servers[index].addresses = []
    }
  }

  /// `GET /servers/{id}/topology` (`server_topology.py`, 2.78): a server without a NUMA
  /// topology (no NUMA nodes, dedicated CPUs or page size asked by its flavor's extra specs or
  /// its image's properties) has no nodes. What Nova's scheduler would place for one that asks is
  /// not emulated.
  static func serverTopology(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard state.computeVersion >= Microversion(2, 78) else { return .fault(404, "The resource could not be found.") }
    guard let server = server(state, call) else { return instanceNotFound(call) }
    let specs = (state.compute.embeddedFlavor(server.flavorID)?.definition.extraSpecs ?? [])
      + (state.images.images.first { $0.id == server.imageID }?.extraProperties ?? []).map { key, value in
        // An image's `hw_numa_nodes` is the flavor's `hw:numa_nodes`.
        (key.hasPrefix("hw_") ? "hw:" + key.dropFirst(3) : key, value)
      }
    let numa = specs.contains { key, value in
      key.hasPrefix("hw:numa_") || key == "hw:mem_page_size" || key == "hw:cpu_policy" && value != "shared"
    }
    if numa { return .fault(501, "The NUMA topology of a server is not emulated") }
    return .json(200, .object(["nodes": .array([]), "pagesize_kb": .null]))
  }

  /// `POST /servers/{id}/action`: resize, confirmResize, revertResize.
  static func serverAction(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let server = server(state, call), let caller = call.caller,
      let index = state.compute.servers.firstIndex(where: { $0.id == server.id })
    else { return instanceNotFound(call) }
    let body = call.request.body?.object ?? [:]
    func record(_ action: String) {
      state.compute.actions.append(
        ComputeState.Action(
          action: action, serverID: server.id, requestID: call.requestID, globalRequestID: call.globalRequestID,
          userID: caller.userID, projectID: caller.projectID, start: state.clock.now, updated: state.clock.now,
          message: nil))
    }
    func conflict(_ action: String) -> APIResponse {
      .fault(409, "Cannot '\(action)' instance \(server.id) while it is in vm_state \(server.vmState)")
    }
    // `check_instance_lock`: a locked server takes no action but from an admin (a snapshot is
    // not checked: the lock is against changing the server).
    let key = body.keys.first ?? ""
    // Checked before the lock: `shelveOffload`'s policy (admins only) and `shelve`'s
    // `block_shares_not_supported`.
    if key == "shelveOffload", !caller.isAdmin {
      return .fault(403, "Policy doesn't allow os_compute_api:os-shelve:shelve_offload to be performed.")
    }
    if key == "shelve", state.compute.shareMappings.contains(where: { $0.serverID == server.id }) {
      return .fault(409, "Feature not supported with instances that have shares.")
    }
    if server.locked, !caller.isAdmin, !["lock", "unlock", "os-getConsoleOutput", "createImage"].contains(key),
      !RemoteConsoleAPI.actions.contains(key)
    {
      return .fault(409, "Instance \(server.id) is locked")
    }
    if RemoteConsoleAPI.actions.contains(key) { return RemoteConsoleAPI.action(key, body, on: server, &state) }
    switch body.keys.first {
    case "resize":
      guard server.vmState == "active" || server.vmState == "stopped", server.taskState == nil else { return conflict("resize") }
      let flavorRef = body["resize"]?["flavorRef"]?.string ?? ""
      guard let flavor = state.compute.flavor(flavorRef)?.definition else {
        return .fault(400, "Unable to find flavor with ID \(flavorRef).")
      }
      guard flavorRef != server.flavorID else { return .fault(400, "When resizing, instances must change flavor!") }
      record("resize")
      state.compute.servers[index].taskState = "resize_prep"
      state.compute.servers[index].updated = state.clock.now
      let id = server.id
      state.after(400_000) { state in migrate(id, to: flavor, in: &state) }
      return APIResponse(status: 202)
    case "confirmResize":
      guard server.vmState == "resized" else { return conflict("confirmResize") }
      record("confirmResize")
      // The API marks the record `confirming`, the source host `confirmed` once it cleaned up.
      if let migration = MigrationRecords.finished(of: server.id, in: state) {
        MigrationRecords.update(migration, in: &state) { $0.status = "confirmed" }
      }
      state.compute.servers[index].vmState = "active"
      state.compute.servers[index].oldFlavorID = nil
      state.compute.servers[index].sourceHost = nil
      return .noContent()
    case "forceDelete":
      // `deferred_delete.py` `_force_delete`: `force_delete` takes a server in any state (the
      // lock checked above), deleted as a plain delete is; 202 without a body.
      startDelete(server, caller, call, &state)
      return APIResponse(status: 202)
    case "revertResize":
      guard server.vmState == "resized" else { return conflict("revertResize") }
      record("revertResize")
      // `reverting`, then `reverted` once the server runs on its source host again.
      if let migration = MigrationRecords.finished(of: server.id, in: state) {
        MigrationRecords.update(migration, in: &state) { $0.status = "reverted" }
      }
      state.compute.servers[index].vmState = "active"
      state.compute.servers[index].flavorID = server.oldFlavorID ?? server.flavorID
      state.compute.servers[index].oldFlavorID = nil
      if let source = server.sourceHost { state.compute.servers[index].host = source }
      state.compute.servers[index].sourceHost = nil
      return APIResponse(status: 202)
    default:
      if let action = PowerAction.all.first(where: { body[$0.key] != nil }) {
        return action.perform(on: index, body: body, call, &state)
      }
      if let response = lifecycleAction(body, on: index, call, &state) { return response }
      if let response = ServerInterfaceAPI.action(body, on: server, call, &state) { return response }
      return .fault(400, "There is no such action: \(body.keys.first ?? "")")
    }
  }

  /// The conductor's cold migration for a resize: the new flavor must fit a host beside the
  /// old one (placement holds both while the server moves), its migration record `finished`
  /// there; when none can, `NoValidHost` leaves the server active with its flavor, its events,
  /// action and record in error, and a fault.
  private static func migrate(_ id: String, to flavor: CloudDefinition.Flavor, in state: inout CloudState) {
    guard let index = state.compute.servers.firstIndex(where: { $0.id == id }) else { return }
    // The conductor takes the request at once and is done within a second (the times are kept to
    // the second): its events start when the action did and finish a second later.
    let action = state.compute.actions.last { $0.serverID == id && $0.action == "resize" }
    let start = action?.start ?? state.clock.now
    let conductorHost = state.compute.hosts.first?.name
    let server = state.compute.servers[index]
    let migration = MigrationRecords.open(
      "resize", of: server, status: "pre-migrating", flavors: (server.flavorID, flavor.id),
      userID: action?.userID ?? server.userID, projectID: action?.projectID ?? server.projectID, in: &state)
    state.clock.set(max(state.clock.now, start + 1_000_000))
    if let host = state.compute.hosts(fitting: flavor).first {
      MigrationRecords.claim(migration, on: host.name, status: "finished", in: &state)
      state.compute.servers[index].oldFlavorID = state.compute.servers[index].flavorID
      state.compute.servers[index].flavorID = flavor.id
      state.compute.servers[index].sourceHost = state.compute.servers[index].host
      state.compute.servers[index].host = host.name
      state.compute.servers[index].vmState = "resized"
      state.compute.servers[index].taskState = nil
      state.compute.servers[index].updated = state.clock.now
      finish(id, action: "resize", event: "conductor_migrate_server", start: start, host: conductorHost, traceback: nil, in: &state)
      finish(id, action: "resize", event: "cold_migrate", start: start, host: conductorHost, traceback: nil, in: &state)
      return
    }
    let message = "No valid host was found. No valid host found for resize"
    MigrationRecords.update(migration, in: &state) { $0.status = "error" }
    if let action = state.compute.actions.last(where: { $0.serverID == id && $0.action == "resize" }) {
      state.record(
        LogRecord(
          time: state.clock.now, service: "nova-conductor", level: "WARNING", logger: "nova.scheduler.utils",
          globalRequestID: action.globalRequestID, requestID: action.requestID, userID: action.userID,
          projectID: action.projectID, message: "Failed to compute_task_migrate_server: \(message)"))
    }
    state.compute.servers[index].taskState = nil
    state.compute.servers[index].updated = state.clock.now
    state.compute.servers[index].fault = ComputeState.Fault(
      code: 500, created: state.clock.now, message: message, details: Tracebacks.resizeFailure(message))
    // Events are listed newest first: cold_migrate started after conductor_migrate_server.
    finish(id, action: "resize", event: "conductor_migrate_server", start: start, host: conductorHost,
      traceback: Tracebacks.migrateServerEvent, in: &state)
    finish(id, action: "resize", event: "cold_migrate", start: start, host: conductorHost,
      traceback: Tracebacks.coldMigrateEvent, in: &state)
  }

  // MARK: Instance actions

  static func listActions(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let server = server(state, call) else { return instanceNotFound(call) }
    let version = state.computeVersion
    let all = Array(state.compute.actions.filter { $0.serverID == server.id }.reversed())
    let baseURL = (state.endpoints[.compute] ?? "http://devstack/compute") + "/v2.1"
    switch InstanceActionPaging.page(all, serverID: server.id, call, version: version, baseURL: baseURL) {
    case .failure(let fault): return fault.response
    case .success(let page):
      var body: JSONObject = ["instanceActions": .array(page.actions.map { .object(actionView($0, version)) })]
      if !page.links.isEmpty { body["links"] = .array(page.links) }
      return .json(200, .object(body))
    }
  }

  static func showAction(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let server = server(state, call) else { return instanceNotFound(call) }
    let requestID = call.parameters["request"] ?? ""
    guard let action = state.compute.actions.last(where: { $0.serverID == server.id && $0.requestID == requestID }) else {
      return .fault(404, "Action \(requestID) not found")
    }
    let version = state.computeVersion
    let isAdmin = call.caller?.isAdmin ?? false
    var body = actionView(action, version)
    // nova/policies/instance_actions.py: events for admins, and for everyone from 2.51;
    // tracebacks for admins; host for admins and hostId for everyone from 2.62; details for
    // admins from 2.84.
    if isAdmin || version >= Microversion(2, 51) {
      body["events"] = .array(
        action.events.reversed().map { event in
          var fields: JSONObject = [
            "event": .string(event.name), "start_time": .string(VirtualClock.isoDatabase(event.start)),
            "finish_time": event.finish.map { .string(VirtualClock.isoDatabase($0)) } ?? .null,
            "result": .orNull(event.result),
          ]
          if isAdmin { fields["traceback"] = .orNull(event.traceback) }
          if version >= Microversion(2, 62) {
            if isAdmin { fields["host"] = .orNull(event.host) }
            fields["hostId"] = .string(event.host.map { SHA224.hexDigest(action.projectID + $0) } ?? "")
          }
          if version >= Microversion(2, 84), isAdmin { fields["details"] = .null }
          return .object(fields)
        })
    }
    return .json(200, .object(["instanceAction": .object(body)]))
  }

  private static func actionView(_ action: ComputeState.Action, _ version: Microversion) -> JSONObject {
    var body: JSONObject = [
      "action": .string(action.action), "instance_uuid": .string(action.serverID),
      "request_id": .string(action.requestID), "user_id": .string(action.userID),
      "project_id": .string(action.projectID), "start_time": .string(VirtualClock.isoDatabase(action.start)),
      "message": .orNull(action.message),
    ]
    if version >= Microversion(2, 58) { body["updated_at"] = .string(VirtualClock.isoDatabase(action.updated)) }
    return body
  }
}
