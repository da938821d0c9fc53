import CloudAPI

/// The JSON Nova's `views/servers.py` builds for a server, key for key in its order, at a
/// microversion, for a caller (admins see the `OS-EXT-SRV-ATTR:*` keys and `host_status`).
struct ServerView {
  var version: Microversion
  var isAdmin: Bool

  /// `hostId`, the digest of the project and the host: the same few in every view.
  private static let hostIDs = DigestMemo(limit: 256)

  /// Where the API's links point: the fake cloud has no host name of its own.
  static let endpoint = "http://devstack/compute"

  /// `show()`; `detail` for an item of `/servers/detail` (no `server_groups`, `host_status` and
  /// `security_groups` last).
  /// The state is borrowed, not kept: a copy of the whole cloud's had cost more than a view's
  /// links and addresses together.
  func view(_ server: ComputeState.Server, detail: Bool, in state: borrowing CloudState) -> JSON {
    let flavor = state.compute.embeddedFlavor(server.flavorID)?.definition
    let hostname = server.request.hostname ?? Self.hostname(server.name)
    // Derived from the VM and task states, by comparing strings: once.
    let status = server.status
    var body: JSONObject = [
      "accessIPv4": "", "accessIPv6": "",
      "addresses": server.vmState == "building" ? .object([:]) : Self.addresses(server.addresses),
      "created": .string(VirtualClock.isoZulu(server.created)),
      "flavor": flavorView(flavor),
      "hostId": .string(server.host.map { Self.hostIDs.text(for: server.projectID + $0, making: SHA224.hexDigest) } ?? ""),
      "id": .string(server.id),
      // A server booted from a volume has no image: an empty string.
      "image": server.imageID.isEmpty
        ? ""
        : .object(["id": .string(server.imageID), "links": Self.links("images", server.imageID, bookmarkOnly: true)]),
      "links": Self.links("servers", server.id, bookmarkOnly: false),
      "metadata": .object(server.metadata), "name": .string(server.name), "status": .string(status),
      "tenant_id": .string(server.projectID), "user_id": .string(server.userID),
      "updated": .string(VirtualClock.isoZulu(server.updated)), "OS-DCF:diskConfig": "MANUAL",
    ]
    // Room for every field the view can have (some fifty, at the latest microversion): grown as
    // it fills, the literal's seventeen would be moved twice.
    body.reserveCapacity(52)
    if status == "ERROR" || status == "DELETED", let fault = server.fault {
      var fields: JSONObject = [
        "code": .int(fault.code), "created": .string(VirtualClock.isoZulu(fault.created)),
        "message": .string(fault.message),
      ]
      // `_get_fault`: the details, if any, for admins, or for faults that are not the server's own.
      if !fault.details.isEmpty, isAdmin || fault.code != 500 { fields["details"] = .string(fault.details) }
      body.appendNew("fault", .object(fields))
    }
    if ["ACTIVE", "BUILD", "REBUILD", "RESIZE", "VERIFY_RESIZE", "MIGRATING"].contains(status) {
      body.appendNew("progress", 0)
    }
    body.appendNew("OS-EXT-AZ:availability_zone", .string(server.availabilityZone ?? ""))
    body.appendNew("config_drive", server.request.configDrive ? "True" : "")
    body.appendNew("key_name", .orNull(server.request.keyName))
    body.appendNew("OS-SRV-USG:launched_at", server.launched.map { .string(VirtualClock.isoDatabase($0)) } ?? .null)
    body.appendNew("OS-SRV-USG:terminated_at", .null)
    // A server with no security group shows none (`_add_security_grps`).
    let securityGroups = ServerPorts.securityGroups(of: server, in: state.network)
    if !detail, let securityGroups { body.appendNew("security_groups", securityGroups) }
    if isAdmin {
      body.appendNew("OS-EXT-SRV-ATTR:host", .orNull(server.host))
      body.appendNew("OS-EXT-SRV-ATTR:instance_name", .string(server.instanceName))
      body.appendNew("OS-EXT-SRV-ATTR:hypervisor_hostname", .orNull(server.host))
      if version >= Microversion(2, 3) {
        body.appendNew("OS-EXT-SRV-ATTR:hostname", .string(hostname))
        body.appendNew("OS-EXT-SRV-ATTR:kernel_id", "")
        body.appendNew("OS-EXT-SRV-ATTR:launch_index", .int(server.request.launchIndex))
        body.appendNew("OS-EXT-SRV-ATTR:ramdisk_id", "")
        body.appendNew("OS-EXT-SRV-ATTR:reservation_id", .string(server.reservationID))
        body.appendNew("OS-EXT-SRV-ATTR:root_device_name", "/dev/vda")
        body.appendNew("OS-EXT-SRV-ATTR:user_data", .null)
      }
    }
    body.appendNew("OS-EXT-STS:task_state", .orNull(server.taskState))
    body.appendNew("OS-EXT-STS:vm_state", .string(server.vmState))
    body.appendNew("OS-EXT-STS:power_state", .int(server.powerState))
    body.appendNew("os-extended-volumes:volumes_attached", VolumeAttachmentAPI.volumesAttached(state, serverID: server.id, version: version))
    if version >= Microversion(2, 9) { body.appendNew("locked", .bool(server.locked)) }
    if version >= Microversion(2, 16), isAdmin, !detail { body.appendNew("host_status", server.host == nil ? "" : "UP") }
    if version >= Microversion(2, 19) { body.appendNew("description", .orNull(server.description)) }
    if version >= Microversion(2, 26) { body.appendNew("tags", .array(server.tags.map(JSON.string))) }
    if version >= Microversion(2, 63) { body.appendNew("trusted_image_certificates", .null) }
    if version >= Microversion(2, 71), !detail {
      body.appendNew("server_groups", .array(state.compute.serverGroups.filter { $0.members.contains(server.id) }.map { .string($0.id) }))
    }
    if version >= Microversion(2, 73) { body.appendNew("locked_reason", .orNull(server.lockedReason)) }
    if version >= Microversion(2, 90), !isAdmin { body.appendNew("OS-EXT-SRV-ATTR:hostname", .string(hostname)) }
    if version >= Microversion(2, 96) { body.appendNew("pinned_availability_zone", .orNull(server.request.zone)) }
    if version >= Microversion(2, 100) { body.appendNew("scheduler_hints", .object(server.request.hints)) }
    if detail {
      if version >= Microversion(2, 16), isAdmin { body.appendNew("host_status", server.host == nil ? "" : "UP") }
      if let securityGroups { body.appendNew("security_groups", securityGroups) }
    }
    return .object(body)
  }

  /// Nova's `sanitize_hostname` of the display name: cut to 63 characters, spaces,
  /// underscores and dots made dashes, only letters, digits and dashes kept, lower case, no
  /// leading or trailing dash.
  static func hostname(_ name: String) -> String {
    // An ASCII name by bytes: a server's every view names its host, and walking characters with
    // their Unicode properties had cost more than the rest of the names in the view (without a
    // carriage return, which with a line feed is one character of the 63).
    if name.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
      var bytes: [UInt8] = []
      bytes.reserveCapacity(min(name.utf8.count, 63))
      for byte in name.utf8.prefix(63) {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"): bytes.append(UInt8(ascii: "-"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
        default: break
        }
      }
      let start = bytes.firstIndex { $0 != UInt8(ascii: "-") } ?? bytes.endIndex
      let end = (bytes.lastIndex { $0 != UInt8(ascii: "-") } ?? -1) + 1
      return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
    var text = ""
    for character in name.prefix(63) {
      if character == " " || character == "_" || character == "." {
        text.append("-")
      } else if character.isLetter || character.isNumber || character == "-" {
        text.append(character)
      }
    }
    var trimmed = Substring(text.lowercased())
    while trimmed.first == "-" { trimmed = trimmed.dropFirst() }
    while trimmed.last == "-" { trimmed = trimmed.dropLast() }
    return String(trimmed)
  }

  /// Below 2.47 a link to the flavor; from 2.47 the flavor itself, with its extra specs.
  private func flavorView(_ flavor: CloudDefinition.Flavor?) -> JSON {
    guard let flavor else { return .object([:]) }
    guard version >= Microversion(2, 47) else {
      return .object(["id": .string(flavor.id), "links": Self.links("flavors", flavor.id, bookmarkOnly: true)])
    }
    return .object([
      "vcpus": .int(flavor.vcpus), "ram": .int(flavor.ram), "disk": .int(flavor.disk),
      "ephemeral": .int(flavor.ephemeral), "swap": .int(flavor.swap), "original_name": .string(flavor.name),
      "extra_specs": .object(JSONObject(uniqueKeysWithValues: flavor.extraSpecs.map { ($0, JSON.string($1)) })),
    ])
  }

  /// `{"private": [{"version": 4, "addr": ..., "OS-EXT-IPS:type": "fixed", "OS-EXT-IPS-MAC:mac_addr": ...}]}`
  /// (`floating` for a floating IP).
  static func addresses(_ addresses: [ComputeState.Address]) -> JSON {
    var networks: JSONObject = [:]
    for address in addresses {
      let entry: JSON = .object([
        "version": .int(address.version), "addr": .string(address.address), "OS-EXT-IPS:type": .string(address.type),
        "OS-EXT-IPS-MAC:mac_addr": .string(address.mac),
      ])
      networks[address.network] = .array((networks[address.network]?.array ?? []) + [entry])
    }
    return .object(networks)
  }

  /// Each URL written into one string of its size, not joined piece by piece: every flavor,
  /// server and image of a list takes two.
  static func links(_ collection: String, _ id: String, bookmarkOnly: Bool) -> JSON {
    func url(version: String) -> JSON { .string(String(concatenating: endpoint, version, "/", collection, "/", id)) }
    let bookmark: JSON = .object(["rel": "bookmark", "href": url(version: "")])
    if bookmarkOnly { return .array([bookmark]) }
    return .array([.object(["rel": "self", "href": url(version: "/v2.1")]), bookmark])
  }
}
