import CloudAPI

/// Neutron v2.0: networks and their subnets.
struct NetworkState {
  struct Network {
    var id: String
    var name: String
    var projectID: String
    var shared: Bool
    var external: Bool
    var subnetIDs: [String]
    var created: Int64
  }

  struct Subnet {
    var id: String
    var name: String
    var networkID: String
    var projectID: String
    var cidr: String
    var gateway: String?
    var created: Int64

    var ipVersion: Int { cidr.contains(":") ? 6 : 4 }
  }

  var networks: [Network] = []
  var subnets: [Subnet] = []
  /// The fixed IPs given to servers' ports, by server.
  var ports: [String: [ComputeState.Address]] = [:]
  /// How many IPv4 addresses each subnet has handed out (addresses are not reused).
  private var allocated: [String: Int] = [:]

  /// A port on each network for the server: the next IPv4 address of the network's IPv4 subnet
  /// (after the gateway and DHCP), and an IPv6 address from the MAC (SLAAC) on its IPv6 subnet.
  mutating func allocate(on networkIDs: [String], for serverID: String, ids: inout IDGenerator) -> [ComputeState.Address] {
    var addresses: [ComputeState.Address] = []
    for network in networks where networkIDs.contains(network.id) {
      let mac = ids.mac()
      for subnet in subnets where subnet.networkID == network.id {
        if subnet.ipVersion == 4 {
          let host = 3 + allocated[subnet.id, default: 0]
          allocated[subnet.id, default: 0] += 1
          addresses.append(.init(network: network.name, version: 4, address: IPAddress.v4(subnet.cidr, host: host), mac: mac))
        } else {
          addresses.append(.init(network: network.name, version: 6, address: IPAddress.slaac(subnet.cidr, mac: mac), mac: mac))
        }
      }
    }
    ports[serverID] = addresses
    return addresses
  }

  mutating func release(portsOf serverID: String) {
    ports[serverID] = nil
  }

  init(definition: CloudDefinition, identity: IdentityState, ids: inout IDGenerator, clock: VirtualClock) {
    for network in definition.networks {
      let owner = network.project ?? definition.users.first?.project ?? ""
      let projectID = identity.project(named: owner)?.id ?? identity.projects.first?.id ?? ""
      // Drawn even where the definition gives an ID, so that giving one changes no other.
      let networkID = network.id.drawing(&ids)
      let subnets = network.subnets.map {
        Subnet(
          id: $0.id.drawing(&ids), name: $0.name, networkID: networkID, projectID: projectID, cidr: $0.cidr,
          gateway: $0.gateway, created: clock.now)
      }
      networks.append(
        Network(
          id: networkID, name: network.name, projectID: projectID, shared: network.shared,
          external: network.external, subnetIDs: subnets.map(\.id), created: clock.now))
      self.subnets += subnets
    }
  }
}

enum NetworkService {
  static let router: Router<CloudState> = {
    var router = Router<CloudState>()
    router.add(.get, "/v2.0/networks", listNetworks)
    router.add(.get, "/v2.0/networks/{id}", showNetwork)
    router.add(.get, "/v2.0/subnets", listSubnets)
    router.add(.get, "/v2.0/subnets/{id}", showSubnet)
    return router
  }()

  /// What a caller may see: its project's networks, shared and external ones; everything for
  /// an admin.
  private static func visible(_ network: NetworkState.Network, to caller: Caller?) -> Bool {
    guard let caller else { return false }
    return caller.isAdmin || network.projectID == caller.projectID || network.shared || network.external
  }

  /// Neutron answers in ID order (the database's primary key).
  static func listNetworks(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let networks = state.network.networks.filter { visible($0, to: call.caller) }
    return networkFilters.apply(networks, call) { networks in
      .json(200, .object(["networks": .array(networks.sorted { $0.id < $1.id }.map { view($0, state) })]))
    }
  }

  static func showNetwork(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let id = call.parameters["id"] ?? ""
    guard let network = state.network.networks.first(where: { $0.id == id && visible($0, to: call.caller) }) else {
      return notFound("NetworkNotFound", "Network \(id) could not be found.")
    }
    return .json(200, .object(["network": view(network, state)]))
  }

  static func listSubnets(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let visibleNetworks = Set(state.network.networks.filter { visible($0, to: call.caller) }.map(\.id))
    let subnets = state.network.subnets.filter { visibleNetworks.contains($0.networkID) }
    return subnetFilters.apply(subnets, call) { subnets in
      .json(200, .object(["subnets": .array(subnets.sorted { $0.id < $1.id }.map(view))]))
    }
  }

  static func showSubnet(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let id = call.parameters["id"] ?? ""
    let visibleNetworks = Set(state.network.networks.filter { visible($0, to: call.caller) }.map(\.id))
    guard let subnet = state.network.subnets.first(where: { $0.id == id && visibleNetworks.contains($0.networkID) })
    else {
      return notFound("SubnetNotFound", "Subnet \(id) could not be found.")
    }
    return .json(200, .object(["subnet": view(subnet)]))
  }

  /// The network attributes Neutron filters by, read with their converters (the view's constant
  /// fields filter as the view shows them).
  static let networkFilters = QueryFilters<NetworkState.Network>(
    [
      .exact("id", { $0.id }), .exact("name", { $0.name }), .exact("project_id", { $0.projectID }),
      .exact("tenant_id", { $0.projectID }), .exact("status", { _ in "ACTIVE" }), .exact("description", { _ in "" }),
      .boolean("router:external", { $0.external }, fault: invalidBoolean),
      .boolean("shared", { $0.shared }, fault: invalidBoolean),
      .boolean("admin_state_up", { _ in true }, fault: invalidBoolean),
      .boolean("port_security_enabled", { _ in true }, fault: invalidBoolean),
    ] + tagFilters { _ in [] })

  static let subnetFilters = QueryFilters<NetworkState.Subnet>(
    [
      .exact("id", { $0.id }), .exact("name", { $0.name }), .exact("network_id", { $0.networkID }),
      .exact("cidr", { $0.cidr }), .exact("gateway_ip", { $0.gateway }), .exact("project_id", { $0.projectID }),
      .exact("tenant_id", { $0.projectID }), .exact("description", { _ in "" }),
      QueryFilter(parameter: "ip_version") { text in
        guard let version = PythonInt.parse(text) else {
          return .failure(FilterFault(response: invalidInput("'\(text)' is not an integer")))
        }
        return .success { $0.ipVersion == version }
      },
      .boolean("enable_dhcp", { _ in true }, fault: invalidBoolean),
    ] + tagFilters { _ in [] })

  /// Neutron's tag filters (`tags`, `tags-any`, `not-tags`, `not-tags-any`, comma-separated) on
  /// a resource's tags (the cloud's networks and subnets have none).
  private static func tagFilters<Record>(_ tags: @escaping @Sendable (Record) -> Set<String>) -> [QueryFilter<Record>] {
    func filter(_ parameter: String, _ keeps: @escaping @Sendable (Set<String>, Set<String>) -> Bool) -> QueryFilter<Record> {
      QueryFilter(parameter: parameter) { text in
        let wanted = Set(text.split(separator: ",").map(String.init))
        return .success { keeps(wanted, tags($0)) }
      }
    }
    return [
      filter("tags") { $0.isSubset(of: $1) }, filter("tags-any") { !$0.isDisjoint(with: $1) },
      filter("not-tags") { !$0.isSubset(of: $1) }, filter("not-tags-any") { $0.isDisjoint(with: $1) },
    ]
  }

  /// neutron-lib's `convert_to_boolean` refusing a value.
  private static func invalidBoolean(_ text: String) -> APIResponse {
    invalidInput("'\(text)' cannot be converted to boolean")
  }

  /// `{"NeutronError": {"type": "InvalidInput", ...}}`, 400.
  private static func invalidInput(_ reason: String) -> APIResponse {
    .json(
      400,
      .object([
        "NeutronError": .object([
          "type": "InvalidInput", "message": .string("Invalid input for operation: \(reason)."), "detail": "",
        ])
      ]))
  }

  /// `GET /`: Neutron's one API version.
  static func versions(_ endpoints: [ServiceType: String]) -> APIResponse {
    .json(
      200,
      .object([
        "versions": .array([
          .object([
            "id": "v2.0", "status": "CURRENT",
            "links": .array([.object(["href": .string((endpoints[.network] ?? "") + "/v2.0/"), "rel": "self"])]),
          ])
        ])
      ]))
  }

  /// `{"NeutronError": {"type": ..., "message": ..., "detail": ""}}`
  static func notFound(_ type: String, _ message: String) -> APIResponse {
    .json(404, .object(["NeutronError": .object(["type": .string(type), "message": .string(message), "detail": ""])]))
  }

  /// The network view's fields, in Neutron's order.
  private static func view(_ network: NetworkState.Network, _ state: CloudState) -> JSON {
    let time = JSON.string(VirtualClock.isoSeconds(network.created / 1_000_000) + "Z")
    return .object([
      "id": .string(network.id), "name": .string(network.name), "tenant_id": .string(network.projectID),
      "admin_state_up": true, "mtu": 1442, "status": "ACTIVE",
      "subnets": .array(network.subnetIDs.map(JSON.string)), "shared": .bool(network.shared),
      "availability_zone_hints": .array([]), "availability_zones": .array(["nova"]),
      "ipv4_address_scope": .null, "ipv6_address_scope": .null, "router:external": .bool(network.external),
      "description": "", "port_security_enabled": true, "qos_policy_id": .null, "tags": .array([]),
      "created_at": time, "updated_at": time, "revision_number": 1, "project_id": .string(network.projectID),
    ])
  }

  /// The subnet view's fields, in Neutron's order.
  private static func view(_ subnet: NetworkState.Subnet) -> JSON {
    let time = JSON.string(VirtualClock.isoSeconds(subnet.created / 1_000_000) + "Z")
    return .object([
      "id": .string(subnet.id), "name": .string(subnet.name), "tenant_id": .string(subnet.projectID),
      "network_id": .string(subnet.networkID), "ip_version": .int(subnet.ipVersion), "subnetpool_id": .null,
      "enable_dhcp": true, "ipv6_ra_mode": .null, "ipv6_address_mode": .null, "gateway_ip": .orNull(subnet.gateway),
      "cidr": .string(subnet.cidr), "allocation_pools": .array([]), "host_routes": .array([]),
      "dns_nameservers": .array([]), "description": "", "service_types": .array([]), "tags": .array([]),
      "created_at": time, "updated_at": time, "revision_number": 0, "project_id": .string(subnet.projectID),
    ])
  }
}
