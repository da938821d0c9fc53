import CloudAPI

/// Keystone's project hierarchy (`keystone/resource/core.py`): a project's parent is another
/// project of its domain or, at the top, the domain itself (a project acting as a domain, with
/// no parent of its own). Keystone checks it where a project is made, changed or deleted, and a
/// show gives the parents and the subtree as nested IDs when asked (`keystone/api/projects.py`
/// `_expand_project_ref`).
enum ProjectHierarchy {
  /// `max_project_tree_depth` (5), plus one for the domain above the top projects.
  static let maximumDepth = 6

  /// A change of a project that the hierarchy may forbid.
  enum Change {
    case create(JSONObject, domainID: String)
    case update(id: String, JSONObject)
    case delete(id: String)
  }

  /// The projects above a project, the nearest first, without the domain.
  static func ancestors(of id: String, in state: CloudState) -> [IdentityState.Project] {
    var found: [IdentityState.Project] = []
    var next = state.identity.projects.first { $0.id == id }?.parentID
    while let parentID = next, let parent = state.identity.projects.first(where: { $0.id == parentID }),
      !found.contains(where: { $0.id == parentID })
    {
      found.append(parent)
      next = parent.parentID
    }
    return found
  }

  /// The projects below a project, each before its own children.
  static func descendants(of id: String, in state: CloudState) -> [IdentityState.Project] {
    state.identity.projects.filter { $0.parentID == id }.flatMap { [$0] + descendants(of: $0.id, in: state) }
  }

  /// Keystone's refusal of the change, if it refuses it.
  static func refusal(_ change: Change, in state: CloudState) -> APIResponse? {
    switch change {
    case .create(let body, let domainID): return creationRefusal(body, domainID: domainID, in: state)
    case .update(let id, let body): return updateRefusal(id, body, in: state)
    case .delete(let id):
      // `_delete_project` without `cascade`: a leaf only.
      guard state.identity.projects.contains(where: { $0.parentID == id }) else { return nil }
      return forbidden(
        "Cannot delete the project \(id) since it is not a leaf in the hierarchy. Use the cascade option if you want to delete a whole subtree.")
    }
  }

  /// `_assert_regular_project_constraints`, then the enabled branch and its depth
  /// (`_enforce_project_constraints`); a parent that is not there is the API's 400.
  private static func creationRefusal(_ body: JSONObject, domainID: String, in state: CloudState) -> APIResponse? {
    guard let parentID = body["parent_id"]?.string, !parentID.isEmpty, parentID != domainID else { return nil }
    if state.keystoneRecords("domains").contains(where: { $0["id"]?.string == parentID }) {
      return badRequest(
        "Cannot create project, the parent (\(parentID)) is acting as a domain, but this project's domain id (\(domainID)) does not match the parent's id.")
    }
    guard let parent = state.identity.projects.first(where: { $0.id == parentID }) else {
      return badRequest("Could not find project: \(parentID).")
    }
    guard parent.domainID == domainID else {
      return badRequest(
        "Cannot create project, since it specifies its domain_id \(domainID), but specifies a parent in a different domain (\(parent.domainID)).")
    }
    // The parent's parents up to the domain, then the parent, in the order Keystone checks them.
    let above = ancestors(of: parentID, in: state)
    if let disabled = above.first(where: { !$0.enabled }) {
      return badRequest("cannot create a project in a branch containing a disabled project: \(disabled.id)")
    }
    if state.keystoneRecords("domains").first(where: { $0["id"]?.string == domainID })?["enabled"] == false {
      return badRequest("cannot create a project in a branch containing a disabled project: \(domainID)")
    }
    if !parent.enabled { return badRequest("cannot create a project in a branch containing a disabled project: \(parentID)") }
    // The depth: the parent's parents, the domain, the parent, and the new project.
    if above.count + 3 > maximumDepth { return forbidden("Max hierarchy depth reached for \(parentID) branch.") }
    return nil
  }

  /// `_update_project`: the parent stays; a project is enabled under enabled parents only, and
  /// disabled only when its whole subtree is.
  private static func updateRefusal(_ id: String, _ body: JSONObject, in state: CloudState) -> APIResponse? {
    guard let project = state.identity.projects.first(where: { $0.id == id }) else { return nil }
    if let parent = body["parent_id"], parent != .string(project.parentID ?? project.domainID) {
      return forbidden("Update of `parent_id` is not allowed.")
    }
    let enabled = body["enabled"].map { $0 != false } ?? true
    if !project.enabled, enabled, ancestors(of: id, in: state).contains(where: { !$0.enabled }) {
      return forbidden("Cannot enable project \(id) since it has disabled parents")
    }
    if project.enabled, !enabled, descendants(of: id, in: state).contains(where: \.enabled) {
      return forbidden("Cannot disable project \(id) since its subtree contains enabled projects.")
    }
    return nil
  }

  /// What a show adds as its query asks: `parents_as_ids` (the parents nested up to the domain,
  /// `null` at the top) and `subtree_as_ids` (the children nested down, `null` for a leaf). A
  /// parameter counts as asked unless it is `0` (`query_filter_is_true`); the `_as_list` forms,
  /// Keystone's records filtered by the caller's assignments, are not emulated.
  static func expansion(of id: String, _ call: Call, in state: CloudState) -> Result<JSONObject, FaultResponse> {
    func asked(_ name: String) -> Bool { call.query(name).map { $0 != "0" } ?? false }
    if asked("parents_as_list") && asked("parents_as_ids") {
      return .failure(FaultResponse(badRequest("Cannot use parents_as_list and parents_as_ids query params at the same time.")))
    }
    if asked("subtree_as_list") && asked("subtree_as_ids") {
      return .failure(FaultResponse(badRequest("Cannot use subtree_as_list and subtree_as_ids query params at the same time.")))
    }
    if asked("parents_as_list") || asked("subtree_as_list") {
      return .failure(
        FaultResponse(IdentityDirectory.error(501, "Not Implemented", "Projects' parents and subtrees as lists are not emulated")))
    }
    var added: JSONObject = [:]
    if asked("parents_as_ids"), let project = state.identity.projects.first(where: { $0.id == id }) {
      // From the domain down to the nearest parent, each wrapping what is above it.
      var nested = JSON.object([project.domainID: .null])
      for parent in ancestors(of: id, in: state).reversed() { nested = .object([parent.id: nested]) }
      added["parents"] = nested
    }
    if asked("subtree_as_ids") { added["subtree"] = subtree(of: id, in: state) }
    return .success(added)
  }

  private static func subtree(of id: String, in state: CloudState) -> JSON {
    let children = state.identity.projects.filter { $0.parentID == id }
    guard !children.isEmpty else { return .null }
    return .object(JSONObject(uniqueKeysWithValues: children.map { ($0.id, subtree(of: $0.id, in: state)) }))
  }

  private static func badRequest(_ message: String) -> APIResponse { IdentityDirectory.error(400, "Bad Request", message) }
  private static func forbidden(_ message: String) -> APIResponse { IdentityDirectory.error(403, "Forbidden", message) }
}
