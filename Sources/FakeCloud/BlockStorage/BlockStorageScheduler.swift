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
  /// `os-retype` (`volume.api.retype`, then the scheduler's `find_retype_backend` and the volume
  /// manager's `retype`): checked, the volume `retyping`; then, where the volume's back end takes
  /// the new type (LVM retypes in place), the type changes; elsewhere, with `on-demand`, the
  /// volume migrates to the back end with the most free space and changes type there; otherwise
  /// (`never`, or no back end at all) it goes back to its status with its type, as
  /// `NoValidBackend` leaves it, and no message.
  static func retype(_ state: inout CloudState, volumeIndex index: Int, _ argument: JSON) -> APIResponse {
    let volume = state.blockStorage.volumes[index]
    let given = argument["new_type"]?.string ?? ""
    guard let type = state.blockStorage.types.first(where: { $0.id == given }) ?? state.blockStorage.types.first(where: { $0.name == given })
    else { return .fault(404, "Volume type with name \(given) could not be found.") }
    let current = state.blockStorage.types.first { $0.id == volume.typeID }
    let multiattach = type.extraSpecs.contains { $0.0 == "multiattach" && $0.1 == "<is> True" }
    if multiattach != volume.multiattach, volume.status != "available" {
      return .fault(
        400,
        "Invalid input received: Invalid volume_type passed, retypes affecting multiattach are only allowed on available volumes, the specified volume however currently has a status of: \(volume.status).")
    }
    if multiattach, type.encryption != nil {
      return .fault(400, "Invalid input received: Retype requested both encryption and multi-attach, which is not supported.")
    }
    // `volume_qos_allows_retype`: an attached volume keeps front-end QoS as it is.
    let qosSpecs = state.blockStorage.qosSpecs
    func frontEnd(_ type: BlockStorageState.VolumeType?) -> Bool {
      type?.qosSpecsID.flatMap { id in qosSpecs.first { $0.id == id } }.map { $0.consumer != "back-end" } ?? false
    }
    let qosAllows = volume.status == "available" || current?.qosSpecsID == type.qosSpecsID || (!frontEnd(current) && !frontEnd(type))
    let migrating = ["starting", "migrating"].contains(volume.migrationStatus ?? "")
    guard ["available", "in-use"].contains(volume.status), !migrating, volume.typeID != type.id, qosAllows else {
      return .fault(
        400,
        "Invalid volume: Retype needs volume to be in available or in-use state, not be part of an active migration or a consistency group, requested type has to be different that the one from the volume, and for in-use volumes front-end qos specs cannot change.")
    }
    let onDemand = argument["migration_policy"]?.string == "on-demand"
    let (id, previous, typeID) = (volume.id, volume.status, type.id)
    state.blockStorage.volumes[index].status = "retyping"
    state.blockStorage.volumes[index].multiattach = multiattach
    state.after(VolumeAPI.schedulingDelay) { state in
      guard let index = state.blockStorage.volumes.firstIndex(where: { $0.id == id }),
        let type = state.blockStorage.types.first(where: { $0.id == typeID })
      else { return }
      let volume = state.blockStorage.volumes[index]
      let candidates = state.blockStorage.backends.indices.filter { backend in
        let definition = state.blockStorage.backends[backend].definition
        // `vol_exists_on`: the volume's own back end is not asked for room again.
        return state.blockStorage.disabledServices["\(definition.serviceHost) cinder-volume"] == nil
          && definition.availabilityZone == volume.availabilityZone
          && (definition.host == volume.host || state.blockStorage.backends[backend].free >= volume.size)
          && satisfies(definition.capabilities, type.extraSpecs)
      }
      // A change of encryption needs the data copied, which LVM's `retype` does not do.
      let sameEncryption = (state.blockStorage.types.first { $0.id == volume.typeID }?.encryption == nil) == (type.encryption == nil)
      if sameEncryption, candidates.contains(where: { state.blockStorage.backends[$0].definition.host == volume.host }) {
        state.blockStorage.volumes[index].typeID = typeID
        state.blockStorage.volumes[index].status = previous
        state.blockStorage.volumes[index].updatedAt = state.clock.now / 1_000_000
        return
      }
      let others = candidates.filter { state.blockStorage.backends[$0].definition.host != volume.host }
      guard onDemand, let destination = others.max(by: { state.blockStorage.backends[$0].free < state.blockStorage.backends[$1].free })
      else {
        // Only the status goes back: the API already gave the volume the new type's multiattach.
        state.blockStorage.volumes[index].status = previous
        return
      }
      migrate(&state, volumeIndex: index, to: destination, status: previous, type: typeID)
    }
    return APIResponse(status: 202)
  }

  /// A migration under way (`migrating`), done after the copy: the volume's space moved to the
  /// destination's back end, its host the destination's, `success`, its status `status` again
  /// and, for a retype, its type the new one.
  private static func migrate(_ state: inout CloudState, volumeIndex index: Int, to destination: Int, status: String, type: String? = nil) {
    let id = state.blockStorage.volumes[index].id
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
      state.blockStorage.volumes[index].status = status
      if let type { state.blockStorage.volumes[index].typeID = type }
      state.blockStorage.volumes[index].updatedAt = state.clock.now / 1_000_000
    }
  }

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
      migrate(&state, volumeIndex: index, to: destination, status: previous)
    }
    return APIResponse(status: 202)
  }
}
