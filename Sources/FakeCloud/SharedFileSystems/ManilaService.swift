import CloudAPI

/// Manila's v2 API (microversions 2.0 to 2.99): version discovery and share networks; the
/// other resources register their routes here.
enum ManilaService {
  static let minimumVersion = Microversion(2, 0)
  static let maximumVersion = Microversion(2, 99)

  static let router: Router<CloudState> = {
    var router = Router<CloudState>()
    ShareTypeService.register(in: &router)
    ShareAdoption.register(in: &router)
    ShareGroupTypeService.register(in: &router)
    router.add(.post, "/v2/share-networks", createShareNetwork)
    router.add(.get, "/v2/share-networks", listShareNetworksBrief)
    router.add(.get, "/v2/share-networks/detail", listShareNetworks)
    router.add(.get, "/v2/share-networks/{id}", showShareNetwork)
    router.add(.delete, "/v2/share-networks/{id}", deleteShareNetwork)
    router.add(.put, "/v2/share-networks/{id}", updateShareNetwork)
    ShareNetworkSubnetService.register(in: &router)
    ShareNetworkSubnetMetadata.register(in: &router)
    router.add(.post, "/v2/share-networks/{id}/action", SecurityServiceService.networkAction)
    SecurityServiceService.register(in: &router)
    LimitsService.register(in: &router)
    ShareService.register(in: &router)
    ShareAccessService.register(in: &router)
    SnapshotService.register(in: &router)
    ShareUpdates.register(in: &router)
    ShareBackupService.register(in: &router)
    ShareTransferService.register(in: &router)
    ResourceLockService.register(in: &router)
    ShareServerService.register(in: &router)
    ManilaQuotaService.register(in: &router)
    ShareGroupService.register(in: &router)
    ShareGroupSnapshotService.register(in: &router)
    ShareReplicaService.register(in: &router)
    ShareInfrastructureService.register(in: &router)
    return router
  }()

  /// The microversion a request asks for in `X-OpenStack-Manila-API-Version` (2.0 when it names
  /// none; Manila does not read `OpenStack-API-Version`), or the fault Manila answers for one it
  /// cannot serve.
  static func requestedVersion(_ request: APIRequest) -> Result<Microversion, FaultResponse> {
    guard let text = request.headers["X-OpenStack-Manila-API-Version"] else { return .success(minimumVersion) }
    let version = text == "latest" ? maximumVersion : Microversion(text)
    guard let version else {
      return .failure(FaultResponse(.fault(400, "Invalid API version request string \(text).")))
    }
    guard version >= minimumVersion, version <= maximumVersion else {
      return .failure(
        FaultResponse(
          .fault(
            406, "Version \(version) is not supported by the API. Minimum is \(minimumVersion) and maximum is \(maximumVersion).")))
    }
    return .success(version)
  }

  /// `GET /`: the versions document (v2.0 only: v1 is gone), with status 300 as Manila answers it.
  static func versions() -> APIResponse { versionsDocument }

  /// Built once: every command reads it to negotiate its microversion.
  private static let versionsDocument: APIResponse = {
    func version(_ id: String, _ status: String, _ current: String, _ minimum: String) -> JSON {
      .object([
        "id": .string(id), "status": .string(status), "version": .string(current), "min_version": .string(minimum),
        "updated": "2015-08-27T11:33:21Z", "links": .array([]),
        "media-types": .array([
          .object(["base": "application/json", "type": "application/vnd.openstack.share+json;version=1"])
        ]),
      ])
    }
    return .json(
      300,
      .object([
        "versions": .array([version("v2.0", "CURRENT", maximumVersion.description, minimumVersion.description)])
      ]))
  }()

  // MARK: Share networks

  static func createShareNetwork(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller, let body = call.request.body?["share_network"], case .object = body else {
      return .fault(400, "Malformed request body")
    }
    let created = state.clock.now
    let subnet = ManilaState.ShareNetworkSubnet(
      id: state.ids.uuid(), neutronNetID: body["neutron_net_id"]?.string,
      neutronSubnetID: body["neutron_subnet_id"]?.string, availabilityZone: body["availability_zone"]?.string,
      created: created + 25_368)
    let network = ManilaState.ShareNetwork(
      id: state.newResourceID(), name: body["name"]?.string, description: body["description"]?.string,
      projectID: caller.projectID, created: created, subnets: [subnet])
    state.manila.shareNetworks.append(network)
    return .json(200, .object(["share_network": shareNetworkView(network, caller: caller, version: state.version(call))]))
  }

  static func listShareNetworks(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let version = state.version(call)
    return visibleShareNetworks(state, call) { networks in
      .json(200, .object(["share_networks": .array(networks.map { shareNetworkView($0, caller: call.caller, version: version) })]))
    }
  }

  static func listShareNetworksBrief(_ state: inout CloudState, _ call: Call) -> APIResponse {
    visibleShareNetworks(state, call) { networks in
      .json(200, .object(["share_networks": .array(networks.map { JSON.object(["id": .string($0.id), "name": .orNull($0.name)]) })]))
    }
  }

  static func showShareNetwork(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let network = shareNetwork(state, call) else { return shareNetworkNotFound(call) }
    return .json(200, .object(["share_network": shareNetworkView(network, caller: call.caller, version: state.version(call))]))
  }

  static func deleteShareNetwork(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let network = shareNetwork(state, call) else { return shareNetworkNotFound(call) }
    state.manila.shareNetworks.removeAll { $0.id == network.id }
    return .noContent()
  }

  /// `update`: the name and description, and the default subnet's Neutron network and subnet
  /// (both, when it has neither yet).
  static func updateShareNetwork(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let body = call.request.body?["share_network"], case .object(let values) = body else {
      return .fault(422, "Unable to process the contained instructions")
    }
    guard let network = shareNetwork(state, call), let index = state.manila.shareNetworks.firstIndex(where: { $0.id == network.id })
    else { return shareNetworkNotFound(call) }
    if values["nova_net_id"] != nil { return .fault(400, "nova networking is not supported starting in Ocata.") }
    if values["neutron_net_id"] != nil || values["neutron_subnet_id"] != nil {
      let id = network.id
      let defaults = network.subnets.indices.filter { network.subnets[$0].availabilityZone == nil }
      let serves = "'default' subnet that serves all availability zones, so subnet details ('neutron_net_id', 'neutron_subnet_id') cannot be updated."
      guard let subnet = defaults.first else { return .fault(400, "The share network \(id) does not have a \(serves)") }
      if defaults.count > 1 { return .fault(400, "The share network \(id) does not have an unique \(serves)") }
      let current = network.subnets[subnet]
      if current.neutronNetID == nil && current.neutronSubnetID == nil
        && (values["neutron_net_id"]?.string == nil || values["neutron_subnet_id"]?.string == nil)
      {
        return .fault(400, "To update the share network \(id) you need to specify both 'neutron_net_id' and 'neutron_subnet_id'.")
      }
      if let net = values["neutron_net_id"] { state.manila.shareNetworks[index].subnets[subnet].neutronNetID = net.string }
      if let sub = values["neutron_subnet_id"] { state.manila.shareNetworks[index].subnets[subnet].neutronSubnetID = sub.string }
    }
    if let name = values["name"] { state.manila.shareNetworks[index].name = name.string }
    if let description = values["description"] { state.manila.shareNetworks[index].description = description.string }
    state.manila.shareNetworks[index].updated = state.clock.now
    let view = shareNetworkView(state.manila.shareNetworks[index], caller: call.caller, version: state.version(call))
    return .json(200, .object(["share_network": view]))
  }

  /// `_get_share_networks`: the caller's project's networks (an admin's: every project's with
  /// `all_tenants`, or `project_id`'s), created in the days `created_since` and `created_before`
  /// name, then every other query item searched as Manila searches it.
  private static func visibleShareNetworks(
    _ state: CloudState, _ call: Call, respond: ([ManilaState.ShareNetwork]) -> APIResponse
  ) -> APIResponse {
    let isAdmin = call.caller?.isAdmin ?? false
    var networks = state.manila.shareNetworks.filter { network in
      guard isAdmin else { return network.projectID == call.caller?.projectID }
      if let project = call.query("project_id") { return network.projectID == project }
      return call.query("all_tenants") != nil || network.projectID == call.caller?.projectID
    }
    for (parameter, keeps) in [("created_since", (>=) as (String, String) -> Bool), ("created_before", (<=))] {
      guard let text = call.query(parameter) else { continue }
      guard let day = isoDay(text) else { return .fault(400, "\(text) is not in yyyy-mm-dd format.") }
      networks = networks.filter { keeps(VirtualClock.isoMicroseconds($0.created), day + "T00:00:00.000000") }
    }
    switch ShareNetworkSearch(call: call, isAdmin: isAdmin, version: state.version(call)).apply(to: networks) {
    case .success(let found): return respond(found)
    case .failure(let fault): return fault.response
    }
  }

  /// `timeutils.parse_strtime(text, "%Y-%m-%d")`: the day, written `yyyy-mm-dd`.
  private static func isoDay(_ text: String) -> String? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    return "\(parts[0])-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
  }

  static func shareNetwork(_ state: CloudState, _ call: Call) -> ManilaState.ShareNetwork? {
    state.manila.shareNetworks.first {
      $0.id == call.parameters["id"] && ($0.projectID == call.caller?.projectID || (call.caller?.isAdmin ?? false))
    }
  }

  static func shareNetworkNotFound(_ call: Call) -> APIResponse {
    .fault(404, "Share network \(call.parameters["id"] ?? "") could not be found.")
  }

  /// `manila/api/views/share_networks.py` at the negotiated microversion, its modifiers applied
  /// in the view's order. Network details
  /// (`network_type`, `segmentation_id`) are shown to admins only.
  static func shareNetworkView(_ network: ManilaState.ShareNetwork, caller: Caller?, version: Microversion) -> JSON {
    let time = { VirtualClock.isoMicroseconds($0) }
    let subnet = network.subnets.first
    var view: JSONObject = [
      "id": .string(network.id), "name": .orNull(network.name), "project_id": .string(network.projectID),
      "created_at": .string(time(network.created)), "updated_at": network.updated.map { .string(time($0)) } ?? .null,
      "neutron_net_id": .orNull(subnet?.neutronNetID), "neutron_subnet_id": .orNull(subnet?.neutronSubnetID),
      "network_type": .null, "segmentation_id": .null, "cidr": .null, "ip_version": .null,
      "description": .orNull(network.description),
    ]
    if version >= Microversion(2, 18) { view["gateway"] = .null }
    if version >= Microversion(2, 20) { view["mtu"] = .null }
    if version < Microversion(2, 26) { view["nova_net_id"] = .null }
    // `add_subnets` (2.51 to 2.77) adds the subnets here; from 2.78 `add_subnet_with_metadata`
    // adds them after the fields of 2.63 and 2.70, so they come last.
    func addSubnets(withMetadata: Bool) {
      view["share_network_subnets"] = .array(network.subnets.map { subnetView($0, withMetadata: withMetadata) })
      for key in ["neutron_net_id", "neutron_subnet_id", "network_type", "segmentation_id", "cidr", "ip_version", "gateway", "mtu"] {
        view.removeValue(forKey: key)
      }
    }
    if version >= Microversion(2, 51) && version < Microversion(2, 78) { addSubnets(withMetadata: false) }
    if version >= Microversion(2, 63) {
      view["status"] = "active"
      view["security_service_update_support"] = true
    }
    if version >= Microversion(2, 70) { view["network_allocation_update_support"] = true }
    if version >= Microversion(2, 78) { addSubnets(withMetadata: true) }
    return .object(view)
  }

  static func subnetView(_ subnet: ManilaState.ShareNetworkSubnet, withMetadata: Bool) -> JSON {
    var view: JSONObject = [
      "id": .string(subnet.id), "availability_zone": .orNull(subnet.availabilityZone),
      "created_at": .string(VirtualClock.isoMicroseconds(subnet.created)), "updated_at": .null,
      "segmentation_id": .null, "neutron_net_id": .orNull(subnet.neutronNetID),
      "neutron_subnet_id": .orNull(subnet.neutronSubnetID), "ip_version": .null, "cidr": .null,
      "network_type": .null, "mtu": .null, "gateway": .null,
    ]
    if withMetadata { view["metadata"] = .object(subnet.metadata) }
    return .object(view)
  }
}

/// A fault response carried as an error.
struct FaultResponse: Error {
  var response: APIResponse
  init(_ response: APIResponse) { self.response = response }
}
