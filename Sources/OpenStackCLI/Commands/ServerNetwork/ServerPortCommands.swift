import CloudAPI

/// Requests on a server's interfaces (`os-interface`) at openstacksdk's `ServerInterface`
/// microversion; a failure is the SDK's exception naming the path.
enum ServerInterfaceRequests {
  static func path(_ serverID: String, _ portID: String? = nil) -> String {
    "/servers/\(serverID)/os-interface" + (portID.map { "/\($0)" } ?? "")
  }

  @discardableResult
  static func call(_ method: HTTPMethod, _ path: String, body: JSON? = nil, in context: CommandContext) throws -> JSON {
    let response = try context.api.send(
      APIRequest(method, "/v2.1" + path, body: body), to: .compute, computeResource: .serverInterface)
    guard (200..<300).contains(response.status) else { throw ComputeLookup.sdkError(response, path: path) }
    return response.body ?? .null
  }

  /// `create_server_interface`: the attachment Nova answers.
  static func attach(_ attachment: JSONObject, to serverID: String, in context: CommandContext) throws -> JSON {
    try call(.post, path(serverID), body: .object(["interfaceAttachment": .object(attachment)]), in: context)["interfaceAttachment"]
      ?? .null
  }

  /// `--tag`, which needs 2.49 (checked when given, before the request).
  static func tag(_ arguments: ParsedArguments, in context: CommandContext) throws -> String? {
    guard let tag = arguments.value("--tag"), !tag.isEmpty else { return nil }
    guard try context.api.supportsComputeVersion(Microversion(2, 49)) else {
      throw CommandFailure(message: "--os-compute-api-version 2.49 or greater is required to support the --tag option")
    }
    return tag
  }
}

/// `openstack server add port` (`AddPort`): the server, then the port, found; the port attached.
enum ServerAddPort: OpenStackCommand {
  static let name = "server add port"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let server = try ComputeLookup.server(arguments.value("<server>") ?? "", in: context)
    let port = try NeutronResourceKind.port.find(arguments.value("<port>") ?? "", in: context)
    var attachment: JSONObject = ["port_id": port["id"] ?? .null]
    if let tag = try ServerInterfaceRequests.tag(arguments, in: context) { attachment["tag"] = .string(tag) }
    _ = try ServerInterfaceRequests.attach(attachment, to: server["id"]?.string ?? "", in: context)
    return .nothing
  }
}

/// `openstack server add network` (`AddNetwork`): a new port on the network attached.
enum ServerAddNetwork: OpenStackCommand {
  static let name = "server add network"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let server = try ComputeLookup.server(arguments.value("<server>") ?? "", in: context)
    let network = try NeutronResourceKind.network.find(arguments.value("<network>") ?? "", in: context)
    var attachment: JSONObject = ["net_id": network["id"] ?? .null]
    if let tag = try ServerInterfaceRequests.tag(arguments, in: context) { attachment["tag"] = .string(tag) }
    _ = try ServerInterfaceRequests.attach(attachment, to: server["id"]?.string ?? "", in: context)
    return .nothing
  }
}

/// `openstack server add fixed ip` (`AddFixedIP`): a new port on the network, with the address
/// asked for; the attachment shown.
enum ServerAddFixedIP: OpenStackCommand {
  static let name = "server add fixed ip"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let server = try ComputeLookup.server(arguments.value("<server>") ?? "", in: context)
    let serverID = server["id"]?.string ?? ""
    let tag = try ServerInterfaceRequests.tag(arguments, in: context)
    let network = try NeutronResourceKind.network.find(arguments.value("<network>") ?? "", in: context)
    var attachment: JSONObject = ["net_id": network["id"] ?? .null]
    if let address = arguments.value("--fixed-ip-address"), !address.isEmpty {
      attachment["fixed_ips"] = .array([.object(["ip_address": .string(address)])])
    }
    if let tag { attachment["tag"] = .string(tag) }
    let interface = try ServerInterfaceRequests.attach(attachment, to: serverID, in: context)
    let ips = interface["fixed_ips"]?.array ?? []
    // `ListDictColumn`: a `key='value', ...` line per address.
    let fixedIPs: JSON = context.isTable ? .string(ips.map { OSCLib.formatDict($0).string ?? "" }.joined(separator: "\n")) : .array(ips)
    var fields: JSONObject = [
      "Port ID": interface["port_id"] ?? .null, "Server ID": .string(serverID), "Network ID": interface["net_id"] ?? .null,
      "MAC Address": interface["mac_addr"] ?? .null, "Port State": interface["port_state"] ?? .null, "Fixed IPs": fixedIPs,
    ]
    // The SDK's resource keeps what the request gave where the answer has no value (below 2.70).
    if let tag { fields["Tag"] = interface["tag"] ?? .string(tag) }
    return .show(fields)
  }
}

/// `openstack server remove port` (`RemovePort`): the port detached (a miss is an error).
enum ServerRemovePort: OpenStackCommand {
  static let name = "server remove port"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let server = try ComputeLookup.server(arguments.value("<server>") ?? "", in: context)
    let port = try NeutronResourceKind.port.find(arguments.value("<port>") ?? "", in: context)
    let path = ServerInterfaceRequests.path(server["id"]?.string ?? "", port["id"]?.string ?? "")
    try ServerInterfaceRequests.call(.delete, path, in: context)
    return .nothing
  }
}

/// `openstack server remove network` (`RemoveNetwork`): each of the server's interfaces on the
/// network detached (a miss ignored).
enum ServerRemoveNetwork: OpenStackCommand {
  static let name = "server remove network"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let server = try ComputeLookup.server(arguments.value("<server>") ?? "", in: context)
    let serverID = server["id"]?.string ?? ""
    let network = try NeutronResourceKind.network.find(arguments.value("<network>") ?? "", in: context)
    let interfaces = try ServerInterfaceRequests.call(.get, ServerInterfaceRequests.path(serverID), in: context)
    for interface in interfaces["interfaceAttachments"]?.array ?? [] where interface["net_id"] == network["id"] {
      let path = ServerInterfaceRequests.path(serverID, interface["port_id"]?.string ?? "")
      let response = try context.api.send(APIRequest(.delete, "/v2.1" + path), to: .compute, computeResource: .serverInterface)
      guard (200..<300).contains(response.status) || response.status == 404 else { throw ComputeLookup.sdkError(response, path: path) }
    }
    return .nothing
  }
}

/// `openstack server remove fixed ip` (`RemoveFixedIP`): Nova's `removeFixedIp` action, at the
/// server's microversion (which Nova answers 404 from 2.44).
enum ServerRemoveFixedIP: OpenStackCommand {
  static let name = "server remove fixed ip"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let server = try ComputeLookup.server(arguments.value("<server>") ?? "", in: context)
    let address = arguments.value("<ip-address>") ?? ""
    try ServerRequests.action(.object(["removeFixedIp": .object(["address": .string(address)])]), on: server, in: context)
    return .nothing
  }
}

/// `openstack server add security group` and `remove security group`: each group (name or ID,
/// as given: Nova looks it up in Neutron) added or removed by a server action; each failure
/// logged, then counted.
struct ServerSecurityGroupChange {
  var adding: Bool

  func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let server = try ComputeLookup.server(arguments.value("<server>") ?? "", in: context)
    let serverID = server["id"]?.string ?? ""
    let groups = arguments.values("<security-group>")
    var errors = 0
    for group in groups {
      do {
        let action = adding ? "addSecurityGroup" : "removeSecurityGroup"
        try ServerRequests.action(.object([action: .object(["name": .string(group)])]), on: server, in: context)
      } catch let failure as CommandFailure {
        errors += 1
        let verb = adding ? "add security group with name or ID '\(group)' to" : "remove security group with name or ID '\(group)' from"
        context.log("Failed to \(verb) server '\(serverID)': \(failure.message)")
      }
    }
    if errors > 0 {
      throw CommandFailure(message: "\(errors) of \(groups.count) security groups were not \(adding ? "added" : "removed").")
    }
    return .nothing
  }
}

enum ServerAddSecurityGroup: OpenStackCommand {
  static let name = "server add security group"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ServerSecurityGroupChange(adding: true).run(arguments, in: context)
  }
}

enum ServerRemoveSecurityGroup: OpenStackCommand {
  static let name = "server remove security group"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ServerSecurityGroupChange(adding: false).run(arguments, in: context)
  }
}
