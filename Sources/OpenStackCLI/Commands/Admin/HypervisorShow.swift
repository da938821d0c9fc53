import CloudAPI
import Foundation

/// `openstack hypervisor show` (`ShowHypervisor`): the SDK's `find_hypervisor` (the ID tried
/// first, then the list by ID or host name), the hypervisor, the aggregates its host is in, the
/// host's uptime cut into its parts, the service's ID and host; the SDK's attributes as columns,
/// sorted, less those 2.88 took away.
enum HypervisorShow: OpenStackCommand {
  static let name = "hypervisor show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let nameOrID = arguments.value("<hypervisor>") ?? ""
    let id = try find(nameOrID, in: context)["id"].map(PythonText.str) ?? ""
    let hypervisor = try call("/os-hypervisors/\(id)", .hypervisor, in: context)["hypervisor"] ?? .null
    let since288 = try context.api.supportsComputeVersion(Microversion(2, 88))
    // The SDK's attributes (`Hypervisor`) and the fields of Nova's they read; what Nova did not
    // send is `None`.
    var values: [String: JSON] = [:]
    for (attribute, field) in attributes + resources { values[attribute] = hypervisor[field] ?? .null }
    let service = hypervisor["service"] ?? .null
    values["service_id"] = service["id"] ?? .null
    values["service_host"] = service["host"] ?? .null

    // The aggregates whose hosts include the hypervisor's service host (`<cell>@host` not
    // modelled: the cloud has one cell).
    let aggregates = try call("/os-aggregates", .aggregate, in: context)["aggregates"]?.array ?? []
    let host = PythonText.str(service["host"] ?? .null)
    values["aggregates"] = .array(
      aggregates.filter { $0["hosts"]?.array.contains(.string(host)) ?? false }.map { $0["name"] ?? .null })

    let uptime =
      since288
      ? hypervisor["uptime"]?.string ?? ""
      : try call("/os-hypervisors/\(id)/uptime", .hypervisor, in: context)["hypervisor"]?["uptime"]?.string ?? ""
    if let parts = UptimeParts(uptime) {
      values["host_time"] = .string(parts.hostTime)
      values["uptime"] = .string(parts.uptime)
      values["users"] = .string(parts.users)
      values["load_average"] = .string(parts.loadAverage)
    }
    if !(try context.api.supportsComputeVersion(Microversion(2, 28))), let text = values["cpu_info"]?.string {
      values["cpu_info"] = (try? JSON(parsing: text)) ?? .null
    }

    // `_get_hypervisor_columns`: `name` shown as `hypervisor_hostname`; 2.88 hid the resources,
    // below it they show under Nova's names.
    var names: [String: String] = ["name": "hypervisor_hostname"]
    for (attribute, field) in resources where !since288 { names[attribute] = field }
    let hidden = Set(since288 ? resources.map(\.attribute) : [])
    let cpuInfo = values["cpu_info"] ?? .null
    values["cpu_info"] = context.isTable ? (cpuInfo == .null ? .null : OSCLib.formatDict(cpuInfo)) : .object(cpuInfo.object)
    let shown = values.keys.filter { !hidden.contains($0) }.map { (display: names[$0] ?? $0, attribute: $0) }
    var fields: JSONObject = [:]
    for column in shown.sorted(by: { $0.display.precedesByCodePoint($1.display) }) {
      fields.appendNew(column.display, values[column.attribute] ?? .null)
    }
    return .show(fields)
  }

  private static let attributes: [(attribute: String, field: String)] = [
    ("cpu_info", "cpu_info"), ("host_ip", "host_ip"), ("hypervisor_type", "hypervisor_type"),
    ("hypervisor_version", "hypervisor_version"), ("name", "hypervisor_hostname"), ("state", "state"),
    ("status", "status"), ("id", "id"),
  ]
  /// The attributes deprecated with 2.88, which Nova no longer sends from it.
  private static let resources: [(attribute: String, field: String)] = [
    ("current_workload", "current_workload"), ("disk_available", "disk_available_least"),
    ("local_disk_free", "free_disk_gb"), ("local_disk_size", "local_gb"), ("local_disk_used", "local_gb_used"),
    ("memory_free", "free_ram_mb"), ("memory_size", "memory_mb"), ("memory_used", "memory_mb_used"),
    ("running_vms", "running_vms"), ("vcpus_used", "vcpus_used"), ("vcpus", "vcpus"),
  ]

  /// `find_hypervisor(name_or_id, details=False)`: the ID fetched first; after a 400, 403 or
  /// 404 the list, by ID or host name.
  private static func find(_ nameOrID: String, in context: CommandContext) throws -> JSON {
    let direct = try context.api.send(
      APIRequest(.get, "/v2.1/os-hypervisors/\(nameOrID)"), to: .compute, computeResource: .hypervisor)
    if direct.status == 200, let hypervisor = direct.body?["hypervisor"] { return hypervisor }
    guard [400, 403, 404].contains(direct.status) else {
      throw ComputeLookup.sdkError(direct, path: "/os-hypervisors/\(nameOrID)")
    }
    let listed = try call("/os-hypervisors", .hypervisor, in: context)["hypervisors"]?.array ?? []
    let named = listed.map { item -> JSON in
      .object(["id": item["id"] ?? .null, "name": item["hypervisor_hostname"] ?? .null])
    }
    return try ComputeLookup.exactMatch(named, nameOrID, kind: "Hypervisor")
  }

  private static func call(_ path: String, _ resource: ComputeResource, in context: CommandContext) throws -> JSON {
    try ComputeLookup.sdkCall(APIRequest(.get, "/v2.1" + path), resource: resource, in: context)
  }
}

/// `uptime`'s answer cut as OSC's pattern cuts it:
/// `\s*(.+)\sup\s+(.+),\s+(.+)\susers?,\s+load average:\s(.+)`, matched at the start.
struct UptimeParts {
  var hostTime: String
  var uptime: String
  var users: String
  var loadAverage: String

  private static let pattern = try! NSRegularExpression(
    pattern: #"\s*(.+)\sup\s+(.+),\s+(.+)\susers?,\s+load average:\s(.+)"#)

  init?(_ text: String) {
    let range = NSRange(text.startIndex..., in: text)
    guard let match = Self.pattern.firstMatch(in: text, options: .anchored, range: range) else { return nil }
    let groups = (1...4).map { index in Range(match.range(at: index), in: text).map { String(text[$0]) } ?? "" }
    (hostTime, uptime, users, loadAverage) = (groups[0], groups[1], groups[2], groups[3])
  }
}

/// `openstack hypervisor stats show` (`ShowHypervisorStats`): deprecated (a warning first), Nova's
/// statistics read at 2.1 whatever version was asked, the answer's keys as columns, sorted.
enum HypervisorStatsShow: OpenStackCommand {
  static let name = "hypervisor stats show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    context.log("This command is deprecated.")
    // A plain GET through the SDK's adapter: the answer is read whatever its status.
    let response = try context.api.send(
      APIRequest(.get, "/v2.1/os-hypervisors/statistics"), to: .compute, computeResource: .pinned(Microversion(2, 1)))
    guard case .object(let statistics)? = response.body?["hypervisor_statistics"] else {
      throw CommandFailure(message: "'NoneType' object has no attribute 'keys'")
    }
    var fields: JSONObject = [:]
    let hidden: Set<String> = ["id", "links", "location", "name"]
    for key in statistics.keys.filter({ !hidden.contains($0) }).sorted(by: { $0.precedesByCodePoint($1) }) {
      fields.appendNew(key, statistics[key] ?? .null)
    }
    return .show(fields)
  }
}
