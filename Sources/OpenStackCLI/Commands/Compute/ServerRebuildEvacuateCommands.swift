import CloudAPI

/// `openstack server rebuild` (`RebuildServer`): the server, then the image (given, or the
/// server's own), the client's microversion checks in its order, the state check, the action;
/// shown from the action's answer merged into the server found (`refresh=False`), also after
/// `--wait`.
enum ServerRebuild: OpenStackCommand {
  static let name = "server rebuild"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(["--property", "--trusted-image-cert"]),
    types: ["--property": .keyValue])
  /// `--user-data` reads a local file; trusted certificates need a signed image, which the
  /// cloud has none of.
  static let refusedOptions: Set<String> = ["--user-data", "--trusted-image-cert"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let server = try ServerRequests.find(arguments, in: context)
    let imageID: String
    if let image = arguments.value("--image") {
      imageID = try ComputeLookup.image(image, in: context)["id"]?.string ?? image
    } else {
      guard let current = server["image"]?["id"]?.string else {
        throw CommandFailure(message: "The --image option is required when rebuilding a volume-backed server")
      }
      imageID = try ComputeLookup.image(current, in: context)["id"]?.string ?? current
    }
    func gate(_ option: String, _ version: Microversion) throws {
      guard try context.api.supportsComputeVersion(version) else {
        throw CommandFailure(message: "--os-compute-api-version \(version) or greater is required to support the \(option) option")
      }
    }
    var body: JSONObject = ["imageRef": .string(imageID)]
    if arguments.flag("--preserve-ephemeral") { body["preserve_ephemeral"] = true }
    if arguments.flag("--no-preserve-ephemeral") { body["preserve_ephemeral"] = false }
    if let name = arguments.value("--name") { body["name"] = .string(name) }
    if let password = arguments.value("--password") { body["adminPass"] = .string(password) }
    let properties = OSCLib.keyValues(arguments.values("--property"))
    if !properties.isEmpty {
      body["metadata"] = .object(JSONObject(uniqueKeys: properties.map(\.key), values: properties.map { .string($0.value) }))
    }
    if let description = arguments.value("--description"), !description.isEmpty {
      try gate("--description", Microversion(2, 19))
      body["description"] = .string(description)
    }
    if let key = arguments.value("--key-name"), !key.isEmpty {
      try gate("--key-name", Microversion(2, 54))
      body["key_name"] = .string(key)
    } else if arguments.flag("--no-key-name") {
      try gate("--no-key-name", Microversion(2, 54))
      body["key_name"] = .null
    }
    if arguments.flag("--no-user-data") {
      try gate("--no-user-data", Microversion(2, 54))
      body["user_data"] = .null
    }
    if arguments.flag("--no-trusted-image-certs") {
      try gate("--no-trusted-certs", Microversion(2, 63))
      body["trusted_image_certificates"] = .null
    }
    if let hostname = arguments.value("--hostname"), !hostname.isEmpty {
      try gate("--hostname", Microversion(2, 90))
      body["hostname"] = .string(hostname)
    }
    let volumeBacked = server["image"]?["id"]?.string == nil
    // `--no-reimage-boot-volume` is the default: the check for a server booted from a volume.
    _ = arguments.flag("--no-reimage-boot-volume")
    if arguments.flag("--reimage-boot-volume") {
      try gate("--reimage-boot-volume", Microversion(2, 93))
    } else if volumeBacked {
      if try context.api.supportsComputeVersion(Microversion(2, 93)) {
        throw CommandFailure(message: "--reimage-boot-volume is required to rebuild a volume-backed server")
      }
      context.log(
        "Attempting to rebuild a volume-backed server using --os-compute-api-version 2.92 or earlier, which will only succeed if the image is identical to the one initially used. This will be an error in a future release.")
    }
    let status = server["status"]?.string?.lowercased() ?? ""
    guard ["shutoff", "error", "active"].contains(status) else {
      throw CommandFailure(message: "The server status is not ACTIVE, SHUTOFF or ERROR.")
    }
    let id = server["id"]?.string ?? ""
    let answer = try ServerRequests.call(.post, "/servers/\(id)/action", body: .object(["rebuild": .object(body)]), in: context)
    // `--wait`: osc-lib's `wait_for_status` until the server is as it was (stopped, or active
    // for an active or errored one), `Complete` written before the table.
    if arguments.flag("--wait") {
      var progress = ""
      let reached = try Servers.wait(for: id, until: [status == "shutoff" ? "shutoff" : "active"], in: context, progress: &progress)
      context.written.text += progress
      guard reached else { throw CommandFailure(message: "Error rebuilding server: \(id)") }
      context.written.text += "Complete\n"
    }
    // The SDK's `_translate_response`: the answer's attributes over those of the server found.
    var merged = server.object
    for (key, value) in answer["server"]?.object ?? [:] { merged[key] = value }
    let detail = ServerDetail(context: context, version: try context.api.computeVersion(for: .server))
    return .show(try detail.fields(of: .object(merged)))
  }
}

/// `openstack server evacuate` (`EvacuateServer`): the checks on `--host` (2.29) and
/// `--shared-storage` (2.13 or earlier), the action, then the server shown afresh.
enum ServerEvacuate: OpenStackCommand {
  static let name = "server evacuate"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  /// `--wait` polls for `ACTIVE` (or `SHUTOFF`) while osc-lib's `wait_for_status` compares the
  /// status in lower case: the real client polls until the server errors, forever after a
  /// successful evacuation, which the emulation cannot end as it does.
  static let refusedOptions: Set<String> = ["--wait"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let host = arguments.value("--host")
    if host != nil, try !context.api.supportsComputeVersion(Microversion(2, 29)) {
      throw CommandFailure(message: "--os-compute-api-version 2.29 or later is required to specify a preferred host.")
    }
    let shared = arguments.flag("--shared-storage")
    let before214 = try !context.api.supportsComputeVersion(Microversion(2, 14))
    if shared, !before214 {
      throw CommandFailure(message: "--os-compute-api-version 2.13 or earlier is required to specify shared-storage.")
    }
    var body: JSONObject = [:]
    if let host { body["host"] = .string(host) }
    if let password = arguments.value("--password") { body["adminPass"] = .string(password) }
    if before214 { body["onSharedStorage"] = .bool(shared) }
    let server = try ServerRequests.find(arguments, in: context)
    let id = server["id"]?.string ?? ""
    try ServerRequests.call(.post, "/servers/\(id)/action", body: .object(["evacuate": .object(body)]), in: context)
    let shown = try context.call(.compute, APIRequest(.get, "/v2.1/servers/\(id)"))["server"] ?? .null
    let detail = ServerDetail(context: context, version: try context.api.computeVersion(for: .server))
    return .show(try detail.fields(of: shown))
  }
}
