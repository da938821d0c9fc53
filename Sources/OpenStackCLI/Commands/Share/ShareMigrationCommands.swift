import CloudAPI

/// `openstack share migration start` (admin): the share's first phase of migration to
/// `host@backend#pool`; the four driver-assisted flags are required, each `True` or `False`,
/// and sent as the text given (the one optional flag as `false` when absent).
enum ShareMigrationStart: OpenStackCommand {
  static let name = "share migration start"
  static let flags = ["--force-host-assisted-migration", "--preserve-metadata", "--preserve-snapshots", "--writable", "--nondisruptive"]
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name),
    types: Dictionary(uniqueKeysWithValues: flags.map { ($0, ValueType.choices(["True", "False"])) }))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let network = try arguments.value("--new-share-network").map { try ManilaLookup.shareNetwork.find($0, in: context)["id"] ?? .null }
    let type = try arguments.value("--new-share-type").map { try ManilaLookup.shareType.find($0, in: context)["id"] ?? .null }
    let share = try ManilaLookup.share.find(arguments.value("<share>") ?? "", in: context)
    let flag = { (option: String) -> JSON in arguments.value(option).map(JSON.string) ?? .bool(false) }
    let request: JSONObject = [
      "host": .string(arguments.value("<host>") ?? ""),
      "force_host_assisted_migration": flag("--force-host-assisted-migration"),
      "preserve_metadata": flag("--preserve-metadata"), "preserve_snapshots": flag("--preserve-snapshots"),
      "writable": flag("--writable"), "nondisruptive": flag("--nondisruptive"),
      "new_share_network_id": network ?? .null, "new_share_type_id": type ?? .null,
    ]
    try ShareMigrationAction.post(["migration_start": .object(request)], to: share, in: context)
    return .nothing
  }
}

/// `openstack share migration complete` (admin): the second phase, once the first is done.
enum ShareMigrationComplete: OpenStackCommand {
  static let name = "share migration complete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ShareMigrationAction.run("migration_complete", on: arguments.value("<share>") ?? "", in: context)
  }
}

/// `openstack share migration cancel` (admin): gives up a migration whose first phase runs or
/// is done.
enum ShareMigrationCancel: OpenStackCommand {
  static let name = "share migration cancel"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ShareMigrationAction.run("migration_cancel", on: arguments.value("<share>") ?? "", in: context)
  }
}

/// `openstack share migration show` (admin): the first phase's progress, as the API answers it
/// (the `GET` from 2.98, the action before).
enum ShareMigrationShow: OpenStackCommand {
  static let name = "share migration show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let share = try ManilaLookup.share.find(arguments.value("<share>") ?? "", in: context)
    let id = share["id"]?.string ?? ""
    let body =
      try context.api.negotiatedShareVersion() >= Microversion(2, 98)
      ? try context.call(.sharedFileSystem, APIRequest(.get, "/v2/shares/\(id)/migration-progress"))
      : try context.call(
        .sharedFileSystem, APIRequest(.post, "/v2/shares/\(id)/action", body: .object(["migration_get_progress": .null])))
    return .show(body.object)
  }
}

/// python-manilaclient's `_action` on a share: the action's body posted, its failure the
/// command's.
enum ShareMigrationAction {
  static func post(_ body: JSONObject, to share: JSON, in context: CommandContext) throws {
    let path = "/v2/shares/\(share["id"]?.string ?? "")/action"
    _ = try context.call(.sharedFileSystem, APIRequest(.post, path, body: .object(body)))
  }

  /// An action without arguments on the share named, which prints nothing.
  static func run(_ action: String, on name: String, in context: CommandContext) throws -> CommandOutput {
    try post([action: .null], to: try ManilaLookup.share.find(name, in: context), in: context)
    return .nothing
  }
}
