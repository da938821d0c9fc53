import CloudAPI

/// What the quota commands share: the project and user found in Keystone, the share type
/// option's microversion, and the path with its scope query.
enum ShareQuotas {
  static let shareTypeVersion = Microversion(2, 39)

  struct Target {
    var projectID: String
    var userID: String?
    var shareType: String?

    /// `?user_id=` or `?share_type=`, as the manager writes the URL.
    var query: [(name: String, value: String)] {
      if let userID { return [(name: "user_id", value: userID)] }
      if let shareType { return [(name: "share_type", value: shareType)] }
      return []
    }
  }

  /// The user first, then the project, as the commands look them up.
  static func target(_ arguments: ParsedArguments, project: String, in context: CommandContext, message: String) throws -> Target {
    let userID = try arguments.value("--user").map {
      try IdentityLookup.user.keystoneID($0, domain: nil, in: context)
    }
    let projectID = try IdentityLookup.project.keystoneID(project, domain: nil, in: context)
    var shareType: String?
    if let type = arguments.value("--share-type") {
      if try context.api.negotiatedShareVersion() < shareTypeVersion { throw CommandFailure(message: message) }
      shareType = type
    }
    return Target(projectID: projectID, userID: userID, shareType: shareType)
  }
}

/// `openstack share quota show`: every quota, sorted by name; `--detail` as `key = value` lines.
enum ShareQuotaShow: OpenStackCommand {
  static let name = "share quota show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let path: String
    var query: [(name: String, value: String)] = []
    if arguments.flag("--defaults") {
      // The user is looked up even though the defaults do not depend on it.
      _ = try arguments.value("--user").map { try IdentityLookup.user.keystoneID($0, domain: nil, in: context) }
      let projectID = try IdentityLookup.project.keystoneID(arguments.value("<project>") ?? "", domain: nil, in: context)
      path = "/v2/quota-sets/\(projectID)/defaults"
    } else {
      let target = try ShareQuotas.target(
        arguments, project: arguments.value("<project>") ?? "", in: context,
        message: "'share type' quotas are available only starting with '2.39' API microversion.")
      path = "/v2/quota-sets/\(target.projectID)" + (arguments.flag("--detail") ? "/detail" : "")
      query = target.query
    }
    let body = try context.call(.sharedFileSystem, APIRequest(.get, path, query: query))
    var fields = JSONObject()
    for (key, value) in (body["quota_set"]?.object ?? [:]).sorted(by: { $0.key < $1.key }) {
      if case .object(let detail) = value {
        fields[key] = .string(detail.sorted { $0.key < $1.key }.map { "\($0.key) = \(PythonText.str($0.value))" }.joined(separator: "\n"))
      } else {
        fields[key] = value
      }
    }
    return .show(fields)
  }
}

/// `openstack share quota set`: the limits given, for a project, a user in it or a share type
/// in it (`--class` is not emulated).
enum ShareQuotaSet: OpenStackCommand {
  static let name = "share quota set"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name),
    types: Dictionary(uniqueKeysWithValues: limits.map { ($0.option, ValueType.int) }))
  static let refusedOptions: Set<String> = ["--class"]

  /// Each limit's option, body key, and the microversion and message of its check.
  static let limits: [(option: String, key: String, since: (Microversion, String)?)] = [
    ("--shares", "shares", nil), ("--snapshots", "snapshots", nil), ("--gigabytes", "gigabytes", nil),
    ("--snapshot-gigabytes", "snapshot_gigabytes", nil), ("--share-networks", "share_networks", nil),
    ("--share-groups", "share_groups", (Microversion(2, 40), "'share group' quotas are available only starting with '2.40' API microversion.")),
    ("--share-group-snapshots", "share_group_snapshots",
     (Microversion(2, 40), "'share group snapshots' quotas are available only starting with '2.40' API microversion.")),
    ("--share-replicas", "share_replicas",
     (Microversion(2, 53), "setting the number of 'share replicas' is available only starting with API microversion '2.53'.")),
    ("--replica-gigabytes", "replica_gigabytes",
     (Microversion(2, 53), "setting the capacity of share replicas in total is available only starting with API microversion '2.53'.")),
    ("--per-share-gigabytes", "per_share_gigabytes",
     (Microversion(2, 62), "'per share gigabytes' quotas are available only starting with '2.62' API microversion.")),
    ("--encryption-keys", "encryption_keys",
     (Microversion(2, 90), "'encryption keys' quotas are available only starting with '2.90' API microversion.")),
  ]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let project = arguments.value("<project/class>") ?? ""
    let userID = try arguments.value("--user").map { try IdentityLookup.user.keystoneID($0, domain: nil, in: context) }
    let version = try context.api.negotiatedShareVersion()
    if arguments.value("--share-type") != nil && version < ShareQuotas.shareTypeVersion {
      throw CommandFailure(message: "'share type' quotas are available only starting with '2.39' API microversion.")
    }
    var values = JSONObject()
    for limit in limits {
      guard let text = arguments.value(limit.option), let value = Int(text) else { continue }
      if let (since, message) = limit.since, version < since { throw CommandFailure(message: message) }
      values[limit.key] = .int(value)
    }
    if values.isEmpty && arguments.value("--share-type") == nil {
      throw CommandFailure(
        message:
          "Nothing to set. New quota must be specified to at least one of the following resources: 'shares', 'snapshots', 'gigabytes', 'snapshot-gigabytes', 'share-networks', 'share-type', 'share-groups', 'share-group-snapshots', 'share-replicas', 'replica-gigabytes', 'per-share-gigabytes', 'encryption_keys'")
    }
    let projectID = try IdentityLookup.project.keystoneID(project, domain: nil, in: context)
    let target = ShareQuotas.Target(projectID: projectID, userID: userID, shareType: arguments.value("--share-type"))
    let failed = { (message: String) in CommandFailure(message: "Failed to set quotas for project '\(project)': '\(message)'") }
    if target.shareType != nil && values["share_networks"] != nil {
      throw failed("'share_networks' quota can be set only for project or user, not share type.")
    }
    var body: JSONObject = ["tenant_id": .string(projectID)]
    for key in ["shares", "snapshots", "gigabytes", "snapshot_gigabytes", "share_networks", "share_groups", "share_group_snapshots"] {
      if let value = values[key] { body[key] = value }
    }
    if arguments.flag("--force") { body["force"] = true }
    for key in ["share_replicas", "replica_gigabytes", "per_share_gigabytes", "encryption_keys"] {
      if let value = values[key] { body[key] = value }
    }
    do {
      _ = try context.call(
        .sharedFileSystem,
        APIRequest(.put, "/v2/quota-sets/\(projectID)", query: target.query, body: .object(["quota_set": .object(body)])))
    } catch let failure as CommandFailure {
      throw failed(failure.message)
    }
    return .nothing
  }
}

/// `openstack share quota delete`: the scope's limits back to the defaults.
enum ShareQuotaDelete: OpenStackCommand {
  static let name = "share quota delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let target = try ShareQuotas.target(
      arguments, project: arguments.value("<project>") ?? "", in: context,
      message: "'share type' quotas are available only starting with API microversion '2.39'.")
    _ = try context.call(.sharedFileSystem, APIRequest(.delete, "/v2/quota-sets/\(target.projectID)", query: target.query))
    return .nothing
  }
}
