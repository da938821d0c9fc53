import CloudAPI

/// Nova's `os-simple-tenant-usage` (`simple_tenant_usage.py`): the servers that ran in a period
/// (launched before its end, not deleted before its start, deleted ones included), each one's
/// hours in it (from launch or the period's start to deletion or the period's end, which is no
/// later than now), and per project those hours times memory, vCPUs and disk. Listing every
/// project is an admin's; a project's own usage its readers'.
extension ComputeService {
  static func registerUsage(in router: inout Router<CloudState>) {
    router.add(.get, "/v2.1/os-simple-tenant-usage", listUsage)
    router.add(.get, "/v2.1/os-simple-tenant-usage/{id}", showUsage)
  }

  static func listUsage(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard call.caller?.isAdmin ?? false else {
      return .fault(403, "Policy doesn't allow os_compute_api:os-simple-tenant-usage:list to be performed.")
    }
    switch UsagePeriod.parse(call, now: state.clock.now) {
    case .success(let period):
      // `detailed=1` and nothing else lists each server.
      let detailed = call.request.query.first { $0.name == "detailed" }?.value == "1"
      let usages = usage(in: period, project: nil, detailed: detailed, state)
      return .json(200, .object(["tenant_usages": .array(usages)]))
    case .failure(let fault): return fault.response
    }
  }

  static func showUsage(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let project = call.parameters["id"] ?? ""
    guard let caller = call.caller, caller.isAdmin || caller.projectID == project else {
      return .fault(403, "Policy doesn't allow os_compute_api:os-simple-tenant-usage:show to be performed.")
    }
    switch UsagePeriod.parse(call, now: state.clock.now) {
    case .success(let period):
      let usage = usage(in: period, project: project, detailed: true, state).first ?? .object([:])
      return .json(200, .object(["tenant_usage": usage]))
    case .failure(let fault): return fault.response
    }
  }

  /// `_tenant_usages_for_period`: one summary per project, in the order of their first server.
  private static func usage(in period: UsagePeriod, project: String?, detailed: Bool, _ state: CloudState) -> [JSON] {
    var projects: [String] = []
    var summaries: [String: JSONObject] = [:]
    for server in state.compute.servers where project == nil || server.projectID == project {
      guard let launched = server.launched, launched < period.stop else { continue }
      let terminated = server.terminated
      if let terminated, terminated <= period.start { continue }
      let hours = Double(min(period.stop, terminated ?? period.stop) - max(launched, period.start)) / 3_600_000_000
      let flavor = state.compute.embeddedFlavor(server.flavorID)?.definition
      let (memory, disk, vcpus) = (flavor?.ram ?? 0, (flavor?.disk ?? 0) + (flavor?.ephemeral ?? 0), flavor?.vcpus ?? 0)
      if summaries[server.projectID] == nil {
        projects.append(server.projectID)
        var summary: JSONObject = ["tenant_id": .string(server.projectID)]
        if detailed { summary["server_usages"] = .array([]) }
        summary["total_local_gb_usage"] = 0
        summary["total_vcpus_usage"] = 0
        summary["total_memory_mb_usage"] = 0
        summary["total_hours"] = 0
        summary["start"] = .string(CivilTime.isoformat(period.start))
        summary["stop"] = .string(CivilTime.isoformat(period.stop))
        summaries[server.projectID] = summary
      }
      var summary = summaries[server.projectID] ?? [:]
      // Sums start as integers and turn to floats with the first server, as in Python.
      func add(_ key: String, _ value: Double) { summary[key] = .double((summary[key]?.number ?? 0) + value) }
      add("total_local_gb_usage", Double(disk) * hours)
      add("total_vcpus_usage", Double(vcpus) * hours)
      add("total_memory_mb_usage", Double(memory) * hours)
      add("total_hours", hours)
      if detailed {
        let ended = terminated.map { JSON.string(CivilTime.isoformat($0)) } ?? .null
        let uptime = ((terminated ?? state.clock.now) - launched) / 1_000_000
        let info: JSONObject = [
          "hours": .double(hours), "flavor": .string(flavor?.name ?? ""), "instance_id": .string(server.id),
          "name": .string(server.name), "tenant_id": .string(server.projectID), "memory_mb": .int(memory),
          "local_gb": .int(disk), "vcpus": .int(vcpus), "started_at": .string(CivilTime.isoformat(launched)),
          "ended_at": ended, "state": .string(terminated == nil ? server.vmState : "terminated"), "uptime": .int(Int(uptime)),
        ]
        summary["server_usages"] = .array((summary["server_usages"]?.array ?? []) + [.object(info)])
      }
      summaries[server.projectID] = summary
    }
    return projects.map { .object(summaries[$0] ?? [:]) }
  }
}

/// The period a usage request asks about: `start` and `end` in one of Nova's three formats (now
/// when not given), the start before the end, the end no later than now.
struct UsagePeriod {
  var start: Int64
  var stop: Int64

  static func parse(_ call: Call, now: Int64) -> Result<UsagePeriod, FaultResponse> {
    var bounds: [Int64] = []
    for name in ["start", "end"] {
      let text = call.request.query.first { $0.name == name }?.value ?? ""
      guard let time = text.isEmpty ? now : parse(text) else {
        return .failure(FaultResponse(.fault(400, "Invalid datetime string: Datetime is in invalid format")))
      }
      bounds.append(time)
    }
    guard bounds[0] < bounds[1] else {
      return .failure(FaultResponse(.fault(400, "Invalid start time. The start time cannot occur after the end time.")))
    }
    return .success(UsagePeriod(start: bounds[0], stop: min(bounds[1], now)))
  }

  /// `%Y-%m-%dT%H:%M:%S`, `%Y-%m-%dT%H:%M:%S.%f` or `%Y-%m-%d %H:%M:%S.%f`, taken as UTC.
  private static func parse(_ text: String) -> Int64? {
    let bytes = Array(text.utf8)
    guard bytes.count >= 19 else { return nil }
    let separator = bytes[10]
    let hasFraction = bytes.count > 19
    guard separator == UInt8(ascii: "T") || (separator == UInt8(ascii: " ") && hasFraction) else { return nil }
    if hasFraction {
      guard bytes[19] == UInt8(ascii: "."), (21...26).contains(bytes.count) else { return nil }
    }
    return VirtualClock.parseISO(text)
  }
}
