import CloudAPI

/// How `openstackclient/common/quota.py` reaches the three quota APIs through openstacksdk, and
/// the dictionaries the SDK's resources make of the answers (`to_dict`: in the order Python
/// builds them, `null` for an attribute the answer lacks).
enum QuotaClients {
  /// The option names the client maps each service's quotas to (`COMPUTE_QUOTAS`,
  /// `VOLUME_QUOTAS`, `NETWORK_QUOTAS`), in their order.
  static let computeOptions: [(key: String, option: String)] = [
    ("cores", "cores"), ("injected_file_content_bytes", "injected-file-size"),
    ("injected_file_path_bytes", "injected-path-size"), ("injected_files", "injected-files"), ("instances", "instances"),
    ("key_pairs", "key-pairs"), ("metadata_items", "properties"), ("ram", "ram"),
    ("server_group_members", "server-group-members"), ("server_groups", "server-groups"),
  ]
  static let volumeOptions: [(key: String, option: String)] = [
    ("backups", "backups"), ("backup_gigabytes", "backup-gigabytes"), ("gigabytes", "gigabytes"), ("groups", "groups"),
    ("per_volume_gigabytes", "per-volume-gigabytes"), ("snapshots", "snapshots"), ("volumes", "volumes"),
  ]
  static let networkOptions: [(key: String, option: String)] = [
    ("floatingip", "floating-ips"), ("security_group_rule", "secgroup-rules"), ("security_group", "secgroups"),
    ("network", "networks"), ("subnet", "subnets"), ("port", "ports"), ("router", "routers"),
    ("router_route", "router-routes"), ("rbac_policy", "rbac-policies"), ("subnetpool", "subnetpools"),
  ]

  /// The SDK's compute and block storage `QuotaSet` attributes, in their classes' order after
  /// the common ones the answer fills (`reservation`, `usage`), then `Resource`'s.
  private static let computeAttributes = [
    "cores", "fixed_ips", "floating_ips", "force", "injected_file_content_bytes", "injected_file_path_bytes",
    "injected_files", "instances", "key_pairs", "metadata_items", "networks", "ram", "security_group_rules",
    "security_groups", "server_groups", "server_group_members", "reservation", "usage", "id", "name", "location",
  ]
  private static let volumeAttributes = [
    "backup_gigabytes", "backups", "gigabytes", "groups", "per_volume_gigabytes", "snapshots", "volumes", "reservation",
    "usage", "id", "name", "location",
  ]

  /// The network `Quota`'s attributes and the API's names for them, in the class's order
  /// (`QuotaDetails` names its own first, then `check_limit` and `tenant_id`).
  private static let networkAttributes: [(attribute: String, wire: String)] = [
    ("check_limit", "check_limit"), ("floating_ips", "floatingip"), ("health_monitors", "healthmonitor"),
    ("listeners", "listener"), ("load_balancers", "loadbalancer"), ("l7_policies", "l7policy"), ("networks", "network"),
    ("pools", "pool"), ("ports", "port"), ("project_id", "project_id"), ("tenant_id", "tenant_id"),
    ("rbac_policies", "rbac_policy"), ("router_routes", "router_route"), ("routers", "router"), ("subnets", "subnet"),
    ("subnet_pools", "subnetpool"), ("security_group_rules", "security_group_rule"),
    ("security_groups", "security_group"), ("id", "id"), ("name", "name"),
  ]

  /// The attribute names of `NETWORK_KEYS`, the columns of `quota list --network`.
  static func networkAttribute(_ wire: String) -> String? {
    networkAttributes.first { $0.wire == wire }?.attribute
  }

  /// `common.quota_set.QuotaSet._translate_response` then `to_dict()`: `reservation` and `usage`
  /// first, the answer's keys in its order (a detailed quota's limit, its use and reservation
  /// moved into those two), then the class's attributes the answer lacks.
  static func quotaSetDict(_ body: JSON?, key: String, attributes: [String]) -> JSONObject {
    var reservation = JSONObject()
    var usage = JSONObject()
    var values = JSONObject()
    for (name, value) in body?[key]?.object ?? [:] {
      if case .object(let detail) = value {
        if let used = detail["in_use"] { usage[name] = used }
        if let reserved = detail["reserved"] { reservation[name] = reserved }
        if let limit = detail["limit"] { values[name] = limit }
      } else {
        values[name] = value
      }
    }
    var dict: JSONObject = ["reservation": .object(reservation), "usage": .object(usage)]
    for (name, value) in values { dict[name] = value }
    for name in attributes where dict[name] == nil { dict[name] = .null }
    return dict
  }

  /// The network `Quota`'s `to_dict(computed=False)`: the attributes in the class's order; a
  /// detailed quota's attributes first.
  static func networkDict(_ body: JSON?, detailed: Bool) -> JSONObject {
    let quota = body?["quota"]?.object ?? [:]
    var order = networkAttributes
    if detailed {
      let tail = ["check_limit", "tenant_id", "id", "name"]
      order = order.filter { !tail.contains($0.attribute) } + order.filter { tail.contains($0.attribute) }
    }
    var dict = JSONObject()
    // Keys the SDK does not know are kept first, as `_unknown_attrs_in_body`.
    for (name, value) in quota where !networkAttributes.contains(where: { $0.wire == name }) { dict[name] = value }
    for (attribute, wire) in order { dict[attribute] = quota[wire] ?? .null }
    return dict
  }

  // MARK: Requests

  /// The project `get_project` names: the current one (from the token, no request), or the one
  /// `find_project` finds.
  static func project(_ nameOrID: String?, in context: CommandContext) throws -> String {
    guard let nameOrID else {
      _ = try context.api.userID()
      return context.api.authorization?["project"]?["id"]?.string ?? ""
    }
    return try Keystone.required("projects", "project", nameOrID, in: context)["id"]?.string ?? nameOrID
  }

  /// A compute request at the quota sets' microversion (or none, for `limits`).
  @discardableResult
  static func compute(
    _ method: HTTPMethod, _ path: String, query: [(name: String, value: String)] = [], body: JSON? = nil,
    resource: ComputeResource = .quotaSet, in context: CommandContext
  ) throws -> JSON {
    let request = APIRequest(method, "/v2.1" + path, query: query, body: body)
    let response = try context.api.send(request, to: .compute, computeResource: resource)
    guard (200..<300).contains(response.status) else {
      let shown = query.isEmpty ? path : path + "?" + query.map { "\($0.name)=\(PythonURL.quotePlus($0.value))" }.joined(separator: "&")
      throw ComputeLookup.sdkError(response, path: shown)
    }
    return response.body ?? .null
  }

  static func computeQuotas(_ project: String, detail: Bool, defaults: Bool, in context: CommandContext) throws -> JSONObject {
    let path = "/os-quota-sets/\(project)" + (defaults ? "/defaults" : detail ? "/detail" : "")
    var dict = quotaSetDict(try compute(.get, path, in: context), key: "quota_set", attributes: computeAttributes)
    if !detail {
      dict["usage"] = nil
      dict["reservation"] = nil
    }
    return dict
  }

  static func volumeQuotas(_ project: String, detail: Bool, defaults: Bool, in context: CommandContext) throws -> JSONObject {
    let cinder = Cinder(context: context)
    let request =
      defaults
      ? APIRequest(.get, "/os-quota-sets/\(project)/defaults")
      : APIRequest(.get, "/os-quota-sets/\(project)", query: [(name: "usage", value: detail ? "True" : "False")])
    var dict = quotaSetDict(try cinder.call(request), key: "quota_set", attributes: volumeAttributes)
    if !detail {
      dict["usage"] = nil
      dict["reservation"] = nil
    }
    return dict
  }

  /// `get_network_quotas`: the limits, or with `detail` the limits with `usage` and
  /// `reservation` dictionaries as the client rebuilds them.
  static func networkQuotas(_ project: String, detail: Bool, defaults: Bool, in context: CommandContext) throws -> JSONObject {
    let path = "/quotas/\(project)" + (defaults ? "/default" : detail ? "/details" : "")
    let dict = networkDict(try NeutronClient.call(context, .get, path), detailed: detail && !defaults)
    guard detail, !defaults else { return dict }
    var result: JSONObject = ["usage": .object([:]), "reservation": .object([:])]
    var usage = JSONObject()
    var reservation = JSONObject()
    for (key, value) in dict {
      guard case .object(let figures) = value else { continue }
      result[key] = figures["limit"] ?? .null
      reservation[key] = figures["reserved"] ?? .null
      usage[key] = figures["used"] ?? .null
    }
    result["usage"] = .object(usage)
    result["reservation"] = .object(reservation)
    return result
  }
}
