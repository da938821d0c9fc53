import CloudAPI

/// The deprecated `host` commands (`compute/v2/host.py`): Nova's `os-hosts` asked at 2.1 through
/// the SDK's adapter, a warning first, a failure the SDK's `raise_from_response`.
enum NovaHosts {
  static func send(_ method: HTTPMethod, _ path: String, body: JSON? = nil, in context: CommandContext) throws -> JSON {
    try ComputeLookup.sdkCall(APIRequest(method, "/v2.1" + path, body: body), resource: .pinned(Microversion(2, 1)), in: context)
  }
}

/// `openstack host list` (`ListHost`): every host's services and zone; `--zone` filters here.
enum HostList: OpenStackCommand {
  static let name = "host list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    context.log("API has been deprecated; consider using 'hypervisor list' instead.")
    var hosts = try NovaHosts.send(.get, "/os-hosts", in: context)["hosts"]?.array ?? []
    if let zone = arguments.value("--zone") { hosts = hosts.filter { $0["zone"]?.string == zone } }
    let keys = ["host_name", "service", "zone"]
    return .list(columns: ["Host Name", "Service", "Zone"], rows: hosts.map { host in keys.map { host[$0] ?? .string("") } })
  }
}

/// `openstack host show` (`ShowHost`): a lister of the host's resources, total, used and each
/// project's.
enum HostShow: OpenStackCommand {
  static let name = "host show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    context.log("API has been deprecated; consider using 'hypervisor show' instead.")
    let host = arguments.value("<host>") ?? ""
    let resources = try NovaHosts.send(.get, "/os-hosts/\(host)", in: context)["host"]?.array ?? []
    let keys = ["host", "project", "cpu", "memory_mb", "disk_gb"]
    return .list(
      columns: ["Host", "Project", "CPU", "Memory MB", "Disk GB"],
      rows: resources.map { item in keys.map { item["resource"]?[$0] ?? .string("") } })
  }
}

/// `openstack host set` (`SetHost`): nothing sent when nothing is asked.
enum HostSet: OpenStackCommand {
  static let name = "host set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    context.log("API has been deprecated; consider using 'compute service set' instead.")
    var body: JSONObject = [:]
    if arguments.flag("--enable") { body["status"] = "enable" }
    if arguments.flag("--disable") { body["status"] = "disable" }
    if arguments.flag("--enable-maintenance") { body["maintenance_mode"] = "enable" }
    if arguments.flag("--disable-maintenance") { body["maintenance_mode"] = "disable" }
    guard !body.isEmpty else { return .nothing }
    _ = try NovaHosts.send(.put, "/os-hosts/\(arguments.value("<host>") ?? "")", body: .object(body), in: context)
    return .nothing
  }
}
