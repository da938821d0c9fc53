import CloudAPI

/// A QoS policy's rules, one table per rule type under `/v2.0/qos/policies/{policy_id}/`: an
/// admin's to write (`rule:create_policy_<type>_rule`), one rule of a type per direction, and
/// each listed in its policy's `rules` with its type and policy.
enum NeutronQoSRules {
  typealias A = ResourceAttribute

  /// A rule type: its table and its name in a policy's `rules` (`bandwidth_limit`).
  struct RuleType: Sendable {
    let table: ResourceTable
    let type: String
  }

  /// `validate_range` over neutron-lib's kbps and kpps bounds.
  private static func range(_ value: JSON) -> String? {
    guard let number = value.integer else { return nil }
    let maximum = 2_147_483_647
    return (0...maximum).contains(number) ? nil : "'\(number)' is not in range 0 through \(maximum)"
  }

  private static let directions = NeutronValidators.values(["egress", "ingress"])
  /// neutron-lib's `VALID_DSCP_MARKS`.
  static let dscpMarks: [JSON] = [0, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 46, 48, 56].map { .int($0) }

  private static func table(_ collection: String, _ member: String, _ attributes: [A]) -> ResourceTable {
    ResourceTable(
      collection: collection, member: member,
      attributes: [A("id", post: false, put: false, default: .computed)] + attributes,
      notFound: { ResourceFault(status: 404, type: "QosRuleNotFound", message: "QoS rule \($0) could not be found.") })
  }

  /// In the order a policy lists its rules (`qos_consts.VALID_RULE_TYPES`).
  static let types: [RuleType] = [
    RuleType(
      table: table("bandwidth_limit_rules", "bandwidth_limit_rule", [
        A("max_kbps", .integer, default: .required, validate: range),
        A("max_burst_kbps", .integer, default: .value(0), validate: range),
        A("direction", default: .value("egress"), validate: directions),
      ]), type: "bandwidth_limit"),
    RuleType(
      table: table("dscp_marking_rules", "dscp_marking_rule", [
        A("dscp_mark", .integer, default: .required, validate: NeutronValidators.values(dscpMarks))
      ]), type: "dscp_marking"),
    RuleType(
      table: table("minimum_bandwidth_rules", "minimum_bandwidth_rule", [
        A("min_kbps", .integer, default: .required, validate: range),
        A("direction", default: .value("egress"), validate: directions),
      ]), type: "minimum_bandwidth"),
    RuleType(
      table: table("minimum_packet_rate_rules", "minimum_packet_rate_rule", [
        A("min_kpps", .integer, default: .required, validate: range),
        A("direction", default: .value("egress"), validate: NeutronValidators.values(["any", "egress", "ingress"])),
      ]), type: "minimum_packet_rate"),
  ]

  /// The routes of each rule type.
  static func add(to router: inout Router<CloudState>) {
    for rule in types {
      let path = "/v2.0/qos/policies/{policy_id}/\(rule.table.collection)"
      router.add(.get, path) { state, call in answer(call) { () throws(ResourceFault) in try list(rule, &state, call) } }
      router.add(.post, path) { state, call in answer(call) { () throws(ResourceFault) in try create(rule, &state, call) } }
      router.add(.get, path + "/{id}") { state, call in answer(call) { () throws(ResourceFault) in try show(rule, &state, call) } }
      router.add(.put, path + "/{id}") { state, call in answer(call) { () throws(ResourceFault) in try update(rule, &state, call) } }
      router.add(.delete, path + "/{id}") { state, call in answer(call) { () throws(ResourceFault) in try delete(rule, &state, call) } }
    }
  }

  private static func answer(_ call: Call, _ body: () throws(ResourceFault) -> APIResponse) -> APIResponse {
    guard call.caller != nil else { return .unauthenticated() }
    do { return try body() } catch { return ResourceTable.response(error) }
  }

  /// The path's policy, if the caller sees it.
  private static func policy(_ state: CloudState, _ call: Call) throws(ResourceFault) -> JSONObject {
    let id = call.parameters["policy_id"] ?? ""
    guard let caller = call.caller, let policy = state.network.record(NeutronTables.qosPolicies, id),
      NeutronQoS.policies.visible(policy, caller, state.network)
    else { throw NeutronTables.qosPolicies.notFound(id) }
    return policy
  }

  /// Writing rules is an admin's (`rule:<action>_policy_<type>_rule`).
  private static func requireAdmin(_ action: String, _ rule: RuleType, _ call: Call) throws(ResourceFault) {
    guard call.caller?.isAdmin == true else { throw NeutronNetworks.policyFault("\(action)_policy_\(rule.type)_rule", nil) }
  }

  /// The policy's rules of this type, stored with the policy's ID.
  private static func rules(_ rule: RuleType, of policyID: String, in state: CloudState) -> [JSONObject] {
    state.network[rule.table].filter { $0["qos_policy_id"]?.string == policyID }
  }

  /// The rule of the path's ID in the policy, or `QosRuleNotFound`.
  private static func record(_ rule: RuleType, _ state: CloudState, _ call: Call) throws(ResourceFault) -> JSONObject {
    let policyID = try policy(state, call)["id"]?.string ?? ""
    let id = call.parameters["id"] ?? ""
    guard let record = rules(rule, of: policyID, in: state).first(where: { $0["id"]?.string == id }) else {
      throw ResourceFault(
        status: 404, type: "QosRuleNotFound", message: "QoS rule \(id) for policy \(policyID) could not be found.")
    }
    return record
  }

  /// A rule as the API shows it: without the policy it is stored under.
  private static func shown(_ rule: RuleType, _ record: JSONObject) -> JSON {
    .object([rule.table.member: .object(record.filter { $0.key != "qos_policy_id" })])
  }

  private static func list(_ rule: RuleType, _ state: inout CloudState, _ call: Call) throws(ResourceFault) -> APIResponse {
    let policyID = try policy(state, call)["id"]?.string ?? ""
    let records = rules(rule, of: policyID, in: state).map { $0.filter { $0.key != "qos_policy_id" } }
    return rule.table.list(records, call, isAdmin: call.caller?.isAdmin ?? false, baseURL: state.endpoints[.network] ?? "")
  }

  private static func show(_ rule: RuleType, _ state: inout CloudState, _ call: Call) throws(ResourceFault) -> APIResponse {
    .json(200, shown(rule, try record(rule, state, call)))
  }

  private static func create(_ rule: RuleType, _ state: inout CloudState, _ call: Call) throws(ResourceFault) -> APIResponse {
    let policyID = try policy(state, call)["id"]?.string ?? ""
    try requireAdmin("create", rule, call)
    let caller = call.caller
    var fields = try rule.table.readCreate(call.request.body, projectID: caller?.projectID ?? "", isAdmin: true).get()
    fields["id"] = .string(state.network.ids.uuid())
    try checkConflict(rule, fields, policyID: policyID, state)
    var record = rule.table.complete(fields)
    record["qos_policy_id"] = .string(policyID)
    state.network[rule.table].append(record)
    refreshRules(of: policyID, &state.network)
    return .json(201, shown(rule, record))
  }

  private static func update(_ rule: RuleType, _ state: inout CloudState, _ call: Call) throws(ResourceFault) -> APIResponse {
    var record = try record(rule, state, call)
    try requireAdmin("update", rule, call)
    let changes = try rule.table.readUpdate(call.request.body).get()
    for (key, value) in changes { record[key] = value }
    let policyID = record["qos_policy_id"]?.string ?? ""
    try checkConflict(rule, record, policyID: policyID, state)
    state.network.update(rule.table, record)
    refreshRules(of: policyID, &state.network)
    return .json(200, shown(rule, record))
  }

  private static func delete(_ rule: RuleType, _ state: inout CloudState, _ call: Call) throws(ResourceFault) -> APIResponse {
    let record = try record(rule, state, call)
    try requireAdmin("delete", rule, call)
    state.network.delete(rule.table, record["id"]?.string ?? "")
    refreshRules(of: record["qos_policy_id"]?.string ?? "", &state.network)
    return .noContent()
  }

  /// `QoSRulesConflict`: another rule of the type in the policy with the same direction.
  private static func checkConflict(_ rule: RuleType, _ fields: JSONObject, policyID: String, _ state: CloudState) throws(ResourceFault) {
    let other = rules(rule, of: policyID, in: state).first {
      $0["id"] != fields["id"] && $0["direction"] == fields["direction"]
    }
    guard let other else { return }
    throw .conflict(
      "QoSRulesConflict",
      "Rule \(rule.type) conflicts with rule \(other["id"]?.string ?? "") which already exists in QoS Policy \(policyID).")
  }

  /// The policy's `rules`: each rule's fields as the rule object gives them (its own, then its
  /// ID, policy and type), by type.
  private static func refreshRules(of policyID: String, _ state: inout NetworkState) {
    guard var policy = state.record(NeutronTables.qosPolicies, policyID) else { return }
    var listed: [JSON] = []
    for rule in types {
      for record in state[rule.table] where record["qos_policy_id"]?.string == policyID {
        var entry = record.filter { $0.key != "id" && $0.key != "qos_policy_id" }
        entry["id"] = record["id"]
        entry["qos_policy_id"] = .string(policyID)
        entry["type"] = .string(rule.type)
        listed.append(.object(entry))
      }
    }
    policy["rules"] = .array(listed)
    state.update(NeutronTables.qosPolicies, policy)
  }
}
