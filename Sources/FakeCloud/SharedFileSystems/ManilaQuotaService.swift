import CloudAPI

/// Manila's quotas (`manila/quota.py`, `manila/api/v2/quota_sets.py`): each resource's default,
/// the limits an admin set for a project, a user in it or a share type in it, and what the
/// project uses now.
struct ManilaQuotas {
  /// One quota resource: its API name, `quota_<name>`'s default, the microversion its view
  /// starts at, and what counts against it.
  struct Resource: Sendable {
    var name: String
    var defaultLimit: Int
    var since: Microversion?
    /// Whether it is a project's or user's only (not a share type's).
    var projectOnly = false
    var usage: @Sendable (ManilaState, Scope) -> Int
  }

  /// Whose quotas: the project's, a user's in it, or a share type's in it.
  struct Scope: Hashable {
    var projectID: String
    var userID: String?
    var shareTypeID: String?

    func holds(projectID: String, userID: String, shareTypeID: String?) -> Bool {
      projectID == self.projectID && (self.userID.map { $0 == userID } ?? true)
        && (self.shareTypeID.map { $0 == shareTypeID } ?? true)
    }
  }

  /// In the view's order (`manila/api/views/quota_sets.py`).
  static let resources: [Resource] = [
    Resource(name: "shares", defaultLimit: 50) { state, scope in
      state.shares.filter { scope.holds(projectID: $0.projectID, userID: $0.userID, shareTypeID: $0.shareTypeID) }.count
    },
    Resource(name: "gigabytes", defaultLimit: 1000) { state, scope in
      state.shares.filter { scope.holds(projectID: $0.projectID, userID: $0.userID, shareTypeID: $0.shareTypeID) }
        .reduce(0) { $0 + $1.size }
    },
    Resource(name: "snapshots", defaultLimit: 50) { state, scope in snapshots(state, scope).count },
    Resource(name: "snapshot_gigabytes", defaultLimit: 1000) { state, scope in
      snapshots(state, scope).reduce(0) { $0 + $1.size }
    },
    Resource(name: "share_networks", defaultLimit: 10, projectOnly: true) { state, scope in
      scope.shareTypeID != nil ? 0 : state.shareNetworks.filter { $0.projectID == scope.projectID }.count
    },
    Resource(name: "share_groups", defaultLimit: 50, since: Microversion(2, 40), projectOnly: true) { state, scope in
      state.shareGroups.filter { group in
        group.projectID == scope.projectID && (scope.userID.map { group.userID == $0 } ?? true)
      }.count
    },
    Resource(name: "share_group_snapshots", defaultLimit: 50, since: Microversion(2, 40), projectOnly: true) { state, scope in
      state.shareGroupSnapshots.filter { $0.projectID == scope.projectID }.count
    },
    Resource(name: "share_replicas", defaultLimit: 100, since: Microversion(2, 53)) { state, scope in
      replicas(state, scope).count
    },
    Resource(name: "replica_gigabytes", defaultLimit: 1000, since: Microversion(2, 53)) { state, scope in
      replicas(state, scope).reduce(0) { total, replica in
        total + (state.shares.first { $0.id == replica.shareID }?.size ?? 0)
      }
    },
    Resource(name: "per_share_gigabytes", defaultLimit: -1, since: Microversion(2, 62)) { _, _ in 0 },
    Resource(name: "backups", defaultLimit: 10, since: Microversion(2, 80)) { state, scope in backups(state, scope).count },
    Resource(name: "backup_gigabytes", defaultLimit: 1000, since: Microversion(2, 80)) { state, scope in
      backups(state, scope).reduce(0) { $0 + $1.size }
    },
    Resource(name: "encryption_keys", defaultLimit: 100, since: Microversion(2, 90)) { _, _ in 0 },
  ]

  private static func snapshots(_ state: ManilaState, _ scope: Scope) -> [ManilaState.Snapshot] {
    state.snapshots.filter { snapshot in
      let type = state.shares.first { $0.id == snapshot.shareID }?.shareTypeID
      return scope.holds(projectID: snapshot.projectID, userID: snapshot.userID, shareTypeID: type)
    }
  }

  private static func replicas(_ state: ManilaState, _ scope: Scope) -> [ManilaState.ShareReplica] {
    state.shareReplicas.filter { replica in
      guard let share = state.shares.first(where: { $0.id == replica.shareID }) else { return false }
      return scope.holds(projectID: share.projectID, userID: share.userID, shareTypeID: share.shareTypeID)
    }
  }

  private static func backups(_ state: ManilaState, _ scope: Scope) -> [ManilaState.ShareBackup] {
    state.shareBackups.filter { scope.holds(projectID: $0.projectID, userID: $0.userID, shareTypeID: nil) }
  }

  /// The limits an admin set, by scope and resource.
  var limits: [Scope: [String: Int]] = [:]

  /// A scope's limit: its own, else (for a user or a share type) its project's, else the default.
  func limit(_ resource: Resource, for scope: Scope) -> Int {
    let project = Scope(projectID: scope.projectID)
    return limits[scope]?[resource.name] ?? limits[project]?[resource.name] ?? resource.defaultLimit
  }
}

/// `/v2/quota-sets/{project}` (and `/detail`, `/defaults`): show, update, delete.
enum ManilaQuotaService {
  static func register(in router: inout Router<CloudState>) {
    router.add(.get, "/v2/quota-sets/{id}", { state, call in show(state, call, detail: false) })
    router.add(.get, "/v2/quota-sets/{id}/detail", { state, call in show(state, call, detail: true) })
    router.add(.get, "/v2/quota-sets/{id}/defaults", defaults)
    router.add(.put, "/v2/quota-sets/{id}", update)
    router.add(.delete, "/v2/quota-sets/{id}", delete)
  }

  /// The scope the query names; a fault for both a user and a share type, or an unknown type.
  private static func scope(_ state: CloudState, _ call: Call) -> Result<ManilaQuotas.Scope, FaultResponse> {
    let user = call.query("user_id")
    let typeName = call.query("share_type")
    if user != nil && typeName != nil {
      return .failure(FaultResponse(.fault(400, "'user_id' and 'share_type' values are mutually exclusive")))
    }
    var typeID: String?
    if let typeName {
      guard let type = state.manila.shareTypes.first(where: { $0.id == typeName || $0.name == typeName }) else {
        return .failure(FaultResponse(.fault(404, "Share type with name or id '\(typeName)' not found.")))
      }
      typeID = type.id
    }
    return .success(ManilaQuotas.Scope(projectID: call.parameters["id"] ?? "", userID: user, shareTypeID: typeID))
  }

  /// `authorize_project_context`: a member sees only the project of the token.
  private static func forbidden(_ call: Call) -> APIResponse? {
    guard call.caller?.isAdmin != true, call.caller?.projectID != call.parameters["id"] else { return nil }
    return .fault(403, "Access was denied to this resource.")
  }

  /// The view's resources at the microversion (without those a share type's view drops).
  private static func shown(_ version: Microversion, _ scope: ManilaQuotas.Scope) -> [ManilaQuotas.Resource] {
    ManilaQuotas.resources.filter { resource in
      (resource.since.map { version >= $0 } ?? true) && !(scope.shareTypeID != nil && resource.projectOnly)
    }
  }

  private static func view(_ values: [(String, JSON)], projectID: String) -> APIResponse {
    var object = JSONObject()
    for (name, value) in values { object[name] = value }
    object["id"] = .string(projectID)
    return .json(200, .object(["quota_set": .object(object)]))
  }

  static func show(_ state: CloudState, _ call: Call, detail: Bool) -> APIResponse {
    if let fault = forbidden(call) { return fault }
    let scope: ManilaQuotas.Scope
    switch self.scope(state, call) {
    case .success(let found): scope = found
    case .failure(let fault): return fault.response
    }
    let values = shown(state.version(call), scope).map { resource -> (String, JSON) in
      let limit = state.manila.quotas.limit(resource, for: scope)
      guard detail else { return (resource.name, .int(limit)) }
      let inUse = resource.usage(state.manila, scope)
      return (resource.name, .object(["in_use": .int(inUse), "limit": .int(limit), "reserved": .int(0)]))
    }
    return view(values, projectID: scope.projectID)
  }

  static func defaults(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let fault = forbidden(call) { return fault }
    let scope = ManilaQuotas.Scope(projectID: call.parameters["id"] ?? "")
    return view(shown(state.version(call), scope).map { ($0.name, .int($0.defaultLimit)) }, projectID: scope.projectID)
  }

  /// `_update`: every value an integer, -1 or more, no less than what is used (unless forced).
  static func update(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let fault = ShareTypeService.policyFault(call, "quota_set:update") { return fault }
    let body = call.request.body?["quota_set"]?.object ?? [:]
    let scope: ManilaQuotas.Scope
    switch self.scope(state, call) {
    case .success(let found): scope = found
    case .failure(let fault): return fault.response
    }
    let known = Dictionary(uniqueKeysWithValues: ManilaQuotas.resources.map { ($0.name, $0) })
    let nonQuota: Set<String> = ["tenant_id", "id", "force", "share_type"]
    guard body.contains(where: { known[$0.key] != nil && $0.value != .null }) else {
      return .fault(400, "Must supply at least one quota field to update.")
    }
    if scope.shareTypeID != nil && (body["share_groups"] ?? body["share_group_snapshots"]).map({ $0 != .null }) == true {
      return .fault(400, "Share type quotas cannot constrain share groups and share group snapshots.")
    }
    if scope.shareTypeID != nil && body["share_networks"] != nil {
      return .fault(400, "'share_networks' quota cannot be set for share type. It can be set only for project or user.")
    }
    let badKeys = body.keys.filter { known[$0] == nil && !nonQuota.contains($0) }
    if !badKeys.isEmpty { return .fault(400, "Bad key(s) \(badKeys.joined(separator: ",")) in quota_set.") }
    let force = body["force"].flatMap(ExtraSpecs.boolean) ?? false
    var updates: [String: Int] = [:]
    for (key, value) in body {
      guard let resource = known[key], value != .null else { continue }
      guard let limit = integer(value) else {
        return .fault(400, "Quota '\(PythonValue.str(value))' for \(key) should be integer.")
      }
      let used = resource.usage(state.manila, scope)
      if !force && limit >= 0 && state.manila.quotas.limit(resource, for: scope) >= 0 && used > limit {
        return .fault(400, "Quota value \(limit) for \(key) is smaller than already used and reserved \(used).")
      }
      if limit < -1 { return .fault(400, "Quota limit must be -1 or greater.") }
      updates[key] = limit
    }
    state.manila.quotas.limits[scope, default: [:]].merge(updates) { $1 }
    let values = shown(state.version(call), scope).map { ($0.name, JSON.int(state.manila.quotas.limit($0, for: scope))) }
    return view(values, projectID: scope.projectID).withoutID()
  }

  private static func integer(_ value: JSON) -> Int? {
    switch value {
    case .int(let number): number
    case .string(let text): PythonInt.parse(text)
    default: nil
    }
  }

  /// `_delete`: the scope's limits go back to the project's (or the defaults); 202.
  static func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let fault = ShareTypeService.policyFault(call, "quota_set:delete") { return fault }
    let scope: ManilaQuotas.Scope
    switch self.scope(state, call) {
    case .success(let found): scope = found
    case .failure(let fault): return fault.response
    }
    if scope.userID == nil && scope.shareTypeID == nil {
      state.manila.quotas.limits = state.manila.quotas.limits.filter { $0.key.projectID != scope.projectID }
    } else {
      state.manila.quotas.limits.removeValue(forKey: scope)
    }
    return APIResponse(status: 202)
  }

  /// `QUOTAS.reserve` for a new share: the gigabytes, then the number of shares, against the
  /// project's, the user's and the share type's limits.
  static func shareCreateFault(_ state: CloudState, caller: Caller, shareTypeID: String, size: Int) -> APIResponse? {
    let scopes = [
      ManilaQuotas.Scope(projectID: caller.projectID), ManilaQuotas.Scope(projectID: caller.projectID, userID: caller.userID),
      ManilaQuotas.Scope(projectID: caller.projectID, shareTypeID: shareTypeID),
    ]
    let resources = ManilaQuotas.resources
    func exceeds(_ name: String, by amount: Int) -> Int? {
      guard let resource = resources.first(where: { $0.name == name }) else { return nil }
      for scope in scopes {
        let limit = state.manila.quotas.limit(resource, for: scope)
        // `amount` comes from the request: compared without adding, which could overflow.
        if limit >= 0 && amount > limit - resource.usage(state.manila, scope) { return limit }
      }
      return nil
    }
    if exceeds("gigabytes", by: size) != nil {
      return .fault(413, "Requested share exceeds allowed project/user or share type gigabytes quota.")
    }
    if let allowed = exceeds("shares", by: 1) {
      return .fault(
        413, "Maximum number of shares allowed (\(allowed)) either per project/user or share type quota is exceeded.")
    }
    return nil
  }
}

extension APIResponse {
  /// The update's view: `detail_list` without a project ID.
  fileprivate func withoutID() -> APIResponse {
    guard case .object(var set)? = body?["quota_set"] else { return self }
    set.removeValue(forKey: "id")
    return .json(status, .object(["quota_set": .object(set)]))
  }
}
