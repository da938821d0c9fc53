import CloudAPI

/// `--subport port=...,segmentation-type=...,segmentation-id=...` as the API's subports
/// (`_format_subports`): each port found, the ID an integer.
private func subports(_ arguments: ParsedArguments, in context: CommandContext) throws -> [JSON] {
  try arguments.values("--subport").map { text in
    var subport = JSONObject()
    let pairs = ValueType.pairs(text)
    if let port = pairs["port"]?.string, !port.isEmpty {
      subport["port_id"] = .string(try NeutronResourceKind.port.findID(port, in: context))
    }
    if let id = pairs["segmentation-id"]?.string, !id.isEmpty {
      guard let number = PythonInt.parse(id) else { throw CommandFailure(message: "Segmentation-id '\(id)' is not an integer") }
      subport["segmentation_id"] = .int(number)
    }
    if let type = pairs["segmentation-type"]?.string, !type.isEmpty { subport["segmentation_type"] = .string(type) }
    return .object(subport)
  }
}

private let subportType: [String: ValueType] = [
  "--subport": .multiKeyValue(required: ["port"], optional: ["segmentation-id", "segmentation-type"])
]

/// `PUT /v2.0/trunks/ID/add_subports` or `remove_subports`.
private func changeSubports(_ trunk: JSON, _ action: String, _ subports: [JSON], in context: CommandContext) throws {
  _ = try NeutronClient.call(context, .put, "/trunks/\(trunk["id"]?.string ?? "")/\(action)", body: .object(["sub_ports": .array(subports)]))
}

/// `openstack network trunk create` (`CreateNetworkTrunk`).
enum NetworkTrunkCreate: OpenStackCommand {
  static let name = "network trunk create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(["--subport"]), types: subportType)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var attributes = NeutronAttributes(arguments)
    attributes.fields["name"] = .string(arguments.value("<name>") ?? "")
    attributes.text("--description", "description")
    // `--enable` is the default: the client always sends the state.
    attributes.fields["admin_state_up"] = .bool(arguments.flag("--enable") || !arguments.flag("--disable"))
    try attributes.reference("--parent-port", "port_id", .port, in: context)
    if arguments.contains("--subport") { attributes.fields["sub_ports"] = .array(try subports(arguments, in: context)) }
    try attributes.project(in: context)
    let kind = NeutronResourceKind.trunk
    return kind.show(try kind.create(attributes.fields, in: context), in: context)
  }
}

/// `openstack network trunk show` (`ShowNetworkTrunk`): found, then fetched again by ID.
enum NetworkTrunkShow: OpenStackCommand {
  static let name = "network trunk show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let kind = NeutronResourceKind.trunk
    let id = try kind.findID(arguments.value("<trunk>") ?? "", in: context)
    return kind.show(try NeutronClient.fetch(context, "/trunks/\(id)", resource: "Trunk", value: id)["trunk"] ?? .null, in: context)
  }
}

/// `openstack network trunk set` (`SetNetworkTrunk`): the trunk's attributes, then the subports
/// added, each step's failure named.
enum NetworkTrunkSet: OpenStackCommand {
  static let name = "network trunk set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--subport"], types: subportType)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let name = arguments.value("<trunk>") ?? ""
    let kind = NeutronResourceKind.trunk
    let trunk = try kind.find(name, in: context)
    var attributes = NeutronAttributes(arguments)
    attributes.text("--name", "name")
    attributes.text("--description", "description")
    attributes.flags("--enable", "--disable", "admin_state_up")
    do {
      try kind.update(trunk, attributes.fields, in: context)
    } catch let failure as CommandFailure {
      throw CommandFailure(message: "Failed to set trunk '\(name)': \(failure.message)")
    }
    guard arguments.contains("--subport") else { return .nothing }
    let added = try subports(arguments, in: context)
    do {
      try changeSubports(trunk, "add_subports", added, in: context)
    } catch let failure as CommandFailure {
      throw CommandFailure(message: "Failed to add subports to trunk '\(name)': \(failure.message)")
    }
    return .nothing
  }
}

/// `openstack network trunk unset` (`UnsetNetworkTrunk`): the subports named removed.
enum NetworkTrunkUnset: OpenStackCommand {
  static let name = "network trunk unset"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--subport"])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let removed = try arguments.values("--subport").map { port in
      JSON.object(["port_id": .string(try NeutronResourceKind.port.findID(port, in: context))])
    }
    let trunk = try NeutronResourceKind.trunk.find(arguments.value("<trunk>") ?? "", in: context)
    try changeSubports(trunk, "remove_subports", removed, in: context)
    return .nothing
  }
}

/// `openstack network trunk list` (`ListNetworkTrunk`). The long form's `State` reads an
/// attribute the SDK's trunk does not have (it calls it `is_admin_state_up`): always `DOWN`.
enum NetworkTrunkList: OpenStackCommand {
  static let name = "network trunk list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var columns = ["ID", "Name", "Parent Port", "Description"]
    var fields = ["id", "name", "port_id", "description"]
    if arguments.flag("--long") {
      columns += ["Status", "State", "Created At", "Updated At"]
      fields += ["status", "", "created_at", "updated_at"]
    }
    let state = NeutronColumnFormat.adminState.format("", table: context.isTable)
    let trunks = try NeutronResourceKind.trunk.list([], in: context)
    return .list(columns: columns, rows: trunks.map { trunk in fields.map { $0.isEmpty ? state : trunk[$0] ?? .null } }, names: .tuple)
  }
}

/// `openstack network trunk delete` (`DeleteNetworkTrunk`).
enum NetworkTrunkDelete: OpenStackCommand {
  static let name = "network trunk delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try NeutronResourceKind.trunk.delete(arguments.values("<trunk>"), noun: "trunk", in: context)
  }
}

/// `openstack network subport list` (`ListNetworkSubport`): the trunk's subports.
enum NetworkSubportList: OpenStackCommand {
  static let name = "network subport list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let trunk = try NeutronResourceKind.trunk.find(arguments.value("--trunk") ?? "", in: context)
    let listed = try NeutronClient.call(context, .get, "/trunks/\(trunk["id"]?.string ?? "")/get_subports")
    let fields = ["port_id", "segmentation_type", "segmentation_id"]
    return .list(
      columns: ["Port", "Segmentation Type", "Segmentation ID"],
      rows: (listed["sub_ports"]?.array ?? []).map { subport in fields.map { subport[$0] ?? "" } }, names: .tuple)
  }
}
