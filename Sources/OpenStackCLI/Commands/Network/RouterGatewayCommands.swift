import CloudAPI

/// `openstack router add gateway` and `router remove gateway` (`AddGatewayToRouter`,
/// `RemoveGatewayFromRouter`): the client first asks Neutron for `external-gateway-multihoming`,
/// which the cloud's Neutron (as devstack's OVN) does not have, and stops there.
enum RouterGateways {
  static let types: [String: ValueType] = ["--fixed-ip": .multiKeyValue(required: [], optional: ["subnet", "ip-address"])]

  /// The gateway asked for (the router, the external network, the fixed IPs that pick one of
  /// its addresses), read before anything is sent; then the extension looked for.
  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let asked = (arguments.value("<router>"), arguments.value("<network>"), arguments.values("--fixed-ip"))
    guard try NeutronResourceKind.hasExtension("external-gateway-multihoming", in: context) else {
      throw CommandFailure(message: "The external-gateway-multihoming extension is not enabled at the Neutron side.")
    }
    throw NotEmulated(what: "a gateway (\(asked.2.count) fixed IPs) on a cloud with external-gateway-multihoming")
  }
}

enum RouterAddGateway: OpenStackCommand {
  static let name = "router add gateway"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(["--fixed-ip"]), types: RouterGateways.types)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try RouterGateways.run(arguments, in: context)
  }
}

enum RouterRemoveGateway: OpenStackCommand {
  static let name = "router remove gateway"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(["--fixed-ip"]),
    types: RouterGateways.types)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try RouterGateways.run(arguments, in: context)
  }
}
