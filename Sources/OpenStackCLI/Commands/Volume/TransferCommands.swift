import CloudAPI

/// OSC's volume transfer request commands (`volume/v3/volume_transfer_request.py`), through
/// openstacksdk's `Transfer` (3.55 at most): `/volume-transfers` where the cloud has 3.55 (and the
/// user asked for no lower), `/os-volume-transfer` below.
enum TransferRequests {
  static func base(_ context: CommandContext) throws -> String {
    try context.api.supportsVolumeVersion(Microversion(3, 55)) ? "/volume-transfers" : "/os-volume-transfer"
  }

  /// `find_transfer`: fetched at the version's path, then the list, which openstacksdk asks at
  /// `/volume-transfers` whatever the version.
  static func kind(_ context: CommandContext) throws -> CinderKind {
    CinderKind(
      sdkName: "Transfer", path: try base(context), listPath: "/volume-transfers", member: "transfer", collection: "transfers",
      resource: .transfer, listsByName: false)
  }
}

/// `openstack volume transfer request create`: the volume offered; the key is shown once.
enum VolumeTransferRequestCreate: OpenStackCommand {
  static let name = "volume transfer request create"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var noSnapshots: Bool?
    if arguments.flag("--snapshots") || arguments.flag("--no-snapshots") {
      guard try context.api.supportsVolumeVersion(Microversion(3, 55)) else {
        throw CommandFailure(message: "--os-volume-api-version 3.55 or greater is required to support the '--(no-)snapshots' option")
      }
      // Both store into one destination; given together, `--no-snapshots` is taken (the parsed
      // arguments keep no order to tell which came last, as argparse would).
      noSnapshots = arguments.flag("--no-snapshots")
    }
    let volume = try context.cinder.find(arguments.value("<volume>") ?? "", .volume)
    var body: JSONObject = ["volume_id": volume["id"] ?? .null, "name": VolumeFormat.optional(arguments.value("--name"))]
    if let noSnapshots { body["no_snapshots"] = .bool(noSnapshots) }
    let transfer = try context.cinder.call(
      APIRequest(.post, try TransferRequests.base(context), body: .object(["transfer": .object(body)])), .transfer)["transfer"] ?? .null
    var fields = JSONObject()
    for key in ["auth_key", "created_at", "id", "name", "volume_id"] { fields[key] = transfer[key] ?? .null }
    return .show(fields)
  }
}

/// `openstack volume transfer request accept`: found if it can be (else the ID as given), then
/// accepted with the key.
enum VolumeTransferRequestAccept: OpenStackCommand {
  static let name = "volume transfer request accept"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let given = arguments.value("<transfer-request-id>") ?? ""
    let key = arguments.value("--auth-key") ?? ""
    var id = given
    do {
      id = try context.cinder.find(given, try TransferRequests.kind(context))["id"]?.string ?? given
    } catch let failure as CommandFailure where failure.message.hasPrefix("No Transfer found for ") {}
    let accepted = try context.cinder.call(
      APIRequest(
        .post, "\(try TransferRequests.base(context))/\(id)/accept", body: .object(["accept": .object(["auth_key": .string(key)])])),
      .transfer)["transfer"] ?? .null
    return .show(["id": accepted["id"] ?? .null, "name": accepted["name"] ?? .null, "volume_id": accepted["volume_id"] ?? .null])
  }
}

/// `openstack volume transfer request list` (openstacksdk drops `--all-projects`: `Transfer` has
/// no such query parameter).
enum VolumeTransferRequestList: OpenStackCommand {
  static let name = "volume transfer request list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    _ = arguments.flag("--all-projects")
    let transfers = try context.cinder.call(APIRequest(.get, try TransferRequests.base(context) + "/detail"), .transfer)["transfers"]?.array ?? []
    return .list(
      columns: ["ID", "Name", "Volume"],
      rows: transfers.map { transfer in ["id", "name", "volume_id"].map { transfer[$0] ?? .null } }, names: .tuple)
  }
}

/// `openstack volume transfer request show`.
enum VolumeTransferRequestShow: OpenStackCommand {
  static let name = "volume transfer request show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let transfer = try context.cinder.find(arguments.value("<transfer-request>") ?? "", try TransferRequests.kind(context))
    var fields = JSONObject()
    for key in ["created_at", "id", "name", "volume_id"] { fields[key] = transfer[key] ?? .null }
    return .show(fields)
  }
}

/// `openstack volume transfer request delete`: by ID only (openstacksdk deletes what it is given).
enum VolumeTransferRequestDelete: OpenStackCommand {
  static let name = "volume transfer request delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let names = arguments.values("<transfer-request>")
    var failed = 0
    for name in names {
      do {
        try context.cinder.call(APIRequest(.delete, "\(try TransferRequests.base(context))/\(name)"), .transfer)
      } catch let failure as CommandFailure {
        failed += 1
        context.log("Failed to delete volume transfer request with name or ID '\(name)': \(failure.message)")
      }
    }
    if failed > 0 { throw CommandFailure(message: "\(failed) of \(names.count) volume transfer requests failed to delete") }
    return .nothing
  }
}
