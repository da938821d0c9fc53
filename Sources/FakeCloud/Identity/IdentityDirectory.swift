import CloudAPI

/// Keystone's projects and users (the records the tokens are issued from) as one table each,
/// served by one set of handlers: `GET /v3/{collection}/{id}`, `GET /v3/{collection}?name=...&domain_id=...`,
/// `POST`, `PATCH` and `DELETE`, with Keystone's default policies (an admin does everything;
/// others read their own project and user, and may list none). Keystone builds the policy's
/// target before it looks for the record, so a non-admin asking for something that is not
/// there is refused, not told it is missing.
struct IdentityDirectory: Sendable {
  /// `projects`, `users`.
  var collection: String
  /// `project`, `user`: the member's key and the policy's noun.
  var member: String
  /// The records' IDs and names, in their order: what finding one takes.
  var entries: @Sendable (CloudState) -> [(id: String, name: String)]
  /// The view of the record at a place in ``entries``: made only for the records a request
  /// answers with (a lookup by name had made every record's view first).
  var view: @Sendable (CloudState, Int) -> JSONObject
  /// What a non-admin may read: the ID of its own record.
  var own: @Sendable (Caller) -> String
  /// Keeps a new record from the request's member object and returns its ID.
  var create: @Sendable (inout CloudState, JSONObject) -> String
  /// Changes the record of an ID as the request's member object says.
  var update: @Sendable (inout CloudState, String, JSONObject) -> Void
  /// Removes the record of an ID, and what refers to it.
  var remove: @Sendable (inout CloudState, String) -> Void
  /// Keystone's 409 for a name taken in the domain, after `Conflict occurred attempting to store `.
  var conflict: @Sendable (_ name: String, _ domainID: String, _ id: String) -> String
  /// Keystone's refusal of a change its records' own rules forbid (a project's hierarchy).
  var refusal: @Sendable (ProjectHierarchy.Change, CloudState) -> APIResponse? = { _, _ in nil }
  /// What a show of an ID adds to the record as the query asks (a project's parents, subtree).
  var expansion: @Sendable (String, Call, CloudState) -> Result<JSONObject, FaultResponse> = { _, _, _ in .success([:]) }

  static let all = [projects, users]

  /// A project's own attributes; anything else a request gives is its extra.
  private static let projectAttributes: Set<String> = [
    "id", "name", "description", "enabled", "domain_id", "parent_id", "is_domain", "tags", "options",
  ]

  static let projects = IdentityDirectory(
    collection: "projects", member: "project",
    entries: { state in state.identity.projects.map { ($0.id, $0.name) } },
    view: { state, index in
      let project = state.identity.projects[index]
      var view: JSONObject = [
        "id": .string(project.id), "name": .string(project.name), "domain_id": .string(project.domainID),
        "description": .string(project.description), "enabled": .bool(project.enabled),
        "parent_id": .string(project.parentID ?? project.domainID), "is_domain": false, "tags": .array(project.tags.map(JSON.string)),
        "options": .object(project.options),
      ]
      // Its extra attributes beside them (none of them one of these: see `projectAttributes`).
      for (key, value) in project.extra { view[key] = value }
      return view
    }, own: { $0.projectID },
    create: { state, body in
      let drawn = state.identity.ids.hex32()
      let projects = state.identity.projects
      let id = state.identityID(drawn: drawn) { id in projects.contains { $0.id == id } }
      state.identity.projects.append(
        IdentityState.Project(
          id: id, name: body["name"]?.string ?? "", description: body["description"]?.string ?? "",
          enabled: body["enabled"] != false, domainID: body["domain_id"]?.string ?? "default",
          parentID: body["parent_id"]?.string.flatMap { $0.isEmpty || $0 == body["domain_id"]?.string ?? "default" ? nil : $0 },
          tags: body["tags"]?.array.compactMap(\.string) ?? [], options: body["options"]?.object ?? [:],
          extra: body.filter { !projectAttributes.contains($0.key) }))
      return id
    },
    update: { state, id, body in
      guard let index = state.identity.projects.firstIndex(where: { $0.id == id }) else { return }
      let old = state.identity.projects[index]
      var project = old
      if let name = body["name"]?.string { project.name = name }
      if let description = body["description"]?.string { project.description = description }
      if case .bool(let enabled)? = body["enabled"] { project.enabled = enabled }
      if let tags = body["tags"] { project.tags = tags.array.compactMap(\.string) }
      for (key, value) in body["options"]?.object ?? [:] { project.options[key] = value == .null ? nil : value }
      for (key, value) in body where !projectAttributes.contains(key) { project.extra[key] = value }
      state.identity.projects[index] = project
      // A user's default project is kept by name: it follows a rename.
      for user in state.identity.users.indices where state.identity.users[user].projectName == old.name {
        state.identity.users[user].projectName = project.name
      }
    },
    remove: { state, id in
      state.identity.projects.removeAll { $0.id == id }
      state.identity.assignments.removeAll { $0.projectID == id }
      UnifiedLimits.removeLimits(ofProject: id, in: &state)
    },
    conflict: { name, _, id in
      "project - it is not permitted to have two projects with either the same name or same id in the same domain: name is \(name), project id \(id)"
    }, refusal: { change, state in ProjectHierarchy.refusal(change, in: state) },
    expansion: { id, call, state in ProjectHierarchy.expansion(of: id, call, in: state) })

  static let users = IdentityDirectory(
    collection: "users", member: "user",
    entries: { state in state.identity.users.map { ($0.id, $0.name) } },
    view: { state, index in
      let user = state.identity.users[index]
      var view: JSONObject = [
        "id": .string(user.id), "name": .string(user.name), "domain_id": .string(user.domainID), "enabled": .bool(user.enabled),
        "default_project_id": .orNull(state.identity.project(named: user.projectName)?.id),
        "password_expires_at": .null, "options": .object([:]),
      ]
      // Keystone keeps what else a user was given as extra attributes, shown when set.
      if let email = user.email { view["email"] = .string(email) }
      if let description = user.description { view["description"] = .string(description) }
      return view
    }, own: { $0.userID },
    create: { state, body in
      let drawn = state.identity.ids.hex32()
      let users = state.identity.users
      let id = state.identityID(drawn: drawn) { id in users.contains { $0.id == id } }
      let project = body["default_project_id"]?.string.flatMap { id in state.identity.projects.first { $0.id == id }?.name }
      state.identity.users.append(
        IdentityState.User(
          id: id, name: body["name"]?.string ?? "", password: body["password"]?.string ?? "", projectName: project ?? "",
          roles: [], email: body["email"]?.string, description: body["description"]?.string,
          enabled: body["enabled"] != false, domainID: body["domain_id"]?.string ?? "default"))
      return id
    },
    update: { state, id, body in
      guard let index = state.identity.users.firstIndex(where: { $0.id == id }) else { return }
      var user = state.identity.users[index]
      if let name = body["name"]?.string { user.name = name }
      if let password = body["password"]?.string { user.password = password }
      if let email = body["email"]?.string { user.email = email }
      if let description = body["description"]?.string { user.description = description }
      if case .bool(let enabled)? = body["enabled"] { user.enabled = enabled }
      if let project = body["default_project_id"]?.string {
        user.projectName = state.identity.projects.first { $0.id == project }?.name ?? ""
      }
      state.identity.users[index] = user
    },
    remove: { state, id in
      state.identity.users.removeAll { $0.id == id }
      state.identity.assignments.removeAll { $0.userID == id }
      state.identity.memberships.removeAll { $0.userID == id }
    },
    conflict: { name, domain, _ in "user - Duplicate entry found with name \(name) at domain ID \(domain)" })

  func register(in router: inout Router<CloudState>) {
    router.add(.get, "/v3/\(collection)", list)
    router.add(.get, "/v3/\(collection)/{id}", show)
    router.add(.post, "/v3/\(collection)", add)
    router.add(.patch, "/v3/\(collection)/{id}", change)
    router.add(.delete, "/v3/\(collection)/{id}", delete)
  }

  /// Every record with its view, in order.
  func records(_ state: CloudState) -> [(id: String, name: String, view: JSONObject)] {
    entries(state).enumerated().map { index, entry in (entry.id, entry.name, view(state, index)) }
  }

  /// The place in ``entries`` of the record with an ID.
  private func index(of id: String, _ state: CloudState) -> Int? {
    entries(state).firstIndex { $0.id == id }
  }

  /// Whether another record of the domain has the name.
  private func taken(_ name: String, domain: String, except id: String?, _ state: CloudState) -> Bool {
    let entries = entries(state)
    return entries.indices.contains { index in
      entries[index].name == name && entries[index].id != id
        && (view(state, index)["domain_id"]?.string ?? "default") == domain
    }
  }

  /// `POST /v3/projects|users`: admins only; a name taken in the domain is a conflict.
  func add(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    guard caller.isAdmin else { return forbidden("create_\(member)") }
    let body = call.request.body?[member]?.object ?? [:]
    guard let name = body["name"]?.string, !name.isEmpty else {
      return Self.error(400, "Bad Request", "Invalid input for field 'name': None is not of type 'string'")
    }
    let domain = body["domain_id"]?.string ?? "default"
    guard state.keystoneRecords("domains").contains(where: { $0["id"]?.string == domain }) else {
      return Self.error(404, "Not Found", "Could not find domain: \(domain).")
    }
    if let refusal = refusal(.create(body, domainID: domain), state) { return refusal }
    if taken(name, domain: domain, except: nil, state) {
      // The ID the record would have had, which Keystone's message names; not drawn, so that
      // the IDs of what is created next stay as they were.
      var next = state.identity.ids
      return Self.error(409, "Conflict", "Conflict occurred attempting to store \(conflict(name, domain, next.hex32())).")
    }
    let id = create(&state, body)
    guard let index = index(of: id, state) else { return Self.error(404, "Not Found", "Could not find \(member): \(id).") }
    return .json(201, .object([member: .object(linked(view(state, index), id: id, state))]))
  }

  /// `PATCH /v3/projects|users/{id}`: admins only; a new name must be free in the domain.
  func change(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    guard caller.isAdmin else { return forbidden("update_\(member)") }
    let id = call.parameters["id"] ?? ""
    guard let index = index(of: id, state) else {
      return Self.error(404, "Not Found", "Could not find \(member): \(id).")
    }
    let old = view(state, index)
    let body = call.request.body?[member]?.object ?? [:]
    // `check_immutable_update`: an immutable record takes only its option turned off.
    if old["options"]?["immutable"] == true {
      let releases = body.count == 1 && [JSON.bool(false), .null].contains(body["options"]?["immutable"] ?? .string(""))
      if !releases { return immutable("update", id) }
    }
    if let refusal = refusal(.update(id: id, body), state) { return refusal }
    let domain = old["domain_id"]?.string ?? "default"
    if let name = body["name"]?.string, taken(name, domain: domain, except: id, state) {
      return Self.error(409, "Conflict", "Conflict occurred attempting to store \(conflict(name, domain, id)).")
    }
    update(&state, id, body)
    let updated = self.index(of: id, state).map { view(state, $0) } ?? old
    return .json(200, .object([member: .object(linked(updated, id: id, state))]))
  }

  /// `DELETE /v3/projects|users/{id}`: admins only.
  func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    guard caller.isAdmin else { return forbidden("delete_\(member)") }
    let id = call.parameters["id"] ?? ""
    guard let index = index(of: id, state) else {
      return Self.error(404, "Not Found", "Could not find \(member): \(id).")
    }
    if view(state, index)["options"]?["immutable"] == true { return immutable("delete", id) }
    if let refusal = refusal(.delete(id: id), state) { return refusal }
    remove(&state, id)
    return .noContent()
  }

  /// `ResourceUpdateForbidden`, `ResourceDeleteForbidden` (their message's backtick unclosed).
  private func immutable(_ action: String, _ id: String) -> APIResponse {
    Self.error(
      403, "Forbidden", "Unable to \(action) immutable \(member) resource: `\(id). Set resource option \"immutable\" to false first.")
  }

  func show(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let id = call.parameters["id"] ?? ""
    guard let caller = call.caller else { return .unauthenticated() }
    guard caller.isAdmin || own(caller) == id else { return forbidden("get_\(member)") }
    guard let index = index(of: id, state) else {
      return Self.error(404, "Not Found", "Could not find \(member): \(id).")
    }
    switch expansion(id, call, state) {
    case .failure(let fault): return fault.response
    case .success(let added):
      var view = self.view(state, index)
      for (key, value) in added { view[key] = value }
      return .json(200, .object([member: .object(linked(view, id: id, state))]))
    }
  }

  func list(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    guard caller.isAdmin else { return forbidden("list_\(collection)") }
    let (name, enabled) = (call.query("name"), call.query("enabled"))
    let (domain, parent) = (call.query("domain_id"), call.query("parent_id"))
    var found: [JSON] = []
    // The name first, from the entry: only the records it leaves have their view made.
    for (index, entry) in entries(state).enumerated() where name.map({ $0 == entry.name }) ?? true {
      let view = self.view(state, index)
      guard enabled.map({ StrictBool.parse($0) == (view["enabled"] == true) }) ?? true,
        domain.map({ $0 == (view["domain_id"]?.string ?? entry.id) }) ?? true,
        parent.map({ $0 == view["parent_id"]?.string }) ?? true
      else { continue }
      found.append(.object(linked(view, id: entry.id, state)))
    }
    let base = (state.endpoints[.identity] ?? "http://devstack/identity") + "/v3/\(collection)"
    return .json(
      200,
      .object([
        collection: .array(found),
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
