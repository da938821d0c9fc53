import CloudAPI

/// What `share set` and `share unset` reach: the share's update (`PUT /v2/shares/{id}`), its
/// metadata, and the admin actions `reset_status` and `reset_task_state`.
enum ShareUpdates {
  static func register(in router: inout Router<CloudState>) {
    router.add(.put, "/v2/shares/{id}", update)
    router.add(.post, "/v2/shares/{id}/metadata", setMetadata)
    router.add(.delete, "/v2/shares/{id}/metadata/{key}", unsetMetadata)
  }

  /// `update`: the display name and description (at most 255 characters), and `is_public` as a
  /// strict boolean, which only admins may set to true (`share:set_public_share`).
  static func update(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let body = call.request.body?["share"], case .object = body else {
      return .fault(422, "Unable to process the contained instructions")
    }
    for key in ["display_name", "display_description"] {
      if let text = body[key]?.string, text.count > 255 {
        return .fault(400, "\(key) can not be longer than 255 characters.")
      }
    }
    let id = call.parameters["id"] ?? ""
    guard let index = state.manila.shares.firstIndex(where: { $0.id == ShareService.visibleShare(state, id: id, caller: call.caller)?.id })
    else { return .fault(404, "The resource could not be found.") }
    if state.manila.shares[index].scheduledDeletion != nil {
      return .fault(403, "Share '\(state.manila.shares[index].id) cannot be updated, since it has been soft deleted.")
    }
    if let value = body["is_public"] {
      let text = ExtraSpecs.text(of: value)
      guard let isPublic = ExtraSpecs.boolean(value) else {
        return .fault(400, OsloBoolText.unrecognized(text))
      }
      if isPublic && call.caller?.isAdmin != true {
        return .fault(403, "User is not authorized to set 'is_public' to True in the request.")
      }
      state.manila.shares[index].isPublic = isPublic
    }
    if let name = body["display_name"] { state.manila.shares[index].name = name.string }
    if let description = body["display_description"] { state.manila.shares[index].description = description.string }
    state.manila.shares[index].updated = state.clock.now
    let share = state.manila.shares[index]
    return .json(200, .object(["share": ShareService.view(share, state: state, caller: call.caller, version: state.version(call))]))
  }

  /// The body checked first, then the share looked up, as Manila's metadata controller does.
  static func setMetadata(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let items: JSONObject
    switch ManilaMetadata.items(call.request.body) {
    case .failure(let fault): return fault.response
    case .success(let checked): items = checked
    }
    let id = call.parameters["id"] ?? ""
    guard let index = state.manila.shares.firstIndex(where: { $0.id == ShareService.visibleShare(state, id: id, caller: call.caller)?.id })
    else { return .fault(404, "Share \(id) could not be found.") }
    return ManilaMetadata.merge(items, into: &state.manila.shares[index].metadata)
  }

  static func unsetMetadata(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let id = call.parameters["id"] ?? ""
    guard let index = state.manila.shares.firstIndex(where: { $0.id == ShareService.visibleShare(state, id: id, caller: call.caller)?.id })
    else { return .fault(404, "Share \(id) could not be found.") }
    return ManilaMetadata.unset(call.parameters["key"] ?? "", from: &state.manila.shares[index].metadata)
  }

  static let statuses: Set<String> = [
    "creating", "available", "deleting", "error", "error_deleting", "migrating", "migrating_to", "server_migrating",
  ]
  static let taskStates = [
    "migration_starting", "migration_in_progress", "migration_completing", "migration_success", "migration_error",
    "migration_cancelled", "migration_driver_in_progress", "migration_driver_phase1_done", "data_copying_starting",
    "data_copying_in_progress", "data_copying_completing", "data_copying_completed", "data_copying_cancelled",
    "data_copying_error",
  ]

  /// `reset_status` (admin): one of Manila's share statuses.
  static func resetStatus(_ state: inout CloudState, _ call: Call, share: ManilaState.Share, body: JSON) -> APIResponse {
    if let fault = ShareTypeService.policyFault(call, "share:reset_status") { return fault }
    guard let status = (body["status"] ?? body["os-status"])?.string else { return .fault(400, "Must specify 'status'") }
    guard statuses.contains(status) else {
      return .fault(400, "Invalid state. Valid states: \(statuses.sorted().joined(separator: ", ")).")
    }
    if let index = state.manila.shares.firstIndex(where: { $0.id == share.id }) { state.manila.shares[index].status = status }
    return APIResponse(status: 202)
  }

  /// `reset_task_state` (admin): a migration task state, or none.
  static func resetTaskState(_ state: inout CloudState, _ call: Call, share: ManilaState.Share, body: JSON) -> APIResponse {
    if let fault = ShareTypeService.policyFault(call, "share:reset_task_state") { return fault }
    guard let value = body["task_state"] ?? body["os-task_state"] else { return .fault(400, "Must specify 'task_state'") }
    guard value == .null || taskStates.contains(value.string ?? "") else {
      return .fault(400, "Invalid state. Valid states: \((taskStates + ["None"]).joined(separator: ", ")).")
    }
    if let index = state.manila.shares.firstIndex(where: { $0.id == share.id }) {
      state.manila.shares[index].taskState = value.string
    }
    return APIResponse(status: 202)
  }
}

/// oslo's `bool_from_string(strict=True)` error text.
enum OsloBoolText {
  static func unrecognized(_ text: String) -> String {
    let acceptable = ["0", "1", "f", "false", "n", "no", "off", "on", "t", "true", "y", "yes"].map { "'\($0)'" }
    return "Unrecognized value \(PythonRepr.string(text)), acceptable values are: \(acceptable.joined(separator: ", "))"
  }
}
