import CloudAPI

/// A share network's subnets (`manila/api/v2/share_network_subnets.py`, 2.51): one per
/// availability zone before 2.70, in a zone the cloud's back ends serve.
enum ShareNetworkSubnetService {
  static func register(in router: inout Router<CloudState>) {
    router.add(.post, "/v2/share-networks/{id}/subnets", create)
    router.add(.get, "/v2/share-networks/{id}/subnets/{subnet}", show)
    router.add(.delete, "/v2/share-networks/{id}/subnets/{subnet}", delete)
  }

  static func create(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let body = call.request.body?["share-network-subnet"], case .object = body else {
      return .fault(400, "Share Network Subnet is missing from the request body.")
    }
    let version = state.version(call)
    let netID = body["neutron_net_id"]?.string
    let subnetID = body["neutron_subnet_id"]?.string
    if (netID == nil) != (subnetID == nil) {
      return .fault(
        400,
        "When creating a new share network subnet you need to specify both neutron_net_id and neutron_subnet_id or none of them.")
    }
    guard let network = ManilaService.shareNetwork(state, call),
      let index = state.manila.shareNetworks.firstIndex(where: { $0.id == network.id })
    else { return ManilaService.shareNetworkNotFound(call) }
    let zone = body["availability_zone"]?.string
    if let zone, !state.manila.backends.contains(where: { $0.availabilityZone == zone }) {
      return .fault(400, "The provided availability zone \(zone) does not exist.")
    }
    if version < Microversion(2, 70) && network.subnets.contains(where: { $0.availabilityZone == zone }) {
      return .fault(
        409,
        "Another share network subnet was found in the specified availability zone. Only one share network subnet is allowed per availability zone for share network \(network.id).")
    }
    var subnet = ManilaState.ShareNetworkSubnet(
      id: state.ids.uuid(), neutronNetID: netID, neutronSubnetID: subnetID, availabilityZone: zone,
      created: state.clock.now)
    if version >= Microversion(2, 78) { subnet.metadata = body["metadata"]?.object ?? [:] }
    state.manila.shareNetworks[index].subnets.append(subnet)
    return .json(200, .object(["share_network_subnet": view(subnet, of: network, version: version)]))
  }

  static func show(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let network = ManilaService.shareNetwork(state, call) else { return ManilaService.shareNetworkNotFound(call) }
    let id = call.parameters["subnet"] ?? ""
    guard let subnet = network.subnets.first(where: { $0.id == id }) else {
      return .fault(404, "Share network subnet \(id) could not be found.")
    }
    return .json(200, .object(["share_network_subnet": view(subnet, of: network, version: state.version(call))]))
  }

  static func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let network = ManilaService.shareNetwork(state, call),
      let index = state.manila.shareNetworks.firstIndex(where: { $0.id == network.id })
    else { return ManilaService.shareNetworkNotFound(call) }
    let id = call.parameters["subnet"] ?? ""
    guard network.subnets.contains(where: { $0.id == id }) else {
      return .fault(404, "Share network subnet \(id) could not be found.")
    }
    state.manila.shareNetworks[index].subnets.removeAll { $0.id == id }
    return APIResponse(status: 202)
  }

  /// `build_share_network_subnet`: the subnet's fields with its network's ID and name, in the
  /// view's order; its metadata from 2.78.
  static func view(_ subnet: ManilaState.ShareNetworkSubnet, of network: ManilaState.ShareNetwork, version: Microversion) -> JSON {
    var view: JSONObject = [
      "id": .string(subnet.id), "availability_zone": .orNull(subnet.availabilityZone),
      "share_network_id": .string(network.id), "share_network_name": .orNull(network.name),
      "created_at": .string(VirtualClock.isoMicroseconds(subnet.created)), "segmentation_id": .null,
      "neutron_subnet_id": .orNull(subnet.neutronSubnetID), "updated_at": .null,
      "neutron_net_id": .orNull(subnet.neutronNetID), "ip_version": .null, "cidr": .null, "network_type": .null,
      "mtu": .null, "gateway": .null,
    ]
    if version >= Microversion(2, 78) { view["metadata"] = .object(subnet.metadata) }
    return .object(view)
  }
}
