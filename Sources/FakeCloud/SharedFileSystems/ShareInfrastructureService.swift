import CloudAPI
import Foundation

/// What an admin sees of Manila's own machinery: its services (`manila/api/v2/services.py`),
/// the back ends' pools (`scheduler_stats.py`) and the availability zones, all derived from the
/// back ends the cloud declares.
enum ShareInfrastructureService {
  static func register(in router: inout Router<CloudState>) {
    router.add(.get, "/v2/services", listServices)
    router.add(.put, "/v2/services/{action}", updateService)
    router.add(.get, "/v2/scheduler-stats/pools", { state, call in listPools(state, call, detail: false) })
    router.add(.get, "/v2/scheduler-stats/pools/detail", { state, call in listPools(state, call, detail: true) })
    router.add(.get, "/v2/availability-zones", listZones)
  }

  /// One running service: the scheduler and the data service on the controller, a share
  /// service per back end (`host@backend`).
  struct Service {
    var id: Int
    var binary: String
    var host: String
    var zone: String
  }

  static func services(_ state: CloudState) -> [Service] {
    let zone = state.manila.backends.first?.availabilityZone ?? "nova"
    let controller = state.manila.backends.first.map { String($0.host.prefix { $0 != "@" }) } ?? "devstack"
    var services = [
      Service(id: 1, binary: "manila-scheduler", host: controller, zone: zone),
      Service(id: 2, binary: "manila-data", host: controller, zone: zone),
    ]
    var hosts: [String] = []
    for backend in state.manila.backends {
      let host = String(backend.host.prefix { $0 != "#" })
      guard !hosts.contains(host) else { continue }
      hosts.append(host)
      services.append(Service(id: services.count + 1, binary: "manila-share", host: host, zone: backend.availabilityZone))
    }
    return services
  }

  /// `_index` (admin): filtered by host, binary, zone, state and a valid status.
  static func listServices(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let fault = ShareTypeService.policyFault(call, "service:index") { return fault }
    let version = state.version(call)
    if let status = call.query("status"), !["enabled", "disabled"].contains(status) {
      return .json(200, .object(["services": .array([])]))
    }
    let shown = services(state).filter { service in
      let status = state.manila.disabledServices[service.host + " " + service.binary] == nil ? "enabled" : "disabled"
      let fields = ["host": service.host, "binary": service.binary, "zone": service.zone, "state": "up", "status": status]
      return fields.allSatisfy { key, value in call.query(key).map { $0 == value } ?? true }
    }
    // The services report every ten seconds: the last report is the last ten-second mark.
    let updated = VirtualClock.isoMicroseconds(state.clock.now - state.clock.now % 10_000_000)
    let views = shown.map { service -> JSON in
      let reason = state.manila.disabledServices[service.host + " " + service.binary]
      var view: JSONObject = [
        "id": .int(service.id), "binary": .string(service.binary), "host": .string(service.host), "zone": .string(service.zone),
        "status": .string(reason == nil ? "enabled" : "disabled"), "state": "up", "updated_at": .string(updated),
      ]
      if version >= Microversion(2, 83) { view["disabled_reason"] = .orNull(reason ?? nil) }
      if version >= Microversion(2, 86) { view["ensuring"] = false }
      return .object(view)
    }
    return .json(200, .object(["services": .array(views)]))
  }

  /// `_update`: `enable` or `disable` (with a reason from 2.83) the service on `host` of `binary`.
  static func updateService(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let fault = ShareTypeService.policyFault(call, "service:update") { return fault }
    let action = call.parameters["action"] ?? ""
    guard action == "enable" || action == "disable" else { return .fault(404, "Unknown action '\(action)'") }
    guard let host = call.request.body?["host"]?.string, let binary = call.request.body?["binary"]?.string else {
      return .fault(400, "The server could not comply with the request since it is either malformed or otherwise incorrect.")
    }
    var reason: String?
    if action == "disable", let text = call.request.body?["disabled_reason"]?.string, !text.isEmpty {
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      guard (1...255).contains(trimmed.count) else {
        return .fault(400, "Disabled reason contains invalid characters or is too long")
      }
      reason = trimmed
    }
    guard services(state).contains(where: { $0.host == host && $0.binary == binary }) else {
      return .fault(404, "Service \(host) could not be found.")
    }
    let key = host + " " + binary
    if action == "enable" { state.manila.disabledServices.removeValue(forKey: key) } else { state.manila.disabledServices[key] = reason }
    var view: JSONObject = ["host": .string(host), "binary": .string(binary), "status": .string(action + "d")]
    if state.version(call) >= Microversion(2, 83) { view["disabled_reason"] = .orNull(reason) }
    return .json(200, .object(view))
  }

  /// `GET /scheduler-stats/pools[/detail]` (admin): each back end's pool, filtered by host,
  /// back end and pool (regular expressions matched at the start, as `re.match` does) and by
  /// the share type whose extra specs it satisfies.
  static func listPools(_ state: CloudState, _ call: Call, detail: Bool) -> APIResponse {
    if let fault = ShareTypeService.policyFault(call, "scheduler_stats:pools:\(detail ? "detail" : "index")") { return fault }
    var specs: JSONObject?
    if let typeName = call.query("share_type") {
      guard let type = state.manila.shareTypes.first(where: { $0.id == typeName || $0.name == typeName }) else {
        return .fault(400, "Share type \(typeName) not found.")
      }
      specs = type.extraSpecs
    }
    let pools = state.manila.backends.filter { backend in
      let parts = parts(of: backend.host)
      let wanted = [("host", parts.host), ("backend", parts.backend), ("pool", parts.pool)]
      return wanted.allSatisfy { key, value in call.query(key).map { matchesAtStart($0, value) } ?? true }
        && (specs.map { CapabilityMatch.satisfied(backend.capabilities, by: $0) } ?? true)
    }.map { backend -> JSON in
      let parts = parts(of: backend.host)
      var view: JSONObject = [
        "name": .string(backend.host), "host": .string(parts.host), "backend": .string(parts.backend), "pool": .string(parts.pool),
      ]
      if detail { view["capabilities"] = capabilities(backend) }
      return .object(view)
    }
    return .json(200, .object(["pools": .array(pools)]))
  }

  private static func parts(of name: String) -> (host: String, backend: String, pool: String) {
    let host = String(name.prefix { $0 != "@" })
    let rest = name.dropFirst(host.count + 1)
    let backend = String(rest.prefix { $0 != "#" })
    return (host, backend, String(rest.dropFirst(backend.count + 1)))
  }

  private static func matchesAtStart(_ pattern: String, _ value: String) -> Bool {
    guard let regex = try? NSRegularExpression(pattern: pattern) else { return false }
    let range = NSRange(value.startIndex..., in: value)
    return regex.firstMatch(in: value, options: [.anchored], range: range) != nil
  }

  /// What the scheduler holds of a pool: the driver's report, its capacity, and its host's
  /// time of report, the booleans as JSON booleans.
  private static func capabilities(_ backend: ManilaState.Backend) -> JSON {
    var fields = JSONObject()
    for (key, value) in backend.capabilities.sorted(by: { $0.key < $1.key }) {
      switch value {
      case "True": fields[key] = true
      case "False": fields[key] = false
      default: fields[key] = .string(value)
      }
    }
    fields["total_capacity_gb"] = .int(backend.totalCapacity)
    fields["free_capacity_gb"] = .int(backend.freeCapacity)
    fields["reserved_percentage"] = 0
    fields["reserved_snapshot_percentage"] = 0
    fields["reserved_share_extend_percentage"] = 0
    if fields["replication_domain"] == nil { fields["replication_domain"] = .null }
    return .object(fields)
  }

  /// `GET /availability-zones`: the back ends' zones, in the order they were first met, each
  /// with an ID made from its name (the database's is random) and the cloud's start as its time.
  static func listZones(_ state: inout CloudState, _ call: Call) -> APIResponse {
    var names: [String] = []
    for backend in state.manila.backends where !names.contains(backend.availabilityZone) { names.append(backend.availabilityZone) }
    let created = VirtualClock.isoMicroseconds(VirtualClock().now)
    let zones = names.map { name -> JSON in
      .object([
        "id": .string(zoneID(name)), "name": .string(name), "created_at": .string(created), "updated_at": .null,
      ])
    }
    return .json(200, .object(["availability_zones": .array(zones)]))
  }

  /// A UUID made from the zone's name: FNV-1a over its bytes, mixed twice by SplitMix64.
  static func zoneID(_ name: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    func mix(_ value: UInt64) -> UInt64 {
      var z = value &+ 0x9e37_79b9_7f4a_7c15
      z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
      z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
      return z ^ (z >> 31)
    }
    let first = mix(hash)
    let characters = Array(String(format: "%016llx%016llx", first, mix(first)))
    return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
  }
}
