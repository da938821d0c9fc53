import CloudAPI

extension NeutronResourceKind {
  /// openstacksdk's `QoSPolicy` (`shared` shown as `shared`; its timestamps and revision come
  /// from the answer).
  static let qosPolicy = NeutronResourceKind(
    path: "qos/policies", collection: "policies", member: "policy", sdkName: "QoSPolicy",
    columns: [
      ("description", "description", .plain),
      ("id", "id", .plain),
      ("is_default", "is_default", .plain),
      ("name", "name", .plain),
      ("project_id", "project_id", .plain),
      ("rules", "rules", .plain),
      ("shared", "shared", .plain),
      ("tags", "tags", .plain),
    ],
    sdkFields: ["description", "id", "is_default", "name", "project_id", "rules", "shared", "tags", "tenant_id"])

  /// The show command's policy: its rules a line each (`RulesColumn`); create shows them raw.
  static let qosPolicyShown: NeutronResourceKind = {
    var kind = qosPolicy
    if let index = kind.columns.firstIndex(where: { $0.name == "rules" }) { kind.columns[index].format = .itemLines }
    return kind
  }()
}

/// The options the policy commands share (`_get_attrs`).
private func policyAttributes(_ arguments: ParsedArguments, in context: CommandContext) throws -> NeutronAttributes {
  var attributes = NeutronAttributes(arguments)
  attributes.text("--name", "name")
  attributes.text("--description", "description")
  attributes.flags("--share", "--no-share", "shared")
  attributes.flags("--default", "--no-default", "is_default")
  try attributes.project(in: context)
  return attributes
}

/// `openstack network qos policy create` (`CreateNetworkQosPolicy`).
enum NetworkQoSPolicyCreate: OpenStackCommand {
  static let name = "network qos policy create"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = ["--extra-property"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var attributes = try policyAttributes(arguments, in: context)
    attributes.fields["name"] = .string(arguments.value("<name>") ?? "")
    let kind = NeutronResourceKind.qosPolicy
    return kind.show(try kind.create(attributes.fields, in: context), in: context)
  }
}

/// `openstack network qos policy show` (`ShowNetworkQosPolicy`).
enum NetworkQoSPolicyShow: OpenStackCommand {
  static let name = "network qos policy show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let kind = NeutronResourceKind.qosPolicyShown
    return kind.show(try kind.find(arguments.value("<qos-policy>") ?? "", in: context), in: context)
  }
}

/// `openstack network qos policy set` (`SetNetworkQosPolicy`).
enum NetworkQoSPolicySet: OpenStackCommand {
  static let name = "network qos policy set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = ["--extra-property"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let kind = NeutronResourceKind.qosPolicy
    let policy = try kind.find(arguments.value("<qos-policy>") ?? "", in: context)
    try kind.update(policy, try policyAttributes(arguments, in: context).fields, in: context)
    return .nothing
  }
}

/// `openstack network qos policy list` (`ListNetworkQosPolicy`): `--share` and `--project`
/// become filters.
enum NetworkQoSPolicyList: OpenStackCommand {
  static let name = "network qos policy list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating, types: NeutronPaging.types)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let filters = try policyAttributes(arguments, in: context).fields
    let query = ["shared", "project_id"].compactMap { key in
      filters[key].map { (name: key, value: $0 == .bool(true) ? "True" : $0 == .bool(false) ? "False" : $0.string ?? "") }
    }
    let columns = [("ID", "id"), ("Name", "name"), ("Shared", "shared"), ("Default", "is_default"), ("Project", "project_id")]
    let policies = try NeutronResourceKind.qosPolicy.list(query, paging: arguments, in: context)
    return .list(columns: columns.map(\.0), rows: policies.map { policy in columns.map { policy[$0.1] ?? .null } }, names: .tuple)
  }
}

/// `openstack network qos policy delete` (`DeleteNetworkQosPolicy`).
enum NetworkQoSPolicyDelete: OpenStackCommand {
  static let name = "network qos policy delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let names = arguments.values("<qos-policy>")
    var failures = 0
    for name in names {
      do {
        let id = try NeutronResourceKind.qosPolicy.findID(name, in: context)
        _ = try NeutronClient.call(context, .delete, "/qos/policies/\(id)")
      } catch let failure as CommandFailure {
        failures += 1
        context.log("Failed to delete QoS policy name or ID '\(name)': \(failure.message)")
      }
    }
    if failures > 0 { throw CommandFailure(message: "\(failures) of \(names.count) QoS policies failed to delete.") }
    return .nothing
  }
}
