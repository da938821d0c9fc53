import CloudAPI

extension ManilaState {
  /// An access rule to a mountable snapshot (`share_snapshot_access_map`).
  struct SnapshotAccessRule {
    var id: String
    var snapshotID: String
    var accessType: String
    var accessTo: String
    /// `queued_to_apply`, then `active`.
    var state: String
  }
}

/// Access to a snapshot of a share whose type lets its snapshots be mounted (2.32):
/// `allow_access` and `deny_access` actions and the access list.
enum SnapshotAccessService {
  static let applyDelay: Int64 = 402_663

  private static func view(_ rule: ManilaState.SnapshotAccessRule) -> JSON {
    .object([
      "id": .string(rule.id), "access_type": .string(rule.accessType), "access_to": .string(rule.accessTo),
      "state": .string(rule.state),
    ])
  }

  /// `_check_mount_snapshot_support`: the parent share's type must allow mounting snapshots.
  private static func mountFault(_ state: CloudState, _ snapshot: ManilaState.Snapshot) -> APIResponse? {
    let share = state.manila.shares.first { $0.id == snapshot.shareID }
    let type = state.manila.shareTypes.first { $0.id == share?.shareTypeID }
    guard type?.extraSpecs["mount_snapshot_support"].flatMap(ExtraSpecs.boolean) != true else { return nil }
    return .fault(
      400,
      "Cannot control access to the snapshot \(snapshot.id) since the parent share \(snapshot.shareID) does not support mounting its snapshots.")
  }

  /// `_allow`: a valid rule, not already there, to an available snapshot.
  static func allow(_ state: inout CloudState, _ call: Call, snapshot: ManilaState.Snapshot, body: JSON) -> APIResponse {
    guard case .object(let data) = body else { return .fault(400, "Access data not found in request body.") }
    for parameter in ["access_type", "access_to"] where data[parameter] == nil {
      return .fault(400, "Required parameter \(parameter) not found.")
    }
    let type = data["access_type"]?.string ?? ""
    let to = data["access_to"]?.string ?? ""
    if let error = ShareAccessService.validate(type: type, to: to, version: state.version(call)) { return .fault(400, error) }
    if let fault = mountFault(state, snapshot) { return fault }
    if state.manila.snapshotAccessRules.contains(where: { $0.snapshotID == snapshot.id && $0.accessType == type && $0.accessTo == to }) {
      return .fault(400, "Share snapshot access \(type):\(to) exists.")
    }
    guard snapshot.status == "available" else {
      return .fault(
        400,
        "Invalid share snapshot instance: New access rules cannot be applied while the snapshot or any of its replicas or migration copies lacks a valid host or is not in available state..")
    }
    let rule = ManilaState.SnapshotAccessRule(
      id: state.ids.uuid(), snapshotID: snapshot.id, accessType: type, accessTo: to, state: "queued_to_apply")
    state.manila.snapshotAccessRules.append(rule)
    let id = rule.id
    state.after(applyDelay) { state in
      guard let index = state.manila.snapshotAccessRules.firstIndex(where: { $0.id == id }) else { return }
      state.manila.snapshotAccessRules[index].state = "active"
    }
    return .json(202, .object(["snapshot_access": view(rule)]))
  }

  /// `_deny`: a rule of this snapshot goes (the driver removes it at once).
  static func deny(_ state: inout CloudState, _ call: Call, snapshot: ManilaState.Snapshot, body: JSON) -> APIResponse {
    guard case .object(let data) = body else { return .fault(400, "Access data not found in request body.") }
    guard let id = data["access_id"]?.string else { return .fault(400, "Required parameter access_id not found.") }
    if let fault = mountFault(state, snapshot) { return fault }
    guard let rule = state.manila.snapshotAccessRules.first(where: { $0.id == id }) else {
      return .fault(404, "Share snapshot access \(id) could not be found.")
    }
    guard rule.snapshotID == snapshot.id else {
      return .fault(400, "Access rule provided is not associated with given snapshot.")
    }
    state.manila.snapshotAccessRules.removeAll { $0.id == id }
    return APIResponse(status: 202)
  }

  /// `GET /v2/snapshots/{id}/access-list`.
  static func list(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let snapshot = SnapshotService.resource.find(state, call) else {
      return .fault(404, "Snapshot \(call.parameters["id"] ?? "") could not be found.")
    }
    if let fault = mountFault(state, snapshot) { return fault }
    let rules = state.manila.snapshotAccessRules.filter { $0.snapshotID == snapshot.id }
    return .json(200, .object(["snapshot_access_list": .array(rules.map(view))]))
  }
}
