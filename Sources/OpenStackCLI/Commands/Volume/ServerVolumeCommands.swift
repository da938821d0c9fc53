import CloudAPI

/// OSC's commands on a server's volumes (`compute/v2/server.py`, `server_volume.py`), through
/// openstacksdk's compute proxy (`VolumeAttachment`, at most 2.89).
enum ServerVolumeRequests {
  static func path(_ serverID: String, _ volumeID: String? = nil) -> String {
    "/servers/\(serverID)/os-volume_attachments" + (volumeID.map { "/\($0)" } ?? "")
  }

  /// The body of a successful response; a failure is the SDK's exception, its URL Nova's.
  @discardableResult
  static func call(_ request: APIRequest, path: String, in context: CommandContext) throws -> JSON {
    let response = try context.api.send(request, to: .compute, computeResource: .volumeAttachment)
    guard (200..<300).contains(response.status) else { throw ComputeLookup.sdkError(response, path: path) }
    return response.body ?? .null
  }
}

/// `openstack server add volume`: the server, then the volume, found; the attachment as Nova
/// answers it.
enum ServerAddVolume: OpenStackCommand {
  static let name = "server add volume"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let server = try ComputeLookup.server(arguments.value("<server>") ?? "", in: context)
    let volume = try context.cinder.find(arguments.value("<volume>") ?? "", .volume)
    let serverID = server["id"]?.string ?? ""
    var body: JSONObject = ["volumeId": volume["id"] ?? .null, "device": VolumeFormat.optional(arguments.value("--device"))]
    if let tag = arguments.value("--tag") {
      guard try context.api.supportsComputeVersion(Microversion(2, 49)) else {
        throw CommandFailure(message: "--os-compute-api-version 2.49 or greater is required to support the --tag option")
      }
      body["tag"] = .string(tag)
    }
    for (option, value) in [("--enable-delete-on-termination", true), ("--disable-delete-on-termination", false)]
    where arguments.flag(option) {
      guard try context.api.supportsComputeVersion(Microversion(2, 79)) else {
        throw CommandFailure(
          message: "--os-compute-api-version 2.79 or greater is required to support the --\(value ? "enable" : "disable")-delete-on-termination option.")
      }
      body["delete_on_termination"] = .bool(value)
    }
    let path = ServerVolumeRequests.path(serverID)
    let attachment = try ServerVolumeRequests.call(
      APIRequest(.post, "/v2.1" + path, body: .object(["volumeAttachment": .object(body)])), path: path, in: context)["volumeAttachment"] ?? .null
    var fields: JSONObject = [
      "ID": attachment["id"] ?? .null, "Server ID": .string(serverID), "Volume ID": attachment["volumeId"] ?? .null,
      "Device": attachment["device"] ?? .null,
    ]
    if try context.api.supportsComputeVersion(Microversion(2, 49)) { fields["Tag"] = attachment["tag"] ?? .null }
    if try context.api.supportsComputeVersion(Microversion(2, 79)) {
      fields["Delete On Termination"] = attachment["delete_on_termination"] ?? .null
    }
    return .show(fields)
  }
}

/// `openstack server remove volume`.
enum ServerRemoveVolume: OpenStackCommand {
  static let name = "server remove volume"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let server = try ComputeLookup.server(arguments.value("<server>") ?? "", in: context)
    let volume = try context.cinder.find(arguments.value("<volume>") ?? "", .volume)
    let path = ServerVolumeRequests.path(server["id"]?.string ?? "", volume["id"]?.string ?? "")
    try ServerVolumeRequests.call(APIRequest(.delete, "/v2.1" + path), path: path, in: context)
    return .nothing
  }
}

/// `openstack server volume list`: the columns the microversions allow.
enum ServerVolumeList: OpenStackCommand {
  static let name = "server volume list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let server = try ComputeLookup.server(arguments.value("server") ?? "", in: context)
    let serverID = server["id"]?.string ?? ""
    let path = ServerVolumeRequests.path(serverID)
    let attachments = try ServerVolumeRequests.call(APIRequest(.get, "/v2.1" + path), path: path, in: context)["volumeAttachments"]?.array ?? []
    var columns: [(header: String, value: (JSON) -> JSON)] = []
    let recent = try context.api.supportsComputeVersion(Microversion(2, 89))
    if !recent { columns.append(("ID", { $0["id"] ?? .null })) }
    columns += [("Device", { $0["device"] ?? .null }), ("Server ID", { _ in .string(serverID) }), ("Volume ID", { $0["volumeId"] ?? .null })]
    if try context.api.supportsComputeVersion(Microversion(2, 70)) { columns.append(("Tag", { $0["tag"] ?? .null })) }
    if try context.api.supportsComputeVersion(Microversion(2, 79)) {
      columns.append(("Delete On Termination?", { $0["delete_on_termination"] ?? .null }))
    }
    if recent {
      columns += [("Attachment ID", { $0["attachment_id"] ?? .null }), ("BlockDeviceMapping UUID", { $0["bdm_uuid"] ?? .null })]
    }
    return .list(
      columns: columns.map(\.header), rows: attachments.map { attachment in columns.map { $0.value(attachment) } }, names: .tuple)
  }
}
