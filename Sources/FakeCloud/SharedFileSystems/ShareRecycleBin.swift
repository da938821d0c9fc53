import CloudAPI

/// Manila's recycle bin (2.69): `soft_delete` moves a share there for
/// `soft_deleted_share_retention_time` (a week), `restore` takes it back; lists leave such shares
/// out unless `is_soft_deleted` asks for them, and most actions refuse them.
enum ShareRecycleBin {
  /// `soft_deleted_share_retention_time`'s default, in microseconds.
  static let retention: Int64 = 604_800 * 1_000_000

  /// `share_api.soft_delete`'s checks, in its order (its deletion locks first); 202.
  static func softDelete(_ state: inout CloudState, _ call: Call, share: ManilaState.Share, body: JSON) -> APIResponse {
    if let refusal = ResourceLockService.refusal(of: "delete", on: share.id, in: state) { return refusal }
    if share.scheduledDeletion != nil { return .fault(403, "Invalid share: The share has been soft deleted already.") }
    guard ["available", "error", "inactive"].contains(share.status) else {
      return .fault(403, "Invalid share: Share status must be one of ('available', 'error', 'inactive').")
    }
    if state.manila.shareReplicas.contains(where: { $0.shareID == share.id && $0.replicaState != "active" }) {
      return .fault(409, "Share \(share.id) has replicas. Remove the replicas before soft deleting the share.")
    }
    let snapshots = state.manila.snapshots.filter { $0.shareID == share.id }.count
    if snapshots > 0 { return .fault(403, "Invalid share: Share still has \(snapshots) dependent snapshots..") }
    let backups = state.manila.shareBackups.filter { $0.shareID == share.id }.count
    if backups > 0 { return .fault(403, "Invalid share: Share still has \(backups) dependent backups..") }
    guard let index = state.manila.shares.firstIndex(where: { $0.id == share.id }) else { return .fault(404, "") }
    state.manila.shares[index].scheduledDeletion = state.clock.now + retention
    return APIResponse(status: 202)
  }

  /// `share_restore`: a share not in the bin is answered 200 unchanged; one being deleted is
  /// refused; otherwise it is back, 202.
  static func restore(_ state: inout CloudState, _ call: Call, share: ManilaState.Share, body: JSON) -> APIResponse {
    guard share.scheduledDeletion != nil else { return APIResponse(status: 200) }
    if ["deleting", "error_deleting"].contains(share.status) {
      return .fault(
        403, "Share \(share.id) is being deleted or has suffered an error during deletion, cannot be restored.")
    }
    guard let index = state.manila.shares.firstIndex(where: { $0.id == share.id }) else { return .fault(404, "") }
    state.manila.shares[index].scheduledDeletion = nil
    return APIResponse(status: 202)
  }

  /// The 403 each action the API refuses on a share in the bin answers with, by action name.
  static func refusal(of action: String, on share: ManilaState.Share, id: String) -> APIResponse? {
    guard share.scheduledDeletion != nil else { return nil }
    let name = action.hasPrefix("os-") ? String(action.dropFirst(3)) : action
    let message: String? =
      switch name {
      case "reset_status": "status cannot be reset for share '\(id)' since it has been soft deleted."
      case "reset_task_state": "task state cannot be reset for share '\(id)' since it has been soft deleted."
      case "allow_access": "Cannot allow access for share '\(id)' since it has been soft deleted."
      case "deny_access": "Cannot deny access for share '\(id)' since it has been soft deleted."
      case "extend": "Cannot extend share '\(id)' since it has been soft deleted."
      case "shrink": "Cannot shrink share '\(id)' since it has been soft deleted."
      case "unmanage": "Share '\(share.id) cannot be unmanaged, since it has been soft deleted."
      case "revert": "Share '\(share.id) cannot revert to snapshot, since it has been soft deleted."
      default: nil
      }
    return message.map { .fault(403, $0) }
  }

  /// The `is_soft_deleted` query of a share list (`get_bool_from_api_params`); the database
  /// keeps shares outside the bin when it is absent.
  static func keeps(_ share: ManilaState.Share, _ call: Call) -> Bool {
    let wanted = call.query("is_soft_deleted").map { ["true", "1", "yes", "y", "on", "t"].contains($0.lowercased()) } ?? false
    return (share.scheduledDeletion != nil) == wanted
  }
}
