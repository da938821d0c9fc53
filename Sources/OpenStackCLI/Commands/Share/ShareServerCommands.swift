import CloudAPI

extension ManilaLookup {
  /// osc-lib's `find_resource` over share servers (admin only); the search's `all_tenants`
  /// makes Manila's list answer nothing, so only an ID finds one.
  static let shareServer = ManilaLookup(
    className: "shareserver", path: "/v2/share-servers", member: "share_server", listPath: "/v2/share-servers",
    collection: "share_servers")
}

/// `openstack share server list` (admin): five columns, the filters the client sends.
enum ShareServerList: OpenStackCommand {
  static let name = "share server list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []
  static let columns = ["ID", "Host", "Status", "Share Network ID", "Project ID"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let project = try IdentityLookup.project.id(
      "--project", domain: "--project-domain", in: arguments, context: context, sdk: false)
    let version = try context.api.negotiatedShareVersion()
    let gates: [(option: String, version: Microversion, message: String)] = [
      ("--identifier", Microversion(2, 49), "Filtering by identifier is only allowed with manila API version >= 2.49."),
      ("--share-network-subnet", Microversion(2, 51), "Share network subnet can be specified only with manila API version >= 2.51"),
      ("--source-share-server-id", Microversion(2, 57),
       "Filtering by source_share_server_id is only allowed with manila API version >= 2.57."),
    ]
    for gate in gates where !(arguments.value(gate.option) ?? "").isEmpty && version < gate.version {
      throw CommandFailure(message: gate.message)
    }
    let network = try arguments.value("--share-network").map {
      try ManilaLookup.shareNetwork.find($0, in: context, helper: .oscLib)["id"]?.string ?? $0
    }
    let query = ManilaFormat.query([
      ("status", arguments.value("--status")), ("host", arguments.value("--host")), ("project_id", project),
      ("share_network", network), ("source_share_server_id", arguments.value("--source-share-server-id")),
      ("identifier", arguments.value("--identifier")), ("share_network_subnet_id", arguments.value("--share-network-subnet")),
    ])
    let body = try context.call(.sharedFileSystem, APIRequest(.get, "/v2/share-servers", query: query))
    let keys = columns.map(ManilaFormat.key(ofColumn:))
    return .list(columns: columns, rows: (body["share_servers"]?.array ?? []).map { ManilaFormat.row($0, keys) })
  }
}

/// `openstack share server show` (admin): the server without its back-end details' dict, whose
/// items the manager adds as `details:<key>`.
enum ShareServerShow: OpenStackCommand {
  static let name = "share server show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var fields = try ManilaLookup.shareServer.find(arguments.value("<share-server>") ?? "", in: context, helper: .oscLib).object
    let details = fields.removeValue(forKey: "backend_details")?.object ?? [:]
    for (key, value) in details { fields["details:\(key)"] = value }
    fields.removeValue(forKey: "links")
    return .show(fields)
  }
}

/// `openstack share server delete` (admin): each failure logged, then one error.
enum ShareServerDelete: OpenStackCommand {
  static let name = "share server delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try DeleteEach(
      failure: { "Failed to delete a share server with ID '\($0)': \($1)" },
      summary: { "Failed to delete \($0) servers out \($1)" }
    ).run(arguments.values("<share-server>")) { name in
      let server = try ManilaLookup.shareServer.find(name, in: context, helper: .oscLib)
      let path = "/v2/share-servers/\(server["id"]?.string ?? name)"
      _ = try context.call(.sharedFileSystem, APIRequest(.delete, path))
      return try !arguments.flag("--wait") || context.waitForDelete(path, member: "share_server")
    }
    return .nothing
  }
}

/// `openstack share server abandon` (admin, 2.49): `unmanage`, each failure logged, then one error.
enum ShareServerAbandon: OpenStackCommand {
  static let name = "share server abandon"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []
  static let manager = ManilaManager(
    qualifiedName: "manilaclient.v2.share_servers.ShareServerManager", minimumVersion: Microversion(2, 49))

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try DeleteEach(
      failure: { "Failed to abandon share server with ID '\($0)': \($1)" },
      summary: { "Failed to abandon \($0) of \($1) servers." }
    ).run(arguments.values("<share-server>")) { name in
      let server = try ManilaLookup.shareServer.find(name, in: context, helper: .oscLib)
      try manager.require("unmanage", in: context)
      let path = "/v2/share-servers/\(server["id"]?.string ?? name)"
      let body: JSON = .object(["unmanage": .object(["force": .bool(arguments.flag("--force"))])])
      _ = try context.call(.sharedFileSystem, APIRequest(.post, path + "/action", body: body))
      return try !arguments.flag("--wait") || context.waitForDelete(path, member: "share_server")
    }
    return .nothing
  }
}

/// `openstack share server adopt` (admin, 2.51: the command fails at 2.49 and 2.50): the share
/// network found osc-lib's way, its subnet by the network's subnets API, the server shown without
/// its links and back-end details, in the API's order.
enum ShareServerAdopt: OpenStackCommand {
  static let name = "share server adopt"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(["--driver-options"]),
    types: ["--driver-options": .keyValue])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let network = try ManilaLookup.shareNetwork.find(arguments.value("<share-network>") ?? "", in: context, helper: .oscLib)
    let networkID = network["id"] ?? .null
    let version = try context.api.negotiatedShareVersion()
    var subnetID: JSON = .null
    if let subnet = arguments.value("--share-network-subnet"), !subnet.isEmpty {
      guard version >= Microversion(2, 51) else {
        throw CommandFailure(message: "Share network subnet can be specified only with manila API version >= 2.51")
      }
      let path = "/v2/share-networks/\(networkID.string ?? "")/subnets/\(subnet)"
      subnetID = try context.call(.sharedFileSystem, APIRequest(.get, path))["share_network_subnet"]?["id"] ?? .null
    }
    try ShareServerAbandon.manager.require("manage", in: context)
    // The command always passes the subnet, which the manager's method of 2.49 and 2.50 does not
    // take.
    guard version >= Microversion(2, 51) else {
      throw CommandFailure(message: "ShareServerManager.manage() got an unexpected keyword argument 'share_network_subnet_id'")
    }
    var server: JSONObject = [
      "host": .string(arguments.value("<host>") ?? ""), "share_network_id": networkID,
      "identifier": .string(arguments.value("<identifier>") ?? ""), "share_network_subnet_id": subnetID,
    ]
    // osc-lib's `KeyValueAction`: a later value for a key replaces the earlier in place.
    var options = JSONObject()
    for (key, value) in OSCLib.keyValues(arguments.values("--driver-options")) { options[key] = .string(value) }
    server["driver_options"] = .object(options)
    var shown = try context.call(
      .sharedFileSystem, APIRequest(.post, "/v2/share-servers/manage", body: .object(["share_server": .object(server)])))["share_server"] ?? .null
    if arguments.flag("--wait") {
      let path = "/v2/share-servers/\(shown["id"]?.string ?? "")"
      if !(try context.waitForStatus(path, member: "share_server", success: ["active"], error: ["manage_error", "error"])) {
        context.log("ERROR: Share server is in error state.")
      }
      shown = try ManilaLookup.shareServer.find(shown["id"]?.string ?? "", in: context, helper: .oscLib)
    }
    var fields = shown.object
    fields.removeValue(forKey: "links")
    fields.removeValue(forKey: "backend_details")
    return .show(fields)
  }
}

/// `openstack share server set` (admin): the status (`active` unless told), then the task state
/// (2.57; `None` unless told), each as its own action.
enum ShareServerSet: OpenStackCommand {
  static let name = "share server set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let status = arguments.value("--status") ?? "active"
    let taskState = arguments.values("--task-state").last.flatMap { $0.lowercased() == "none" ? nil : $0 }
    if status.isEmpty && taskState == nil {
      // Logged, then raised.
      let message = "A status or a task state should be provided for this command."
      throw CommandFailure(message: message + "\n" + message)
    }
    let server = try ManilaLookup.shareServer.find(arguments.value("<share-server>") ?? "", in: context, helper: .oscLib)
    let path = "/v2/share-servers/\(server["id"]?.string ?? "")/action"
    if !status.isEmpty {
      try ShareServerAbandon.manager.require("reset_state", in: context)
      let response = try context.api.send(
        APIRequest(.post, path, body: .object(["reset_status": .object(["status": .string(status)])])), to: .sharedFileSystem)
      // The client logs and raises a tuple of its message and arguments, the exception's repr in it.
      guard (200..<300).contains(response.status) else { throw NotEmulated(what: "a status the server refuses") }
    }
    guard try context.api.negotiatedShareVersion() >= Microversion(2, 57) else {
      throw CommandFailure(message: "Setting the state of a share server is only available with manila API version >= 2.57")
    }
    do {
      let body: JSON = .object(["reset_task_state": .object(["task_state": taskState.map(JSON.string) ?? .null])])
      _ = try context.call(.sharedFileSystem, APIRequest(.post, path, body: body))
    } catch let failure as CommandFailure {
      throw CommandFailure(
        message: "Failed to update share server task state \(failure.message)\nOne or more of the reset operations failed")
    }
    return .nothing
  }
}
