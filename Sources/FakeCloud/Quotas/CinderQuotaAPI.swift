import CloudAPI

/// Cinder's quota APIs: `os-quota-sets` (`contrib/quotas.py`), `os-quota-class-sets`
/// (`contrib/quota_classes.py`) and `limits`, over the volume quota table; and the check a
/// volume create makes (`process_reserve_over_quota`).
enum CinderQuotaAPI {
  static func register(in router: inout Router<CloudState>) {
    router.add(.get, "/v3/{project_id}/os-quota-sets/{id}", show)
    router.add(.get, "/v3/{project_id}/os-quota-sets/{id}/defaults", defaults)
    router.add(.put, "/v3/{project_id}/os-quota-sets/{id}", update)
    router.add(.delete, "/v3/{project_id}/os-quota-sets/{id}", delete)
    router.add(.get, "/v3/{project_id}/os-quota-class-sets/{id}", showClass)
    router.add(.put, "/v3/{project_id}/os-quota-class-sets/{id}", updateClass)
    router.add(.get, "/v3/{project_id}/limits", limits)
  }

  private static func forbidden(_ rule: String) -> APIResponse {
    .fault(403, "Policy doesn't allow \(rule) to be performed.")
  }

  /// `_format_quota_set`: the quotas in the engine's order, the ID last.
  private static func quotaSet(_ id: String?, _ values: [(String, JSON)], key: String = "quota_set") -> APIResponse {
    var body = JSONObject(uniqueKeys: values.map(\.0), values: values.map(\.1))
    if let id { body["id"] = .string(id) }
    return .json(200, .object([key: .object(body)]))
  }

  /// `GET /os-quota-sets/{id}` (`usage=true`: each quota's limit, use and reservations): a
  /// reader of the project or an admin.
  static func show(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    let project = call.parameters["id"] ?? ""
    guard caller.isAdmin || caller.projectID == project else { return forbidden("volume_extension:quotas:show") }
    var usage = false
    if let text = call.query("usage") {
      guard let flag = StrictBool.parse(text) else {
        return .fault(400, "Invalid value '\(text)' for usage, accepted values: true, false, yes, no, 1, 0, on, off")
      }
      usage = flag
    }
    let values = state.quotaFigures(.volume, project: project).map { figure -> (String, JSON) in
      guard usage else { return (figure.name, .int(figure.limit)) }
      return (figure.name, .object(["limit": .int(figure.limit), "in_use": .int(figure.inUse), "reserved": 0]))
    }
    return quotaSet(project, values)
  }

  /// `GET /os-quota-sets/{id}/defaults`.
  static func defaults(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    let project = call.parameters["id"] ?? ""
    guard caller.isAdmin || caller.projectID == project else { return forbidden("volume_extension:quotas:show") }
    let values = QuotaTables.resources(.volume, in: state).map { ($0.name, JSON.int(state.quotaDefault(.volume, $0))) }
    return quotaSet(project, values)
  }

  /// Cinder's `quota_set` format check: known keys, integers from -1.
  private static func limits(in body: JSONObject, known: [String], setName: String) -> Result<[(String, Int)], FaultResponse> {
    let bad = body.keys.filter { !known.contains($0) && !["id", "tenant_id"].contains($0) }
    guard bad.isEmpty else {
      return .failure(FaultResponse(.fault(400, "Invalid input received: Bad key(s) in \(setName): \(bad.joined(separator: ", "))")))
    }
    var limits: [(String, Int)] = []
    for (name, value) in body where known.contains(name) {
      guard let limit = value.integer ?? value.string.flatMap({ Int($0) }) else {
        return .failure(FaultResponse(.fault(400, "\(name) must be an integer.")))
      }
      guard limit >= -1 else { return .failure(FaultResponse(.fault(400, "\(name) must be >= -1"))) }
      limits.append((name, limit))
    }
    return .success(limits)
  }

  /// `PUT /os-quota-sets/{id}`: an admin's. A limit below what the project uses is refused
  /// only where the project already had a limit of its own, as Cinder reads the usage from
  /// `get_project_quotas(defaults=False)`. The answer has no ID.
  static func update(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    guard caller.isAdmin else { return forbidden("volume_extension:quotas:update") }
    let project = call.parameters["id"] ?? ""
    guard case .object(let body)? = call.request.body?["quota_set"], !body.isEmpty else {
      return .fault(400, "Invalid input for field/attribute quota_set. Value: None. None is not of type 'object'")
    }
    let resources = QuotaTables.resources(.volume, in: state)
    let changes: [(String, Int)]
    switch limits(in: body, known: resources.map(\.name), setName: "quota set") {
    case .success(let read): changes = read
    case .failure(let fault): return fault.response
    }
    for (name, limit) in changes where name != "per_volume_gigabytes" && limit != -1 {
      guard state.quotas.projectLimit(.volume, project, name) != nil,
        let used = resources.first(where: { $0.name == name })?.usage(state, project), limit < used
      else { continue }
      return .fault(
        400,
        "Quota \(name) limit must be equal or greater than existing resources. Current usage is \(used) and the requested limit is \(limit).")
    }
    for (name, limit) in changes { state.quotas.setProjectLimit(.volume, project, name, limit) }
    return quotaSet(nil, state.quotaFigures(.volume, project: project).map { ($0.name, JSON.int($0.limit)) })
  }

  /// `DELETE /os-quota-sets/{id}`: an admin's; 200 without a body.
  static func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard call.caller?.isAdmin ?? false else { return forbidden("volume_extension:quotas:delete") }
    state.quotas.removeProjectLimits(.volume, call.parameters["id"] ?? "")
    return APIResponse(status: 200)
  }

  private static func classValues(_ state: CloudState, _ quotaClass: String) -> [(String, JSON)] {
    QuotaTables.resources(.volume, in: state).map { ($0.name, JSON.int(state.quotaDefault(.volume, $0, quotaClass: quotaClass))) }
  }

  /// `GET /os-quota-class-sets/{id}`: an admin's (or the caller's own class).
  static func showClass(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard call.caller?.isAdmin ?? false else { return forbidden("volume_extension:quota_classes") }
    let quotaClass = call.parameters["id"] ?? ""
    return quotaSet(quotaClass, classValues(state, quotaClass), key: "quota_class_set")
  }

  /// `PUT /os-quota-class-sets/{id}`: an admin's; the `default` class is every project's
  /// defaults. The answer has no ID.
  static func updateClass(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard call.caller?.isAdmin ?? false else { return forbidden("volume_extension:quota_classes:update") }
    let quotaClass = call.parameters["id"] ?? ""
    guard case .object(let body)? = call.request.body?["quota_class_set"] else {
      return .fault(400, "Invalid input for field/attribute quota_class_set. Value: None. None is not of type 'object'")
    }
    switch limits(in: body, known: QuotaTables.resources(.volume, in: state).map(\.name), setName: "quota class set") {
    case .success(let changes):
      for (name, limit) in changes { state.quotas.setClassLimit(.volume, quotaClass, name, limit) }
    case .failure(let fault): return fault.response
    }
    return quotaSet(nil, classValues(state, quotaClass), key: "quota_class_set")
  }

  /// `GET /limits`: the caller's project's quotas under their absolute names and what it uses
  /// (`project_id` is read from 3.39, by admins only). No rate limits.
  static func limits(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    var project = caller.projectID
    if caller.isAdmin, state.volumeVersion >= Microversion(3, 39), let other = call.query("project_id") ?? call.query("tenant_id") {
      project = other
    }
    let figures = state.quotaFigures(.volume, project: project)
    func figure(_ name: String) -> QuotaFigure? { figures.first { $0.name == name } }
    var absolute: JSONObject = [:]
    for (quota, name) in [
      ("volumes", "maxTotalVolumes"), ("snapshots", "maxTotalSnapshots"), ("gigabytes", "maxTotalVolumeGigabytes"),
      ("backups", "maxTotalBackups"), ("backup_gigabytes", "maxTotalBackupGigabytes"),
    ] {
      absolute[name] = .int(figure(quota)?.limit ?? 0)
    }
    for (quota, name) in [
      ("volumes", "totalVolumesUsed"), ("gigabytes", "totalGigabytesUsed"), ("snapshots", "totalSnapshotsUsed"),
      ("backups", "totalBackupsUsed"), ("backup_gigabytes", "totalBackupGigabytesUsed"),
    ] {
      absolute[name] = .int(figure(quota)?.inUse ?? 0)
    }
    return .json(200, .object(["limits": .object(["rate": .array([]), "absolute": .object(absolute)])]))
  }

  /// The reservation a new volume of `size` GiB and type makes: Cinder's 413 for the first quota
  /// it would exceed (gigabytes before volumes, by name), or nil.
  static func checkVolume(_ state: CloudState, project: String, size: Int, typeName: String) -> APIResponse? {
    let deltas = [
      (name: "volumes", amount: 1), (name: "gigabytes", amount: size), (name: "volumes_\(typeName)", amount: 1),
      (name: "gigabytes_\(typeName)", amount: size),
    ]
    guard let over = state.quotaOvers(.volume, project: project, deltas).first else { return nil }
    if over.name.contains("gigabytes") {
      return .fault(
        413,
        "Requested volume or snapshot exceeds allowed \(over.name) quota. Requested \(size)G, quota is \(over.limit)G and \(over.inUse)G has been consumed.")
    }
    return .fault(413, "Maximum number of volumes allowed (\(over.limit)) exceeded for quota '\(over.name)'.")
  }

  /// The reservation a backup of a volume of `size` GiB makes (`backup/api.py`'s `create`, through
  /// `process_reserve_over_quota`): Cinder's 413 for the first quota it would exceed, or nil.
  static func checkBackup(_ state: CloudState, project: String, size: Int) -> APIResponse? {
    let deltas = [(name: "backups", amount: 1), (name: "backup_gigabytes", amount: size)]
    guard let over = state.quotaOvers(.volume, project: project, deltas).first else { return nil }
    if over.name == "backup_gigabytes" {
      return .fault(
        413,
        "Requested backup exceeds allowed Backup gigabytes quota. Requested \(size)G, quota is \(over.limit)G and \(over.inUse)G has been consumed.")
    }
    return .fault(413, "Maximum number of backups allowed (\(over.limit)) exceeded")
  }
}
