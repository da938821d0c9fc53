import CloudAPI

/// Nova's server networking APIs over Neutron's ports: `os-interface` (attach a port or a new
/// port on a network, detach, list, show), `addSecurityGroup`/`removeSecurityGroup` (the group
/// set on or taken off every port of the server) and the deprecated `removeFixedIp` (up to 2.43).
enum ServerInterfaceAPI {
  static func register(in router: inout Router<CloudState>) {
    router.add(.get, "/v2.1/servers/{id}/os-interface", list)
    router.add(.post, "/v2.1/servers/{id}/os-interface", attach)
    router.add(.get, "/v2.1/servers/{id}/os-interface/{port}", show)
    router.add(.delete, "/v2.1/servers/{id}/os-interface/{port}", detach)
  }

  /// `_translate_interface_attachment_view`; the tag from 2.70.
  private static func view(_ port: JSONObject, server: ComputeState.Server, version: Microversion) -> JSON {
    var body: JSONObject = [
      "net_id": port["network_id"] ?? .null, "port_id": port["id"] ?? .null, "mac_addr": port["mac_address"] ?? .null,
      "port_state": port["status"] ?? .null, "fixed_ips": port["fixed_ips"] ?? .null,
    ]
    if version >= Microversion(2, 70) {
      body["tag"] = .orNull(server.interfaces.first { $0.portID == port["id"]?.string }?.tag)
    }
    return .object(body)
  }

  static func list(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let server = ComputeService.server(state, call) else { return ComputeService.instanceNotFound(call) }
    let ports = state.network[NeutronTables.ports].filter { $0["device_id"]?.string == server.id }
    return .json(
      200, .object(["interfaceAttachments": .array(ports.map { view($0, server: server, version: state.computeVersion) })]))
  }

  static func show(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let server = ComputeService.server(state, call) else { return ComputeService.instanceNotFound(call) }
    let portID = call.parameters["port"] ?? ""
    guard let port = state.network.record(NeutronTables.ports, portID) else {
      return .fault(404, "Port \(portID) could not be found.")
    }
    guard port["device_id"]?.string == server.id else {
      return .fault(404, "Instance \(server.id) does not have a port with id \(portID)")
    }
    return .json(200, .object(["interfaceAttachment": view(port, server: server, version: state.computeVersion)]))
  }

  /// `check_instance_lock`, then `check_instance_state` (active, paused or stopped, no task).
  private static func check(_ server: ComputeState.Server, action: String, _ caller: Caller) -> APIResponse? {
    if server.locked, !caller.isAdmin { return .fault(409, "Instance \(server.id) is locked") }
    guard ["active", "paused", "stopped"].contains(server.vmState) else {
      return .fault(409, "Cannot '\(action)' instance \(server.id) while it is in vm_state \(server.vmState)")
    }
    if let task = server.taskState {
      return .fault(409, "Cannot '\(action)' instance \(server.id) while it is in task_state \(task)")
    }
    return nil
  }

  private static func record(_ action: String, _ server: ComputeState.Server, _ call: Call, _ caller: Caller, _ state: inout CloudState) {
    state.compute.actions.append(
      ComputeState.Action(
        action: action, serverID: server.id, requestID: call.requestID, globalRequestID: call.globalRequestID,
        userID: caller.userID, projectID: caller.projectID, start: state.clock.now, updated: state.clock.now,
        message: nil))
  }

  /// `POST os-interface`: a port given (free, bound to the server) or a new port on a network
  /// (the fixed IP asked for, or IPAM's), Neutron's faults as Nova turns them into its own.
  static func attach(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let server = ComputeService.server(state, call), let caller = call.caller,
      let index = state.compute.servers.firstIndex(where: { $0.id == server.id })
    else { return ComputeService.instanceNotFound(call) }
    let attachment = call.request.body?["interfaceAttachment"]?.object ?? [:]
    let networkID = attachment["net_id"]?.string
    let portID = attachment["port_id"]?.string
    let tag = attachment["tag"]?.string
    let fixedIP = attachment["fixed_ips"]?.array.first?["ip_address"]?.string
    if networkID != nil, portID != nil { return .fault(400, "Must not input both network_id and port_id") }
    if fixedIP != nil, networkID == nil { return .fault(400, "Must input network_id when request IP address") }
    if let fault = check(server, action: "attach_interface", caller) { return fault }
    state.network.now = state.clock.now
    let host = server.host ?? ""
    let zone = server.availabilityZone ?? ""
    let interface: ComputeState.Interface
    if let portID {
      guard let port = state.network.record(NeutronTables.ports, portID) else {
        return .fault(404, "Port \(portID) could not be found.")
      }
      guard port["device_id"]?.string?.isEmpty ?? true else { return .fault(409, "Port \(portID) is still in use.") }
      ServerPorts.bind(portID, to: server, host: host, zone: zone, in: &state.network)
      interface = .init(portID: portID, preexisting: true, tag: tag)
    } else {
      let candidates = state.network.networks.filter { $0.projectID == server.projectID && !$0.external }
      guard let chosen = networkID ?? (candidates.count == 1 ? candidates.first?.id : nil) else {
        return candidates.isEmpty
          ? .fault(400, "No specific network was requested and none are available for project '\(server.projectID)'.")
          : .fault(400, "Multiple possible networks found, use a Network ID to be more specific.")
      }
      guard let network = state.network.networks.first(where: { $0.id == chosen }) else {
        return .fault(404, "Network \(chosen) could not be found.")
      }
      // `_check_external_network_attach`: an external network that is not shared is an admin's.
      if network.external, !network.shared, !caller.isAdmin {
        return .fault(403, "It is not allowed to create an interface on external network \(chosen)")
      }
      let mac = state.ids.mac()
      switch ServerPorts.createPort(
        on: chosen, fixedIP: fixedIP, for: server, host: host, zone: zone, mac: mac, securityGroups: nil, in: &state.network)
      {
      case .success(let id): interface = .init(portID: id, preexisting: false, tag: tag)
      case .failure(let fault): return novaFault(fault, fixedIP: fixedIP ?? "", networkID: chosen)
      }
    }
    record("attach_interface", server, call, caller, &state)
    state.compute.servers[index].interfaces.append(interface)
    ServerPorts.refreshNetworkInfo(&state)
    guard let port = state.network.record(NeutronTables.ports, interface.portID) else { return ComputeService.instanceNotFound(call) }
    return .json(
      200,
      .object(["interfaceAttachment": view(port, server: state.compute.servers[index], version: state.computeVersion)]))
  }

  /// `_create_port_minimal`'s translation of Neutron's faults.
  private static func novaFault(_ fault: ResourceFault, fixedIP: String, networkID: String) -> APIResponse {
    switch fault.type {
    case "IpAddressAlreadyAllocated", "IpAddressInUse": return .fault(409, "Fixed IP \(fixedIP) is already in use.")
    case "IpAddressGenerationFailure": return .fault(400, "No fixed IP addresses available for network: \(networkID)")
    default:
      // `InvalidInput`, which the API does not expect: its 500.
      return .fault(
        500,
        "Unexpected API Error. Please report this at http://bugs.launchpad.net/nova/ and attach the Nova API log if possible.\n<class 'nova.exception.InvalidInput'>"
      )
    }
  }

  /// `DELETE os-interface/{port}`: the compute host is told to detach (a cast: a port the
  /// server does not have is left as it is); a port Nova made is deleted, another unbound.
  static func detach(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let server = ComputeService.server(state, call), let caller = call.caller,
      let index = state.compute.servers.firstIndex(where: { $0.id == server.id })
    else { return ComputeService.instanceNotFound(call) }
    let portID = call.parameters["port"] ?? ""
    if let fault = check(server, action: "detach_interface", caller) { return fault }
    record("detach_interface", server, call, caller, &state)
    if let interface = server.interfaces.first(where: { $0.portID == portID }) {
      state.network.now = state.clock.now
      ServerPorts.release(interface, in: &state.network)
      state.compute.servers[index].interfaces.removeAll { $0.portID == portID }
      state.compute.servers[index].addresses = []
      ServerPorts.refreshNetworkInfo(&state)
    }
    return APIResponse(status: 202)
  }

  /// The actions of `POST /servers/{id}/action` this API answers, or `nil` for another.
  static func action(_ body: JSONObject, on server: ComputeState.Server, _ call: Call, _ state: inout CloudState) -> APIResponse? {
    guard let caller = call.caller else { return nil }
    if let name = body["addSecurityGroup"]?["name"]?.string {
      return changeSecurityGroup(name, adding: true, server, caller, &state)
    }
    if let name = body["removeSecurityGroup"]?["name"]?.string {
      return changeSecurityGroup(name, adding: false, server, caller, &state)
    }
    if let address = body["removeFixedIp"]?["address"]?.string {
      guard state.computeVersion <= Microversion(2, 43) else { return .fault(404, "The resource could not be found.") }
      if server.locked, !caller.isAdmin { return .fault(409, "Instance \(server.id) is locked") }
      // A cast to the compute host, which takes the address off the port that holds it.
      state.network.now = state.clock.now
      for interface in server.interfaces {
        guard var port = state.network.record(NeutronTables.ports, interface.portID) else { continue }
        let ips = port["fixed_ips"]?.array ?? []
        guard ips.contains(where: { $0["ip_address"]?.string == address }) else { continue }
        port["fixed_ips"] = .array(ips.filter { $0["ip_address"]?.string != address })
        state.network.touch(&port)
        state.network.update(NeutronTables.ports, port)
      }
      ServerPorts.refreshNetworkInfo(&state)
      return APIResponse(status: 202)
    }
    return nil
  }

  /// `add_to_instance` / `remove_from_instance`: the group found by ID or by name in the
  /// caller's project, then set on (or taken off) each of the server's ports.
  private static func changeSecurityGroup(
    _ name: String, adding: Bool, _ server: ComputeState.Server, _ caller: Caller, _ state: inout CloudState
  ) -> APIResponse {
    let groups = state.network[NeutronTables.securityGroups]
    let groupID: String
    if let byID = groups.first(where: { $0["id"]?.string == name }),
      NeutronSecurityGroups.groups.visible(byID, caller, state.network)
    {
      groupID = name
    } else {
      let named = groups.filter { $0["name"]?.string == name && $0["project_id"]?.string == caller.projectID }
      if named.count > 1 {
        return .fault(409, "Multiple security_group matches found for name '\(name)', use an ID to be more specific.")
      }
      guard let found = named.first?["id"]?.string else {
        return .fault(404, "Security group \(name) is not found for project \(caller.projectID)")
      }
      groupID = found
    }
    let ports = state.network[NeutronTables.ports].filter { $0["device_id"]?.string == server.id }
    guard !ports.isEmpty else {
      return .fault(404, "instance_id \(server.id) could not be found as device id on any ports")
    }
    state.network.now = state.clock.now
    var removed = false
    for var port in ports {
      var current = (port["security_groups"]?.array ?? []).compactMap(\.string)
      if adding {
        let hasIP = !(port["fixed_ips"]?.array ?? []).isEmpty
        guard hasIP, port["port_security_enabled"] != .bool(false) else {
          return .fault(400, "Network requires port_security_enabled and subnet associated in order to apply security groups.")
        }
        // Neutron keeps one binding of a group to a port.
        if !current.contains(groupID) { current.append(groupID) }
      } else {
        guard let at = current.firstIndex(of: groupID) else { continue }
        current.remove(at: at)
        removed = true
      }
      port["security_groups"] = .array(current.map(JSON.string))
      state.network.touch(&port)
      state.network.update(NeutronTables.ports, port)
    }
    if !adding, !removed {
      return .fault(404, "Security group \(name) not associated with the instance \(server.id)")
    }
    return APIResponse(status: 202)
  }
}
