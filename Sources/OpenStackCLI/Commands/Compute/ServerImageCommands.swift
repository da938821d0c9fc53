import CloudAPI

/// `openstack server image create` (`CreateServerImage`): Nova's `createImage` as openstacksdk's
/// `create_server_image` sends it (at 2.45 where the session allows it, the image's ID then in
/// the answer, else in the `Location` header), the image read back from Glance, polled until
/// active with `--wait`, and shown as `image show` shows it.
enum ServerImageCreate: OpenStackCommand {
  static let name = "server image create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(["--property"]),
    types: ["--property": .keyValue])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let serverName = arguments.value("<server>") ?? ""
    let server = try ComputeLookup.server(serverName, in: context)
    // Nova snapshots a server booted from a volume through Cinder, which the cloud does not.
    if server["image"]?.string == "" {
      throw NotEmulated(what: "of a server booted from a volume")
    }
    let id = server["id"]?.string ?? ""
    var request: JSONObject = ["name": .string(arguments.value("--name") ?? server["name"]?.string ?? "")]
    // OSC passes the properties only when there are some; the SDK sends `metadata` only then.
    if arguments.contains("--property") {
      request["metadata"] = .object(
        JSONObject(uniqueKeysWithValues: OSCLib.keyValues(arguments.values("--property")).map { ($0.key, JSON.string($0.value)) }))
    }
    let version: ComputeResource = try context.api.supportsComputeVersion(Microversion(2, 45)) ? .pinned(Microversion(2, 45)) : .unversioned
    let response = try context.api.send(
      APIRequest(.post, "/v2.1/servers/\(id)/action", body: .object(["createImage": .object(request)])), to: .compute,
      computeResource: version)
    guard (200..<300).contains(response.status) else { throw ComputeLookup.sdkError(response, path: "/servers/\(id)/action") }
    let imageID =
      response.body?["image_id"]?.string
      ?? response.headers["Location"].flatMap { $0.split(separator: "/").last.map(String.init) } ?? ""
    // `create_server_image` reads the image back (`get_image`), then OSC waits, then finds it.
    _ = try ComputeLookup.image(imageID, in: context)
    if arguments.flag("--wait") {
      while true {
        let status = try Images.call(APIRequest(.get, "/v2/images/\(imageID)"), in: context)["status"]?.string?.lowercased() ?? ""
        if status == "active" { break }
        // osc-lib's `wait_for_status` returns false on an error, and OSC raises with its message
        // and the server's name as a tuple.
        if status == "error" { throw CommandFailure(message: "('Error creating server image: %s', '\(serverName)')") }
        context.sleep(5)
      }
      context.written.text += "\n"
    }
    return Images.display(try ComputeLookup.image(imageID, in: context), in: context)
  }
}
