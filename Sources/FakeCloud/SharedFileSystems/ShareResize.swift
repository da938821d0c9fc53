import CloudAPI

/// `extend` and `shrink` (share actions, `os-` before 2.7): the share's status checked, the new
/// size checked against the current one and the project's gigabytes; `extending` or `shrinking`
/// until the driver is done.
enum ShareResize {
  static let resizeDelay: Int64 = 1_632_508

  static func extend(_ state: inout CloudState, _ call: Call, share: ManilaState.Share, body: JSON) -> APIResponse {
    guard let newSize = newSize(body) else { return .fault(400, "New share size must be specified as an integer.") }
    // 2.64's `force` (oslo's strict boolean), which only admins may use; the fake's scheduler
    // has no capacity check for an extension to skip.
    if state.version(call) >= Microversion(2, 64), let force = body["force"] {
      let text = if case .string(let text) = force { text } else { PythonValue.str(force) }
      guard let forced = StrictBool.parse(text) else { return .fault(400, "Invalid boolean force : \(text)") }
      if forced, let fault = ShareTypeService.policyFault(call, "share:force_extend") { return fault }
    }
    guard share.status == "available" else {
      return .fault(
        400,
        "Invalid share: Share \(share.id) status must be 'available' to extend, but current status is: \(share.status)..")
    }
    guard newSize > share.size else {
      return .fault(
        400,
        "Invalid input received: New size for extend must be greater than current size. (current: \(share.size), extended: \(newSize))..")
    }
    let scope = ManilaQuotas.Scope(projectID: share.projectID)
    let gigabytes = ManilaQuotas.resources.first { $0.name == "gigabytes" }
    let limit = gigabytes.map { state.manila.quotas.limit($0, for: scope) } ?? ManilaState.gigabytesQuota
    let used = gigabytes?.usage(state.manila, scope) ?? 0
    if limit >= 0 && newSize - share.size > limit - used {
      return .fault(403, "Requested share exceeds allowed project/user or share type gigabytes quota.")
    }
    resize(share.id, to: newSize, status: "extending", requestID: call.requestID, in: &state)
    return APIResponse(status: 202)
  }

  static func shrink(_ state: inout CloudState, _ call: Call, share: ManilaState.Share, body: JSON) -> APIResponse {
    guard let newSize = newSize(body) else { return .fault(400, "New share size must be specified as an integer.") }
    let valid = ["available", "shrinking_possible_data_loss_error"]
    guard valid.contains(share.status.lowercased()) else {
      return .fault(
        400,
        "Invalid share: Share \(share.id) status must in (\(valid.joined(separator: ", "))) to shrink, but current status is: \(share.status.lowercased())..")
    }
    guard newSize < share.size, newSize > 0 else {
      return .fault(
        400,
        "Invalid input received: New size for shrink must be less than current size and greater than 0 (current: \(share.size), new: \(newSize)).")
    }
    resize(share.id, to: newSize, status: "shrinking", requestID: call.requestID, in: &state)
    return APIResponse(status: 202)
  }

  /// `int(body[action]['new_size'])`: an integer, or a text of one.
  private static func newSize(_ body: JSON) -> Int? {
    switch body["new_size"] {
    case .int(let size)?: size
    case .string(let text)?: PythonInt.parse(text)
    default: nil
    }
  }

  /// The share manager: the back end's free capacity follows, the share is available again. A
  /// driver whose shares hold more data than the new size refuses to shrink
  /// (`ShareShrinkingPossibleDataLoss`): the share stays as it was, available, with message
  /// 009/018.
  private static func resize(_ id: String, to size: Int, status: String, requestID: String, in state: inout CloudState) {
    guard let index = state.manila.shares.firstIndex(where: { $0.id == id }) else { return }
    state.manila.shares[index].status = status
    state.after(resizeDelay) { state in
      guard let index = state.manila.shares.firstIndex(where: { $0.id == id }) else { return }
      let share = state.manila.shares[index]
      if status == "shrinking", let used = state.manila.backends.first(where: { $0.host == share.host })?.shareUsedSpace,
        size < used
      {
        state.manila.shares[index].status = "available"
        ShareService.leaveMessage(action: "009", detail: "018", share: share, requestID: requestID, in: &state)
        return
      }
      if let backend = state.manila.backends.firstIndex(where: { $0.host == share.host }) {
        state.manila.backends[backend].freeCapacity -= size - share.size
      }
      state.manila.shares[index].size = size
      state.manila.shares[index].status = "available"
      state.manila.shares[index].updated = state.clock.now
    }
  }
}
