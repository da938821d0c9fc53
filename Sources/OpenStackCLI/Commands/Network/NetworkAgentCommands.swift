import CloudAPI

/// `openstack network agent list` (`ListNetworkAgent`): the agents of a type or a host.
enum NetworkAgentList: OpenStackCommand {
  static let name = "network agent list"
  /// The client's names of the agent types, as `--agent-type` takes them.
  static let agentTypes: [(option: String, type: String)] = [
    ("bgp", "BGP dynamic routing agent"), ("dhcp", "DHCP agent"), ("open-vswitch", "Open vSwitch agent"),
    ("linux-bridge", "Linux bridge agent"), ("ofa", "OFA driver agent"), ("l3", "L3 agent"),
    ("loadbalancer", "Loadbalancer agent"), ("metering", "Metering agent"), ("metadata", "Metadata agent"),
    ("macvtap", "Macvtap agent"), ("nic", "NIC Switch agent"), ("baremetal", "Baremetal Node"),
    ("ovn-controller", "OVN Controller agent"), ("ovn-controller-gateway", "OVN Controller Gateway agent"),
    ("ovn-metadata", "OVN Metadata agent"), ("ovn-agent", "OVN Neutron agent"),
  ]
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating,
    types: NeutronPaging.types.merging(["--agent-type": .choices(agentTypes.map(\.option))]) { _, new in new })
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    // Read in every case; only the list of every agent pages.
    let paging = NeutronPaging.query(arguments)
    let maxItems = NeutronPaging.maxItems(arguments)
    var columns: [(String, String, NeutronColumnFormat)] = [
      ("ID", "id", .plain), ("Agent Type", "agent_type", .plain), ("Host", "host", .plain),
      ("Availability Zone", "availability_zone", .plain), ("Alive", "alive", .alive), ("State", "admin_state_up", .adminState),
      ("Binary", "binary", .plain),
    ]
    let agents: [JSON]
    // The agents hosting a network or a router: the DHCP and L3 agent schedulers' routes, which
    // Neutron with OVN does not have (it answers 404). `--long` adds a column only with `--router`.
    let long = arguments.flag("--long")
    if let network = arguments.value("--network") {
      let id = try NeutronResourceKind.network.findID(network, in: context)
      agents = try NeutronClient.call(context, .get, "/networks/\(id)/dhcp-agents")["agents"]?.array ?? []
    } else if let router = arguments.value("--router") {
      if long { columns.append(("HA State", "ha_state", .plain)) }
      let id = try NeutronResourceKind.router.findID(router, in: context)
      agents = try NeutronClient.call(context, .get, "/routers/\(id)/l3-agents")["agents"]?.array ?? []
    } else {
      var query: [(name: String, value: String)] = []
      if let option = arguments.value("--agent-type"), let type = agentTypes.first(where: { $0.option == option })?.type {
        query.append((name: "agent_type", value: type))
      }
      if let host = arguments.value("--host") { query.append((name: "host", value: host)) }
      agents = try NeutronResourceKind.agent.list(paging + query, maxItems: maxItems, in: context)
    }
    return .list(
      columns: columns.map(\.0),
      rows: agents.map { agent in columns.map { $0.2.format(agent[$0.1] ?? .null, table: context.isTable) } }, names: .tuple)
  }
}

/// `openstack network agent show` (`ShowNetworkAgent`): `GET /agents/{id}`, no search by name.
enum NetworkAgentShow: OpenStackCommand {
  static let name = "network agent show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let id = arguments.value("<network-agent>") ?? ""
    let response = try context.api.send(APIRequest(.get, "/v2.0/agents/\(id)"), to: .network)
    // The SDK's `_get` words a 404 as `No Agent found for X: ` and the request's details.
    guard response.status != 404 else {
      throw CommandFailure(
        message: "No Agent found for \(id): Client Error for url: \(NeutronClient.endpoint)/agents/\(id), "
          + Fault.message(of: response, service: .network))
    }
    guard (200..<300).contains(response.status) else { throw NeutronClient.sdkError(response, path: "/agents/\(id)") }
    return NeutronResourceKind.agent.show(response.body?["agent"] ?? .null, in: context)
  }
}

/// `openstack network agent set` (`SetNetworkAgent`): the agent fetched by ID, then its
/// description and state (nothing sent without them).
enum NetworkAgentSet: OpenStackCommand {
  static let name = "network agent set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let id = arguments.value("<network-agent>") ?? ""
    let agent = try NeutronClient.fetch(context, "/agents/\(id)", resource: "Agent", value: id)["agent"] ?? .null
    var attributes = NeutronAttributes(arguments)
    attributes.text("--description", "description")
    attributes.flags("--enable", "--disable", "admin_state_up")
    try NeutronResourceKind.agent.update(agent, attributes.fields, in: context)
    return .nothing
  }
}
