import CloudAPI

/// Keystone's application credentials (`keystone/api/users.py`,
/// `/v3/users/{user_id}/application_credentials`): a user makes them for the project the token is
/// for, with the token's roles or some of them, and reads and deletes them (admins anyone's). The
/// view is the SQL record's (`_to_dict`): the roles as Keystone's role records, the secret only in
/// the answer to the create, the expiry date as given. Access rules are not emulated.
enum ApplicationCredentials {
  static func register(in router: inout Router<CloudState>) {
    router.add(.get, "/v3/users/{user}/application_credentials", list)
    router.add(.post, "/v3/users/{user}/application_credentials", create)
    router.add(.get, "/v3/users/{user}/application_credentials/{id}", show)
    router.add(.delete, "/v3/users/{user}/application_credentials/{id}", delete)
  }

  /// `identity:create_application_credential` is the owner's; list, get and delete an admin's or
  /// the owner's.
  private static func refusal(_ call: Call, _ action: String, adminToo: Bool) -> APIResponse? {
    guard let caller = call.caller else { return .unauthenticated() }
    if caller.userID == call.parameters["user"] || (adminToo && caller.isAdmin) { return nil }
    return IdentityDirectory.error(
      403, "Forbidden", "You are not authorized to perform the requested action: identity:\(action).")
  }

  static func create(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = refusal(call, "create_application_credential", adminToo: false) { return refusal }
    guard let caller = call.caller else { return .unauthenticated() }
    let body = call.request.body?["application_credential"]?.object ?? [:]
    guard let name = body["name"]?.string else {
      return IdentityDirectory.error(400, "Bad Request", "Invalid input for field 'name': 'name' is a required property")
    }
    if !(body["access_rules"]?.array.isEmpty ?? true) {
      return IdentityDirectory.error(501, "Not Implemented", "Application credentials with access rules are not emulated")
    }
    // `_get_roles`: the roles asked for, each one the token has; else all of the token's.
    let tokenRoles = caller.roles.compactMap { state.identity.roleID(named: $0) }
    var roleIDs = tokenRoles
    let asked = body["roles"]?.array ?? []
    if !asked.isEmpty {
      roleIDs = []
      for role in asked {
        if let id = role["id"]?.string {
          roleIDs.append(id)
        } else {
          let name = role["name"]?.string ?? ""
          guard let id = state.identity.roleID(named: name) else {
            return IdentityDirectory.error(404, "Not Found", "Could not find role: \(name).")
          }
          roleIDs.append(id)
        }
      }
      guard roleIDs.allSatisfy(tokenRoles.contains) else {
        return IdentityDirectory.error(
          400, "Bad Request", "Invalid application credential: Cannot create an application credential with unassigned role")
      }
    }
    guard !state.identity.applicationCredentials.contains(where: { $0["name"]?.string == name && $0["user_id"]?.string == caller.userID })
    else {
      return IdentityDirectory.error(
        409, "Conflict", "Conflict occurred attempting to store application_credential - Duplicate entry found with name \(name).")
    }
    // `parse_expiration_date`: an ISO 8601 time in UTC, not before now; the record keeps it as
    // oslo's `jsonutils` writes a `datetime`, to the microsecond.
    var expiry = JSON.null
    if let text = body["expires_at"]?.string, !text.isEmpty {
      guard let time = expirationTime(text) else {
        return IdentityDirectory.error(
          400, "Bad Request",
          "Timestamp not in expected format. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.")
      }
      guard time >= state.clock.now else {
        return IdentityDirectory.error(
          400, "Bad Request",
          "The 'expires_at' must not be before now. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.")
      }
      expiry = .string(VirtualClock.isoMicroseconds(time))
    }
    let record: JSONObject = [
      "id": .string(state.identity.ids.hex32()), "name": .string(name), "description": body["description"] ?? .null,
      "user_id": .string(caller.userID), "project_id": .string(caller.projectID), "system": .null, "expires_at": expiry,
      "unrestricted": body["unrestricted"] ?? .null, "roles": .array(roleIDs.map { .string($0) }),
    ]
    state.identity.applicationCredentials.append(record)
    let secret = body["secret"]?.string.flatMap { $0.isEmpty ? nil : $0 } ?? state.identity.ids.urlSafeToken(bytes: 64)
    return .json(201, .object(["application_credential": view(record, secret: secret, state, call)]))
  }

  /// `timeutils.parse_isotime` of the time with a `Z` added where it has none, for the forms
  /// clients send: a date and a time to the second (`isoformat()`), a fraction of up to six
  /// digits, then `Z`.
  private static func expirationTime(_ text: String) -> Int64? {
    var rest = Substring(text.hasSuffix("Z") ? String(text.dropLast()) : text)
    var fraction: Int64 = 0
    if let dot = rest.firstIndex(of: ".") {
      let digits = rest[rest.index(after: dot)...]
      guard (1...6).contains(digits.count), digits.allSatisfy(\.isASCII), let value = Int64(digits) else { return nil }
      fraction = value * Int64(pow10(6 - digits.count))
      rest = rest[..<dot]
    }
    guard rest.utf8.count == 19, case .success(let time) = CivilTime.strptime(String(rest), format: "%Y-%m-%dT%H:%M:%S")
    else { return nil }
    return time + fraction
  }

  private static func pow10(_ exponent: Int) -> Int { (0..<exponent).reduce(1) { value, _ in value * 10 } }

  static func list(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = refusal(call, "list_application_credentials", adminToo: true) { return refusal }
    let user = call.parameters["user"] ?? ""
    let found = state.identity.applicationCredentials.filter { record in
      record["user_id"]?.string == user && (call.query("name").map { record["name"]?.string == $0 } ?? true)
    }
    return .json(
      200,
      .object([
        "application_credentials": .array(found.map { view($0, secret: nil, state, call) }),
        "links": .object(["next": .null, "self": .string(collectionURL(state, call)), "previous": .null]),
      ]))
  }

  static func show(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = refusal(call, "get_application_credential", adminToo: true) { return refusal }
    let id = call.parameters["id"] ?? ""
    guard let record = state.identity.applicationCredentials.first(where: { $0["id"]?.string == id }) else { return notFound(id) }
    return .json(200, .object(["application_credential": view(record, secret: nil, state, call)]))
  }

  static func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = refusal(call, "delete_application_credential", adminToo: true) { return refusal }
    let id = call.parameters["id"] ?? ""
    guard let index = state.identity.applicationCredentials.firstIndex(where: { $0["id"]?.string == id }) else { return notFound(id) }
    state.identity.applicationCredentials.remove(at: index)
    return .noContent()
  }

  private static func notFound(_ id: String) -> APIResponse {
    IdentityDirectory.error(404, "Not Found", "Could not find Application Credential: \(id).")
  }

  private static func collectionURL(_ state: CloudState, _ call: Call) -> String {
    (state.endpoints[.identity] ?? "http://devstack/identity") + "/v3/users/\(call.parameters["user"] ?? "")/application_credentials"
  }

  /// The record as Keystone answers it: each role its role record, the secret after the roles
  /// (the create's answer alone has it), then `links`.
  private static func view(_ record: JSONObject, secret: String?, _ state: CloudState, _ call: Call) -> JSON {
    var view = record
    view["roles"] = .array(
      (record["roles"]?.array ?? []).map { id in
        .object(state.identity.tables["roles"]?.first { $0["id"] == id } ?? ["id": id])
      })
    if let secret { view.appendNew("secret", .string(secret)) }
    view.appendNew("links", .object(["self": .string(collectionURL(state, call) + "/" + (record["id"]?.string ?? ""))]))
    return .object(view)
  }
}
