import CloudAPI

/// `openstack share adopt` (admin): storage on a back end brought under Manila's management.
enum ShareAdopt: OpenStackCommand {
  static let name = "share adopt"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = ["--share-server-id", "--mount-point-name"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let shareType = try arguments.value("--share-type").map { try ManilaLookup.shareType.find($0, in: context)["id"] ?? .null }
    var options = JSONObject()
    for item in arguments.values("--driver-options") {
      let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      options[String(parts[0])] = .string(parts.count > 1 ? String(parts[1]) : "")
    }
    let nonEmpty = { (name: String) -> JSON in arguments.value(name).map(JSON.string) ?? .null }
    let share: JSONObject = [
      "service_host": nonEmpty("<service-host>"), "share_type": shareType ?? .null, "protocol": nonEmpty("<protocol>"),
      "export_path": nonEmpty("<export-path>"), "driver_options": .object(options), "name": nonEmpty("--name"),
      "description": nonEmpty("--description"), "share_server_id": .null, "is_public": .bool(arguments.flag("--public")),
    ]
    let body = try context.call(.sharedFileSystem, APIRequest(.post, "/v2/shares/manage", body: .object(["share": .object(share)])))
    var adopted = body["share"] ?? .null
    if arguments.flag("--wait"), let id = adopted["id"]?.string {
      if !(try context.waitForStatus("/v2/shares/\(id)", member: "share", success: ["available"], error: ["manage_error", "error"])) {
        context.log("ERROR: Share is in error state.")
      }
      adopted = try ManilaLookup.share.find(id, in: context)
    }
    var fields = adopted.object
    fields.removeValue(forKey: "links")
    return .show(fields)
  }
}

/// `openstack share abandon` (admin): each share let go; failures logged, then counted.
enum ShareAbandon: OpenStackCommand {
  static let name = "share abandon"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try DeleteEach(
      failure: { "Failed to abandon share with name or ID '\($0)': \($1)" },
      summary: { "Failed to abandon \($0) out of \($1) shares." }
    ).run(arguments.values("<share>")) { name in
      let share = try ManilaLookup.share.find(name, in: context)
      let path = "/v2/shares/\(share["id"]?.string ?? name)"
      let action = try context.api.negotiatedShareVersion() < Microversion(2, 7) ? "os-unmanage" : "unmanage"
      _ = try context.call(.sharedFileSystem, APIRequest(.post, path + "/action", body: .object([action: .null])))
      return try !arguments.flag("--wait") || context.waitForDelete(path, member: "share")
    }
    return .nothing
  }
}

/// `openstack share snapshot adopt` (admin): a snapshot on the back end, of a share Manila has.
enum ShareSnapshotAdopt: OpenStackCommand {
  static let name = "share snapshot adopt"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(["--driver-option"]),
    types: ["--driver-option": .keyValue])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let share = try ManilaLookup.share.find(arguments.value("<share>") ?? "", in: context, helper: .oscLib)
    let options = OSCLib.keyValues(arguments.values("--driver-option"))
    let snapshot: JSONObject = [
      "share_id": share["id"] ?? .null, "provider_location": .string(arguments.value("<provider-location>") ?? ""),
      "driver_options": .object(JSONObject(uniqueKeysWithValues: options.map { ($0.key, JSON.string($0.value)) })),
      "name": arguments.value("--name").map(JSON.string) ?? .null,
      "description": arguments.value("--description").map(JSON.string) ?? .null,
    ]
    let body = try context.call(
      .sharedFileSystem, APIRequest(.post, "/v2/snapshots/manage", body: .object(["snapshot": .object(snapshot)])))
    var adopted = body["snapshot"] ?? .null
    if arguments.flag("--wait"), let id = adopted["id"]?.string {
      if !(try context.waitForStatus("/v2/snapshots/\(id)", member: "snapshot", success: ["available"], error: ["manage_error", "error"])) {
        context.log("ERROR: Share snapshot is in error state.")
      }
      adopted = try ManilaLookup.snapshot.find(id, in: context, helper: .oscLib)
    }
    var fields = adopted.object
    fields.removeValue(forKey: "links")
    return .show(fields)
  }
}

/// `openstack share snapshot abandon` (admin): a snapshot not found ends the command; a
/// failure to abandon is logged, then counted.
enum ShareSnapshotAbandon: OpenStackCommand {
  static let name = "share snapshot abandon"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let names = arguments.values("<snapshot>")
    var log = ""
    var failures = 0
    for name in names {
      let snapshot = try ManilaLookup.snapshot.find(name, in: context, helper: .oscLib)
      let path = "/v2/snapshots/\(snapshot["id"]?.string ?? "")"
      do {
        _ = try context.call(.sharedFileSystem, APIRequest(.post, path + "/action", body: .object(["unmanage": .null])))
        if arguments.flag("--wait"), !(try context.waitForDelete(path, member: "snapshot")) { failures += 1 }
      } catch let failure as CommandFailure {
        failures += 1
        log += "Failed to abandon share snapshot with name or ID '\(name)': \(failure.message)\n"
      }
    }
    if failures > 0 { throw CommandFailure(message: log + "\(failures) of \(names.count) snapshots failed to abandon.") }
    return .nothing
  }
}
