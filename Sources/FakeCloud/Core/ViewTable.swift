import CloudAPI

/// Who a view is built for: what its fields depend on (the microversion asked for, whether the
/// caller is an admin). Each service's context conforms, with whatever else its views need
/// (the endpoint its links point to, the cloud).
protocol ViewAudience {
  var version: Microversion { get }
  var isAdmin: Bool { get }
}

/// One field of a resource's API view: its name, the microversions it appears at (`since`, and
/// `until` the last one), whether only admins see it, whether a record has it at all, and its
/// value.
struct ViewTableField<Record, Audience: ViewAudience>: Sendable {
  let name: String
  var since: Microversion? = nil
  var until: Microversion? = nil
  var adminOnly = false
  /// Whether a record has the field (an extension adds some only where there is a value);
  /// always, when `nil`.
  var present: (@Sendable (Record) -> Bool)? = nil
  let value: @Sendable (Record, Audience) -> JSON

  init(
    _ name: String, since: Microversion? = nil, until: Microversion? = nil, adminOnly: Bool = false,
    present: (@Sendable (Record) -> Bool)? = nil, _ value: @escaping @Sendable (Record, Audience) -> JSON
  ) {
    (self.name, self.since, self.until, self.adminOnly, self.present, self.value) = (name, since, until, adminOnly, present, value)
  }

  /// Whether the audience sees the field at its microversion and rights.
  func shows(to audience: Audience) -> Bool {
    (since.map { audience.version >= $0 } ?? true) && (until.map { audience.version <= $0 } ?? true)
      && (!adminOnly || audience.isAdmin)
  }
}

/// A resource whose views are tables of fields: the keys its bodies are wrapped in, its fields in
/// the order the service's view builder writes them, who sees which record, the filters its list
/// reads, its paging, and how a missing record is reported. One engine lists, shows and finds
/// every such resource from its table.
struct ViewTable<Record, Audience: ViewAudience>: Sendable {
  typealias Field = ViewTableField<Record, Audience>

  /// How a list is cut into pages.
  enum Paging: Sendable {
    /// Whole.
    case none
    /// `limit` records after the first `offset` (Python's `int()` of each; whole when unreadable).
    case limitOffset
  }

  /// `volume`, `share_access`: the member of a single-record body.
  let member: String
  /// `volumes`, `access_list`: the collection of a list body.
  let collection: String
  let fields: [Field]
  var filters = QueryFilters<Record>([])
  /// The fields of the brief list (`GET /collection` without `/detail`), in the table's order.
  var briefFields: Set<String> = ["id", "name"]
  var paging = Paging.none
  /// The record's ID, by which it is found.
  let id: @Sendable (Record) -> String
  /// Whether the audience may see the record at all (a member its own project's).
  var isVisible: @Sendable (Record, Audience) -> Bool = { _, _ in true }
  /// The 404 message for an ID the caller cannot see.
  let notFound: @Sendable (String) -> String

  /// The record as the view builder writes it (its brief form for a brief list).
  func view(_ record: Record, _ audience: Audience, brief: Bool = false) -> JSON {
    var object = JSONObject()
    object.reserveCapacity(brief ? briefFields.count : fields.count)
    // A table shows a name once: appended, not looked for among the names already there.
    for field in fields
    where field.shows(to: audience) && (!brief || briefFields.contains(field.name)) && field.present?(record) ?? true {
      object.appendNew(field.name, field.value(record, audience))
    }
    return .object(object)
  }

  /// `{"volume": {...}}`.
  func show(_ record: Record, _ audience: Audience, status: Int = 200) -> APIResponse {
    .json(status, .object([member: view(record, audience)]))
  }

  /// The records (in the order given) the audience sees and the query's filters keep, paged, as
  /// `{"volumes": [...]}`, `counted`: with `count`, how many were kept before paging; a filter
  /// value the service cannot read is its fault.
  func list(_ records: [Record], _ call: Call, _ audience: Audience, brief: Bool = false, counted: Bool = false) -> APIResponse {
    let visible = records.filter { isVisible($0, audience) }
    return filters.apply(visible, call, version: audience.version) { kept in
      var body: JSONObject = [collection: .array(page(kept, call).map { view($0, audience, brief: brief) })]
      if counted { body["count"] = .int(kept.count) }
      return .json(200, .object(body))
    }
  }

  private func page(_ records: [Record], _ call: Call) -> ArraySlice<Record> {
    guard paging == .limitOffset, let limit = call.query("limit").flatMap(PythonInt.parse) else { return records[...] }
    // Negative numbers are the services' to refuse; here they cut nothing.
    let offset = call.query("offset").flatMap(PythonInt.parse) ?? 0
    return records.dropFirst(max(offset, 0)).prefix(max(limit, 0))
  }

  /// The index of the record with this ID the audience may see, or the not-found fault.
  func index(of id: String, in records: [Record], for audience: Audience) -> Result<Int, FaultResponse> {
    guard let index = records.firstIndex(where: { self.id($0) == id && isVisible($0, audience) }) else {
      return .failure(notFoundFault(id))
    }
    return .success(index)
  }

  /// The 404 for an ID.
  func notFoundFault(_ id: String) -> FaultResponse { FaultResponse(.fault(404, notFound(id))) }
}
