import CloudAPI

/// Cinder's filter scheduler, as devstack configures it: the availability zone, capacity and
/// capabilities filters, then the capacity weigher (the most free space wins).
enum BlockStorageScheduler {
  /// Places the volume, then has its back end create it; a volume no back end can take ends in
  /// `error`, as `NoValidBackend` leaves it.
  /// A volume made from an image (or a bootable volume) keeps `imageMetadata` and is bootable.
  /// A volume it cannot place leaves a user message under the create request's ID.
  static func schedule(_ state: inout CloudState, volumeID: String, imageMetadata: [(String, String)], requestID: String) {
    guard let index = state.blockStorage.volumes.firstIndex(where: { $0.id == volumeID }) else { return }
    let volume = state.blockStorage.volumes[index]
    let specs = state.blockStorage.types.first { $0.id == volume.typeID }?.extraSpecs ?? []
    let candidates = state.blockStorage.backends.indices.filter { backend in
      let definition = state.blockStorage.backends[backend].definition
      // A disabled volume service is left out, as the scheduler's host manager leaves it.
      return state.blockStorage.disabledServices["\(definition.serviceHost) cinder-volume"] == nil
        && definition.availabilityZone == volume.availabilityZone && state.blockStorage.backends[backend].free >= volume.size
        && satisfies(definition.capabilities, specs)
    }
    state.blockStorage.volumes[index].updatedAt = state.clock.now / 1_000_000
    guard let chosen = candidates.max(by: { state.blockStorage.backends[$0].free < state.blockStorage.backends[$1].free }) else {
      state.blockStorage.volumes[index].status = "error"
      // `Action.SCHEDULE_ALLOCATE_VOLUME` and `Detail.NO_BACKEND_AVAILABLE`, as `NoValidBackend` maps.
      state.blockStorage.messages.append(
        BlockStorageState.Message(
          id: state.ids.uuid(), projectID: volume.projectID, requestID: requestID, resourceUUID: volume.id,
          eventID: "VOLUME_VOLUME_001_003",
          userMessage: "schedule allocate volume:Could not find any available weighted backend.",
          createdAt: state.clock.now / 1_000_000))
      return
    }
    state.blockStorage.backends[chosen].allocated += volume.size
    state.blockStorage.volumes[index].host = state.blockStorage.backends[chosen].definition.host
    state.after(VolumeAPI.creationDelay) { state in
      guard let index = state.blockStorage.volumes.firstIndex(where: { $0.id == volumeID }),
        state.blockStorage.volumes[index].status == "creating"
      else { return }
      state.blockStorage.volumes[index].status = "available"
      if !imageMetadata.isEmpty {
        state.blockStorage.volumes[index].bootable = true
        state.blockStorage.volumes[index].imageMetadata = imageMetadata
      }
      // `_driver_shares_targets`: what the driver says, else locking for iSCSI.
      let capabilities = state.blockStorage.backends[chosen].definition.capabilities
      let shared = capabilities.first { $0.0 == "shared_targets" }?.1
      let protocolName = capabilities.first { $0.0 == "storage_protocol" }?.1 ?? ""
      state.blockStorage.volumes[index].sharedTargets = shared == "False" ? false : protocolName.lowercased().contains("iscsi")
      state.blockStorage.volumes[index].updatedAt = state.clock.now / 1_000_000
    }
  }

  /// `CapabilitiesFilter`: every extra spec unscoped or scoped `capabilities:` names a capability
  /// the back end reports and its requirement matches it; other scopes are the drivers' own.
  static func satisfies(_ capabilities: [(String, String)], _ specs: [(String, String)]) -> Bool {
    specs.allSatisfy { key, requirement in
      var name = Substring(key)
      if let colon = key.firstIndex(of: ":") {
        guard key[..<colon] == "capabilities" else { return true }
        name = key[key.index(after: colon)...]
      }
      guard let value = capabilities.first(where: { $0.0 == name })?.1 else { return false }
      return matches(value, requirement)
    }
  }

  /// `extra_specs_ops.match`: `<is>`, `<in>`, `<or>`, the numeric and `s` string comparisons,
  /// else equality.
  static func matches(_ value: String, _ requirement: String) -> Bool {
    var words = requirement.split(whereSeparator: \.isWhitespace).map(String.init)
    guard let op = words.first else { return value == requirement }
    words.removeFirst()
    if op == "<or>" {
      // `<or> a <or> b`: the values between the keywords.
      return stride(from: 0, to: words.count, by: 2).contains { words[$0] == value }
    }
    guard let operand = words.first else { return ["<is>", "<in>", "=", "==", "!=", ">=", "<=", "s==", "s!=", "s<", "s<=", "s>", "s>="].contains(op) ? false : value == requirement }
    let numbers = (Double(value), Double(operand))
    switch op {
    case "<is>": return StrictBool.parse(value) != nil && StrictBool.parse(value) == StrictBool.parse(operand)
    case "<in>": return value.contains(operand)
    case "=", ">=": return numbers.0.flatMap { a in numbers.1.map { a >= $0 } } ?? false
    case "==": return numbers.0.flatMap { a in numbers.1.map { a == $0 } } ?? false
    case "!=": return numbers.0.flatMap { a in numbers.1.map { a != $0 } } ?? false
    case "<=": return numbers.0.flatMap { a in numbers.1.map { a <= $0 } } ?? false
    case "s==": return value == operand
    case "s!=": return value != operand
    case "s<": return value < operand
    case "s<=": return value <= operand
    case "s>": return value > operand
    case "s>=": return value >= operand
    default: return value == requirement
    }
  }

  /// `os-migrate_volume` (admin): to another back end's pool whose volume service is enabled,
  /// a volume available or attached, without snapshots, not migrating; the scheduler then checks
  /// the destination takes the volume's type and size (`migration_status` `error` where it does
  /// not), and the volume moves (`success`).
  static func migrate(_ state: inout CloudState, _ call: Call, volumeIndex index: Int, _ argument: JSON) -> APIResponse {
    guard call.caller?.isAdmin ?? false else {
      return CinderFault.policy("volume_extension:volume_admin_actions:migrate_volume")
    }
    guard let host = argument["host"]?.string else { return .fault(400, "'host' is a required property") }
    // `extract_host(host, 'backend')`: the service's `host@backend`, without the pool.
    let service = String(host.split(separator: "#", maxSplits: 1).first ?? Substring(host))
    guard let destination = state.blockStorage.backends.firstIndex(where: {
      $0.definition.serviceHost == service && state.blockStorage.disabledServices["\(service) cinder-volume"] == nil
        && (!host.contains("#") || $0.definition.host == host)
    }) else { return .fault(400, "Invalid host: No available service named '\(host)'") }
    let volume = state.blockStorage.volumes[index]
    let migrating = ["starting", "migrating"].contains(volume.migrationStatus ?? "")
    guard ["available", "in-use"].contains(volume.status), !migrating, volume.host != host,
      !state.blockStorage.snapshots.contains(where: { $0.volumeID == volume.id })
    else {
      return .fault(
        400,
        "Invalid volume: Volume \(volume.id) status must be available or in-use, must not be migrating, have snapshots, be replicated, be part of a group and destination host/cluster must be different than the current one")
    }
    state.blockStorage.volumes[index].migrationStatus = "starting"
    let locked = argument["lock_volume"]?.isTruthyBool == true && volume.status == "available"
    if locked { state.blockStorage.volumes[index].status = "maintenance" }
    let id = volume.id
    let previous = volume.status
    state.after(VolumeAPI.schedulingDelay) { state in
      guard let index = state.blockStorage.volumes.firstIndex(where: { $0.id == id }) else { return }
      let volume = state.blockStorage.volumes[index]
      let specs = state.blockStorage.types.first { $0.id == volume.typeID }?.extraSpecs ?? []
      let backend = state.blockStorage.backends[destination]
      guard backend.free >= volume.size, satisfies(backend.definition.capabilities, specs) else {
        state.blockStorage.volumes[index].migrationStatus = "error"
        state.blockStorage.volumes[index].status = previous
        return
      }
      state.blockStorage.volumes[index].migrationStatus = "migrating"
      state.after(VolumeAPI.creationDelay) { state in
        guard let index = state.blockStorage.volumes.firstIndex(where: { $0.id == id }) else { return }
        let size = state.blockStorage.volumes[index].size
        if let source = state.blockStorage.volumes[index].host,
          let old = state.blockStorage.backends.firstIndex(where: { $0.definition.host == source })
        {
          state.blockStorage.backends[old].allocated -= size
        }
        state.blockStorage.backends[destination].allocated += size
        state.blockStorage.volumes[index].host = state.blockStorage.backends[destination].definition.host
        state.blockStorage.volumes[index].migrationStatus = "success"
        state.blockStorage.volumes[index].status = previous
        state.blockStorage.volumes[index].updatedAt = state.clock.now / 1_000_000
      }
    }
    return APIResponse(status: 202)
  }
}
