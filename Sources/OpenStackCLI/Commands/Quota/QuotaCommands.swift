import CloudAPI

/// The service options of `quota show` and `quota delete`: `--all` (the default) or one service.
private enum QuotaServices {
  static func chosen(_ arguments: ParsedArguments) -> (compute: Bool, volume: Bool, network: Bool) {
    let compute = arguments.flag("--compute")
    let volume = arguments.flag("--volume")
    let network = arguments.flag("--network")
    let all = arguments.flag("--all") || !(compute || volume || network)
    return (all || compute, all || volume, all || network)
  }
}

/// `openstack quota show` (`ShowQuota`): each service's quotas gathered into one dictionary
/// as the client gathers them (later services' keys replacing earlier ones in place), the
/// quotas the client has an option for renamed after it, the SDK's own fields dropped.
enum QuotaShow: OpenStackCommand {
  static let name = "quota show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let project = try QuotaClients.project(arguments.value("<project>"), in: context)
    let usage = arguments.flag("--usage")
    let defaults = arguments.flag("--default")
    let services = QuotaServices.chosen(arguments)
    var compute = services.compute ? try QuotaClients.computeQuotas(project, detail: usage, defaults: defaults, in: context) : [:]
    var volume = services.volume ? try QuotaClients.volumeQuotas(project, detail: usage, defaults: defaults, in: context) : [:]
    var network = services.network ? try QuotaClients.networkQuotas(project, detail: usage, defaults: defaults, in: context) : [:]
    var info = JSONObject()
    if usage {
      var reservation = JSONObject()
      var used = JSONObject()
      for section in [compute, volume, network] {
        for (key, value) in section["reservation"]?.object ?? [:] { reservation[key] = value }
        for (key, value) in section["usage"]?.object ?? [:] { used[key] = value }
      }
      for key in ["reservation", "usage"] {
        compute[key] = nil
        volume[key] = nil
        network[key] = nil
      }
      // Key pairs count per user, not per project.
      used["key_pairs"] = "N/A"
      info["reservation"] = .object(normalized(reservation))
      info["usage"] = .object(normalized(used))
    }
    for section in [compute, volume, network] {
      for (key, value) in section { info[key] = value }
    }
    info = normalized(info)
    for field in ["id", "location", "name", "force"] { info[field] = nil }
    guard usage else {
      return .list(columns: ["Resource", "Limit"], rows: info.map { [.string($0.key), $0.value] }, names: .tuple)
    }
    let used = info["usage"]?.object ?? [:]
    let reserved = info["reservation"]?.object ?? [:]
    let rows: [[JSON]] = info.filter { !["usage", "reservation"].contains($0.key) }.map { key, value in
      // `v or 0`.
      let limit: JSON = [.null, .int(0)].contains(value) ? .int(0) : value
      return [.string(key), limit, used[key] ?? .int(0), reserved[key] ?? .int(0)]
    }
    return .list(columns: ["Resource", "Limit", "In Use", "Reserved"], rows: rows, names: .tuple)
  }

  /// `_normalize_names`: a quota the client has an option for, when set, takes the option's
  /// name and moves to the end.
  private static func normalized(_ section: JSONObject) -> JSONObject {
    var section = section
    for (key, option) in QuotaClients.computeOptions + QuotaClients.volumeOptions + QuotaClients.networkOptions
    where key != option {
      guard let value = section[key], value != .null else { continue }
      section[key] = nil
      section[option] = value
    }
    return section
  }
}

/// `openstack quota set` (`SetQuota`): each service's options sent to its API; with `--class`
/// or `--default`, to the compute and volume quota classes.
enum QuotaSet: OpenStackCommand {
  static let name = "quota set"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: [],
    types: Dictionary(
      uniqueKeysWithValues: (QuotaClients.computeOptions + QuotaClients.volumeOptions + QuotaClients.networkOptions).map {
        ("--" + $0.option, ValueType.int)
      }))
  static let refusedOptions: Set<String> = []

  /// The values given for a service's options, under the API's names, in the client's order.
  private static func values(_ options: [(key: String, option: String)], _ arguments: ParsedArguments) -> [(String, JSON)] {
    options.compactMap { key, option in arguments.value("--" + option).flatMap { Int($0) }.map { (key, .int($0)) } }
  }

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let quotaClass = arguments.flag("--class")
    let toClass = quotaClass || arguments.flag("--default")
    if quotaClass {
      context.log(
        "The '--class' option has been deprecated. Quota classes were never fully implemented and the compute and volume"
          + " services only support a single 'default' quota class while the network service does not support quota"
          + " classes at all. Please use 'openstack quota set --default' instead.")
    }
    let force = arguments.flag("--force")
    if toClass, force { throw CommandFailure(message: "--force cannot be used with --class or --default") }
    _ = arguments.flag("--no-force")
    var compute = values(QuotaClients.computeOptions, arguments)
    if !compute.isEmpty, force { compute.append(("force", true)) }
    let volumeType = arguments.value("--volume-type")
    let volume = values(QuotaClients.volumeOptions, arguments).map { key, value in
      (volumeType != nil && ["gigabytes", "snapshots", "volumes"].contains(key) ? "\(key)_\(volumeType ?? "")" : key, value)
    }
    var network = values(QuotaClients.networkOptions, arguments)
    if !network.isEmpty { network.append(force ? ("force", true) : ("check_limit", true)) }
    func body(_ key: String, _ values: [(String, JSON)]) -> JSON {
      .object([key: .object(JSONObject(uniqueKeys: values.map(\.0), values: values.map(\.1)))])
    }
    let target = arguments.value("<project/class>")
    if toClass {
      let name = target ?? "default"
      if !compute.isEmpty {
        try QuotaClients.compute(.put, "/os-quota-class-sets/\(name)", body: body("quota_class_set", compute), in: context)
      }
      if !volume.isEmpty {
        try Cinder(context: context).call(APIRequest(.put, "/os-quota-class-sets/\(name)", body: body("quota_class_set", volume)))
      }
      // Written without a newline, as the client writes it.
      if !network.isEmpty { context.errors.text += "Network quotas are ignored since quota classes are not supported." }
      return .nothing
    }
    let project = try QuotaClients.project(target, in: context)
    if !compute.isEmpty { try QuotaClients.compute(.put, "/os-quota-sets/\(project)", body: body("quota_set", compute), in: context) }
    if !volume.isEmpty {
      try Cinder(context: context).call(APIRequest(.put, "/os-quota-sets/\(project)", body: body("quota_set", volume)))
    }
    if !network.isEmpty { _ = try NeutronClient.call(context, .put, "/quotas/\(project)", body: body("quota", network)) }
    return .nothing
  }
}

/// `openstack quota list` (`ListQuota`): every project whose quotas of the service differ from
/// its defaults (a project the service refuses is logged and passed over).
enum QuotaList: OpenStackCommand {
  static let name = "quota list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  private struct Listing: Sendable {
    let columns: [String]
    let keys: [String]
    /// The keys compared with the defaults, in the client's order.
    let compared: [String]
    let quotas: @Sendable (String, CommandContext) throws -> JSONObject
    let defaults: @Sendable (String, CommandContext) throws -> JSONObject
  }

  private static let compute = Listing(
    columns: [
      "Project ID", "Cores", "Injected Files", "Injected File Content Bytes", "Injected File Path Bytes", "Instances",
      "Key Pairs", "Metadata Items", "Ram", "Server Groups", "Server Group Members",
    ],
    keys: [
      "cores", "injected_files", "injected_file_content_bytes", "injected_file_path_bytes", "instances", "key_pairs",
      "metadata_items", "ram", "server_groups", "server_group_members",
    ],
    compared: QuotaClients.computeOptions.map(\.key),
    quotas: { try QuotaClients.computeQuotas($0, detail: false, defaults: false, in: $1) },
    defaults: { try QuotaClients.computeQuotas($0, detail: false, defaults: true, in: $1) })

  private static let volume = Listing(
    columns: [
      "Project ID", "Backups", "Backup Gigabytes", "Gigabytes", "Groups", "Per Volume Gigabytes", "Snapshots", "Volumes",
    ],
    keys: ["backups", "backup_gigabytes", "gigabytes", "groups", "per_volume_gigabytes", "snapshots", "volumes"],
    compared: QuotaClients.volumeOptions.map(\.key),
    quotas: { try QuotaClients.volumeQuotas($0, detail: false, defaults: false, in: $1) },
    defaults: { try QuotaClients.volumeQuotas($0, detail: false, defaults: true, in: $1) })

  private static let network = Listing(
    columns: [
      "Project ID", "Floating IPs", "Networks", "Ports", "RBAC Policies", "Router Routes", "Routers", "Security Groups",
      "Security Group Rules", "Subnets", "Subnet Pools",
    ],
    keys: [
      "floating_ips", "networks", "ports", "rbac_policies", "router_routes", "routers", "security_groups",
      "security_group_rules", "subnets", "subnet_pools",
    ],
    compared: [
      "floating_ips", "networks", "rbac_policies", "router_routes", "routers", "ports", "security_group_rules",
      "security_groups", "subnet_pools", "subnets",
    ],
    quotas: { try QuotaClients.networkQuotas($0, detail: false, defaults: false, in: $1) },
    defaults: { try QuotaClients.networkQuotas($0, detail: false, defaults: true, in: $1) })

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    // argparse requires one of the three.
    let listing =
      arguments.flag("--compute") ? compute : arguments.flag("--volume") ? volume : arguments.flag("--network") ? network : compute
    let projects = try Keystone.call(.get, "/projects", in: context)["projects"]?.array ?? []
    var rows: [[JSON]] = []
    for project in projects {
      let id = project["id"]?.string ?? ""
      let quotas: JSONObject
      do {
        quotas = try listing.quotas(id, context)
      } catch let failure as CommandFailure
        where ["BadRequestException", "ForbiddenException", "NotFoundException"].contains(where: failure.message.hasPrefix)
      {
        context.log("Project \(id) not found: \(failure.message)")
        continue
      }
      let defaults = try listing.defaults(id, context)
      // `getattr(data, key, '')`.
      guard listing.compared.contains(where: { quotas[$0] != defaults[$0] }) else { continue }
      rows.append([.string(id)] + listing.keys.map { quotas[$0] ?? .null })
    }
    return .list(columns: listing.columns, rows: rows, names: .tuple)
  }
}

/// `openstack quota delete` (`DeleteQuota`): the project's quotas back on the defaults, service
/// by service.
enum QuotaDelete: OpenStackCommand {
  static let name = "quota delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: [])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let project = try QuotaClients.project(arguments.value("<project>") ?? "", in: context)
    let services = QuotaServices.chosen(arguments)
    if services.compute { try QuotaClients.compute(.delete, "/os-quota-sets/\(project)", in: context) }
    if services.volume { try Cinder(context: context).call(APIRequest(.delete, "/os-quota-sets/\(project)")) }
    if services.network {
      // `delete_quota` ignores a quota not found.
      let response = try context.api.send(APIRequest(.delete, "/v2.0/quotas/\(project)"), to: .network)
      guard (200..<300).contains(response.status) || response.status == 404 else {
        throw NeutronClient.sdkError(response, path: "/quotas/\(project)")
      }
    }
    return .nothing
  }
}

/// `openstack limits show` (`ShowLimits`): Nova's and Cinder's absolute limits under the SDK's
/// attribute names (each also under its `aka`), sorted; or their rate limits (none since Liberty).
enum LimitsShow: OpenStackCommand {
  static let name = "limits show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  /// The SDK's `AbsoluteLimits` (compute) and `AbsoluteLimit` (block storage): each attribute,
  /// the API's name it reads, and its other name.
  private static let absoluteAttributes: [(attribute: String, wire: String, aka: String?)] = [
    ("image_meta", "maxImageMeta", "max_image_meta"), ("personality", "maxPersonality", nil),
    ("personality_size", "maxPersonalitySize", nil),
    ("security_group_rules", "maxSecurityGroupRules", "max_security_group_rules"),
    ("security_groups", "maxSecurityGroups", "max_security_groups"),
    ("security_groups_used", "totalSecurityGroupsUsed", "total_security_groups_used"),
    ("server_meta", "maxServerMeta", "max_server_meta"), ("total_cores", "maxTotalCores", "max_total_cores"),
    ("total_cores_used", "totalCoresUsed", "total_cores_used"), ("floating_ips", "maxTotalFloatingIps", "max_total_floating_ips"),
    ("floating_ips_used", "totalFloatingIpsUsed", "total_floating_ips_used"),
    ("instances", "maxTotalInstances", "max_total_instances"),
    ("instances_used", "totalInstancesUsed", "total_instances_used"), ("keypairs", "maxTotalKeypairs", "max_total_keypairs"),
    ("total_ram", "maxTotalRAMSize", "max_total_ram_size"), ("total_ram_used", "totalRAMUsed", "total_ram_used"),
    ("server_groups", "maxServerGroups", "max_server_groups"),
    ("server_groups_used", "totalServerGroupsUsed", "total_server_groups_used"),
    ("server_group_members", "maxServerGroupMembers", "max_server_group_members"),
  ]
  private static let volumeAttributes: [(attribute: String, wire: String, aka: String?)] = [
    ("max_total_backup_gigabytes", "maxTotalBackupGigabytes", nil), ("max_total_backups", "maxTotalBackups", nil),
    ("max_total_snapshots", "maxTotalSnapshots", nil), ("max_total_volume_gigabytes", "maxTotalVolumeGigabytes", nil),
    ("max_total_volumes", "maxTotalVolumes", nil), ("total_backup_gigabytes_used", "totalBackupGigabytesUsed", nil),
    ("total_backups_used", "totalBackupsUsed", nil), ("total_gigabytes_used", "totalGigabytesUsed", nil),
    ("total_snapshots_used", "totalSnapshotsUsed", nil), ("total_volumes_used", "totalVolumesUsed", nil),
  ]

  /// `_format_absolute_limit` of the SDK resource: every attribute and `aka`, the answer's
  /// value or `None`.
  private static func absolute(_ limits: JSON?, _ attributes: [(attribute: String, wire: String, aka: String?)]) -> [String: JSON] {
    var info: [String: JSON] = [:]
    for (attribute, wire, aka) in attributes {
      let value = limits?[wire] ?? .null
      info[attribute] = value
      if let aka { info[aka] = value }
    }
    return info
  }

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var projectID: String?
    if let project = arguments.value("--project") {
      let domain = try Keystone.domainID("--project-domain", in: arguments, context: context)
      projectID = try Keystone.id("projects", "project", project, domainID: domain, in: context)
    } else {
      _ = arguments.value("--project-domain")
    }
    var computeQuery = [(name: "reserved", value: arguments.flag("--reserved") ? "True" : "False")]
    if let projectID { computeQuery.append((name: "tenant_id", value: projectID)) }
    let compute = try QuotaClients.compute(.get, "/limits", query: computeQuery, resource: .unversioned, in: context)["limits"]
    let volumeQuery = projectID.map { [(name: "project_id", value: $0)] } ?? []
    let volume = try Cinder(context: context).call(APIRequest(.get, "/limits", query: volumeQuery), .limits)["limits"]
    // argparse requires `--absolute` or `--rate`.
    guard arguments.flag("--absolute") || !arguments.flag("--rate") else {
      // `_format_rate_limit`: one row per limit of each URI.
      var rows: [[JSON]] = []
      for rate in (compute?["rate"]?.array ?? []) + (volume?["rate"]?.array ?? []) {
        for limit in rate["limit"]?.array ?? [] {
          let next = limit["next-available"] ?? limit["next_available"] ?? .null
          rows.append([limit["verb"] ?? .null, rate["uri"] ?? .null, limit["value"] ?? .null, limit["remaining"] ?? .null, limit["unit"] ?? .null, next])
        }
      }
      return .list(columns: ["Verb", "URI", "Value", "Remain", "Unit", "Next Available"], rows: rows)
    }
    var info = compute.map { absolute($0["absolute"], absoluteAttributes) } ?? [:]
    if let volume { info.merge(absolute(volume["absolute"], volumeAttributes)) { $1 } }
    let rows = info.sorted { $0.key < $1.key }.map { [JSON.string($0.key), $0.value] }
    return .list(columns: ["Name", "Value"], rows: rows)
  }
}
