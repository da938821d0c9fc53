import CloudAPI

/// Who asks and at which microversion: what a Cinder view shows depends on both.
struct CinderViewContext {
  var version: Microversion
  var caller: Caller
  /// `http://devstack/volume/v3/{project_id}`: where the views' `self` links point.
  var endpoint: String

  var isAdmin: Bool { caller.isAdmin }
}

/// One attribute of a Cinder view: its name, the microversion it appears at, whether only an
/// admin sees it, and its value.
struct CinderAttribute<Record>: Sendable {
  let name: String
  var since: Microversion? = nil
  var adminOnly = false
  /// Whether a record has the attribute at all (an extension adds some only where there is a
  /// value); always, when `nil`.
  var present: (@Sendable (Record) -> Bool)? = nil
  let value: @Sendable (Record, CinderViewContext) -> JSON

  init(
    _ name: String, since: Microversion? = nil, adminOnly: Bool = false, present: (@Sendable (Record) -> Bool)? = nil,
    _ value: @escaping @Sendable (Record, CinderViewContext) -> JSON
  ) {
    (self.name, self.since, self.adminOnly, self.present, self.value) = (name, since, adminOnly, present, value)
  }

  func shows(to context: CinderViewContext) -> Bool {
    (since.map { context.version >= $0 } ?? true) && (!adminOnly || context.isAdmin)
  }
}

/// A Cinder resource as a table: the keys its views are wrapped in, its attributes in the order
/// the view builder writes them, the filters its list reads, and how a missing one is reported.
/// One engine (below) lists, shows and finds every resource from its table.
struct CinderTable<Record>: Sendable {
  /// `volume_type`, `qos_specs`.
  let member: String
  /// `volume_types`, `qos_specs`.
  let collection: String
  let attributes: [CinderAttribute<Record>]
  var filters = QueryFilters<Record>([])
  /// The record's ID, by which it is found.
  let id: @Sendable (Record) -> String
  /// The `itemNotFound` message for an ID nothing has.
  let notFound: @Sendable (String) -> String

  /// The record as the view builder writes it.
  func view(_ record: Record, _ context: CinderViewContext) -> JSON {
    var fields = JSONObject()
    fields.reserveCapacity(attributes.count)
    for attribute in attributes where attribute.shows(to: context) && attribute.present?(record) ?? true {
      fields[attribute.name] = attribute.value(record, context)
    }
    return .object(fields)
  }

  /// `{"volume_type": {...}}`.
  func show(_ record: Record, _ context: CinderViewContext, status: Int = 200) -> APIResponse {
    .json(status, .object([member: view(record, context)]))
  }

  /// The records the query's filters keep, as `{"volume_types": [...]}`; a filter value the
  /// service cannot read is its fault.
  func list(_ records: [Record], _ call: Call, _ context: CinderViewContext) -> APIResponse {
    filters.apply(records, call, version: context.version) { kept in
      .json(200, .object([collection: .array(kept.map { view($0, context) })]))
    }
  }

  /// The index of the record with this ID, or the `itemNotFound` fault.
  func index(of id: String, in records: [Record]) -> Result<Int, FaultResponse> {
    guard let index = records.firstIndex(where: { self.id($0) == id }) else {
      return .failure(FaultResponse(.fault(404, notFound(id))))
    }
    return .success(index)
  }
}

/// Cinder's faults: the same bodies as Nova's (`{"itemNotFound": {"code": 404, "message": ...}}`).
enum CinderFault {
  /// oslo.policy's refusal, as Cinder words it (403).
  static func policy(_ rule: String) -> APIResponse {
    .fault(403, "Policy doesn't allow \(rule) to be performed.")
  }

  /// A JSON-schema failure, as `cinder.api.validation` words it (400).
  static func invalidInput(_ field: String, _ value: String, _ reason: String) -> APIResponse {
    .fault(400, "Invalid input for field/attribute \(field). Value: \(value). \(reason)")
  }
}
