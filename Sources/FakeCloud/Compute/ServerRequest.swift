import CloudAPI

/// What a `POST /servers` asked for besides its image and flavor, as Nova keeps it in the
/// instance and its request spec; the scheduler reads the zone, the forced host, the hints and
/// the group.
struct ServerRequest {
  var keyName: String? = nil
  /// The security groups' names, as Neutron has them.
  var securityGroups: [String] = ["default"]
  var zone: String? = nil
  /// `zone:host`, an admin's way past the scheduler's filters.
  var forcedHost: String? = nil
  /// `os:scheduler_hints` as given (shown at 2.100).
  var hints: JSONObject = [:]
  var groupID: String? = nil
  var configDrive = false
  var hostname: String? = nil
  var launchIndex = 0
  /// The NICs: networks to make a port on (with the fixed IP asked for, if any) and Neutron
  /// ports to bind, in the order asked.
  var nics: [ServerPorts.Request] = []
  /// `block_device_mapping_v2` as checked: the boot disk and the volumes, swap and ephemeral
  /// disks it asks for.
  var blockDevices: [BlockDevice] = []
}

/// `POST /servers` as `servers.py` `create` and `compute/api.py` check it, in their order: the
/// body, the flavor, the boot source, the key pair, the zone, the security groups, the networks
/// and ports, the server group. A fault is Nova's status and message.
struct ServerCreation {
  var name: String
  var flavorID: String
  var imageID: String
  var request = ServerRequest()
  var metadata: JSONObject = [:]
  var description: String? = nil
  var tags: [String] = []
  var count = 1

  /// `body` is the request's `server`; `hints` its top-level `os:scheduler_hints` (or
  /// `OS-SCH-HNT:scheduler_hints`, as openstacksdk sends them).
  static func read(_ body: JSONObject, hints: JSON?, caller: Caller, state: CloudState) -> Result<ServerCreation, FaultResponse> {
    func bad(_ message: String) -> Result<ServerCreation, FaultResponse> { .failure(FaultResponse(.fault(400, message))) }
    guard let name = body["name"]?.string, !name.isEmpty else {
      return bad("Invalid input for field/attribute server. Value: None. 'name' is a required property")
    }
    // The schema's `ip_address` for a network's `fixed_ip`: one of the formats `ipv4` and `ipv6`.
    for entry in body["networks"]?.array ?? [] {
      if let fixed = entry["fixed_ip"]?.string, IPValue(fixed) == nil {
        return bad("Invalid input for field/attribute fixed_ip. Value: \(fixed). '\(fixed)' is not valid under any of the given schemas")
      }
    }
    let flavorRef = body["flavorRef"]?.string ?? ""
    guard state.compute.flavor(flavorRef) != nil else { return bad("Flavor \(flavorRef) could not be found.") }
    var creation = ServerCreation(name: name, flavorID: flavorRef, imageID: body["imageRef"]?.string ?? "")
    let mappings = body["block_device_mapping_v2"]?.array ?? []
    let root = mappings.first { $0["boot_index"]?.integer == 0 }
    if !creation.imageID.isEmpty || root?["source_type"]?.string == "image" && root?["destination_type"]?.string == "local" {
      if creation.imageID.isEmpty { creation.imageID = root?["uuid"]?.string ?? "" }
      guard let image = state.images.images.first(where: { $0.id == creation.imageID }) else {
        return bad("Image \(creation.imageID) could not be found.")
      }
      // `_validate_flavor_image`: a queued or deactivated image boots nothing.
      guard image.status == "active" else { return bad("Image \(creation.imageID) is not active.") }
    }
    if let flavor = state.compute.flavor(flavorRef)?.definition {
      let imageRef = body["imageRef"]?.string ?? ""
      switch BlockDeviceMappings.read(mappings, imageRef: imageRef, flavor: flavor, caller: caller, state: state) {
      case .failure(let fault): return .failure(fault)
      case .success(let devices): creation.request.blockDevices = devices
      }
    }
    let minimum = body["min_count"]?.integer ?? 1
    creation.count = max(minimum, body["max_count"]?.integer ?? minimum)
    if let key = body["key_name"]?.string {
      guard state.compute.keypairs.contains(where: { $0.name == key && $0.userID == caller.userID }) else {
        return bad("Invalid key_name provided.")
      }
      creation.request.keyName = key
    }
    if let zone = body["availability_zone"]?.string {
      let parts = zone.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
      if parts.count > 1, !parts[1].isEmpty {
        guard caller.isAdmin else {
          return .failure(FaultResponse(.fault(403, "Policy doesn't allow os_compute_api:servers:create:forced_host to be performed.")))
        }
        guard state.compute.hosts.contains(where: { $0.name == parts[1] }) else {
          return bad("Compute host \(parts[1]) could not be found.")
        }
        creation.request.forcedHost = parts[1]
      } else {
        let zones = Set(state.compute.hosts.map { state.compute.zone(of: $0) })
        guard zones.contains(parts[0]) else { return bad("The requested availability zone is not available") }
      }
      creation.request.zone = parts[0].isEmpty ? nil : parts[0]
    }
    if let groups = body["security_groups"]?.array {
      var names: [String] = []
      for group in groups {
        let wanted = group["name"]?.string ?? ""
        guard
          let found = state.network[NeutronTables.securityGroups].first(where: {
            ($0["id"]?.string == wanted || $0["name"]?.string == wanted)
              && (caller.isAdmin || $0["tenant_id"]?.string == caller.projectID)
          })
        else { return bad("Security group \(wanted) not found.") }
        names.append(found["name"]?.string ?? wanted)
      }
      creation.request.securityGroups = names
    }
    switch readNetworks(body["networks"], caller: caller, state: state) {
    case .failure(let fault): return .failure(fault)
    case .success(let nics): creation.request.nics = nics
    }
    if case .object(let hints)? = hints {
      creation.request.hints = hints
      // The schema: `group` and `different_host` one UUID or a list of them (`oneOf`).
      for key in ["group", "different_host"] {
        guard let value = hints[key] else { continue }
        let items = value.string.map { [$0] } ?? value.array.map { $0.string ?? "" }
        if value.string == nil && value.array.isEmpty || !items.allSatisfy(isUUID) {
          return bad(
            "Invalid input for field/attribute \(key). Value: \(PythonValue.str(value)). \(PythonValue.repr(value)) is not valid under any of the given schemas")
        }
      }
      if let group = hints["group"]?.string {
        guard state.compute.serverGroups.contains(where: { $0.id == group }) else {
          return bad("Instance group \(group) could not be found.")
        }
        creation.request.groupID = group
      }
    }
    creation.request.configDrive = body["config_drive"]?.isTruthyBool ?? false
    creation.request.hostname = body["hostname"]?.string
    creation.metadata = body["metadata"]?.object ?? [:]
    creation.description = body["description"]?.string
    creation.tags = body["tags"]?.array.compactMap(\.string) ?? []
    return .success(creation)
  }

  /// oslo's `is_uuid_like`: 32 hexadecimal digits, dashes anywhere.
  private static func isUUID(_ text: String) -> Bool {
    let digits = text.replacingEvery("-", with: "")
    return digits.count == 32 && digits.allSatisfy(\.isHexDigit)
  }

  /// `networks`: `auto` (or none given before 2.37) takes the project's one network, `none`
  /// none; a list names networks (with a fixed IP) and ports.
  private static func readNetworks(_ value: JSON?, caller: Caller, state: CloudState)
    -> Result<[ServerPorts.Request], FaultResponse>
  {
    if value?.string == "none" { return .success([]) }
    let requested = value?.array ?? []
    if requested.isEmpty {
      let own = state.network.networks.filter { $0.projectID == caller.projectID && !$0.external }
      guard !own.isEmpty else {
        return .failure(FaultResponse(.fault(409, "Multiple possible networks found, use a Network ID to be more specific.")))
      }
      return .success(own.map { .network(id: $0.id, fixedIP: nil) })
    }
    var nics: [ServerPorts.Request] = []
    for entry in requested {
      if let portID = entry["port"]?.string {
        guard let port = state.network.record(NeutronTables.ports, portID) else {
          return .failure(FaultResponse(.fault(400, "Port id \(portID) could not be found.")))
        }
        guard port["device_id"]?.string?.isEmpty ?? true else {
          return .failure(FaultResponse(.fault(409, "Port \(portID) is still in use.")))
        }
        nics.append(.port(id: portID))
      } else if let networkID = entry["uuid"]?.string {
        guard state.network.networks.contains(where: { $0.id == networkID }) else {
          return .failure(FaultResponse(.fault(400, "Network \(networkID) could not be found.")))
        }
        nics.append(.network(id: networkID, fixedIP: entry["fixed_ip"]?.string))
      }
    }
    return .success(nics)
  }
}

extension VirtualClock {
  /// `2025-04-22T16:00:00Z`, `2025-04-22T16:00:00.5+02:00` or `2025-04-22 16:00:00` (UTC when no
  /// offset is given), as microseconds; `nil` for anything else.
  static func parseISO(_ text: String) -> Int64? {
    let bytes = Array(text.utf8)
    func number(_ range: Range<Int>) -> Int? {
      guard range.upperBound <= bytes.count else { return nil }
      var value = 0
      for byte in bytes[range] {
        guard (48...57).contains(byte) else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      return value
    }
    guard bytes.count >= 19, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "), bytes[13] == UInt8(ascii: ":"),
      bytes[16] == UInt8(ascii: ":"), let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
      (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60
    else { return nil }
    var index = 19
    var fraction: Int64 = 0
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      var digits = 0
      while index < bytes.count, (48...57).contains(bytes[index]) {
        if digits < 6 { fraction = fraction * 10 + Int64(bytes[index] - 48) }
        digits += 1
        index += 1
      }
      guard digits > 0 else { return nil }
      if digits < 6 { for _ in digits..<6 { fraction *= 10 } }
    }
    var offset = 0
    if index < bytes.count {
      if bytes[index] == UInt8(ascii: "Z"), index + 1 == bytes.count {
        offset = 0
      } else if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"), index + 6 == bytes.count,
        bytes[index + 3] == UInt8(ascii: ":"), let hours = number((index + 1)..<(index + 3)),
        let minutes = number((index + 4)..<(index + 6))
      {
        offset = (hours * 60 + minutes) * 60 * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
      } else {
        return nil
      }
    }
    let days = CivilTime.days(year: year, month: month, day: day)
    let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offset)
    return seconds * 1_000_000 + fraction
  }
}
