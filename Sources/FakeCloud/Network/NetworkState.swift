import CloudAPI

/// Neutron v2.0's database: the records of each resource table, by collection, in the order they
/// were created.
struct NetworkState {
  /// The records of each table, by `ResourceTable.collection`.
  var records: [String: [JSONObject]] = [:]
  /// Neutron's own ID stream (IDs and MAC addresses of what it creates), so that what the default
  /// cloud's Neutron holds changes no ID of the other services.
  var ids: IDGenerator
  /// The time of the request being handled, for the records it makes.
  var now: Int64 = 0
  var timestamp: JSON { .string(VirtualClock.isoSeconds(now / 1_000_000, suffix: "Z")) }
  /// The IDs of the ports Nova asks for when it builds a server or attaches a network: a stream
  /// of their own, so that a server's ports change no other ID.
  var serverPortIDs: IDGenerator
  /// The IDs of the policies Neutron makes itself (a shared network's wildcard policy): a
  /// stream of their own, so that sharing a network changes no other ID.
  var rbacIDs: IDGenerator

  subscript(_ table: ResourceTable) -> [JSONObject] {
    get { records[table.collection] ?? [] }
    set { records[table.collection] = newValue }
  }

  func record(_ table: ResourceTable, _ id: String) -> JSONObject? {
    self[table].first { $0["id"]?.string == id }
  }

  /// Replaces the record of the same ID.
  mutating func update(_ table: ResourceTable, _ record: JSONObject) {
    guard let index = self[table].firstIndex(where: { $0["id"] == record["id"] }) else { return }
    records[table.collection]?[index] = record
  }

  /// A network as the other services read it.
  struct Network {
    var id: String
    var name: String
    var projectID: String
    var shared: Bool
    var external: Bool
    var subnetIDs: [String]
  }

  /// A subnet as the other services read it.
  struct Subnet {
    var id: String
    var name: String
    var networkID: String
    var cidr: String
    var ipVersion: Int
  }

  var networks: [Network] {
    self[NeutronTables.networks].map { record in
      Network(
        id: record["id"]?.string ?? "", name: record["name"]?.string ?? "", projectID: record["project_id"]?.string ?? "",
        shared: record["shared"] == .bool(true), external: record["router:external"] == .bool(true),
        subnetIDs: (record["subnets"]?.array ?? []).compactMap(\.string))
    }
  }

  var subnets: [Subnet] {
    self[NeutronTables.subnets].map { record in
      Subnet(
        id: record["id"]?.string ?? "", name: record["name"]?.string ?? "", networkID: record["network_id"]?.string ?? "",
        cidr: record["cidr"]?.string ?? "", ipVersion: record["ip_version"]?.integer ?? 4)
    }
  }

  init(definition: CloudDefinition, identity: IdentityState, ids: inout IDGenerator, clock: VirtualClock, seed: UInt64) {
    self.ids = IDGenerator(seed: seed ^ 0x6E65_7574_726F_6E)
    self.serverPortIDs = IDGenerator(seed: seed ^ 0x7365_7276_6572_706F)
    self.rbacIDs = IDGenerator(seed: seed ^ 0x7262_6163_706F_6C)
    self.now = clock.now
    let time = JSON.string(VirtualClock.isoSeconds(clock.now / 1_000_000, suffix: "Z"))
    var segment = 0
    for network in definition.networks {
      let owner = network.project ?? definition.users.first?.project ?? ""
      let projectID = identity.project(named: owner)?.id ?? identity.projects.first?.id ?? ""
      // Drawn even where the definition gives an ID, so that giving one changes no other.
      let networkID = network.id.drawing(&ids)
      var subnetIDs: [JSON] = []
      for subnet in network.subnets {
        let subnetID = subnet.id.drawing(&ids)
        subnetIDs.append(.string(subnetID))
        let version = subnet.cidr.contains(":") ? 6 : 4
        let pools = IPCIDR.parse(subnet.cidr).map { $0.pools(gateway: subnet.gateway.flatMap(IPValue.init)) }
        // The cloud's IPv6 subnets give their addresses by SLAAC, as the servers' ports have them.
        let mode: JSON = version == 6 ? "slaac" : .null
        self[NeutronTables.subnets].append(
          NeutronTables.subnets.complete(
            [
              "id": .string(subnetID), "name": .string(subnet.name), "tenant_id": .string(projectID),
              "network_id": .string(networkID), "ip_version": .int(version), "ipv6_ra_mode": mode,
              "ipv6_address_mode": mode, "gateway_ip": .orNull(subnet.gateway), "cidr": .string(subnet.cidr),
              "allocation_pools": NeutronIPAM.poolsJSON((try? pools.get()) ?? []), "created_at": time, "updated_at": time,
              "project_id": .string(projectID),
            ]))
      }
      if !network.external { segment += 1 }
      self[NeutronTables.networks].append(
        NeutronTables.networks.complete(
          [
            "id": .string(networkID), "name": .string(network.name), "tenant_id": .string(projectID),
            "mtu": network.external ? 1500 : 1442, "status": "ACTIVE", "subnets": .array(subnetIDs),
            "shared": .bool(network.shared), "availability_zones": .array(["nova"]), "router:external": .bool(network.external),
            "created_at": time, "updated_at": time, "revision_number": 1, "project_id": .string(projectID),
            "provider:network_type": network.external ? "flat" : "geneve",
            "provider:physical_network": network.external ? "public" : .null,
            "provider:segmentation_id": network.external ? .null : .int(segment),
          ]))
      // A shared network's wildcard sharing policy, an external one's wildcard external policy.
      let record = self[NeutronTables.networks][self[NeutronTables.networks].count - 1]
      if network.shared { NeutronRBAC.addWildcard(&self, network: record, action: NeutronRBAC.shared) }
      if network.external { NeutronRBAC.addWildcard(&self, network: record, action: NeutronRBAC.external) }
    }
    NeutronDevstack.populate(&self, definition: definition, identity: identity, time: time)
  }
}

extension ResourceTable {
  /// A record with every attribute of the table, in the table's order: the given values, the
  /// others' defaults (`null` for computed ones).
  func complete(_ values: JSONObject) -> JSONObject {
    var record = JSONObject()
    record.reserveCapacity(attributes.count)
    // The table names each attribute once: appended, not looked for first.
    for attribute in attributes where attribute.shown {
      if let value = values[attribute.name] {
        record.appendNew(attribute.name, value)
      } else if case .value(let value) = attribute.default {
        record.appendNew(attribute.name, value)
      } else {
        record.appendNew(attribute.name, .null)
      }
    }
    return record
  }
}
