import CloudAPI

extension ManilaState {
  /// What the dummy driver keeps of a share or snapshot it stopped managing: the share's
  /// mount point (the part of its export path after `:/`), a snapshot's provider location.
  struct Abandoned {
    var shareMounts: Set<String> = []
    var snapshotLocations: Set<String> = []
    /// The identifiers of abandoned share servers, whose details the dummy driver keeps.
    var shareServers: Set<String> = []
  }
}

/// Bringing storage under Manila's management and letting it go (admin): `share adopt` /
/// `abandon` (`POST /shares/manage`, the `unmanage` action) and the same for snapshots. As with
/// the dummy driver, only what was abandoned can be adopted again, with a size of 1 GiB.
enum ShareAdoption {
  static let manageDelay: Int64 = 824_337

  static func register(in router: inout Router<CloudState>) {
    router.add(.post, "/v2/shares/manage", manageShare)
    router.add(.post, "/v2/snapshots/manage", manageSnapshot)
  }

  private static let transitional: Set<String> = [
    "creating", "deleting", "extending", "shrinking", "migrating", "manage_starting", "unmanage_starting", "reverting",
    "backup_creating", "backup_restoring",
  ]

  private static func mount(_ path: String) -> String {
    path.components(separatedBy: ":/").last ?? path
  }

  /// `_manage` (2.49 on): a pool on a known share service, a share type, an export path no
  /// share has; `manage_starting`, then available or `manage_error`.
  static func manageShare(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let fault = ShareTypeService.policyFault(call, "share:manage") { return fault }
    guard let caller = call.caller, case .object(let data)? = call.request.body?["share"] else {
      return .fault(422, "Share entity not found in request body")
    }
    for parameter in ["export_path", "service_host", "protocol"] {
      guard let value = data[parameter] else { return .fault(422, "Required parameter \(parameter) not found") }
      if value == .null || value.string == "" { return .fault(422, "Required parameter \(parameter) is empty") }
    }
    let host = data["service_host"]?.string ?? ""
    guard host.contains("#"), !host.hasSuffix("#") else { return .fault(400, "service_host parameter should contain pool.") }
    let service = String(host.prefix { $0 != "#" })
    guard ShareInfrastructureService.services(state).contains(where: { $0.host == service && $0.binary == "manila-share" }) else {
      return .fault(404, "Service \(service) could not be found.")
    }
    let typeName = data["share_type"]?.string ?? state.manila.defaultShareType ?? ""
    guard let type = state.manila.shareTypes.first(where: { $0.id == typeName || $0.name == typeName }) else {
      return .fault(404, "Share type \(typeName) could not be found.")
    }
    let path = data["export_path"]?.string ?? ""
    if state.manila.shares.contains(where: { share in share.exportLocations.contains { $0.path == path } }) {
      return .fault(409, "Invalid share: A share already exists with the export path specified..")
    }
    let share = ManilaState.Share(
      id: state.newResourceID(), instanceID: state.ids.uuid(), name: data["name"]?.string,
      description: data["description"]?.string, size: 0, proto: (data["protocol"]?.string ?? "").uppercased(),
      status: "manage_starting", availabilityZone: state.manila.backends.first { $0.host == host }?.availabilityZone, host: host,
      projectID: caller.projectID, userID: caller.userID, shareTypeID: type.id, shareNetworkID: nil,
      isPublic: data["is_public"] == .bool(true), metadata: [:], created: state.clock.now, progress: nil,
      requestID: call.requestID)
    state.manila.shares.append(share)
    let id = share.id
    let known = state.manila.abandoned.shareMounts.contains(mount(path))
    state.after(manageDelay) { state in
      guard let index = state.manila.shares.firstIndex(where: { $0.id == id }) else { return }
      guard known else {
        state.manila.shares[index].status = "manage_error"
        return
      }
      state.manila.abandoned.shareMounts.remove(mount(path))
      state.manila.shares[index].size = 1
      guard let backend = state.manila.backends.first(where: { $0.host == host }) else { return }
      ShareService.manage(share: id, on: backend, in: &state)
    }
    let view = ShareService.view(share, state: state, caller: caller, version: state.version(call))
    return .json(200, .object(["share": view]))
  }

  /// The `unmanage` action: not with deletion locks, replicas, snapshots or backups, nor while in transition;
  /// `unmanage_starting`, then gone (the driver remembers its mount point).
  static func unmanageShare(_ state: inout CloudState, _ call: Call, share: ManilaState.Share, body: JSON) -> APIResponse {
    if let fault = ShareTypeService.policyFault(call, "share:unmanage") { return fault }
    if let refusal = ResourceLockService.refusal(of: "delete", on: share.id, in: state) { return refusal }
    let id = share.id
    if state.manila.shareReplicas.contains(where: { $0.shareID == id && $0.replicaState != "active" }) {
      return .fault(409, "Share \(id) has replicas. It cannot be unmanaged until all replicas are removed.")
    }
    if transitional.contains(share.status) {
      return .fault(
        403, "Share with transitional state can not be unmanaged. Share '\(id)' is in '\(share.status)' state.")
    }
    let snapshots = state.manila.snapshots.filter { $0.shareID == id }.count
    if snapshots > 0 {
      return .fault(403, "Share '\(id)' can not be unmanaged because it has '\(snapshots)' dependent snapshot(s).")
    }
    let backups = state.manila.shareBackups.filter { $0.shareID == id }.count
    if backups > 0 {
      return .fault(403, "Share '\(id)' can not be unmanaged because it has '\(backups)' dependent backup(s).")
    }
    guard let index = state.manila.shares.firstIndex(where: { $0.id == id }) else { return .fault(404, "") }
    state.manila.shares[index].status = "unmanage_starting"
    let mounts = share.exportLocations.map { mount($0.path) }
    state.after(manageDelay) { state in
      state.manila.shares.removeAll { $0.id == id }
      state.manila.accessRules.removeAll { $0.shareID == id }
      state.manila.shareReplicas.removeAll { $0.shareID == id }
      state.manila.abandoned.shareMounts.formUnion(mounts)
    }
    return APIResponse(status: 202)
  }

  /// `POST /snapshots/manage`: a snapshot of an available share at a provider location;
  /// `manage_starting`, then available (1 GiB) if the driver knows the location, else
  /// `manage_error`.
  static func manageSnapshot(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let fault = ShareTypeService.policyFault(call, "share_snapshot:manage_snapshot") { return fault }
    guard let caller = call.caller, case .object(let data)? = call.request.body?["snapshot"] else {
      return .fault(422, "Snapshot entity not found in request body.")
    }
    for parameter in ["share_id", "provider_location"] where data[parameter] == nil {
      return .fault(422, "Required parameter \(parameter) not found.")
    }
    let shareID = data["share_id"]?.string ?? ""
    guard let share = ShareService.visibleShare(state, id: shareID, caller: caller) else {
      return .fault(404, "Share \(shareID) could not be found.")
    }
    let location = data["provider_location"]?.string ?? ""
    if state.manila.snapshots.contains(where: { $0.providerLocation == location }) {
      return .fault(409, "Invalid share snapshot: A share snapshot already exists with provider location specified..")
    }
    let snapshot = ManilaState.Snapshot(
      id: state.newResourceID(), instanceID: state.ids.uuid(), shareID: shareID, projectID: share.projectID,
      userID: caller.userID, name: data["name"]?.string ?? data["display_name"]?.string,
      description: data["description"]?.string ?? data["display_description"]?.string, size: 0, shareProto: share.proto,
      status: "manage_starting", metadata: [:], created: state.clock.now, providerLocation: location)
    state.manila.snapshots.append(snapshot)
    let id = snapshot.id
    let known = state.manila.abandoned.snapshotLocations.contains(location)
    state.after(manageDelay) { state in
      guard let index = SnapshotService.resource.index(state, of: id) else { return }
      guard known else {
        state.manila.snapshots[index].status = "manage_error"
        return
      }
      state.manila.abandoned.snapshotLocations.remove(location)
      state.manila.snapshots[index].size = 1
      state.manila.snapshots[index].status = "available"
    }
    let view = SnapshotService.resource.view(snapshot, SnapshotService.resource.context(state, call))
    return .json(202, .object(["snapshot": view]))
  }

  /// The snapshot `unmanage` action: `unmanage_starting`, then gone (its location remembered).
  static func unmanageSnapshot(_ state: inout CloudState, _ call: Call, snapshot: ManilaState.Snapshot) -> APIResponse {
    if let fault = ShareTypeService.policyFault(call, "share_snapshot:unmanage_snapshot") { return fault }
    guard let index = SnapshotService.resource.index(state, of: snapshot.id) else { return .fault(404, "") }
    guard ["available", "error", "manage_error"].contains(snapshot.status) else {
      return .fault(
        403, "Snapshot with transitional state cannot be unmanaged. Snapshot '\(snapshot.id)' is in '\(snapshot.status)' state.")
    }
    state.manila.snapshots[index].status = "unmanage_starting"
    let id = snapshot.id
    let location = snapshot.providerLocation
    state.after(manageDelay) { state in
      state.manila.snapshots.removeAll { $0.id == id }
      state.manila.snapshotAccessRules.removeAll { $0.snapshotID == id }
      if let location { state.manila.abandoned.snapshotLocations.insert(location) }
    }
    return APIResponse(status: 202)
  }
}
