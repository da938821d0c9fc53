import CloudAPI

/// Keystone's role assignments of users on projects: `PUT|HEAD|DELETE
/// /v3/projects/{project}/users/{user}/roles/{role}`, a user's roles on a project, and
/// `GET /v3/role_assignments` with its filters and `include_names`. Admins only, as Keystone's
/// default policy has it.
enum RoleAssignments {
  static func register(in router: inout Router<CloudState>) {
    let path = "/v3/projects/{project}/users/{user}/roles"
    router.add(.get, path, listUserRoles)
    router.add(.put, path + "/{role}", assign)
    router.add(.head, path + "/{role}", check)
    router.add(.delete, path + "/{role}", unassign)
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

  /// The assignment the path names, once its project, user and role are found (in that order,
  /// as Keystone checks them).
  private static func named(_ state: CloudState, _ call: Call) -> Result<IdentityState.Assignment, FaultResponse> {
    let (project, user, role) = (call.parameters["project"] ?? "", call.parameters["user"] ?? "", call.parameters["role"] ?? "")
    func missing(_ kind: String, _ id: String) -> Result<IdentityState.Assignment, FaultResponse> {
      .failure(FaultResponse(IdentityDirectory.error(404, "Not Found", "Could not find \(kind): \(id).")))
    }
    guard state.identity.projects.contains(where: { $0.id == project }) else { return missing("project", project) }
    guard state.identity.users.contains(where: { $0.id == user }) else { return missing("user", user) }
    guard state.keystoneRecords("roles").contains(where: { $0["id"]?.string == role }) else { return missing("role", role) }
    return .success(IdentityState.Assignment(roleID: role, userID: user, projectID: project))
  }

  static func assign(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = forbidden(call, "create_grant") { return refusal }
    switch named(state, call) {
    case .failure(let fault): return fault.response
    case .success(let assignment):
      if !state.identity.assignments.contains(assignment) { state.identity.assignments.append(assignment) }
      return .noContent()
    }
  }

  static func check(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = forbidden(call, "check_grant") { return refusal }
    switch named(state, call) {
    case .failure(let fault): return fault.response
    case .success(let assignment):
      return state.identity.assignments.contains(assignment)
        ? .noContent() : IdentityDirectory.error(404, "Not Found", "Could not find role assignment.")
    }
  }

  static func unassign(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = forbidden(call, "revoke_grant") { return refusal }
    switch named(state, call) {
    case .failure(let fault): return fault.response
    case .success(let assignment):
      guard let index = state.identity.assignments.firstIndex(of: assignment) else {
        return IdentityDirectory.error(
          404, "Not Found",
          "Could not find role assignment with role: \(assignment.roleID), user or group: \(assignment.userID), project, domain, or system: \(assignment.projectID).")
      }
      state.identity.assignments.remove(at: index)
      return .noContent()
    }
  }

  static func listUserRoles(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = forbidden(call, "list_grants") { return refusal }
    let (project, user) = (call.parameters["project"] ?? "", call.parameters["user"] ?? "")
    let held = Set(state.identity.assignments.filter { $0.userID == user && $0.projectID == project }.map(\.roleID))
    let roles = state.keystoneRecords("roles").filter { held.contains($0["id"]?.string ?? "") }
    return .json(
      200, .object(["roles": .array(roles.map { KeystoneTable.roles.view($0, state) }), "links": .object(["next": .null, "previous": .null])]))
  }

  /// `GET /v3/role_assignments`: by `user.id`, `role.id`, `scope.project.id`; a group or domain
  /// scope matches nothing (the cloud has no groups and no domain roles).
  static func list(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = forbidden(call, "list_role_assignments") { return refusal }
    if call.query("group.id") != nil || call.query("scope.domain.id") != nil || call.query("scope.system") != nil {
      return page([], state)
    }
    let found = state.identity.assignments.filter { assignment in
      call.query("user.id").map { $0 == assignment.userID } ?? true
        && call.query("role.id").map { $0 == assignment.roleID } ?? true
        && call.query("scope.project.id").map { $0 == assignment.projectID } ?? true
    }
    let names = call.query("include_names").map { StrictBool.parse($0) ?? !$0.isEmpty } ?? false
    let base = state.endpoints[.identity] ?? "http://devstack/identity"
    let domain: JSON = .object(["id": "default", "name": "Default"])
    let views = found.map { assignment -> JSON in
      var role: JSONObject = ["id": .string(assignment.roleID)]
      var user: JSONObject = ["id": .string(assignment.userID)]
      var project: JSONObject = ["id": .string(assignment.projectID)]
      if names {
        role["name"] = state.keystoneRecords("roles").first { $0["id"]?.string == assignment.roleID }?["name"] ?? .null
        user["name"] = .orNull(state.identity.users.first { $0.id == assignment.userID }?.name)
        user["domain"] = domain
        project["name"] = .orNull(state.identity.projects.first { $0.id == assignment.projectID }?.name)
        project["domain"] = domain
      }
      return .object([
        "links": .object([
          "assignment": .string(
            "\(base)/v3/projects/\(assignment.projectID)/users/\(assignment.userID)/roles/\(assignment.roleID)")
        ]),
        "role": .object(role), "scope": .object(["project": .object(project)]), "user": .object(user),
      ])
    }
    return page(views, state)
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
