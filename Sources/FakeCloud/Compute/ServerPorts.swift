import CloudAPI

/// A server's ports are Neutron's ports, as Nova's network API makes them: at build a port on
/// each network asked for (device the server, owner `compute:<zone>`, bound to the host, the
/// server's security groups, fixed IPs from Neutron's IPAM) and the ports given bound; on delete
/// the ports Nova made deleted and the others unbound. The server's addresses are its ports'
/// fixed IPs and their floating IPs (Nova's network info cache, refreshed on each Neutron change
/// as Neutron's notifications to Nova refresh it).
enum ServerPorts {
  /// A NIC of `POST /servers` (`networks`), in the order asked.
  enum Request {
    case network(id: String, fixedIP: String?)
    case port(id: String)
  }

  /// `allocate_for_instance`, once the server has a host: each NIC's port, in order. A port
  /// Nova cannot make leaves the server without it (the build goes on, as the fake's builds do).
  static func allocate(for serverID: String, host: String, zone: String, in state: inout CloudState) {
    guard let server = state.compute.servers.first(where: { $0.id == serverID }) else { return }
    var interfaces: [ComputeState.Interface] = []
    for nic in server.request.nics {
      switch nic {
      case .port(let portID):
        bind(portID, to: server, host: host, zone: zone, in: &state.network)
        interfaces.append(.init(portID: portID, preexisting: true))
      case .network(let networkID, let fixedIP):
        // Drawn from Nova's stream for each NIC, as the addresses' MACs always were.
        let mac = state.ids.mac()
        let groups = securityGroupIDs(server.request.securityGroups, project: server.projectID, in: &state.network)
        if case .success(let portID) = createPort(
          on: networkID, fixedIP: fixedIP, for: server, host: host, zone: zone, mac: mac, securityGroups: groups,
          in: &state.network)
        {
          interfaces.append(.init(portID: portID, preexisting: false))
        }
      }
    }
    guard let index = state.compute.servers.firstIndex(where: { $0.id == serverID }) else { return }
    state.compute.servers[index].interfaces = interfaces
    refreshNetworkInfo(&state)
  }

  /// The IDs of the server's security groups (names as Nova keeps them) in its project; the
  /// project's default group made if it has none yet.
  static func securityGroupIDs(_ names: [String], project: String, in network: inout NetworkState) -> [String] {
    names.compactMap { name in
      if name == "default" { return NeutronSecurityGroups.defaultGroup(of: project, in: &network) }
      return network[NeutronTables.securityGroups].first {
        ($0["id"]?.string == name || $0["name"]?.string == name) && $0["project_id"]?.string == project
      }?["id"]?.string
    }
  }

  /// `_create_port_minimal` and the binding update after it: a port of the server's project on
  /// the network, the fixed IP asked for (with the SLAAC addresses Neutron adds to it) or IPAM's
  /// choice, bound to the host.
  static func createPort(
    on networkID: String, fixedIP: String?, for server: ComputeState.Server, host: String, zone: String, mac: String,
    securityGroups: [String]?, in network: inout NetworkState
  ) -> Result<String, ResourceFault> {
    guard let record = network.record(NeutronTables.networks, networkID) else {
      return .failure(NeutronTables.networks.notFound(networkID))
    }
    let security = record["port_security_enabled"] ?? true
    var asked: JSON? = nil
    if let fixedIP {
      var items: [JSON] = [.object(["ip_address": .string(fixedIP)])]
      for subnet in network[NeutronTables.subnets]
      where subnet["network_id"]?.string == networkID && NeutronIPAM.isSLAAC(subnet) {
        items.append(.object(["subnet_id": subnet["id"] ?? .null]))
      }
      asked = .array(items)
    }
    let ips: [JSON]
    switch NeutronPorts.fixedIPs(asked, on: networkID, mac: mac, network) {
    case .success(let given): ips = given
    case .failure(let fault): return .failure(fault)
    }
    let id = network.serverPortIDs.uuid()
    let groups: [JSON] =
      security == .bool(true)
      ? (securityGroups ?? [NeutronSecurityGroups.defaultGroup(of: server.projectID, in: &network)]).map(JSON.string) : []
    network[NeutronTables.ports].append(
      NeutronTables.ports.complete([
        "id": .string(id), "name": "", "network_id": .string(networkID), "tenant_id": .string(server.projectID),
        "project_id": .string(server.projectID), "mac_address": .string(mac), "admin_state_up": true, "status": "ACTIVE",
        "device_id": .string(server.id), "device_owner": .string("compute:\(zone)"), "fixed_ips": .array(ips),
        "security_groups": .array(groups), "port_security_enabled": security, "binding:host_id": .string(host),
        "binding:vif_type": "ovs", "binding:vif_details": vifDetails, "created_at": network.timestamp,
        "updated_at": network.timestamp, "revision_number": 4,
      ]))
    return .success(id)
  }

  /// What OVN's mechanism driver binds a port with.
  private static let vifDetails: JSON = .object([
    "port_filter": true, "connectivity": "l2", "bridge_name": "br-int", "datapath_type": "system",
    "bound_drivers": .object(["0": "ovn"]),
  ])

  /// A port given to the server: its device, owner and host set, as Nova's update sets them.
  static func bind(_ portID: String, to server: ComputeState.Server, host: String, zone: String, in network: inout NetworkState) {
    guard var port = network.record(NeutronTables.ports, portID) else { return }
    port["device_id"] = .string(server.id)
    port["device_owner"] = .string("compute:\(zone)")
    port["binding:host_id"] = .string(host)
    port["binding:vif_type"] = "ovs"
    port["binding:vif_details"] = vifDetails
    port["status"] = "ACTIVE"
    network.touch(&port)
    network.update(NeutronTables.ports, port)
  }

  /// `unbind_ports(detach=False)`, as a shelved server leaves its host: the binding's host
  /// cleared (Neutron then unbinds the port), the device kept.
  static func unbind(_ portID: String, in network: inout NetworkState) {
    guard var port = network.record(NeutronTables.ports, portID) else { return }
    port["binding:host_id"] = ""
    port["binding:vif_type"] = "unbound"
    port["binding:vif_details"] = .object([:])
    port["status"] = "DOWN"
    network.touch(&port)
    network.update(NeutronTables.ports, port)
  }

  /// `deallocate_for_instance` for one port: deleted if Nova made it (its floating IPs let go),
  /// else unbound and kept.
  static func release(_ interface: ComputeState.Interface, in network: inout NetworkState) {
    guard var port = network.record(NeutronTables.ports, interface.portID) else { return }
    if !interface.preexisting {
      for var floating in network[NeutronTables.floatingIPs] where floating["port_id"]?.string == interface.portID {
        NeutronRouters.disassociate(&floating)
        network.update(NeutronTables.floatingIPs, floating)
      }
      network.delete(NeutronTables.ports, interface.portID)
      return
    }
    port["device_id"] = ""
    port["device_owner"] = ""
    port["binding:host_id"] = ""
    port["binding:profile"] = .object([:])
    port["binding:vif_type"] = "unbound"
    port["binding:vif_details"] = .object([:])
    port["status"] = "DOWN"
    network.touch(&port)
    network.update(NeutronTables.ports, port)
  }

  /// Every server's addresses from its ports: each fixed IP, then the floating IPs mapped to it,
  /// by network name in the order of the ports.
  static func refreshNetworkInfo(_ state: inout CloudState) {
    let network = state.network
    for index in state.compute.servers.indices where !state.compute.servers[index].interfaces.isEmpty {
      var addresses: [ComputeState.Address] = []
      for interface in state.compute.servers[index].interfaces {
        guard let port = network.record(NeutronTables.ports, interface.portID) else { continue }
        let name = network.record(NeutronTables.networks, port["network_id"]?.string ?? "")?["name"]?.string ?? ""
        let mac = port["mac_address"]?.string ?? ""
        for fixed in port["fixed_ips"]?.array ?? [] {
          let address = fixed["ip_address"]?.string ?? ""
          let version = address.contains(":") ? 6 : 4
          addresses.append(.init(network: name, version: version, address: address, mac: mac))
          for floating in network[NeutronTables.floatingIPs]
          where floating["port_id"]?.string == interface.portID && floating["fixed_ip_address"]?.string == address {
            addresses.append(
              .init(
                network: name, version: 4, address: floating["floating_ip_address"]?.string ?? "", mac: mac, type: "floating"))
          }
        }
      }
      state.compute.servers[index].addresses = addresses
    }
  }

  /// The names of the security groups of the server's ports, port by port (Nova's
  /// `get_instances_security_groups_bindings`); `nil` when there are none.
  static func securityGroups(of server: ComputeState.Server, in network: NetworkState) -> JSON? {
    var names: [JSON] = []
    for port in network[NeutronTables.ports] where port["device_id"]?.string == server.id {
      for group in port["security_groups"]?.array ?? [] {
        guard let record = network.record(NeutronTables.securityGroups, group.string ?? "") else { continue }
        let name = record["name"]?.string ?? ""
        names.append(.object(["name": .string(name.isEmpty ? record["id"]?.string ?? "" : name)]))
      }
    }
    return names.isEmpty ? nil : .array(names)
  }
}
