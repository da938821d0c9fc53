import CloudAPI

/// `openstack server create` (`CreateServer`): image, flavor and networks looked up, the server
/// requested, polled until active with `--wait`, then shown as `_prep_server_detail` shows it.
enum ServerCreate: OpenStackCommand {
  static let name = "server create"
  static let syntax = CommandSyntax(
    usage: RealUsage.serverCreate,
    repeating: DisplayOptions.showRepeating.union(["--network", "--nic", "--property", "--security-group", "--hint", "--tag"]))
  static let refusedOptions: Set<String> = [
    "--image-property", "--volume", "--snapshot", "--boot-from-volume", "--delete-on-termination",
    "--block-device-mapping", "--block-device", "--swap", "--ephemeral", "--port", "--no-network", "--auto-network",
    "--nic", "--password", "--no-security-group", "--security-group", "--key-name", "--property", "--file",
    "--user-data", "--description", "--availability-zone", "--host", "--hypervisor-hostname", "--server-group",
    "--hint", "--use-config-drive", "--no-config-drive", "--config-drive", "--min", "--max", "--tag", "--hostname",
    "--trusted-image-cert",
  ]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let name = arguments.value("<server-name>") ?? ""
    // The image first, then the flavor; a server with nothing to boot from is refused after both.
    let imageID = try arguments.value("--image").map { try ComputeLookup.image($0, in: context)["id"]?.string ?? "" }
    let flavor = try ComputeLookup.flavor(arguments.value("--flavor") ?? "", in: context)["id"]?.string ?? ""
    guard let image = imageID else {
      throw CommandFailure(
        message: "An image (--image, --image-property) or bootable volume (--volume, --snapshot, --block-device) is required")
    }
    let networks = try arguments.values("--network").map { network -> JSON in
      .object(["uuid": .string(try NeutronLookup.network.sdkFind(network, in: context))])
    }
    let request: JSON = .object([
      "server": .object([
        "name": .string(name), "imageRef": .string(image), "flavorRef": .string(flavor), "min_count": 1, "max_count": 1,
        "networks": .array(networks),
        "block_device_mapping_v2": .array([
          .object([
            "uuid": .string(image), "boot_index": 0, "source_type": "image", "destination_type": "local",
            "delete_on_termination": true,
          ])
        ]),
      ])
    ])
    let created = try context.call(.compute, APIRequest(.post, "/v2.1/servers", body: request))["server"] ?? .null
    let id = created["id"]?.string ?? ""
    if arguments.flag("--wait") {
      // The cloud reports no progress while it builds, so the client writes none.
      var progress = ""
      let reached = try Servers.wait(for: id, until: ["active"], in: context, progress: &progress)
      guard reached else { throw CommandFailure(message: "Error creating server: \(name)") }
    }
    let server = try context.call(.compute, APIRequest(.get, "/v2.1/servers/\(id)"))["server"] ?? .null
    let detail = ServerDetail(context: context, version: try context.api.computeVersion(for: .server))
    return .show(try detail.fields(of: server, created: created))
  }
}

/// `openstack server show` (`ShowServer`): the server as found, by ID or by name.
enum ServerShow: OpenStackCommand {
  static let name = "server show"
  static let syntax = CommandSyntax(usage: RealUsage.serverShow, repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = ["--diagnostics", "--topology"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let server = try ComputeLookup.server(arguments.value("<server>") ?? "", in: context)
    let detail = ServerDetail(context: context, version: try context.api.computeVersion(for: .server))
    return .show(try detail.fields(of: server))
  }
}

/// `openstack server delete` (`DeleteServer`): each server found (in every project with
/// `--all-projects`) and deleted, failures logged and counted; with `--wait`, then each deleted
/// one waited for.
enum ServerDelete: OpenStackCommand {
  static let name = "server delete"
  static let syntax = CommandSyntax(usage: RealUsage.serverDelete)
  static let refusedOptions: Set<String> = ["--force"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let names = arguments.values("<server>")
    let allProjects = arguments.flag("--all-projects")
    var deleted: [String] = []
    for name in names {
      do {
        let id = try ComputeLookup.server(name, in: context, allProjects: allProjects)["id"]?.string ?? name
        let response = try context.api.send(APIRequest(.delete, "/v2.1/servers/\(id)"), to: .compute)
        guard (200..<300).contains(response.status) else { throw ComputeLookup.sdkError(response, path: "/servers/\(id)") }
        deleted.append(id)
      } catch let failure as CommandFailure {
        context.log("Failed to delete server with name or ID '\(name)': \(failure.message)")
      }
    }
    // openstacksdk's `wait_for_delete`: every 2 seconds until the server is gone.
    for id in arguments.flag("--wait") ? deleted : [] {
      while try context.api.send(APIRequest(.get, "/v2.1/servers/\(id)"), to: .compute).status != 404 {
        context.sleep(2)
      }
    }
    let failed = names.count - deleted.count
    if failed > 0 { throw CommandFailure(message: "\(failed) of \(names.count) servers failed to delete.") }
    return .nothing
  }
}

/// `openstack server resize` (`ResizeServer`): the resize requested; with `--wait`, polled until
/// the server is active or waits to be confirmed, and `Complete` printed, whether the resize
/// happened or not.
enum ServerResize: OpenStackCommand {
  static let name = "server resize"
  static let syntax = CommandSyntax(usage: RealUsage.serverResize)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let server = try ComputeLookup.server(arguments.value("<server>") ?? "", in: context)
    let id = server["id"]?.string ?? ""
    let body: JSON
    if let flavorName = arguments.value("--flavor") {
      let flavor = try ComputeLookup.flavor(flavorName, in: context)["id"]?.string ?? ""
      body = .object(["resize": .object(["flavorRef": .string(flavor)])])
    } else {
      // argparse lets one of `--flavor`, `--confirm` and `--revert` through, and requires one.
      let confirm = arguments.flag("--confirm") || !arguments.flag("--revert")
      // Logged as a warning, on standard error, before the request.
      context.log(
        "The --\(confirm ? "confirm" : "revert") option has been deprecated. Please use the 'openstack server resize"
          + " \(confirm ? "confirm" : "revert")' command instead.")
      body = .object([confirm ? "confirmResize" : "revertResize": .null])
    }
    let response = try context.api.send(APIRequest(.post, "/v2.1/servers/\(id)/action", body: body), to: .compute)
    guard (200..<300).contains(response.status) else { throw ComputeLookup.sdkError(response, path: "/servers/\(id)/action") }
    guard arguments.value("--flavor") != nil, arguments.flag("--wait") else { return .nothing }
    var progress = ""
    guard try Servers.wait(for: id, until: ["active", "verify_resize"], in: context, progress: &progress) else {
      throw CommandFailure(message: progress + "Error resizing server: \(id)")
    }
    return .text(progress + "Complete\n")
  }
}

enum Servers {
  /// osc-lib's `wait_for_status` with the client's progress callback: fetch at once, stop at a
  /// success status or `error`, else write `\rProgress: N` (when there is progress) and sleep
  /// 5 seconds.
  static func wait(for id: String, until success: Set<String>, in context: CommandContext, progress: inout String) throws -> Bool {
    while true {
      let server = try context.call(.compute, APIRequest(.get, "/v2.1/servers/\(id)"))["server"] ?? .null
      let status = server["status"]?.string?.lowercased() ?? ""
      if let value = server["progress"], value.isTruthy { progress += "\rProgress: \(PythonText.str(value))" }
      if success.contains(status) { return true }
      if status == "error" { return false }
      context.sleep(5)
    }
  }
}
