import CloudAPI

/// What a view is built for: the cloud, who asks, at which microversion.
struct ViewContext {
  var state: CloudState
  var caller: Caller?
  var version: Microversion

  var isAdmin: Bool { caller?.isAdmin == true }
}

/// One field of a resource's API view: the microversions it appears at (`since`, and `until`
/// the last one), whether only admins see it, and its value.
struct ViewField<Record>: Sendable {
  var name: String
  var since: Microversion? = nil
  var until: Microversion? = nil
  var adminOnly = false
  var value: @Sendable (Record, ViewContext) -> JSON

  init(
    _ name: String, since: Microversion? = nil, until: Microversion? = nil, adminOnly: Bool = false,
    _ value: @escaping @Sendable (Record, ViewContext) -> JSON
  ) {
    (self.name, self.since, self.until, self.adminOnly, self.value) = (name, since, until, adminOnly, value)
  }

  func shows(in context: ViewContext) -> Bool {
    (since.map { context.version >= $0 } ?? true) && (until.map { context.version <= $0 } ?? true)
      && (!adminOnly || context.isAdmin)
  }
}

/// A Manila resource declared as a table: where its records live, its names in bodies, who
/// sees which, its filters and its view. One engine answers its list, show and delete.
struct ManilaResource<Record>: Sendable {
  /// The records in the cloud's state.
  var records: WritableKeyPath<ManilaState, [Record]> & Sendable
  var id: @Sendable (Record) -> String
  /// `share_access`, `snapshot`: the member of a single-record body.
  var member: String
  /// `access_list`, `snapshots`: the collection of a list body.
  var collection: String
  /// The 404 message for an ID the caller cannot see.
  var notFound: @Sendable (String) -> String
  /// Whether the caller may see the record (an admin sees all).
  var isVisible: @Sendable (Record, Caller?) -> Bool
  var filters: QueryFilters<Record> = QueryFilters([])
  /// The order of a list (before pagination).
  var ordered: @Sendable ([Record]) -> [Record] = { $0 }
  var fields: [ViewField<Record>]
  /// The fields of the brief list (`GET /collection` without `/detail`), if it has one.
  var briefFields: Set<String> = ["id", "name"]

  func view(_ record: Record, _ context: ViewContext, brief: Bool = false) -> JSON {
    var object = JSONObject()
    for field in fields where field.shows(in: context) && (!brief || briefFields.contains(field.name)) {
      object[field.name] = field.value(record, context)
    }
    return .object(object)
  }

  func context(_ state: CloudState, _ call: Call) -> ViewContext {
    ViewContext(state: state, caller: call.caller, version: state.version(call))
  }

  /// The record the path's `id` names, if the caller may see it.
  func find(_ state: CloudState, _ call: Call, parameter: String = "id") -> Record? {
    state.manila[keyPath: records].first { id($0) == call.parameters[parameter] && isVisible($0, call.caller) }
  }

  func index(_ state: CloudState, of recordID: String) -> Int? {
    state.manila[keyPath: records].firstIndex { id($0) == recordID }
  }

  func list(_ state: CloudState, _ call: Call, brief: Bool = false, scope: (Record) -> Bool = { _ in true }) -> APIResponse {
    let visible = state.manila[keyPath: records].filter { isVisible($0, call.caller) && scope($0) }
    let context = context(state, call)
    return filters.apply(visible, call, version: context.version) { kept in
      var shown = ordered(kept)
      if let limit = call.query("limit").flatMap(PythonInt.parse) {
        shown = Array(shown.dropFirst(call.query("offset").flatMap(PythonInt.parse) ?? 0).prefix(limit))
      }
      return .json(200, .object([collection: .array(shown.map { view($0, context, brief: brief) })]))
    }
  }

  func show(_ state: CloudState, _ call: Call) -> APIResponse {
    guard let record = find(state, call) else { return .fault(404, notFound(call.parameters["id"] ?? "")) }
    return .json(200, .object([member: view(record, context(state, call))]))
  }
}

extension ViewField {
  /// A text field that may be absent (`null`).
  static func text(
    _ name: String, since: Microversion? = nil, adminOnly: Bool = false, _ value: @escaping @Sendable (Record) -> String?
  ) -> Self {
    Self(name, since: since, adminOnly: adminOnly) { record, _ in .orNull(value(record)) }
  }

  /// A time field, as the database writes it; `null` when unset.
  static func time(_ name: String, since: Microversion? = nil, _ value: @escaping @Sendable (Record) -> Int64?) -> Self {
    Self(name, since: since) { record, _ in value(record).map { .string(VirtualClock.isoMicroseconds($0)) } ?? .null }
  }
}
