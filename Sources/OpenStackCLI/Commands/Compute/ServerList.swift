import CloudAPI

/// `openstack server list` (`ListServer`): the servers, with their images' and flavors' names
/// looked up as the client looks them up, the columns `--long`, `--all-projects` and `-c` add.
enum ServerList: OpenStackCommand {
  static let name = "server list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating.union(["--tags", "--not-tags"]),
    spellings: ["-n": ["--no-name-lookup"]],
    types: [
      "--power-state": .choices(["pending", "running", "paused", "shutdown", "crashed", "suspended"]),
      "--progress": .int, "--vm-state": .choices(vmStates), "--task-state": .choices(taskStates),
      "--limit": .nonNegativeInt(option: "--limit"), "--max-items": .nonNegativeInt(option: "--max-items"),
    ])
  /// Nova's `InstanceState` and `InstanceTaskState` values, as the client offers them.
  static let vmStates = ["active", "building", "deleted", "error", "paused", "stopped", "suspended", "rescued", "resized", "shelved", "shelved_offloaded", "soft-delete"]
  static let taskStates = ["block_device_mapping", "deleting", "image_backup", "image_pending_upload", "image_snapshot", "image_snapshot_pending", "image_uploading", "migrating", "networking", "pausing", "powering-off", "powering-on", "rebooting", "reboot_pending", "reboot_started", "reboot_pending_hard", "reboot_started_hard", "rebooting_hard", "rebuilding", "rebuild_block_device_mapping", "rebuild_spawning", "rescuing", "resize_confirming", "resize_finish", "resize_migrated", "resize_migrating", "resize_prep", "resize_reverting", "restoring", "resuming", "scheduling", "shelving", "shelving_image_pending_upload", "shelving_image_uploading", "shelving_offloading", "soft-deleting", "spawning", "suspending", "updating_password", "unpausing", "unrescuing", "unshelving"]

  /// Deleted servers are not kept.
  static let refusedOptions: Set<String> = ["--deleted"]

  /// What `-c` adds to the columns, by its normalised name: the header and the attribute.
  private static let requestable: [(name: String, header: String, attribute: String)] = [
    ("project_id", "Project ID", "project_id"), ("user_id", "User ID", "user_id"),
    ("created_at", "Created At", "created_at"), ("security_groups", "Security Groups", "security_groups_name"),
    ("task_state", "Task State", "task_state"), ("power_state", "Power State", "power_state"),
    ("image_id", "Image ID", "Image ID"), ("flavor_id", "Flavor ID", "flavor_id"),
    ("availability_zone", "Availability Zone", "availability_zone"),
    ("pinned_availability_zone", "Pinned Availability Zone", "pinned_availability_zone"),
    ("host", "Host", "hypervisor_hostname"), ("properties", "Properties", "Metadata"),
    ("scheduler_hints", "Scheduler Hints", "scheduler_hints"),
  ]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let projectID = try IdentityLookup.project.id(
      "--project", domain: "--project-domain", in: arguments, context: context, sdk: true
    )
    let userID = try IdentityLookup.user.id(
      "--user", domain: "--user-domain", in: arguments, context: context, sdk: true
    )
    // Nova filters servers by flavor and image ID only: names are looked up first.
    let flavorID = try arguments.value("--flavor").map { try ComputeLookup.flavor($0, in: context)["id"]?.string ?? $0 }
    let imageID = try arguments.value("--image").map { try ComputeLookup.image($0, in: context)["id"]?.string ?? $0 }
    // A project implies every project's servers.
    let allProjects = arguments.flag("--all-projects") || projectID != nil
    var query: [(name: String, value: String)] = [(name: "deleted", value: "False")]
    if let name = arguments.value("--name") { query.append((name: "name", value: name)) }
    if let status = arguments.value("--status") { query.append((name: "status", value: status)) }
    if let flavorID { query.append((name: "flavor", value: flavorID)) }
    if let imageID { query.append((name: "image", value: imageID)) }
    if allProjects { query.append((name: "all_tenants", value: "True")) }
    if let projectID { query.append((name: "project_id", value: projectID)) }
    if let userID { query.append((name: "user_id", value: userID)) }
    query += try filters(arguments, in: context)
    // The pages: `--limit` one page of that size (`paginated=False`); `--max-items` the SDK's
    // paging with that size; `--marker` found as a server first. The SDK's query mapping puts
    // `limit` and `marker` before the rest.
    let limit = arguments.value("--limit").flatMap(Int.init)
    let maxItems = arguments.value("--max-items").flatMap(Int.init).flatMap { $0 == 0 ? nil : $0 }
    var paging: [(name: String, value: String)] = []
    if let pageSize = limit ?? maxItems { paging.append((name: "limit", value: String(pageSize))) }
    if let marker = arguments.value("--marker") {
      paging.append((name: "marker", value: try ComputeLookup.server(marker, in: context)["id"]?.string ?? marker))
    }
    query = paging + query
    var servers: [JSON]
    if let maxItems, limit == nil {
      let pages = SDKPaging(
        service: .compute, path: "/v2.1/servers/detail", itemsKey: "servers", idKey: "id",
        nextLink: { page in page["servers_links"]?.array.first { $0["rel"] == "next" }?["href"]?.string },
        computeResource: .server)
      servers = try pages.items(query: query, maxItems: maxItems, in: context)
    } else {
      servers =
        try ComputeLookup.sdkCall(APIRequest(.get, "/v2.1/servers/detail", query: query), in: context)["servers"]?.array ?? []
    }
    // openstacksdk has no query parameter for `--instance-name`: it keeps, of what Nova lists, the
    // servers whose `OS-EXT-SRV-ATTR:instance_name` (an admin's) is exactly the name.
    if let instanceName = arguments.value("--instance-name") {
      servers = servers.filter { $0["OS-EXT-SRV-ATTR:instance_name"]?.string == instanceName }
    }
    let version = try context.api.computeVersion(for: .server)
    let long = arguments.flag("--long")
    let noNameLookup = arguments.flag("--no-name-lookup")
    let oneByOne = arguments.flag("--name-lookup-one-by-one")
    var columns = [("ID", "id"), ("Name", "name"), ("Status", "status")]
    if long { columns += [("Task State", "task_state"), ("Power State", "power_state")] }
    columns.append(("Networks", "addresses"))
    if long {
      columns += [("Image Name", "image_name"), ("Image ID", "image_id")]
    } else {
      columns.append(("Image", noNameLookup ? "image_id" : "image_name"))
    }
    // From 2.47 the server embeds its flavor without an ID: only its name is shown.
    let embedsFlavor = version >= Microversion(2, 47)
    if embedsFlavor {
      columns.append(("Flavor", "flavor_name"))
    } else if long {
      columns += [("Flavor Name", "flavor_name"), ("Flavor ID", "flavor_id")]
    } else {
      columns.append(("Flavor", noNameLookup ? "flavor_id" : "flavor_name"))
    }
    if long {
      columns += [("Availability Zone", "availability_zone"), ("Host", "hypervisor_hostname"), ("Properties", "metadata")]
      if version >= Microversion(2, 96) { columns.append(("Pinned Availability Zone", "pinned_availability_zone")) }
      if version >= Microversion(2, 100) { columns.append(("Scheduler Hints", "scheduler_hints")) }
    }
    if allProjects { columns.append(("Project ID", "project_id")) }
    var headers = columns.map(\.0)
    var attributes = columns.map(\.1)
    let requested = arguments.values("--column")
    if !requested.isEmpty {
      for column in requested {
        let normalized = String(PythonText.strip(column.lowercased()).map { $0 == " " ? "_" : $0 })
        for extra in requestable where extra.name == normalized {
          guard extra.name != "pinned_availability_zone" || version >= Microversion(2, 96),
            extra.name != "scheduler_hints" || version >= Microversion(2, 100)
          else { continue }
          headers.append(extra.header)
          attributes.append(extra.attribute)
        }
      }
      // `dict.fromkeys` on each: the two can fall out of step, and cliff pairs them by position.
      headers = Self.unique(headers)
      attributes = Self.unique(attributes)
    }
    let names = Names(
      images: try imageNames(servers, filtered: imageID != nil, oneByOne: oneByOne, skip: noNameLookup, in: context),
      flavors: try flavorNames(servers, filtered: flavorID != nil, oneByOne: oneByOne, skip: noNameLookup, in: context))
    // Nova reports `host_status` to those its policy lets see it.
    if long, version >= Microversion(2, 16), servers.contains(where: { ($0["host_status"] ?? .null) != .null }) {
      headers.append("Host Status")
      attributes.append("host_status")
    }
    let table = ServerRow(context: context, embedsFlavor: embedsFlavor, names: names)
    let rows = servers.map { server in attributes.prefix(headers.count).map { table.value($0, of: server) } }
    return .list(columns: headers, rows: rows, names: .tuple)
  }

  /// The search options beyond name, status, flavor, image, project and user, as the client
  /// checks them and the SDK names them.
  private static func filters(_ arguments: ParsedArguments, in context: CommandContext) throws -> [(name: String, value: String)] {
    var query: [(name: String, value: String)] = []
    for (option, parameter) in [
      ("--reservation-id", "reservation_id"), ("--ip", "ip"), ("--ip6", "ip6"), ("--host", "host"),
      ("--availability-zone", "availability_zone"), ("--key-name", "key_name"),
      ("--progress", "progress"), ("--vm-state", "vm_state"), ("--task-state", "task_state"),
    ] {
      if let value = arguments.value(option), !value.isEmpty { query.append((name: parameter, value: value)) }
    }

    if let progress = arguments.value("--progress"), let percent = Int(progress), !(1...100).contains(percent) {
      throw syntax.error("argument --progress: Must be between 0 and 100")
    }
    if arguments.flag("--config-drive") {
      query.append((name: "config_drive", value: "True"))
    } else if arguments.flag("--no-config-drive") {
      query.append((name: "config_drive", value: "False"))
    }
    if let state = arguments.value("--power-state") {
      let numbers = ["pending": "0", "running": "1", "paused": "3", "shutdown": "4", "crashed": "6", "suspended": "7"]
      query.append((name: "power_state", value: numbers[state] ?? state))
    }
    for (option, parameter, word) in [("--tags", "tags", "--tag"), ("--not-tags", "not-tags", "--not-tag")] {
      let tags = arguments.values(option)
      guard !tags.isEmpty else { continue }
      guard try context.api.supportsComputeVersion(Microversion(2, 26)) else {
        throw CommandFailure(message: "--os-compute-api-version 2.26 or greater is required to support the \(word) option")
      }
      query.append((name: parameter, value: tags.joined(separator: ",")))
    }
    let locked = arguments.flag("--locked")
    if locked || arguments.flag("--unlocked") {
      guard try context.api.supportsComputeVersion(Microversion(2, 73)) else {
        throw CommandFailure(
          message: "--os-compute-api-version 2.73 or greater is required to support the --\(locked ? "locked" : "unlocked") option")
      }
      query.append((name: "locked", value: locked ? "True" : "False"))
    }
    let before = arguments.value("--changes-before").flatMap { $0.isEmpty ? nil : $0 }
    let since = arguments.value("--changes-since").flatMap { $0.isEmpty ? nil : $0 }
    if let before {
      guard try context.api.supportsComputeVersion(Microversion(2, 66)) else {
        throw CommandFailure(message: "--os-compute-api-version 2.66 or later is required")
      }
      guard ISO8601Text.parses(before) else { throw CommandFailure(message: "Invalid changes-before value: \(before)") }
    }
    if let since, !ISO8601Text.parses(since) { throw CommandFailure(message: "Invalid changes-since value: \(since)") }
    if let before { query.append((name: "changes-before", value: before)) }
    if let since { query.append((name: "changes-since", value: since)) }
    return query
  }

  private static func unique(_ items: [String]) -> [String] {
    var seen: Set<String> = []
    return items.filter { seen.insert($0).inserted }
  }

  /// The names of the servers' images: one request for all of them (`id=in:...`), or one for
  /// each when asked to or when the list was filtered by image; failures are not the list's.
  private static func imageNames(
    _ servers: [JSON], filtered: Bool, oneByOne: Bool, skip: Bool, in context: CommandContext
  ) throws -> [String: String] {
    let ids = Array(Set(servers.compactMap { $0["image"]?["id"]?.string })).sorted()
    guard !servers.isEmpty, !skip else { return [:] }
    var names: [String: String] = [:]
    if oneByOne || filtered {
      for id in ids {
        let response = try context.api.send(APIRequest(.get, "/v2/images/\(id)"), to: .image)
        if response.status == 200, let name = response.body?["name"]?.string { names[id] = name }
      }
    } else if !ids.isEmpty {
      let response = try context.api.send(
        APIRequest(.get, "/v2/images", query: [(name: "id", value: "in:" + ids.joined(separator: ","))]), to: .image)
      for image in response.status == 200 ? response.body?["images"]?.array ?? [] : [] {
        if let id = image["id"]?.string { names[id] = image["name"]?.string }
      }
    }
    return names
  }

  /// The names of the servers' flavors: every flavor in one request, or each flavor found by
  /// the ID the SDK reads (from 2.47, where a server embeds its flavor, its name), when asked to
  /// or when the list was filtered by flavor; from 2.47 the names go unused.
  private static func flavorNames(
    _ servers: [JSON], filtered: Bool, oneByOne: Bool, skip: Bool, in context: CommandContext
  ) throws -> [String: String] {
    guard !servers.isEmpty, !skip else { return [:] }
    var names: [String: String] = [:]
    if oneByOne || filtered {
      for id in Set(servers.compactMap { ($0["flavor"]?["id"] ?? $0["flavor"]?["original_name"])?.string }).sorted() {
        if let flavor = try? ComputeLookup.flavor(id, in: context) { names[id] = flavor["name"]?.string }
      }
    } else {
      let response = try context.api.send(
        APIRequest(.get, "/v2.1/flavors/detail", query: [(name: "is_public", value: "None")]), to: .compute,
        computeResource: .flavor)
      for flavor in response.status == 200 ? response.body?["flavors"]?.array ?? [] : [] {
        if let id = flavor["id"]?.string { names[id] = flavor["name"]?.string }
      }
    }
    return names
  }
}

/// The names looked up for a server list.
struct Names {
  var images: [String: String]
  var flavors: [String: String]
}

/// A server's cell in a column of `server list`, by the attribute the client reads, shaped by
/// its column class in a table.
struct ServerRow {
  var context: CommandContext
  var embedsFlavor: Bool
  var names: Names

  static let bootedFromVolume: JSON = "N/A (booted from volume)"

  func value(_ attribute: String, of server: JSON) -> JSON {
    let table = context.isTable
    func body(_ key: String) -> JSON { server[key] ?? .null }
    let imageID = server["image"]?["id"]?.string
    switch attribute {
    case "task_state": return body("OS-EXT-STS:task_state")
    case "power_state":
      let state = body("OS-EXT-STS:power_state")
      guard table else { return state }
      let names = ["NOSTATE", "Running", "", "Paused", "Shutdown", "", "Crashed", "Suspended"]
      guard case .int(let index) = state, names.indices.contains(index) else { return "N/A" }
      return .string(names[index])
    case "addresses":
      let networks = JSONObject(
        uniqueKeysWithValues: server["addresses"]?.object.map { ($0.key, JSON.array($0.value.array.compactMap { $0["addr"] })) } ?? [])
      return table ? .string(OSCLib.formatDictOfList(.object(networks)) ?? "") : .object(networks)
    case "image_name":
      guard let imageID else { return Self.bootedFromVolume }
      return names.images[imageID].map(JSON.string) ?? ""
    case "image_id", "Image ID":
      return imageID.map(JSON.string) ?? Self.bootedFromVolume
    case "flavor_name":
      if embedsFlavor { return server["flavor"]?["original_name"] ?? .null }
      return server["flavor"]?["id"]?.string.flatMap { names.flavors[$0] }.map(JSON.string) ?? ""
    case "flavor_id":
      return embedsFlavor ? .null : server["flavor"]?["id"] ?? .null
    case "availability_zone": return body("OS-EXT-AZ:availability_zone")
    case "hypervisor_hostname":
      let host = body("OS-EXT-SRV-ATTR:hypervisor_hostname")
      return table && host == .null ? "" : host
    case "metadata":
      let metadata = body("metadata")
      return table ? OSCLib.formatDict(metadata) : metadata
    case "Metadata": return body("metadata")
    case "scheduler_hints":
      let hints = body("OS-SCH-HNT:scheduler_hints")
      return table ? .string(OSCLib.formatDictOfList(hints) ?? "") : .object(hints.object)
    case "project_id": return body("tenant_id")
    case "created_at": return body("created")
    case "security_groups_name":
      let groups = server["security_groups"]?.array.compactMap { $0["name"] } ?? []
      return table ? .string(OSCLib.formatList(groups)) : .array(groups)
    default: return body(attribute)
    }
  }
}

/// `iso8601.parse_date`'s acceptance, roughly: a date, optionally a time (with seconds and a
/// fraction) and a zone.
enum ISO8601Text {
  static func parses(_ text: String) -> Bool {
    text.range(
      of: #"^\d{4}-?\d{2}(-?\d{2})?([T ]\d{2}(:?\d{2}(:?\d{2}([.,]\d+)?)?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$"#,
      options: .regularExpression) != nil
  }
}
