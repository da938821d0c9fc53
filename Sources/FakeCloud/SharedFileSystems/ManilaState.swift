import CloudAPI

/// Manila's records.
struct ManilaState {
  struct ShareType {
    var id: String
    var name: String
    /// Every extra spec, `driver_handles_share_servers` first, values as strings.
    var extraSpecs: Fields
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

  var shareTypes: [ShareType] = []
  var defaultShareType: String?
  var shareNetworks: [ShareNetwork] = []

  init(definition: CloudDefinition, ids: inout IDGenerator) {
    shareTypes = definition.shareTypes.map { type in
      var specs: Fields = ["driver_handles_share_servers": .string(type.driverHandlesShareServers ? "True" : "False")]
      for (key, value) in type.extraSpecs { specs[key] = .string(value) }
      return ShareType(
        id: ids.uuid(), name: type.name, extraSpecs: specs, isPublic: type.isPublic, description: type.description)
    }
    defaultShareType = definition.defaultShareType
  }
}
