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
  }

  struct ShareNetworkSubnet {
    var id: String
    var neutronNetID: String?
    var neutronSubnetID: String?
    var availabilityZone: String?
    var created: Int64
  }

  struct ShareNetwork {
    var id: String
    var name: String?
    var description: String?
    var projectID: String
    var created: Int64
    var subnets: [ShareNetworkSubnet]
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
  }

  /// `quota_gigabytes`' default: the sizes of a project's shares add up to no more.
  static let gigabytesQuota = 1000

  var shareTypes: [ShareType] = []
  var defaultShareType: String?
  var shareNetworks: [ShareNetwork] = []
  var shares: [Share] = []
  var messages: [Message] = []
  var backends: [Backend] = []

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
    backends = definition.backends.map {
      Backend(
        host: $0.host, availabilityZone: $0.availabilityZone, driverHandlesShareServers: $0.driverHandlesShareServers,
        freeCapacity: $0.capacity)
    }
  }
}
