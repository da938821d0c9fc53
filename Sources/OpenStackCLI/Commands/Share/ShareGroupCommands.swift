import CloudAPI

extension ManilaLookup {
  /// Share groups (`ShareGroupManager`, 2.31; experimental until 2.55).
  static let shareGroup = ManilaLookup(
    className: "sharegroup", path: "/v2/share-groups", member: "share_group", listPath: "/v2/share-groups/detail",
    collection: "share_groups",
    manager: ManilaManager(qualifiedName: "manilaclient.v2.share_groups.ShareGroupManager", minimumVersion: Microversion(2, 31)))
}

/// What the share group commands share: the lookup, the path, and the record as `show` prints it.
enum ShareGroups {
  static func find(_ nameOrID: String, in context: CommandContext) throws -> JSON {
    try ManilaLookup.shareGroup.find(nameOrID, in: context, helper: .oscLib)
  }

  static func path(_ group: JSON) -> String { "/v2/share-groups/\(group["id"]?.string ?? "")" }

  /// `_info` without `links`; in a table the share type IDs one a line.
  static func shown(_ group: JSON, in context: CommandContext) -> CommandOutput {
    var fields = group.object
    fields.removeValue(forKey: "links")
    if context.isTable, let types = fields["share_types"]?.array, !types.isEmpty {
      fields["share_types"] = .string(types.map { $0.string ?? "" }.joined(separator: "\n"))
    }
    return .show(fields)
  }
}

/// `openstack share group create`: share types, group type and network found by name or ID.
enum ShareGroupCreate: OpenStackCommand {
  static let name = "share group create"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = ["--source-share-group-snapshot"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let types = try arguments.values("--share-types").map {
      try ManilaLookup.shareType.find($0, in: context, helper: .oscLib)["id"] ?? .null
    }
    let groupType = try arguments.value("--share-group-type").map {
      try ManilaLookup.shareGroupType.find($0, in: context, helper: .oscLib)["id"] ?? .null
    }
    let network = try arguments.value("--share-network").map {
      try ManilaLookup.shareNetwork.find($0, in: context, helper: .oscLib)["id"] ?? .null
    }
    try ManilaLookup.shareGroup.manager?.require("create", in: context)
    var group = JSONObject()
    for (key, option) in [("name", "--name"), ("description", "--description"), ("availability_zone", "--availability-zone")] {
      if let value = arguments.value(option), !value.isEmpty { group[key] = .string(value) }
    }
    if let groupType { group["share_group_type_id"] = groupType }
    if let network { group["share_network_id"] = network }
    if !types.isEmpty { group["share_types"] = .array(types) }
    let body = try context.call(.sharedFileSystem, APIRequest(.post, "/v2/share-groups", body: .object(["share_group": .object(group)])))
    var created = body["share_group"] ?? .null
    if arguments.flag("--wait"), let id = created["id"]?.string {
      if !(try context.waitForStatus("/v2/share-groups/\(id)", member: "share_group", success: ["available"])) {
        context.log("ERROR: Share group is in error state.")
      }
      created = try ShareGroups.find(id, in: context)
    }
    return ShareGroups.shown(created, in: context)
  }
}

/// `openstack share group list`: the server's order (the client reads `--sort` but never
/// applies it).
enum ShareGroupList: OpenStackCommand {
  static let name = "share group list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = [
    "--share-server", "--share-group-type", "--snapshot", "--host", "--share-network", "--project", "--project-domain",
  ]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    // The client parses `--sort` (default `name:asc`) and never applies it: neither do we.
    _ = arguments.value("--sort")
    var columns = ["ID", "Name", "Status", "Description"]
    var options: [(String, String?)] = [
      ("all_tenants", arguments.flag("--all-projects") ? "True" : nil), ("name", arguments.value("--name")),
      ("status", arguments.value("--status")), ("limit", arguments.value("--limit")), ("offset", arguments.value("--marker")),
    ]
    let patterns = [
      ("name~", arguments.value("--name~")), ("description~", arguments.value("--description~")),
      ("description", arguments.value("--description")),
    ]
    if try context.api.negotiatedShareVersion() >= Microversion(2, 36) {
      options += patterns
    } else if patterns.contains(where: { !($0.1 ?? "").isEmpty }) {
      throw CommandFailure(
        message: "Pattern based filtering (name~, description~ and description) is only available with manila API version >= 2.36")
    }
    if arguments.flag("--all-projects") { columns.append("Project ID") }
    try ManilaLookup.shareGroup.manager?.require("list", in: context)
    let body = try context.call(.sharedFileSystem, APIRequest(.get, "/v2/share-groups/detail", query: ManilaFormat.query(options)))
    let keys = columns.map(ManilaFormat.key(ofColumn:))
    return .list(columns: columns, rows: (body["share_groups"]?.array ?? []).map { ManilaFormat.row($0, keys) })
  }
}

enum ShareGroupShow: OpenStackCommand {
  static let name = "share group show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    ShareGroups.shown(try ShareGroups.find(arguments.value("<share-group>") ?? "", in: context), in: context)
  }
}

/// `openstack share group set`: name and description, then the status (admin); each failure
/// logged, then one error.
enum ShareGroupSet: OpenStackCommand {
  static let name = "share group set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let group = try ShareGroups.find(arguments.value("<share-group>") ?? "", in: context)
    var failures = 0
    var update = JSONObject()
    if let name = arguments.value("--name") { update["name"] = .string(name) }
    if let description = arguments.value("--description") { update["description"] = .string(description) }
    if !update.isEmpty {
      do {
        _ = try context.call(.sharedFileSystem, APIRequest(.put, ShareGroups.path(group), body: .object(["share_group": .object(update)])))
      } catch let failure as CommandFailure {
        failures += 1
        context.log("Failed to update share group name or description: \(failure.message)")
      }
    }
    if let status = arguments.value("--status"), !status.isEmpty {
      do {
        let body: JSON = .object(["reset_status": .object(["status": .string(status)])])
        _ = try context.call(.sharedFileSystem, APIRequest(.post, ShareGroups.path(group) + "/action", body: body))
      } catch let failure as CommandFailure {
        failures += 1
        context.log("Failed to set status for the share group: \(failure.message)")
      }
    }
    if failures > 0 { throw CommandFailure(message: "One or more of the set operations failed") }
    return .nothing
  }
}

/// `openstack share group unset`: name or description cleared.
enum ShareGroupUnset: OpenStackCommand {
  static let name = "share group unset"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let group = try ShareGroups.find(arguments.value("<share-group>") ?? "", in: context)
    var update = JSONObject()
    if arguments.flag("--name") { update["name"] = .null }
    if arguments.flag("--description") { update["description"] = .null }
    guard !update.isEmpty else { return .nothing }
    do {
      _ = try context.call(.sharedFileSystem, APIRequest(.put, ShareGroups.path(group), body: .object(["share_group": .object(update)])))
    } catch let failure as CommandFailure {
      throw CommandFailure(message: "Failed to unset share_group name or description: \(failure.message)")
    }
    return .nothing
  }
}

/// `openstack share group delete`: each group, `--force` as the admin action.
enum ShareGroupDelete: OpenStackCommand {
  static let name = "share group delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try DeleteEach(
      failure: { "Failed to delete share group with name or ID '\($0)': \($1)" },
      summary: { "\($0) of \($1) share groups failed to delete." }
    ).run(arguments.values("<share_group>")) { name in
      let group = try ShareGroups.find(name, in: context)
      if arguments.flag("--force") {
        _ = try context.call(
          .sharedFileSystem, APIRequest(.post, ShareGroups.path(group) + "/action", body: .object(["force_delete": .null])))
      } else {
        _ = try context.call(.sharedFileSystem, APIRequest(.delete, ShareGroups.path(group)))
      }
      return try !arguments.flag("--wait") || context.waitForDelete(ShareGroups.path(group), member: "share_group")
    }
    return .nothing
  }
}
