/// The commands this emulation implements, by name. Every other command of the real client is
/// reported as not simulated.
enum Commands {
  static let implemented: [String: any OpenStackCommand.Type] = Dictionary(
    uniqueKeysWithValues: all.map { ($0.name, $0) })

  private static let all: [any OpenStackCommand.Type] = [
    ShareTypeList.self,
    ShareNetworkCreate.self, ShareNetworkList.self, ShareNetworkShow.self, ShareNetworkDelete.self,
    ShareCreate.self, ShareList.self, ShareShow.self, ShareDelete.self,
    ShareMessageList.self, ShareMessageShow.self, ShareMessageDelete.self,
    NetworkList.self, SubnetList.self, SubnetShow.self,
    ServerCreate.self, ServerShow.self, ServerList.self, ServerDelete.self, ServerResize.self,
    ServerEventList.self, ServerEventShow.self, FlavorList.self, FlavorShow.self, ImageList.self, ImageShow.self,
    AggregateShow.self,
  ]
}
