import CloudAPI

/// Share actions that end or restore a share's life: `force_delete` (admin), `revert` (2.27).
enum ShareLifecycle {
  static let revertDelay: Int64 = 1_402_877

  /// `_revert`: a share that can, available, to its latest available snapshot; `reverting`,
  /// then available again.
  static func revert(_ state: inout CloudState, _ call: Call, share: ManilaState.Share, body: JSON) -> APIResponse {
    let snapshotID = body["snapshot_id"]?.string ?? ""
    guard let snapshot = state.manila.snapshots.first(where: { $0.id == snapshotID }) else {
      return .fault(404, "Snapshot \(snapshotID) could not be found.")
    }
    let type = state.manila.shareTypes.first { $0.id == share.shareTypeID }
    guard type?.extraSpecs["revert_to_snapshot_support"].flatMap(ExtraSpecs.boolean) == true else {
      return .fault(
        400,
        "Share \(share.id) may not be reverted to snapshot \(snapshotID), because the share does not have that capability.")
    }
    guard snapshot.shareID == share.id else {
      return .fault(400, "Snapshot \(snapshotID) is not associated with share \(share.id).")
    }
    guard share.status == "available" else {
      return .fault(
        409, "Share \(share.id) is in '\(share.status)' state, but it must be in 'available' state to be reverted to a snapshot.")
    }
    guard snapshot.status == "available" else {
      return .fault(
        409, "Snapshot \(snapshotID) is in '\(snapshot.status)' state, but it must be in 'available' state to be restored.")
    }
    let latest = state.manila.snapshots.filter { $0.shareID == share.id }.max { $0.created < $1.created }
    if let latest, latest.id != snapshotID {
      return .fault(
        409,
        "Snapshot \(snapshotID) may not be restored because it is not the most recent snapshot of share \(share.id). Currently the latest snapshot is \(latest.id).")
    }
    if share.accessRulesStatus != "active" {
      return .fault(
        409, "Snapshot \(snapshotID) belongs to a share \(share.id) which has access rules that are not active.")
    }
    guard let index = state.manila.shares.firstIndex(where: { $0.id == share.id }),
      let snapshotIndex = state.manila.snapshots.firstIndex(where: { $0.id == snapshotID })
    else { return .fault(404, "") }
    state.manila.shares[index].status = "reverting"
    state.manila.snapshots[snapshotIndex].status = "restoring"
    let id = share.id
    state.after(revertDelay) { state in
      if let index = state.manila.shares.firstIndex(where: { $0.id == id }) {
        state.manila.shares[index].status = "available"
        state.manila.shares[index].size = snapshot.size
        state.manila.shares[index].updated = state.clock.now
      }
      if let index = state.manila.snapshots.firstIndex(where: { $0.id == snapshotID }) {
        state.manila.snapshots[index].status = "available"
      }
    }
    return APIResponse(status: 202)
  }

  /// `force_delete`: whatever the status, `deleting`, then gone with its rules.
  static func forceDelete(_ state: inout CloudState, _ call: Call, share: ManilaState.Share, body: JSON) -> APIResponse {
    if let fault = ShareTypeService.policyFault(call, "share:force_delete") { return fault }
    guard let index = state.manila.shares.firstIndex(where: { $0.id == share.id }) else { return .fault(404, "") }
    state.manila.shares[index].status = "deleting"
    let id = share.id
    state.after(620_113) { state in
      state.manila.shares.removeAll { $0.id == id }
      state.manila.accessRules.removeAll { $0.shareID == id }
    }
    return APIResponse(status: 202)
  }
}
