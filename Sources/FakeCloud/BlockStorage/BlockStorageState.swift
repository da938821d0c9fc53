import CloudAPI

/// Cinder's records: volume types, QoS specs, back ends and volumes.
struct BlockStorageState {
  struct VolumeType {
    var id: String
    var name: String
    var description: String?
    var isPublic: Bool
    /// In the order they were set, as Cinder's rows come back.
    var extraSpecs: [(String, String)]
    /// The projects a private type is shared with.
    var projects: [String] = []
    var qosSpecsID: String?
    /// Seconds: Cinder's columns have no fraction, and lists sort by them.
    var createdAt: Int64
    /// How the type's volumes are encrypted, if they are.
    var encryption: Encryption? = nil
  }

  /// A volume type's encryption (`encryption` table): the provider, cipher and key size, and
  /// where the volume is decrypted.
  struct Encryption {
    var id: String
    var provider: String
    var cipher: String?
    var keySize: Int?
    /// `front-end` (Nova) or `back-end` (Cinder).
    var controlLocation: String
    var createdAt: Int64
    var updatedAt: Int64?
  }

  struct QoSSpecs {
    var id: String
    var name: String
    /// `back-end`, `front-end` or `both`.
    var consumer: String
    var specs: [(String, String)]
    var createdAt: Int64
  }

  struct Backend {
    var definition: CloudDefinition.VolumeBackend
    /// GiB taken by the volumes placed on it.
    var allocated = 0

    var free: Int { definition.capacity - allocated }
  }

  /// A volume attached to a server: Cinder's attachment and Nova's block device mapping.
  struct Attachment {
    var id: String
    var serverID: String
    var device: String
    /// The compute host the server runs on.
    var host: String
    /// When the server attached it, in microseconds of the cloud's clock.
    var attachedAt: Int64
    /// The block device mapping's UUID, and what the user gave it.
    var bdmID: String
    var tag: String?
    var deleteOnTermination = false
  }

  struct Volume {
    var id: String
    var name: String?
    var description: String?
    var size: Int
    var status: String
    var typeID: String
    var availabilityZone: String
    /// `host@backend#pool`, once scheduled.
    var host: String?
    var projectID: String
    var userID: String
    var metadata: [(String, String)]
    var bootable = false
    var snapshotID: String?
    var sourceVolumeID: String?
    var imageMetadata: [(String, String)] = []
    /// The admin metadata's `readonly`: attachments are then read-only (`ro`).
    var readOnly = false
    var attachments: [Attachment] = []
    var multiattach = false
    /// Made of an encrypted type (with devstack's fixed key, whose ID the views leave out).
    var encrypted = false
    /// Whether hosts must lock when they connect (`shared_targets`): the column's default until
    /// the back end has made the volume and said.
    var sharedTargets: Bool? = true
    /// `starting`, `migrating`, `success` or `error` once an admin has moved the volume.
    var migrationStatus: String?
    var createdAt: Int64
    var updatedAt: Int64?
  }

  /// A user message (`cinder/message`): what went wrong with a request, for its project.
  struct Message {
    var id: String
    var projectID: String
    var requestID: String
    var resourceUUID: String
    /// `VOLUME_VOLUME_001_003`.
    var eventID: String
    var userMessage: String
    /// Seconds.
    var createdAt: Int64
    /// What `resourceUUID` names: `VOLUME`, `VOLUME_BACKUP`.
    var resourceType = "VOLUME"
  }

  /// A copy of a volume (or of one of its snapshots) kept by the backup service, from which a
  /// volume can be restored.
  struct Backup {
    var id: String
    var name: String?
    var description: String?
    var volumeID: String
    var snapshotID: String?
    /// `creating`, `available`, `deleting`, `error`, `restoring`.
    var status: String
    var size: Int
    /// The Swift container the chunks are in: the one asked for, else the driver's default.
    var container: String?
    var availabilityZone: String?
    /// The backup an incremental one builds on.
    var parentID: String?
    /// Whether an incremental backup builds on this one (`has_dependent_backups`).
    var hasDependents = false
    var metadata: [(String, String)]
    var objectCount = 0
    var failReason: String?
    var projectID: String
    var userID: String
    var createdAt: Int64
    var updatedAt: Int64?
    /// When the data was taken: the backup's own creation, or its snapshot's.
    var dataTimestamp: Int64
    /// The status the source goes back to once it has been read (Cinder's `previous_status`).
    var sourceStatus: String
  }

  /// `message_ttl`: 30 days.
  static let messageLifetime: Int64 = 2_592_000

  /// A point-in-time copy of a volume, on the volume's back end.
  struct Snapshot {
    var id: String
    var name: String?
    var description: String?
    var volumeID: String
    var status: String
    var size: Int
    var metadata: [(String, String)]
    var projectID: String
    var userID: String
    var createdAt: Int64
    var updatedAt: Int64?
  }

  /// A volume offered to another project, until it is accepted or the offer deleted.
  struct Transfer {
    var id: String
    var name: String?
    var volumeID: String
    var authKey: String
    var noSnapshots: Bool
    var projectID: String
    var createdAt: Int64
  }

  var transfers: [Transfer] = []
  var backups: [Backup] = []
  /// The backup service's host and zone, if the cloud runs one.
  var backupService: (host: String, zone: String)?
  /// The services an admin disabled (`host binary`), with the reason given, if any.
  var disabledServices: [String: String?] = [:]
  var messages: [Message] = []
  var snapshots: [Snapshot] = []
  var types: [VolumeType] = []
  var qosSpecs: [QoSSpecs] = []
  var backends: [Backend]
  var volumes: [Volume] = []
  var defaultTypeName: String

  init(definition: CloudDefinition, ids: inout IDGenerator, now: Int64) {
    backends = definition.volumeBackends.map { Backend(definition: $0) }
    defaultTypeName = definition.defaultVolumeType
    backupService = definition.volumeBackupHost.map { ($0, definition.volumeBackends.first?.availabilityZone ?? "nova") }
    // Made when Cinder and devstack were installed, a minute apart, before the cloud's first day.
    let installed = now / 1_000_000 - 3600
    types = definition.volumeTypes.enumerated().map { offset, type in
      VolumeType(
        id: ids.uuid(), name: type.name, description: type.description, isPublic: type.isPublic, extraSpecs: type.extraSpecs,
        createdAt: installed + Int64(60 * offset))
    }
  }

  func type(named nameOrID: String) -> VolumeType? {
    types.first { $0.id == nameOrID } ?? types.first { $0.name == nameOrID }
  }

  /// Whether `project` may use a type: public, or shared with it.
  func typeVisible(_ type: VolumeType, to caller: Caller) -> Bool {
    type.isPublic || caller.isAdmin || type.projects.contains(caller.projectID)
  }

  /// The availability zones of the volume services, in the order the back ends are listed.
  var availabilityZones: [String] {
    var zones: [String] = []
    for backend in backends where !zones.contains(backend.definition.availabilityZone) {
      zones.append(backend.definition.availabilityZone)
    }
    return zones
  }
}

extension Array where Element == (String, String) {
  /// Sets `key` to `value`, in place when the key is there, else at the end.
  mutating func setValue(_ value: String, forKey key: String) {
    if let index = firstIndex(where: { $0.0 == key }) { self[index].1 = value } else { append((key, value)) }
  }

  /// As a JSON object, in order.
  var json: JSON { .object(JSONObject(uniqueKeysWithValues: self.map { ($0.0, JSON.string($0.1)) })) }
}
