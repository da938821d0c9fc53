import CloudAPI

/// `openstack server add floating ip` (`AddFloatingIP`): the address mapped to one of the
/// server's ports (Neutron's ports whose device is the server): the port holding
/// `--fixed-ip-address`, or else the first port a router can reach (each port tried in turn, a
/// 404 meaning "no external gateway from there").
enum ServerAddFloatingIP: OpenStackCommand {
  static let name = "server add floating ip"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let kind = NeutronResourceKind.floatingIP
    let address = try kind.find(arguments.value("<ip-address>") ?? "", in: context)
    let server = try ComputeLookup.server(arguments.value("<server>") ?? "", in: context)
    let ports = try NeutronResourceKind.port.list([(name: "device_id", value: server["id"]?.string ?? "")], in: context)
    if ports.isEmpty { throw CommandFailure(message: "No attached ports found to associate floating IP with") }
    if let fixed = arguments.value("--fixed-ip-address"), !fixed.isEmpty {
      let port = ports.first { port in (port["fixed_ips"]?.array ?? []).contains { $0["ip_address"]?.string == fixed } }
      guard let port else { throw CommandFailure(message: "No port found for fixed IP address \(fixed)") }
      try kind.update(address, ["fixed_ip_address": .string(fixed), "port_id": port["id"] ?? .null], in: context)
      return .nothing
    }
    var lastError: CommandFailure? = nil
    for port in ports {
      do {
        try kind.update(address, ["port_id": port["id"] ?? .null], in: context)
        return .nothing
      } catch let failure as CommandFailure where failure.message.hasPrefix("NotFoundException:") {
        lastError = failure
      }
    }
    throw lastError ?? CommandFailure(message: "No attached ports found to associate floating IP with")
  }
}

/// `openstack server remove floating ip` (`RemoveFloatingIP`): the address let go of its port
/// (the server is not looked up).
enum ServerRemoveFloatingIP: OpenStackCommand {
  static let name = "server remove floating ip"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let kind = NeutronResourceKind.floatingIP
    try kind.update(try kind.find(arguments.value("<ip-address>") ?? "", in: context), ["port_id": .null], in: context)
    return .nothing
  }
}
