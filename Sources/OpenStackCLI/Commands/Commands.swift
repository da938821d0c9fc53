/// The commands this emulation implements, by name. Every other command of the real client is
/// reported as not simulated.
enum Commands {
  static let implemented: [String: any OpenStackCommand.Type] = Dictionary(
    uniqueKeysWithValues: all.map { ($0.name, $0) })

  /// Each family lists its commands beside them (`Commands/<Family>/`).
  private static let all: [any OpenStackCommand.Type] = share + network + compute

  private static let share: [any OpenStackCommand.Type] = [
    ShareTypeList.self,
    ShareNetworkCreate.self, ShareNetworkList.self, ShareNetworkShow.self, ShareNetworkDelete.self,
    ShareCreate.self, ShareList.self, ShareShow.self, ShareDelete.self,
    ShareMessageList.self, ShareMessageShow.self, ShareMessageDelete.self,
  ]

  private static let network: [any OpenStackCommand.Type] = [
    NetworkList.self, NetworkCreate.self, NetworkShow.self, NetworkSet.self, NetworkUnset.self, NetworkDelete.self,
    SubnetList.self, SubnetShow.self, SubnetCreate.self, SubnetSet.self, SubnetUnset.self, SubnetDelete.self,
    PortCreate.self, PortList.self, PortShow.self, PortSet.self, PortDelete.self,
    RouterCreate.self, RouterShow.self, RouterList.self, RouterSet.self, RouterUnset.self, RouterDelete.self,
    RouterAddSubnet.self, RouterRemoveSubnet.self, RouterAddPort.self, RouterRemovePort.self,
    SecurityGroupCreate.self, SecurityGroupShow.self, SecurityGroupList.self, SecurityGroupDelete.self,
    SecurityGroupRuleCreate.self, SecurityGroupRuleShow.self, SecurityGroupRuleList.self, SecurityGroupRuleDelete.self,
    FloatingIPCreate.self, FloatingIPShow.self, FloatingIPList.self, FloatingIPSet.self, FloatingIPUnset.self,
    FloatingIPDelete.self, NetworkRBACCreate.self, NetworkRBACShow.self, NetworkRBACList.self, NetworkRBACDelete.self,
    NetworkAgentList.self, NetworkAgentShow.self, SubnetPoolCreate.self, SubnetPoolShow.self, SubnetPoolSet.self,
    SubnetPoolList.self, SubnetPoolDelete.self, AddressScopeCreate.self, AddressScopeShow.self, AddressScopeList.self,
    AddressScopeDelete.self, ExtensionList.self,
  ]

  private static let compute: [any OpenStackCommand.Type] = [
    ServerCreate.self, ServerShow.self, ServerList.self, ServerDelete.self, ServerResize.self,
    ServerEventList.self, ServerEventShow.self, FlavorList.self, FlavorShow.self, ImageList.self, ImageShow.self,
    AggregateShow.self,
  ]
}
