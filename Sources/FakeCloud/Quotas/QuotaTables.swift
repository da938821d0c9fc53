/// The services that keep quotas, each with its own API and faults.
enum QuotaService: Sendable, Hashable {
  case compute, volume, network
}

/// One quota a service keeps: its name, its default (the service's `quota_*` option; -1 is
/// unlimited) and what counts against it in a project (nothing, for a plain limit such as
/// `metadata_items`).
struct QuotaResource: Sendable {
  let name: String
  let defaultLimit: Int
  let usage: @Sendable (CloudState, String) -> Int

  init(_ name: String, _ defaultLimit: Int, usage: @escaping @Sendable (CloudState, String) -> Int = { _, _ in 0 }) {
    self.name = name
    self.defaultLimit = defaultLimit
    self.usage = usage
  }
}

/// Each service's quotas as a table, in the order the service lists them. Cinder's depend on the
/// cloud: each volume type has its own `volumes_`, `gigabytes_` and `snapshots_` quotas.
enum QuotaTables {
  static func resources(_ service: QuotaService, in state: CloudState) -> [QuotaResource] {
    switch service {
    case .compute: compute
    case .volume: volume(state.blockStorage.types)
    case .network: network
    }
  }

  /// `nova/quota.py`'s `QUOTAS`, sorted by name as the engine lists them; servers count with
  /// their flavor's vCPUs and memory until they are deleted. Key pairs count per user, and the
  /// nova-network quotas are only kept for old microversions (always -1).
  static let compute: [QuotaResource] = [
    QuotaResource("cores", 20) { state, project in state.compute.liveServers(of: project).reduce(0) { $0 + $1.vcpus } },
    QuotaResource("fixed_ips", -1), QuotaResource("floating_ips", -1),
    QuotaResource("injected_file_content_bytes", 10 * 1024), QuotaResource("injected_file_path_bytes", 255),
    QuotaResource("injected_files", 5),
    QuotaResource("instances", 10) { state, project in state.compute.liveServers(of: project).count },
    QuotaResource("key_pairs", 100), QuotaResource("metadata_items", 128),
    QuotaResource("ram", 50 * 1024) { state, project in state.compute.liveServers(of: project).reduce(0) { $0 + $1.ram } },
    QuotaResource("security_group_rules", -1), QuotaResource("security_groups", -1),
    QuotaResource("server_group_members", 10), QuotaResource("server_groups", 10),
  ]

  /// `cinder/quota.py`'s `VolumeTypeQuotaEngine` (the global quotas, then each type's, the
  /// newest type first as `volume_type_get_all` sorts them) and `GroupQuotaEngine`'s `groups`.
  /// Gigabytes count volumes and snapshots; backup gigabytes, backups.
  static func volume(_ types: [BlockStorageState.VolumeType]) -> [QuotaResource] {
    var resources = [
      QuotaResource("volumes", 10) { state, project in state.blockStorage.volumes.filter { $0.projectID == project }.count },
      QuotaResource("per_volume_gigabytes", -1),
      QuotaResource("snapshots", 10) { state, project in state.blockStorage.snapshots.filter { $0.projectID == project }.count },
      QuotaResource("gigabytes", 1000) { state, project in
        state.blockStorage.volumes.filter { $0.projectID == project }.reduce(0) { $0 + $1.size }
          + state.blockStorage.snapshots.filter { $0.projectID == project }.reduce(0) { $0 + $1.size }
      },
      QuotaResource("backups", 10) { state, project in state.blockStorage.backups.filter { $0.projectID == project }.count },
      QuotaResource("backup_gigabytes", 1000) { state, project in
        state.blockStorage.backups.filter { $0.projectID == project }.reduce(0) { $0 + $1.size }
      },
    ]
    for type in types.reversed() {
      let id = type.id
      let volumes = { @Sendable (state: CloudState, project: String) in
        state.blockStorage.volumes.filter { $0.projectID == project && $0.typeID == id }
      }
      let snapshots = { @Sendable (state: CloudState, project: String) in
        state.blockStorage.snapshots.filter { snapshot in
          snapshot.projectID == project && volumes(state, project).contains { $0.id == snapshot.volumeID }
        }
      }
      resources += [
        QuotaResource("volumes_\(type.name)", -1) { volumes($0, $1).count },
        QuotaResource("gigabytes_\(type.name)", -1) { state, project in
          volumes(state, project).reduce(0) { $0 + $1.size } + snapshots(state, project).reduce(0) { $0 + $1.size }
        },
        QuotaResource("snapshots_\(type.name)", -1) { snapshots($0, $1).count },
      ]
    }
    resources.append(QuotaResource("groups", 10))
    return resources
  }

  /// Neutron's tracked resources as ML2/OVN registers them (`neutron/conf/quota.py`'s
  /// defaults), each counting the project's records of its table.
  static let network: [QuotaResource] = [
    counted("network", 100, "networks"), counted("port", 500, "ports"), counted("subnet", 100, "subnets"),
    counted("subnetpool", -1, "subnetpools"), counted("security_group", 10, "security_groups"),
    counted("security_group_rule", 100, "security_group_rules"), counted("rbac_policy", 10, "rbac_policies"),
    counted("router", 10, "routers"), counted("floatingip", 50, "floatingips"), QuotaResource("router_route", 30),
  ]

  /// The Neutron quota a POST to the collection counts against.
  static func networkQuota(forCollection collection: String) -> String? {
    networkCollections[collection]
  }

  private static let networkCollections: [String: String] = [
    "networks": "network", "ports": "port", "subnets": "subnet", "subnetpools": "subnetpool",
    "security_groups": "security_group", "security_group_rules": "security_group_rule", "rbac_policies": "rbac_policy",
    "routers": "router", "floatingips": "floatingip",
  ]

  private static func counted(_ name: String, _ defaultLimit: Int, _ collection: String) -> QuotaResource {
    QuotaResource(name, defaultLimit) { state, project in
      state.network.records[collection]?.reduce(0) { $0 + ($1["project_id"]?.string == project ? 1 : 0) } ?? 0
    }
  }
}

extension ComputeState {
  /// A server's claim on its project's quotas.
  struct QuotaClaim {
    var vcpus: Int
    var ram: Int
  }

  /// What the project's servers that are not deleted hold, as Nova counts instances, cores and
  /// RAM.
  func liveServers(of project: String) -> [QuotaClaim] {
    servers.filter { $0.projectID == project && $0.vmState != "deleted" }.map { server in
      let flavor = flavor(server.flavorID)?.definition
      return QuotaClaim(vcpus: flavor?.vcpus ?? 0, ram: flavor?.ram ?? 0)
    }
  }
}
