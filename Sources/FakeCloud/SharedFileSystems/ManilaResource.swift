import CloudAPI

/// What a view is built for: the cloud, who asks, at which microversion.
struct ViewContext: ViewAudience {
  var state: CloudState
  var caller: Caller?
  var version: Microversion

  var isAdmin: Bool { caller?.isAdmin == true }
}

/// A field of a Manila view (``ViewTableField``).
typealias ViewField<Record> = ViewTableField<Record, ViewContext>

/// A Manila resource: where its records live in the cloud's state, whom a record shows to, the
/// order of its lists, and its view as a ``ViewTable`` (fields, filters, brief list,
/// `limit`/`offset` paging), which answers its lists and shows.
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

  /// The resource's view table.
  var table: ViewTable<Record, ViewContext> {
    let isVisible = isVisible
    return ViewTable(
      member: member, collection: collection, fields: fields, filters: filters, briefFields: briefFields,
      paging: .limitOffset, id: id, isVisible: { record, context in isVisible(record, context.caller) },
      notFound: notFound)
  }

  func view(_ record: Record, _ context: ViewContext, brief: Bool = false) -> JSON {
    table.view(record, context, brief: brief)
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

  /// The records of `scope` the caller sees and the query keeps, in the resource's order, paged.
  func list(
    _ state: CloudState, _ call: Call, brief: Bool = false, counted: Bool = false, scope: (Record) -> Bool = { _ in true }
  ) -> APIResponse {
    table.list(ordered(state.manila[keyPath: records].filter(scope)), call, context(state, call), brief: brief, counted: counted)
  }

  func show(_ state: CloudState, _ call: Call) -> APIResponse {
    guard let record = find(state, call) else { return .fault(404, notFound(call.parameters["id"] ?? "")) }
    return table.show(record, context(state, call))
  }
}

extension ViewTableField {
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
