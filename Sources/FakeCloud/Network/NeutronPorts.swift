import CloudAPI

/// The ML2 plugin's logic for ports: a MAC address, fixed IPs from IPAM, the project's default
/// security group.
enum NeutronPorts {
  /// A port Neutron makes for itself (`network:dhcp`, `network:distributed`, `network:router_*`,
  /// `network:floatingip`).
  static func isNetworkOwned(_ port: JSONObject) -> Bool {
    port["device_owner"]?.string?.hasPrefix("network:") ?? false
  }

  static let ports = NeutronResource(
    table: NeutronTables.ports,
    visible: { record, caller, state in
      // A port on a network the caller owns is theirs to see too (`get_port` with `network_owner`).
      caller.isAdmin || record["project_id"]?.string == caller.projectID
        || state.record(NeutronTables.networks, record["network_id"]?.string ?? "")?["project_id"]?.string == caller.projectID
    },
    create: { state, fields, caller in createPort(&state, fields, caller) },
    update: { state, port, changes, _ in
      var record = port
      for (key, value) in changes { record[key] = value }
      if let given = changes["allowed_address_pairs"] {
        record["allowed_address_pairs"] = pairs(given, mac: record["mac_address"]?.string ?? "")
      }
      if let given = changes["extra_dhcp_opts"] {
        record["extra_dhcp_opts"] = dhcpOptions(given, onto: port["extra_dhcp_opts"]?.array ?? [])
      }
      if let groups = changes["security_groups"], let fault = checkGroups(groups, state) { return .failure(fault) }
      return .success(record)
    },
    delete: { state, port, _ in
      let id = port["id"]?.string ?? ""
      if port["device_owner"]?.string == "network:router_interface" {
        return .conflict(
          "ServicePortInUse", "Port \(id) cannot be deleted directly via the port API: has device owner network:router_interface.")
      }
      // A trunk's ports go with the trunk (`enforce_port_deletion_rules`).
      for trunk in state[NeutronTables.trunks] {
        let trunkID = trunk["id"]?.string ?? ""
        if trunk["port_id"]?.string == id {
          return .conflict("PortInUseAsTrunkParent", "Port \(id) is currently a parent port for trunk \(trunkID).")
        }
        if (trunk["sub_ports"]?.array ?? []).contains(where: { $0["port_id"]?.string == id }) {
          return .conflict("PortInUseAsSubPort", "Port \(id) is currently a subport for trunk \(trunkID).")
        }
      }
      // Its floating IPs are let go.
      for var floating in state[NeutronTables.floatingIPs] where floating["port_id"]?.string == id {
        NeutronRouters.disassociate(&floating)
        state.update(NeutronTables.floatingIPs, floating)
      }
      return nil
    },
    shown: { port, state, _ in trunkDetails(port, state) },
    filters: ["fixed_ips": fixedIPsFilter])

  /// `fixed_ips=ip_address=A`, `subnet_id=S`, `ip_address_substr=T` (each `key=value`, keys
  /// repeating): a port with one fixed IP that is any of the addresses, on any of the subnets and
  /// holds the text (`_get_ports_query`'s one join on the allocations).
  private static func fixedIPsFilter(_ values: [String]) -> Result<@Sendable (JSONObject) -> Bool, ResourceFault> {
    var wanted: [String: [String]] = [:]
    for value in values {
      guard let equals = value.firstIndex(of: "=") else {
        return .failure(.invalidInput("'\(value)' is not of the form <key>=[value]"))
      }
      wanted[String(value[..<equals]), default: []].append(String(value[value.index(after: equals)...]))
    }
    let (addresses, subnets, parts) = (wanted["ip_address"], wanted["subnet_id"], wanted["ip_address_substr"])
    return .success { port in
      (port["fixed_ips"]?.array ?? []).contains { fixed in
        let address = fixed["ip_address"]?.string ?? ""
        return addresses.map { $0.contains(address) } ?? true
          && subnets.map { $0.contains(fixed["subnet_id"]?.string ?? "") } ?? true
          && parts.map { $0.allSatisfy { address.contains($0) } } ?? true
      }
    }
  }

  /// The trunk extension's `trunk_details` on a trunk's parent port: the trunk, and each
  /// subport with its segmentation and MAC address (`_extend_port_trunk_details`).
  private static func trunkDetails(_ port: JSONObject, _ state: NetworkState) -> JSONObject {
    guard let trunk = state[NeutronTables.trunks].first(where: { $0["port_id"] == port["id"] }) else { return port }
    var port = port
    let subports: [JSON] = (trunk["sub_ports"]?.array ?? []).map { subport in
      let mac = state.record(NeutronTables.ports, subport["port_id"]?.string ?? "")?["mac_address"] ?? .null
      return .object([
        "segmentation_id": subport["segmentation_id"] ?? .null, "segmentation_type": subport["segmentation_type"] ?? .null,
        "port_id": subport["port_id"] ?? .null, "mac_address": mac,
      ])
    }
    port["trunk_details"] = .object(["trunk_id": trunk["id"] ?? .null, "sub_ports": .array(subports)])
    return port
  }

  /// The `extra_dhcp_opt` extension's options: each given one replaces the option of its name and
  /// IP version (IPv4 unless given), or is added; one without a value goes.
  private static func dhcpOptions(_ given: JSON?, onto current: [JSON]) -> JSON {
    var options = current
    for option in given?.array ?? [] {
      let name = option["opt_name"] ?? .null
      let version: Int = option["ip_version"]?.integer ?? option["ip_version"]?.string.flatMap { Int($0) } ?? 4
      options.removeAll { $0["opt_name"] == name && $0["ip_version"]?.integer == version }
      guard let value = option["opt_value"], value != .null else { continue }
      options.append(.object(["opt_name": name, "opt_value": value, "ip_version": .int(version)]))
    }
    return .array(options)
  }

  /// Allowed address pairs, each without a MAC given the port's (as Neutron stores them).
  private static func pairs(_ given: JSON?, mac: String) -> JSON {
    .array(
      (given?.array ?? []).map { pair in
        var pair = pair.object
        if pair["mac_address"] == nil || pair["mac_address"] == .null { pair["mac_address"] = .string(mac) }
        return .object(pair)
      })
  }

  private static func checkGroups(_ groups: JSON, _ state: NetworkState) -> ResourceFault? {
    for group in groups.array {
      let id = group.string ?? ""
      if state.record(NeutronTables.securityGroups, id) == nil { return NeutronTables.securityGroups.notFound(id) }
    }
    return nil
  }

  /// `create_port`: the network found, a MAC not in use on it, the fixed IPs asked for or one
  /// address from the network's first IPv4 subnet with room and every SLAAC subnet, the
  /// project's default security group when none is given.
  static func createPort(_ state: inout NetworkState, _ fields: JSONObject, _ caller: Caller) -> Result<JSONObject, ResourceFault> {
    var record = fields
    let networkID = fields["network_id"]?.string ?? ""
    guard let network = state.record(NeutronTables.networks, networkID), NeutronNetworks.networks.visible(network, caller, state)
    else { return .failure(NeutronTables.networks.notFound(networkID)) }
    let onNetwork = state[NeutronTables.ports].filter { $0["network_id"]?.string == networkID }
    let mac: String
    if let given = fields["mac_address"]?.string {
      mac = given.lowercased()
      if onNetwork.contains(where: { $0["mac_address"]?.string == mac }) {
        return .failure(
          .conflict("MacAddressInUse", "Unable to complete operation for network \(networkID). The mac address \(mac) is in use."))
      }
    } else {
      mac = state.ids.mac()
    }
    record["mac_address"] = .string(mac)
    record["allowed_address_pairs"] = pairs(fields["allowed_address_pairs"], mac: mac)
    record["extra_dhcp_opts"] = dhcpOptions(fields["extra_dhcp_opts"], onto: [])
    switch fixedIPs(fields["fixed_ips"], on: networkID, mac: mac, state) {
    case .success(let ips): record["fixed_ips"] = .array(ips)
    case .failure(let fault): return .failure(fault)
    }
    let security = fields["port_security_enabled"] ?? network["port_security_enabled"] ?? true
    record["port_security_enabled"] = security
    if let groups = fields["security_groups"] {
      if let fault = checkGroups(groups, state) { return .failure(fault) }
    } else if security == .bool(true), !isNetworkOwned(fields) {
      let project = fields["project_id"]?.string ?? caller.projectID
      record["security_groups"] = .array([.string(NeutronSecurityGroups.defaultGroup(of: project, in: &state))])
    } else {
      record["security_groups"] = .array([])
    }
    record["status"] = "DOWN"
    return .success(record)
  }

  /// The port's fixed IPs: each asked for (`subnet_id`, `ip_address`, or both) checked against
  /// the network's subnets, or IPAM's choice.
  static func fixedIPs(_ asked: JSON?, on networkID: String, mac: String, _ state: NetworkState) -> Result<[JSON], ResourceFault> {
    let subnets = state[NeutronTables.subnets].filter { $0["network_id"]?.string == networkID }
    var used = NeutronIPAM.usedAddresses(in: state)
    var ips: [JSON] = []
    func take(_ subnet: JSONObject, _ address: String?) -> ResourceFault? {
      switch NeutronIPAM.address(on: subnet, asked: address, mac: mac, used: used, networkID: networkID) {
      case .success(let address):
        used.insert(address)
        ips.append(.object(["subnet_id": subnet["id"] ?? .null, "ip_address": .string(address)]))
        return nil
      case .failure(let fault): return fault
      }
    }
    if let asked, asked != .null {
      for item in asked.array {
        let subnetID = item["subnet_id"]?.string
        let address = item["ip_address"]?.string
        let subnet: JSONObject?
        if let subnetID {
          subnet = subnets.first { $0["id"]?.string == subnetID }
          guard subnet != nil else {
            return .failure(
              ResourceFault(
                status: 400, type: "InvalidInput",
                message: "Invalid input for operation: Failed to create port on network \(networkID), because fixed_ips included invalid subnet \(subnetID)."
              ))
          }
        } else if let address, let value = IPValue(address) {
          subnet = subnets.first { subnet in
            (try? IPCIDR.parse(subnet["cidr"]?.string ?? "").get())?.contains(value) ?? false
          }
          guard subnet != nil else {
            return .failure(
              ResourceFault(
                status: 400, type: "InvalidIpForNetwork",
                message: "IP address \(address) is not a valid IP for any of the subnets on the specified network."))
          }
        } else {
          return .failure(.invalidInput("IP allocation requires subnet_id or ip_address"))
        }
        if let subnet, let fault = take(subnet, address) { return .failure(fault) }
      }
      return .success(ips)
    }
    // One IPv4 address (the first subnet with room), and each SLAAC subnet's address.
    var lastFault: ResourceFault? = nil
    var hasV4 = false
    for subnet in subnets where subnet["ip_version"]?.integer == 4 && !hasV4 {
      if let fault = take(subnet, nil) { lastFault = fault } else { hasV4 = true }
    }
    if !hasV4, let lastFault { return .failure(lastFault) }
    for subnet in subnets where subnet["ip_version"]?.integer == 6 {
      if let fault = take(subnet, nil) { return .failure(fault) }
    }
    return .success(ips)
  }
}
