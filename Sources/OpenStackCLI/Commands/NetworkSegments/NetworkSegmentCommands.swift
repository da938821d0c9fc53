import CloudAPI

/// `openstack network segment create` (`CreateNetworkSegment`).
enum NetworkSegmentCreate: OpenStackCommand {
  static let name = "network segment create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating,
    types: ["--segment": .int, "--network-type": .choices(["flat", "geneve", "gre", "local", "vlan", "vxlan"])])
  static let refusedOptions: Set<String> = ["--extra-property"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var attributes = NeutronAttributes(arguments)
    attributes.fields["name"] = .string(arguments.value("<name>") ?? "")
    try attributes.reference("--network", "network_id", .network, in: context)
    attributes.text("--network-type", "network_type")
    attributes.text("--description", "description")
    attributes.text("--physical-network", "physical_network")
    if let segment = arguments.value("--segment").flatMap({ Int($0) }) { attributes.fields["segmentation_id"] = .int(segment) }
    let kind = NeutronResourceKind.segment
    return kind.show(try kind.create(attributes.fields, in: context), in: context)
  }
}

/// `openstack network segment show` (`ShowNetworkSegment`).
enum NetworkSegmentShow: OpenStackCommand {
  static let name = "network segment show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let kind = NeutronResourceKind.segment
    return kind.show(try kind.find(arguments.value("<network-segment>") ?? "", in: context), in: context)
  }
}

/// `openstack network segment set` (`SetNetworkSegment`): name and description.
enum NetworkSegmentSet: OpenStackCommand {
  static let name = "network segment set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = ["--extra-property"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let kind = NeutronResourceKind.segment
    let segment = try kind.find(arguments.value("<network-segment>") ?? "", in: context)
    var attributes = NeutronAttributes(arguments)
    attributes.text("--description", "description")
    attributes.text("--name", "name")
    try kind.update(segment, attributes.fields, in: context)
    return .nothing
  }
}

/// `openstack network segment list` (`ListNetworkSegment`).
enum NetworkSegmentList: OpenStackCommand {
  static let name = "network segment list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating, types: NeutronPaging.types)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var query: [(name: String, value: String)] = []
    if let network = arguments.value("--network") {
      query.append((name: "network_id", value: try NeutronResourceKind.network.findID(network, in: context)))
    }
    var columns = [
      ("ID", "id"), ("Name", "name"), ("Network", "network_id"), ("Network Type", "network_type"), ("Segment", "segmentation_id"),
    ]
    if arguments.flag("--long") { columns.append(("Physical Network", "physical_network")) }
    let segments = try NeutronResourceKind.segment.list(query, paging: arguments, in: context)
    return .list(columns: columns.map(\.0), rows: segments.map { segment in columns.map { segment[$0.1] ?? .null } }, names: .tuple)
  }
}

/// `openstack network segment delete` (`DeleteNetworkSegment`).
enum NetworkSegmentDelete: OpenStackCommand {
  static let name = "network segment delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try NeutronResourceKind.segment.delete(arguments.values("<network-segment>"), noun: "network segment", by: "ID", in: context)
  }
}
