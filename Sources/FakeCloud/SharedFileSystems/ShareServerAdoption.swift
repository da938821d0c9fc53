import CloudAPI

/// `POST /v2/share-servers/manage` (admin, 2.49; a share network subnet from 2.51): a share
/// server the back end has brought under Manila, `manage_starting` until the share manager has
/// it. As with the dummy driver, only a server abandoned before (by its identifier) can be adopted
/// again, and only on a back end that handles share servers; otherwise `manage_error`.
enum ShareServerAdoption {
  static let manageDelay: Int64 = 824_337

  static func manage(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let fault = ShareTypeService.policyFault(call, "share_server:manage_share_server") { return fault }
    guard state.version(call) >= Microversion(2, 49) else { return .fault(404, "The resource could not be found.") }
    guard case .object(let data)? = call.request.body?["share_server"] else {
      return .fault(422, "Share Server entity not found in request body")
    }
    for parameter in ["host", "share_network_id", "identifier"] {
      guard let value = data[parameter] else { return .fault(400, "Required parameter \(parameter) not found") }
      if value == .null || value == .string("") { return .fault(400, "Required parameter \(parameter) is empty") }
    }
    let host = data["host"]?.string ?? ""
    let networkID = data["share_network_id"]?.string ?? ""
    let identifier = data["identifier"]?.string ?? ""
    let subnetID = state.version(call) >= Microversion(2, 51) ? data["share_network_subnet_id"]?.string : nil
    let subnets: [ManilaState.ShareNetworkSubnet]
    if let subnetID, !subnetID.isEmpty {
      // `share_network_subnet_get_all_with_same_az`: the subnets of its network in its zone.
      guard let network = state.manila.shareNetworks.first(where: { $0.subnets.contains { $0.id == subnetID } }),
        let subnet = network.subnets.first(where: { $0.id == subnetID })
      else { return .fault(400, "The share network subnet \(subnetID) does not exist.") }
      subnets = network.subnets.filter { $0.availabilityZone == subnet.availabilityZone }
    } else {
      subnets = state.manila.shareNetworks.first { $0.id == networkID }?.subnets.filter { $0.availabilityZone == nil } ?? []
    }
    guard let subnet = subnets.first else {
      return .fault(
        400,
        "The share network \(networkID) does have a default subnet. Create one or use a specific subnet to manage this share server with API version >= 2.51.")
    }
    guard subnets.count == 1 else {
      return .fault(
        400,
        "Cannot manage the share server, since the share network subnet \(subnetID ?? "None") has more subnets in its availability zone and share network.")
    }
    if host.contains("#") { return .fault(400, "Host parameter should not contain pool.") }
    let service = String(host.prefix { $0 != "#" })
    let services = ShareInfrastructureService.services(state)
    guard services.contains(where: { $0.host == service && $0.binary == "manila-share" }),
      state.manila.disabledServices[service + " manila-share"] == nil
    else { return .fault(400, "Service \(service) could not be found.") }
    guard let network = state.manila.shareNetworks.first(where: { $0.subnets.contains { $0.id == subnet.id } }) else {
      return .fault(400, "Share network \(networkID) could not be found.")
    }
    if let options = data["driver_options"], options != .null, !isObject(options) {
      return .fault(400, "Driver options must be in dictionary format.")
    }
    let matching = state.manila.shareServers.filter { ($0.identifier ?? $0.id) == identifier }
    if !matching.isEmpty {
      return .fault(
        400,
        "Invalid input received: Identifier \(identifier) specified matches existing share servers: \(matching.map { $0.identifier ?? $0.id }.joined(separator: ", ")).."
      )
    }
    let server = ManilaState.ShareServer(
      id: state.ids.uuid(), host: host, status: "manage_starting", shareNetworkID: network.id, subnetID: subnet.id,
      projectID: network.projectID, created: state.clock.now, updated: nil, identifier: identifier, isAutoDeletable: false)
    state.manila.shareServers.append(server)
    let id = server.id
    state.after(manageDelay) { finish(server: id, in: &$0) }
    return ShareServerService.resource.table.show(server, ShareServerService.resource.context(state, call), status: 202)
  }

  private static func isObject(_ value: JSON) -> Bool {
    if case .object = value { return true }
    return false
  }

  /// The share manager's `manage_share_server`: the back end must handle share servers and the
  /// dummy driver must know the identifier (it kept the details of the server it let go).
  private static func finish(server id: String, in state: inout CloudState) {
    guard let index = state.manila.shareServers.firstIndex(where: { $0.id == id }) else { return }
    let server = state.manila.shareServers[index]
    let identifier = server.identifier ?? server.id
    let handlesServers = state.manila.backends.contains { $0.host.hasPrefix(server.host + "#") && $0.driverHandlesShareServers }
    state.manila.shareServers[index].updated = state.clock.now
    guard handlesServers, state.manila.abandoned.shareServers.contains(identifier) else {
      state.manila.shareServers[index].status = "manage_error"
      return
    }
    state.manila.abandoned.shareServers.remove(identifier)
    state.manila.shareServers[index].status = "active"
  }
}
