import CloudAPI

/// Manila's records.
struct ManilaState {
  struct ShareType {
    var id: String
    var name: String
    /// Every extra spec, `driver_handles_share_servers` last, values as strings.
    var extraSpecs: JSONObject
    var isPublic: Bool
    var description: String?
    /// The projects a private type is shared with.
    var projects: [String] = []
  }

  /// A share group type: the share types its groups may hold, and its group specs.
  struct ShareGroupType {
    var id: String
    var name: String
    var shareTypeIDs: [String]
    var groupSpecs: JSONObject
    var isPublic: Bool
    /// The projects a private type is shared with.
    var projects: [String] = []
  }

  struct ShareNetworkSubnet {
    var id: String
    var neutronNetID: String?
    var neutronSubnetID: String?
    var availabilityZone: String?
    var created: Int64
    var metadata: JSONObject = [:]
  }

  struct ShareNetwork {
    var id: String
    var name: String?
    var description: String?
    var projectID: String
    var created: Int64
    var subnets: [ShareNetworkSubnet]
    var securityServiceIDs: [String] = []
    var updated: Int64? = nil
  }

  struct Share {
    var id: String
    var instanceID: String
    var name: String?
    var description: String?
    var size: Int
    var proto: String
    var status: String
    var availabilityZone: String?
    var host: String?
    var projectID: String
    var userID: String
    var shareTypeID: String
    var shareNetworkID: String?
    var isPublic: Bool
    var metadata: JSONObject
    var created: Int64
    var updated: Int64?
    var progress: String?
    /// The request that created the share, which its user messages name.
    var requestID: String
    var exportLocations: [ExportLocation] = []
    /// `syncing` while the driver applies rules, `error` while a rule is in error.
    var accessRulesStatus = "active"
    /// The snapshot the share was created from.
    var snapshotID: String? = nil
    /// The backup last restored to the share.
    var sourceBackupID: String? = nil
    /// The share group the share belongs to.
    var shareGroupID: String? = nil
    /// When a share in the recycle bin is to be deleted (`scheduled_to_be_deleted_at`); `nil`
    /// outside it.
    var scheduledDeletion: Int64? = nil
    /// The `scheduler_hints` the share was created with (2.65), shares' IDs resolved.
    var schedulerHints: [String: String] = [:]
    /// The share server the share is exported from, on a back end that handles them.
    var shareServerID: String? = nil
    /// Where a migration stands (`migration_starting` ... `migration_success`), or what an admin
    /// reset it to; `nil` before any.
    var taskState: String? = nil
    /// The migration under way, from its start until it completes, fails or is cancelled.
    var migration: ShareMigration.Move? = nil
  }

  /// A share snapshot and its one instance.
  struct Snapshot {
    var id: String
    var instanceID: String
    var shareID: String
    var projectID: String
    var userID: String
    var name: String?
    var description: String?
    var size: Int
    var shareProto: String
    var status: String
    var metadata: JSONObject
    var created: Int64
    var providerLocation: String?
    var exportLocations: [ExportLocation] = []
  }

  /// A security service a share network's servers join (LDAP, Kerberos, Active Directory).
  struct SecurityService {
    var id: String
    var projectID: String
    var type: String
    /// Every other attribute by its API name (`name`, `dns_ip`, `server`, `ou` ...).
    var fields: [String: String]
    var created: Int64
    var updated: Int64?
  }

  /// A share access rule (`share_access_map` and its instance mapping's state).
  struct AccessRule {
    var id: String
    var shareID: String
    var projectID: String
    var accessType: String
    var accessTo: String
    var accessLevel: String
    /// `queued_to_apply`, `active`, `error`, `queued_to_deny`.
    var state: String
    var accessKey: String?
    var metadata: JSONObject
    var created: Int64
    var updated: Int64?
    /// The request that asked for it, which a failure's user message names.
    var requestID: String
  }

  struct ExportLocation {
    var id: String
    var path: String
    var preferred: Bool
    var isAdminOnly: Bool
  }

  struct Message {
    var id: String
    var projectID: String
    var actionID: String
    var detailID: String
    var resourceID: String
    var requestID: String
    var created: Int64
  }

  /// A storage back end the scheduler can place shares on.
  struct Backend {
    var host: String
    var availabilityZone: String
    var driverHandlesShareServers: Bool
    var freeCapacity: Int
    /// The capacity it reports in all.
    var totalCapacity: Int
    /// What the back end reports to the scheduler, which the capabilities filter matches the
    /// share type's extra specs against (booleans as `True`/`False`).
    var capabilities: [String: String]
    /// The GiB of data each of its shares holds, below which the driver refuses to shrink one.
    var shareUsedSpace = 0
  }

  /// `quota_gigabytes`' default: the sizes of a project's shares add up to no more.
  static let gigabytesQuota = 1000

  var shareTypes: [ShareType] = []
  var defaultShareType: String?
  var shareGroupTypes: [ShareGroupType] = []
  var shareNetworks: [ShareNetwork] = []
  var shares: [Share] = []
  var messages: [Message] = []
  var accessRules: [AccessRule] = []
  var snapshots: [Snapshot] = []
  var securityServices: [SecurityService] = []
  var backends: [Backend] = []
  var shareBackups: [ShareBackup] = []
  var shareTransfers: [ShareTransfer] = []
  var resourceLocks: [ResourceLock] = []
  var shareServers: [ShareServer] = []
  /// The hosts checks of security service updates (2.63), by share network and services:
  /// whether the back ends have answered.
  var securityServiceChecks: [String: Bool] = [:]
  var quotas = ManilaQuotas()
  var shareGroups: [ShareGroup] = []
  var shareGroupSnapshots: [ShareGroupSnapshot] = []
  var shareReplicas: [ShareReplica] = []
  var snapshotAccessRules: [SnapshotAccessRule] = []
  var abandoned = Abandoned()
  /// The services an admin disabled (by `host binary`), with the reason given.
  var disabledServices: [String: String?] = [:]

  init(definition: CloudDefinition, ids: inout IDGenerator) {
    shareTypes = definition.shareTypes.map { type in
      // python-manilaclient adds driver_handles_share_servers after the other specs it is given.
      var specs: JSONObject = [:]
      for (key, value) in type.extraSpecs { specs[key] = .string(value) }
      specs["driver_handles_share_servers"] = .string(type.driverHandlesShareServers ? "True" : "False")
      return ShareType(
        id: type.id.drawing(&ids), name: type.name, extraSpecs: specs, isPublic: type.isPublic, description: type.description)
    }
    defaultShareType = definition.defaultShareType
    backends = definition.backends.map { backend in
      var capabilities = Backend.dummyCapabilities(host: backend.host)
      capabilities[ExtraSpecs.driverHandlesShareServers] = backend.driverHandlesShareServers ? "True" : "False"
      for (key, value) in backend.capabilities { capabilities[key] = value }
      return Backend(
        host: backend.host, availabilityZone: backend.availabilityZone,
        driverHandlesShareServers: backend.driverHandlesShareServers, freeCapacity: backend.capacity,
        totalCapacity: backend.capacity, capabilities: capabilities, shareUsedSpace: backend.shareUsedSpace)
    }
  }
}

extension ManilaState.Backend {
  /// What Manila's dummy driver reports (`_update_share_stats`, with the base driver's
  /// defaults): `host@backend#pool` gives the back end's and the pool's names.
  static func dummyCapabilities(host: String) -> [String: String] {
    let afterAt = host.split(separator: "@", maxSplits: 1).last.map(String.init) ?? host
    let parts = afterAt.split(separator: "#", maxSplits: 1).map(String.init)
    return [
      "share_backend_name": parts.first ?? host, "pool_name": parts.count > 1 ? parts[1] : "",
      "vendor_name": "Open Source", "driver_version": "1.0", "storage_protocol": "NFS_CIFS",
      "snapshot_support": "True", "create_share_from_snapshot_support": "True", "revert_to_snapshot_support": "True",
      "mount_snapshot_support": "True", "mount_point_name_support": "True", "thin_provisioning": "False",
      "dedupe": "False", "compression": "False", "qos": "False",
    ]
  }
}
