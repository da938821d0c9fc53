import CloudAPI

/// Nova's quota APIs: `os-quota-sets` (`quota_sets.py`), `os-quota-class-sets`
/// (`quota_classes.py`) and `limits` (`limits.py`), over the compute quota table; and the check
/// a server create makes (`check_num_instances_quota`).
enum NovaQuotaAPI {
  static func register(in router: inout Router<CloudState>) {
    router.add(.get, "/v2.1/os-quota-sets/{id}", show)
    router.add(.get, "/v2.1/os-quota-sets/{id}/detail", show)
    router.add(.get, "/v2.1/os-quota-sets/{id}/defaults", defaults)
    router.add(.put, "/v2.1/os-quota-sets/{id}", update)
    router.add(.delete, "/v2.1/os-quota-sets/{id}", delete)
    router.add(.get, "/v2.1/os-quota-class-sets/{id}", showClass)
    router.add(.put, "/v2.1/os-quota-class-sets/{id}", updateClass)
    router.add(.get, "/v2.1/limits", limits)
  }

  private static func forbidden(_ rule: String) -> APIResponse {
    .fault(403, "Policy doesn't allow os_compute_api:\(rule) to be performed.")
  }

  /// The quotas a microversion no longer shows: nova-network's from 2.36, personality's from 2.57.
  private static func filtered(_ version: Microversion, networkFrom: Microversion = Microversion(2, 36)) -> Set<String> {
    var names: Set<String> = []
    if version >= networkFrom { names.formUnion(["fixed_ips", "floating_ips", "security_group_rules", "security_groups"]) }
    if version >= Microversion(2, 57) {
      names.formUnion(["injected_files", "injected_file_content_bytes", "injected_file_path_bytes"])
    }
    return names
  }

  /// `_format_quota_set`: the ID when given, then each quota the microversion shows.
  private static func quotaSet(_ id: String?, _ values: [(String, JSON)], hiding: Set<String>, key: String = "quota_set") -> APIResponse {
    var body: JSONObject = [:]
    if let id { body["id"] = .string(id) }
    for (name, value) in values where !hiding.contains(name) { body[name] = value }
    return .json(200, .object([key: .object(body)]))
  }

  /// `identity.verify_project_id`: the project must be Keystone's.
  private static func unknownProject(_ state: CloudState, _ id: String) -> APIResponse? {
    state.identity.projects.contains { $0.id == id } ? nil : .fault(400, "Project ID \(id) is not a valid project.")
  }

  /// `GET /os-quota-sets/{id}` and `.../detail` (each quota's limit, use and reservations): a
  /// reader of the project or an admin.
  static func show(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    let project = call.parameters["id"] ?? ""
    let detail = call.request.path.hasSuffix("/detail")
    guard caller.isAdmin || caller.projectID == project else { return forbidden("os-quota-sets:\(detail ? "detail" : "show")") }
    if let fault = unknownProject(state, project) { return fault }
    let values = state.quotaFigures(.compute, project: project).map { figure -> (String, JSON) in
      guard detail else { return (figure.name, .int(figure.limit)) }
      return (figure.name, .object(["limit": .int(figure.limit), "in_use": .int(figure.inUse), "reserved": 0]))
    }
    return quotaSet(project, values, hiding: filtered(state.computeVersion))
  }

  /// `GET /os-quota-sets/{id}/defaults`: anyone.
  static func defaults(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let project = call.parameters["id"] ?? ""
    if let fault = unknownProject(state, project) { return fault }
    let values = QuotaTables.compute.map { ($0.name, JSON.int(state.quotaDefault(.compute, $0))) }
    return quotaSet(project, values, hiding: filtered(state.computeVersion))
  }

  /// `PUT /os-quota-sets/{id}`: an admin's; each limit at least -1 and, unless forced, at least
  /// what the project uses. The answer has no ID.
  static func update(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    guard caller.isAdmin else { return forbidden("os-quota-sets:update") }
    let project = call.parameters["id"] ?? ""
    if let fault = unknownProject(state, project) { return fault }
    guard case .object(let body)? = call.request.body?["quota_set"] else {
      return .fault(400, "Invalid input for field/attribute quota_set. Value: None. None is not of type 'object'")
    }
    let hidden = filtered(state.computeVersion)
    let known = QuotaTables.compute.map(\.name).filter { !hidden.contains($0) }
    let force = body["force"].map { $0 == .bool(true) || $0.string.flatMap(StrictBool.parse) == true } ?? false
    let figures = state.quotaFigures(.compute, project: project)
    var changes: [(String, Int)] = []
    for (name, value) in body where name != "force" {
      guard known.contains(name) else {
        return .fault(
          400, "Invalid input for field/attribute quota_set. Value: \(PythonValue.repr(.object(body))). Additional properties are not allowed ('\(name)' was unexpected)")
      }
      guard let limit = value.integer ?? value.string.flatMap({ Int($0) }) else {
        return .fault(400, "Invalid input for field/attribute \(name). Value: \(PythonValue.str(value)). \(PythonValue.repr(value)) is not of type 'integer', 'string'")
      }
      guard limit >= -1 else {
        return .fault(400, "Invalid input for field/attribute \(name). Value: \(limit). \(limit) is less than the minimum of -1")
      }
      let used = figures.first { $0.name == name }?.inUse ?? 0
      if !force, limit != -1, limit < used {
        return .fault(
          400, "Quota limit \(limit) for \(name) must be greater than or equal to already used and reserved \(used).")
      }
      changes.append((name, limit))
    }
    for (name, limit) in changes { state.quotas.setProjectLimit(.compute, project, name, limit) }
    let values = state.quotaFigures(.compute, project: project).map { ($0.name, JSON.int($0.limit)) }
    return quotaSet(nil, values, hiding: hidden)
  }

  /// `DELETE /os-quota-sets/{id}`: an admin's; 202 without a body.
  static func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    guard caller.isAdmin else { return forbidden("os-quota-sets:delete") }
    state.quotas.removeProjectLimits(.compute, call.parameters["id"] ?? "")
    return APIResponse(status: 202)
  }

  /// The class's quotas as `_format_quota_set` of `quota_classes.py` shows them: the server
  /// group quotas from 2.50, which also hides nova-network's.
  private static func classValues(_ state: CloudState, _ quotaClass: String) -> ([(String, JSON)], Set<String>) {
    var hidden = filtered(state.computeVersion, networkFrom: Microversion(2, 50))
    if state.computeVersion < Microversion(2, 50) { hidden.formUnion(["server_groups", "server_group_members"]) }
    let values = QuotaTables.compute.map { ($0.name, JSON.int(state.quotaDefault(.compute, $0, quotaClass: quotaClass))) }
    return (values, hidden)
  }

  /// `GET /os-quota-class-sets/{id}`: an admin's.
  static func showClass(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard call.caller?.isAdmin ?? false else { return forbidden("os-quota-class-sets:show") }
    let quotaClass = call.parameters["id"] ?? ""
    let (values, hidden) = classValues(state, quotaClass)
    return quotaSet(quotaClass, values, hiding: hidden, key: "quota_class_set")
  }

  /// `PUT /os-quota-class-sets/{id}`: an admin's; the `default` class is every project's
  /// defaults. The answer has no ID.
  static func updateClass(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard call.caller?.isAdmin ?? false else { return forbidden("os-quota-class-sets:update") }
    let quotaClass = call.parameters["id"] ?? ""
    guard case .object(let body)? = call.request.body?["quota_class_set"] else {
      return .fault(400, "Invalid input for field/attribute quota_class_set. Value: None. None is not of type 'object'")
    }
    for (name, value) in body {
      guard QuotaTables.compute.contains(where: { $0.name == name }), let limit = value.integer, limit >= -1 else {
        return .fault(400, "Invalid input for field/attribute \(name). Value: \(PythonValue.str(value)). \(PythonValue.repr(value)) is not valid")
      }
      state.quotas.setClassLimit(.compute, quotaClass, name, limit)
    }
    let (values, hidden) = classValues(state, quotaClass)
    return quotaSet(nil, values, hiding: hidden, key: "quota_class_set")
  }

  /// `views/limits.py`'s absolute names of each quota.
  private static let limitNames: [String: [String]] = [
    "ram": ["maxTotalRAMSize"], "instances": ["maxTotalInstances"], "cores": ["maxTotalCores"],
    "key_pairs": ["maxTotalKeypairs"], "floating_ips": ["maxTotalFloatingIps"],
    "metadata_items": ["maxServerMeta", "maxImageMeta"], "injected_files": ["maxPersonality"],
    "injected_file_content_bytes": ["maxPersonalitySize"], "security_groups": ["maxSecurityGroups"],
    "security_group_rules": ["maxSecurityGroupRules"], "server_groups": ["maxServerGroups"],
    "server_group_members": ["maxServerGroupMembers"],
  ]

  private static let usedNames: [(String, String)] = [
    ("totalRAMUsed", "ram"), ("totalCoresUsed", "cores"), ("totalInstancesUsed", "instances"),
    ("totalFloatingIpsUsed", "floating_ips"), ("totalSecurityGroupsUsed", "security_groups"),
    ("totalServerGroupsUsed", "server_groups"),
  ]

  /// `GET /limits`: the caller's project's quotas under their absolute names and what it uses;
  /// another project's (`tenant_id`) for an admin. No rate limits since Liberty.
  static func limits(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    var project = caller.projectID
    if let other = call.query("tenant_id") {
      guard caller.isAdmin else { return forbidden("limits:other_project") }
      project = other
    }
    let version = state.computeVersion
    var hidden: Set<String> = []
    if version >= Microversion(2, 36) { hidden.formUnion(["floating_ips", "security_groups", "security_group_rules"]) }
    if version >= Microversion(2, 57) { hidden.formUnion(["injected_files", "injected_file_content_bytes"]) }
    let figures = state.quotaFigures(.compute, project: project)
    var absolute: JSONObject = [:]
    for figure in figures where !hidden.contains(figure.name) {
      for name in limitNames[figure.name] ?? [] where !(name == "maxImageMeta" && version >= Microversion(2, 39)) {
        absolute[name] = .int(figure.limit)
      }
    }
    for (name, quota) in usedNames where !hidden.contains(quota) {
      absolute[name] = .int(figures.first { $0.name == quota }?.inUse ?? 0)
    }
    return .json(200, .object(["limits": .object(["rate": .array([]), "absolute": .object(absolute)])]))
  }

  /// `check_num_instances_quota` for `count` servers of `flavor` (all of them: the cloud does not
  /// create fewer than asked): Nova's 403 naming every quota it would exceed, or nil.
  static func checkServer(_ state: CloudState, project: String, flavor: CloudDefinition.Flavor, count: Int = 1) -> APIResponse? {
    let requested = [("instances", count), ("cores", flavor.vcpus * count), ("ram", flavor.ram * count)]
    let overs = state.quotaOvers(.compute, project: project, requested.map { (name: $0.0, amount: $0.1) })
    guard !overs.isEmpty else { return nil }
    let asked = Dictionary(uniqueKeysWithValues: requested)
    let names = overs.map(\.name).joined(separator: ", ")
    let requests = overs.map { String(asked[$0.name] ?? 0) }.joined(separator: ", ")
    let used = overs.map { String($0.inUse) }.joined(separator: ", ")
    let allowed = overs.map { String($0.limit) }.joined(separator: ", ")
    return .fault(403, "Quota exceeded for \(names): Requested \(requests), but already used \(used) of \(allowed) \(names)")
  }
}
