/// The commands this emulation implements, by name. Every other command of the real client is
/// reported as not simulated.
enum Commands {
  static let implemented: [String: any OpenStackCommand.Type] = Dictionary(
    uniqueKeysWithValues: all.map { ($0.name, $0) })

  /// Each family lists its commands beside them (`Commands/<Family>/`).
  private static let all: [any OpenStackCommand.Type] =
    share + network + networkQoS + networkSegments + compute + volume + admin + image + quota + imageMembers + servers + identity
    + serverNetwork

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
    ShareGroupTypeCreate.self, ShareGroupTypeList.self, ShareGroupTypeShow.self, ShareGroupTypeSet.self,
    ShareGroupTypeUnset.self, ShareGroupTypeDelete.self, ShareGroupTypeAccessCreate.self,
    ShareGroupTypeAccessList.self, ShareGroupTypeAccessDelete.self,
    ShareBackupCreate.self, ShareBackupList.self, ShareBackupShow.self, ShareBackupSet.self, ShareBackupUnset.self,
    ShareBackupRestore.self, ShareBackupDelete.self, ShareQuotaShow.self, ShareQuotaSet.self, ShareQuotaDelete.self,
    ShareGroupCreate.self, ShareGroupList.self, ShareGroupShow.self, ShareGroupSet.self, ShareGroupUnset.self,
    ShareGroupDelete.self, ShareReplicaCreate.self, ShareReplicaList.self, ShareReplicaShow.self, ShareReplicaSet.self,
    ShareReplicaPromote.self, ShareReplicaUnset.self, ShareReplicaResync.self, ShareReplicaDelete.self, ShareReplicaExportLocationList.self,
    ShareReplicaExportLocationShow.self, ShareServiceList.self, ShareServiceSet.self, SharePoolList.self,
    ShareAvailabilityZoneList.self, ShareRevert.self, ShareSnapshotAccessCreate.self, ShareSnapshotAccessList.self,
    ShareSnapshotAccessDelete.self, ShareAdopt.self, ShareAbandon.self, ShareSnapshotAdopt.self, ShareSnapshotAbandon.self,
    ShareGroupSnapshotCreate.self, ShareGroupSnapshotList.self, ShareGroupSnapshotShow.self, ShareGroupSnapshotSet.self,
    ShareGroupSnapshotUnset.self, ShareGroupSnapshotDelete.self, ShareGroupSnapshotMembersList.self,
    ShareNetworkSubnetSet.self, ShareNetworkSubnetUnset.self, ShareTransferCreate.self, ShareTransferList.self,
    ShareTransferShow.self, ShareTransferAccept.self, ShareTransferDelete.self, ShareRestore.self,
    ShareLockCreate.self, ShareLockList.self, ShareLockShow.self, ShareLockSet.self, ShareLockUnset.self, ShareLockDelete.self,
    ShareServerList.self, ShareServerShow.self, ShareServerDelete.self, ShareServerSet.self, ShareServerAbandon.self, ShareServerAdopt.self,
    ShareMigrationStart.self, ShareMigrationComplete.self, ShareMigrationCancel.self, ShareMigrationShow.self,
  ]

  private static let network: [any OpenStackCommand.Type] = [
    IPAvailabilityList.self, IPAvailabilityShow.self,
    NetworkList.self, NetworkCreate.self, NetworkShow.self, NetworkSet.self, NetworkUnset.self, NetworkDelete.self,
    SubnetList.self, SubnetShow.self, SubnetCreate.self, SubnetSet.self, SubnetUnset.self, SubnetDelete.self,
    PortCreate.self, PortList.self, PortShow.self, PortSet.self, PortUnset.self, PortDelete.self,
    RouterCreate.self, RouterShow.self, RouterList.self, RouterSet.self, RouterUnset.self, RouterDelete.self,
    RouterAddSubnet.self, RouterRemoveSubnet.self, RouterAddPort.self, RouterRemovePort.self, RouterAddGateway.self,
    RouterRemoveGateway.self,
    SecurityGroupCreate.self, SecurityGroupShow.self, SecurityGroupList.self, SecurityGroupDelete.self,
    SecurityGroupRuleCreate.self, SecurityGroupRuleShow.self, SecurityGroupRuleList.self, SecurityGroupRuleDelete.self,
    FloatingIPCreate.self, FloatingIPShow.self, FloatingIPList.self, FloatingIPSet.self, FloatingIPUnset.self,
    FloatingIPDelete.self, NetworkRBACCreate.self, NetworkRBACShow.self, NetworkRBACList.self, NetworkRBACDelete.self, NetworkRBACSet.self,
    NetworkAgentList.self, NetworkAgentShow.self, NetworkAgentSet.self, SubnetPoolCreate.self, SubnetPoolShow.self, SubnetPoolSet.self,
    SubnetPoolList.self, SubnetPoolDelete.self, AddressScopeCreate.self, AddressScopeShow.self, AddressScopeList.self,
    AddressScopeDelete.self, ExtensionList.self,
  ]

  private static let networkSegments: [any OpenStackCommand.Type] = [
    NetworkSegmentCreate.self, NetworkSegmentShow.self, NetworkSegmentSet.self, NetworkSegmentList.self,
    NetworkSegmentDelete.self, NetworkSegmentRangeCreate.self, NetworkSegmentRangeShow.self, NetworkSegmentRangeSet.self,
    NetworkSegmentRangeList.self, NetworkSegmentRangeDelete.self, NetworkTrunkCreate.self, NetworkTrunkShow.self,
    NetworkTrunkSet.self, NetworkTrunkUnset.self, NetworkTrunkList.self, NetworkTrunkDelete.self, NetworkSubportList.self,
    NetworkAutoAllocatedTopologyCreate.self, NetworkAutoAllocatedTopologyDelete.self, ExtensionShow.self,
    NetworkServiceProviderList.self, NetworkFlavorProfileCreate.self, NetworkFlavorCreate.self, NetworkFlavorAddProfile.self,
    ServerAddFloatingIP.self, ServerRemoveFloatingIP.self,
  ]

  private static let serverNetwork: [any OpenStackCommand.Type] = [
    ServerAddPort.self, ServerRemovePort.self, ServerAddNetwork.self, ServerRemoveNetwork.self, ServerAddFixedIP.self,
    ServerRemoveFixedIP.self, ServerAddSecurityGroup.self, ServerRemoveSecurityGroup.self,
  ]

  private static let networkQoS: [any OpenStackCommand.Type] = [
    NetworkQoSPolicyCreate.self, NetworkQoSPolicyShow.self, NetworkQoSPolicySet.self, NetworkQoSPolicyList.self,
    NetworkQoSPolicyDelete.self, NetworkQoSRuleCreate.self, NetworkQoSRuleShow.self, NetworkQoSRuleSet.self,
    NetworkQoSRuleList.self, NetworkQoSRuleDelete.self,
  ]

  private static let volume: [any OpenStackCommand.Type] = [
    VolumeTypeCreate.self, VolumeTypeSet.self, VolumeTypeUnset.self, VolumeTypeList.self, VolumeTypeShow.self,
    VolumeTypeDelete.self, QoSCreate.self, QoSAssociate.self, QoSDisassociate.self, QoSList.self, QoSShow.self,
    QoSSet.self, QoSUnset.self, QoSDelete.self, VolumeCreate.self, VolumeList.self, VolumeShow.self, VolumeSet.self,
    VolumeUnset.self, VolumeDelete.self, VolumeMigrate.self, VolumeServiceList.self, VolumeServiceSet.self,
    VolumeMessageList.self, VolumeAttachmentList.self, VolumeAttachmentShow.self, VolumeSnapshotCreate.self, VolumeSnapshotList.self, VolumeSnapshotShow.self,
    VolumeSnapshotDelete.self, VolumeSnapshotSet.self, VolumeSnapshotUnset.self, VolumeTransferRequestCreate.self,
    VolumeTransferRequestAccept.self, VolumeTransferRequestList.self, VolumeTransferRequestShow.self,
    VolumeTransferRequestDelete.self, ServerAddVolume.self, ServerRemoveVolume.self, ServerVolumeList.self,
    VolumeBackupCreate.self, VolumeBackupList.self, VolumeBackupShow.self, VolumeBackupSet.self, VolumeBackupUnset.self,
    VolumeBackupRestore.self, VolumeBackupDelete.self,
  ]

  private static let compute: [any OpenStackCommand.Type] = [
    ServerCreate.self, ServerShow.self, ServerList.self, ServerDelete.self, ServerResize.self,
    ServerEventList.self, ServerEventShow.self, FlavorList.self, FlavorShow.self, ImageList.self, ImageShow.self,
    AggregateShow.self,
  ]

  private static let admin: [any OpenStackCommand.Type] = [
    FlavorCreate.self, FlavorSet.self, FlavorUnset.self, FlavorDelete.self,
    ProjectCreate.self, ProjectList.self, ProjectShow.self, UserCreate.self, UserList.self, UserShow.self,
    RoleAdd.self, RoleRemove.self, RoleList.self, RoleCreate.self, RoleShow.self, RoleAssignmentList.self,
    ServiceCreate.self, ServiceList.self, EndpointCreate.self, EndpointList.self, EndpointShow.self, EndpointDelete.self,
    CatalogList.self, CatalogShow.self, TokenIssue.self,
    AggregateCreate.self, AggregateSet.self, AggregateUnset.self, AggregateAddHost.self, AggregateRemoveHost.self,
    AggregateList.self, AggregateDelete.self, ComputeServiceList.self, ComputeServiceSet.self, ApplicationCredentialCreate.self, ApplicationCredentialShow.self, ApplicationCredentialList.self,
    ApplicationCredentialDelete.self, HypervisorList.self, HypervisorShow.self, HypervisorStatsShow.self,
    ServerStop.self, ServerStart.self, ServerReboot.self, ServerPause.self, ServerUnpause.self, ServerSuspend.self,
    ServerResume.self,
  ]

  private static let servers: [any OpenStackCommand.Type] = [
    KeypairCreate.self, KeypairList.self, KeypairShow.self, KeypairDelete.self, ServerGroupCreate.self,
    ServerGroupList.self, ServerGroupShow.self, ServerGroupDelete.self, AvailabilityZoneList.self, ServerDumpCreate.self, ServerAddShare.self, ServerShareList.self, ServerShareShow.self,
    ServerRemoveShare.self, HostList.self, HostShow.self, HostSet.self, RegionCreate.self, RegionList.self,
    RegionShow.self, RegionSet.self, RegionDelete.self, ServiceShow.self, ServiceSet.self, ServiceDelete.self,
    UsageList.self, UsageShow.self, ConsoleURLShow.self, ServerLock.self, ServerImageCreate.self,
    ServerUnlock.self, ServerRescue.self, ServerUnrescue.self, ServerShelve.self, ServerUnshelve.self, ServerMigrate.self,
    ServerMigrateConfirm.self, ServerMigrateRevert.self, ServerResizeConfirm.self, ServerResizeRevert.self,
    ServerSet.self, ServerUnset.self,
  ]

  private static let image: [any OpenStackCommand.Type] = [
    ImageCreate.self, ImageSet.self, ImageUnset.self, ImageDelete.self,
  ]

  private static let quota: [any OpenStackCommand.Type] = [
    QuotaShow.self, QuotaSet.self, QuotaList.self, QuotaDelete.self, LimitsShow.self,
  ]

  private static let identity: [any OpenStackCommand.Type] = [
    RegisteredLimitCreate.self, RegisteredLimitList.self, RegisteredLimitShow.self, RegisteredLimitSet.self,
    RegisteredLimitDelete.self, LimitCreate.self, LimitList.self, LimitShow.self, LimitSet.self, LimitDelete.self,
    DomainCreate.self, DomainList.self, DomainShow.self, DomainSet.self, DomainDelete.self, GroupCreate.self, GroupList.self,
    GroupShow.self, GroupSet.self, GroupDelete.self, GroupAddUser.self, GroupRemoveUser.self, GroupContainsUser.self,
    ProjectSet.self, ProjectDelete.self, UserSet.self, UserDelete.self, UserPasswordSet.self, ServerRebuild.self,
    ServerEvacuate.self, ServerMigrationList.self, ServerMigrationShow.self, ServerMigrationAbort.self,
    ServerMigrationForceComplete.self, ServerMigrationConfirm.self, ServerMigrationRevert.self,
  ]

  private static let imageMembers: [any OpenStackCommand.Type] = [
    ImageAddProject.self, ImageRemoveProject.self, ImageMemberList.self,
  ]
}
