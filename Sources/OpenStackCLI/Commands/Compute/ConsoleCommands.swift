import CloudAPI

/// `openstack console url show` (`ShowConsoleURL`): the SDK's `create_console`, a remote console
/// from 2.6 (the protocol from the type), before it the `os-get*Console` action; the console's
/// attributes but its ID, links, location and name (the server's is not among them), sorted.
enum ConsoleURLShow: OpenStackCommand {
  static let name = "console url show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  /// Each option's console type and protocol, in the usage's order; `--novnc` is the default.
  private static let types: [(option: String, type: String, protocol: String)] = [
    ("--novnc", "novnc", "vnc"), ("--xvpvnc", "xvpvnc", "vnc"), ("--spice", "spice-html5", "spice"),
    ("--spice-direct", "spice-direct", "spice"), ("--rdp", "rdp-html5", "rdp"), ("--serial", "serial", "serial"),
    ("--mks", "webmks", "mks"),
  ]

  /// The SDK's `CONSOLE_TYPE_ACTION_MAPPING` for the servers that predate remote consoles.
  private static let actions = [
    "novnc": "os-getVNCConsole", "xvpvnc": "os-getVNCConsole", "spice-html5": "os-getSPICEConsole",
    "spice-direct": "os-getSPICEConsole", "rdp-html5": "os-getRDPConsole", "serial": "os-getSerialConsole",
  ]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let chosen = types.filter { arguments.flag($0.option) }.last ?? types[0]
    let server = try ComputeLookup.server(arguments.value("<server>") ?? "", in: context)["id"]?.string ?? ""
    guard try context.api.supportsComputeVersion(Microversion(2, 6)) else {
      guard let action = actions[chosen.type] else { throw CommandFailure(message: "Unsupported console type \(chosen.type)") }
      let body = JSON.object([action: .object(["type": .string(chosen.type)])])
      let console = try ComputeLookup.sdkCall(APIRequest(.post, "/v2.1/servers/\(server)/action", body: body), in: context)["console"]
      return .show(["type": console?["type"] ?? .null, "url": console?["url"] ?? .null])
    }
    for (type, version) in [("webmks", Microversion(2, 8)), ("spice-direct", Microversion(2, 99))] where chosen.type == type {
      guard try context.api.supportsComputeVersion(version) else {
        throw CommandFailure(message: "Console type \(type) is not supported on server side")
      }
    }
    let body = JSON.object(["remote_console": .object(["type": .string(chosen.type), "protocol": .string(chosen.protocol)])])
    let request = APIRequest(.post, "/v2.1/servers/\(server)/remote-consoles", body: body)
    let console = try ComputeLookup.sdkCall(request, resource: .remoteConsole, in: context)["remote_console"] ?? .null
    return .show(["protocol": console["protocol"] ?? .null, "type": console["type"] ?? .null, "url": console["url"] ?? .null])
  }
}
