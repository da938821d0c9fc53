import CloudAPI

/// The server actions that change a server's power, each one request per server found: the
/// action's body and how the server is looked up (`find_server` with or without details, in
/// every project with `--all-projects`). The first failure ends the command, as in the client.
struct ServerPowerAction {
  var body: JSON
  var detailed = true

  func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let allProjects = arguments.flag("--all-projects")
    for name in arguments.values("<server>") {
      let server = try ComputeLookup.server(name, in: context, detailed: detailed, allProjects: allProjects)
      try Self.send(body, to: server["id"]?.string ?? name, in: context)
    }
    return .nothing
  }

  /// The action, at the session's microversion or at the one openstacksdk pins for it.
  static func send(_ body: JSON, to id: String, at version: Microversion? = nil, in context: CommandContext) throws {
    let request = APIRequest(.post, "/v2.1/servers/\(id)/action", body: body)
    let response = try context.api.send(request, to: .compute, computeResource: version.map { .pinned($0) } ?? .server)
    guard (200..<300).contains(response.status) else { throw ComputeLookup.sdkError(response, path: "/servers/\(id)/action") }
  }
}

enum ServerStop: OpenStackCommand {
  static let name = "server stop"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []
  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ServerPowerAction(body: .object(["os-stop": .null]), detailed: false).run(arguments, in: context)
  }
}

enum ServerStart: OpenStackCommand {
  static let name = "server start"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []
  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ServerPowerAction(body: .object(["os-start": .null]), detailed: false).run(arguments, in: context)
  }
}

enum ServerPause: OpenStackCommand {
  static let name = "server pause"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []
  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ServerPowerAction(body: .object(["pause": .null])).run(arguments, in: context)
  }
}

enum ServerUnpause: OpenStackCommand {
  static let name = "server unpause"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []
  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ServerPowerAction(body: .object(["unpause": .null])).run(arguments, in: context)
  }
}

enum ServerSuspend: OpenStackCommand {
  static let name = "server suspend"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []
  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ServerPowerAction(body: .object(["suspend": .null])).run(arguments, in: context)
  }
}

enum ServerResume: OpenStackCommand {
  static let name = "server resume"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []
  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ServerPowerAction(body: .object(["resume": .null])).run(arguments, in: context)
  }
}

/// `openstack server reboot` (`RebootServer`): soft unless `--hard`; with `--wait`, polled until
/// active and `Complete` written.
enum ServerReboot: OpenStackCommand {
  static let name = "server reboot"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    // `--hard` and `--soft` exclude each other; soft is the default.
    let (hard, soft) = (arguments.flag("--hard"), arguments.flag("--soft"))
    let type = hard && !soft ? "HARD" : "SOFT"
    let id = try ComputeLookup.server(arguments.value("<server>") ?? "", in: context)["id"]?.string ?? ""
    try ServerPowerAction.send(.object(["reboot": .object(["type": .string(type)])]), to: id, in: context)
    guard arguments.flag("--wait") else { return .nothing }
    var progress = ""
    guard try Servers.wait(for: id, until: ["active"], in: context, progress: &progress) else {
      throw CommandFailure(message: progress + "Error rebooting server: \(id)")
    }
    return .text(progress + "Complete\n")
  }
}
