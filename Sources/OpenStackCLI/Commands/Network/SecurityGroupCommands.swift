import CloudAPI

/// `openstack security group create` (`CreateSecurityGroup`): the description is the name unless
/// given.
enum SecurityGroupCreate: OpenStackCommand {
  static let name = "security group create"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(["--tag"]))
  static let refusedOptions: Set<String> = ["--extra-property"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var attributes = NeutronAttributes(arguments)
    let name = arguments.value("<name>") ?? ""
    attributes.fields["name"] = .string(name)
    attributes.fields["description"] = .string(arguments.value("--description") ?? name)
    attributes.flags("--stateful", "--stateless", "stateful")
    try attributes.project(in: context)
    let kind = NeutronResourceKind.securityGroup
    return kind.show(try NeutronTagOptions.set(try kind.create(attributes.fields, in: context), kind, arguments, in: context), in: context)
  }
}

/// `openstack security group show` (`ShowSecurityGroup`).
enum SecurityGroupShow: OpenStackCommand {
  static let name = "security group show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let kind = NeutronResourceKind.securityGroup
    return kind.show(try kind.find(arguments.value("<group>") ?? "", in: context), in: context)
  }
}

/// `openstack security group list` (`ListSecurityGroup`): six fields asked for, shown raw.
enum SecurityGroupList: OpenStackCommand {
  static let name = "security group list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating, types: NeutronPaging.types)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let fields = ["id", "name", "description", "project_id", "tags", "shared"]
    var query: [(name: String, value: String)] = fields.map { (name: "fields", value: $0) }
    if let project = try IdentityLookup.project.id(
      "--project", domain: "--project-domain", in: arguments, context: context, sdk: true)
    {
      query.append((name: "project_id", value: project))
    }
    if arguments.flag("--share") || arguments.flag("--no-share") {
      query.append((name: "shared", value: arguments.flag("--share") ? "True" : "False"))
    }
    query += NeutronTags.query(arguments)
    let groups = try NeutronResourceKind.securityGroup.list(query, paging: arguments, in: context)
    return .list(
      columns: ["ID", "Name", "Description", "Project", "Tags", "Shared"],
      rows: groups.map { group in fields.map { group[$0] ?? .null } }, names: .tuple)
  }
}

/// `openstack security group delete` (`DeleteSecurityGroup`).
enum SecurityGroupDelete: OpenStackCommand {
  static let name = "security group delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try NeutronResourceKind.securityGroup.delete(arguments.values("<group>"), noun: "security group", plural: "groups", in: context)
  }
}

/// The client's reading of a rule's protocol (`network_utils`).
enum RuleProtocol {
  static func isICMP(_ name: String?) -> Bool { ["icmp", "icmpv6", "ipv6-icmp", "1", "58"].contains(name ?? "") }

  static func isIPv6(_ name: String?) -> Bool {
    guard let name else { return false }
    return name.hasPrefix("ipv6-") || ["icmpv6", "41", "43", "44", "58", "59", "60"].contains(name)
  }

  /// `format_network_port_range`: `type=8:code=0` for ICMP, else `min:max`.
  static func portRange(_ rule: JSON) -> String {
    let low = rule["port_range_min"] ?? .null
    let high = rule["port_range_max"] ?? .null
    if isICMP(rule["protocol"]?.string) {
      return (low.isTruthy ? "type=\(PythonText.str(low))" : "") + (high.isTruthy ? ":code=\(PythonText.str(high))" : "")
    }
    guard low.isTruthy || high.isTruthy else { return "" }
    let first = PythonText.str(low == .null ? high : low)
    let last = PythonText.str(high == .null ? low : high)
    return "\(first):\(last)"
  }
}

/// `openstack security group rule create` (`CreateSecurityGroupRule`): ingress unless told,
/// the ethertype from the protocol, the whole address family as the remote unless a remote is
/// given.
enum SecurityGroupRuleCreate: OpenStackCommand {
  static let name = "security group rule create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating,
    types: ["--icmp-type": .int, "--icmp-code": .int, "--ethertype": .choices(["IPv4", "IPv6"])])
  /// Address groups are not in the cloud.
  static let refusedOptions: Set<String> = ["--extra-property", "--remote-address-group"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let groupID = try NeutronResourceKind.securityGroup.findID(arguments.value("<group>") ?? "", in: context)
    var attributes = JSONObject()
    let protocolName = arguments.value("--protocol").map { $0.lowercased() }.flatMap { $0 == "any" ? nil : $0 }
    attributes["protocol"] = protocolName.map(JSON.string) ?? .null
    if let description = arguments.value("--description") { attributes["description"] = .string(description) }
    attributes["direction"] = arguments.flag("--ingress") || !arguments.flag("--egress") ? "ingress" : "egress"
    let ethertype = arguments.value("--ethertype") ?? (RuleProtocol.isIPv6(protocolName) ? "IPv6" : "IPv4")
    attributes["ethertype"] = .string(ethertype)
    let ports = try arguments.value("--dst-port").map(portRange)
    let icmpType = arguments.value("--icmp-type").flatMap { Int($0) }
    let icmpCode = arguments.value("--icmp-code").flatMap { Int($0) }
    if ports != nil, icmpType != nil || icmpCode != nil {
      throw CommandFailure(message: "Argument --dst-port not allowed with arguments --icmp-type and --icmp-code")
    }
    if icmpType == nil, icmpCode != nil {
      throw CommandFailure(message: "Argument --icmp-type required with argument --icmp-code")
    }
    let icmp = RuleProtocol.isICMP(protocolName)
    if !icmp, (icmpType ?? 0) != 0 || (icmpCode ?? 0) != 0 {
      throw CommandFailure(message: "ICMP IP protocol required with arguments --icmp-type and --icmp-code")
    }
    if let ports, !icmp {
      attributes["port_range_min"] = .int(ports.low)
      attributes["port_range_max"] = .int(ports.high)
    }
    if let icmpType, icmpType >= 0 { attributes["port_range_min"] = .int(icmpType) }
    if let icmpCode, icmpCode >= 0 { attributes["port_range_max"] = .int(icmpCode) }
    if let remote = arguments.value("--remote-group") {
      attributes["remote_group_id"] = .string(try NeutronResourceKind.securityGroup.findID(remote, in: context))
    } else if let remote = arguments.value("--remote-ip") {
      attributes["remote_ip_prefix"] = .string(remote)
    } else {
      attributes["remote_ip_prefix"] = ethertype == "IPv4" ? "0.0.0.0/0" : "::/0"
    }
    attributes["security_group_id"] = .string(groupID)
    var project = NeutronAttributes(arguments)
    try project.project(in: context)
    for (key, value) in project.fields { attributes[key] = value }
    let kind = NeutronResourceKind.securityGroupRule
    return kind.show(try kind.create(attributes, in: context), in: context)
  }

  /// osc-lib's `RangeAction`: `22` or `8000:8080`.
  private static func portRange(_ text: String) throws -> (low: Int, high: Int) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
    switch parts.count {
    case 1: if let value = parts[0] { return (value, value) }
    case 2:
      if let low = parts[0], let high = parts[1] {
        guard low <= high else { throw CommandFailure(message: "Invalid range, \(low) is not less than \(high)", exitStatus: 2) }
        return (low, high)
      }
    default: throw CommandFailure(message: "Invalid range, too many values", exitStatus: 2)
    }
    throw CommandFailure(message: "Invalid range, \(text) is not a number", exitStatus: 2)
  }
}

/// `openstack security group rule show` (`ShowSecurityGroupRule`).
enum SecurityGroupRuleShow: OpenStackCommand {
  static let name = "security group rule show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let kind = NeutronResourceKind.securityGroupRule
    return kind.show(try kind.find(arguments.value("<rule>") ?? "", in: context), in: context)
  }
}

/// `openstack security group rule list` (`ListSecurityGroupRule`): the rules of one group, or of
/// every group with the group's column; port ranges and remote prefixes as the client writes them.
enum SecurityGroupRuleList: OpenStackCommand {
  static let name = "security group rule list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating, types: NeutronPaging.types)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    if arguments.flag("--long") { context.log("The --long option has been deprecated and is no longer needed") }
    var headers = [
      "ID", "IP Protocol", "Ethertype", "IP Range", "Port Range", "Direction", "Remote Security Group", "Remote Address Group",
    ]
    var query: [(name: String, value: String)] = []
    let group = arguments.value("<group>")
    if let group {
      query.append((name: "security_group_id", value: try NeutronResourceKind.securityGroup.findID(group, in: context)))
    } else {
      headers.append("Security Group")
    }
    if arguments.flag("--ingress") { query.append((name: "direction", value: "ingress")) }
    if arguments.flag("--egress") { query.append((name: "direction", value: "egress")) }
    if let protocolName = arguments.value("--protocol") { query.append((name: "protocol", value: protocolName.lowercased())) }
    // The client reads `--ethertype` and sends nothing for it.
    _ = arguments.value("--ethertype")
    if let project = try IdentityLookup.project.id(
      "--project", domain: "--project-domain", in: arguments, context: context, sdk: true)
    {
      query.append((name: "project_id", value: project))
    }
    let rules = try NeutronResourceKind.securityGroupRule.list(query, paging: arguments, in: context)
    return .list(
      columns: headers,
      rows: rules.map { rule in
        var prefix = rule["remote_ip_prefix"] ?? .null
        if prefix == .null { prefix = rule["ethertype"]?.string == "IPv6" ? "::/0" : rule["ethertype"]?.string == "IPv4" ? "0.0.0.0/0" : .null }
        var row: [JSON] = [
          rule["id"] ?? .null, rule["protocol"] ?? .null, rule["ethertype"] ?? .null, prefix,
          .string(RuleProtocol.portRange(rule)), rule["direction"] ?? .null, rule["remote_group_id"] ?? .null,
          rule["remote_address_group_id"] ?? .null,
        ]
        if group == nil { row.append(rule["security_group_id"] ?? .null) }
        return row
      }, names: .tuple)
  }
}

/// `openstack security group rule delete` (`DeleteSecurityGroupRule`).
enum SecurityGroupRuleDelete: OpenStackCommand {
  static let name = "security group rule delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try NeutronResourceKind.securityGroupRule.delete(
      arguments.values("<rule>"), noun: "security group rule", plural: "rules", in: context)
  }
}
