import CloudAPI

extension ComputeState {
  /// The address of the host at `index` on devstack's management network, one per host in
  /// order (Nova's `my_ip`).
  static func hostIP(_ index: Int) -> String { "10.0.0.\(11 + index)" }

  /// A host aggregate; its `availability_zone` metadata names the zone of its hosts.
  struct Aggregate {
    var id: Int
    var uuid: String
    var name: String
    var hosts: [String] = []
    var metadata: [(String, String)] = []
    var created: Int64
    var updated: Int64?

    var availabilityZone: String? { metadata.first { $0.0 == "availability_zone" }?.1 }
  }

  /// What an admin changed of a nova-compute service.
  struct ServiceChange {
    var disabledReason: String?
    var disabled = false
    var forcedDown = false
  }

  /// The zone of a host: its aggregates' zone, else the host's own.
  func zone(of host: Host) -> String {
    aggregates.first { $0.hosts.contains(host.name) && $0.availabilityZone != nil }?.availabilityZone
      ?? host.definition.availabilityZone
  }
}

/// Nova's administration of hosts (admins only, as `nova/policies` has it): host aggregates
/// (`aggregates.py`: create, update, delete, hosts, metadata) and the compute services
/// (`services.py` at 2.53 and later: listed by host and binary, enabled, disabled, forced
/// down). Each host runs a nova-compute; the first also runs the conductor and the scheduler.
extension ComputeService {
  static func registerComputeAdmin(in router: inout Router<CloudState>) {
    router.add(.get, "/v2.1/os-aggregates", listAggregates)
    router.add(.post, "/v2.1/os-aggregates", createAggregate)
    router.add(.get, "/v2.1/os-aggregates/{id}", showAggregate)
    router.add(.put, "/v2.1/os-aggregates/{id}", updateAggregate)
    router.add(.delete, "/v2.1/os-aggregates/{id}", deleteAggregate)
    router.add(.post, "/v2.1/os-aggregates/{id}/action", aggregateAction)
    router.add(.get, "/v2.1/os-services", listServices)
    router.add(.put, "/v2.1/os-services/{id}", updateService)
    router.add(.get, "/v2.1/os-hypervisors", listHypervisors)
    router.add(.get, "/v2.1/os-hypervisors/detail", listHypervisors)
    router.add(.get, "/v2.1/os-hypervisors/statistics", hypervisorStatistics)
    router.add(.get, "/v2.1/os-hypervisors/{id}", showHypervisor)
    router.add(.get, "/v2.1/os-hypervisors/{id}/uptime", hypervisorUptime)
  }

  private static func refused(_ call: Call, _ rule: String) -> APIResponse? {
    call.caller?.isAdmin ?? false ? nil : .fault(403, "Policy doesn't allow os_compute_api:\(rule) to be performed.")
  }

  // MARK: Aggregates

  /// `_marshall_aggregate`: the object's fields; `uuid` from 2.41.
  private static func aggregateView(_ aggregate: ComputeState.Aggregate, _ version: Microversion, full: Bool = true) -> JSON {
    var body: JSONObject = [
      "name": .string(aggregate.name), "availability_zone": .orNull(aggregate.availabilityZone), "deleted": false,
      "created_at": .string(VirtualClock.isoDatabase(aggregate.created)),
      "updated_at": aggregate.updated.map { .string(VirtualClock.isoDatabase($0)) } ?? .null, "deleted_at": .null,
      "id": .int(aggregate.id),
    ]
    if full {
      body["hosts"] = .array(aggregate.hosts.map(JSON.string))
      body["metadata"] = .object(JSONObject(uniqueKeysWithValues: aggregate.metadata.map { ($0, JSON.string($1)) }))
    }
    if version >= Microversion(2, 41) { body["uuid"] = .string(aggregate.uuid) }
    return .object(["aggregate": .object(body)])
  }

  /// The aggregate the path names (an integer ID, as Nova reads it).
  private static func aggregateIndex(_ state: CloudState, _ call: Call) -> Result<Int, FaultResponse> {
    let id = call.parameters["id"] ?? ""
    guard let number = Int(id) else { return .failure(FaultResponse(.fault(400, "Invalid input received: id must be an integer"))) }
    guard let index = state.compute.aggregates.firstIndex(where: { $0.id == number }) else {
      return .failure(FaultResponse(.fault(404, "Aggregate \(id) could not be found.")))
    }
    return .success(index)
  }

  static func listAggregates(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = refused(call, "os-aggregates:index") { return refusal }
    let views = state.compute.aggregates.map { aggregateView($0, state.computeVersion)["aggregate"] ?? .null }
    return .json(200, .object(["aggregates": .array(views)]))
  }

  static func showAggregate(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = refused(call, "os-aggregates:show") { return refusal }
    switch aggregateIndex(state, call) {
    case .failure(let fault): return fault.response
    case .success(let index): return .json(200, aggregateView(state.compute.aggregates[index], state.computeVersion))
    }
  }

  /// A name in use is a conflict; a zone given becomes the `availability_zone` metadata. Nova
  /// answers without hosts and metadata.
  static func createAggregate(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = refused(call, "os-aggregates:create") { return refusal }
    let body = call.request.body?["aggregate"]?.object ?? [:]
    guard let name = body["name"]?.string, !name.isEmpty else {
      return invalidField("name", body["name"] ?? .null, "None is not of type 'string'")
    }
    guard !state.compute.aggregates.contains(where: { $0.name == name }) else {
      return .fault(409, "Aggregate \(name) already exists.")
    }
    var aggregate = ComputeState.Aggregate(
      id: (state.compute.aggregates.map(\.id).max() ?? 0) + 1, uuid: state.ids.uuid(), name: name, created: state.clock.now)
    if let zone = body["availability_zone"]?.string { aggregate.metadata.append(("availability_zone", zone)) }
    state.compute.aggregates.append(aggregate)
    return .json(200, aggregateView(aggregate, state.computeVersion, full: false))
  }

  static func updateAggregate(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = refused(call, "os-aggregates:update") { return refusal }
    switch aggregateIndex(state, call) {
    case .failure(let fault): return fault.response
    case .success(let index):
      let body = call.request.body?["aggregate"]?.object ?? [:]
      if let name = body["name"]?.string {
        guard !state.compute.aggregates.contains(where: { $0.name == name && $0.id != state.compute.aggregates[index].id }) else {
          return .fault(409, "Aggregate \(name) already exists.")
        }
        state.compute.aggregates[index].name = name
      }
      if let zone = body["availability_zone"]?.string { setMetadata(["availability_zone": .string(zone)], index, &state) }
      state.compute.aggregates[index].updated = state.clock.now
      return .json(200, aggregateView(state.compute.aggregates[index], state.computeVersion))
    }
  }

  /// An aggregate with hosts cannot go.
  static func deleteAggregate(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = refused(call, "os-aggregates:delete") { return refusal }
    switch aggregateIndex(state, call) {
    case .failure(let fault): return fault.response
    case .success(let index):
      let aggregate = state.compute.aggregates[index]
      guard aggregate.hosts.isEmpty else {
        return .fault(400, "Invalid aggregate action 'delete' for aggregate \(aggregate.id): Host aggregate is not empty")
      }
      state.compute.aggregates.remove(at: index)
      return APIResponse(status: 200)
    }
  }

  /// Metadata set in order; a `null` value removes the key.
  private static func setMetadata(_ metadata: JSONObject, _ index: Int, _ state: inout CloudState) {
    for (key, value) in metadata {
      let at = state.compute.aggregates[index].metadata.firstIndex { $0.0 == key }
      switch (value.string ?? (value == .null ? nil : String(describing: value)), at) {
      case (nil, let at?): state.compute.aggregates[index].metadata.remove(at: at)
      case (nil, nil): break
      case (let text?, let at?): state.compute.aggregates[index].metadata[at].1 = text
      case (let text?, nil): state.compute.aggregates[index].metadata.append((key, text))
      }
    }
  }

  /// `add_host`, `remove_host`, `set_metadata`.
  static func aggregateAction(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let body = call.request.body?.object ?? [:]
    let action = body.keys.first ?? ""
    guard ["add_host", "remove_host", "set_metadata"].contains(action) else {
      return .fault(400, "There is no such action: \(action)")
    }
    if let refusal = refused(call, "os-aggregates:\(action)") { return refusal }
    let index: Int
    switch aggregateIndex(state, call) {
    case .failure(let fault): return fault.response
    case .success(let found): index = found
    }
    let aggregate = state.compute.aggregates[index]
    let host = body[action]?["host"]?.string ?? ""
    switch action {
    case "add_host":
      guard state.compute.hosts.contains(where: { $0.name == host }) else {
        return .fault(404, "Compute host \(host) could not be found.")
      }
      guard !aggregate.hosts.contains(host) else { return .fault(409, "Aggregate \(aggregate.id) already has host \(host).") }
      state.compute.aggregates[index].hosts.append(host)
    case "remove_host":
      guard let at = aggregate.hosts.firstIndex(of: host) else {
        return .fault(404, "Cannot remove host \(host) in aggregate \(aggregate.id)")
      }
      state.compute.aggregates[index].hosts.remove(at: at)
    default:
      setMetadata(body[action]?["metadata"]?.object ?? [:], index, &state)
    }
    state.compute.aggregates[index].updated = state.clock.now
    return .json(200, aggregateView(state.compute.aggregates[index], state.computeVersion))
  }

  // MARK: Services

  struct ServiceRecord {
    var binary: String
    var host: ComputeState.Host
  }

  /// The services the cloud runs: the conductor and scheduler on the first host, a compute
  /// service on each.
  static func services(_ state: CloudState) -> [ServiceRecord] {
    let controllers = state.compute.hosts.prefix(1).flatMap { host in
      ["nova-conductor", "nova-scheduler"].map { ServiceRecord(binary: $0, host: host) }
    }
    return controllers + state.compute.hosts.map { ServiceRecord(binary: "nova-compute", host: $0) }
  }

  private static func serviceID(_ record: ServiceRecord) -> String {
    digestUUID("service \(record.binary)@\(record.host.name)")
  }

  /// A UUID's text from the digest of `text`: the same in every cloud.
  private static func digestUUID(_ text: String) -> String {
    let hex = Array(SHA224.hexDigest(text).prefix(32))
    return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(hex[$0]) }.joined(separator: "-")
  }

  /// `services.py` `_get_services_list` at 2.53 and later: the ID a UUID, the zone the
  /// host's; the services report every ten seconds.
  private static func serviceView(_ record: ServiceRecord, _ state: CloudState) -> JSON {
    let change = record.binary == "nova-compute" ? state.compute.serviceChanges[record.host.name] : nil
    let reported = state.clock.now - state.clock.now % 10_000_000
    var body: JSONObject = [
      "id": .string(serviceID(record)), "binary": .string(record.binary), "disabled_reason": .orNull(change?.disabledReason),
      "host": .string(record.host.name),
      "zone": .string(record.binary == "nova-compute" ? state.compute.zone(of: record.host) : "internal"),
      "status": (change?.disabled ?? false) ? "disabled" : "enabled",
      "state": (change?.forcedDown ?? false) ? "down" : "up", "updated_at": .string(VirtualClock.isoDatabase(reported)),
    ]
    if state.computeVersion >= Microversion(2, 11) { body["forced_down"] = .bool(change?.forcedDown ?? false) }
    return .object(body)
  }

  static func listServices(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = refused(call, "os-services:list") { return refusal }
    let found = services(state).filter { record in
      call.query("host").map { $0 == record.host.name } ?? true && call.query("binary").map { $0 == record.binary } ?? true
    }
    return .json(200, .object(["services": .array(found.map { serviceView($0, state) })]))
  }

  /// `PUT /os-services/{id}` (2.53): `status`, `disabled_reason`, `forced_down`, for a
  /// nova-compute service.
  static func updateService(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = refused(call, "os-services:update") { return refusal }
    let id = call.parameters["id"] ?? ""
    guard let record = services(state).first(where: { serviceID($0) == id }) else {
      return .fault(404, "Service \(id) could not be found.")
    }
    guard record.binary == "nova-compute" else {
      return .fault(400, "Updating a \(record.binary) service is not supported. Only nova-compute services can be updated.")
    }
    let body = call.request.body?.object ?? [:]
    var change = state.compute.serviceChanges[record.host.name] ?? ComputeState.ServiceChange()
    if let status = body["status"]?.string {
      change.disabled = status == "disabled"
      change.disabledReason = change.disabled ? body["disabled_reason"]?.string : nil
    }
    if case .bool(let down)? = body["forced_down"] { change.forcedDown = down }
    state.compute.serviceChanges[record.host.name] = change
    return .json(200, .object(["service": serviceView(record, state)]))
  }

  // MARK: Hypervisors

  /// `GET /os-hypervisors` and `/os-hypervisors/detail` (`hypervisors.py`): a QEMU hypervisor
  /// per host, `hypervisor_hostname_pattern` a substring (404 when nothing matches).
  static func listHypervisors(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let detail = call.request.path.hasSuffix("/detail")
    if let refusal = refused(call, detail ? "os-hypervisors:list-detail" : "os-hypervisors:list") { return refusal }
    var hosts = Array(state.compute.hosts.enumerated())
    if let pattern = call.query("hypervisor_hostname_pattern") {
      hosts = hosts.filter { $0.element.name.contains(pattern) }
      guard !hosts.isEmpty else { return .fault(404, "No hypervisor matching '\(pattern)' could be found.") }
    }
    let views = hosts.map { hypervisorView($0.offset, $0.element, detail: detail, state) }
    return .json(200, .object(["hypervisors": .array(views)]))
  }

  /// `GET /os-hypervisors/{id}`: the ID a UUID (400 for anything else, as from 2.53), the
  /// hypervisor in detail.
  static func showHypervisor(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = refused(call, "os-hypervisors:show") { return refusal }
    let id = call.parameters["id"] ?? ""
    guard UUIDText.isUUIDLike(id) else { return .fault(400, "Invalid uuid \(id)") }
    guard let (index, host) = state.compute.hosts.enumerated().first(where: { nodeID($0.element) == id }) else {
      return .fault(404, "Hypervisor with ID '\(id)' could not be found.")
    }
    return .json(200, .object(["hypervisor": hypervisorView(index, host, detail: true, state)]))
  }

  /// `GET /os-hypervisors/statistics`, until 2.87 (`compute_node_statistics`): the sums over
  /// the hosts whose compute service is enabled, and their count.
  static func hypervisorStatistics(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard state.computeVersion < Microversion(2, 88) else { return .fault(404, "The resource could not be found.") }
    if let refusal = refused(call, "os-hypervisors:statistics") { return refusal }
    let hosts = state.compute.hosts.filter { !(state.compute.serviceChanges[$0.name]?.disabled ?? false) }
    var sums = (count: 0, disk: 0, diskUsed: 0, memory: 0, memoryUsed: 0, running: 0, vcpus: 0, vcpusUsed: 0)
    for host in hosts {
      let used = state.compute.usage(of: host.name)
      sums.count += 1
      sums.disk += host.definition.disk
      sums.diskUsed += used.disk
      sums.memory += host.definition.memory
      sums.memoryUsed += used.memory
      sums.running += state.compute.servers.filter { $0.host == host.name && $0.vmState != "deleted" }.count
      sums.vcpus += host.definition.vcpus
      sums.vcpusUsed += used.vcpus
    }
    let statistics: JSONObject = [
      "count": .int(sums.count), "current_workload": 0, "disk_available_least": .int(sums.disk - sums.diskUsed),
      "free_disk_gb": .int(sums.disk - sums.diskUsed), "free_ram_mb": .int(sums.memory - sums.memoryUsed),
      "local_gb": .int(sums.disk), "local_gb_used": .int(sums.diskUsed), "memory_mb": .int(sums.memory),
      "memory_mb_used": .int(sums.memoryUsed), "running_vms": .int(sums.running), "vcpus": .int(sums.vcpus),
      "vcpus_used": .int(sums.vcpusUsed),
    ]
    return .json(200, .object(["hypervisor_statistics": .object(statistics)]))
  }

  /// `GET /os-hypervisors/{id}/uptime`, until 2.87: the hypervisor in brief with its host's
  /// `uptime` (from 2.88 the show carries it and this is gone).
  static func hypervisorUptime(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard state.computeVersion < Microversion(2, 88) else { return .fault(404, "The resource could not be found.") }
    if let refusal = refused(call, "os-hypervisors:uptime") { return refusal }
    let id = call.parameters["id"] ?? ""
    guard UUIDText.isUUIDLike(id) else { return .fault(400, "Invalid uuid \(id)") }
    guard let (index, host) = state.compute.hosts.enumerated().first(where: { nodeID($0.element) == id }) else {
      return .fault(404, "Hypervisor with ID '\(id)' could not be found.")
    }
    var view = hypervisorView(index, host, detail: false, state).object
    view.appendNew("uptime", .string(uptime(at: state.clock.now)))
    return .json(200, .object(["hypervisor": .object(view)]))
  }

  /// `_view_hypervisor`, key for key: the compute node's UUID, its state and status (its
  /// service's); in detail the type, version, address and service, then below 2.88 the
  /// resources and their use, from 2.88 the host's `uptime`.
  private static func hypervisorView(_ index: Int, _ host: ComputeState.Host, detail: Bool, _ state: CloudState) -> JSON {
    let record = ServiceRecord(binary: "nova-compute", host: host)
    let change = state.compute.serviceChanges[host.name]
    let version = state.computeVersion
    var body: JSONObject = [
      "id": .string(nodeID(host)), "hypervisor_hostname": .string(host.name),
      "state": (change?.forcedDown ?? false) ? "down" : "up",
      "status": (change?.disabled ?? false) ? "disabled" : "enabled",
    ]
    guard detail else { return .object(body) }
    body.appendNew("hypervisor_type", "QEMU")
    body.appendNew("hypervisor_version", 8_002_000)
    body.appendNew("host_ip", .string(ComputeState.hostIP(index)))
    body.appendNew(
      "service",
      .object([
        "id": .string(serviceID(record)), "host": .string(host.name), "disabled_reason": .orNull(change?.disabledReason),
      ]))
    if version < Microversion(2, 88) {
      let used = state.compute.usage(of: host.name)
      let running = state.compute.servers.filter { $0.host == host.name && $0.vmState != "deleted" }.count
      body.appendNew("vcpus", .int(host.definition.vcpus))
      body.appendNew("memory_mb", .int(host.definition.memory))
      body.appendNew("local_gb", .int(host.definition.disk))
      body.appendNew("vcpus_used", .int(used.vcpus))
      body.appendNew("memory_mb_used", .int(used.memory))
      body.appendNew("local_gb_used", .int(used.disk))
      body.appendNew("free_ram_mb", .int(host.definition.memory - used.memory))
      body.appendNew("free_disk_gb", .int(host.definition.disk - used.disk))
      body.appendNew("current_workload", 0)
      body.appendNew("running_vms", .int(running))
      body.appendNew("disk_available_least", .int(host.definition.disk - used.disk))
      let cpuInfo = cpuInfo(host)
      // From 2.28 the driver's JSON as an object, before it as the JSON text.
      body.appendNew("cpu_info", version >= Microversion(2, 28) ? cpuInfo : .string(cpuInfo.pythonCompact))
    } else {
      body.appendNew("uptime", .string(uptime(at: state.clock.now)))
    }
    return .object(body)
  }

  /// A compute node's UUID: the same for a host in every cloud (Nova's differs from its
  /// service's).
  private static func nodeID(_ host: ComputeState.Host) -> String {
    digestUUID("compute node " + host.name)
  }

  /// The libvirt driver's `cpu_info`: the host's processor, one socket a virtual CPU.
  private static func cpuInfo(_ host: ComputeState.Host) -> JSON {
    .object([
      "arch": "x86_64", "model": "Nehalem", "vendor": "Intel",
      "topology": .object(["cells": 1, "sockets": .int(host.definition.vcpus), "cores": 1, "threads": 1]),
      "features": .array([]),
    ])
  }

  /// When the hosts booted: 2025-04-20 09:17 UTC, two days and six hours before the cloud's
  /// clock starts.
  static let hostsBooted: Int64 = 1_745_140_620

  /// What the libvirt driver's `get_host_uptime` answers, `uptime` as procps prints it (with
  /// its newline): the time of day, how long the host has been up, one user signed in, a
  /// light load.
  static func uptime(at now: Int64) -> String {
    let seconds = now / 1_000_000
    let up = max(0, seconds - hostsBooted)
    let time = seconds % 86_400
    func padded(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
    var text = " \(padded(time / 3600)):\(padded(time / 60 % 60)):\(padded(time % 60)) up "
    let days = up / 86_400
    if days > 0 { text += "\(days) day\(days == 1 ? "" : "s"), " }
    let hours = up / 3600 % 24
    let minutes = up / 60 % 60
    text += hours > 0 ? (hours < 10 ? " " : "") + "\(hours):\(padded(minutes)), " : "\(minutes) min, "
    return text + " 1 user,  load average: 0.21, 0.18, 0.12\n"
  }
}
