import CloudAPI

/// Keystone's role assignments of users and groups on projects and domains:
/// `PUT|HEAD|DELETE /v3/{projects|domains}/{target}/{users|groups}/{actor}/roles/{role}`, an
/// actor's roles on a target, and `GET /v3/role_assignments` with its filters, `effective` (a
/// group's assignments become its members') and `include_names`. Admins only, as Keystone's
/// default policy has it.
enum RoleAssignments {
  /// What a grant's path names: `projects` or `domains`, `users` or `groups`.
  struct Kinds {
    var target: String
    var actor: String
  }

  static func register(in router: inout Router<CloudState>) {
    for target in ["projects", "domains"] {
      for actor in ["users", "groups"] {
        let kinds = Kinds(target: target, actor: actor)
        let path = "/v3/\(target)/{target}/\(actor)/{actor}/roles"
        router.add(.get, path) { state, call in listRoles(kinds, &state, call) }
        router.add(.put, path + "/{role}") { state, call in assign(kinds, &state, call) }
        router.add(.head, path + "/{role}") { state, call in check(kinds, &state, call) }
        router.add(.delete, path + "/{role}") { state, call in unassign(kinds, &state, call) }
      }
    }
    router.add(.get, "/v3/role_assignments", list)
    router.add(.get, "/v3/users/{user}/projects", userProjects)
  }

  /// `GET /v3/users/{user}/projects`: the projects the user has a role on; a user may list its
  /// own.
  static func userProjects(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    let user = call.parameters["user"] ?? ""
    guard caller.isAdmin || caller.userID == user else {
      return IdentityDirectory.error(403, "Forbidden", "You are not authorized to perform the requested action: identity:list_user_projects.")
    }
    let held = Set(state.identity.assignments.filter { $0.userID == user }.map(\.projectID))
    let projects = IdentityDirectory.projects.records(state).filter { held.contains($0.id) }
    return .json(
      200,
      .object([
        "projects": .array(projects.map { .object(IdentityDirectory.projects.linked($0.view, id: $0.id, state)) }),
        "links": .object(["next": .null, "self": .string((state.endpoints[.identity] ?? "http://devstack/identity") + "/v3/users/\(user)/projects"), "previous": .null]),
      ]))
  }

  private static func forbidden(_ call: Call, _ action: String) -> APIResponse? {
    guard let caller = call.caller else { return .unauthenticated() }
    return caller.isAdmin
      ? nil
      : IdentityDirectory.error(403, "Forbidden", "You are not authorized to perform the requested action: identity:\(action).")
  }

  /// The assignment a path names.
  private static func assignment(_ kinds: Kinds, target: String, actor: String, role: String) -> IdentityState.Assignment {
    var assignment = IdentityState.Assignment(roleID: role, userID: "", projectID: "")
    if kinds.actor == "users" { assignment.userID = actor } else { assignment.groupID = actor }
    if kinds.target == "projects" { assignment.projectID = target } else { assignment.domainID = target }
    return assignment
  }

  /// The assignment the path names, once its target, actor and role are found (in that order,
  /// as Keystone checks them).
  private static func named(_ kinds: Kinds, _ state: CloudState, _ call: Call) -> Result<IdentityState.Assignment, FaultResponse> {
    let (target, actor, role) = (call.parameters["target"] ?? "", call.parameters["actor"] ?? "", call.parameters["role"] ?? "")
    func missing(_ kind: String, _ id: String) -> Result<IdentityState.Assignment, FaultResponse> {
      .failure(FaultResponse(IdentityDirectory.error(404, "Not Found", "Could not find \(kind): \(id).")))
    }
    let targetFound = kinds.target == "projects"
      ? state.identity.projects.contains { $0.id == target }
      : state.keystoneRecords("domains").contains { $0["id"]?.string == target }
    guard targetFound else { return missing(kinds.target == "projects" ? "project" : "domain", target) }
    let actorFound = kinds.actor == "users"
      ? state.identity.users.contains { $0.id == actor }
      : state.keystoneRecords("groups").contains { $0["id"]?.string == actor }
    guard actorFound else { return missing(kinds.actor == "users" ? "user" : "group", actor) }
    guard state.keystoneRecords("roles").contains(where: { $0["id"]?.string == role }) else { return missing("role", role) }
    return .success(assignment(kinds, target: target, actor: actor, role: role))
  }

  static func assign(_ kinds: Kinds, _ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = forbidden(call, "create_grant") { return refusal }
    switch named(kinds, state, call) {
    case .failure(let fault): return fault.response
    case .success(let assignment):
      if !state.identity.assignments.contains(assignment) { state.identity.assignments.append(assignment) }
      return .noContent()
    }
  }

  static func check(_ kinds: Kinds, _ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = forbidden(call, "check_grant") { return refusal }
    switch named(kinds, state, call) {
    case .failure(let fault): return fault.response
    case .success(let assignment):
      return state.identity.assignments.contains(assignment)
        ? .noContent() : IdentityDirectory.error(404, "Not Found", "Could not find role assignment.")
    }
  }

  static func unassign(_ kinds: Kinds, _ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = forbidden(call, "revoke_grant") { return refusal }
    switch named(kinds, state, call) {
    case .failure(let fault): return fault.response
    case .success(let assignment):
      guard let index = state.identity.assignments.firstIndex(of: assignment) else {
        return IdentityDirectory.error(
          404, "Not Found",
          "Could not find role assignment with role: \(assignment.roleID), user or group: \(call.parameters["actor"] ?? ""), project, domain, or system: \(call.parameters["target"] ?? "").")
      }
      state.identity.assignments.remove(at: index)
      return .noContent()
    }
  }

  static func listRoles(_ kinds: Kinds, _ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = forbidden(call, "list_grants") { return refusal }
    let pattern = assignment(kinds, target: call.parameters["target"] ?? "", actor: call.parameters["actor"] ?? "", role: "")
    let held = Set(state.identity.assignments.filter { $0.sameHolder(as: pattern) }.map(\.roleID))
    let roles = state.keystoneRecords("roles").filter { held.contains($0["id"]?.string ?? "") }
    return .json(
      200, .object(["roles": .array(roles.map { KeystoneTable.roles.view($0, state) }), "links": .object(["next": .null, "previous": .null])]))
  }

  /// `GET /v3/role_assignments`: by `user.id`, `group.id`, `role.id`, `scope.project.id`,
  /// `scope.domain.id`; `scope.system` matches nothing (the cloud has no system roles). With
  /// `effective`, each group's assignment is its members', as Keystone expands it.
  static func list(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = forbidden(call, "list_role_assignments") { return refusal }
    let effective = call.query("effective").map { StrictBool.parse($0) ?? !$0.isEmpty } ?? false
    if call.query("user.id") != nil, call.query("group.id") != nil {
      return IdentityDirectory.error(400, "Bad Request", "Specify a user or group, not both")
    }
    if effective, call.query("group.id").map({ !$0.isEmpty }) == true {
      return IdentityDirectory.error(400, "Bad Request", "Combining effective and group filter will always result in an empty list.")
    }
    // The cloud has no system roles, and no inherited assignments (`role add --inherited` is
    // not emulated).
    if call.query("scope.system") != nil || call.query("scope.OS-INHERIT:inherited_to") != nil { return page([], state) }
    var found = state.identity.assignments
    if effective {
      found = found.flatMap { assignment -> [IdentityState.Assignment] in
        guard let group = assignment.groupID else { return [assignment] }
        return state.identity.memberships.filter { $0.groupID == group }.map { membership in
          var expanded = assignment
          expanded.groupID = nil
          expanded.userID = membership.userID
          return expanded
        }
      }
    }
    found = found.filter { assignment in
      call.query("user.id").map { $0 == assignment.userID } ?? true
        && call.query("group.id").map { $0 == assignment.groupID } ?? true
        && call.query("role.id").map { $0 == assignment.roleID } ?? true
        && call.query("scope.project.id").map { $0 == assignment.projectID } ?? true
        && call.query("scope.domain.id").map { $0 == assignment.domainID } ?? true
    }
    let names = call.query("include_names").map { StrictBool.parse($0) ?? !$0.isEmpty } ?? false
    return page(found.map { view($0, names: names, state) }, state)
  }

  /// An assignment as Keystone lists it, with names (and the actor's and project's domain)
  /// when asked.
  private static func view(_ assignment: IdentityState.Assignment, names: Bool, _ state: CloudState) -> JSON {
    let base = (state.endpoints[.identity] ?? "http://devstack/identity") + "/v3"
    func domain(_ id: String) -> JSON {
      .object(["id": .string(id), "name": state.keystoneRecords("domains").first { $0["id"]?.string == id }?["name"] ?? .null])
    }
    func reference(_ id: String, name: String?, domainID: String?) -> JSON {
      var fields: JSONObject = ["id": .string(id)]
      if names {
        fields["name"] = name.map(JSON.string) ?? .null
        if let domainID { fields["domain"] = domain(domainID) }
      }
      return .object(fields)
    }
    var view: JSONObject = [
      "role": reference(
        assignment.roleID,
        name: state.keystoneRecords("roles").first { $0["id"]?.string == assignment.roleID }?["name"]?.string, domainID: nil)
    ]
    let actorPath: String
    if let group = assignment.groupID {
      let record = state.keystoneRecords("groups").first { $0["id"]?.string == group }
      view["group"] = reference(group, name: record?["name"]?.string, domainID: record?["domain_id"]?.string)
      actorPath = "groups/\(group)"
    } else {
      let user = state.identity.users.first { $0.id == assignment.userID }
      view["user"] = reference(assignment.userID, name: user?.name, domainID: user?.domainID ?? "default")
      actorPath = "users/\(assignment.userID)"
    }
    let targetPath: String
    if let domainID = assignment.domainID {
      var scope = domain(domainID)
      if !names { scope = .object(["id": .string(domainID)]) }
      view["scope"] = .object(["domain": scope])
      targetPath = "domains/\(domainID)"
    } else {
      let project = state.identity.projects.first { $0.id == assignment.projectID }
      view["scope"] = .object([
        "project": reference(assignment.projectID, name: project?.name, domainID: project?.domainID ?? "default")
      ])
      targetPath = "projects/\(assignment.projectID)"
    }
    view["links"] = .object(["assignment": .string("\(base)/\(targetPath)/\(actorPath)/roles/\(assignment.roleID)")])
    return .object(view)
  }

  private static func page(_ views: [JSON], _ state: CloudState) -> APIResponse {
    let base = (state.endpoints[.identity] ?? "http://devstack/identity") + "/v3/role_assignments"
    return .json(
      200,
      .object([
        "role_assignments": .array(views), "links": .object(["self": .string(base), "previous": .null, "next": .null]),
      ]))
  }
}

extension IdentityState.Assignment {
  /// Whether it is held by the same user or group on the same project or domain.
  func sameHolder(as other: Self) -> Bool {
    userID == other.userID && groupID == other.groupID && projectID == other.projectID && domainID == other.domainID
  }
}

/// `POST /v3/users/{user}/password`: anyone who knows the original password may change it;
/// Keystone says no more than that authentication failed otherwise.
enum UserPassword {
  static func register(in router: inout Router<CloudState>) {
    router.add(.post, "/v3/users/{user}/password", change)
  }

  static func change(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let id = call.parameters["user"] ?? ""
    let body = call.request.body?["user"]
    guard let original = body?["original_password"]?.string, let password = body?["password"]?.string else {
      return IdentityDirectory.error(400, "Bad Request", "'original_password' is a required property")
    }
    guard let index = state.identity.users.firstIndex(where: { $0.id == id }),
      state.identity.users[index].password == original
    else {
      return IdentityDirectory.error(401, "Unauthorized", "The request you have made requires authentication.")
    }
    state.identity.users[index].password = password
    return .noContent()
  }
}
