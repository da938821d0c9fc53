import CloudAPI

extension ManilaLookup {
  /// python-manilaclient's `ResourceLockManager`, whose methods start at 2.81; its list always
  /// sorts (`created_at`, `desc` unless told).
  static let resourceLock = ManilaLookup(
    className: "resourcelock", path: "/v2/resource-locks", member: "resource_lock", listPath: "/v2/resource-locks",
    collection: "resource_locks", listQuery: [(name: "sort_dir", value: "desc"), (name: "sort_key", value: "created_at")],
    manager: .resourceLocks)
}

extension ManilaManager {
  static let resourceLocks = ManilaManager(
    qualifiedName: "manilaclient.v2.resource_locks.ResourceLockManager", minimumVersion: Microversion(2, 81))
}

/// What the share lock commands share: `RESOURCE_TYPE_MANAGERS` and the columns.
enum ShareLocks {
  /// The spellings manilaclient declares beside those its usage shows.
  static let reason = ["--lock-reason": ["--lock_reason", "--reason"]]
  static let action = ["--resource-action": ["--resource_action"]]
  static let summaryColumns = ["ID", "Resource Id", "Resource Type", "Resource Action"]
  static let detailColumns =
    summaryColumns + ["Lock Context", "User Id", "Project Id", "Created At", "Updated At", "Lock Reason"]

  /// The resource a lock names, found osc-lib's way with the type's manager (`shares`,
  /// `share_access_rules`), or the client's error for a type it does not know.
  static func resource(_ nameOrID: String, type: String, in context: CommandContext) throws -> JSON {
    switch type {
    case "share": return try ManilaLookup.share.find(nameOrID, in: context, helper: .oscLib)
    case "access_rule":
      // `ShareAccessRuleManager` gets a rule (from 2.45) but lists none: osc-lib's search ends in
      // the manager's `NotImplementedError`, whose message is empty.
      if try context.api.negotiatedShareVersion() >= Microversion(2, 45) {
        let response = try context.api.send(APIRequest(.get, "/v2/share-access-rules/\(nameOrID)"), to: .sharedFileSystem)
        if response.status == 200, let rule = response.body?["access"] { return rule }
      }
      throw CommandFailure(message: "")
    default: throw CommandFailure(message: "Unsupported resource type")
    }
  }
}

/// `openstack share lock create` (`CreateResourceLock`): the share or access rule found osc-lib's
/// way, the lock shown without its links, in the API's order.
enum ShareLockCreate: OpenStackCommand {
  static let name = "share lock create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating,
    spellings: ShareLocks.reason.merging(ShareLocks.action) { $1 })
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let type = arguments.value("<resource_type>") ?? ""
    let target = try ShareLocks.resource(arguments.value("<resource_name_or_id>") ?? "", type: type, in: context)
    try ManilaManager.resourceLocks.require("create", in: context)
    let lock: JSONObject = [
      "resource_id": target["id"] ?? .null, "resource_type": .string(type),
      "resource_action": .string(arguments.value("--resource-action") ?? "delete"),
      "lock_reason": arguments.value("--lock-reason").map(JSON.string) ?? .null,
    ]
    let body = try context.call(
      .sharedFileSystem, APIRequest(.post, "/v2/resource-locks", body: .object(["resource_lock": .object(lock)])))
    var fields = body["resource_lock"]?.object ?? [:]
    fields.removeValue(forKey: "links")
    return .show(fields)
  }
}

/// `openstack share lock list` (`ListResourceLock`): the caller's project's locks, or a
/// project's or user's (an admin's `--all-projects`), filtered as Manila filters them.
enum ShareLockList: OpenStackCommand {
  static let name = "share lock list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating,
    spellings: ShareLocks.action.merging([
      "--resource": ["--resource-id", "--resource_id"], "--resource-type": ["--resource_type"],
      "--lock-context": ["--lock_context", "--context"], "--sort-key": ["--sort_key"], "--sort-dir": ["--sort_dir"],
    ]) { $1 },
    types: [
      "--limit": .int, "--lock-context": .choices(["user", "admin", "service"]),
      // `RESOURCE_LOCK_SORT_KEY_VALUES` and `SORT_DIR_VALUES`.
      "--sort-key": .choices(["id", "created_at", "updated_at", "resource_id", "resource_type", "resource_action", "lock_reason"]),
      "--sort-dir": .choices(["asc", "desc"]),
    ])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let detailValue = arguments.values("--detailed").last
    if let detailValue, Int(detailValue) == nil {
      throw syntax.error("argument --detailed: invalid int value: '\(detailValue)'")
    }
    let detailed = arguments.contains("--detailed") && detailValue.flatMap(Int.init) != 0
    let project = try IdentityLookup.project.id(
      "--project", domain: "--project-domain", in: arguments, context: context, sdk: false)
    let user = try IdentityLookup.user.id("--user", domain: "--user-domain", in: arguments, context: context, sdk: false)
    var resource = arguments.value("--resource")
    if let type = arguments.value("--resource-type") {
      guard ["share", "access_rule"].contains(type) else { throw CommandFailure(message: "Unsupported resource type") }
      if let named = resource { resource = try ShareLocks.resource(named, type: type, in: context)["id"]?.string ?? named }
    } else if let named = resource, !ManilaFormat.isUUIDLike(named) {
      throw CommandFailure(message: "Provide resource ID or specify --resource-type.")
    }
    try ManilaManager.resourceLocks.require("list", in: context)
    let limit = arguments.value("--limit").flatMap(Int.init).flatMap { $0 == 0 ? nil : String($0) }
    let query = ManilaFormat.query([
      ("all_projects", project != nil || arguments.flag("--all-projects") ? "True" : nil), ("project_id", project),
      ("user_id", user), ("id", arguments.value("--id")), ("resource_id", resource),
      ("resource_type", arguments.value("--resource-type")), ("resource_action", arguments.value("--resource-action")),
      ("lock_context", arguments.value("--lock-context")), ("created_before", arguments.value("--before")),
      ("created_since", arguments.value("--since")), ("limit", limit), ("offset", arguments.value("--offset")),
      ("sort_key", arguments.value("--sort-key") ?? "created_at"), ("sort_dir", arguments.value("--sort-dir") ?? "desc"),
    ])
    let body = try context.call(.sharedFileSystem, APIRequest(.get, "/v2/resource-locks", query: query))
    let columns = detailed ? ShareLocks.detailColumns : ShareLocks.summaryColumns
    let keys = columns.map(ManilaFormat.key(ofColumn:))
    return .list(columns: columns, rows: (body["resource_locks"]?.array ?? []).map { ManilaFormat.row($0, keys) })
  }
}

/// `openstack share lock show` (`ShowResourceLock`): `LOCK_DETAIL_ATTRIBUTES`, as named there.
enum ShareLockShow: OpenStackCommand {
  static let name = "share lock show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let lock = try ManilaLookup.resourceLock.find(arguments.value("<lock>") ?? "", in: context)
    let keys = ShareLocks.detailColumns.map(ManilaFormat.key(ofColumn:))
    return .show(JSONObject(uniqueKeys: ShareLocks.detailColumns, values: ManilaFormat.row(lock, keys)))
  }
}

/// `openstack share lock set` (`SetResourceLock`): the lock named as given (no lookup), only
/// what was given sent.
enum ShareLockSet: OpenStackCommand {
  static let name = "share lock set"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), spellings: ShareLocks.reason.merging(ShareLocks.action) { $1 })
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var updates: JSONObject = [:]
    if let reason = arguments.value("--lock-reason") { updates["lock_reason"] = .string(reason) }
    if let action = arguments.value("--resource-action") { updates["resource_action"] = .string(action) }
    guard !updates.isEmpty else { return .nothing }
    try ShareLocks.update(arguments.value("<lock>") ?? "", updates, in: context)
    return .nothing
  }
}

/// `openstack share lock unset` (`UnsetResourceLock`): `--lock-reason` clears the reason.
enum ShareLockUnset: OpenStackCommand {
  static let name = "share lock unset"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), spellings: ShareLocks.reason)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    guard arguments.flag("--lock-reason") else { return .nothing }
    try ShareLocks.update(arguments.value("<lock>") ?? "", ["lock_reason": .null], in: context)
    return .nothing
  }
}

extension ShareLocks {
  /// `ResourceLockManager.update`: `PUT` of the changes, the answer unread.
  static func update(_ lock: String, _ updates: JSONObject, in context: CommandContext) throws {
    try ManilaManager.resourceLocks.require("update", in: context)
    _ = try context.call(
      .sharedFileSystem,
      APIRequest(.put, "/v2/resource-locks/\(lock)", body: .object(["resource_lock": .object(updates)])))
  }
}

/// `openstack share lock delete` (`DeleteResourceLock`): each lock found manilaclient's way,
/// each failure logged, then one error.
enum ShareLockDelete: OpenStackCommand {
  static let name = "share lock delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try DeleteEach(
      failure: { "Failed to delete \($0): \($1)" },
      summary: { _, _ in "Unable to delete some or all of the specified locks." }
    ).run(arguments.values("<lock>")) { name in
      let lock = try ManilaLookup.resourceLock.find(name, in: context)
      try ManilaManager.resourceLocks.require("delete", in: context)
      _ = try context.call(.sharedFileSystem, APIRequest(.delete, "/v2/resource-locks/\(lock["id"]?.string ?? name)"))
      return true
    }
    return .nothing
  }
}
