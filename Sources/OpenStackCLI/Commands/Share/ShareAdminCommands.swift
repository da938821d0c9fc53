import CloudAPI

/// `openstack share service list` (admin): the services, filtered by the server.
enum ShareServiceList: OpenStackCommand {
  static let name = "share service list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let version = try context.api.negotiatedShareVersion()
    var options: [(String, String?)] = ["host", "binary", "status", "state", "zone"].map { ($0, arguments.value("--" + $0)) }
    if let ensuring = arguments.value("--ensuring"), !ensuring.isEmpty {
      guard version >= Microversion(2, 93) else {
        throw CommandFailure(
          message: "Filtering services whether they are running ensure shares or not is only supported by manila API version >= 2.93")
      }
      options.append(("ensuring", ensuring))
    }
    let body = try context.call(.sharedFileSystem, APIRequest(.get, "/v2/services", query: ManilaFormat.query(options)))
    var columns = ["ID", "Binary", "Host", "Zone", "Status", "State", "Updated At"]
    if version >= Microversion(2, 83) { columns.append("Disabled Reason") }
    if version >= Microversion(2, 93) { columns.append("Ensuring") }
    let keys = columns.map(ManilaFormat.key(ofColumn:))
    return .list(columns: columns, rows: (body["services"]?.array ?? []).map { ManilaFormat.row($0, keys) })
  }
}

/// `openstack share service set` (admin): enable, or disable with a reason (2.83).
enum ShareServiceSet: OpenStackCommand {
  static let name = "share service set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let reason = arguments.value("--disable-reason").flatMap { $0.isEmpty ? nil : $0 }
    if reason != nil && !arguments.flag("--disable") {
      throw CommandFailure(message: "Cannot specify option --disable-reason without --disable specified.")
    }
    var body: JSONObject = ["host": .string(arguments.value("<host>") ?? ""), "binary": .string(arguments.value("<binary>") ?? "")]
    if arguments.flag("--enable") {
      do {
        _ = try context.call(.sharedFileSystem, APIRequest(.put, "/v2/services/enable", body: .object(body)))
      } catch let failure as CommandFailure {
        throw CommandFailure(message: "Failed to enable service: \(failure.message)")
      }
    }
    if arguments.flag("--disable") {
      if let reason {
        if try context.api.negotiatedShareVersion() < Microversion(2, 83) {
          throw CommandFailure(message: "Service disable reason can be specified only with manila API version >= 2.83")
        }
        body["disabled_reason"] = .string(reason)
      }
      do {
        _ = try context.call(.sharedFileSystem, APIRequest(.put, "/v2/services/disable", body: .object(body)))
      } catch let failure as CommandFailure {
        throw CommandFailure(message: "Failed to disable service: \(failure.message)")
      }
    }
    return .nothing
  }
}

/// `openstack share pool list` (admin): the scheduler's pools; `--detail` adds their
/// capabilities (as `key : value` lines in a table).
enum SharePoolList: OpenStackCommand {
  static let name = "share pool list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var shareType: String?
    if let type = arguments.value("--share-type") {
      guard try context.api.negotiatedShareVersion() >= Microversion(2, 23) else {
        throw CommandFailure(message: "Filtering results by share type is only available with manila API version >= 2.23")
      }
      shareType = try ManilaLookup.shareType.find(type, in: context, helper: .oscLib)["id"]?.string
    }
    let detail = arguments.flag("--detail")
    let query = ManilaFormat.query([
      ("host", arguments.value("--host")), ("backend", arguments.value("--backend")), ("pool", arguments.value("--pool")),
      ("share_type", shareType),
    ])
    let path = "/v2/scheduler-stats/pools" + (detail ? "/detail" : "")
    let body = try context.call(.sharedFileSystem, APIRequest(.get, path, query: query))
    var columns = ["Name", "Host", "Backend", "Pool"]
    if detail { columns.append("Capabilities") }
    let keys = columns.map(ManilaFormat.key(ofColumn:))
    let rows = (body["pools"]?.array ?? []).map { pool -> [JSON] in
      var fields = pool.object
      if detail && context.isTable { fields["capabilities"] = ManilaFormat.properties(pool["capabilities"] ?? .object([:])) }
      return ManilaFormat.row(.object(fields), keys)
    }
    return .list(columns: columns, rows: rows)
  }
}

enum ShareAvailabilityZoneList: OpenStackCommand {
  static let name = "share availability zone list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let body = try context.call(.sharedFileSystem, APIRequest(.get, "/v2/availability-zones"))
    let rows = (body["availability_zones"]?.array ?? []).map { ManilaFormat.row($0, ["id", "name", "created_at", "updated_at"]) }
    return .list(columns: ["Id", "Name", "Created At", "Updated At"], rows: rows)
  }
}

/// `openstack share revert`: the snapshot's share back to it (2.27).
enum ShareRevert: OpenStackCommand {
  static let name = "share revert"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let snapshot = try ManilaLookup.snapshot.find(arguments.value("<snapshot>") ?? "", in: context)
    let share = try ManilaLookup.share.find(snapshot["share_id"]?.string ?? "", in: context)
    let path = "/v2/shares/\(share["id"]?.string ?? "")"
    do {
      let body: JSON = .object(["revert": .object(["snapshot_id": snapshot["id"] ?? .null])])
      _ = try context.call(.sharedFileSystem, APIRequest(.post, path + "/action", body: body))
    } catch let failure as CommandFailure {
      throw CommandFailure(message: "Failed to revert share to snapshot: \(failure.message)")
    }
    if arguments.flag("--wait"), !(try context.waitForStatus(path, member: "share", success: ["available"])) {
      throw CommandFailure(message: "Share not available after revert attempt.")
    }
    return .nothing
  }
}
