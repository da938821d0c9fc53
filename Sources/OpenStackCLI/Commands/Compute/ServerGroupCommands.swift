import CloudAPI

/// `find_server_group` and the group as `_get_server_group_columns` shows it, at the SDK's
/// `ServerGroup` microversion (2.64: `policy` and `rules`; `policies` before).
enum ServerGroupLookup {
  static func send(_ method: HTTPMethod, _ path: String, query: [(name: String, value: String)] = [], body: JSON? = nil,
    in context: CommandContext) throws -> APIResponse
  {
    try context.api.send(APIRequest(method, "/v2.1" + path, query: query, body: body), to: .compute, computeResource: .serverGroup)
  }

  static func call(_ method: HTTPMethod, _ path: String, query: [(name: String, value: String)] = [], body: JSON? = nil,
    in context: CommandContext) throws -> JSON
  {
    let response = try send(method, path, query: query, body: body, in: context)
    guard (200..<300).contains(response.status) else { throw ComputeLookup.sdkError(response, path: path) }
    return response.body ?? .null
  }

  static func find(_ nameOrID: String, in context: CommandContext) throws -> JSON {
    let direct = try send(.get, "/os-server-groups/\(nameOrID)", in: context)
    if direct.status == 200, let group = direct.body?["server_group"] { return group }
    guard [400, 403, 404].contains(direct.status) else {
      throw ComputeLookup.sdkError(direct, path: "/os-server-groups/\(nameOrID)")
    }
    let listed = try call(.get, "/os-server-groups", in: context)["server_groups"]?.array ?? []
    return try ComputeLookup.exactMatch(listed, nameOrID, kind: "ServerGroup")
  }

  /// `id`, `members` (a list), `name`, `policy` (or `policies`), `project_id`, `rules` (a
  /// dictionary, from 2.64), `user_id`.
  static func display(_ group: JSON, in context: CommandContext) throws -> CommandOutput {
    let table = context.isTable
    var fields: JSONObject = ["id": group["id"] ?? .null]
    let members = group["members"]?.array ?? []
    fields["members"] = table ? .string(OSCLib.formatList(members)) : .array(members)
    fields["name"] = group["name"] ?? .null
    if try context.api.supportsComputeVersion(Microversion(2, 64)) {
      fields["policy"] = group["policy"] ?? .null
      fields["project_id"] = group["project_id"] ?? .null
      let rules = group["rules"] ?? .object([:])
      fields["rules"] = table ? OSCLib.formatDict(rules) : rules
    } else {
      let policies = group["policies"]?.array ?? []
      fields["policies"] = table ? .string(OSCLib.formatList(policies)) : .array(policies)
      fields["project_id"] = group["project_id"] ?? .null
    }
    fields["user_id"] = group["user_id"] ?? .null
    return .show(fields)
  }
}

/// `openstack server group create` (`CreateServerGroup`): the policy (affinity by default),
/// rules from 2.64.
enum ServerGroupCreate: OpenStackCommand {
  static let name = "server group create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(["--rule"]),
    types: [
      "--policy": .choices(["affinity", "anti-affinity", "soft-affinity", "soft-anti-affinity"]), "--rule": .keyValue,
    ])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let policy = arguments.value("--policy") ?? "affinity"
    let current = try context.api.supportsComputeVersion(Microversion(2, 64))
    if policy.hasPrefix("soft-"), !(try context.api.supportsComputeVersion(Microversion(2, 15))) {
      throw CommandFailure(message: "--os-compute-api-version 2.15 or greater is required to support the \(policy) policy")
    }
    let rules = OSCLib.keyValues(arguments.values("--rule"))
    if !rules.isEmpty, !current {
      throw CommandFailure(message: "--os-compute-api-version 2.64 or greater is required to support the --rule option")
    }
    var body: JSONObject = ["name": .string(arguments.value("<name>") ?? "")]
    if current {
      body["policy"] = .string(policy)
      if !rules.isEmpty { body["rules"] = .object(JSONObject(uniqueKeysWithValues: rules.map { ($0.key, JSON.string($0.value)) })) }
    } else {
      body["policies"] = .array([.string(policy)])
    }
    let group = try ServerGroupLookup.call(.post, "/os-server-groups", body: .object(["server_group": .object(body)]), in: context)
    return try ServerGroupLookup.display(group["server_group"] ?? .null, in: context)
  }
}

/// `openstack server group show` (`ShowServerGroup`).
enum ServerGroupShow: OpenStackCommand {
  static let name = "server group show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ServerGroupLookup.display(try ServerGroupLookup.find(arguments.value("<server-group>") ?? "", in: context), in: context)
  }
}

/// `openstack server group delete` (`DeleteServerGroup`): each found and deleted, failures
/// logged and counted.
enum ServerGroupDelete: OpenStackCommand {
  static let name = "server group delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let names = arguments.values("<server-group>")
    var failed = 0
    for name in names {
      do {
        let group = try ServerGroupLookup.find(name, in: context)
        _ = try ServerGroupLookup.call(.delete, "/os-server-groups/\(group["id"]?.string ?? name)", in: context)
      } catch let failure as CommandFailure {
        failed += 1
        context.log(failure.message)
      }
    }
    if failed > 0 { throw CommandFailure(message: "\(failed) of \(names.count) server groups failed to delete.") }
    return .nothing
  }
}

/// `openstack server group list` (`ListServerGroup`): the project's groups, every project's
/// with `--all-projects`; members, project and user with `--long`.
enum ServerGroupList: OpenStackCommand {
  static let name = "server group list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating, types: ["--limit": .int, "--offset": .int])
  static let refusedOptions: Set<String> = ["--max-items"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var query: [(name: String, value: String)] = []
    if arguments.flag("--all-projects") { query.append((name: "all_projects", value: "True")) }
    if let limit = arguments.value("--limit"), limit != "0" { query.append((name: "limit", value: limit)) }
    if let offset = arguments.value("--offset"), offset != "0" { query.append((name: "offset", value: offset)) }
    let groups = try ServerGroupLookup.call(.get, "/os-server-groups", query: query, in: context)["server_groups"]?.array ?? []
    let current = try context.api.supportsComputeVersion(Microversion(2, 64))
    var columns = ["ID", "Name", current ? "Policy" : "Policies"]
    let long = arguments.flag("--long")
    if long { columns += ["Members", "Project Id", "User Id"] }
    let table = context.isTable
    let rows = groups.map { group -> [JSON] in
      var row = [group["id"] ?? .null, group["name"] ?? .null]
      if current {
        row.append(group["policy"] ?? .null)
      } else {
        let policies = group["policies"]?.array ?? []
        row.append(table ? .string(OSCLib.formatList(policies)) : .array(policies))
      }
      if long {
        let members = group["members"]?.array ?? []
        row += [table ? .string(OSCLib.formatList(members)) : .array(members), group["project_id"] ?? .null, group["user_id"] ?? .null]
      }
      return row
    }
    return .list(columns: columns, rows: rows)
  }
}

/// `openstack availability zone list` (`ListAvailabilityZone`): Nova's zones (in detail where
/// the policy allows), Neutron's when it has the extension, Manila's and Cinder's; with
/// `--long`, a row per host and service.
enum AvailabilityZoneList: OpenStackCommand {
  static let name = "availability zone list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let long = arguments.flag("--long")
    let (compute, network, share, volume) =
      (arguments.flag("--compute"), arguments.flag("--network"), arguments.flag("--share"), arguments.flag("--volume"))
    let all = !compute && !network && !share && !volume
    var rows: [[String: JSON]] = []
    if compute || all { rows += try computeZones(long: long, in: context) }
    if network || all { rows += try networkZones(warn: network, in: context) }
    if share || all { rows += try shareZones(warn: share, in: context) }
    if volume || all { rows += try volumeZones(warn: volume, in: context) }
    var columns = ["Zone Name", "Zone Status"]
    if long { columns += ["Zone Resource", "Host Name", "Service Name", "Service Status"] }
    return .list(columns: columns, rows: rows.map { row in columns.map { row[$0] ?? "" } })
  }

  private static func zoneRow(_ zone: JSON) -> [String: JSON] {
    [
      "Zone Name": zone["zoneName"] ?? .null,
      "Zone Status": zone["zoneState"]?["available"] == true ? "available" : "not available",
    ]
  }

  /// `availability_zones(details=True)`, the summary after a 403.
  private static func computeZones(long: Bool, in context: CommandContext) throws -> [[String: JSON]] {
    var response = try context.api.send(APIRequest(.get, "/v2.1/os-availability-zone/detail"), to: .compute, computeResource: .unversioned)
    if response.status == 403 {
      response = try context.api.send(APIRequest(.get, "/v2.1/os-availability-zone"), to: .compute, computeResource: .unversioned)
    }
    guard (200..<300).contains(response.status) else {
      throw ComputeLookup.sdkError(response, path: "/os-availability-zone")
    }
    var rows: [[String: JSON]] = []
    for zone in response.body?["availabilityZoneInfo"]?.array ?? [] {
      let row = zoneRow(zone)
      guard long else {
        rows.append(row)
        continue
      }
      let hosts = zone["hosts"]?.object ?? [:]
      if hosts.isEmpty {
        rows.append(row.merging(["Host Name": "", "Service Name": "", "Service Status": ""]) { $1 })
      }
      for (host, services) in hosts {
        for (service, state) in services.object {
          let status = "\(state["active"] == true ? "enabled" : "disabled") \(state["available"] == true ? ":-)" : "XXX") "
            + (state["updated_at"]?.string ?? "None")
          rows.append(row.merging(["Host Name": .string(host), "Service Name": .string(service), "Service Status": .string(status)]) { $1 })
        }
      }
    }
    return rows
  }

  /// `find_extension('Availability Zone')` (by alias, then in the list), then the zones.
  private static func networkZones(warn: Bool, in context: CommandContext) throws -> [[String: JSON]] {
    let direct = try context.api.send(APIRequest(.get, "/v2.0/extensions/Availability%20Zone"), to: .network)
    var found = direct.status == 200
    if !found {
      let listed = try context.api.send(APIRequest(.get, "/v2.0/extensions"), to: .network)
      found = listed.body?["extensions"]?.array.contains { $0["name"]?.string == "Availability Zone" } ?? false
    }
    guard found else {
      if warn { context.log("Availability zones list not supported by Network API") }
      return []
    }
    let zones = try context.call(.network, APIRequest(.get, "/v2.0/availability_zones"))["availability_zones"]?.array ?? []
    return zones.map { zone in
      let state = zone["state"]?.string
      return [
        "Zone Name": zone["name"] ?? .null, "Zone Status": state == "unavailable" ? "not available" : state.map(JSON.string) ?? .null,
        "Zone Resource": zone["resource"] ?? .null,
      ]
    }
  }

  /// Manila's `GET /availability-zones`; a cloud without it lists none (with a warning when
  /// asked for `--share`).
  private static func shareZones(warn: Bool, in context: CommandContext) throws -> [[String: JSON]] {
    let response = try context.api.send(APIRequest(.get, "/v2/availability-zones"), to: .sharedFileSystem)
    guard (200..<300).contains(response.status) else {
      if warn { context.log("Availability zones list not supported by Shared File System API") }
      return []
    }
    return (response.body?["availability_zones"]?.array ?? []).map { ["Zone Name": $0["name"] ?? .null, "Zone Status": "available"] }
  }

  /// Cinder's zones; a failure lists none (with a warning when asked for `--volume`).
  private static func volumeZones(warn: Bool, in context: CommandContext) throws -> [[String: JSON]] {
    let response = try context.cinder.send(APIRequest(.get, "/os-availability-zone"))
    guard (200..<300).contains(response.status) else {
      if warn { context.log("Availability zones list not supported by Block Storage API") }
      return []
    }
    return (response.body?["availabilityZoneInfo"]?.array ?? []).map(zoneRow)
  }
}
