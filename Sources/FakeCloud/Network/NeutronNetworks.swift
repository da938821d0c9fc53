import CloudAPI

/// The ML2 plugin's logic for networks and subnets.
enum NeutronNetworks {
  /// Attributes only an admin may give a network (neutron's policy: `create_network:<attr>`).
  private static let adminAttributes = [
    "shared", "router:external", "provider:network_type", "provider:physical_network", "provider:segmentation_id",
    "is_default",
  ]

  /// `(rule:create_network and rule:create_network:shared) is disallowed by policy`, 403.
  static func policyFault(_ action: String, _ attribute: String?) -> ResourceFault {
    let rule = attribute.map { "(rule:\(action) and rule:\(action):\($0))" } ?? "rule:\(action)"
    return ResourceFault(status: 403, type: "PolicyNotAuthorized", message: "\(rule) is disallowed by policy")
  }

  static let networks = NeutronResource(
    table: NeutronTables.networks,
    visible: { record, caller, state in
      caller.isAdmin || record["project_id"]?.string == caller.projectID || record["shared"] == .bool(true)
        || record["router:external"] == .bool(true)
        || NeutronRBAC.grants(state, objectID: record["id"]?.string ?? "", to: caller.projectID)
    },
    create: { state, fields, caller in
      var record = fields
      if !caller.isAdmin, let attribute = adminAttributes.first(where: { fields[$0] != nil && fields[$0] != .bool(false) }) {
        return .failure(policyFault("create_network", attribute))
      }
      let type = fields["provider:network_type"]?.string ?? "geneve"
      record["provider:network_type"] = .string(type)
      switch NeutronSegments.reserve(
        type: type, physicalNetwork: fields["provider:physical_network"]?.string,
        segmentationID: fields["provider:segmentation_id"]?.integer, in: state)
      {
      case .success(let segmentationID): record["provider:segmentation_id"] = segmentationID.map(JSON.int) ?? .null
      case .failure(let fault): return .failure(fault)
      }
      if record["mtu"] == nil || record["mtu"] == .null { record["mtu"] = type == "geneve" ? 1442 : 1500 }
      record["status"] = "ACTIVE"
      record["availability_zones"] = .array([])
      NeutronSegments.addSegment(of: record, to: &state)
      // `create_network_db` and `_process_l3_create`: the wildcard policies of a shared or an
      // external network.
      if record["shared"] == .bool(true) { NeutronRBAC.addWildcard(&state, network: record, action: NeutronRBAC.shared) }
      if record["router:external"] == .bool(true) { NeutronRBAC.addWildcard(&state, network: record, action: NeutronRBAC.external) }
      return .success(record)
    },
    update: { state, record, changes, caller in
      if !caller.isAdmin, let attribute = adminAttributes.first(where: { changes[$0] != nil }) {
        return .failure(policyFault("update_network", attribute))
      }
      let id = record["id"]?.string ?? ""
      if let value = changes["shared"], value != .null {
        let share = value == .bool(true)
        let wasShared = NeutronRBAC.hasWildcard(state, objectID: id, action: NeutronRBAC.shared)
        if wasShared, !share {
          if let fault = checkUnshare(state, record) { return .failure(fault) }
          state[NeutronTables.rbacPolicies].removeAll {
            $0["object_id"]?.string == id && $0["action"]?.string == NeutronRBAC.shared && $0["target_tenant"]?.string == "*"
          }
        } else if share, !wasShared {
          NeutronRBAC.addWildcard(&state, network: record, action: NeutronRBAC.shared)
        }
      }
      // `_process_l3_update`.
      if let value = changes["router:external"], value != .null, (value == .bool(true)) != (record["router:external"] == .bool(true)) {
        let external = value == .bool(true)
        if external {
          NeutronRBAC.addWildcard(&state, network: record, action: NeutronRBAC.external)
        } else {
          if state[NeutronTables.ports].contains(where: { $0["network_id"]?.string == id && $0["device_owner"]?.string == "network:router_gateway" }) {
            return .failure(
              .conflict(
                "ExternalNetworkInUse",
                "External network \(id) cannot be updated to be made non-external, since it has existing gateway ports."))
          }
          state[NeutronTables.rbacPolicies].removeAll { $0["object_id"]?.string == id && $0["action"]?.string == NeutronRBAC.external }
        }
      }
      var record = record
      for (key, value) in changes { record[key] = value }
      return .success(record)
    },
    delete: { state, network, _ in
      let id = network["id"]?.string ?? ""
      let ports = state[NeutronTables.ports].filter { $0["network_id"]?.string == id }
      // The ports Neutron owns itself (the metadata port, DHCP) go with the network.
      guard ports.allSatisfy({ NeutronPorts.isNetworkOwned($0) && $0["device_owner"]?.string != "network:router_interface" })
      else {
        return .conflict(
          "NetworkInUse", "Unable to complete operation on network \(id). There are one or more ports still in use on the network.")
      }
      state[NeutronTables.ports].removeAll { $0["network_id"]?.string == id }
      state[NeutronTables.subnets].removeAll { $0["network_id"]?.string == id }
      state[NeutronTables.rbacPolicies].removeAll { $0["object_id"]?.string == id }
      state[NeutronTables.segments].removeAll { $0["network_id"]?.string == id }
      return nil
    },
    shown: { network, state, caller in
      // `_is_network_shared`: shared with everyone or with the caller's project.
      var shown = withAddressScopes(network, state)
      let shared = JSON.bool(NeutronRBAC.sharesWith(state, objectID: network["id"]?.string ?? "", project: caller.projectID))
      // Set only when it differs: the record is the table's, and a change copies its members.
      if shown["shared"] != shared { shown["shared"] = shared }
      return shown
    })

  /// `_validate_shared_update`: a network stops being shared only if each project other than
  /// its owner that has ports (other than the network's own) or subnets on it has a policy of
  /// its own (`InvalidSharedSetting`, naming the network by its name).
  private static func checkUnshare(_ state: NetworkState, _ network: JSONObject) -> ResourceFault? {
    let id = network["id"]?.string ?? ""
    let owner = network["project_id"]?.string ?? ""
    let ports = state[NeutronTables.ports].filter { $0["network_id"]?.string == id && !($0["device_owner"]?.string ?? "").hasPrefix("network:") }
    let subnets = state[NeutronTables.subnets].filter { $0["network_id"]?.string == id }
    let projects = Set((ports + subnets).compactMap { $0["project_id"]?.string })
    guard projects.count > 1 || (projects.count == 1 && !projects.contains(owner)) else { return nil }
    let allowed = Set(
      NeutronRBAC.policies(state, objectID: id, action: NeutronRBAC.shared).compactMap { $0["target_tenant"]?.string }.filter { $0 != "*" }
        + [owner])
    guard !projects.subtracting(allowed).isEmpty else { return nil }
    return .conflict(
      "InvalidSharedSetting",
      "Unable to reconfigure sharing settings for network \(network["name"]?.string ?? ""). Multiple projects are using it.")
  }

  /// The address-scope extension's `ipv4_address_scope` and `ipv6_address_scope`
  /// (`get_network_address_scope`): the scope of the pool of the network's first subnet of that
  /// IP version whose pool has one.
  @Sendable static func withAddressScopes(_ network: JSONObject, _ state: NetworkState) -> JSONObject {
    let id = network["id"]?.string
    let subnets = state[NeutronTables.subnets].filter { $0["network_id"]?.string == id && $0["subnetpool_id"] != .null }
    guard !subnets.isEmpty else { return network }
    var shown = network
    for (version, key) in [(4, "ipv4_address_scope"), (6, "ipv6_address_scope")] {
      let scope = subnets.lazy.filter { $0["ip_version"] == .int(version) }.compactMap { subnet in
        state[NeutronTables.subnetPools].first { $0["id"] == subnet["subnetpool_id"] }?["address_scope_id"]
      }.first { $0 != .null }
      if let scope { shown[key] = scope }
    }
    return shown
  }

  static let subnets = NeutronResource(
    table: NeutronTables.subnets,
    visible: { record, caller, state in
      guard let network = state.record(NeutronTables.networks, record["network_id"]?.string ?? "") else { return false }
      return networks.visible(network, caller, state)
    },
    create: createSubnet,
    update: { state, record, changes, _ in
      let old = record
      var record = record
      for (key, value) in changes where key != "allocation_pools" { record[key] = value }
      if changes["segment_id"] != nil, let fault = NeutronSegments.checkSubnet(record, in: state, updating: old) {
        return .failure(fault)
      }
      if let pools = changes["allocation_pools"], case .success(let cidr) = IPCIDR.parse(record["cidr"]?.string ?? "") {
        let gateway = record["gateway_ip"]?.string.flatMap(IPValue.init)
        switch NeutronIPAM.readPools(pools, cidr: cidr, cidrText: record["cidr"]?.string ?? "", gateway: gateway) {
        case .success(let ranges): record["allocation_pools"] = NeutronIPAM.poolsJSON(ranges)
        case .failure(let fault): return .failure(fault)
        }
      }
      return .success(record)
    },
    delete: { state, subnet, _ in
      let id = subnet["id"]?.string ?? ""
      let holding = state[NeutronTables.ports].filter { port in
        (port["fixed_ips"]?.array ?? []).contains { $0["subnet_id"]?.string == id }
      }
      guard holding.allSatisfy({ NeutronPorts.isNetworkOwned($0) && $0["device_owner"]?.string != "network:router_interface" })
      else {
        return .conflict(
          "SubnetInUse", "Unable to complete operation on subnet \(id): One or more ports have an IP allocation from this subnet.")
      }
      // The network's own ports give up their addresses on it.
      for var port in holding {
        port["fixed_ips"] = .array((port["fixed_ips"]?.array ?? []).filter { $0["subnet_id"]?.string != id })
        state.update(NeutronTables.ports, port)
      }
      if var network = state.record(NeutronTables.networks, subnet["network_id"]?.string ?? "") {
        network["subnets"] = .array((network["subnets"]?.array ?? []).filter { $0.string != id })
        state.update(NeutronTables.networks, network)
      }
      return nil
    })

  /// `_validate_subnet_for_pd`: IPv6, with SLAAC or stateless DHCPv6 both ways.
  private static func checkPrefixDelegation(_ fields: JSONObject) -> ResourceFault? {
    let modes: [JSON] = ["slaac", "dhcpv6-stateless"]
    if fields["ip_version"]?.integer != 6 {
      return .badRequest("Bad subnets request: Prefix Delegation can only be used with IPv6 subnets..")
    }
    if !modes.contains(fields["ipv6_ra_mode"] ?? .null) {
      return .badRequest("Bad subnets request: IPv6 RA Mode must be SLAAC or Stateless for Prefix Delegation..")
    }
    if !modes.contains(fields["ipv6_address_mode"] ?? .null) {
      return .badRequest("Bad subnets request: IPv6 Address Mode must be SLAAC or Stateless for Prefix Delegation..")
    }
    return nil
  }

  /// `create_subnet`: the network found, the CIDR read against the IP version and the network's
  /// other subnets, the gateway (the first address unless given, none for `null`) and the pools
  /// around it; the network lists the subnet.
  private static func createSubnet(_ state: inout NetworkState, _ fields: JSONObject, _ caller: Caller) -> Result<JSONObject, ResourceFault> {
    var record = fields
    let networkID = fields["network_id"]?.string ?? ""
    guard var network = state.record(NeutronTables.networks, networkID), networks.visible(network, caller, state) else {
      return .failure(NeutronTables.networks.notFound(networkID))
    }
    if !caller.isAdmin, network["project_id"] != .string(caller.projectID),
      !NeutronRBAC.sharesWith(state, objectID: networkID, project: caller.projectID)
    {
      return .failure(
        ResourceFault(status: 404, type: "NetworkNotFound", message: "Network \(networkID) could not be found."))
    }
    let version = fields["ip_version"]?.integer ?? 4
    var poolID = fields["subnetpool_id"]?.string
    if fields["use_default_subnetpool"] == .bool(true) {
      guard let pool = state[NeutronTables.subnetPools].first(where: { $0["is_default"] == .bool(true) && $0["ip_version"]?.integer == version })
      else { return .failure(.badRequest("No default subnetpool found for IPv\(version)")) }
      poolID = pool["id"]?.string
    }
    var cidrFromPool: String? = nil
    // Prefix delegation: without a CIDR, the provisional `::/64` until a prefix is delegated;
    // with one, an ordinary subnet.
    if poolID == "prefix_delegation" {
      if fields["cidr"]?.string != nil {
        poolID = nil
        record["subnetpool_id"] = .null
      } else {
        if let fault = checkPrefixDelegation(fields) { return .failure(fault) }
        cidrFromPool = "::/64"
        poolID = nil
      }
    }
    if let poolID {
      guard let pool = state.record(NeutronTables.subnetPools, poolID), NeutronSubnetPools.pools.visible(pool, caller, state) else {
        return .failure(NeutronTables.subnetPools.notFound(poolID))
      }
      switch NeutronSubnetPools.allocate(fields, pool: pool, state: state) {
      case .success(let cidr): cidrFromPool = cidr
      case .failure(let fault): return .failure(fault)
      }
      record["subnetpool_id"] = .string(poolID)
    }
    guard let cidrText = cidrFromPool ?? fields["cidr"]?.string else {
      return .failure(.badRequest("A cidr must be specified in the absence of a subnet pool"))
    }
    record["cidr"] = .string(cidrText)
    if let fault = NeutronSegments.checkSubnet(record, in: state) { return .failure(fault) }
    guard case .success(let cidr) = IPCIDR.parse(cidrText) else { return .failure(.badRequest("Invalid CIDR")) }
    guard cidr.version == version else {
      return .failure(.invalidInput("cidr '\(cidrText)' does not match the ip_version '\(version)'"))
    }
    for other in state[NeutronTables.subnets] where other["network_id"]?.string == networkID {
      if case .success(let existing) = IPCIDR.parse(other["cidr"]?.string ?? ""), existing.overlaps(cidr) {
        return .failure(
          .invalidInput("Requested subnet with cidr: \(cidrText) for network: \(networkID) overlaps with another subnet"))
      }
    }
    var gateway: IPValue? = cidr.first.adding(1)
    if let given = fields["gateway_ip"] {
      gateway = given.string.flatMap(IPValue.init)
      if let gateway, !cidr.contains(gateway) || gateway == cidr.first || (version == 4 && gateway == cidr.last) {
        return .failure(.invalidInput("Gateway is not valid on subnet"))
      }
    }
    record["gateway_ip"] = .orNull(gateway?.text)
    if let given = fields["allocation_pools"], given != .null {
      switch NeutronIPAM.readPools(given, cidr: cidr, cidrText: cidrText, gateway: gateway) {
      case .success(let pools): record["allocation_pools"] = NeutronIPAM.poolsJSON(pools)
      case .failure(let fault): return .failure(fault)
      }
    } else {
      record["allocation_pools"] = NeutronIPAM.poolsJSON(cidr.pools(gateway: gateway))
    }
    network["subnets"] = .array((network["subnets"]?.array ?? []) + [record["id"] ?? .null])
    state.update(NeutronTables.networks, network)
    return .success(record)
  }
}
