import CloudAPI

extension ManilaState {
  /// A lock on an action of a share (`manila/lock/api.py`): while it stands, nobody deletes,
  /// soft-deletes or unmanages the share.
  struct ResourceLock {
    var id: String
    var userID: String
    var projectID: String
    /// `user` or `admin`: who placed it, which decides who may change or remove it.
    var lockContext: String
    var resourceType: String
    var resourceID: String
    var resourceAction: String
    var lockReason: String?
    var created: Int64
    var updated: Int64?
  }
}

/// Resource locks (`manila/api/v2/resource_locks.py`, 2.81) on shares' `delete` action and on
/// access rules' `delete` and `show` (``AccessRuleLocks``). A lock belongs to its project
/// (others', but an admin's, see none of it); a user's lock may be changed or removed by anyone
/// who sees it, an admin's only by an admin.
enum ResourceLockService {
  static func register(in router: inout Router<CloudState>) {
    router.add(.post, "/v2/resource-locks", create)
    router.add(.get, "/v2/resource-locks", list)
    router.add(.get, "/v2/resource-locks/{id}", { state, call in resource.show(state, call) })
    router.add(.put, "/v2/resource-locks/{id}", update)
    router.add(.delete, "/v2/resource-locks/{id}", delete)
  }

  /// `_resource_lock_get` (`project_only`): the caller's project's locks; an admin's, any.
  static let resource = ManilaResource<ManilaState.ResourceLock>(
    records: \.resourceLocks, id: \.id, member: "resource_lock", collection: "resource_locks",
    notFound: { "Resource lock \($0) could not be found." },
    isVisible: { lock, caller in caller?.isAdmin == true || lock.projectID == caller?.projectID },
    filters: QueryFilters([
      .exact("id", { $0.id }), .exact("user_id", { $0.userID }),
      .exact("resource_id", { $0.resourceID }), .exact("resource_type", { $0.resourceType }),
      .exact("lock_context", { $0.lockContext }), .exact("resource_action", { $0.resourceAction }),
      .exact("lock_reason", { $0.lockReason }),
    ]),
    fields: [
      .text("id", { $0.id }), .text("user_id", { $0.userID }), .text("project_id", { $0.projectID }),
      .text("lock_context", { $0.lockContext }), .text("resource_type", { $0.resourceType }),
      .text("resource_id", { $0.resourceID }), .text("resource_action", { $0.resourceAction }),
      .text("lock_reason", { $0.lockReason }), .time("created_at", { $0.created }), .time("updated_at", { $0.updated }),
      ViewField("links") { _, _ in .array([]) },
    ])

  /// `RESOURCE_LOCK_ACTIONS_MAPPING`.
  private static let actions = ["share": ["delete"], "access_rule": ["delete", "show"]]
  /// `DISALLOWED_STATUS_WHEN_LOCKING_SHARES`.
  private static let unlockableStatuses: Set<String> = [
    "deleting", "error_deleting", "unmanaging", "manage_error_unmanaging", "unmanage_error", "unmanaged",
  ]

  /// `_check_body`: the type (a share's by default), the action (`delete` by default) and, on
  /// create, a resource ID in UUID form; on update only the action and the reason.
  private static func checkBody(_ body: JSONObject, updating lock: ManilaState.ResourceLock?) -> APIResponse? {
    let type = lock?.resourceType ?? body["resource_type"]?.string ?? "share"
    let action = body["resource_action"]?.string.flatMap { $0.isEmpty ? nil : $0 } ?? "delete"
    if (body["lock_reason"]?.string ?? "").count > 1023 {
      return .fault(400, "'lock_reason' can contain a maximum of 1023 characters.")
    }
    guard let allowed = actions[type] else {
      return .fault(400, "'resource_type' is required and must be one of ('share', 'access_rule')")
    }
    guard allowed.contains(action) else {
      return .fault(400, "'resource_action' can only be one of \(PythonValue.repr(.array(allowed.map(JSON.string))))")
    }
    if lock != nil {
      guard Set(body.keys).isSubset(of: ["resource_action", "lock_reason"]) else {
        return .fault(400, "Only 'resource_action' and 'lock_reason' can be updated.")
      }
    } else if !UUIDText.isUUIDLike(body["resource_id"]?.string ?? "") {
      return .fault(400, "Resource ID is required and must be in uuid format.")
    }
    return nil
  }

  /// `_get_lock_context`: a service is not among the callers the cloud has.
  private static func lockContext(of caller: Caller) -> String { caller.isAdmin ? "admin" : "user" }

  /// `_check_allow_lock_manipulation`: an admin's lock is an admin's to change.
  private static func manipulationRefusal(_ lock: ManilaState.ResourceLock, by caller: Caller) -> APIResponse? {
    guard lock.lockContext == "admin", !caller.isAdmin else { return nil }
    return .fault(403, "Resource lock cannot be manipulated by user. Please contact the administrator.")
  }

  /// `_check_resource_state_for_locking`: why the share cannot be locked (InvalidInput's
  /// message), if it cannot; create answers it as a conflict, update as a bad request.
  private static func stateRefusal(of share: ManilaState.Share, action: String) -> String? {
    if action == "delete", unlockableStatuses.contains(share.status) {
      return "Invalid input received: Resource status not suitable for locking."
    }
    if share.scheduledDeletion != nil {
      return "Invalid input received: Resource cannot be locked since it has been soft deleted."
    }
    return nil
  }

  static func create(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    guard case .object(let body)? = call.request.body?["resource_lock"] else {
      return .fault(400, "Malformed request body.")
    }
    if let refusal = checkBody(body, updating: nil) { return refusal }
    let type = body["resource_type"]?.string ?? "share"
    let action = body["resource_action"]?.string.flatMap { $0.isEmpty ? nil : $0 } ?? "delete"
    let resourceID = body["resource_id"]?.string ?? ""
    if type == "access_rule" { return createOnAccessRule(resourceID, action: action, body: body, caller: caller, &state, call) }
    guard let share = ShareService.visibleShare(state, id: resourceID, caller: caller) else {
      return .fault(400, "No such resource found.")
    }
    if let refusal = stateRefusal(of: share, action: action) { return .fault(409, refusal) }
    let lock = ManilaState.ResourceLock(
      id: state.ids.uuid(), userID: caller.userID, projectID: caller.projectID, lockContext: lockContext(of: caller),
      resourceType: type, resourceID: share.id, resourceAction: action, lockReason: body["lock_reason"]?.string,
      created: state.clock.now, updated: nil)
    state.manila.resourceLocks.append(lock)
    return .json(200, .object(["resource_lock": resource.view(lock, resource.context(state, call))]))
  }

  /// A lock on an access rule of a share the caller sees: one visibility lock at most, none on a
  /// rule being denied or in error.
  private static func createOnAccessRule(
    _ id: String, action: String, body: JSONObject, caller: Caller, _ state: inout CloudState, _ call: Call
  ) -> APIResponse {
    guard let rule = state.manila.accessRules.first(where: { $0.id == id }),
      ShareService.visibleShare(state, id: rule.shareID, caller: caller) != nil
    else { return .fault(400, "No such resource found.") }
    if action == "show", state.manila.resourceLocks.contains(where: { $0.resourceID == id && $0.resourceAction == "show" }) {
      // webob's HTTPConflict given its text as `detail`: the fault shows its explanation.
      return .fault(409, "There was a conflict when trying to complete your request.")
    }
    if action == "delete", ["queued_to_deny", "denying", "error", "deleted"].contains(rule.state) {
      return .fault(409, "Invalid input received: Resource status not suitable for locking.")
    }
    let lock = AccessRuleLocks.add(action, on: id, type: "access_rule", reason: body["lock_reason"]?.string, by: caller, in: &state)
    return .json(200, .object(["resource_lock": resource.view(lock, resource.context(state, call))]))
  }

  /// `resource_lock_get_all`: the caller's project's locks, or the project asked for, or, for an
  /// admin, every project's (`all_projects`, `all_tenants`: any value the database finds true). A
  /// member's `all_projects` is dropped by policy, and its `project_id` with it; a member asking
  /// for another project is refused. Newest first unless told; `created_since`/`created_before`
  /// compare creation times.
  static func list(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    let droppedByPolicy = !caller.isAdmin && call.query("all_projects") != nil
    let allProjects = caller.isAdmin && ["all_projects", "all_tenants"].contains { !(call.query($0) ?? "").isEmpty }
    let project = droppedByPolicy ? nil : call.query("project_id")
    if let project, !caller.isAdmin, project != caller.projectID { return .fault(403, "Not authorized.") }
    var bounds: [(Int64) -> Bool] = []
    for (key, keeps) in [("created_since", { (a: Int64, b: Int64) in a >= b }), ("created_before", { $0 <= $1 })] {
      guard let text = call.query(key) else { continue }
      guard let time = VirtualClock.parseISO(text) ?? VirtualClock.parseISO(text + "T00:00:00") else {
        return .fault(400, "Invalid value specified for the query key: \(key)")
      }
      bounds.append { keeps($0, time) }
    }
    let key = call.query("sort_key") ?? "created_at"
    let ascending = call.query("sort_dir") == "asc"
    let sortValue = { (lock: ManilaState.ResourceLock) -> String in
      switch key {
      case "id": lock.id
      case "resource_id": lock.resourceID
      case "resource_type": lock.resourceType
      case "resource_action": lock.resourceAction
      case "lock_context": lock.lockContext
      case "user_id": lock.userID
      case "project_id": lock.projectID
      case "updated_at": lock.updated.map { VirtualClock.isoMicroseconds($0) } ?? ""
      default: VirtualClock.isoMicroseconds(lock.created)
      }
    }
    var locks = state.manila.resourceLocks.filter { lock in
      (project.map { lock.projectID == $0 } ?? (allProjects || lock.projectID == caller.projectID))
        && bounds.allSatisfy { $0(lock.created) }
    }
    // A stable sort, as the database's with its tie-breaker on the ID.
    locks = locks.enumerated().sorted { a, b in
      let (x, y) = (sortValue(a.element), sortValue(b.element))
      if x != y { return ascending ? x < y : x > y }
      return ascending ? a.element.id < b.element.id : a.element.id > b.element.id
    }.map(\.element)
    return resource.table.list(locks, call, resource.context(state, call))
  }

  /// `update`: the action or the reason; a `null` reason clears it.
  static func update(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    guard let lock = resource.find(state, call), let index = resource.index(state, of: lock.id) else {
      return .fault(404, "Resource lock \(call.parameters["id"] ?? "") could not be found.")
    }
    guard case .object(let body)? = call.request.body?["resource_lock"] else {
      return .fault(400, "Malformed request body.")
    }
    if let refusal = checkBody(body, updating: lock) ?? manipulationRefusal(lock, by: caller) { return refusal }
    if let action = body["resource_action"]?.string {
      // Manila looks for the resource's visibility locks and tests the (locks, count) pair it
      // gets back, which is never empty: a lock never becomes a visibility lock.
      if action == "show", lock.resourceAction != "show" {
        return .fault(400, "Invalid input received: The resource already has a visibility lock..")
      }
      if let share = state.manila.shares.first(where: { $0.id == lock.resourceID }),
        let refusal = stateRefusal(of: share, action: action)
      {
        return .fault(400, refusal)
      }
      state.manila.resourceLocks[index].resourceAction = action
    }
    if let reason = body["lock_reason"] { state.manila.resourceLocks[index].lockReason = reason.string }
    state.manila.resourceLocks[index].updated = state.clock.now
    return .json(200, .object(["resource_lock": resource.view(state.manila.resourceLocks[index], resource.context(state, call))]))
  }

  static func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    guard let lock = resource.find(state, call) else {
      return .fault(404, "Resource lock \(call.parameters["id"] ?? "") could not be found.")
    }
    if let refusal = manipulationRefusal(lock, by: caller) { return refusal }
    state.manila.resourceLocks.removeAll { $0.id == lock.id }
    return .noContent()
  }

  /// `prevent_locked_action_on_share`: the locks on the share's `action`, anyone's, newest
  /// first, refuse it (403 through the API's `InvalidShare`).
  static func refusal(of action: String, on shareID: String, in state: CloudState) -> APIResponse? {
    let locks = state.manila.resourceLocks.filter { $0.resourceID == shareID && $0.resourceAction == action }
      .sorted { $0.created != $1.created ? $0.created > $1.created : $0.id > $1.id }
    guard !locks.isEmpty else { return nil }
    return .fault(403, "Resource lock/s [\(locks.map(\.id).joined(separator: ", "))] prevent \(action) action.")
  }
}
