import CloudAPI

/// A QoS rule type as the client knows it (`network_qos_rule.py`): its name on the command line,
/// its collection under the policy, the parameters it must and may have, and openstacksdk's
/// attributes of it (the show's columns).
private struct QoSRuleType {
  let name: String
  let collection: String
  let member: String
  let mandatory: Set<String>
  let optional: Set<String>
  let columns: [String]

  /// `MANDATORY_PARAMETERS` and `OPTIONAL_PARAMETERS`, in the client's order.
  static let all: [QoSRuleType] = [
    QoSRuleType(
      name: "minimum-bandwidth", collection: "minimum_bandwidth_rules", member: "minimum_bandwidth_rule",
      mandatory: ["min_kbps", "direction"], optional: [], columns: ["direction", "id", "min_kbps"]),
    QoSRuleType(
      name: "minimum-packet-rate", collection: "minimum_packet_rate_rules", member: "minimum_packet_rate_rule",
      mandatory: ["min_kpps", "direction"], optional: [], columns: ["direction", "id", "min_kpps"]),
    QoSRuleType(
      name: "dscp-marking", collection: "dscp_marking_rules", member: "dscp_marking_rule",
      mandatory: ["dscp_mark"], optional: [], columns: ["dscp_mark", "id"]),
    QoSRuleType(
      name: "bandwidth-limit", collection: "bandwidth_limit_rules", member: "bandwidth_limit_rule",
      mandatory: ["max_kbps"], optional: ["direction", "max_burst_kbps"], columns: ["direction", "id", "max_burst_kbps", "max_kbps"]),
  ]

  static func named(_ name: String) -> QoSRuleType? { all.first { $0.name == name } }

  func path(_ policyID: String) -> String { "/qos/policies/\(policyID)/\(collection)" }

  /// `_check_type_parameters`: what a create must give, and no other type's parameters.
  func check(_ attributes: JSONObject, isCreate: Bool) throws {
    let allowed = mandatory.union(optional)
    let others = Set(Self.all.filter { $0.name != name }.flatMap(\.mandatory)).subtracting(allowed)
    if isCreate, !mandatory.allSatisfy({ attributes[$0] != nil }) {
      throw CommandFailure(
        message: "\"Create\" rule command for type \"\(name)\" requires arguments: \(mandatory.sorted().joined(separator: ", "))")
    }
    if attributes.contains(where: { others.contains($0.key) }) {
      throw CommandFailure(message: "Rule type \"\(name)\" only requires arguments: \(allowed.sorted().joined(separator: ", "))")
    }
  }

  /// The show of a rule: openstacksdk's attributes, sorted.
  func show(_ record: JSON) -> CommandOutput {
    var fields = JSONObject()
    for column in columns { fields[column] = record[column] ?? .null }
    return .show(fields)
  }
}

/// The options every rule command reads, and the policy and its rule the others name.
private enum QoSRuleOptions {
  static let types: [String: ValueType] = [
    "--type": .choices(["minimum-bandwidth", "minimum-packet-rate", "dscp-marking", "bandwidth-limit"]),
    "--max-kbps": .int, "--max-burst-kbits": .int, "--dscp-mark": .int, "--min-kbps": .int, "--min-kpps": .int,
  ]

  /// `_get_attrs` after the policy is found: the values given, the direction, `--any` only for
  /// minimum packet rate rules, then the type's parameters checked.
  static func attributes(_ arguments: ParsedArguments, _ type: QoSRuleType, isCreate: Bool) throws -> JSONObject {
    var attributes = JSONObject()
    for (option, key) in [
      ("--max-kbps", "max_kbps"), ("--max-burst-kbits", "max_burst_kbps"), ("--dscp-mark", "dscp_mark"),
      ("--min-kbps", "min_kbps"), ("--min-kpps", "min_kpps"),
    ] {
      if let value = arguments.value(option).flatMap({ Int($0) }) { attributes[key] = .int(value) }
    }
    if arguments.flag("--ingress") { attributes["direction"] = "ingress" }
    if arguments.flag("--egress") { attributes["direction"] = "egress" }
    if arguments.flag("--any") {
      guard type.name == "minimum-packet-rate" else {
        throw CommandFailure(message: "Direction \"any\" can only be used with minimum-packet-rate rule type")
      }
      attributes["direction"] = "any"
    }
    try type.check(attributes, isCreate: isCreate)
    return attributes
  }

  /// The policy and the type of its rule `id` (`_find_rule_type` over the policy's `rules`).
  static func rule(_ arguments: ParsedArguments, in context: CommandContext) throws -> (policy: String, type: QoSRuleType) {
    let policy = try NeutronResourceKind.qosPolicy.find(arguments.value("<qos-policy>") ?? "", in: context)
    let id = arguments.value("<rule-id>") ?? ""
    let rule = policy["rules"]?.array.first { $0["id"]?.string == id }
    guard let typeName = rule?["type"]?.string, let type = QoSRuleType.named(typeName.replacingEvery("_", with: "-")) else {
      throw CommandFailure(message: "Rule not found")
    }
    return (policy["id"]?.string ?? "", type)
  }

  /// The client's `Failed to <action> Network QoS rule ...: <error>` around everything it does.
  static func failing<T>(_ prefix: String, _ body: () throws -> T) throws -> T {
    do { return try body() } catch let failure as CommandFailure { throw CommandFailure(message: "\(prefix): \(failure.message)") }
  }
}

/// `openstack network qos rule create` (`CreateNetworkQosRule`).
enum NetworkQoSRuleCreate: OpenStackCommand {
  static let name = "network qos rule create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating, types: QoSRuleOptions.types)
  static let refusedOptions: Set<String> = ["--extra-property"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    guard let type = QoSRuleType.named(arguments.value("--type") ?? "") else { return .nothing }
    return try QoSRuleOptions.failing("Failed to create Network QoS rule") {
      let policy = try NeutronResourceKind.qosPolicy.findID(arguments.value("<qos-policy>") ?? "", in: context)
      let attributes = try QoSRuleOptions.attributes(arguments, type, isCreate: true)
      let created = try NeutronClient.call(
        context, .post, type.path(policy), body: .object([type.member: .object(attributes)]))
      return type.show(created[type.member] ?? .null)
    }
  }
}

/// `openstack network qos rule show` (`ShowNetworkQosRule`).
enum NetworkQoSRuleShow: OpenStackCommand {
  static let name = "network qos rule show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let id = arguments.value("<rule-id>") ?? ""
    return try QoSRuleOptions.failing("Failed to show Network QoS rule ID \"\(id)\"") {
      let (policy, type) = try QoSRuleOptions.rule(arguments, in: context)
      return type.show(try NeutronClient.call(context, .get, "\(type.path(policy))/\(id)")[type.member] ?? .null)
    }
  }
}

/// `openstack network qos rule set` (`SetNetworkQosRule`).
enum NetworkQoSRuleSet: OpenStackCommand {
  static let name = "network qos rule set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), types: QoSRuleOptions.types)
  static let refusedOptions: Set<String> = ["--extra-property"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let id = arguments.value("<rule-id>") ?? ""
    return try QoSRuleOptions.failing("Failed to set Network QoS rule ID \"\(id)\"") {
      let (policy, type) = try QoSRuleOptions.rule(arguments, in: context)
      // `_get_attrs` finds the policy again.
      _ = try NeutronResourceKind.qosPolicy.find(arguments.value("<qos-policy>") ?? "", in: context)
      let attributes = try QoSRuleOptions.attributes(arguments, type, isCreate: false)
      let path = "\(type.path(policy))/\(id)"
      // openstacksdk's `find_qos_<type>_rule` names the policy in the query too.
      _ = try NeutronClient.call(context, .get, path, query: [(name: "qos_policy_id", value: policy)])
      if !attributes.isEmpty {
        _ = try NeutronClient.call(context, .put, path, body: .object([type.member: .object(attributes)]))
      }
      return .nothing
    }
  }
}

/// `openstack network qos rule delete` (`DeleteNetworkQosRule`).
enum NetworkQoSRuleDelete: OpenStackCommand {
  static let name = "network qos rule delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let id = arguments.value("<rule-id>") ?? ""
    return try QoSRuleOptions.failing("Failed to delete Network QoS rule ID \"\(id)\"") {
      let policy = try NeutronResourceKind.qosPolicy.find(arguments.value("<qos-policy>") ?? "", in: context)
      let rule = policy["rules"]?.array.first { $0["id"]?.string == id }
      guard let type = QoSRuleType.named((rule?["type"]?.string ?? "").replacingEvery("_", with: "-")) else {
        throw CommandFailure(message: "Rule \(id) not found")
      }
      _ = try NeutronClient.call(context, .delete, "\(type.path(policy["id"]?.string ?? ""))/\(id)")
      return .nothing
    }
  }
}

/// `openstack network qos rule list` (`ListNetworkQosRule`): the policy's `rules`, a key a rule
/// lacks empty.
enum NetworkQoSRuleList: OpenStackCommand {
  static let name = "network qos rule list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let policy = try NeutronResourceKind.qosPolicy.find(arguments.value("<qos-policy>") ?? "", in: context)
    let columns = [
      ("ID", "id"), ("QoS Policy ID", "qos_policy_id"), ("Type", "type"), ("Max Kbps", "max_kbps"),
      ("Max Burst Kbits", "max_burst_kbps"), ("Min Kbps", "min_kbps"), ("Min Kpps", "min_kpps"), ("DSCP mark", "dscp_mark"),
      ("Direction", "direction"),
    ]
    let rules = policy["rules"]?.array ?? []
    return .list(columns: columns.map(\.0), rows: rules.map { rule in columns.map { rule[$0.1] ?? "" } }, names: .tuple)
  }
}
