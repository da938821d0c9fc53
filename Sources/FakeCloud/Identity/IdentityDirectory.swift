import CloudAPI

/// Keystone's projects, users and domains as one table each, read by one pair of handlers:
/// `GET /v3/{collection}/{id}` and `GET /v3/{collection}?name=...&domain_id=...`, with Keystone's
/// default policies (an admin reads them all; others their own project, user and domain, and may
/// list none). Keystone builds the policy's target before it looks for the record, so a
/// non-admin asking for something that is not there is refused, not told it is missing.
struct IdentityDirectory: Sendable {
  /// `projects`, `users`, `domains`.
  var collection: String
  /// `project`, `user`, `domain`: the member's key and the policy's noun.
  var member: String
  /// The records: each one's ID, name and view.
  var records: @Sendable (CloudState) -> [(id: String, name: String, view: JSONObject)]
  /// What a non-admin may read: the ID of its own record.
  var own: @Sendable (Caller) -> String
  /// Keeps a new record from the request's member object and returns its ID; `nil` for a
  /// collection the API does not add to (domains).
  var create: (@Sendable (inout CloudState, JSONObject) -> String)? = nil

  static let all = [projects, users, domains]

  static let projects = IdentityDirectory(
    collection: "projects", member: "project",
    records: { state in
      state.identity.projects.map { project in
        (project.id, project.name, [
          "id": .string(project.id), "name": .string(project.name), "domain_id": "default",
          "description": .string(project.description), "enabled": .bool(project.enabled), "parent_id": "default",
          "is_domain": false, "tags": .array([]), "options": .object([:]),
        ])
      }
    }, own: { $0.projectID },
    create: { state, body in
      let id = state.identity.ids.hex32()
      state.identity.projects.append(
        IdentityState.Project(
          id: id, name: body["name"]?.string ?? "", description: body["description"]?.string ?? "",
          enabled: body["enabled"] != false))
      return id
    })

  static let users = IdentityDirectory(
    collection: "users", member: "user",
    records: { state in
      state.identity.users.map { user in
        var view: JSONObject = [
          "id": .string(user.id), "name": .string(user.name), "domain_id": "default", "enabled": .bool(user.enabled),
          "default_project_id": .orNull(state.identity.project(named: user.projectName)?.id),
          "password_expires_at": .null, "options": .object([:]),
        ]
        // Keystone keeps what else a user was given as extra attributes, shown when set.
        if let email = user.email { view["email"] = .string(email) }
        if let description = user.description { view["description"] = .string(description) }
        return (user.id, user.name, view)
      }
    }, own: { $0.userID },
    create: { state, body in
      let id = state.identity.ids.hex32()
      let project = body["default_project_id"]?.string.flatMap { id in state.identity.projects.first { $0.id == id }?.name }
      state.identity.users.append(
        IdentityState.User(
          id: id, name: body["name"]?.string ?? "", password: body["password"]?.string ?? "", projectName: project ?? "",
          roles: [], email: body["email"]?.string, description: body["description"]?.string,
          enabled: body["enabled"] != false))
      return id
    })

  static let domains = IdentityDirectory(
    collection: "domains", member: "domain",
    records: { _ in
      [("default", "Default", [
        "id": "default", "name": "Default", "description": "The default domain", "enabled": true,
        "tags": .array([]), "options": .object([:]),
      ])]
    }, own: { _ in "default" })

  func register(in router: inout Router<CloudState>) {
    router.add(.get, "/v3/\(collection)", list)
    router.add(.get, "/v3/\(collection)/{id}", show)
    if create != nil { router.add(.post, "/v3/\(collection)", add) }
  }

  /// `POST /v3/projects|users`: admins only; a name taken in the domain is a conflict.
  func add(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    guard caller.isAdmin else { return forbidden("create_\(member)") }
    let body = call.request.body?[member]?.object ?? [:]
    guard let name = body["name"]?.string, !name.isEmpty else {
      return Self.error(400, "Bad Request", "Invalid input for field 'name': None is not of type 'string'")
    }
    guard !records(state).contains(where: { $0.name == name }) else {
      return Self.error(
        409, "Conflict",
        "Conflict occurred attempting to store \(member) - Duplicate entry found with name \(name) at domain ID default.")
    }
    guard let id = create?(&state, body), let record = records(state).first(where: { $0.id == id }) else {
      return Self.error(400, "Bad Request", "Could not create \(member).")
    }
    return .json(201, .object([member: .object(linked(record.view, id: id, state))]))
  }

  func show(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let id = call.parameters["id"] ?? ""
    guard let caller = call.caller else { return .unauthenticated() }
    guard caller.isAdmin || own(caller) == id else { return forbidden("get_\(member)") }
    guard let record = records(state).first(where: { $0.id == id }) else {
      return Self.error(404, "Not Found", "Could not find \(member): \(id).")
    }
    return .json(200, .object([member: .object(linked(record.view, id: id, state))]))
  }

  func list(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    guard caller.isAdmin else { return forbidden("list_\(collection)") }
    let found = records(state).filter { record in
      call.query("name").map { $0 == record.name } ?? true
        && call.query("enabled").map { StrictBool.parse($0) == (record.view["enabled"] == true) } ?? true
        && call.query("domain_id").map { $0 == (record.view["domain_id"]?.string ?? record.id) } ?? true
    }
    let base = (state.endpoints[.identity] ?? "http://devstack/identity") + "/v3/\(collection)"
    return .json(
      200,
      .object([
        collection: .array(found.map { .object(linked($0.view, id: $0.id, state)) }),
        "links": .object(["next": .null, "self": .string(base), "previous": .null]),
      ]))
  }

  func linked(_ view: JSONObject, id: String, _ state: CloudState) -> JSONObject {
    var view = view
    let base = state.endpoints[.identity] ?? "http://devstack/identity"
    view["links"] = .object(["self": .string("\(base)/v3/\(collection)/\(id)")])
    return view
  }

  private func forbidden(_ action: String) -> APIResponse {
    Self.error(403, "Forbidden", "You are not authorized to perform the requested action: identity:\(action).")
  }

  /// Keystone's error body.
  static func error(_ code: Int, _ title: String, _ message: String) -> APIResponse {
    .json(code, .object(["error": .object(["code": .int(code), "message": .string(message), "title": .string(title)])]))
  }
}
