/// The commands this emulation implements, by name. Every other command of the real client is
/// reported as not simulated.
enum Commands {
  static let implemented: [String: any OpenStackCommand.Type] = Dictionary(
    uniqueKeysWithValues: all.map { ($0.name, $0) })

  /// Each family lists its commands beside them (`Commands/<Family>/`).
  private static let all: [any OpenStackCommand.Type] = share + network + compute

  private static let share: [any OpenStackCommand.Type] = [
    ShareTypeList.self, ShareTypeCreate.self, ShareTypeShow.self, ShareTypeSet.self, ShareTypeUnset.self,
    ShareTypeDelete.self, ShareTypeAccessCreate.self, ShareTypeAccessList.self, ShareTypeAccessDelete.self,
    ShareAccessCreate.self, ShareAccessList.self, ShareAccessShow.self, ShareAccessDelete.self, ShareAccessSet.self,
    ShareAccessUnset.self,
    ShareSnapshotCreate.self, ShareSnapshotList.self, ShareSnapshotShow.self, ShareSnapshotSet.self,
    ShareSnapshotUnset.self, ShareSnapshotDelete.self,
    ShareNetworkCreate.self, ShareNetworkList.self, ShareNetworkShow.self, ShareNetworkDelete.self,
    ShareNetworkSet.self, ShareNetworkUnset.self, ShareNetworkSubnetCreate.self, ShareNetworkSubnetShow.self,
    ShareNetworkSubnetDelete.self, ShareSecurityServiceCreate.self, ShareSecurityServiceList.self,
    ShareSecurityServiceShow.self, ShareSecurityServiceSet.self, ShareSecurityServiceUnset.self,
    ShareSecurityServiceDelete.self,
    ShareCreate.self, ShareList.self, ShareShow.self, ShareDelete.self, ShareResize.self, ShareSet.self,
    ShareExportLocationList.self, ShareExportLocationShow.self,
    ShareUnset.self,
    ShareMessageList.self, ShareMessageShow.self, ShareMessageDelete.self, ShareLimitsShow.self,
  ]

  private static let network: [any OpenStackCommand.Type] = [NetworkList.self, SubnetList.self, SubnetShow.self]

  private static let compute: [any OpenStackCommand.Type] = [
    ServerCreate.self, ServerShow.self, ServerList.self, ServerDelete.self, ServerResize.self,
    ServerEventList.self, ServerEventShow.self, FlavorList.self, FlavorShow.self, ImageList.self, ImageShow.self,
    AggregateShow.self,
  ]
}
