import CloudAPI

/// Share replicas (`manila/api/v2/share_replicas.py`): a share whose type has a
/// `replication_type` gets an active replica when it is made; more replicas go to other
/// back ends, `out_of_sync` until the driver syncs them, and one may be promoted to active.
enum ShareReplicaService {
  static func register(in router: inout Router<CloudState>) {
    router.add(.post, "/v2/share-replicas", create)
    router.add(.get, "/v2/share-replicas", { state, call in list(state, call, brief: true) })
    router.add(.get, "/v2/share-replicas/detail", { state, call in list(state, call, brief: false) })
    router.add(.get, "/v2/share-replicas/{id}", { state, call in resource.show(state, call) })
    router.add(.delete, "/v2/share-replicas/{id}", delete)
    router.add(.post, "/v2/share-replicas/{id}/action", action)
    router.add(.get, "/v2/share-replicas/{id}/export-locations", listExportLocations)
    router.add(.get, "/v2/share-replicas/{id}/export-locations/{location}", showExportLocation)
    router.add(.get, "/v2/share-replicas/{id}/metadata", showMetadata)
    router.add(.post, "/v2/share-replicas/{id}/metadata", setMetadata)
    router.add(.delete, "/v2/share-replicas/{id}/metadata/{key}", unsetMetadata)
  }

  static let createDelay: Int64 = 1_873_004
  static let syncDelay: Int64 = 925_311

  static let resource = ManilaResource<ManilaState.ShareReplica>(
    records: \.shareReplicas, id: \.id, member: "share_replica", collection: "share_replicas",
    notFound: { "Replica \($0) not found." },
    isVisible: { _, _ in true },
    ordered: { $0.sorted { $0.created < $1.created } },
    fields: [
      .text("id", { $0.id }), .text("share_id", { $0.shareID }), .text("availability_zone", { $0.availabilityZone }),
      .time("created_at", { $0.created }), .text("status", { $0.status }),
      .text("share_network_id", { $0.shareNetworkID }), .text("replica_state", { $0.replicaState }),
      .time("updated_at", { $0.updated }),
      ViewField("share_server_id", adminOnly: true) { _, _ in .null }, .text("host", adminOnly: true, { $0.host }),
      ViewField("cast_rules_to_readonly", since: Microversion(2, 30), adminOnly: true) { replica, _ in
        .bool(replica.replicaState != "active")
      },
      ViewField("metadata", since: Microversion(2, 95)) { replica, _ in .object(replica.metadata) },
    ],
    briefFields: ["id", "share_id", "status", "replica_state"])

  // MARK: Metadata (2.95)

  /// The replica's index, when its share is the caller's to see; otherwise the controller's 404.
  private static func metadataOwner(_ state: CloudState, _ call: Call) -> Result<Int, FaultResponse> {
    guard state.version(call) >= Microversion(2, 95) else {
      return .failure(FaultResponse(.fault(404, "The resource could not be found.")))
    }
    guard let index = resource.index(state, of: call.parameters["id"] ?? ""),
      ShareService.visibleShare(state, id: state.manila.shareReplicas[index].shareID, caller: call.caller) != nil
    else { return .failure(FaultResponse(.fault(404, "Share_replica not found."))) }
    return .success(index)
  }

  static func showMetadata(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch metadataOwner(state, call) {
    case .failure(let fault): fault.response
    case .success(let index): .json(200, .object(["metadata": .object(state.manila.shareReplicas[index].metadata)]))
    }
  }

  static func setMetadata(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch (ManilaMetadata.items(call.request.body), metadataOwner(state, call)) {
    case (.failure(let fault), _), (_, .failure(let fault)): fault.response
    case (.success(let items), .success(let index)): ManilaMetadata.merge(items, into: &state.manila.shareReplicas[index].metadata)
    }
  }

  static func unsetMetadata(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch metadataOwner(state, call) {
    case .failure(let fault): fault.response
    case .success(let index): ManilaMetadata.unset(call.parameters["key"] ?? "", from: &state.manila.shareReplicas[index].metadata)
    }
  }

  /// The replicas of the shares the caller sees (of one share with `share_id`).
  static func list(_ state: CloudState, _ call: Call, brief: Bool) -> APIResponse {
    if let shareID = call.query("share_id"), ShareService.visibleShare(state, id: shareID, caller: call.caller) == nil {
      return .fault(404, "Share with share ID \(shareID) not found.")
    }
    return resource.list(state, call, brief: brief) { replica in
      ShareService.visibleShare(state, id: replica.shareID, caller: call.caller) != nil
        && (call.query("share_id").map { replica.shareID == $0 } ?? true)
    }
  }

  /// The share's `replication_type`, from its type's extra specs.
  static func replicationType(_ state: CloudState, _ share: ManilaState.Share) -> String? {
    state.manila.shareTypes.first { $0.id == share.shareTypeID }?.extraSpecs["replication_type"]?.string
  }

  /// The share's first replica, made active when the driver exports a share of a replicated type.
  static func addActiveReplica(of share: ManilaState.Share, in state: inout CloudState) {
    guard replicationType(state, share) != nil else { return }
    state.manila.shareReplicas.append(
      ManilaState.ShareReplica(
        id: share.instanceID, shareID: share.id, status: "available", replicaState: "active", host: share.host,
        availabilityZone: share.availabilityZone, shareNetworkID: share.shareNetworkID, created: share.created,
        updated: state.clock.now, exportLocations: share.exportLocations))
  }

  /// `create_share_replica`: a share of a replicated type, not in a group; the scheduler's
  /// back end in the zone asked for (or the share's).
  static func create(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard case .object(let body)? = call.request.body?["share_replica"] else {
      return .fault(422, "Body does not contain 'share_replica' information.")
    }
    guard let shareID = body["share_id"]?.string, !shareID.isEmpty else {
      return .fault(400, "Must provide Share ID to add replica.")
    }
    guard let share = ShareService.visibleShare(state, id: shareID, caller: call.caller) else {
      return .fault(404, "No share exists with ID \(shareID).")
    }
    let networkID = body["share_network_id"]?.string ?? share.shareNetworkID
    if let networkID, !state.manila.shareNetworks.contains(where: { $0.id == networkID }) {
      return .fault(400, "No share network exists with ID \(networkID).")
    }
    let zone = body["availability_zone"]?.string
    if let zone, !state.manila.backends.contains(where: { $0.availabilityZone == zone }) {
      return .fault(400, "Availability zone \(zone) could not be found.")
    }
    guard replicationType(state, share) != nil else {
      return .fault(400, "Replication not supported for share \(shareID).")
    }
    if share.shareGroupID != nil { return .fault(400, "Replication not supported for shares in a group.") }
    if let hints = body["scheduler_hints"]?.object, hints.keys.contains(where: { $0 != "only_host" }) {
      return .fault(400, "Invalid input received: Arg 'scheduler_hints' supports only 'only_host' key..")
    }
    guard share.status == "available" else {
      return .fault(400, "Share \(shareID) has status '\(share.status)' and cannot be replicated.")
    }
    let metadata = state.version(call) >= Microversion(2, 95) ? body["metadata"]?.object ?? [:] : [:]
    if let fault = ManilaMetadata.fault(metadata) { return fault }
    let replica = ManilaState.ShareReplica(
      id: state.ids.uuid(), shareID: shareID, status: "creating", replicaState: "out_of_sync", host: nil,
      availabilityZone: zone ?? share.availabilityZone, shareNetworkID: networkID, created: state.clock.now,
      metadata: metadata)
    state.manila.shareReplicas.append(replica)
    let onlyHost = body["scheduler_hints"]?["only_host"]?.string
    let id = replica.id
    state.after(createDelay) { state in
      guard let index = resource.index(state, of: id) else { return }
      let zone = state.manila.shareReplicas[index].availabilityZone
      let backend = state.manila.backends.first { backend in
        (onlyHost.map { backend.host == $0 } ?? true) && (zone.map { backend.availabilityZone == $0 } ?? true)
      }
      guard let backend else {
        state.manila.shareReplicas[index].status = "error"
        state.manila.shareReplicas[index].replicaState = "error"
        return
      }
      state.manila.shareReplicas[index].host = backend.host
      state.manila.shareReplicas[index].availabilityZone = backend.availabilityZone
      state.manila.shareReplicas[index].status = "available"
      state.manila.shareReplicas[index].replicaState = "in_sync"
      state.manila.shareReplicas[index].updated = state.clock.now
      let mount = "/path/to/fake/share/share_\(shareID)_\(id)".replacingEvery("-", with: "_")
      state.manila.shareReplicas[index].exportLocations = [("11.0.0.11", false, true), ("10.0.0.10", true, false)].map {
        ManilaState.ExportLocation(id: state.ids.uuid(), path: "\($0.0):\(mount)", preferred: $0.1, isAdminOnly: $0.2)
      }
    }
    return .json(202, .object(["share_replica": resource.view(replica, resource.context(state, call))]))
  }

  /// `delete_share_replica`: not the last active one; `deleting`, then gone.
  static func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let replica = resource.find(state, call), let index = resource.index(state, of: replica.id) else {
      return .fault(404, "No replica exists with ID \(call.parameters["id"] ?? "").")
    }
    if let fault = lastActiveFault(state, replica) { return fault }
    state.manila.shareReplicas[index].status = "deleting"
    let id = replica.id
    state.after(syncDelay) { state in state.manila.shareReplicas.removeAll { $0.id == id } }
    return APIResponse(status: 202)
  }

  private static func lastActiveFault(_ state: CloudState, _ replica: ManilaState.ShareReplica) -> APIResponse? {
    let actives = state.manila.shareReplicas.filter { $0.shareID == replica.shareID && $0.replicaState == "active" }
    guard replica.replicaState == "active", actives.count <= 1 else { return nil }
    return .fault(400, "Unable to perform a replication action: Cannot delete last active replica..")
  }

  /// `promote`, `resync`, and the admin's `reset_status`, `reset_replica_state`, `force_delete`.
  static func action(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard case .object(let body)? = call.request.body, let name = body.keys.first else {
      return .fault(400, "There is no such action: None")
    }
    guard let replica = resource.find(state, call), let index = resource.index(state, of: replica.id) else {
      return .fault(404, "No replica exists with ID \(call.parameters["id"] ?? "").")
    }
    switch name {
    case "promote":
      if replica.replicaState == "active" { return APIResponse(status: 200) }
      // 2.75's `quiesce_wait_time`: a text or number `strutils.is_int_like` takes, above 0 (the
      // dummy driver has nothing to wait for).
      if state.version(call) >= Microversion(2, 75), let wait = body["promote"]?["quiesce_wait_time"],
        ![.null, .string(""), .int(0), .bool(false)].contains(wait)
      {
        let text = if case .string(let text) = wait { text } else { PythonValue.str(wait) }
        guard let seconds = Int(text), String(seconds) == text, seconds > 0 else {
          return .fault(400, "quiesce_wait_time must be an integer and greater than 0.")
        }
      }
      guard replica.status == "available" else {
        return .fault(
          400,
          "Unable to perform a replication action: Replica \(replica.id) must be in available state to be promoted..")
      }
      if ["out_of_sync", "error"].contains(replica.replicaState), call.caller?.isAdmin != true {
        return .fault(
          403, "Promoting a replica with 'replica_state': \(replica.replicaState) requires administrator privileges.")
      }
      state.manila.shareReplicas[index].status = "replication_change"
      let id = replica.id
      state.after(syncDelay) { promote(id, in: &$0) }
    case "resync":
      if replica.replicaState == "active" { return APIResponse(status: 200) }
      let id = replica.id
      state.after(syncDelay) { state in
        guard let index = resource.index(state, of: id), state.manila.shareReplicas[index].status == "available" else { return }
        state.manila.shareReplicas[index].replicaState = "in_sync"
        state.manila.shareReplicas[index].updated = state.clock.now
      }
    case "reset_status", "reset_replica_state":
      if let fault = ShareTypeService.policyFault(call, "share_replica:\(name)") { return fault }
      let key = name == "reset_status" ? "status" : "replica_state"
      guard let value = body[name]?[key]?.string else { return .fault(400, "Must specify '\(key)'") }
      if name == "reset_status" {
        state.manila.shareReplicas[index].status = value
      } else {
        state.manila.shareReplicas[index].replicaState = value
      }
      state.manila.shareReplicas[index].updated = state.clock.now
    case "force_delete":
      if let fault = ShareTypeService.policyFault(call, "share_replica:force_delete") { return fault }
      state.manila.shareReplicas.remove(at: index)
    default: return .fault(400, "There is no such action: \(name)")
    }
    return APIResponse(status: 202)
  }

  /// The driver's promotion: the replica becomes active, the old active one `in_sync`, and the
  /// share lives where the new active replica is.
  private static func promote(_ id: String, in state: inout CloudState) {
    guard let index = resource.index(state, of: id) else { return }
    let promoted = state.manila.shareReplicas[index]
    for other in state.manila.shareReplicas.indices
    where state.manila.shareReplicas[other].shareID == promoted.shareID && state.manila.shareReplicas[other].replicaState == "active" {
      state.manila.shareReplicas[other].replicaState = "in_sync"
      state.manila.shareReplicas[other].updated = state.clock.now
    }
    state.manila.shareReplicas[index].replicaState = "active"
    state.manila.shareReplicas[index].status = "available"
    state.manila.shareReplicas[index].updated = state.clock.now
    if let share = state.manila.shares.firstIndex(where: { $0.id == promoted.shareID }) {
      state.manila.shares[share].host = promoted.host
      state.manila.shares[share].availabilityZone = promoted.availabilityZone
      state.manila.shares[share].exportLocations = promoted.exportLocations
    }
  }

  /// `manila/api/views/export_locations.py` for a replica (2.47): the replica's state, and for
  /// admins the instance and the admin-only flag.
  private static func locationView(
    _ location: ManilaState.ExportLocation, of replica: ManilaState.ShareReplica, isAdmin: Bool, detail: Bool
  ) -> JSON {
    var view: JSONObject = [
      "id": .string(location.id), "path": .string(location.path), "preferred": .bool(location.preferred),
      "replica_state": .string(replica.replicaState), "availability_zone": .orNull(replica.availabilityZone),
    ]
    if isAdmin {
      view["share_instance_id"] = .string(replica.id)
      view["is_admin_only"] = .bool(location.isAdminOnly)
    }
    if detail {
      view["created_at"] = .string(VirtualClock.isoMicroseconds(replica.updated ?? replica.created))
      view["updated_at"] = .null
    }
    return .object(view)
  }

  static func listExportLocations(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let replica = resource.find(state, call),
      ShareService.visibleShare(state, id: replica.shareID, caller: call.caller) != nil
    else { return .fault(404, "Share replica \(call.parameters["id"] ?? "") could not be found.") }
    let isAdmin = call.caller?.isAdmin == true
    let views = replica.exportLocations.filter { isAdmin || !$0.isAdminOnly }.map {
      locationView($0, of: replica, isAdmin: isAdmin, detail: false)
    }
    return .json(200, .object(["export_locations": .array(views)]))
  }

  static func showExportLocation(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let replica = resource.find(state, call),
      ShareService.visibleShare(state, id: replica.shareID, caller: call.caller) != nil
    else { return .fault(404, "Share replica \(call.parameters["id"] ?? "") could not be found.") }
    let isAdmin = call.caller?.isAdmin == true
    let locationID = call.parameters["location"] ?? ""
    guard let location = replica.exportLocations.first(where: { $0.id == locationID && (isAdmin || !$0.isAdminOnly) }) else {
      return .fault(404, "Export location '\(locationID)' not found.")
    }
    return .json(200, .object(["export_location": locationView(location, of: replica, isAdmin: isAdmin, detail: true)]))
  }
}
