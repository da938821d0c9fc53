import CloudAPI

extension ManilaState {
  /// A share backup (`share_backups`), made by the data service's generic approach or, with
  /// backup options, by the share's back end.
  struct ShareBackup {
    var id: String
    var shareID: String
    var projectID: String
    var userID: String
    var name: String?
    var description: String?
    var size: Int
    var status: String
    var availabilityZone: String?
    var progress = "0"
    var restoreProgress = "0"
    var host: String?
    var topic: String
    var backupType: String?
    var created: Int64
    var updated: Int64?
  }
}

/// Share backups (`manila/api/v2/share_backups.py`, 2.80, experimental): a backup of an
/// available share without snapshots or replicas, restored to its share or (2.91) another.
enum ShareBackupService {
  static func register(in router: inout Router<CloudState>) {
    router.add(.post, "/v2/share-backups", create)
    router.add(.get, "/v2/share-backups", { state, call in list(state, call, brief: true) })
    router.add(.get, "/v2/share-backups/detail", { state, call in list(state, call, brief: false) })
    router.add(.get, "/v2/share-backups/{id}", { state, call in resource.show(state, call) })
    router.add(.put, "/v2/share-backups/{id}", update)
    router.add(.delete, "/v2/share-backups/{id}", delete)
    router.add(.post, "/v2/share-backups/{id}/action", action)
  }

  static let createDelay: Int64 = 3_417_229
  static let restoreDelay: Int64 = 2_861_503
  static let deleteDelay: Int64 = 1_093_377

  static let resource = ManilaResource<ManilaState.ShareBackup>(
    records: \.shareBackups, id: \.id, member: "share_backup", collection: "share_backups",
    notFound: { "No backup exists with ID \($0)." },
    isVisible: { backup, caller in caller?.isAdmin == true || backup.projectID == caller?.projectID },
    filters: QueryFilters([
      .exact("name", { $0.name }), .exact("status", { $0.status }), .exact("share_id", { $0.shareID }),
      .exact("description", { $0.description }), .exact("topic", { $0.topic }),
      .pattern("name~", { $0.name }, matcher: SnapshotService.likeSubstring),
      .pattern("description~", { $0.description }, matcher: SnapshotService.likeSubstring),
    ]),
    ordered: { $0.sorted { $0.created > $1.created } },
    fields: [
      .text("id", { $0.id }), .text("name", { $0.name }), .text("share_id", { $0.shareID }), .text("status", { $0.status }),
      .text("description", { $0.description }), ViewField("size") { backup, _ in .int(backup.size) },
      .time("created_at", { $0.created }), .time("updated_at", { $0.updated }),
      .text("availability_zone", { $0.availabilityZone }), .text("progress", { $0.progress }),
      .text("restore_progress", { $0.restoreProgress }),
      .text("backup_type", since: Microversion(2, 85), { $0.backupType }),
      .text("host", adminOnly: true, { $0.host }), .text("topic", adminOnly: true, { $0.topic }),
    ],
    briefFields: ["id", "name", "share_id", "status"])

  /// `_get_backups`: the caller's project's (every project's for an admin with `all_tenants`);
  /// a `share_id` must name a share the caller sees.
  static func list(_ state: CloudState, _ call: Call, brief: Bool) -> APIResponse {
    if let shareID = call.query("share_id"), ShareService.visibleShare(state, id: shareID, caller: call.caller) == nil {
      return .fault(400, "No share exists with ID \(shareID).")
    }
    let allProjects = call.caller?.isAdmin == true && (call.query("all_tenants") ?? call.query("all_projects")) != nil
    let key = call.query("sort_key") ?? "created_at"
    let direction = (call.query("sort_dir") ?? "desc").lowercased()
    guard ["asc", "desc"].contains(direction) else {
      return .fault(
        400,
        "Invalid input received: Wrong sorting data provided: sort key is '\(key)' and sort direction is '\(call.query("sort_dir") ?? "")'..")
    }
    // `name` and `description` are the model's `display_` columns; another name is no attribute.
    guard let value = sortValues[key] else { return ShareService.serverError }
    let scoped = state.manila.shareBackups.filter { allProjects || $0.projectID == call.caller?.projectID }
    // `apply_sorting`: by the key, then by the ID, both in the direction asked; MySQL puts NULL
    // first when ascending.
    let sorted = scoped.sorted { a, b in
      let (x, y) = (value(a), value(b))
      if x != y { return direction == "asc" ? x < y : y < x }
      return direction == "asc" ? a.id < b.id : b.id < a.id
    }
    return resource.table.list(sorted, call, resource.context(state, call), brief: brief)
  }

  /// The columns a list sorts by, as comparable values.
  private static let sortValues: [String: @Sendable (ManilaState.ShareBackup) -> SortValue] = [
    "id": { .text($0.id) }, "share_id": { .text($0.shareID) }, "project_id": { .text($0.projectID) },
    "user_id": { .text($0.userID) }, "name": { .init($0.name) }, "description": { .init($0.description) },
    "size": { .number($0.size) }, "status": { .text($0.status) }, "availability_zone": { .init($0.availabilityZone) },
    "progress": { .text($0.progress) }, "restore_progress": { .text($0.restoreProgress) }, "host": { .init($0.host) },
    "topic": { .text($0.topic) }, "backup_type": { .init($0.backupType) }, "created_at": { .number(Int($0.created)) },
    "updated_at": { $0.updated.map { .number(Int($0)) } ?? .null },
  ]

  /// A column's value as MySQL orders it: NULL before any other.
  enum SortValue: Comparable {
    case null
    case number(Int)
    case text(String)

    init(_ text: String?) { self = text.map(SortValue.text) ?? .null }
  }

  /// `create_share_backup`: the share available, without snapshots or replicas, within the
  /// backup quotas; the share is `backup_creating` until the backup is made.
  static func create(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller, case .object(let body)? = call.request.body?["share_backup"] else {
      return .fault(422, "Body does not contain 'share_backup' information.")
    }
    guard let shareID = body["share_id"]?.string, !shareID.isEmpty else {
      return .fault(400, "'share_id' is missing from the request body.")
    }
    guard let share = ShareService.visibleShare(state, id: shareID, caller: caller) else {
      return .fault(400, "No share exists with ID \(shareID).")
    }
    guard share.status == "available" else {
      return .fault(
        400, "Share \(shareID) is in '\(share.status)' state, but it must be in 'available' state to create a backup.")
    }
    if state.manila.snapshots.contains(where: { $0.shareID == shareID }) {
      return .fault(400, "Cannot backup share \(shareID) while it has snapshots.")
    }
    if state.manila.shareReplicas.contains(where: { $0.shareID == shareID && $0.replicaState != "active" }) {
      return .fault(400, "Cannot backup share \(shareID) while it has replicas.")
    }
    if let fault = quotaFault(state, caller: caller, size: share.size) { return fault }
    let options = body["backup_options"]?.object ?? [:]
    let backupType = options["backup_type"]?.string
    if let backupType, let previous = state.manila.shareBackups.first(where: {
      $0.shareID == shareID && $0.status == "available" && $0.topic == "manila-share"
    }), previous.backupType != backupType {
      return .fault(
        400,
        "Share '\(share.name ?? "None")' has existing backups with backup_type: '\(previous.backupType ?? "None")'. You must delete these backups to schedule a backup with a different backup_type, or re-use the same backup_type.")
    }
    if options.isEmpty && !["NFS", "CIFS"].contains(share.proto.uppercased()) {
      return .fault(
        400,
        "Cannot backup share \(shareID). The generic approach for share backups only supports the following protocols: ['NFS', 'CIFS'].")
    }
    let backup = ManilaState.ShareBackup(
      id: state.ids.uuid(), shareID: shareID, projectID: caller.projectID, userID: caller.userID,
      name: body["name"]?.string, description: body["description"]?.string, size: share.size, status: "creating",
      availabilityZone: share.availabilityZone,
      host: options.isEmpty ? nil : share.host.map { String($0.prefix { $0 != "#" }) },
      topic: options.isEmpty ? "manila-data" : "manila-share", backupType: backupType, created: state.clock.now)
    state.manila.shareBackups.append(backup)
    setShareStatus(shareID, "backup_creating", in: &state)
    let id = backup.id
    state.after(createDelay) { state in
      guard let index = resource.index(state, of: id) else { return }
      state.manila.shareBackups[index].status = "available"
      state.manila.shareBackups[index].progress = "100"
      state.manila.shareBackups[index].updated = state.clock.now
      setShareStatus(shareID, "available", in: &state)
    }
    return .json(202, .object(["share_backup": resource.view(backup, resource.context(state, call))]))
  }

  /// `QUOTAS.reserve(backups=1, backup_gigabytes=size)`: the size first.
  private static func quotaFault(_ state: CloudState, caller: Caller, size: Int) -> APIResponse? {
    let scopes = [ManilaQuotas.Scope(projectID: caller.projectID), ManilaQuotas.Scope(projectID: caller.projectID, userID: caller.userID)]
    for (name, amount) in [("backup_gigabytes", size), ("backups", 1)] {
      guard let quota = ManilaQuotas.resources.first(where: { $0.name == name }) else { continue }
      for scope in scopes {
        let limit = state.manila.quotas.limit(quota, for: scope)
        let used = quota.usage(state.manila, scope)
        guard limit >= 0, amount > limit - used else { continue }
        return name == "backups"
          ? .fault(413, "Maximum number of backups allowed (\(limit)) exceeded.")
          : .fault(
            413,
            "Requested backup exceeds allowed Backup gigabytes quota. Requested \(size)G, quota is \(limit)G and \(used)G has been consumed.")
      }
    }
    return nil
  }

  private static func setShareStatus(_ id: String, _ status: String, in state: inout CloudState) {
    guard let index = state.manila.shares.firstIndex(where: { $0.id == id }) else { return }
    state.manila.shares[index].status = status
    state.manila.shares[index].updated = state.clock.now
  }

  /// `PUT`: the name and description.
  static func update(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard case .object(let body)? = call.request.body?["share_backup"] else {
      return .fault(422, "Body does not contain 'share_backup' information.")
    }
    guard let backup = resource.find(state, call), let index = resource.index(state, of: backup.id) else {
      return .fault(404, resource.notFound(call.parameters["id"] ?? ""))
    }
    if let name = body["name"] { state.manila.shareBackups[index].name = name.string }
    if let description = body["description"] { state.manila.shareBackups[index].description = description.string }
    state.manila.shareBackups[index].updated = state.clock.now
    return resource.show(state, call)
  }

  /// `delete_share_backup`: an available or failed backup is `deleting`, then gone.
  static func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let backup = resource.find(state, call), let index = resource.index(state, of: backup.id) else {
      return .fault(404, resource.notFound(call.parameters["id"] ?? ""))
    }
    guard ["available", "error"].contains(backup.status) else {
      return .fault(400, "Invalid backup: Backup \(backup.id) status must be available or error..")
    }
    state.manila.shareBackups[index].status = "deleting"
    let id = backup.id
    state.after(deleteDelay) { state in state.manila.shareBackups.removeAll { $0.id == id } }
    return APIResponse(status: 202)
  }

  /// `restore` (to the source share, or from 2.91 to the share the body names) and
  /// `reset_status` (admin).
  static func action(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard case .object(let body)? = call.request.body, let name = body.keys.first else {
      return .fault(400, "There is no such action: None")
    }
    guard let backup = resource.find(state, call), let index = resource.index(state, of: backup.id) else {
      return .fault(404, resource.notFound(call.parameters["id"] ?? ""))
    }
    switch name {
    case "restore":
      return restore(&state, call, backup: backup, target: body["restore"]?.string)
    case "reset_status":
      if let fault = ShareTypeService.policyFault(call, "share_backup:reset_status") { return fault }
      guard let status = body[name]?["status"]?.string else { return .fault(400, "Must specify 'status'") }
      state.manila.shareBackups[index].status = status
      return APIResponse(status: 202)
    default: return .fault(400, "There is no such action: \(name)")
    }
  }

  private static func restore(
    _ state: inout CloudState, _ call: Call, backup: ManilaState.ShareBackup, target: String?
  ) -> APIResponse {
    guard backup.status == "available" else {
      return .fault(400, "Invalid backup: Backup \(backup.id) status must be available..")
    }
    let shareID = state.version(call) >= Microversion(2, 91) ? target ?? backup.shareID : backup.shareID
    guard let share = ShareService.visibleShare(state, id: shareID, caller: call.caller) else {
      return .fault(404, "Share \(shareID) could not be found.")
    }
    guard share.status == "available" else { return .fault(400, "Invalid share: Share to be restored to must be available..") }
    if share.size < backup.size {
      return .fault(
        400, "Invalid share: Share size \(share.size) is too small to restore backup of size \(backup.size)..")
    }
    guard let index = resource.index(state, of: backup.id) else { return .fault(404, "") }
    state.manila.shareBackups[index].status = "restoring"
    state.manila.shareBackups[index].restoreProgress = "0"
    setShareStatus(shareID, "backup_restoring", in: &state)
    if let shareIndex = state.manila.shares.firstIndex(where: { $0.id == shareID }) {
      state.manila.shares[shareIndex].sourceBackupID = backup.id
    }
    let id = backup.id
    state.after(restoreDelay) { state in
      guard let index = resource.index(state, of: id) else { return }
      state.manila.shareBackups[index].status = "available"
      state.manila.shareBackups[index].restoreProgress = "100"
      state.manila.shareBackups[index].updated = state.clock.now
      setShareStatus(shareID, "available", in: &state)
    }
    return .json(202, .object(["restore": .object(["backup_id": .string(backup.id), "share_id": .string(shareID)])]))
  }
}
