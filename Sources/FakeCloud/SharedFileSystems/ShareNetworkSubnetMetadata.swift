import CloudAPI

/// A share network subnet's metadata (2.78, `manila/api/v2/metadata.py`): set adds or
/// replaces items; deleting a key that is not there is a 404.
enum ShareNetworkSubnetMetadata {
  static func register(in router: inout Router<CloudState>) {
    router.add(.post, "/v2/share-networks/{id}/subnets/{subnet}/metadata", set)
    router.add(.delete, "/v2/share-networks/{id}/subnets/{subnet}/metadata/{key}", unset)
  }

  /// The network's index and the subnet's, or the 404 for either.
  private static func locate(_ state: CloudState, _ call: Call) -> Result<(Int, Int), FaultResponse> {
    guard let network = ManilaService.shareNetwork(state, call),
      let index = state.manila.shareNetworks.firstIndex(where: { $0.id == network.id })
    else { return .failure(FaultResponse(ManilaService.shareNetworkNotFound(call))) }
    let id = call.parameters["subnet"] ?? ""
    guard let subnet = network.subnets.firstIndex(where: { $0.id == id }) else {
      return .failure(FaultResponse(.fault(404, "Share network subnet \(id) could not be found.")))
    }
    return .success((index, subnet))
  }

  static func set(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard state.version(call) >= Microversion(2, 78) else { return .fault(404, "The resource could not be found.") }
    let items: JSONObject
    switch ManilaMetadata.items(call.request.body) {
    case .failure(let fault): return fault.response
    case .success(let checked): items = checked
    }
    switch locate(state, call) {
    case .failure(let fault): return fault.response
    case .success(let (network, subnet)):
      return ManilaMetadata.merge(items, into: &state.manila.shareNetworks[network].subnets[subnet].metadata)
    }
  }

  static func unset(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard state.version(call) >= Microversion(2, 78) else { return .fault(404, "The resource could not be found.") }
    switch locate(state, call) {
    case .failure(let fault): return fault.response
    case .success(let (network, subnet)):
      return ManilaMetadata.unset(call.parameters["key"] ?? "", from: &state.manila.shareNetworks[network].subnets[subnet].metadata)
    }
  }
}
