import CloudAPI

/// Keystone's unified limits (`keystone/api/registered_limits.py`, `limits.py`, the SQL driver
/// of `keystone/limit`, the flat enforcement model): registered limits, a service's default for
/// a resource (in a region or none), and limits, a project's own value for a registered one.
/// Unlike the catalog's collections (`KeystoneTable`), a create takes and answers a batch, a
/// limit's service, region and resource are its registered limit's, and a registered limit a
/// limit refers to cannot change or go.
///
/// Records are kept in `IdentityState.tables`: a limit keeps its registered limit's ID under
/// `registered_limit_id`, which no view shows.
enum UnifiedLimits {
  static func register(in router: inout Router<CloudState>) {
    router.add(.get, "/v3/registered_limits", listRegistered)
    router.add(.post, "/v3/registered_limits", createRegistered)
    router.add(.get, "/v3/registered_limits/{id}", showRegistered)
    router.add(.patch, "/v3/registered_limits/{id}", updateRegistered)
    router.add(.delete, "/v3/registered_limits/{id}", deleteRegistered)
    router.add(.get, "/v3/limits", listLimits)
    router.add(.post, "/v3/limits", createLimits)
    router.add(.get, "/v3/limits/{id}", showLimit)
    router.add(.patch, "/v3/limits/{id}", updateLimit)
    router.add(.delete, "/v3/limits/{id}", deleteLimit)
  }

  /// The attributes a registered limit's body may have (`_registered_limit_properties`); a
  /// limit's (`_limit_create_properties`) add the project and domain and name the value
  /// `resource_limit`.
  private static let registeredAttributes = ["service_id", "region_id", "resource_name", "default_limit", "description"]
  private static let limitAttributes = ["project_id", "domain_id", "service_id", "region_id", "resource_name", "resource_limit", "description"]

  // MARK: Registered limits

  static func listRegistered(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard call.caller != nil else { return .unauthenticated() }
    let found = registered(state).filter { matches($0, call, ["service_id", "region_id", "resource_name"]) }
    return collection("registered_limits", found.map { registeredView($0, state) }, state)
  }

  static func showRegistered(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard call.caller != nil else { return .unauthenticated() }
    let id = call.parameters["id"] ?? ""
    guard let record = registered(state).first(where: { $0["id"]?.string == id }) else { return registeredNotFound(id) }
    return .json(200, .object(["registered_limit": registeredView(record, state)]))
  }

  static func createRegistered(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = adminOnly(call, "create_registered_limits") { return refusal }
    let items: [JSONObject]
    switch batch(call, "registered_limits", attributes: registeredAttributes, value: "default_limit") {
    case .failure(let fault): return fault.response
    case .success(let found): items = found
    }
    var created: [JSONObject] = []
    var records = registered(state)
    for item in items {
      if let fault = missingReference(item, "registered_limit", state) { return fault }
      var record: JSONObject = ["id": .string(state.identity.ids.hex32())]
      for name in registeredAttributes { record[name] = item[name] ?? .null }
      if isDuplicate(record, among: records) { return duplicate("registered_limit") }
      records.append(record)
      created.append(record)
    }
    state.identity.tables["registered_limits"] = records
    return .json(201, .object(["registered_limits": .array(created.map { registeredView($0, state) })]))
  }

  /// `update_registered_limit`: the changed record must still be unique among the others, and
  /// checking it against them includes itself (Keystone's query does): a change of the service,
  /// region or resource that leaves them as they were is a duplicate.
  static func updateRegistered(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = adminOnly(call, "update_registered_limit") { return refusal }
    let id = call.parameters["id"] ?? ""
    let changes: JSONObject
    switch member(call, "registered_limit", attributes: registeredAttributes, value: "default_limit") {
    case .failure(let fault): return fault.response
    case .success(let found): changes = found
    }
    if let fault = mismatchedID(changes, id) { return fault }
    if let fault = missingReference(changes, "registered_limit", state) { return fault }
    var records = registered(state)
    guard let index = records.firstIndex(where: { $0["id"]?.string == id }) else { return registeredNotFound(id) }
    if isReferenced(id, state) { return referenced(id) }
    var record = records[index]
    for (name, value) in changes where name != "id" { record[name] = value }
    let identifying = changes["service_id"].map { $0 != .null } ?? false || changes["region_id"] != nil
      || (changes["resource_name"].map { $0 != .null } ?? false)
    if identifying, isDuplicate(record, among: records) { return duplicate("registered_limit") }
    records[index] = record
    state.identity.tables["registered_limits"] = records
    return .json(200, .object(["registered_limit": registeredView(record, state)]))
  }

  static func deleteRegistered(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = adminOnly(call, "delete_registered_limit") { return refusal }
    let id = call.parameters["id"] ?? ""
    guard registered(state).contains(where: { $0["id"]?.string == id }) else { return registeredNotFound(id) }
    if isReferenced(id, state) { return referenced(id) }
    state.identity.tables["registered_limits"]?.removeAll { $0["id"]?.string == id }
    return .noContent()
  }

  // MARK: Limits

  /// `GET /v3/limits`: an admin sees every project's; anyone else only their project's.
  static func listLimits(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    let views = limits(state).map { limitView($0, state) }
    let found = views.filter { view in
      matches(view, call, ["service_id", "region_id", "resource_name", "project_id", "domain_id"])
        && (caller.isAdmin || view["project_id"]?.string == caller.projectID)
    }
    return collection("limits", found.map(JSON.object), state)
  }

  /// `get_limit`: admins, and the users of the limit's project.
  static func showLimit(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    let id = call.parameters["id"] ?? ""
    let record = limits(state).first { $0["id"]?.string == id }
    guard caller.isAdmin || (record?["project_id"]?.string == caller.projectID && record != nil) else {
      return forbidden("get_limit")
    }
    guard let record else { return limitNotFound(id) }
    return .json(200, .object(["limit": .object(limitView(record, state))]))
  }

  /// `create_limits`: each limit names a registered limit (the service, region and resource
  /// of one), once per project.
  static func createLimits(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = adminOnly(call, "create_limits") { return refusal }
    let items: [JSONObject]
    switch batch(call, "limits", attributes: limitAttributes, value: "resource_limit") {
    case .failure(let fault): return fault.response
    case .success(let found): items = found
    }
    var created: [JSONObject] = []
    var records = limits(state)
    for item in items {
      if let fault = missingReference(item, "limit", state) { return fault }
      guard
        let reference = registered(state).first(where: {
          $0["service_id"] == item["service_id"] && $0["resource_name"] == item["resource_name"]
            && $0["region_id"] == (item["region_id"] ?? .null)
        })
      else {
        return IdentityDirectory.error(403, "Forbidden", "Unable to create a limit that has no corresponding registered limit.")
      }
      let record: JSONObject = [
        "id": .string(state.identity.ids.hex32()), "project_id": item["project_id"] ?? .null,
        "domain_id": item["domain_id"] ?? .null, "resource_limit": item["resource_limit"] ?? .null,
        "description": item["description"] ?? .null, "registered_limit_id": reference["id"] ?? .null,
      ]
      let taken = records.contains {
        $0["registered_limit_id"] == record["registered_limit_id"] && $0["project_id"] == record["project_id"]
          && $0["domain_id"] == record["domain_id"]
      }
      if taken { return duplicate("limit") }
      records.append(record)
      created.append(record)
    }
    state.identity.tables["limits"] = records
    return .json(201, .object(["limits": .array(created.map { .object(limitView($0, state)) })]))
  }

  /// `update_limit`: only the value and the description change, and only to what Python
  /// finds true (a value of 0 or an empty description leaves the old one).
  static func updateLimit(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = adminOnly(call, "update_limit") { return refusal }
    let id = call.parameters["id"] ?? ""
    let changes: JSONObject
    switch member(call, "limit", attributes: ["resource_limit", "description"], value: "resource_limit") {
    case .failure(let fault): return fault.response
    case .success(let found): changes = found
    }
    if let fault = mismatchedID(changes, id) { return fault }
    var records = limits(state)
    guard let index = records.firstIndex(where: { $0["id"]?.string == id }) else { return limitNotFound(id) }
    if let value = changes["resource_limit"], value != .int(0), value != .null { records[index]["resource_limit"] = value }
    if let text = changes["description"]?.string, !text.isEmpty { records[index]["description"] = .string(text) }
    state.identity.tables["limits"] = records
    return .json(200, .object(["limit": .object(limitView(records[index], state))]))
  }

  static func deleteLimit(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = adminOnly(call, "delete_limit") { return refusal }
    let id = call.parameters["id"] ?? ""
    guard limits(state).contains(where: { $0["id"]?.string == id }) else { return limitNotFound(id) }
    state.identity.tables["limits"]?.removeAll { $0["id"]?.string == id }
    return .noContent()
  }

  /// `delete_limits_for_project`: a deleted project's limits go with it.
  static func removeLimits(ofProject id: String, in state: inout CloudState) {
    guard state.identity.tables["limits"]?.contains(where: { $0["project_id"]?.string == id }) == true else { return }
    state.identity.tables["limits"]?.removeAll { $0["project_id"]?.string == id }
  }

  // MARK: Views

  private static func registered(_ state: CloudState) -> [JSONObject] { state.identity.tables["registered_limits"] ?? [] }
  private static func limits(_ state: CloudState) -> [JSONObject] { state.identity.tables["limits"] ?? [] }

  /// `RegisteredLimitModel.to_dict`, with the links `wrap_member` adds.
  private static func registeredView(_ record: JSONObject, _ state: CloudState) -> JSON {
    var view: JSONObject = ["id": record["id"] ?? .null]
    for name in registeredAttributes { view[name] = record[name] ?? .null }
    view["links"] = links("registered_limits", record, state)
    return .object(view)
  }

  /// `LimitModel.to_dict`: the service, region and resource are the registered limit's.
  private static func limitView(_ record: JSONObject, _ state: CloudState) -> JSONObject {
    let reference = registered(state).first { $0["id"] == record["registered_limit_id"] } ?? [:]
    return [
      "id": record["id"] ?? .null, "project_id": record["project_id"] ?? .null, "domain_id": record["domain_id"] ?? .null,
      "service_id": reference["service_id"] ?? .null, "region_id": reference["region_id"] ?? .null,
      "resource_name": reference["resource_name"] ?? .null, "resource_limit": record["resource_limit"] ?? .null,
      "description": record["description"] ?? .null, "links": links("limits", record, state),
    ]
  }

  private static func links(_ collection: String, _ record: JSONObject, _ state: CloudState) -> JSON {
    let base = state.endpoints[.identity] ?? "http://devstack/identity"
    return .object(["self": .string("\(base)/v3/\(collection)/\(record["id"]?.string ?? "")")])
  }

  private static func collection(_ key: String, _ views: [JSON], _ state: CloudState) -> APIResponse {
    let base = (state.endpoints[.identity] ?? "http://devstack/identity") + "/v3/\(key)"
    return .json(200, .object([key: .array(views), "links": .object(["next": .null, "self": .string(base), "previous": .null])]))
  }

  /// A list's filters: each query parameter given equals the attribute of its name.
  private static func matches(_ record: JSONObject, _ call: Call, _ filters: [String]) -> Bool {
    filters.allSatisfy { name in call.query(name).map { PythonLike.text(record[name]) == $0 } ?? true }
  }

  // MARK: Checks and faults

  /// The request body's records, checked against the create schema as Keystone's validator
  /// reports it (`keystone/api/validation/validators.py`): jsonschema's first error, each
  /// object's properties before what it requires and what it may not have; below the root the
  /// message names the innermost field (an item by its index) and its value.
  private static func batch(_ call: Call, _ key: String, attributes: [String], value: String) -> Result<[JSONObject], Fault> {
    let body = call.request.body?.object ?? [:]
    var records: [JSONObject] = []
    if let items = body[key] {
      guard case .array(let list) = items else { return .failure(.invalid(key, items, "\(PythonValue.repr(items)) is not of type 'array'")) }
      guard !list.isEmpty else { return .failure(.invalid(key, items, "[] should be non-empty")) }
      for (index, item) in list.enumerated() {
        guard case .object(let record) = item else {
          return .failure(.invalid(String(index), item, "\(PythonValue.repr(item)) is not of type 'object'"))
        }
        let required = ["service_id", "resource_name", value]
        if let fault = checked(record, field: String(index), attributes: attributes, value: value, required: required) {
          return .failure(fault)
        }
        records.append(record)
      }
    } else {
      return .failure(Fault(message: "'\(key)' is a required property"))
    }
    if let extra = Fault.extra(in: body, allowed: [key]) { return .failure(Fault(message: extra)) }
    return .success(records)
  }

  /// The body's member of an update, checked as its create's (nothing required).
  private static func member(_ call: Call, _ key: String, attributes: [String], value: String) -> Result<JSONObject, Fault> {
    let record = call.request.body?[key]?.object ?? [:]
    if let fault = checked(record, field: key, attributes: attributes + ["id"], value: value, required: []) { return .failure(fault) }
    return .success(record)
  }

  /// One record: its value an integer from -1 to 2³¹−1, then no attribute but the schema's, then
  /// those it requires.
  private static func checked(_ record: JSONObject, field: String, attributes: [String], value: String, required: [String]) -> Fault? {
    if let limit = record[value] {
      guard case .int(let number) = limit else { return .invalid(value, limit, "\(PythonValue.repr(limit)) is not of type 'integer'") }
      if number < -1 { return .invalid(value, limit, "\(number) is less than the minimum of -1") }
      if number > 0x7FFF_FFFF { return .invalid(value, limit, "\(number) is greater than the maximum of 2147483647") }
    }
    if let extra = Fault.extra(in: record, allowed: Set(attributes)) { return .invalid(field, .object(record), extra) }
    if let missing = required.first(where: { record[$0] == nil }) {
      return .invalid(field, .object(record), "'\(missing)' is a required property")
    }
    return nil
  }

  /// `_require_matching_id`.
  private static func mismatchedID(_ changes: JSONObject, _ id: String) -> APIResponse? {
    guard let given = changes["id"], given.string != id else { return nil }
    return IdentityDirectory.error(
      400, "Bad Request",
      "Cannot change ID. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error."
    )
  }

  /// `_assert_resource_exist`: the service, region and project named must exist.
  private static func missingReference(_ record: JSONObject, _ target: String, _ state: CloudState) -> APIResponse? {
    let checks: [(attribute: String, exists: (String) -> Bool)] = [
      ("service_id", { id in state.keystoneRecords("services").contains { $0["id"]?.string == id } }),
      ("region_id", { id in state.keystoneRecords("regions").contains { $0["id"]?.string == id } }),
      ("project_id", { id in state.identity.projects.contains { $0.id == id } }),
    ]
    for (attribute, exists) in checks {
      guard let id = record[attribute]?.string, !exists(id) else { continue }
      return IdentityDirectory.error(
        400, "Bad Request",
        "Expecting to find \(attribute) in \(target). The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error."
      )
    }
    return nil
  }

  /// Whether a record among `records` has the service, region and resource of `record`. On an
  /// update `records` still holds the record as it was: Keystone's query finds it too.
  private static func isDuplicate(_ record: JSONObject, among records: [JSONObject]) -> Bool {
    records.contains {
      $0["service_id"] == record["service_id"] && $0["resource_name"] == record["resource_name"]
        && $0["region_id"] == record["region_id"]
    }
  }

  private static func isReferenced(_ id: String, _ state: CloudState) -> Bool {
    limits(state).contains { $0["registered_limit_id"]?.string == id }
  }

  private static func duplicate(_ type: String) -> APIResponse {
    IdentityDirectory.error(409, "Conflict", "Conflict occurred attempting to store \(type) - Duplicate entry.")
  }

  private static func referenced(_ id: String) -> APIResponse {
    IdentityDirectory.error(
      403, "Forbidden", "Unable to update or delete registered limit \(id) because there are project limits associated with it.")
  }

  private static func registeredNotFound(_ id: String) -> APIResponse {
    IdentityDirectory.error(404, "Not Found", "Could not find registered limit for \(id).")
  }

  private static func limitNotFound(_ id: String) -> APIResponse {
    IdentityDirectory.error(404, "Not Found", "Could not find limit for \(id).")
  }

  private static func adminOnly(_ call: Call, _ action: String) -> APIResponse? {
    guard let caller = call.caller else { return .unauthenticated() }
    return caller.isAdmin ? nil : forbidden(action)
  }

  private static func forbidden(_ action: String) -> APIResponse {
    IdentityDirectory.error(403, "Forbidden", "You are not authorized to perform the requested action: identity:\(action).")
  }

  /// A schema's refusal: Keystone's `SchemaValidationError`, 400.
  private struct Fault: Error {
    var message: String
    var response: APIResponse { IdentityDirectory.error(400, "Bad Request", message) }

    /// An error below the root: `Invalid input for field/attribute FIELD. Value: VALUE. REASON`.
    static func invalid(_ field: String, _ value: JSON, _ reason: String) -> Fault {
      Fault(message: "Invalid input for field/attribute \(field). Value: \(PythonValue.str(value)). \(reason)")
    }

    /// jsonschema's `additionalProperties` message for the keys not allowed, if any.
    static func extra(in object: JSONObject, allowed: Set<String>) -> String? {
      let unexpected = object.keys.filter { !allowed.contains($0) }
      guard !unexpected.isEmpty else { return nil }
      let names = unexpected.map { PythonValue.repr(.string($0)) }.joined(separator: ", ")
      return "Additional properties are not allowed (\(names) \(unexpected.count == 1 ? "was" : "were") unexpected)"
    }
  }
}
