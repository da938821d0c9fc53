/// The whole of a cloud's state at one moment: every record, the clock, the ID streams, the
/// tokens and the work still pending. The state is made of values, so a checkpoint is a copy
/// that shares its storage with the cloud until either changes (copy on write): taking one costs
/// next to nothing, and keeping one costs only what the cloud has changed since.
public struct CloudCheckpoint {
  let state: CloudState
}

extension FakeCloud {
  /// The cloud as it is now, to go back to with ``restore(_:)``.
  public func checkpoint() -> CloudCheckpoint {
    CloudCheckpoint(state: state)
  }

  /// Puts the cloud back as it was at `checkpoint`, byte for byte in everything it answers
  /// from then on. The endpoints and the log setting stay the cloud's own.
  public func restore(_ checkpoint: CloudCheckpoint) {
    let (endpoints, keepsLog) = (state.endpoints, state.keepsLog)
    state = checkpoint.state
    if state.endpoints != endpoints { state.endpoints = endpoints }
    state.keepsLog = keepsLog
  }

  /// The names and IDs of what the cloud holds (shares, share networks, share types, servers,
  /// networks, subnets, images, flavors), in no particular order: what a person may type after
  /// a command's words. Reading them changes nothing.
  public var resourceNames: [String] {
    var names: [String] = []
    for share in state.manila.shares { names += [share.id] + (share.name.map { [$0] } ?? []) }
    for network in state.manila.shareNetworks { names += [network.id] + (network.name.map { [$0] } ?? []) }
    for type in state.manila.shareTypes { names += [type.id, type.name] }
    for server in state.compute.servers { names += [server.id, server.name] }
    for flavor in state.compute.flavors { names += [flavor.id, flavor.definition.name] }
    for network in state.network.networks { names += [network.id, network.name] }
    for subnet in state.network.subnets { names += [subnet.id, subnet.name] }
    for image in state.images.images { names += [image.id, image.definition.name] }
    return names.filter { !$0.isEmpty }
  }
}
