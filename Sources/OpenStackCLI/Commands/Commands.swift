/// The commands this emulation implements, by name. Every other command of the real client is
/// reported as not simulated.
enum Commands {
  static let implemented: [String: any OpenStackCommand.Type] = Dictionary(
    uniqueKeysWithValues: all.map { ($0.name, $0) })

  /// Each family lists its commands beside them (`Commands/<Family>/`).
  private static let all: [any OpenStackCommand.Type] = share + network + compute + volume

  private static let share: [any OpenStackCommand.Type] = [
    ShareTypeList.self,
    ShareNetworkCreate.self, ShareNetworkList.self, ShareNetworkShow.self, ShareNetworkDelete.self,
    ShareCreate.self, ShareList.self, ShareShow.self, ShareDelete.self,
    ShareMessageList.self, ShareMessageShow.self, ShareMessageDelete.self,
  ]

  private static let network: [any OpenStackCommand.Type] = [NetworkList.self, SubnetList.self, SubnetShow.self]

  private static let volume: [any OpenStackCommand.Type] = [
    VolumeTypeCreate.self, VolumeTypeSet.self, VolumeTypeUnset.self, VolumeTypeList.self, VolumeTypeShow.self,
    VolumeTypeDelete.self, QoSCreate.self, QoSAssociate.self, QoSDisassociate.self, QoSList.self, QoSShow.self,
    QoSSet.self, QoSUnset.self, QoSDelete.self, VolumeCreate.self, VolumeList.self, VolumeShow.self, VolumeSet.self,
    VolumeUnset.self, VolumeDelete.self, VolumeMigrate.self, VolumeServiceList.self, VolumeServiceSet.self,
    VolumeMessageList.self, VolumeSnapshotCreate.self, VolumeSnapshotList.self, VolumeSnapshotShow.self,
    VolumeSnapshotDelete.self, VolumeSnapshotSet.self, VolumeSnapshotUnset.self, VolumeTransferRequestCreate.self,
    VolumeTransferRequestAccept.self, VolumeTransferRequestList.self, VolumeTransferRequestShow.self,
    VolumeTransferRequestDelete.self, ServerAddVolume.self, ServerRemoveVolume.self, ServerVolumeList.self,
  ]

  private static let compute: [any OpenStackCommand.Type] = [
    ServerCreate.self, ServerShow.self, ServerList.self, ServerDelete.self, ServerResize.self,
    ServerEventList.self, ServerEventShow.self, FlavorList.self, FlavorShow.self, ImageList.self, ImageShow.self,
    AggregateShow.self,
  ]
}
