import CloudAPI

/// The L3 plugin's logic: routers with their gateway and interface ports, and floating IPs
/// reached through them.
enum NeutronRouters {
  static let routers = NeutronResource(
    table: NeutronTables.routers,
    create: { state, fields, caller in
      var router = fields
      router["status"] = "ACTIVE"
      if let info = fields["external_gateway_info"], info != .null {
        switch gateway(&state, info, routerID: fields["id"]?.string ?? "", caller: caller) {
        case .success(let info): router["external_gateway_info"] = info
        case .failure(let fault): return .failure(fault)
        }
      }
      return .success(router)
    },
    update: { state, router, changes, caller in
      var router = router
      for (key, value) in changes where key != "external_gateway_info" { router[key] = value }
      if let info = changes["external_gateway_info"] {
        let id = router["id"]?.string ?? ""
        state[NeutronTables.ports].removeAll { $0["device_id"]?.string == id && $0["device_owner"]?.string == "network:router_gateway" }
        router["external_gateway_info"] = .null
        if info != .null, info.object.isEmpty == false {
          switch gateway(&state, info, routerID: id, caller: caller) {
          case .success(let info): router["external_gateway_info"] = info
          case .failure(let fault): return .failure(fault)
          }
        }
      }
      return .success(router)
    },
    delete: { state, router, _ in
      let id = router["id"]?.string ?? ""
      if state[NeutronTables.ports].contains(where: {
        $0["device_id"]?.string == id && $0["device_owner"]?.string == "network:router_interface"
      }) {
        return .conflict("RouterInUse", "Router \(id) still has ports")
      }
      state[NeutronTables.ports].removeAll { $0["device_id"]?.string == id && $0["device_owner"]?.string == "network:router_gateway" }
      return nil
    })

  /// The gateway a router gets on an external network: a port with an address of each of the
  /// network's subnets (or those `external_fixed_ips` names), SNAT on unless turned off.
  static func gateway(_ state: inout NetworkState, _ info: JSON, routerID: String, caller: Caller) -> Result<JSON, ResourceFault> {
    let networkID = info["network_id"]?.string ?? ""
    guard let network = state.record(NeutronTables.networks, networkID), NeutronNetworks.networks.visible(network, caller, state)
    else { return .failure(NeutronTables.networks.notFound(networkID)) }
    guard network["router:external"] == .bool(true) else {
      return .failure(.badRequest("Bad router request: Network \(networkID) is not an external network."))
    }
    var fields: JSONObject = [
      "network_id": .string(networkID), "device_id": .string(routerID), "device_owner": "network:router_gateway",
      "project_id": "", "tenant_id": "", "security_groups": .array([]), "port_security_enabled": false,
    ]
    if let asked = info["external_fixed_ips"], asked != .null { fields["fixed_ips"] = asked }
    switch newPort(&state, fields, caller: caller) {
    case .success(let port):
      return .success(
        .object([
          "network_id": .string(networkID), "external_fixed_ips": port["fixed_ips"] ?? .array([]),
          "enable_snat": info["enable_snat"] ?? true,
        ]))
    case .failure(let fault): return .failure(fault)
    }
  }

  /// A port Neutron makes for a router or a floating IP, stored.
  static func newPort(_ state: inout NetworkState, _ fields: JSONObject, caller: Caller) -> Result<JSONObject, ResourceFault> {
    var fields = fields
    fields["id"] = .string(state.ids.uuid())
    let admin = Caller(userID: caller.userID, userName: caller.userName, projectID: caller.projectID, projectName: caller.projectName, roles: ["admin"])
    switch NeutronPorts.createPort(&state, fields, admin) {
    case .success(var port):
      port["status"] = "ACTIVE"
      port["created_at"] = state.timestamp
      port["updated_at"] = state.timestamp
      let complete = NeutronTables.ports.complete(port)
      state[NeutronTables.ports].append(complete)
      return .success(complete)
    case .failure(let fault): return .failure(fault)
    }
  }

  /// `PUT /v2.0/routers/{id}/add_router_interface` with a `subnet_id` (a port on the subnet's
  /// gateway address) or a `port_id` (the port becomes the router's).
  static func addInterface(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    let router: JSONObject
    switch NetworkService.visibleRecord(routers, state, call) {
    case .success(let record): router = record
    case .failure(let fault): return ResourceTable.response(fault)
    }
    let routerID = router["id"]?.string ?? ""
    let body = call.request.body
    let subnetID = body?["subnet_id"]?.string
    let portID = body?["port_id"]?.string
    if subnetID != nil, portID != nil {
      return ResourceTable.response(.badRequest("Bad router request: Cannot specify both subnet-id and port-id."))
    }
    var port: JSONObject
    if let portID {
      guard let existing = state.network.record(NeutronTables.ports, portID),
        NeutronPorts.ports.visible(existing, caller, state.network)
      else { return ResourceTable.response(NeutronTables.ports.notFound(portID)) }
      if let device = existing["device_id"]?.string, !device.isEmpty {
        return ResourceTable.response(
          .conflict(
            "PortInUse",
            "Unable to complete operation on port \(portID) for network \(existing["network_id"]?.string ?? ""). Port already has an attached device \(device)."
          ))
      }
      guard !(existing["fixed_ips"]?.array ?? []).isEmpty else {
        return ResourceTable.response(.badRequest("Bad router request: Router port must have at least one fixed IP."))
      }
      port = existing
      port["device_id"] = .string(routerID)
      port["device_owner"] = "network:router_interface"
      port["status"] = "ACTIVE"
      state.network.touch(&port)
      state.network.update(NeutronTables.ports, port)
    } else if let subnetID {
      guard let subnet = state.network.record(NeutronTables.subnets, subnetID),
        NeutronNetworks.subnets.visible(subnet, caller, state.network)
      else { return ResourceTable.response(NeutronTables.subnets.notFound(subnetID)) }
      guard let gateway = subnet["gateway_ip"]?.string else {
        return ResourceTable.response(.badRequest("Bad router request: Subnet for router interface must have a gateway IP."))
      }
      if state.network[NeutronTables.ports].contains(where: { port in
        port["device_id"]?.string == routerID && port["device_owner"]?.string == "network:router_interface"
          && (port["fixed_ips"]?.array ?? []).contains { $0["subnet_id"]?.string == subnetID }
      }) {
        return ResourceTable.response(.badRequest("Bad router request: Router already has a port on subnet \(subnetID)."))
      }
      let fields: JSONObject = [
        "network_id": subnet["network_id"] ?? .null, "device_id": .string(routerID),
        "device_owner": "network:router_interface", "project_id": router["project_id"] ?? .null,
        "tenant_id": router["project_id"] ?? .null,
        "fixed_ips": .array([.object(["subnet_id": .string(subnetID), "ip_address": .string(gateway)])]),
        "security_groups": .array([]), "port_security_enabled": false,
      ]
      switch newPort(&state.network, fields, caller: caller) {
      case .success(let created):
        port = created
      case .failure(let fault): return ResourceTable.response(fault)
      }
    } else {
      return ResourceTable.response(.badRequest("Bad router request: Either subnet_id or port_id must be specified"))
    }
    var updated = router
    state.network.touch(&updated)
    state.network.update(NeutronTables.routers, updated)
    let subnets = (port["fixed_ips"]?.array ?? []).compactMap { $0["subnet_id"] }
    return .json(
      200,
      .object([
        "network_id": port["network_id"] ?? .null, "tenant_id": router["project_id"] ?? .null,
        "subnet_id": subnets.first ?? .null, "subnet_ids": .array(subnets), "port_id": port["id"] ?? .null,
        "id": .string(routerID), "project_id": router["project_id"] ?? .null,
      ]))
  }

  /// `PUT /v2.0/routers/{id}/remove_router_interface`: the interface port on the subnet (or the
  /// port named) deleted.
  static func removeInterface(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let router: JSONObject
    switch NetworkService.visibleRecord(routers, state, call) {
    case .success(let record): router = record
    case .failure(let fault): return ResourceTable.response(fault)
    }
    let routerID = router["id"]?.string ?? ""
    let body = call.request.body
    let interfaces = state.network[NeutronTables.ports].filter {
      $0["device_id"]?.string == routerID && $0["device_owner"]?.string == "network:router_interface"
    }
    let port: JSONObject
    if let portID = body?["port_id"]?.string {
      guard let found = interfaces.first(where: { $0["id"]?.string == portID }) else {
        return ResourceTable.response(
          ResourceFault(
            status: 404, type: "RouterInterfaceNotFound",
            message: "Router \(routerID) does not have an interface with id \(portID)"))
      }
      port = found
    } else if let subnetID = body?["subnet_id"]?.string {
      guard state.network.record(NeutronTables.subnets, subnetID) != nil else {
        return ResourceTable.response(NeutronTables.subnets.notFound(subnetID))
      }
      guard let found = interfaces.first(where: { ($0["fixed_ips"]?.array ?? []).contains { $0["subnet_id"]?.string == subnetID } })
      else {
        return ResourceTable.response(
          ResourceFault(
            status: 404, type: "RouterInterfaceNotFoundForSubnet",
            message: "Router \(routerID) has no interface on subnet \(subnetID)"))
      }
      port = found
    } else {
      return ResourceTable.response(.badRequest("Bad router request: Either subnet_id or port_id must be specified"))
    }
    state.network.delete(NeutronTables.ports, port["id"]?.string ?? "")
    var updated = router
    state.network.touch(&updated)
    state.network.update(NeutronTables.routers, updated)
    let subnets = (port["fixed_ips"]?.array ?? []).compactMap { $0["subnet_id"] }
    return .json(
      200,
      .object([
        "network_id": port["network_id"] ?? .null, "tenant_id": router["project_id"] ?? .null,
        "subnet_id": subnets.first ?? .null, "subnet_ids": .array(subnets), "port_id": port["id"] ?? .null,
        "id": .string(routerID), "project_id": router["project_id"] ?? .null,
      ]))
  }

  static let floatingIPs = NeutronResource(
    table: NeutronTables.floatingIPs,
    create: { state, fields, caller in
      var floating = fields
      let networkID = fields["floating_network_id"]?.string ?? ""
      guard let network = state.record(NeutronTables.networks, networkID),
        NeutronNetworks.networks.visible(network, caller, state)
      else { return .failure(NeutronTables.networks.notFound(networkID)) }
      guard network["router:external"] == .bool(true) else {
        return .failure(.badRequest("Bad floatingip request: Network \(networkID) is not a valid external network."))
      }
      // The address: one of an IPv4 subnet of the network (the one named, or the first).
      let subnets = state[NeutronTables.subnets].filter {
        $0["network_id"]?.string == networkID && $0["ip_version"]?.integer == 4
          && (fields["subnet_id"] == nil || fields["subnet_id"] == .null || $0["id"] == fields["subnet_id"])
      }
      guard let subnet = subnets.first else {
        return .failure(
          ResourceFault(
            status: 400, type: "ExternalIpAddressExhausted",
            message: "Unable to find any IP address on external network \(networkID)."))
      }
      var fixed: JSONObject = ["subnet_id": subnet["id"] ?? .null]
      if let asked = fields["floating_ip_address"]?.string { fixed["ip_address"] = .string(asked) }
      let portFields: JSONObject = [
        "network_id": .string(networkID), "device_id": fields["id"] ?? .null, "device_owner": "network:floatingip",
        "project_id": "", "tenant_id": "", "fixed_ips": .array([.object(fixed)]), "security_groups": .array([]),
        "port_security_enabled": false,
      ]
      switch newPort(&state, portFields, caller: caller) {
      case .success(let port):
        floating["floating_ip_address"] = port["fixed_ips"]?.array.first?["ip_address"] ?? .null
        floating["subnet_id"] = subnet["id"] ?? .null
      case .failure(let fault): return .failure(fault)
      }
      floating["status"] = "DOWN"
      if let portID = fields["port_id"]?.string {
        if let fault = associate(&floating, port: portID, fixedAddress: fields["fixed_ip_address"]?.string, state, caller) {
          state[NeutronTables.ports].removeAll { $0["device_id"] == fields["id"] && $0["device_owner"] == "network:floatingip" }
          return .failure(fault)
        }
      }
      return .success(floating)
    },
    update: { state, floating, changes, caller in
      var floating = floating
      if changes["description"] != nil { floating["description"] = changes["description"] }
      if let port = changes["port_id"] {
        if let portID = port.string {
          if let fault = associate(&floating, port: portID, fixedAddress: changes["fixed_ip_address"]?.string, state, caller) {
            return .failure(fault)
          }
        } else {
          disassociate(&floating)
        }
      }
      return .success(floating)
    },
    delete: { state, floating, _ in
      state[NeutronTables.ports].removeAll { $0["device_id"] == floating["id"] && $0["device_owner"] == "network:floatingip" }
      return nil
    })

  /// A floating IP bound to a port's fixed address, through the router that joins the port's
  /// subnet to the floating IP's network.
  static func associate(
    _ floating: inout JSONObject, port portID: String, fixedAddress: String?, _ state: NetworkState, _ caller: Caller
  ) -> ResourceFault? {
    guard let port = state.record(NeutronTables.ports, portID), NeutronPorts.ports.visible(port, caller, state) else {
      return NeutronTables.ports.notFound(portID)
    }
    let fixedIPs = (port["fixed_ips"]?.array ?? []).filter { IPValue($0["ip_address"]?.string ?? "")?.version == 4 }
    guard let fixed = fixedAddress.map({ address in fixedIPs.first { $0["ip_address"]?.string == address } }) ?? fixedIPs.first else {
      return .badRequest(
        "Bad floatingip request: Port \(portID) does not have fixed ip \(fixedAddress ?? "").")
    }
    let subnetID = fixed["subnet_id"]?.string ?? ""
    let networkID = floating["floating_network_id"]?.string ?? ""
    let router = state[NeutronTables.routers].first { router in
      router["external_gateway_info"]?["network_id"]?.string == networkID
        && state[NeutronTables.ports].contains { candidate in
          candidate["device_id"] == router["id"] && candidate["device_owner"]?.string == "network:router_interface"
            && (candidate["fixed_ips"]?.array ?? []).contains { $0["subnet_id"]?.string == subnetID }
        }
    }
    guard let router else {
      return ResourceFault(
        status: 404, type: "ExternalGatewayForFloatingIPNotFound",
        message:
          "External network \(networkID) is not reachable from subnet \(subnetID).  Therefore, cannot associate Port \(portID) with a Floating IP."
      )
    }
    floating["port_id"] = .string(portID)
    floating["fixed_ip_address"] = fixed["ip_address"] ?? .null
    floating["router_id"] = router["id"] ?? .null
    floating["status"] = "ACTIVE"
    var details = JSONObject()
    for key in ["name", "network_id", "mac_address", "admin_state_up", "status", "device_id", "device_owner"] {
      details[key] = port[key] ?? .null
    }
    floating["port_details"] = .object(details)
    return nil
  }

  static func disassociate(_ floating: inout JSONObject) {
    floating["port_id"] = .null
    floating["fixed_ip_address"] = .null
    floating["router_id"] = .null
    floating["status"] = "DOWN"
    floating["port_details"] = .null
  }
}
