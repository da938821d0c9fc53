import CloudAPI

/// Cinder's attachments (`/attachments`, from 3.27): the records of the new attach flow, one for
/// each server a volume is attached to, with the connection the back end gave the host (LVM's
/// iSCSI target on devstack).
enum AttachmentAPI {
  /// An attachment with the volume it belongs to.
  struct Record {
    var volume: BlockStorageState.Volume
    var attachment: BlockStorageState.Attachment
  }

  /// `views/attachments.py`: `summary` is the first four fields, `detail` all of them. A time
  /// not set is an empty string (`_normalize`).
  static let table = ViewTable<Record, CinderViewContext>(
    member: "attachment", collection: "attachments",
    fields: [
      CinderField("id") { record, _ in .string(record.attachment.id) },
      CinderField("status") { _, _ in "attached" },
      CinderField("instance") { record, _ in .string(record.attachment.serverID) },
      CinderField("volume_id") { record, _ in .string(record.volume.id) },
      CinderField("attached_at") { record, _ in VolumeAPI.timestamp(record.attachment.attachedAt / 1_000_000) },
      CinderField("detached_at") { _, _ in "" },
      CinderField("attach_mode") { record, _ in record.volume.readOnly ? "ro" : "rw" },
      CinderField("connection_info") { record, _ in .object(connection(record)) },
    ],
    briefFields: ["id", "status", "instance", "volume_id"], id: \.attachment.id,
    notFound: { "Volume attachment could not be found with filter: attachment_id = \($0)." })

  /// The filters `_items` reads: `instance_id` is the column `instance_uuid`; `status` is no
  /// column of an attachment (its column is `attach_status`), so the database query that
  /// `is_valid_model_filters` rejects finds nothing.
  private static let columns: [String: @Sendable (Record) -> String] = [
    "volume_id": { $0.volume.id }, "instance_id": { $0.attachment.serverID }, "attach_status": { _ in "attached" },
  ]

  static func register(in router: inout Router<CloudState>) {
    router.add(.get, "/v3/{project_id}/attachments", versioned(list))
    router.add(.get, "/v3/{project_id}/attachments/detail", versioned(list))
    router.add(.get, "/v3/{project_id}/attachments/{id}", versioned(show))
  }

  private static func versioned(_ handler: @escaping Router<CloudState>.Handler) -> Router<CloudState>.Handler {
    { state, call in
      guard state.volumeVersion >= Microversion(3, 27) else {
        return .fault(404, "API version \(state.volumeVersion) is not supported on this method.")
      }
      return handler(&state, call)
    }
  }

  /// Every attachment, newest first (`created_at`, then `id`, descending).
  private static func records(_ state: CloudState) -> [Record] {
    state.blockStorage.volumes.flatMap { volume in volume.attachments.map { Record(volume: volume, attachment: $0) } }
      .sorted { ($0.attachment.attachedAt, $0.attachment.id) > ($1.attachment.attachedAt, $1.attachment.id) }
  }

  /// `_items`: the caller's project's attachments, or an admin's every project's when the
  /// query names `all_tenants` at all (its value unread); a member's `all_tenants` and
  /// `project_id` are dropped (from 3.33 an unknown key of a member's is refused), an admin's
  /// `project_id` kept. Sorted as asked, then `offset` and `limit` after `marker`.
  static func list(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let context = BlockStorageService.context(state, call)
    var filters = call.request.query.filter { !["limit", "marker", "offset", "sort", "sort_key", "sort_dir"].contains($0.name) }
    if !context.isAdmin {
      filters.removeAll { $0.name == "all_tenants" }
      let unknown = filters.filter { columns[$0.name] == nil && $0.name != "status" }
      if !unknown.isEmpty {
        guard context.version < Microversion(3, 33) else {
          let names = unknown.map(\.name).joined(separator: ",")
          return .fault(400, "Invalid filters \(names) are found in query options.")
        }
        filters.removeAll { columns[$0.name] == nil && $0.name != "status" }
      }
    }
    let everyProject = context.isAdmin && filters.contains { $0.name == "all_tenants" }
    filters.removeAll { $0.name == "all_tenants" }
    var kept = records(state).filter { everyProject || $0.volume.projectID == context.caller.projectID }
    for filter in filters {
      if filter.name == "project_id" {
        kept.removeAll { $0.volume.projectID != filter.value }
      } else if let column = columns[filter.name] {
        kept.removeAll { column($0) != filter.value }
      } else {
        kept = []
      }
    }
    switch sortOrder(call) {
    case .failure(let fault): return fault.response
    case .success(let order?): kept.sort(by: order)
    case .success(nil): break
    }
    if let marker = call.query("marker") {
      guard let index = kept.firstIndex(where: { $0.attachment.id == marker }) else { return table.notFoundFault(marker).response }
      kept.removeFirst(index + 1)
    }
    if let offset = call.query("offset").flatMap(PythonInt.parse), offset > 0 { kept = Array(kept.dropFirst(offset)) }
    if let limit = call.query("limit").flatMap(PythonInt.parse), limit >= 0 { kept = Array(kept.prefix(limit)) }
    let brief = !call.request.path.hasSuffix("/detail")
    return .json(200, .object(["attachments": .array(kept.map { table.view($0, context, brief: brief) })]))
  }

  /// The columns a list sorts by (`sort_key`/`sort_dir`, or `sort=key:dir,...`), each tie then
  /// broken by the next, and by the ID; `nil` for Cinder's order (newest first). A key the emulation does not
  /// sort by is refused by name rather than ignored.
  private static func sortOrder(_ call: Call) -> Result<((Record, Record) -> Bool)?, FaultResponse> {
    let keys: [String: @Sendable (Record) -> String] = [
      "id": { $0.attachment.id }, "volume_id": { $0.volume.id }, "instance_uuid": { $0.attachment.serverID },
      "created_at": { VirtualClock.isoMicroseconds($0.attachment.attachedAt) },
      "attached_at": { VirtualClock.isoMicroseconds($0.attachment.attachedAt) }, "attach_status": { _ in "attached" },
    ]
    var pairs: [(key: String, ascending: Bool)] = []
    if let sort = call.query("sort") {
      pairs = sort.split(separator: ",").map { item in
        let parts = item.split(separator: ":", maxSplits: 1)
        return (String(parts[0]).trimmingCharacters(in: .whitespaces), parts.count > 1 && parts[1].trimmingCharacters(in: .whitespaces) == "asc")
      }
    } else if let key = call.query("sort_key") {
      pairs = [(key, call.query("sort_dir") == "asc")]
    } else if call.query("sort_dir") == "asc" {
      pairs = [("created_at", true)]
    }
    guard !pairs.isEmpty else { return .success(nil) }
    var columns: [(value: @Sendable (Record) -> String, ascending: Bool)] = []
    for (key, ascending) in pairs {
      guard let value = keys[key] else { return .failure(FaultResponse(.fault(501, "Sorting attachments by \(key) is not emulated."))) }
      columns.append((value, ascending))
    }
    return .success({ a, b in
      for column in columns where column.value(a) != column.value(b) {
        return column.ascending ? column.value(a) < column.value(b) : column.value(a) > column.value(b)
      }
      // `process_sort_params` adds `id` last, in the first key's direction.
      return columns[0].ascending ? a.attachment.id < b.attachment.id : a.attachment.id > b.attachment.id
    })
  }

  /// `VolumeAttachment.get_by_id`: any project's attachment, by ID.
  static func show(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let id = call.parameters["id"] ?? ""
    guard let record = records(state).first(where: { $0.attachment.id == id }) else { return table.notFoundFault(id).response }
    return table.show(record, BlockStorageService.context(state, call))
  }

  /// The LVM driver's iSCSI connection as the attachment keeps it: `initialize_connection`'s
  /// data with the driver's type beside it. The CHAP credentials are random in Cinder; here they
  /// come from the attachment's ID, so that the same page prints the same ones.
  private static func connection(_ record: Record) -> JSONObject {
    let digest = Array(SHA224.hexDigest("chap " + record.attachment.id).utf8)
    let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    let chap = { (offset: Int, count: Int) in String((0..<count).map { letters[Int(digest[offset + $0]) % letters.count] }) }
    return [
      "target_discovered": false, "target_portal": "10.0.0.11:3260",
      "target_iqn": .string("iqn.2010-10.org.openstack:volume-\(record.volume.id)"), "target_lun": 0,
      "volume_id": .string(record.volume.id), "auth_method": "CHAP", "auth_username": .string(chap(0, 20)),
      "auth_password": .string(chap(20, 16)), "encrypted": .bool(record.volume.encrypted), "qos_specs": .null,
      "access_mode": record.volume.readOnly ? "ro" : "rw", "cacheable": false, "driver_volume_type": "iscsi",
      "attachment_id": .string(record.attachment.id),
    ]
  }
}
