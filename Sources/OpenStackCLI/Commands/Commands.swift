/// The commands this emulation implements, by name. Every other command of the real client is
/// reported as not simulated.
enum Commands {
  static let implemented: [String: any OpenStackCommand.Type] = Dictionary(
    uniqueKeysWithValues: all.map { ($0.name, $0) })

  /// Each family lists its commands beside them (`Commands/<Family>/`).
  private static let all: [any OpenStackCommand.Type] = share + network + compute + admin

  private static let share: [any OpenStackCommand.Type] = [
    ShareTypeList.self,
    ShareNetworkCreate.self, ShareNetworkList.self, ShareNetworkShow.self, ShareNetworkDelete.self,
    ShareCreate.self, ShareList.self, ShareShow.self, ShareDelete.self,
    ShareMessageList.self, ShareMessageShow.self, ShareMessageDelete.self,
  ]

  private static let network: [any OpenStackCommand.Type] = [NetworkList.self, SubnetList.self, SubnetShow.self]

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
    AggregateCreate.self, AggregateSet.self, AggregateUnset.self, AggregateAddHost.self, AggregateRemoveHost.self,
    AggregateList.self, AggregateDelete.self, ComputeServiceList.self, ComputeServiceSet.self, HypervisorList.self,
    ServerStop.self, ServerStart.self, ServerReboot.self, ServerPause.self, ServerUnpause.self, ServerSuspend.self,
    ServerResume.self,
  ]
}
