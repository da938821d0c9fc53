import CloudAPI

/// One attribute of a REST resource, declared as neutron-lib's attribute maps declare it: what a
/// POST must or may give, what a PUT may change, how a value is read and checked, who sees it and
/// whether a list filters by it.
struct ResourceAttribute: Sendable {
  /// What a POST that leaves the attribute out gets.
  enum Default: Sendable {
    /// No default: a POST must give it (`Failed to parse request. Required attribute ...`).
    case required
    /// This value.
    case value(JSON)
    /// What the resource's own logic works out (a subnet's gateway, a port's MAC address).
    case computed
  }

  /// How a value is read (neutron-lib's `convert_to`), in a body and in a filter.
  enum Kind: Sendable {
    case string
    /// `convert_to_boolean`: `true`, `"True"`, `1`, `"yes"` ...
    case boolean
    /// `convert_to_int`.
    case integer
    /// A list; a filter keeps the records whose list holds the value.
    case list
    /// Anything else (dictionaries): kept as given, not a filter.
    case other
  }

  let name: String
  var kind: Kind = .string
  var allowPost = true
  var allowPut = true
  var `default`: Default = .value(.null)
  /// The reason a converted value is refused (neutron-lib's validators), or `nil`.
  var validate: (@Sendable (JSON) -> String?)? = nil
  /// Shown to admins only (the provider attributes, a port's binding).
  var adminOnly = false
  var filterable = true
  /// Whether records show it (`is_visible`): a POST-only attribute such as a subnet's
  /// `prefixlen` is read, never shown.
  var shown = true

  init(
    _ name: String, _ kind: Kind = .string, post: Bool = true, put: Bool = true, default: Default = .value(.null),
    adminOnly: Bool = false, filterable: Bool = true, shown: Bool = true, validate: (@Sendable (JSON) -> String?)? = nil
  ) {
    self.shown = shown
    self.name = name
    self.kind = kind
    self.allowPost = post
    self.allowPut = put
    self.default = `default`
    self.adminOnly = adminOnly
    self.filterable = filterable
    self.validate = validate
  }

  /// A read-only attribute the service sets (`status`, `availability_zones`).
  static func readOnly(_ name: String, _ kind: Kind = .string, adminOnly: Bool = false, filterable: Bool = true) -> Self {
    Self(name, kind, post: false, put: false, default: .computed, adminOnly: adminOnly, filterable: filterable)
  }
}

/// What a resource engine refuses: the status, the service's fault type and its message.
struct ResourceFault: Error, Sendable {
  var status: Int
  var type: String
  var message: String

  static func badRequest(_ message: String) -> Self { Self(status: 400, type: "HTTPBadRequest", message: message) }
  static func invalidInput(_ reason: String) -> Self {
    Self(status: 400, type: "InvalidInput", message: "Invalid input for operation: \(reason).")
  }
  static func conflict(_ type: String, _ message: String) -> Self { Self(status: 409, type: type, message: message) }
}

/// A resource as a table of attributes, and the one engine that reads requests about it and
/// answers them as Neutron's API layer does (`neutron/api/v2/base.py` with neutron-lib's
/// `AttributeInfo`): POST and PUT bodies checked and completed, lists filtered, sorted, paged and
/// cut to `fields`, records shown to each caller as the policy lets them. What differs between
/// resources (a subnet's addresses, a router's interfaces) is the resource's own logic, run
/// around the engine.
struct ResourceTable: Sendable {
  /// `networks`, `security-groups`: the collection's path.
  let path: String
  /// `networks`, `security_groups`: the list's key.
  let collection: String
  /// `network`: the key of one record.
  let member: String
  /// The attributes, in the order a record shows them; no name twice.
  let attributes: [ResourceAttribute]
  /// The fault for an ID no visible record has.
  let notFound: @Sendable (String) -> ResourceFault
  /// How its lists page.
  let paging: Paging
  /// The attributes only admins see (a few at most), looked up for every member of a record a
  /// member sees: scanned, not hashed.
  private let adminOnly: [String]

  /// How Neutron's API pages a list (`neutron/api/api_common.py`, `pecan_wsgi/hooks/query_parameters.py`).
  enum Paging: Sendable {
    /// `allow_pagination=False` (RBAC policies): `limit`, `marker` and `page_reverse` are not
    /// read, the whole list comes back without links.
    case none
    /// `PaginationEmulatedHelper` (a plugin without native pagination, the flavors'): the API
    /// pages the plugin's whole list; a marker the list does not have gives an empty page.
    case emulated
    /// Native pagination through the plugin's `_get_<resource>` for the marker (networks,
    /// ports, routers): a marker the caller cannot see is the resource's not-found fault.
    case nativeFinding
    /// Native pagination through the objects' `Pager`: a marker not found is no marker.
    case native
  }

  init(
    path: String? = nil, collection: String, member: String, attributes: [ResourceAttribute], paging: Paging = .native,
    notFound: @escaping @Sendable (String) -> ResourceFault
  ) {
    self.paging = paging
    self.path = path ?? collection
    self.collection = collection
    self.member = member
    precondition(Set(attributes.map(\.name)).count == attributes.count, "an attribute of \(member) named twice")
    self.attributes = attributes
    self.notFound = notFound
    adminOnly = attributes.filter(\.adminOnly).map(\.name)
  }

  func attribute(_ name: String) -> ResourceAttribute? { attributes.first { $0.name == name } }

  // MARK: Requests

  /// A POST body's attributes, read as `prepare_request_body(is_create=True)` reads them:
  /// unknown names refused, attributes a POST may not give refused, required ones demanded,
  /// values converted and validated, defaults filled (computed ones left for the resource's
  /// logic). `project_id` and `tenant_id` are the caller's unless an admin names another.
  func readCreate(_ body: JSON?, projectID: String, isAdmin: Bool) -> Result<JSONObject, ResourceFault> {
    guard case .object(let given)? = body?[member] else {
      return .failure(.badRequest("Unable to find '\(member)' in request body"))
    }
    var fields = given
    let project = given["project_id"]?.string ?? given["tenant_id"]?.string ?? projectID
    if !isAdmin, project != projectID {
      return .failure(.badRequest("Specifying 'project_id' other than the authenticated project in request requires admin privileges"))
    }
    if let fault = unknownAttributes(in: given) { return .failure(fault) }
    fields["project_id"] = .string(project)
    fields["tenant_id"] = .string(project)
    for attribute in attributes {
      if attribute.allowPost {
        if fields[attribute.name] != nil { continue }
        switch attribute.default {
        case .required: return .failure(.badRequest("Failed to parse request. Required attribute '\(attribute.name)' not specified"))
        case .value(let value): fields[attribute.name] = value
        case .computed: break
        }
      } else if given[attribute.name] != nil, !["project_id", "tenant_id"].contains(attribute.name) {
        return .failure(.badRequest("Attribute '\(attribute.name)' not allowed in POST"))
      }
    }
    return convert(fields, given: given)
  }

  /// A PUT body's attributes (`prepare_request_body(is_create=False)`): read-only attributes refused.
  func readUpdate(_ body: JSON?) -> Result<JSONObject, ResourceFault> {
    guard case .object(let given)? = body?[member] else {
      return .failure(.badRequest("Unable to find '\(member)' in request body"))
    }
    if let fault = unknownAttributes(in: given) { return .failure(fault) }
    for attribute in attributes where given[attribute.name] != nil && !attribute.allowPut {
      return .failure(.badRequest("Cannot update read-only attribute \(attribute.name)"))
    }
    return convert(given, given: given)
  }

  private func unknownAttributes(in given: JSONObject) -> ResourceFault? {
    let unknown = given.keys.filter { attribute($0) == nil }
    guard !unknown.isEmpty else { return nil }
    return .badRequest("Unrecognized attribute(s) '\(unknown.joined(separator: ", "))'")
  }

  /// `convert_values`: each given value converted, then validated.
  private func convert(_ fields: JSONObject, given: JSONObject) -> Result<JSONObject, ResourceFault> {
    var fields = fields
    for attribute in attributes {
      guard let value = fields[attribute.name] else { continue }
      let converted: JSON
      switch Self.convert(value, to: attribute.kind) {
      case .success(let value): converted = value
      case .failure(let fault): return .failure(fault)
      }
      fields[attribute.name] = converted
      // Defaults are not validated; what the caller gave is.
      if given[attribute.name] != nil, let reason = attribute.validate?(converted) {
        return .failure(.badRequest("Invalid input for \(attribute.name). Reason: \(reason)."))
      }
    }
    return .success(fields)
  }

  /// neutron-lib's `convert_to_boolean` and `convert_to_int`.
  static func convert(_ value: JSON, to kind: ResourceAttribute.Kind) -> Result<JSON, ResourceFault> {
    switch (kind, value) {
    case (.boolean, .bool), (.integer, .int), (_, .null): return .success(value)
    case (.boolean, .int(let number)) where number == 0 || number == 1: return .success(.bool(number == 1))
    case (.boolean, .string(let text)):
      guard let bool = StrictBool.parse(text) else { return .failure(.invalidInput("'\(text)' cannot be converted to boolean")) }
      return .success(.bool(bool))
    case (.boolean, _): return .failure(.invalidInput("'\(PythonValue.str(value))' cannot be converted to boolean"))
    case (.integer, .string(let text)):
      guard let number = PythonInt.parse(text) else { return .failure(.invalidInput("'\(text)' is not an integer")) }
      return .success(.int(number))
    case (.integer, _): return .failure(.invalidInput("'\(PythonValue.str(value))' is not an integer"))
    default: return .success(value)
    }
  }

  // MARK: Answers

  /// A record as a caller sees it: admin-only attributes hidden from others, cut to `fields`
  /// when the request names some.
  func view(_ record: JSONObject, isAdmin: Bool, fields: [String] = []) -> JSON {
    // Most records are shown whole: nothing to leave out.
    if fields.isEmpty, isAdmin || adminOnly.isEmpty { return .object(record) }
    return .object(
      record.filter { key, _ in
        if !fields.isEmpty, !fields.containsBytes(key) { return false }
        return isAdmin || !adminOnly.containsBytes(key)
      })
  }

  /// `GET /v2.0/<collection>`: the records a caller may see, filtered by the query's attributes
  /// (several values of one attribute: any of them) and tags, sorted by `sort_key`/`sort_dir`
  /// (then by ID, as the database pages them), paged by `limit`/`marker` with the `_links` that
  /// lead on, and cut to `fields`.
  func list(_ records: [JSONObject], _ call: Call, isAdmin: Bool, baseURL: String) -> APIResponse {
    let query = call.request.query
    var kept = records
    var filters: [String: [String]] = [:]
    for item in query where !Self.listParameters.contains(item.name) { filters[item.name, default: []].append(item.value) }
    for (name, values) in filters.sorted(by: { $0.key < $1.key }) {
      switch filter(name, values, isAdmin: isAdmin) {
      case .success(let test?): kept = kept.filter(test)
      case .success(nil): continue
      case .failure(let fault): return Self.response(fault)
      }
    }
    var limit = 0
    var marker: String? = nil
    var reverse = false
    if paging != .none {
      // `get_limit_and_marker` (`pagination_max_limit` is `-1`, no maximum) and `get_page_reverse`.
      let limitText = call.query("limit") ?? "0"
      guard let given = PythonInt.parse(limitText), given >= 0 else {
        return Self.response(
          ResourceFault(
            status: 400, type: "BadRequest", message: "Bad limit request: Limit must be an integer 0 or greater and not '\(limitText)'."))
      }
      limit = given
      marker = call.query("marker").flatMap { $0.isEmpty ? nil : $0 }
      reverse = (call.query("page_reverse") ?? "False").lowercased() == "true"
    }
    // The database's marker: the record the caller sees of that ID, among all it sees.
    var markerRecord: JSONObject? = nil
    if limit > 0, let marker, paging != .emulated {
      markerRecord = records.first { $0["id"]?.string == marker }
      if markerRecord == nil, paging == .nativeFinding { return Self.response(notFound(marker)) }
    }
    if let markerRecord, !kept.contains(where: { $0["id"] == markerRecord["id"] }) { kept.append(markerRecord) }
    switch sorted(kept, query) {
    case .success(let records): kept = records
    case .failure(let fault): return Self.response(fault)
    }
    var links: [JSON] = []
    if limit > 0 {
      // The page after (or, `page_reverse`, before) the marker; for an emulated list, a marker it
      // does not have leaves nothing.
      var start = reverse ? kept.count : 0
      if let marker, paging == .emulated || markerRecord != nil {
        if let index = kept.firstIndex(where: { $0["id"]?.string == marker }) {
          start = reverse ? index : index + 1
        } else {
          start = -1
        }
      }
      if start < 0 {
        kept = []
      } else if reverse {
        kept = Array(kept[max(start - limit, 0)..<start])
      } else {
        kept = Array(kept[start..<min(start + limit, kept.count)])
      }
      links = paginationLinks(kept, call, limit: limit, reverse: reverse, baseURL: baseURL)
    } else if reverse, paging == .native || paging == .nativeFinding {
      // The database's query sorted the other way, without a page to turn back.
      kept.reverse()
    }
    let fields = query.filter { $0.name == "fields" }.map(\.value)
    var body: JSONObject = [collection: .array(kept.map { view($0, isAdmin: isAdmin, fields: fields) })]
    if !links.isEmpty { body["\(collection)_links"] = .array(links) }
    return .json(200, .object(body))
  }

  /// `get_pagination_links`: `next` unless a short page going forward, `previous` unless a
  /// short page going back; each the request's parameters (`urlencode` of them in their order)
  /// with `marker` moved to the end and set to the page's last (first) record, the `previous`
  /// one with `page_reverse=True`.
  private func paginationLinks(_ page: [JSONObject], _ call: Call, limit: Int, reverse: Bool, baseURL: String) -> [JSON] {
    var links: [JSON] = []
    let url = "\(baseURL)/v2.0/\(path)"
    let parameters = call.request.query.filter { $0.name != "marker" }
    if !(page.count < limit && !reverse) {
      var next = parameters.filter { $0.name != "page_reverse" }
      if let last = page.last?["id"]?.string { next.append((name: "marker", value: last)) }
      links.append(.object(["rel": "next", "href": .string(url + "?" + PythonURLEncode.query(next))]))
    }
    if !(page.count < limit && reverse) {
      var previous = parameters
      if let first = page.first?["id"]?.string { previous.append((name: "marker", value: first)) }
      previous.removeAll { $0.name == "page_reverse" }
      previous.append((name: "page_reverse", value: "True"))
      links.append(.object(["rel": "previous", "href": .string(url + "?" + PythonURLEncode.query(previous))]))
    }
    return links
  }

  /// The query parameters that are not filters.
  private static let listParameters: Set<String> = ["fields", "sort_key", "sort_dir", "limit", "marker", "page_reverse"]

  /// The test a filter asks for, `nil` for a parameter the resource does not filter by (Neutron
  /// ignores it), or the fault for a value it cannot read.
  private func filter(_ name: String, _ values: [String], isAdmin: Bool) -> Result<(@Sendable (JSONObject) -> Bool)?, ResourceFault> {
    if let tags = TagFilter(name) {
      let wanted = Set(values.flatMap { $0.split(separator: ",").map(String.init) })
      return .success { record in tags.keeps(wanted, Set((record["tags"]?.array ?? []).compactMap(\.string))) }
    }
    guard let attribute = attribute(name), attribute.filterable, isAdmin || !attribute.adminOnly else { return .success(nil) }
    var converted: [JSON] = []
    for value in values {
      switch Self.convert(.string(value), to: attribute.kind == .list ? .string : attribute.kind) {
      case .success(let value): converted.append(value)
      case .failure(let fault): return .failure(fault)
      }
    }
    let key = attribute.name
    let wanted = converted
    if attribute.kind == .list {
      return .success { record in (record[key]?.array ?? []).contains { item in wanted.contains { $0 == item } } }
    }
    return .success { record in
      let value = record[key] ?? .null
      return wanted.contains { $0 == value || ($0 == .string("") && value == .null) }
    }
  }

  /// Sorted by each `sort_key` in its `sort_dir`, then by ID; unsorted (ID order) without keys.
  private func sorted(_ records: [JSONObject], _ query: [(name: String, value: String)]) -> Result<[JSONObject], ResourceFault> {
    let keys = query.filter { $0.name == "sort_key" }.map(\.value)
    let directions = query.filter { $0.name == "sort_dir" }.map(\.value)
    for key in keys where attribute(key) == nil {
      return .failure(.badRequest("\(key) is an invalid attribute for sort_keys"))
    }
    for direction in directions where direction != "asc" && direction != "desc" {
      return .failure(.badRequest("\(direction) is an invalid value for sort_dirs, valid values are 'asc' and 'desc'"))
    }
    if !keys.isEmpty, directions.count != keys.count, !directions.isEmpty {
      return .failure(.badRequest("The number of sort_keys and sort_dirs must be same"))
    }
    let order = keys.enumerated().map { index, key in (key, directions.isEmpty ? true : directions[index] == "asc") }
    return .success(
      records.sorted { first, second in
        for (key, ascending) in order {
          let (a, b) = (first[key] ?? .null, second[key] ?? .null)
          if a == b { continue }
          return Self.precedes(a, b) == ascending
        }
        return (first["id"]?.string ?? "") < (second["id"]?.string ?? "")
      })
  }

  /// The database's order of two values: `NULL` first, numbers by value, text by bytes.
  private static func precedes(_ a: JSON, _ b: JSON) -> Bool {
    switch (a, b) {
    case (.null, _): return true
    case (_, .null): return false
    case (.int(let x), .int(let y)): return x < y
    case (.bool(let x), .bool(let y)): return !x && y
    default: return PythonValue.str(a).utf8.lexicographicallyPrecedes(PythonValue.str(b).utf8)
    }
  }

  /// A fault as the service's body: `{"NeutronError": {"type", "message", "detail"}}`.
  static func response(_ fault: ResourceFault) -> APIResponse {
    .json(
      fault.status,
      .object([
        "NeutronError": .object(["type": .string(fault.type), "message": .string(fault.message), "detail": ""])
      ]))
  }
}

/// Neutron's tag filters: `tags` (all of them), `tags-any`, `not-tags`, `not-tags-any`.
enum TagFilter {
  case all, any, notAll, notAny

  init?(_ parameter: String) {
    switch parameter {
    case "tags": self = .all
    case "tags-any": self = .any
    case "not-tags": self = .notAll
    case "not-tags-any": self = .notAny
    default: return nil
    }
  }

  func keeps(_ wanted: Set<String>, _ tags: Set<String>) -> Bool {
    switch self {
    case .all: return wanted.isSubset(of: tags)
    case .any: return !wanted.isDisjoint(with: tags)
    case .notAll: return !wanted.isSubset(of: tags)
    case .notAny: return wanted.isDisjoint(with: tags)
    }
  }
}

extension [String] {
  /// `contains` with lengths compared first (most names differ in length): a record's every
  /// member is checked against a few names, and hashing each cost more than scanning them.
  fileprivate func containsBytes(_ name: String) -> Bool {
    let length = name.utf8.count
    return contains { $0.utf8.count == length && $0 == name }
  }
}
