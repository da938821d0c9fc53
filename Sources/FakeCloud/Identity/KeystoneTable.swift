import CloudAPI

/// A Keystone collection as a table: its attributes (in the order Keystone's view gives them,
/// with their defaults), which query parameters filter it, who may read it, and what makes a
/// new record a duplicate. One engine (`KeystoneTable.register`) answers list, show, create,
/// update and delete for every table, with Keystone's policies and messages; the records are
/// JSON objects kept in `IdentityState.tables`.
struct KeystoneTable: Sendable {
  struct Attribute: Sendable {
    var name: String
    /// The value a create without it stores; `nil` for an attribute Keystone requires.
    var initial: JSON?
    /// What Keystone stores for an explicit `null` (a region's description: ''); `nil` keeps it.
    var forNull: JSON? = nil

    /// The value to store for `value` as given.
    func stored(_ value: JSON) -> JSON { value == .null ? forNull ?? value : value }
  }

  /// `roles`, `services`, `endpoints`, `regions`.
  var collection: String
  /// `role`, `service`, ...: the member's key and the policy's noun.
  var member: String
  var attributes: [Attribute]
  /// The query parameters a list filters by, each equal to the attribute of its name.
  var filters: [String]
  /// Whether a member may read it (regions); the rest is for admins.
  var readableByAll = false
  /// The attribute two records may not share (a role's name), with the duplicate's message.
  var unique: String? = nil
  /// For a record whose unique attribute is taken (in its domain, where it has one): what
  /// Keystone's 409 says it was storing and why, when not the plain duplicate's
  /// (`group - Duplicate entry found with name x at domain ID default`).
  var conflictMessage: (@Sendable (JSONObject) -> String)? = nil
  /// The record a non-admin may read: its own (a member's domain).
  var own: (@Sendable (Caller, CloudState) -> String?)? = nil
  /// A check before a delete, Keystone's answer when it is refused.
  var deletable: @Sendable (JSONObject, CloudState) -> APIResponse? = { _, _ in nil }
  /// What else goes with a deleted record (a role's assignments, a group's memberships).
  var cascade: @Sendable (inout CloudState, String) -> Void = { _, _ in }
  /// Whether a create may give the ID (a region's).
  var givenID = false
  /// Whether the service catalog tokens carry is made from these records (services,
  /// endpoints): a change to them makes it anew; a change to others leaves it.
  var inCatalog = false
  /// A check of the new or changed record, Keystone's answer when it is refused.
  var validate: @Sendable (JSONObject, CloudState) -> APIResponse? = { _, _ in nil }
  /// The filter a list without it applies as `null` (a role's `domain_id`: the global roles only).
  var nullUnlessFiltered: String? = nil
  /// Whether the records take the `immutable` resource option (roles, domains), which
  /// `check_immutable_update` and `check_immutable_delete` enforce.
  var immutableOption = false

  static let all = [roles, services, endpoints, regions, domains, groups]

  static let roles = KeystoneTable(
    collection: "roles", member: "role",
    attributes: [
      Attribute(name: "name", initial: nil), Attribute(name: "domain_id", initial: .null),
      Attribute(name: "description", initial: .null), Attribute(name: "options", initial: .object([:])),
    ],
    filters: ["name", "domain_id"], unique: "name",
    cascade: { state, id in state.identity.assignments.removeAll { $0.roleID == id } }, nullUnlessFiltered: "domain_id",
    immutableOption: true)

  static let services = KeystoneTable(
    collection: "services", member: "service",
    attributes: [
      Attribute(name: "type", initial: nil), Attribute(name: "name", initial: ""),
      Attribute(name: "description", initial: ""), Attribute(name: "enabled", initial: true),
    ],
    filters: ["type", "name"],
    // The service's endpoints go with it (`delete_service`).
    cascade: { state, id in state.identity.tables["endpoints"]?.removeAll { $0["service_id"]?.string == id } },
    inCatalog: true)

  static let endpoints = KeystoneTable(
    collection: "endpoints", member: "endpoint",
    attributes: [
      Attribute(name: "interface", initial: nil), Attribute(name: "region_id", initial: .null),
      Attribute(name: "service_id", initial: nil), Attribute(name: "url", initial: nil),
      Attribute(name: "enabled", initial: true),
    ],
    filters: ["interface", "service_id", "region_id"], inCatalog: true,
    validate: { record, state in
      if let url = record["url"]?.string, EndpointURL.formatsWholeMapping(url) {
        return IdentityDirectory.error(
          501, "Not Implemented", "An endpoint URL whose one conversion is a bare %s is not emulated: \(url)")
      }
      // keystone.common.utils.check_endpoint_url: a URL that names no allowed value.
      if let url = record["url"]?.string, !EndpointURL.isValid(url) {
        return IdentityDirectory.error(400, "Bad Request", "Cannot create an endpoint with an invalid URL: \(url).")
      }
      let service = record["service_id"]?.string ?? ""
      guard state.keystoneRecords("services").contains(where: { $0["id"]?.string == service }) else {
        return IdentityDirectory.error(400, "Bad Request", "Could not find service: \(service).")
      }
      if let region = record["region_id"]?.string,
        !state.keystoneRecords("regions").contains(where: { $0["id"]?.string == region })
      {
        return IdentityDirectory.error(404, "Not Found", "Could not find region: \(region).")
      }
      return nil
    })

  /// Regions (`catalog/backends/sql.py`): a parent must exist, and a change may not make the
  /// tree a circle; a region goes with its children, unless one of them has endpoints.
  static let regions = KeystoneTable(
    collection: "regions", member: "region",
    attributes: [Attribute(name: "description", initial: "", forNull: ""), Attribute(name: "parent_region_id", initial: .null)],
    filters: ["parent_region_id"], readableByAll: true,
    deletable: { record, state in
      let id = record["id"]?.string ?? ""
      let tree = Set([id] + RegionTree.descendants(of: id, in: state))
      guard state.keystoneRecords("endpoints").contains(where: { tree.contains($0["region_id"]?.string ?? "") }) else { return nil }
      return IdentityDirectory.error(
        403, "Forbidden", "Unable to delete region \(id) because it or its child regions have associated endpoints.")
    },
    cascade: { state, id in
      let children = Set(RegionTree.descendants(of: id, in: state))
      state.identity.tables["regions"]?.removeAll { children.contains($0["id"]?.string ?? "") }
    },
    givenID: true,
    validate: { record, state in
      guard let parent = record["parent_region_id"]?.string else { return nil }
      let regions = state.keystoneRecords("regions")
      guard regions.contains(where: { $0["id"]?.string == parent }) else {
        return IdentityDirectory.error(404, "Not Found", "Could not find region: \(parent).")
      }
      // `_ensure_no_circle_in_hierarchical_regions`: up from the parent, never back to the region.
      let root = record["id"]?.string
      var next: String? = parent
      var seen: Set<String> = []
      while let current = next, seen.insert(current).inserted {
        if current == root {
          return IdentityDirectory.error(
            400, "Bad Request", "The specified parent region \(current) would create a circular region hierarchy.")
        }
        next = regions.first { $0["id"]?.string == current }?["parent_region_id"]?.string
      }
      return nil
    })

  func register(in router: inout Router<CloudState>) {
    router.add(.get, "/v3/\(collection)", list)
    router.add(.post, "/v3/\(collection)", create)
    router.add(.get, "/v3/\(collection)/{id}", show)
    router.add(.patch, "/v3/\(collection)/{id}", update)
    router.add(.delete, "/v3/\(collection)/{id}", delete)
  }

  /// Keystone's default policy: admins do everything; others read what is open to all.
  private func refusal(_ call: Call, _ action: String, reading: Bool, id: String? = nil, _ state: CloudState? = nil) -> APIResponse? {
    guard let caller = call.caller else { return .unauthenticated() }
    if caller.isAdmin || (reading && readableByAll) { return nil }
    if let id, let state, let own, own(caller, state) == id { return nil }
    return IdentityDirectory.error(
      403, "Forbidden", "You are not authorized to perform the requested action: identity:\(action).")
  }

  /// `ResourceUpdateForbidden`, `ResourceDeleteForbidden` (their message's backtick unclosed).
  private func immutable(_ action: String, _ id: String) -> APIResponse {
    IdentityDirectory.error(
      403, "Forbidden", "Unable to \(action) immutable \(member) resource: `\(id). Set resource option \"immutable\" to false first.")
  }

  private func notFound(_ id: String) -> APIResponse {
    IdentityDirectory.error(404, "Not Found", "Could not find \(member): \(id).")
  }

  /// The record with its `links`, as Keystone answers it; an endpoint also says its region
  /// under the old name.
  func view(_ record: JSONObject, _ state: CloudState) -> JSON {
    var view = record
    if collection == "endpoints" { view["region"] = record["region_id"] ?? .null }
    let base = state.endpoints[.identity] ?? "http://devstack/identity"
    view["links"] = .object(["self": .string("\(base)/v3/\(collection)/\(record["id"]?.string ?? "")")])
    return .object(view)
  }

  func list(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = refusal(call, "list_\(collection)", reading: true) { return refusal }
    let found = state.keystoneRecords(collection).filter { record in
      filters.allSatisfy { name in
        guard let wanted = call.query(name) else { return name != nullUnlessFiltered || (record[name] ?? .null) == .null }
        return PythonLike.text(record[name]) == wanted
      }
    }
    let base = (state.endpoints[.identity] ?? "http://devstack/identity") + "/v3/\(collection)"
    return .json(
      200,
      .object([
        collection: .array(found.map { view($0, state) }),
        "links": .object(["next": .null, "self": .string(base), "previous": .null]),
      ]))
  }

  func show(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let id = call.parameters["id"] ?? ""
    if let refusal = refusal(call, "get_\(member)", reading: true, id: id, state) { return refusal }
    guard let record = state.keystoneRecords(collection).first(where: { $0["id"]?.string == id }) else { return notFound(id) }
    return .json(200, .object([member: view(record, state)]))
  }

  func create(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = refusal(call, "create_\(member)", reading: false) { return refusal }
    let body = call.request.body?[member]?.object ?? [:]
    var record: JSONObject = [:]
    if givenID, let id = body["id"]?.string {
      guard !state.keystoneRecords(collection).contains(where: { $0["id"]?.string == id }) else {
        return IdentityDirectory.error(
          409, "Conflict", "Conflict occurred attempting to store \(member) - Duplicate ID, \(id).")
      }
      record["id"] = .string(id)
    } else {
      record["id"] = .string(state.identity.ids.hex32())
    }
    for attribute in attributes {
      guard let value = body[attribute.name] ?? attribute.initial else {
        return IdentityDirectory.error(
          400, "Bad Request", "Invalid input for field '\(attribute.name)': '\(attribute.name)' is a required property")
      }
      record[attribute.name] = attribute.stored(value)
    }
    if let fault = conflict(record, state) ?? validate(record, state) { return fault }
    state.identity.tables[collection, default: []].append(record)
    if inCatalog { state.refreshCatalog() }
    return .json(201, .object([member: view(record, state)]))
  }

  /// Keystone's 409 when another record has the unique attribute's value (in the same domain,
  /// for a table whose records have one).
  private func conflict(_ record: JSONObject, _ state: CloudState) -> APIResponse? {
    guard let unique, let value = record[unique] else { return nil }
    let taken = state.keystoneRecords(collection).contains { other in
      other["id"] != record["id"] && other[unique] == value && other["domain_id"] == record["domain_id"]
    }
    guard taken else { return nil }
    var message = "\(member) - Duplicate entry found with \(unique) \(PythonLike.text(value))"
    if let domain = record["domain_id"]?.string { message += " at domain ID \(domain)" }
    return IdentityDirectory.error(
      409, "Conflict", "Conflict occurred attempting to store \(conflictMessage?(record) ?? message).")
  }

  func update(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = refusal(call, "update_\(member)", reading: false) { return refusal }
    let id = call.parameters["id"] ?? ""
    guard let index = state.identity.tables[collection]?.firstIndex(where: { $0["id"]?.string == id }) else { return notFound(id) }
    var record = state.identity.tables[collection]?[index] ?? [:]
    let changes = call.request.body?[member]?.object ?? [:]
    // An immutable record takes only its option turned off, alone.
    if immutableOption, record["options"]?["immutable"] == true {
      let releases = changes.count == 1 && [JSON.bool(false), .null].contains(changes["options"]?["immutable"] ?? .string(""))
      if !releases { return immutable("update", id) }
    }
    for (key, value) in changes {
      guard let attribute = attributes.first(where: { $0.name == key }) else { continue }
      record[key] = attribute.stored(value)
    }
    if let fault = conflict(record, state) ?? validate(record, state) { return fault }
    state.identity.tables[collection]?[index] = record
    if inCatalog { state.refreshCatalog() }
    return .json(200, .object([member: view(state.identity.tables[collection]?[index] ?? [:], state)]))
  }

  func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = refusal(call, "delete_\(member)", reading: false) { return refusal }
    let id = call.parameters["id"] ?? ""
    guard let index = state.identity.tables[collection]?.firstIndex(where: { $0["id"]?.string == id }) else { return notFound(id) }
    let record = state.identity.tables[collection]?[index] ?? [:]
    if let refusal = deletable(record, state) { return refusal }
    if immutableOption, record["options"]?["immutable"] == true { return immutable("delete", id) }
    state.identity.tables[collection]?.remove(at: index)
    cascade(&state, id)
    if inCatalog { state.refreshCatalog() }
    return .noContent()
  }
}

/// The region tree: a region's children, theirs, and so on (a circle stops the walk).
enum RegionTree {
  static func descendants(of id: String, in state: CloudState) -> [String] {
    let regions = state.keystoneRecords("regions")
    var found: [String] = []
    var queue = [id]
    while let parent = queue.popLast() {
      for child in regions where child["parent_region_id"]?.string == parent {
        guard let childID = child["id"]?.string, childID != id, !found.contains(childID) else { continue }
        found.append(childID)
        queue.append(childID)
      }
    }
    return found
  }
}

/// How Keystone's SQL filters compare a query's text with a stored value.
enum PythonLike {
  static func text(_ value: JSON?) -> String {
    switch value {
    case .string(let text)?: return text
    case .bool(let flag)?: return flag ? "True" : "False"
    case .int(let number)?: return String(number)
    case .null?, nil: return "None"
    default: return ""
    }
  }
}
