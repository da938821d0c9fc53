import CloudAPI

/// Locks on access rules (2.82; `manila/api/v2/shares.py`'s `_create_access_locks` and
/// `_check_for_access_rule_locks`, `manila/lock/api.py`): a deletion lock keeps the rule from
/// being denied (and, through a lock of its own naming it, the share from being deleted); a
/// visibility lock hides the rule's `access_to` and `access_key` in the rules' API from everyone
/// but admins and the lock's user. The locks go with the rule.
enum AccessRuleLocks {
  /// `SHARE_LOCKED_BY_ACCESS_LOCK_REASON`: the reason of the share's lock that a rule's deletion
  /// lock places.
  static func shareLockReason(_ lockID: String) -> String { "Locked by access lock: \(lockID)" }

  /// `allow_access`'s locks, placed by the caller once the rule exists.
  static func place(
    on rule: ManilaState.AccessRule, deletion: Bool, visibility: Bool, reason: String?, by caller: Caller,
    in state: inout CloudState
  ) {
    if deletion {
      let lock = add("delete", on: rule.id, type: "access_rule", reason: reason, by: caller, in: &state)
      _ = add("delete", on: rule.shareID, type: "share", reason: shareLockReason(lock.id), by: caller, in: &state)
    }
    if visibility { _ = add("show", on: rule.id, type: "access_rule", reason: reason, by: caller, in: &state) }
  }

  @discardableResult
  static func add(
    _ action: String, on resourceID: String, type: String, reason: String?, by caller: Caller, in state: inout CloudState
  ) -> ManilaState.ResourceLock {
    let lock = ManilaState.ResourceLock(
      id: state.ids.uuid(), userID: caller.userID, projectID: caller.projectID, lockContext: caller.isAdmin ? "admin" : "user",
      resourceType: type, resourceID: resourceID, resourceAction: action, lockReason: reason, created: state.clock.now,
      updated: nil)
    state.manila.resourceLocks.append(lock)
    return lock
  }

  /// `_is_rule_restricted`: a visibility lock the caller may neither manipulate
  /// (`_check_allow_lock_manipulation`) nor bypass (`bypass_locked_show_action`: admins and the
  /// lock's user).
  static func isRestricted(_ rule: ManilaState.AccessRule, for caller: Caller?, in state: CloudState) -> Bool {
    guard let lock = state.manila.resourceLocks.first(where: { $0.resourceID == rule.id && $0.resourceAction == "show" })
    else { return false }
    let isAdmin = caller?.isAdmin == true
    if lock.lockContext == "admin" && !isAdmin { return true }
    return !(isAdmin || caller?.userID == lock.userID)
  }

  /// `_check_for_access_rule_locks`: a rule with deletion locks is denied only when the caller
  /// asks to drop them (`unrestrict`) and may delete every one (admins, and the user who placed a
  /// user's lock).
  static func denyRefusal(of ruleID: String, shareID: String, unrestrict: Bool, by caller: Caller?, in state: CloudState)
    -> APIResponse?
  {
    let locks = state.manila.resourceLocks.filter { $0.resourceID == ruleID && $0.resourceAction == "delete" }
    guard !locks.isEmpty else { return nil }
    guard unrestrict else {
      return .fault(
        403, "Cannot deny access for share '\(shareID)' since it has been locked. Please remove the locks and retry the operation")
    }
    let isAdmin = caller?.isAdmin == true
    let deletable = locks.allSatisfy { lock in
      isAdmin || (lock.lockContext != "admin" && lock.userID == caller?.userID && lock.projectID == caller?.projectID)
    }
    return deletable ? nil : .fault(403, "Unable to drop access rule restrictions that are not placed by you.")
  }

  /// `share_instance_access_delete`: the rule's locks go with it, and the share locks its
  /// deletion locks placed.
  static func release(rule ruleID: String, in state: inout CloudState) {
    let locks = state.manila.resourceLocks.filter { $0.resourceID == ruleID }
    let reasons = Set(locks.filter { $0.resourceAction == "delete" }.map { shareLockReason($0.id) })
    state.manila.resourceLocks.removeAll { lock in
      lock.resourceID == ruleID || (lock.resourceType == "share" && reasons.contains(lock.lockReason ?? ""))
    }
  }

  /// The rules' API's views of `base`: `access_to` and `access_key` redacted (`******`) where a
  /// visibility lock restricts the rule for the caller.
  static func redacting(_ base: ManilaResource<ManilaState.AccessRule>) -> ManilaResource<ManilaState.AccessRule> {
    var copy = base
    copy.fields = base.fields.map { field in
      guard ["access_to", "access_key"].contains(field.name) else { return field }
      return ViewField(field.name, since: field.since, until: field.until, adminOnly: field.adminOnly) { rule, context in
        isRestricted(rule, for: context.caller, in: context.state) ? "******" : field.value(rule, context)
      }
    }
    return copy
  }
}
