import CloudAPI

/// A request about a server at the SDK's `Server` microversion; a failure is the SDK's
/// exception naming the path.
enum ServerRequests {
  @discardableResult
  static func call(_ method: HTTPMethod, _ path: String, body: JSON? = nil, in context: CommandContext) throws -> JSON {
    let response = try context.api.send(APIRequest(method, "/v2.1" + path, body: body), to: .compute)
    guard (200..<300).contains(response.status) else { throw ComputeLookup.sdkError(response, path: path) }
    return response.body ?? .null
  }

  static func action(_ body: JSON, on server: JSON, in context: CommandContext) throws {
    try ServerPowerAction.send(body, to: server["id"]?.string ?? "", in: context)
  }

  static func find(_ arguments: ParsedArguments, in context: CommandContext) throws -> JSON {
    try ComputeLookup.server(arguments.value("<server>") ?? "", in: context)
  }

  /// osc-lib's `wait_for_status` with the progress callback: `Complete...` on success, the
  /// error otherwise.
  static func wait(
    for id: String, until success: Set<String>, complete: String, failure: String, in context: CommandContext
  ) throws -> CommandOutput {
    var progress = ""
    guard try Servers.wait(for: id, until: success, in: context, progress: &progress) else {
      throw CommandFailure(message: progress + failure)
    }
    return .text(progress + complete)
  }
}

/// `openstack server lock` (`LockServer`): each server locked, with a reason from 2.73.
enum ServerLock: OpenStackCommand {
  static let name = "server lock"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var body: JSON = .object(["lock": .null])
    if let reason = arguments.value("--reason"), !reason.isEmpty {
      guard try context.api.supportsComputeVersion(Microversion(2, 73)) else {
        throw CommandFailure(message: "--os-compute-api-version 2.73 or greater is required to use the --reason option")
      }
      body = .object(["lock": .object(["locked_reason": .string(reason)])])
    }
    for name in arguments.values("<server>") {
      try ServerRequests.action(body, on: try ComputeLookup.server(name, in: context), in: context)
    }
    return .nothing
  }
}

/// `openstack server dump create` (`CreateServerDump`): `trigger_crash_dump` on each server in
/// turn, the first failure ending the command (Nova has the action from 2.17).
enum ServerDumpCreate: OpenStackCommand {
  static let name = "server dump create"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    for name in arguments.values("<server>") {
      try ServerRequests.action(.object(["trigger_crash_dump": .null]), on: try ComputeLookup.server(name, in: context), in: context)
    }
    return .nothing
  }
}

enum ServerUnlock: OpenStackCommand {
  static let name = "server unlock"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    for name in arguments.values("<server>") {
      try ServerRequests.action(.object(["unlock": .null]), on: try ComputeLookup.server(name, in: context), in: context)
    }
    return .nothing
  }
}

/// `openstack server rescue` (`RescueServer`): the rescue image found first, then the server.
enum ServerRescue: OpenStackCommand {
  static let name = "server rescue"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let image = try arguments.value("--image").map { try ComputeLookup.image($0, in: context)["id"] ?? .null }
    let server = try ServerRequests.find(arguments, in: context)
    var rescue: JSONObject = [:]
    if let password = arguments.value("--password") { rescue["adminPass"] = .string(password) }
    if let image { rescue["rescue_image_ref"] = image }
    try ServerRequests.action(.object(["rescue": .object(rescue)]), on: server, in: context)
    return .nothing
  }
}

enum ServerUnrescue: OpenStackCommand {
  static let name = "server unrescue"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ServerRequests.action(.object(["unrescue": .null]), on: try ServerRequests.find(arguments, in: context), in: context)
    return .nothing
  }
}

/// `openstack server shelve` (`ShelveServer`): servers already shelved are skipped; with
/// `--wait` or `--offload`, each waited for until shelved (or offloaded); with `--offload`, each
/// still `SHELVED` offloaded (`shelveOffload`, an admin's) and, with `--wait`, waited for again
/// until `SHELVED_OFFLOADED`.
enum ServerShelve: OpenStackCommand {
  static let name = "server shelve"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var shelved: [String] = []
    for name in arguments.values("<server>") {
      let server = try ComputeLookup.server(name, in: context)
      if ["shelved", "shelved_offloaded"].contains(server["status"]?.string?.lowercased() ?? "") { continue }
      shelved.append(server["id"]?.string ?? "")
      try ServerRequests.action(.object(["shelve": .null]), on: server, in: context)
    }
    let (wait, offload) = (arguments.flag("--wait"), arguments.flag("--offload"))
    guard wait || offload else { return .nothing }
    var progress = ""
    for id in shelved {
      guard try Servers.wait(for: id, until: ["shelved", "shelved_offloaded"], in: context, progress: &progress) else {
        throw CommandFailure(message: progress + "Error shelving server: \(id)")
      }
    }
    guard offload else { return progress.isEmpty ? .nothing : .text(progress) }
    for id in shelved {
      let server = try ServerRequests.call(.get, "/servers/\(id)", in: context)["server"] ?? .null
      if server["status"]?.string?.lowercased() == "shelved_offloaded" { continue }
      try ServerRequests.action(.object(["shelveOffload": .null]), on: server, in: context)
    }
    if wait {
      for id in shelved {
        guard try Servers.wait(for: id, until: ["shelved_offloaded"], in: context, progress: &progress) else {
          throw CommandFailure(message: progress + "Error offloading shelved server: \(id)")
        }
      }
    }
    return progress.isEmpty ? .nothing : .text(progress)
  }
}

/// `openstack server unshelve` (`UnshelveServer`): only shelved servers; a zone to schedule to
/// (2.77), a host (2.91) or none (`--no-availability-zone`, 2.91), checked before any server is
/// looked up; with `--wait`, each waited for until active (or shut off).
enum ServerUnshelve: OpenStackCommand {
  static let name = "server unshelve"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    // openstacksdk's `unshelve`: the host first, then the zone (`null` to unpin); no body
    // (`null`) when neither is given.
    var request: JSONObject = [:]
    var zone: JSON? = nil
    if let name = arguments.value("--availability-zone"), !name.isEmpty {
      guard try context.api.supportsComputeVersion(Microversion(2, 77)) else {
        throw CommandFailure(message: "--os-compute-api-version 2.77 or greater is required to support the --availability-zone option")
      }
      zone = .string(name)
    }
    if let host = arguments.value("--host"), !host.isEmpty {
      guard try context.api.supportsComputeVersion(Microversion(2, 91)) else {
        throw CommandFailure(message: "--os-compute-api-version 2.91 or greater is required to support the --host option")
      }
      request["host"] = .string(host)
    }
    if arguments.flag("--no-availability-zone") {
      guard try context.api.supportsComputeVersion(Microversion(2, 91)) else {
        throw CommandFailure(message: "--os-compute-api-version 2.91 or greater is required to support the --no-availability-zone option")
      }
      zone = .null
    }
    if let zone { request["availability_zone"] = zone }
    let body: JSON = .object(["unshelve": request.isEmpty ? .null : .object(request)])
    var progress = ""
    let wait = arguments.flag("--wait")
    for name in arguments.values("<server>") {
      let server = try ComputeLookup.server(name, in: context)
      guard ["shelved", "shelved_offloaded"].contains(server["status"]?.string?.lowercased() ?? "") else { continue }
      try ServerRequests.action(body, on: server, in: context)
      let id = server["id"]?.string ?? ""
      if wait, !(try waitForUnshelve(id, in: context, progress: &progress)) {
        throw CommandFailure(message: progress + "Error unshelving server: \(id)")
      }
    }
    return progress.isEmpty ? .nothing : .text(progress)
  }

  /// `wait_for_status` until `active` or `shutoff`. An unshelve that found no host leaves the
  /// server shelved with no task: the real client then polls for ever, which the emulation
  /// refuses rather than run.
  private static func waitForUnshelve(_ id: String, in context: CommandContext, progress: inout String) throws -> Bool {
    while true {
      let server = try context.call(.compute, APIRequest(.get, "/v2.1/servers/\(id)"))["server"] ?? .null
      let status = server["status"]?.string?.lowercased() ?? ""
      if let value = server["progress"], value.isTruthy { progress += "\rProgress: \(PythonText.str(value))" }
      if ["active", "shutoff"].contains(status) { return true }
      if status == "error" { return false }
      if ["shelved", "shelved_offloaded"].contains(status), (server["OS-EXT-STS:task_state"] ?? .null) == .null {
        throw NotEmulated(what: "--wait on a server its unshelve left \(status.uppercased()) (the client polls for ever)")
      }
      context.sleep(5)
    }
  }
}

/// `openstack server migrate` (`MigrateServer`): cold, to the host the scheduler picks or the
/// one named (2.56); live with `--live-migration`, as openstacksdk sends `os-migrateLive` (at 2.30
/// when the session allows it, else 2.25; below 2.25 the client passes `disk_overcommit`, which
/// the SDK does not take). With `--wait`, until active or waiting to be confirmed.
enum ServerMigrate: OpenStackCommand {
  static let name = "server migrate"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let server = try ServerRequests.find(arguments, in: context)
    let id = server["id"]?.string ?? ""
    // argparse's `block_migration` and `disk_overcommit`: unset, or the one of each pair given.
    let blockMigration = arguments.flag("--block-migration") ? true : arguments.flag("--shared-migration") ? false : nil
    let diskOvercommit = arguments.flag("--disk-overcommit") ? true : arguments.flag("--no-disk-overcommit") ? false : nil
    if arguments.flag("--live-migration") {
      try migrateLive(id, arguments, blockMigration: blockMigration, diskOvercommit: diskOvercommit, in: context)
    } else {
      if blockMigration == true || diskOvercommit == true {
        throw CommandFailure(message: "--live-migration must be specified if --block-migration or --disk-overcommit is specified")
      }
      var body: JSON = .object(["migrate": .null])
      if let host = arguments.value("--host") {
        guard try context.api.supportsComputeVersion(Microversion(2, 56)) else {
          throw CommandFailure(message: "--os-compute-api-version 2.56 or greater is required to use --host without --live-migration.")
        }
        body = .object(["migrate": .object(["host": .string(host)])])
      }
      try ServerRequests.action(body, on: server, in: context)
    }
    guard arguments.flag("--wait") else { return .nothing }
    return try ServerRequests.wait(
      for: id, until: ["active", "verify_resize"],
      complete: "Complete, check success/failure by openstack server migration/event list/show\n",
      failure: "Error migrating server: \(id)", in: context)
  }

  /// `live_migrate_server(server, host=..., block_migration=...)`: `auto` unless told shared
  /// or block (2.25 and later).
  private static func migrateLive(
    _ id: String, _ arguments: ParsedArguments, blockMigration: Bool?, diskOvercommit: Bool?, in context: CommandContext
  ) throws {
    let host = arguments.value("--host")
    if host != nil, !(try context.api.supportsComputeVersion(Microversion(2, 30))) {
      throw CommandFailure(message: "--os-compute-api-version 2.30 or greater is required when using --host")
    }
    guard try context.api.supportsComputeVersion(Microversion(2, 25)) else {
      // The client's keyword for the SDK's `disk_over_commit`: Python refuses the call.
      throw CommandFailure(message: "Proxy.live_migrate_server() got an unexpected keyword argument 'disk_overcommit'")
    }
    if diskOvercommit != nil {
      context.log(
        "The --disk-overcommit and --no-disk-overcommit options are only supported by --os-compute-api-version 2.24 or below;"
          + " this will be an error in a future release")
    }
    let version = try context.api.supportsComputeVersion(Microversion(2, 30)) ? Microversion(2, 30) : Microversion(2, 25)
    let body: JSON = .object(["os-migrateLive": .object(["host": host.map(JSON.string) ?? .null, "block_migration": blockMigration.map(JSON.bool) ?? "auto"])])
    try ServerPowerAction.send(body, to: id, at: version, in: context)
  }
}

/// `server resize confirm` and `revert`, and their deprecated `server migrate` spellings,
/// which warn first.
struct ResizeDecision {
  var action: String
  var deprecated: String?

  func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    if let deprecated {
      context.log(
        "The 'server migrate \(deprecated)' command has been deprecated in favour of the 'server migration \(deprecated)' command.")
    }
    try ServerRequests.action(.object([action: .null]), on: try ServerRequests.find(arguments, in: context), in: context)
    return .nothing
  }
}

enum ServerResizeConfirm: OpenStackCommand {
  static let name = "server resize confirm"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []
  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ResizeDecision(action: "confirmResize").run(arguments, in: context)
  }
}

enum ServerResizeRevert: OpenStackCommand {
  static let name = "server resize revert"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []
  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ResizeDecision(action: "revertResize").run(arguments, in: context)
  }
}

enum ServerMigrateConfirm: OpenStackCommand {
  static let name = "server migrate confirm"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []
  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ResizeDecision(action: "confirmResize", deprecated: "confirm").run(arguments, in: context)
  }
}

enum ServerMigrateRevert: OpenStackCommand {
  static let name = "server migrate revert"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []
  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ResizeDecision(action: "revertResize", deprecated: "revert").run(arguments, in: context)
  }
}

/// `openstack server set` (`SetServer`): name, description and hostname in one update, then
/// properties, the state (an admin's reset, confirmed with `--auto-approve`), then each tag.
enum ServerSet: OpenStackCommand {
  static let name = "server set"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: ["--property", "--tag"],
    types: ["--property": .keyValue, "--state": .choices(["active", "error"])])
  /// Passwords go to the guest agent, which the fake cloud has none of; pinned zones are 2.104's.
  static let refusedOptions: Set<String> = ["--password", "--no-password", "--pinned-availability-zone"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let server = try ServerRequests.find(arguments, in: context)
    let id = server["id"]?.string ?? ""
    let autoApprove = arguments.flag("--auto-approve")
    let description = arguments.value("--description").flatMap { $0.isEmpty ? nil : $0 }
    let tags = arguments.values("--tag")
    let hostname = arguments.value("--hostname").flatMap { $0.isEmpty ? nil : $0 }
    for (given, version, option) in [
      (description != nil, Microversion(2, 19), "--description"), (!tags.isEmpty, Microversion(2, 26), "--tag"),
      (hostname != nil, Microversion(2, 90), "--hostname"),
    ] where given {
      guard try context.api.supportsComputeVersion(version) else {
        throw CommandFailure(message: "--os-compute-api-version \(version) or greater is required to support the \(option) option")
      }
    }
    var update: JSONObject = [:]
    if let name = arguments.value("--name"), !name.isEmpty { update["name"] = .string(name) }
    if let description { update["description"] = .string(description) }
    if let hostname { update["hostname"] = .string(hostname) }
    if !update.isEmpty { try ServerRequests.call(.put, "/servers/\(id)", body: .object(["server": .object(update)]), in: context) }
    let properties = OSCLib.keyValues(arguments.values("--property"))
    if !properties.isEmpty {
      let metadata = JSONObject(uniqueKeysWithValues: properties.map { ($0.key, JSON.string($0.value)) })
      try ServerRequests.call(.post, "/servers/\(id)/metadata", body: .object(["metadata": .object(metadata)]), in: context)
    }
    if let state = arguments.value("--state") {
      // Without `--auto-approve` the client asks on the terminal.
      guard autoApprove else { throw NotEmulated(what: "server set --state without --auto-approve") }
      try ServerRequests.action(.object(["os-resetState": .object(["state": .string(state)])]), on: server, in: context)
    }
    for tag in tags { try ServerRequests.call(.put, "/servers/\(id)/tags/\(tag)", in: context) }
    return .nothing
  }
}

/// `openstack server unset` (`UnsetServer`): properties (all of them in one request), the
/// description (set to ''), tags.
enum ServerUnset: OpenStackCommand {
  static let name = "server unset"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--property", "--tag"])
  static let refusedOptions: Set<String> = ["--pinned-availability-zone"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let server = try ServerRequests.find(arguments, in: context)
    let id = server["id"]?.string ?? ""
    let properties = arguments.values("--property")
    if !properties.isEmpty {
      for key in properties { try ServerRequests.call(.delete, "/servers/\(id)/metadata/\(key)", in: context) }
    } else if arguments.flag("--all-properties") {
      try ServerRequests.call(.put, "/servers/\(id)/metadata", body: .object(["metadata": .object([:])]), in: context)
    }
    if arguments.flag("--description") {
      guard try context.api.supportsComputeVersion(Microversion(2, 19)) else {
        throw CommandFailure(message: "--os-compute-api-version 2.19 or greater is required to support the --description option")
      }
      try ServerRequests.call(.put, "/servers/\(id)", body: .object(["server": .object(["description": ""])]), in: context)
    }
    let tags = arguments.values("--tag")
    if !tags.isEmpty || arguments.flag("--all-tags") {
      guard try context.api.supportsComputeVersion(Microversion(2, 26)) else {
        throw CommandFailure(message: "--os-compute-api-version 2.26 or greater is required to support the --tag option")
      }
      for tag in tags { try ServerRequests.call(.delete, "/servers/\(id)/tags/\(tag)", in: context) }
      if arguments.flag("--all-tags") { try ServerRequests.call(.delete, "/servers/\(id)/tags", in: context) }
    }
    return .nothing
  }
}
