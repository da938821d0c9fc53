import CloudAPI

/// A Neutron resource: its table, who sees a record, and the logic its plugin runs around the
/// generic engine on create, update and delete. A resource without logic of its own is its table
/// and the defaults here: records stored as the engine completes them.
struct NeutronResource: Sendable {
  typealias Create = @Sendable (inout NetworkState, JSONObject, Caller) -> Result<JSONObject, ResourceFault>
  typealias Update = @Sendable (inout NetworkState, JSONObject, JSONObject, Caller) -> Result<JSONObject, ResourceFault>
  typealias Delete = @Sendable (inout NetworkState, JSONObject, Caller) -> ResourceFault?

  let table: ResourceTable
  /// Whether the caller sees the record (Neutron's `get_<resource>` policy).
  var visible: @Sendable (JSONObject, Caller, NetworkState) -> Bool = { record, caller, _ in
    caller.isAdmin || record["project_id"]?.string == caller.projectID
  }
  /// Works out the computed attributes of a new record (the engine has read, checked and
  /// completed the body); the record is stored after.
  var create: Create = { _, fields, _ in .success(fields) }
  /// The record after a PUT's changes (already read and checked).
  var update: Update = { _, record, changes, _ in
    var record = record
    for (key, value) in changes { record[key] = value }
    return .success(record)
  }
  /// What stops a delete, or what else it removes.
  var delete: Delete = { _, _, _ in nil }
  /// Whether tags may be set (`standard-attr-tag`).
  var taggable = true
  /// Whether the API only reads it (agents): no POST or DELETE route.
  var readOnly = false
  /// What a record shows that is worked out when it is read (a segment range's `used` and
  /// `available`, a network's `shared` for the caller), or `nil`.
  var shown: (@Sendable (JSONObject, NetworkState, Caller) -> JSONObject)? = nil
  /// Filters whose query the table's attributes cannot state (a port's `fixed_ips=ip_address=A`),
  /// by parameter: the test of a record for the parameter's values, or the fault for a value
  /// Neutron cannot read.
  var filters: [String: @Sendable ([String]) -> Result<@Sendable (JSONObject) -> Bool, ResourceFault>] = [:]
}

extension NetworkState {
  /// A new record: the engine's fields, the resource's logic, an ID (`presetID` when given, see
  /// ``FakeCloud/createNext(withID:)``) and timestamps.
  mutating func create(_ resource: NeutronResource, _ fields: JSONObject, caller: Caller, presetID: String? = nil)
    -> Result<JSONObject, ResourceFault>
  {
    var fields = fields
    // An ID a record has already stays that record's, as in `CloudState.newResourceID()`.
    let preset = presetID.flatMap { id in records.values.contains { $0.contains { $0["id"]?.string == id } } ? nil : id }
    if fields["id"] == nil || fields["id"] == .null { fields["id"] = .string(preset.drawing(&ids)) }
    fields["created_at"] = timestamp
    fields["updated_at"] = timestamp
    switch resource.create(&self, fields, caller) {
    case .success(let record):
      let complete = resource.table.complete(record)
      self[resource.table].append(complete)
      return .success(complete)
    case .failure(let fault): return .failure(fault)
    }
  }

  /// A record changed: the resource's logic, a new revision and update time.
  mutating func update(
    _ resource: NeutronResource, _ record: JSONObject, _ changes: JSONObject, caller: Caller
  ) -> Result<JSONObject, ResourceFault> {
    switch resource.update(&self, record, changes, caller) {
    case .success(var updated):
      touch(&updated)
      update(resource.table, updated)
      return .success(updated)
    case .failure(let fault): return .failure(fault)
    }
  }

  /// A new revision of a record, as every change of a standard-attribute resource makes.
  func touch(_ record: inout JSONObject) {
    if record["revision_number"] != nil { record["revision_number"] = .int((record["revision_number"]?.integer ?? 0) + 1) }
    if record["updated_at"] != nil { record["updated_at"] = timestamp }
  }

  mutating func delete(_ table: ResourceTable, _ id: String) {
    records[table.collection]?.removeAll { $0["id"]?.string == id }
  }
}
