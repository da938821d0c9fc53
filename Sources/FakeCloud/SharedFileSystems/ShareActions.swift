import CloudAPI

/// `POST /v2/shares/{id}/action`: the body's one key names the action (`allow_access`, or
/// `os-allow_access` before 2.7), each answered by its own handler.
enum ShareActions {
  typealias Handler = @Sendable (inout CloudState, Call, ManilaState.Share, JSON) -> APIResponse

  /// Each action by its names: the one of 2.7 on, and the `os-` one before.
  static let handlers: [String: (Microversion?, Handler)] = [
    "allow_access": (Microversion(2, 7), ShareAccessService.allow),
    "os-allow_access": (nil, ShareAccessService.allow),
    "deny_access": (Microversion(2, 7), ShareAccessService.deny),
    "os-deny_access": (nil, ShareAccessService.deny),
    "access_list": (Microversion(2, 7), { state, call, share, _ in ShareAccessService.accessList(&state, call, share: share) }),
    "os-access_list": (nil, { state, call, share, _ in ShareAccessService.accessList(&state, call, share: share) }),
    "extend": (Microversion(2, 7), ShareResize.extend), "os-extend": (nil, ShareResize.extend),
    "shrink": (Microversion(2, 7), ShareResize.shrink), "os-shrink": (nil, ShareResize.shrink),
    "reset_status": (Microversion(2, 7), ShareUpdates.resetStatus), "os-reset_status": (nil, ShareUpdates.resetStatus),
    "reset_task_state": (Microversion(2, 22), ShareUpdates.resetTaskState),
    "migration_start": (Microversion(2, 29), ShareMigration.start),
    "migration_complete": (Microversion(2, 22), ShareMigration.complete),
    "migration_cancel": (Microversion(2, 22), ShareMigration.cancel),
    "migration_get_progress": (Microversion(2, 22), ShareMigration.progressAction),
    "revert": (Microversion(2, 27), ShareLifecycle.revert),
    "unmanage": (Microversion(2, 7), ShareAdoption.unmanageShare), "os-unmanage": (nil, ShareAdoption.unmanageShare),
    "force_delete": (Microversion(2, 7), ShareLifecycle.forceDelete), "os-force_delete": (nil, ShareLifecycle.forceDelete),
    "soft_delete": (Microversion(2, 69), ShareRecycleBin.softDelete),
    "restore": (Microversion(2, 69), ShareRecycleBin.restore),
  ]

  static func handle(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard case .object(let body)? = call.request.body, body.count == 1, let (name, value) = body.first.map({ ($0.key, $0.value) }),
      let (since, handler) = handlers[name]
    else { return .fault(400, "There is no such action: \(call.request.body?.object.first?.key ?? "None")") }
    let version = state.version(call)
    // An `os-` name is served below 2.7 only, the other from 2.7.
    if let since, version < since { return .fault(400, "There is no such action: \(name)") }
    if since == nil && name.hasPrefix("os-") && version >= Microversion(2, 7) {
      return .fault(400, "There is no such action: \(name)")
    }
    let id = call.parameters["id"] ?? ""
    guard let share = ShareService.visibleShare(state, id: id, caller: call.caller) else {
      return .fault(404, name == "restore" ? "No share exists with ID \(id)." : "Share \(id) could not be found.")
    }
    if let refusal = ShareRecycleBin.refusal(of: name, on: share, id: id) { return refusal }
    return handler(&state, call, share, value)
  }
}
