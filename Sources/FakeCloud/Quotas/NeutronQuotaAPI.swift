import CloudAPI

/// Neutron's `quotas` extension (`quotasv2.py`, `quotasv2_detail`) over the network quota table,
/// and the reservation a POST makes (`OverQuota`, 409).
enum NeutronQuotaAPI {
  static func register(in router: inout Router<CloudState>) {
    router.add(.get, "/v2.0/quotas/{id}", show)
    router.add(.get, "/v2.0/quotas/{id}/default", defaults)
    router.add(.get, "/v2.0/quotas/{id}/details", details)
    router.add(.put, "/v2.0/quotas/{id}", update)
    router.add(.delete, "/v2.0/quotas/{id}", delete)
  }

  /// `validate_policy`: the rule as oslo.policy names it.
  private static func forbidden(_ rule: String) -> APIResponse {
    ResourceTable.response(ResourceFault(status: 403, type: "PolicyNotAuthorized", message: "rule:\(rule) is disallowed by policy"))
  }

  /// Another project's quotas are an admin's to read.
  private static func readable(_ call: Call) -> APIResponse? {
    guard let caller = call.caller else { return .unauthenticated() }
    return caller.isAdmin || caller.projectID == call.parameters["id"] ? nil : forbidden("get_quota")
  }

  private static func quota(_ values: [(String, JSON)]) -> APIResponse {
    .json(200, .object(["quota": .object(JSONObject(uniqueKeys: values.map(\.0), values: values.map(\.1)))]))
  }

  static func show(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let fault = readable(call) { return fault }
    return quota(state.quotaFigures(.network, project: call.parameters["id"] ?? "").map { ($0.name, .int($0.limit)) })
  }

  static func defaults(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let fault = readable(call) { return fault }
    return quota(QuotaTables.network.map { ($0.name, .int($0.defaultLimit)) })
  }

  /// `.../details`: each quota's limit, what the project uses, and reservations (none).
  static func details(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let fault = readable(call) { return fault }
    return quota(
      state.quotaFigures(.network, project: call.parameters["id"] ?? "").map { figure in
        (figure.name, .object(["limit": .int(figure.limit), "used": .int(figure.inUse), "reserved": 0]))
      })
  }

  /// `PUT /quotas/{id}`: an admin's; each limit an integer from -1 and, unless forced, at least
  /// what the project uses (`check_limit` is the default since 2025.1 and ignored).
  static func update(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    guard caller.isAdmin else { return forbidden("update_quota") }
    let project = call.parameters["id"] ?? ""
    guard case .object(var body)? = call.request.body?["quota"] else {
      return ResourceTable.response(.badRequest("Resource body required"))
    }
    let force = body.removeValue(forKey: "force") == .bool(true)
    body["check_limit"] = nil
    let known = QuotaTables.network.map(\.name)
    let unknown = body.keys.filter { !known.contains($0) }
    guard unknown.isEmpty else {
      return ResourceTable.response(.badRequest("Unrecognized attribute(s) '\(unknown.joined(separator: ", "))'"))
    }
    let figures = state.quotaFigures(.network, project: project)
    var changes: [(String, Int)] = []
    for (name, value) in body {
      guard let limit = value.integer ?? value.string.flatMap({ Int($0) }) else {
        return ResourceTable.response(.badRequest("Invalid input for \(name). Reason: '\(PythonValue.str(value))' is not an integer."))
      }
      guard limit >= -1 else {
        return ResourceTable.response(.badRequest("Invalid input for \(name). Reason: '\(limit)' is too small - must be at least '-1'."))
      }
      let used = figures.first { $0.name == name }?.inUse ?? 0
      if !force, limit != -1, used > limit {
        return ResourceTable.response(
          .badRequest("Quota limit \(limit) for \(name) must be greater than or equal to already used \(used)"))
      }
      changes.append((name, limit))
    }
    for (name, limit) in changes { state.quotas.setProjectLimit(.network, project, name, limit) }
    return quota(state.quotaFigures(.network, project: project).map { ($0.name, .int($0.limit)) })
  }

  static func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    guard caller.isAdmin else { return forbidden("delete_quota") }
    state.quotas.removeProjectLimits(.network, call.parameters["id"] ?? "")
    return .noContent()
  }

  /// The reservation a POST of one record to `collection` for `project` makes: Neutron's
  /// `OverQuota`, or nil.
  static func check(_ state: CloudState, collection: String, project: String) -> ResourceFault? {
    guard let name = QuotaTables.networkQuota(forCollection: collection),
      !state.quotaOvers(.network, project: project, [(name: name, amount: 1)]).isEmpty
    else { return nil }
    return ResourceFault(status: 409, type: "OverQuota", message: "Quota exceeded for resources: ['\(name)'].")
  }
}
