import CloudAPI

/// `openstack compute service list` (`ListService`).
enum ComputeServiceList: OpenStackCommand {
  static let name = "compute service list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let services = try ComputeServices.list(host: arguments.value("--host"), binary: arguments.value("--service"), in: context)
    var columns = ["ID", "Binary", "Host", "Zone", "Status", "State", "Updated At"]
    var keys = ["id", "binary", "host", "zone", "status", "state", "updated_at"]
    if arguments.flag("--long") {
      columns.append("Disabled Reason")
      keys.append("disabled_reason")
      if try context.api.supportsComputeVersion(Microversion(2, 11)) {
        columns.append("Forced Down")
        keys.append("forced_down")
      }
    }
    return .list(columns: columns, rows: services.map { service in keys.map { service[$0] ?? .null } }, names: .tuple)
  }
}

/// `openstack compute service set` (`SetService`): the service found by host and binary (2.53),
/// enabled or disabled, then forced up or down; failures logged.
enum ComputeServiceSet: OpenStackCommand {
  static let name = "compute service set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let (host, binary) = (arguments.value("<host>") ?? "", arguments.value("<service>") ?? "")
    let reason = arguments.value("--disable-reason")
    let (enable, disable) = (arguments.flag("--enable"), arguments.flag("--disable"))
    if enable || !disable, let reason, !reason.isEmpty {
      throw CommandFailure(message: "Cannot specify option --disable-reason without --disable specified.")
    }
    guard try context.api.supportsComputeVersion(Microversion(2, 53)) else {
      throw CommandFailure(message: "not simulated: compute service set below microversion 2.53")
    }
    let services = try ComputeServices.list(host: host, binary: binary, in: context)
    guard services.count < 2 else {
      throw CommandFailure(message: "Multiple compute services found for host \"\(host)\" and binary \"\(binary)\". Unable to proceed.")
    }
    guard let id = services.first?["id"]?.string else {
      throw CommandFailure(message: "Compute service for host \"\(host)\" and binary \"\(binary)\" not found.")
    }
    var failed = false
    if enable || disable {
      var body: JSONObject = ["status": enable ? "enabled" : "disabled"]
      if disable, let reason, !reason.isEmpty { body["disabled_reason"] = .string(reason) }
      if (try? ComputeServices.update(id, body, in: context)) == nil {
        context.log("Failed to set service status to \(enable ? "enabled" : "disabled")")
        failed = true
      }
    }
    let (up, down) = (arguments.flag("--up"), arguments.flag("--down"))
    if up || down {
      guard try context.api.supportsComputeVersion(Microversion(2, 11)) else {
        throw CommandFailure(message: "--os-compute-api-version 2.11 or later is required")
      }
      if (try? ComputeServices.update(id, ["forced_down": .bool(down)], in: context)) == nil {
        context.log("Failed to set service state to \(down ? "down" : "up")")
        failed = true
      }
    }
    if failed { throw CommandFailure(message: "Compute service \(binary) of host \(host) failed to set.") }
    return .nothing
  }
}

/// openstacksdk's compute services (`Service`, up to 2.69).
enum ComputeServices {
  static func list(host: String?, binary: String?, in context: CommandContext) throws -> [JSON] {
    var query: [(name: String, value: String)] = []
    if let binary { query.append((name: "binary", value: binary)) }
    if let host { query.append((name: "host", value: host)) }
    let response = try context.api.send(APIRequest(.get, "/v2.1/os-services", query: query), to: .compute, computeResource: .service)
    guard response.status == 200 else { throw ComputeLookup.sdkError(response, path: "/os-services") }
    return response.body?["services"]?.array ?? []
  }

  static func update(_ id: String, _ body: JSONObject, in context: CommandContext) throws {
    let response = try context.api.send(
      APIRequest(.put, "/v2.1/os-services/\(id)", body: .object(body)), to: .compute, computeResource: .service)
    guard response.status == 200 else { throw ComputeLookup.sdkError(response, path: "/os-services/\(id)") }
  }
}

/// `openstack hypervisor list` (`ListHypervisor`): the details list, `--matching` as Nova's
/// hostname pattern; the resource columns of `--long` only below 2.88, where Nova still has them.
enum HypervisorList: OpenStackCommand {
  static let name = "hypervisor list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = ["--limit", "--marker", "--max-items"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var query: [(name: String, value: String)] = []
    if let pattern = arguments.value("--matching") { query.append((name: "hypervisor_hostname_pattern", value: pattern)) }
    var columns = ["ID", "Hypervisor Hostname", "Hypervisor Type", "Host IP", "State"]
    var keys = ["id", "hypervisor_hostname", "hypervisor_type", "host_ip", "state"]
    if arguments.flag("--long"), try !context.api.supportsComputeVersion(Microversion(2, 88)) {
      columns += ["vCPUs Used", "vCPUs", "Memory MB Used", "Memory MB"]
      keys += ["vcpus_used", "vcpus", "memory_mb_used", "memory_mb"]
    }
    let response = try context.api.send(
      APIRequest(.get, "/v2.1/os-hypervisors/detail", query: query), to: .compute, computeResource: .hypervisor)
    guard response.status == 200 else {
      let search = query.isEmpty ? "" : "?" + query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
      throw ComputeLookup.sdkError(response, path: "/os-hypervisors/detail" + search)
    }
    let hypervisors = response.body?["hypervisors"]?.array ?? []
    return .list(columns: columns, rows: hypervisors.map { item in keys.map { item[$0] ?? .null } }, names: .tuple)
  }
}
