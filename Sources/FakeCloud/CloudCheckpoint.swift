/// The whole of a cloud's state at one moment: every record, the clock, the ID streams, the
/// tokens and the work still pending. The state is made of values, so a checkpoint is a copy
/// that shares its storage with the cloud until either changes (copy on write): taking one costs
/// next to nothing, and keeping one costs only what the cloud has changed since.
public struct CloudCheckpoint: Sendable {
  let state: CloudState
}

extension FakeCloud {
  /// A cloud that starts as `checkpoint`, a cloud of `definition` was then: a copy of a fresh
  /// cloud costs nothing, making one from its definition a few million instructions.
  public convenience init(definition: CloudDefinition, startingAt checkpoint: CloudCheckpoint) {
    self.init(definition: definition, state: checkpoint.state)
  }

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

  /// The IDs and names of what the cloud holds, each with its kind as the client's commands name
  /// it (`share`, `share network`, `share type`, `server`, `flavor`, `network`, `subnet`,
  /// `image`): what a person may type after a command's words. Reading them changes nothing.
  public var resourceNames: [(kind: String, name: String)] {
    var names: [(kind: String, name: String)] = []
    func add(_ kind: String, _ values: String?...) {
      for case let value? in values where !value.isEmpty { names.append((kind, value)) }
    }
    for share in state.manila.shares { add("share", share.id, share.name) }
    for network in state.manila.shareNetworks { add("share network", network.id, network.name) }
    for type in state.manila.shareTypes { add("share type", type.id, type.name) }
    for server in state.compute.servers { add("server", server.id, server.name) }
    for flavor in state.compute.flavors { add("flavor", flavor.id, flavor.definition.name) }
    for network in state.network.networks { add("network", network.id, network.name) }
    for subnet in state.network.subnets { add("subnet", subnet.id, subnet.name) }
    for image in state.images.images { add("image", image.id, image.definition.name) }
    return names
  }
}
