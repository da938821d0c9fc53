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

  static let all = [projects, users, domains]

  static let projects = IdentityDirectory(
    collection: "projects", member: "project",
    records: { state in
      state.identity.projects.map { project in
        (project.id, project.name, [
          "id": .string(project.id), "name": .string(project.name), "domain_id": "default", "description": "",
          "enabled": true, "parent_id": "default", "is_domain": false, "tags": .array([]), "options": .object([:]),
        ])
      }
    }, own: { $0.projectID })

  static let users = IdentityDirectory(
    collection: "users", member: "user",
    records: { state in
      state.identity.users.map { user in
        (user.id, user.name, [
          "id": .string(user.id), "name": .string(user.name), "domain_id": "default", "enabled": true,
          "default_project_id": .orNull(state.identity.project(named: user.projectName)?.id),
          "password_expires_at": .null, "options": .object([:]),
        ])
      }
    }, own: { $0.userID })

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

  private func linked(_ view: JSONObject, id: String, _ state: CloudState) -> JSONObject {
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
