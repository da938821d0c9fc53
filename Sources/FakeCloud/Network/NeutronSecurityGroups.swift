import CloudAPI

/// Security groups and their rules: every project's `default` group (made the first time the
/// project needs it, with its four rules), two egress rules in each new group, rules checked and
/// refused twice as Neutron's `securitygroups_db` does.
enum NeutronSecurityGroups {
  static let groups = NeutronResource(
    table: NeutronTables.securityGroups,
    // A group shared by a policy is seen by the projects it is shared with.
    visible: { record, caller, state in
      caller.isAdmin || record["project_id"]?.string == caller.projectID
        || NeutronRBAC.grants(state, objectID: record["id"]?.string ?? "", to: caller.projectID)
    },
    create: { state, fields, _ in
      var group = fields
      let id = fields["id"]?.string ?? ""
      let project = fields["project_id"]?.string ?? ""
      if fields["name"]?.string == "default", state[NeutronTables.securityGroups].contains(where: {
        $0["project_id"]?.string == project && $0["name"]?.string == "default"
      }) {
        return .failure(.conflict("SecurityGroupDefaultAlreadyExists", "Default security group already exists."))
      }
      group["security_group_rules"] = .array(
        ["IPv4", "IPv6"].map { rule(&state, group: id, project: project, direction: "egress", ethertype: $0, time: fields["created_at"]) })
      return .success(group)
    },
    delete: { state, group, caller in
      let id = group["id"]?.string ?? ""
      if group["name"]?.string == "default", !caller.isAdmin {
        return .conflict("SecurityGroupCannotRemoveDefault", "Insufficient rights for removing default security group.")
      }
      if state[NeutronTables.ports].contains(where: { ($0["security_groups"]?.array ?? []).contains(.string(id)) }) {
        return .conflict("SecurityGroupInUse", "Security Group \(id) in use.")
      }
      state[NeutronTables.securityGroupRules].removeAll { $0["security_group_id"]?.string == id }
      return nil
    })

  static let rules = NeutronResource(
    table: NeutronTables.securityGroupRules,
    visible: { record, caller, state in
      caller.isAdmin || record["project_id"]?.string == caller.projectID
        || state.record(NeutronTables.securityGroups, record["security_group_id"]?.string ?? "")?["project_id"]?.string
          == caller.projectID
    },
    create: { state, fields, caller in createRule(&state, fields, caller) },
    delete: { state, rule, _ in
      refresh(&state, group: rule["security_group_id"]?.string ?? "", without: rule["id"]?.string)
      return nil
    },
    taggable: false)

  /// The project's `default` group's ID, made now with its rules if the project has none yet.
  static func defaultGroup(of project: String, in state: inout NetworkState, time: JSON? = nil) -> String {
    if let group = state[NeutronTables.securityGroups].first(where: {
      $0["project_id"]?.string == project && $0["name"]?.string == "default"
    }) {
      return group["id"]?.string ?? ""
    }
    let id = state.ids.uuid()
    let stamp = time ?? state.timestamp
    var rules: [JSON] = []
    for ethertype in ["IPv4", "IPv6"] {
      rules.append(rule(&state, group: id, project: project, direction: "egress", ethertype: ethertype, time: stamp, isDefault: true))
      rules.append(
        rule(&state, group: id, project: project, direction: "ingress", ethertype: ethertype, remoteGroup: id, time: stamp, isDefault: true))
    }
    state[NeutronTables.securityGroups].append(
      NeutronTables.securityGroups.complete([
        "id": .string(id), "name": "default", "tenant_id": .string(project), "description": "Default security group",
        "security_group_rules": .array(rules), "created_at": stamp, "updated_at": stamp, "revision_number": 1,
        "project_id": .string(project),
      ]))
    return id
  }

  /// A rule of a new group, stored, as the group lists it.
  private static func rule(
    _ state: inout NetworkState, group: String, project: String, direction: String, ethertype: String, remoteGroup: String? = nil,
    time: JSON?, isDefault: Bool = false
  ) -> JSON {
    let record = NeutronTables.securityGroupRules.complete([
      "id": .string(state.ids.uuid()), "tenant_id": .string(project), "security_group_id": .string(group),
      "ethertype": .string(ethertype), "direction": .string(direction), "remote_group_id": .orNull(remoteGroup),
      "belongs_to_default_sg": .bool(isDefault), "created_at": time ?? .null, "updated_at": time ?? .null,
      "project_id": .string(project),
    ])
    state[NeutronTables.securityGroupRules].append(record)
    return .object(record)
  }

  /// The protocol names Neutron knows, and their numbers.
  private static let protocols: [String: Int] = [
    "ah": 51, "dccp": 33, "egp": 8, "esp": 50, "gre": 47, "icmp": 1, "icmpv6": 58, "igmp": 2, "ipip": 4, "ipv6-encap": 41,
    "ipv6-frag": 44, "ipv6-icmp": 58, "ipv6-nonxt": 59, "ipv6-opts": 60, "ipv6-route": 43, "ospf": 89, "pgm": 113,
    "rsvp": 46, "sctp": 132, "tcp": 6, "udp": 17, "udplite": 136, "vrrp": 112,
  ]

  /// `create_security_group_rule`: the group found, the protocol and ports read, the remote
  /// prefix normalised and matched with the ethertype, a duplicate refused.
  private static func createRule(_ state: inout NetworkState, _ fields: JSONObject, _ caller: Caller) -> Result<JSONObject, ResourceFault> {
    var rule = fields
    let groupID = fields["security_group_id"]?.string ?? ""
    guard let group = state.record(NeutronTables.securityGroups, groupID), groups.visible(group, caller, state) else {
      return .failure(NeutronTables.securityGroups.notFound(groupID))
    }
    if let protocolName = fields["protocol"]?.string {
      if protocols[protocolName.lowercased()] == nil, Int(protocolName).map({ !(0...255).contains($0) }) ?? true {
        return .failure(
          ResourceFault(
            status: 400, type: "SecurityGroupRuleInvalidProtocol",
            message:
              "Security group rule protocol \(protocolName) not supported. Only protocol values [None, 'ah', 'dccp', 'egp', 'esp', 'gre', 'hopopt', 'icmp', 'igmp', 'ip', 'ipip', 'ipv6-encap', 'ipv6-frag', 'ipv6-icmp', 'icmpv6', 'ipv6-nonxt', 'ipv6-opts', 'ipv6-route', 'ospf', 'pgm', 'rsvp', 'sctp', 'tcp', 'udp', 'udplite', 'vrrp'] and integer representations [0 to 255] are supported."
          ))
      }
    }
    let low = fields["port_range_min"]?.integer
    let high = fields["port_range_max"]?.integer
    if let low, let high, low > high, ["tcp", "udp", "6", "17"].contains(fields["protocol"]?.string ?? "") {
      return .failure(
        ResourceFault(
          status: 400, type: "SecurityGroupInvalidPortRange",
          message: "For TCP/UDP protocols, port_range_min must be <= port_range_max"))
    }
    if (low != nil || high != nil), fields["protocol"] == nil || fields["protocol"] == .null {
      return .failure(
        ResourceFault(
          status: 400, type: "SecurityGroupProtocolRequiredWithPorts",
          message: "Must also specify protocol if port range is given."))
    }
    let ethertype = fields["ethertype"]?.string ?? "IPv4"
    if let prefix = fields["remote_ip_prefix"]?.string {
      let cidrText = prefix.contains("/") ? prefix : prefix + (prefix.contains(":") ? "/128" : "/32")
      guard let address = IPValue(String(cidrText.split(separator: "/")[0])), let length = Int(cidrText.split(separator: "/").last ?? ""),
        (0...(address.version == 4 ? 32 : 128)).contains(length)
      else {
        // `convert_ip_prefix_to_cidr` runs before any validator: what netaddr cannot read is
        // its `InvalidCIDR`.
        return .failure(ResourceFault(status: 400, type: "InvalidCIDR", message: "Invalid CIDR \(prefix) given as IP prefix."))
      }
      let cidr = IPCIDR(address: address, prefixLength: length)
      if (cidr.version == 4) != (ethertype == "IPv4") {
        return .failure(
          ResourceFault(
            status: 400, type: "SecurityGroupRuleParameterConflict",
            message: "Conflicting value ethertype \(ethertype) for CIDR \(prefix)"))
      }
      rule["remote_ip_prefix"] = .string("\(cidr.first.text)/\(length)")
      rule["normalized_cidr"] = .string("\(cidr.first.text)/\(length)")
    }
    let keys = ["direction", "ethertype", "protocol", "port_range_min", "port_range_max", "remote_ip_prefix", "remote_group_id"]
    if let duplicate = state[NeutronTables.securityGroupRules].first(where: { existing in
      existing["security_group_id"]?.string == groupID && keys.allSatisfy { (existing[$0] ?? .null) == (rule[$0] ?? .null) }
    }) {
      return .failure(
        .conflict("SecurityGroupRuleExists", "Security group rule already exists. Rule id is \(duplicate["id"]?.string ?? "").")
      )
    }
    rule["belongs_to_default_sg"] = .bool(group["name"]?.string == "default")
    refresh(&state, group: groupID, adding: .object(NeutronTables.securityGroupRules.complete(rule)))
    return .success(rule)
  }

  /// The group's embedded rules after a rule is added or deleted.
  private static func refresh(_ state: inout NetworkState, group id: String, adding rule: JSON? = nil, without ruleID: String? = nil) {
    guard var group = state.record(NeutronTables.securityGroups, id) else { return }
    var rules = (group["security_group_rules"]?.array ?? []).filter { $0["id"]?.string != ruleID }
    if let rule { rules.append(rule) }
    group["security_group_rules"] = .array(rules)
    group["revision_number"] = .int((group["revision_number"]?.integer ?? 0) + 1)
    state.update(NeutronTables.securityGroups, group)
  }
}
