import CloudAPI

private let rbacTypes = ["address_group", "address_scope", "security_group", "subnetpool", "qos_policy", "network"]

/// `openstack network rbac create` (`CreateNetworkRBAC`): the object found by its type, the
/// target project (or `*`).
enum NetworkRBACCreate: OpenStackCommand {
  static let name = "network rbac create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating,
    types: ["--type": .choices(rbacTypes), "--action": .choices(["access_as_external", "access_as_shared"])])
  static let refusedOptions: Set<String> = ["--extra-property"]

  /// The objects each type names, found by name or ID.
  private static let kinds: [String: NeutronResourceKind] = [
    "network": .network, "security_group": .securityGroup, "qos_policy": .qosPolicy, "address_scope": .addressScope,
    "subnetpool": .subnetPool, "address_group": .addressGroup,
  ]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let type = arguments.value("--type") ?? ""
    guard let kind = kinds[type] else {
      throw NotEmulated(what: "--type \(type)")
    }
    var attributes = NeutronAttributes(arguments)
    attributes.fields["object_type"] = .string(type)
    attributes.fields["action"] = .string(arguments.value("--action") ?? "")
    attributes.fields["object_id"] = .string(try kind.findID(arguments.value("<rbac-object>") ?? "", in: context))
    if let target = try IdentityLookup.project.id(
      "--target-project", domain: "--target-project-domain", in: arguments, context: context, sdk: true)
    {
      attributes.fields["target_tenant"] = .string(target)
    } else if arguments.flag("--target-all-projects") {
      attributes.fields["target_tenant"] = "*"
    }
    try attributes.project(in: context)
    let policy = NeutronResourceKind.rbacPolicy
    return policy.show(try policy.create(attributes.fields, in: context), in: context)
  }
}

/// `openstack network rbac show` (`ShowNetworkRBAC`).
enum NetworkRBACShow: OpenStackCommand {
  static let name = "network rbac show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let policy = NeutronResourceKind.rbacPolicy
    return policy.show(try policy.find(arguments.value("<rbac-policy>") ?? "", in: context), in: context)
  }
}

/// `openstack network rbac list` (`ListNetworkRBAC`).
enum NetworkRBACList: OpenStackCommand {
  static let name = "network rbac list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating,
    types: NeutronPaging.types.merging(["--type": .choices(rbacTypes), "--action": .choices(["access_as_external", "access_as_shared"])]) {
      _, new in new
    })
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var columns = [("ID", "id"), ("Object Type", "object_type"), ("Object ID", "object_id")]
    if arguments.flag("--long") { columns.append(("Action", "action")) }
    var query: [(name: String, value: String)] = []
    if let type = arguments.value("--type") { query.append((name: "object_type", value: type)) }
    if let action = arguments.value("--action") { query.append((name: "action", value: action)) }
    if let target = arguments.value("--target-project") {
      let project = target == "*" ? "*" : try IdentityLookup.project.sdkID(target, domain: nil, in: context)
      query.append((name: "target_tenant", value: project))
    }
    let policies = try NeutronResourceKind.rbacPolicy.list(query, paging: arguments, in: context)
    return .list(columns: columns.map(\.0), rows: policies.map { policy in columns.map { policy[$0.1] ?? .null } }, names: .tuple)
  }
}

/// `openstack network rbac delete` (`DeleteNetworkRBAC`).
enum NetworkRBACDelete: OpenStackCommand {
  static let name = "network rbac delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try NeutronResourceKind.rbacPolicy.delete(
      arguments.values("<rbac-policy>"), noun: "RBAC policy", plural: "RBAC policies", by: "ID", in: context)
  }
}

/// `openstack network rbac set` (`SetNetworkRBAC`): the policy found by ID, its target project
/// changed (a `PUT` only when one is given).
enum NetworkRBACSet: OpenStackCommand {
  static let name = "network rbac set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = ["--extra-property"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let policy = NeutronResourceKind.rbacPolicy
    let record = try policy.find(arguments.value("<rbac-policy>") ?? "", in: context)
    var attributes = JSONObject()
    if let target = arguments.value("--target-project"), !target.isEmpty {
      attributes["target_tenant"] = .string(
        try IdentityLookup.project.sdkID(target, domain: arguments.value("--target-project-domain"), in: context))
    } else {
      // The client reads the domain only to find a target project: alone it changes nothing.
      _ = arguments.value("--target-project-domain")
    }
    // The SDK sends only what changes: the same target, nothing.
    try policy.update(record, attributes.filter { record[$0.key] != $0.value }, in: context)
    return .nothing
  }
}
