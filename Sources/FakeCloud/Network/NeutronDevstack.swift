import CloudAPI
import Foundation

/// What a devstack's Neutron (ML2/OVN) holds besides the networks a cloud defines: each
/// project's default security group, OVN's metadata port on each internal network, and `router1`
/// between `private` and `public`.
enum NeutronDevstack {
  static func populate(_ state: inout NetworkState, definition: CloudDefinition, identity: IdentityState, time: JSON) {
    for network in state[NeutronTables.networks] { NeutronSegments.addSegment(of: network, to: &state) }
    NeutronSegmentRanges.addDefaults(to: &state, time: time)
    var projects: [String] = []
    for user in definition.users {
      if let id = identity.project(named: user.project)?.id, !projects.contains(id) { projects.append(id) }
    }
    for project in projects { _ = NeutronSecurityGroups.defaultGroup(of: project, in: &state, time: time) }
    addAgents(&state, host: definition.computeHosts.first?.name ?? "devstack", time: time)
    let admin = Caller(userID: "", userName: "", projectID: "", projectName: "", roles: ["admin"])
    for network in state[NeutronTables.networks] where network["router:external"] != .bool(true) {
      let project = network["project_id"] ?? ""
      _ = NeutronRouters.newPort(
        &state,
        [
          "network_id": network["id"] ?? .null, "device_id": .string("ovnmeta-" + (network["id"]?.string ?? "")),
          "device_owner": "network:distributed", "project_id": project, "tenant_id": project, "security_groups": .array([]),
          "port_security_enabled": false,
        ], caller: admin)
    }
    let networks = state[NeutronTables.networks]
    guard let privateNetwork = networks.first(where: { $0["name"] == "private" }),
      let publicNetwork = networks.first(where: { $0["name"] == "public" && $0["router:external"] == .bool(true) })
    else { return }
    let project = privateNetwork["project_id"] ?? ""
    let routerID = state.ids.uuid()
    guard case .success(let gateway) = NeutronRouters.gateway(&state, .object(["network_id": publicNetwork["id"] ?? .null]), routerID: routerID, caller: admin)
    else { return }
    state[NeutronTables.routers].append(
      NeutronTables.routers.complete([
        "id": .string(routerID), "name": .string(CloudDefinition.devstackRouter), "tenant_id": project, "status": "ACTIVE",
        "external_gateway_info": gateway, "availability_zones": .array(["nova"]), "created_at": time, "updated_at": time,
        "revision_number": 3, "project_id": project,
      ]))
    for subnet in state[NeutronTables.subnets] where subnet["network_id"] == privateNetwork["id"] {
      guard let address = subnet["gateway_ip"], address != .null else { continue }
      _ = NeutronRouters.newPort(
        &state,
        [
          "network_id": privateNetwork["id"] ?? .null, "device_id": .string(routerID), "device_owner": "network:router_interface",
          "project_id": project, "tenant_id": project, "security_groups": .array([]), "port_security_enabled": false,
          "fixed_ips": .array([.object(["subnet_id": subnet["id"] ?? .null, "ip_address": address])]),
        ], caller: admin)
    }
  }

  /// OVN's two agents on the host: its controller (a gateway chassis) and the metadata agent,
  /// their IDs from a stream of their own (an agent more or less changes no other ID).
  private static func addAgents(_ state: inout NetworkState, host: String, time: JSON) {
    var ids = IDGenerator(seed: 0x6F76_6E2D_6167_656E)
    let chassis = ids.uuid()
    let agents: [(type: String, binary: String, id: String, description: String)] = [
      ("OVN Controller Gateway agent", "ovn-controller", chassis, ""),
      ("OVN Metadata agent", "neutron-ovn-metadata-agent", ids.uuid(), ""),
    ]
    for agent in agents {
      state[NeutronTables.agents].append(
        NeutronTables.agents.complete([
          "binary": .string(agent.binary), "host": .string(host), "heartbeat_timestamp": .string((time.string ?? "").replacingEvery("T", with: " ").replacingEvery("Z", with: "")), "availability_zone": "",
          "topic": "n/a", "description": .string(agent.description),
          "configurations": .object([
            "chassis_name": .string(chassis), "bridge-mappings": "public:br-ex",
          ]),
          "agent_type": .string(agent.type), "id": .string(agent.id), "alive": true, "admin_state_up": true,
        ]))
    }
  }
}

extension CloudDefinition {
  /// The router devstack makes between its `private` network and the external `public` one.
  public static let devstackRouter = "router1"

  /// Whether the cloud has devstack's router: it has both networks.
  public var hasDevstackRouter: Bool {
    networks.contains { $0.name == "private" } && networks.contains { $0.name == "public" && $0.external }
  }
}
