import CloudAPI

/// Share migration (admin; `manila/api/v2/shares.py`, `share/api.py`, the scheduler's
/// `migrate_share_to_host`, the share manager, devstack's dummy driver): a share moves to another
/// pool in two phases. `migration_start` (2.29) checks the request and hands it to the
/// scheduler; the destination's share manager copies the share (the dummy driver does it itself,
/// reporting 50% a minute; `force_host_assisted_migration` has the data service copy it instead)
/// and waits; `migration_complete` (2.22) moves the share over to the new instance, or
/// `migration_cancel` gives up. `migration_get_progress` (an action to 2.97, `GET
/// migration-progress` from 2.98) tells how far the first phase is.
enum ShareMigration {
  /// A migration under way: where to, with what, and how far the copy has come.
  struct Move {
    var destination: String
    var shareNetworkID: String?
    var shareTypeID: String
    /// The share instance being made on the destination.
    var instanceID: String
    /// The dummy driver's progress (0, 50, 100); the data service's copy of an empty share is
    /// done at once.
    var progress = 0
  }

  /// From the API's answer to the scheduler's decision, and from there to the share manager's.
  static let schedulingDelay: Int64 = 212_871
  static let managerDelay: Int64 = 531_442
  /// The share manager's `migration_driver_continue` periodic task:
  /// `migration_driver_continue_update_interval`, 60 s by default.
  static let continueInterval: Int64 = 60_000_000
  /// The data service's copy of a share with nothing in it, from its start to its end.
  static let copyDelay: Int64 = 2_117_309

  /// The task states in which `is_busy` holds: a migration is between its start and its end.
  static let busyTaskStates: Set<String> = [
    "migration_starting", "migration_in_progress", "migration_completing", "migration_driver_starting",
    "migration_driver_in_progress", "migration_driver_phase1_done", "data_copying_starting", "data_copying_in_progress",
    "data_copying_completing", "data_copying_completed",
  ]

  // MARK: Start

  /// `migration_start`: 202 and `migration_starting`, or 200 and `migration_success` when the
  /// destination is where the share already is.
  static func start(_ state: inout CloudState, _ call: Call, share: ManilaState.Share, body: JSON) -> APIResponse {
    if let fault = ShareTypeService.policyFault(call, "share:migration_start") { return fault }
    if share.scheduledDeletion != nil {
      return .fault(400, "Invalid share: Migration cannot start for share '\(share.id)' since it has been soft deleted..")
    }
    // The request schema's refusals, shortened: the client always sends the five flags and a host.
    guard let host = body["host"]?.string else { return .fault(400, "Invalid input for field/attribute host.") }
    var flags: [String: Bool] = [:]
    for name in ["preserve_metadata", "writable", "nondisruptive", "preserve_snapshots", "force_host_assisted_migration"] {
      guard let value = flag(body[name]) else { return .fault(400, "Invalid input for field/attribute \(name).") }
      flags[name] = value
    }
    var newNetwork: ManilaState.ShareNetwork?
    if let id = body["new_share_network_id"]?.string, !id.isEmpty {
      guard let network = state.manila.shareNetworks.first(where: { $0.id == id }) else {
        return .fault(400, "Share network \(id) not found.")
      }
      newNetwork = network
    }
    var newType: ManilaState.ShareType?
    if let id = body["new_share_type_id"]?.string, !id.isEmpty {
      guard let type = state.manila.shareTypes.first(where: { $0.id == id }) else {
        return .fault(400, "Share type \(id) not found.")
      }
      newType = type
    }
    if let fault = refusal(state, share: share, host: host, flags: flags) { return fault }
    let type = newType ?? state.manila.shareTypes.first { $0.id == share.shareTypeID }
    let handlesServers = type?.extraSpecs["driver_handles_share_servers"]?.string.flatMap(StrictBool.parse) ?? false
    if newType != nil, handlesServers, newNetwork == nil, share.shareNetworkID == nil {
      return .fault(
        400,
        "Invalid input received: New share network must be provided when share type of given share \(share.id) has extra_spec 'driver_handles_share_servers' as True..")
    }
    if !handlesServers, newNetwork != nil {
      return .fault(
        400,
        "Invalid input received: New share network must not be provided when share type of given share \(share.id) has extra_spec 'driver_handles_share_servers' as False..")
    }
    let networkID = handlesServers ? newNetwork?.id ?? share.shareNetworkID : nil
    let typeID = type?.id ?? share.shareTypeID
    guard let index = state.manila.shares.firstIndex(where: { $0.id == share.id }) else { return .fault(404, "") }
    if networkID == share.shareNetworkID, typeID == share.shareTypeID, host == share.host {
      state.manila.shares[index].taskState = "migration_success"
      return APIResponse(status: 200)
    }
    let service = serviceHost(of: host)
    let zone = ShareInfrastructureService.services(state).first { $0.host == service && $0.binary == "manila-share" }?.zone
    let typeZones = (type?.extraSpecs["availability_zones"]?.string ?? "").split(separator: ",").map(String.init)
    if let zone, !typeZones.isEmpty, !typeZones.contains(zone), let type {
      return .fault(
        400,
        "Invalid share: Share \(share.id) cannot be migrated to host \(host) because share type \(type.name)(ID: \(type.id)) is not supported within the availability zone (\(zone)) that the host is in..")
    }
    state.manila.shares[index].taskState = "migration_starting"
    state.manila.shares[index].status = "migrating"
    state.manila.shares[index].migration = Move(
      destination: host, shareNetworkID: networkID, shareTypeID: typeID, instanceID: state.ids.uuid())
    let id = share.id
    state.after(schedulingDelay) { [flags] in schedule(share: id, zone: zone, flags: flags, in: &$0) }
    return APIResponse(status: 202)
  }

  /// `get_bool_from_api_params(strict=True)`: JSON booleans and oslo's texts; absent is false.
  private static func flag(_ value: JSON?) -> Bool? {
    switch value {
    case nil, .null?: false
    case .bool(let flag)?: flag
    case .string(let text)?: StrictBool.parse(text)
    default: nil
    }
  }

  /// `share_api.migration_start`'s checks, in its order, up to the destination's service.
  private static func refusal(_ state: CloudState, share: ManilaState.Share, host: String, flags: [String: Bool]) -> APIResponse? {
    let forced = flags["force_host_assisted_migration"] == true
    if forced, ["preserve_metadata", "writable", "nondisruptive", "preserve_snapshots"].contains(where: { flags[$0] == true }) {
      return .fault(
        400,
        #"Invalid input received: Invalid parameter combination. Cannot set parameters "nondisruptive", "writable", "preserve_snapshots" or "preserve_metadata" to True when enabling the "force_host_assisted_migration" option.."#
      )
    }
    if state.manila.shareReplicas.contains(where: { $0.shareID == share.id && $0.replicaState != "active" }) {
      return .fault(409, "Share \(share.id) has replicas. Remove the replicas before attempting to migrate the share.")
    }
    if share.shareGroupID != nil {
      return .fault(
        400,
        "Invalid share: Share \(share.id) is a member of a group. This operation is not currently supported for shares that are members of groups..")
    }
    guard share.status == "available" else {
      return .fault(
        400,
        "Invalid share: Share instance \(share.instanceID) status must be available, but current status is: \(share.status)..")
    }
    if share.accessRulesStatus == "error" {
      return .fault(
        400,
        "Invalid share: Share instance \(share.instanceID) access rules status must not be in error when attempting to start a migration..")
    }
    if let task = share.taskState, busyTaskStates.contains(task) {
      return .fault(400, "Share is busy with an active task: Share \(share.id) is busy as part of an active task: \(task)..")
    }
    if forced, state.manila.snapshots.contains(where: { $0.shareID == share.id }) {
      return .fault(409, "Share \(share.id) must not have snapshots when using host-assisted migration.")
    }
    // `validate_service_host`: an enabled share service on the destination's host@backend.
    let service = serviceHost(of: host)
    let known = ShareInfrastructureService.services(state).contains { $0.host == service && $0.binary == "manila-share" }
    if !known || state.manila.disabledServices[service + " manila-share"] != nil {
      return .fault(404, "Service \(service) could not be found.")
    }
    return nil
  }

  /// `share_utils.extract_host`: `host@backend` of `host@backend#pool`.
  private static func serviceHost(of host: String) -> String { String(host.prefix { $0 != "#" }) }

  // MARK: The first phase

  /// `host_passes_filters`: the destination pool must pass the filters for the share in the
  /// destination's zone; otherwise the migration errs and the share is available again.
  private static func schedule(share id: String, zone: String?, flags: [String: Bool], in state: inout CloudState) {
    guard let index = state.manila.shares.firstIndex(where: { $0.id == id }), let move = state.manila.shares[index].migration
    else { return }
    let share = state.manila.shares[index]
    let specs = state.manila.shareTypes.first { $0.id == move.shareTypeID }?.extraSpecs ?? [:]
    let passes = state.manila.backends.contains { backend in
      backend.host == move.destination && (zone == nil || backend.availabilityZone == zone)
        && backend.freeCapacity >= share.size && CapabilityMatch.satisfied(backend.capabilities, by: specs)
    }
    guard passes else { return fail(share: id, in: &state) }
    state.after(managerDelay) { startOnDestination(share: id, flags: flags, in: &$0) }
  }

  /// The share manager's `migration_start`: the dummy driver migrates between dummy back ends,
  /// keeping the share writable, its metadata and snapshots, but not its clients connected; what
  /// it cannot do, the data service may (not when the request forbids it, nor with snapshots).
  private static func startOnDestination(share id: String, flags: [String: Bool], in state: inout CloudState) {
    guard let index = state.manila.shares.firstIndex(where: { $0.id == id }) else { return }
    state.manila.shares[index].taskState = "migration_in_progress"
    let forced = flags["force_host_assisted_migration"] == true
    let snapshots = state.manila.snapshots.filter { $0.shareID == id }
    if !forced, flags["nondisruptive"] != true, snapshots.allSatisfy({ $0.status == "available" }) {
      state.manila.shares[index].taskState = "migration_driver_in_progress"
      state.after(continueInterval) { driverContinues(share: id, in: &$0) }
      return
    }
    let hostAssistedAllowed = !["writable", "preserve_metadata", "nondisruptive", "preserve_snapshots"].contains { flags[$0] == true }
    guard hostAssistedAllowed, snapshots.isEmpty else { return fail(share: id, in: &state) }
    state.manila.shares[index].taskState = "data_copying_in_progress"
    state.after(copyDelay) { state in
      guard let index = state.manila.shares.firstIndex(where: { $0.id == id }),
        state.manila.shares[index].taskState == "data_copying_in_progress"
      else { return }
      state.manila.shares[index].migration?.progress = 100
      state.manila.shares[index].taskState = "data_copying_completed"
    }
  }

  /// `migration_driver_continue`, once a minute: the dummy driver adds 50% each time, and at
  /// 100% the first phase is done.
  private static func driverContinues(share id: String, in state: inout CloudState) {
    guard let index = state.manila.shares.firstIndex(where: { $0.id == id }),
      state.manila.shares[index].taskState == "migration_driver_in_progress", var move = state.manila.shares[index].migration
    else { return }
    move.progress += 50
    state.manila.shares[index].migration = move
    if move.progress >= 100 {
      state.manila.shares[index].taskState = "migration_driver_phase1_done"
    } else {
      state.after(continueInterval) { driverContinues(share: id, in: &$0) }
    }
  }

  /// A failed start: `migration_error`, the share available where it was.
  private static func fail(share id: String, in state: inout CloudState) {
    guard let index = state.manila.shares.firstIndex(where: { $0.id == id }) else { return }
    state.manila.shares[index].taskState = "migration_error"
    state.manila.shares[index].status = "available"
    state.manila.shares[index].migration = nil
  }

  // MARK: Complete, cancel, progress

  /// `migration_complete`: only once the first phase is done; then the share manager moves the
  /// share to its new instance.
  static func complete(_ state: inout CloudState, _ call: Call, share: ManilaState.Share, body: JSON) -> APIResponse {
    if let fault = ShareTypeService.policyFault(call, "share:migration_complete") { return fault }
    guard ["data_copying_completed", "migration_driver_phase1_done"].contains(share.taskState ?? "") else {
      let reason = validationMessage(share) ?? "First migration phase of share \(share.id) not completed yet."
      return .fault(400, "Invalid share: \(reason).")
    }
    // `get_migrating_instances`: a task state an admin set, with no migration behind it, fails
    // with an error the API does not expect.
    guard share.migration != nil, let index = state.manila.shares.firstIndex(where: { $0.id == share.id }) else {
      return ShareService.serverError
    }
    let id = share.id
    state.manila.shares[index].taskState =
      share.taskState == "data_copying_completed" ? "data_copying_completing" : "migration_completing"
    state.after(managerDelay) { finish(share: id, in: &$0) }
    return APIResponse(status: 202)
  }

  /// The second phase: the destination instance becomes the share's (its host, zone, type,
  /// network and the dummy driver's export locations), the source's capacity is freed.
  private static func finish(share id: String, in state: inout CloudState) {
    guard let index = state.manila.shares.firstIndex(where: { $0.id == id }), let move = state.manila.shares[index].migration,
      let destination = state.manila.backends.firstIndex(where: { $0.host == move.destination })
    else { return }
    let source = state.manila.shares[index]
    if let old = state.manila.backends.firstIndex(where: { $0.host == source.host }) {
      state.manila.backends[old].freeCapacity += source.size
    }
    state.manila.backends[destination].freeCapacity -= source.size
    let backend = state.manila.backends[destination]
    var share = source
    share.instanceID = move.instanceID
    share.host = backend.host
    share.availabilityZone = backend.availabilityZone
    share.shareTypeID = move.shareTypeID
    share.shareNetworkID = move.shareNetworkID
    share.exportLocations = ShareService.dummyExportLocations(of: share, in: &state)
    share.status = "available"
    share.progress = "100%"
    share.taskState = "migration_success"
    share.migration = nil
    share.updated = state.clock.now
    state.manila.shares[index] = share
    if let replica = state.manila.shareReplicas.firstIndex(where: { $0.shareID == id && $0.replicaState == "active" }) {
      state.manila.shareReplicas[replica].id = share.instanceID
      state.manila.shareReplicas[replica].host = share.host
      state.manila.shareReplicas[replica].availabilityZone = share.availabilityZone
      state.manila.shareReplicas[replica].exportLocations = share.exportLocations
    }
  }

  /// `migration_cancel`: while the driver copies, once it has, or once the data service has;
  /// the destination instance goes and the share stays where it was.
  static func cancel(_ state: inout CloudState, _ call: Call, share: ManilaState.Share, body: JSON) -> APIResponse {
    if let fault = ShareTypeService.policyFault(call, "share:migration_cancel") { return fault }
    let cancellable = ["data_copying_completed", "migration_driver_phase1_done", "migration_driver_in_progress", "data_copying_in_progress"]
    guard cancellable.contains(share.taskState ?? "") else {
      let reason = validationMessage(share) ?? "Migration of share \(share.id) cannot be cancelled at this moment."
      return .fault(400, "Invalid share: \(reason).")
    }
    guard share.migration != nil else { return ShareService.serverError }
    let id = share.id
    state.after(managerDelay) { state in
      guard let index = state.manila.shares.firstIndex(where: { $0.id == id }), state.manila.shares[index].migration != nil
      else { return }
      state.manila.shares[index].taskState = "migration_cancelled"
      state.manila.shares[index].status = "available"
      state.manila.shares[index].migration = nil
    }
    return APIResponse(status: 202)
  }

  /// `migration_get_progress` (the action, 2.22 to 2.97) and `GET migration-progress` (2.98):
  /// the driver's or the data service's figure while they copy, 0 or 100 around it; `details`
  /// (2.59) what else they reported (nothing).
  static func progress(_ state: inout CloudState, _ call: Call, share: ManilaState.Share, body: JSON) -> APIResponse {
    if let fault = ShareTypeService.policyFault(call, "share:migration_get_progress") { return fault }
    let task = share.taskState ?? ""
    let total: Int? =
      switch task {
      case "migration_driver_in_progress", "data_copying_in_progress": share.migration?.progress
      case "migration_success", "data_copying_error", "migration_cancelled", "migration_cancel_in_progress",
        "migration_completing", "migration_driver_phase1_done", "data_copying_completed", "data_copying_completing",
        "data_copying_cancelled", "migration_error":
        100
      case "migration_starting", "migration_driver_starting", "data_copying_starting", "migration_in_progress": 0
      default: nil
      }
    guard let total else {
      let reason = validationMessage(share) ?? "Migration progress of share \(share.id) cannot be obtained at this moment."
      return .fault(400, "Invalid share: \(reason).")
    }
    var view: JSONObject = ["total_progress": .int(total), "task_state": .orNull(share.taskState)]
    if state.version(call) >= Microversion(2, 59) { view["details"] = .object([:]) }
    return .json(200, .object(view))
  }

  /// The action, which 2.98 replaced with the `GET`.
  static func progressAction(_ state: inout CloudState, _ call: Call, share: ManilaState.Share, body: JSON) -> APIResponse {
    guard state.version(call) < Microversion(2, 98) else { return .fault(404, "The resource could not be found.") }
    return progress(&state, call, share: share, body: body)
  }

  /// `GET /v2/shares/{id}/migration-progress` (2.98).
  static func showProgress(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let id = call.parameters["id"] ?? ""
    guard state.version(call) >= Microversion(2, 98) else { return .fault(404, "The resource could not be found.") }
    guard let share = ShareService.visibleShare(state, id: id, caller: call.caller) else {
      return .fault(404, "Share \(id) not found.")
    }
    return progress(&state, call, share: share, body: .null)
  }

  /// `_migration_validate_error_message`: why there is nothing to complete, cancel or measure.
  private static func validationMessage(_ share: ManilaState.Share) -> String? {
    switch share.taskState {
    case "migration_success"?: "Migration of share \(share.id) has already completed."
    case nil, "migration_error"?: "There is no migration being performed for share \(share.id) at this moment."
    case "migration_cancelled"?: "Migration of share \(share.id) was already cancelled."
    case "migration_driver_phase1_done"?, "data_copying_completed"?:
      "Migration of share \(share.id) has already completed first phase."
    default: nil
    }
  }
}
