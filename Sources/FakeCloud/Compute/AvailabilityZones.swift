import CloudAPI

/// The availability zones the services report: Nova's `os-availability-zone` (`index` for
/// everyone, `detail` for admins, with the `internal` zone of the conductor and scheduler and
/// each host's services), Cinder's zones of its back ends, Neutron's (none: OVN's chassis name
/// no zone unless configured to).
extension ComputeService {
  /// `get_availability_zones`: the zones of enabled services, in the services' order, then
  /// those whose every service is disabled.
  private static func zones(_ state: CloudState) -> (available: [String], unavailable: [String]) {
    let compute = state.compute
    var available = compute.hosts.isEmpty ? [] : ["internal"]
    var unavailable: [String] = []
    for host in compute.hosts where !(compute.serviceChanges[host.name]?.disabled ?? false) {
      let zone = compute.zone(of: host)
      if !available.contains(zone) { available.append(zone) }
    }
    for host in compute.hosts where compute.serviceChanges[host.name]?.disabled ?? false {
      let zone = compute.zone(of: host)
      if !available.contains(zone), !unavailable.contains(zone) { unavailable.append(zone) }
    }
    return (available, unavailable)
  }

  static func listZones(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let (available, unavailable) = zones(state)
    let items = available.filter { $0 != "internal" }.map { zoneView($0, available: true, hosts: .null) }
      + unavailable.map { zoneView($0, available: false, hosts: .null) }
    return .json(200, .object(["availabilityZoneInfo": .array(items)]))
  }

  /// `_describe_availability_zones_verbose`: each available zone's hosts and their enabled
  /// services, up, reporting every ten seconds.
  static func listZonesInDetail(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard call.caller?.isAdmin ?? false else {
      return .fault(403, "Policy doesn't allow os_compute_api:os-availability-zone:detail to be performed.")
    }
    let compute = state.compute
    let (available, unavailable) = zones(state)
    let reported = JSON.string(VirtualClock.isoDatabase(state.clock.now - state.clock.now % 10_000_000))
    func service(_ up: Bool) -> JSON { .object(["available": .bool(up), "active": true, "updated_at": reported]) }
    var items: [JSON] = []
    for zone in available {
      var hosts: JSONObject = [:]
      if zone == "internal", let controller = compute.hosts.first {
        hosts[controller.name] = .object(["nova-conductor": service(true), "nova-scheduler": service(true)])
      }
      for host in compute.hosts where compute.zone(of: host) == zone {
        let change = compute.serviceChanges[host.name]
        guard !(change?.disabled ?? false) else { continue }
        hosts[host.name] = .object(["nova-compute": service(!(change?.forcedDown ?? false))])
      }
      items.append(zoneView(zone, available: true, hosts: .object(hosts)))
    }
    items += unavailable.map { zoneView($0, available: false, hosts: .null) }
    return .json(200, .object(["availabilityZoneInfo": .array(items)]))
  }

  private static func zoneView(_ name: String, available: Bool, hosts: JSON) -> JSON {
    .object(["zoneName": .string(name), "zoneState": .object(["available": .bool(available)]), "hosts": hosts])
  }

  /// Cinder's `GET /v3/{project}/os-availability-zone`: its back ends' zones, available.
  static func listVolumeZones(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let items = state.blockStorage.availabilityZones.map { zone -> JSON in
      .object(["zoneName": .string(zone), "zoneState": .object(["available": true])])
    }
    return .json(200, .object(["availabilityZoneInfo": .array(items)]))
  }

  /// Neutron's `GET /v2.0/availability_zones`: OVN's gateway chassis configure none.
  static func listNetworkZones(_ state: inout CloudState, _ call: Call) -> APIResponse {
    .json(200, .object(["availability_zones": .array([])]))
  }
}
