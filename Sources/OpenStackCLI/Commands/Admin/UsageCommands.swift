import CloudAPI
import Foundation

/// What `usage list` and `usage show` (`compute/v2/usage.py`) share: the period from the
/// machine's clock (four weeks back to a day ahead) or the dates given, the SDK's `Usage` at
/// 2.75, and the columns with their formatters.
enum ProjectUsage {
  static let columns = ["Project", "Servers", "RAM MB-Hours", "CPU Hours", "Disk GB-Hours"]

  /// `--start` and `--end` (`%Y-%m-%d`), else four weeks before now and a day after it.
  static func period(_ arguments: ParsedArguments, in context: CommandContext) throws -> (start: Int64, end: Int64) {
    let now = context.now()
    func date(_ option: String, default value: Int64) throws -> Int64 {
      guard let text = arguments.value(option) else { return value }
      switch CivilTime.parseDate(text) {
      case .success(let time): return time
      case .failure(let error): throw CommandFailure(message: error.message(text: text, format: "%Y-%m-%d"))
      }
    }
    let day: Int64 = 86_400_000_000
    return (try date("--start", default: now - 28 * day), try date("--end", default: now + day))
  }

  /// The SDK's query: the times as `isoformat()` writes them.
  static func query(_ period: (start: Int64, end: Int64)) -> [(name: String, value: String)] {
    [(name: "start", value: CivilTime.isoformat(period.start)), (name: "end", value: CivilTime.isoformat(period.end))]
  }

  static func get(_ path: String, query: [(name: String, value: String)], in context: CommandContext) throws -> JSON {
    try ComputeLookup.sdkCall(APIRequest(.get, "/v2.1" + path, query: query), resource: .usage, in: context)
  }

  /// A usage's row: in a table the project's name where known, the number of servers listed and
  /// the totals to two places (`FloatColumn`, which cannot format a missing total); elsewhere the
  /// values as they are.
  static func row(_ usage: JSON, projectNames: [String: String], in context: CommandContext) throws -> [JSON] {
    let keys = ["total_memory_mb_usage", "total_vcpus_usage", "total_local_gb_usage"]
    guard context.isTable else {
      return [usage["tenant_id"] ?? .null, usage["server_usages"] ?? .null] + keys.map { usage[$0] ?? .null }
    }
    let totals = try keys.map { key -> JSON in
      guard let number = usage[key].flatMap(Self.number) else {
        throw CommandFailure(message: "unsupported format string passed to NoneType.__format__")
      }
      return .string(String(format: "%.2f", number))
    }
    let project = usage["tenant_id"]?.string ?? ""
    let servers: JSON = if case .array(let list)? = usage["server_usages"] { .string(String(list.count)) } else { "" }
    return [.string(projectNames[project] ?? project), servers] + totals
  }

  static func dateText(_ time: Int64) -> String { CivilTime.dateText(time) }

  /// A JSON number as Python's float.
  private static func number(_ value: JSON) -> Double? {
    switch value {
    case .int(let integer): Double(integer)
    case .double(let double): double
    default: nil
    }
  }
}

/// `openstack usage list` (`ListUsage`): every project's usage (an admin's), project names from
/// the identity service when it lets the user list projects; the period on top of a table.
enum UsageList: OpenStackCommand {
  static let name = "usage list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let period = try ProjectUsage.period(arguments, in: context)
    // The SDK sends `detailed=True`, which Nova does not take for `1`.
    let query = [(name: "detailed", value: "True")] + ProjectUsage.query(period)
    let usages = try ProjectUsage.get("/os-simple-tenant-usage", query: query, in: context)["tenant_usages"]?.array ?? []
    var names: [String: String] = [:]
    let projects = try context.api.send(APIRequest(.get, "/v3/projects"), to: .identity)
    for project in projects.status == 200 ? projects.body?["projects"]?.array ?? [] : [] {
      if let id = project["id"]?.string, let name = project["name"]?.string { names[id] = name }
    }
    if context.isTable, !usages.isEmpty {
      context.written.text += "Usage from \(ProjectUsage.dateText(period.start)) to \(ProjectUsage.dateText(period.end)): \n"
    }
    return .list(columns: ProjectUsage.columns, rows: try usages.map { try ProjectUsage.row($0, projectNames: names, in: context) }, names: .tuple)
  }
}

/// `openstack usage show` (`ShowUsage`): one project's usage, the signed-in project's unless
/// `--project` names another.
enum UsageShow: OpenStackCommand {
  static let name = "usage show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let period = try ProjectUsage.period(arguments, in: context)
    let domain = arguments.value("--project-domain")
    let project = try arguments.value("--project").map { try Flavors.projectID($0, domain: domain, in: context) } ?? context.api.tokenProjectID()
    let usage = try ProjectUsage.get("/os-simple-tenant-usage/\(project)", query: ProjectUsage.query(period), in: context)
    if context.isTable {
      context.written.text +=
        "Usage from \(ProjectUsage.dateText(period.start)) to \(ProjectUsage.dateText(period.end)) on project \(project): \n"
    }
    let tenantUsage = usage["tenant_usage"] ?? .null
    var values = try ProjectUsage.row(tenantUsage, projectNames: [:], in: context)
    if case .array(let servers)? = tenantUsage["server_usages"], !context.isTable {
      values[1] = try ServerUsages(servers).value(for: context.format, project: tenantUsage["tenant_id"] ?? .null, in: context)
    }
    return .show(JSONObject(uniqueKeys: ProjectUsage.columns, values: values))
  }
}

/// The servers of a project's usage as the SDK hands them to cliff outside a table: `ServerUsage`
/// resources, which JSON writes as the dictionaries they are (Nova's `tenant_id` under the SDK's
/// name, `project_id`, then the base resource's `id`, `name` and `location`), YAML cannot
/// represent, and the other formats print as Python prints the list.
struct ServerUsages {
  var servers: [JSON]

  init(_ servers: [JSON]) { self.servers = servers }

  func value(for format: String, project: JSON, in context: CommandContext) throws -> JSON {
    switch format {
    case "json":
      return .array(
        servers.map { server in
          let own = server.object.map { (key: $0.key == "tenant_id" ? "project_id" : $0.key, value: $0.value) }
          let base: [JSONObject.Element] = [("id", .null), ("name", server["name"] ?? .null), ("location", .null)]
          return .object(JSONObject(repeatingKeys: own + base))
        })
    case "yaml":
      // The formatter has written the project when it meets the first server.
      context.written.text += "Project: \(PythonText.str(project))\n"
      throw CommandFailure(message: "('cannot represent an object', \(Self.repr(servers.first ?? .null)))")
    default:
      return .string("[" + servers.map(Self.repr).joined(separator: ", ") + "]")
    }
  }

  /// `Resource.__repr__`: the class, then each attribute Nova sent as `key=str(value)`.
  static func repr(_ server: JSON) -> String {
    let pairs = server.object.map { key, value in "\(key)=\(PythonText.str(value))" }
    return "openstack.compute.v2.usage.ServerUsage(" + pairs.joined(separator: ", ") + ")"
  }
}
