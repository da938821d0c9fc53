import CloudAPI

/// Keystone's domains and groups as tables of the generic engine, and the groups' members.
extension KeystoneTable {
  /// Domains: Keystone keeps each as a project acting as a domain, so a taken name is a
  /// project's conflict; a domain is deleted only once disabled, with what it holds.
  static let domains = KeystoneTable(
    collection: "domains", member: "domain",
    attributes: [
      Attribute(name: "name", initial: nil), Attribute(name: "description", initial: ""),
      Attribute(name: "enabled", initial: true), Attribute(name: "tags", initial: .array([])),
      Attribute(name: "options", initial: .object([:])),
    ],
    filters: ["name", "enabled"], unique: "name",
    conflictMessage: { record in
      "project - it is not permitted to have two projects acting as domains with the same name: \(PythonLike.text(record["name"]))"
    },
    own: { caller, state in state.identity.projects.first { $0.id == caller.projectID }?.domainID },
    deletable: { record, _ in
      record["enabled"] == false
        ? nil
        : IdentityDirectory.error(403, "Forbidden", "Cannot delete a domain that is enabled, please disable it first.")
    },
    cascade: { state, id in
      let projects = Set(state.identity.projects.filter { $0.domainID == id }.map(\.id))
      let users = Set(state.identity.users.filter { $0.domainID == id }.map(\.id))
      let groups = Set(state.keystoneRecords("groups").filter { $0["domain_id"]?.string == id }.compactMap { $0["id"]?.string })
      state.identity.projects.removeAll { projects.contains($0.id) }
      state.identity.users.removeAll { users.contains($0.id) }
      state.identity.tables["groups"]?.removeAll { groups.contains($0["id"]?.string ?? "") }
      state.identity.memberships.removeAll { users.contains($0.userID) || groups.contains($0.groupID) }
      state.identity.assignments.removeAll { assignment in
        users.contains(assignment.userID) || groups.contains(assignment.groupID ?? "")
          || projects.contains(assignment.projectID) || assignment.domainID == id
      }
    }, immutableOption: true)

  /// Groups, named uniquely in their domain (which must exist).
  static let groups = KeystoneTable(
    collection: "groups", member: "group",
    attributes: [
      Attribute(name: "name", initial: nil), Attribute(name: "domain_id", initial: "default"),
      Attribute(name: "description", initial: ""),
    ],
    filters: ["name", "domain_id"], unique: "name",
    cascade: { state, id in
      state.identity.memberships.removeAll { $0.groupID == id }
      state.identity.assignments.removeAll { $0.groupID == id }
    },
    validate: { record, state in
      let domain = PythonLike.text(record["domain_id"])
      return state.keystoneRecords("domains").contains { $0["id"]?.string == domain }
        ? nil : IdentityDirectory.error(404, "Not Found", "Could not find domain: \(domain).")
    })
}

/// `PUT|HEAD|DELETE /v3/groups/{group}/users/{user}`, `GET /v3/groups/{group}/users` and
/// `GET /v3/users/{user}/groups`, checked as Keystone's SQL backend checks them (the group
/// first, then the user).
enum GroupMemberships {
  static func register(in router: inout Router<CloudState>) {
    router.add(.put, "/v3/groups/{group}/users/{user}", add)
    router.add(.head, "/v3/groups/{group}/users/{user}", check)
    router.add(.delete, "/v3/groups/{group}/users/{user}", remove)
    router.add(.get, "/v3/groups/{group}/users", users)
    router.add(.get, "/v3/users/{user}/groups", groups)
  }

  private static func refusal(_ call: Call, _ action: String, ownUser: String? = nil) -> APIResponse? {
    guard let caller = call.caller else { return .unauthenticated() }
    if caller.isAdmin || (ownUser != nil && caller.userID == ownUser) { return nil }
    return IdentityDirectory.error(403, "Forbidden", "You are not authorized to perform the requested action: identity:\(action).")
  }

  /// The membership the path names, once its group and user are found.
  private static func named(_ state: CloudState, _ call: Call) -> Result<IdentityState.Membership, FaultResponse> {
    let (group, user) = (call.parameters["group"] ?? "", call.parameters["user"] ?? "")
    guard state.keystoneRecords("groups").contains(where: { $0["id"]?.string == group }) else {
      return .failure(FaultResponse(IdentityDirectory.error(404, "Not Found", "Could not find group: \(group).")))
    }
    guard state.identity.users.contains(where: { $0.id == user }) else {
      return .failure(FaultResponse(IdentityDirectory.error(404, "Not Found", "Could not find user: \(user).")))
    }
    return .success(IdentityState.Membership(groupID: group, userID: user))
  }

  private static func notMember(_ membership: IdentityState.Membership) -> APIResponse {
    IdentityDirectory.error(
      404, "Not Found", "User '\(membership.userID)' not found in group '\(membership.groupID)'")
  }

  static func add(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = refusal(call, "add_user_to_group") { return refusal }
    switch named(state, call) {
    case .failure(let fault): return fault.response
    case .success(let membership):
      if !state.identity.memberships.contains(membership) { state.identity.memberships.append(membership) }
      return .noContent()
    }
  }

  static func check(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = refusal(call, "check_user_in_group") { return refusal }
    switch named(state, call) {
    case .failure(let fault): return fault.response
    case .success(let membership):
      return state.identity.memberships.contains(membership) ? .noContent() : notMember(membership)
    }
  }

  static func remove(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = refusal(call, "remove_user_from_group") { return refusal }
    let membership = IdentityState.Membership(groupID: call.parameters["group"] ?? "", userID: call.parameters["user"] ?? "")
    guard let index = state.identity.memberships.firstIndex(of: membership) else {
      if case .failure(let fault) = named(state, call) { return fault.response }
      return notMember(membership)
    }
    state.identity.memberships.remove(at: index)
    return .noContent()
  }

  /// `GET /v3/groups/{group}/users`: the members, as users.
  static func users(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = refusal(call, "list_users_in_group") { return refusal }
    let group = call.parameters["group"] ?? ""
    guard state.keystoneRecords("groups").contains(where: { $0["id"]?.string == group }) else {
      return IdentityDirectory.error(404, "Not Found", "Could not find group: \(group).")
    }
    let members = Set(state.identity.memberships.filter { $0.groupID == group }.map(\.userID))
    let users = IdentityDirectory.users.records(state).filter { members.contains($0.id) }
    return page("users", users.map { JSON.object(IdentityDirectory.users.linked($0.view, id: $0.id, state)) }, "/v3/groups/\(group)/users", state)
  }

  /// `GET /v3/users/{user}/groups`: a user may list its own.
  static func groups(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let user = call.parameters["user"] ?? ""
    if let refusal = refusal(call, "list_groups_for_user", ownUser: user) { return refusal }
    guard state.identity.users.contains(where: { $0.id == user }) else {
      return IdentityDirectory.error(404, "Not Found", "Could not find user: \(user).")
    }
    let held = Set(state.identity.memberships.filter { $0.userID == user }.map(\.groupID))
    let groups = state.keystoneRecords("groups").filter { held.contains($0["id"]?.string ?? "") }
    return page("groups", groups.map { KeystoneTable.groups.view($0, state) }, "/v3/users/\(user)/groups", state)
  }

  private static func page(_ key: String, _ records: [JSON], _ path: String, _ state: CloudState) -> APIResponse {
    let base = state.endpoints[.identity] ?? "http://devstack/identity"
    return .json(
      200, .object([key: .array(records), "links": .object(["next": .null, "self": .string(base + path), "previous": .null])]))
  }
}
