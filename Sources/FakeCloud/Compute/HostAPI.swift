import CloudAPI

/// Nova's deprecated `os-hosts` (`hosts.py`, 2.1 to 2.42; admins only): the hosts of the enabled
/// services, a compute host's resources and what its servers take, and the host actions the
/// libvirt driver does not implement.
extension ComputeService {
  static func registerHosts(in router: inout Router<CloudState>) {
    router.add(.get, "/v2.1/os-hosts", listHosts)
    router.add(.get, "/v2.1/os-hosts/{id}", showHost)
    router.add(.put, "/v2.1/os-hosts/{id}", updateHost)
  }

  /// The API's version range, then the policy (`os_compute_api:os-hosts:RULE`, admins).
  private static func hostsRefusal(_ state: CloudState, _ call: Call, rule: String) -> APIResponse? {
    guard state.computeVersion <= Microversion(2, 42) else { return .fault(404, "The resource could not be found.") }
    guard call.caller?.isAdmin ?? false else {
      return .fault(403, "Policy doesn't allow os_compute_api:os-hosts:\(rule) to be performed.")
    }
    return nil
  }

  /// `index`: each enabled service but the API's, with its topic and zone (`internal` but for
  /// compute services); `zone` filters by zone.
  static func listHosts(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = hostsRefusal(state, call, rule: "list") { return refusal }
    let zone = call.request.query.last { $0.name == "zone" }?.value
    var hosts: [JSON] = []
    for record in services(state) {
      let isCompute = record.binary == "nova-compute"
      if isCompute, state.compute.serviceChanges[record.host.name]?.disabled ?? false { continue }
      let serviceZone = isCompute ? state.compute.zone(of: record.host) : "internal"
      if let zone, !zone.isEmpty, zone != serviceZone { continue }
      hosts.append(
        .object([
          "host_name": .string(record.host.name), "service": .string(String(record.binary.dropFirst("nova-".count))),
          "zone": .string(serviceZone),
        ]))
    }
    return .json(200, .object(["hosts": .array(hosts)]))
  }

  /// `show`: the compute host's resources (`(total)`), what its node reports used
  /// (`(used_now)`), what its servers' flavors add up to (`(used_max)`), then each project's.
  static func showHost(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = hostsRefusal(state, call, rule: "show") { return refusal }
    let name = call.parameters["id"] ?? ""
    guard let host = state.compute.hosts.first(where: { $0.name == name }) else {
      return .fault(404, "Host '\(name)' is not mapped to any cell")
    }
    func resource(_ project: String, _ usage: (vcpus: Int, memory: Int, disk: Int)) -> JSON {
      .object([
        "resource": .object([
          "host": .string(name), "project": .string(project), "cpu": .int(usage.vcpus), "memory_mb": .int(usage.memory),
          "disk_gb": .int(usage.disk),
        ])
      ])
    }
    let used = state.compute.usage(of: name)
    var resources = [
      resource("(total)", (host.definition.vcpus, host.definition.memory, host.definition.disk)), resource("(used_now)", used),
      resource("(used_max)", used),
    ]
    var projects: [String] = []
    var byProject: [String: (vcpus: Int, memory: Int, disk: Int)] = [:]
    for server in state.compute.servers where server.host == name && server.vmState != "deleted" {
      guard let flavor = state.compute.embeddedFlavor(server.flavorID)?.definition else { continue }
      if byProject[server.projectID] == nil { projects.append(server.projectID) }
      let sum = byProject[server.projectID] ?? (0, 0, 0)
      byProject[server.projectID] = (sum.vcpus + flavor.vcpus, sum.memory + flavor.ram, sum.disk + flavor.disk + flavor.ephemeral)
    }
    resources += projects.map { resource($0, byProject[$0] ?? (0, 0, 0)) }
    return .json(200, .object(["host": .array(resources)]))
  }

  /// `update`: the body checked by its schema, the host by its cell mapping, then the compute
  /// host asked; the libvirt driver implements neither enabling nor maintenance mode.
  static func updateHost(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = hostsRefusal(state, call, rule: "update") { return refusal }
    let body = call.request.body ?? .null
    guard case .object(let fields) = body else {
      return .fault(400, "Invalid input for field/attribute body. Value: \(PythonValue.str(body)). \(PythonValue.repr(body)) is not of type 'object'")
    }
    let allowed: Set<String> = ["status", "maintenance_mode"]
    if let extra = fields.keys.first(where: { !allowed.contains($0) }) {
      return .fault(400, "Invalid input for field/attribute body. Value: \(PythonValue.str(body)). Additional properties are not allowed ('\(extra)' was unexpected)")
    }
    let values = ["enable", "disable", "Enable", "Disable", "ENABLE", "DISABLE"]
    for key in ["status", "maintenance_mode"] {
      guard let value = fields[key] else { continue }
      guard let text = value.string, values.contains(text) else {
        let choices = "[" + values.map { "'\($0)'" }.joined(separator: ", ") + "]"
        return .fault(400, "Invalid input for field/attribute \(key). Value: \(PythonValue.str(value)). \(PythonValue.repr(value)) is not one of \(choices)")
      }
    }
    guard fields["status"] != nil || fields["maintenance_mode"] != nil else {
      return .fault(400, "Invalid input for field/attribute body. Value: \(PythonValue.str(body)). \(PythonValue.repr(body)) is not valid under any of the given schemas")
    }
    let name = call.parameters["id"] ?? ""
    guard state.compute.hosts.contains(where: { $0.name == name }) else {
      return .fault(404, "Host '\(name)' is not mapped to any cell")
    }
    return .fault(501, "The requested functionality is not supported.")
  }
}
