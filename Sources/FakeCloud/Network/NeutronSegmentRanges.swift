import CloudAPI

/// The network segment range plugin's logic: ranges of one network type (and physical network,
/// for VLANs) that do not overlap, the configured (`default`) ones read-only, and what each
/// shows of the segments in it (`used`, `available`), worked out when it is read.
enum NeutronSegmentRanges {
  static let ranges = NeutronResource(
    table: NeutronTables.segmentRanges,
    visible: { _, caller, _ in caller.isAdmin },
    create: { state, fields, caller in
      guard caller.isAdmin else { return .failure(NeutronNetworks.policyFault("create_network_segment_range", nil)) }
      var record = fields
      let type = fields["network_type"]?.string ?? ""
      if type == "vlan" {
        guard let physicalNetwork = fields["physical_network"], physicalNetwork != .null else {
          return .failure(
            .badRequest("Bad network_segment_range request: Network type vlan requires 'physical_network' to be specified while creating new range."))
        }
      } else {
        record["physical_network"] = ""
      }
      if record["shared"] == .bool(true) { record["project_id"] = .null }
      if let fault = check(record, in: state) { return .failure(fault) }
      return .success(record)
    },
    update: { state, record, changes, _ in
      let id = record["id"]?.string ?? ""
      if record["default"] == .bool(true) { return .failure(readOnly(id)) }
      var updated = record
      for (key, value) in changes { updated[key] = value }
      let (minimum, maximum) = (updated["minimum"]?.integer ?? 0, updated["maximum"]?.integer ?? 0)
      let outside = segments(in: record, state).contains { segment in
        let id = segment["segmentation_id"]?.integer ?? 0
        return id < minimum || id > maximum
      }
      if outside { return .failure(referenced(id)) }
      if let fault = check(updated, in: state) { return .failure(fault) }
      return .success(updated)
    },
    delete: { state, range, _ in
      let id = range["id"]?.string ?? ""
      if range["default"] == .bool(true) { return readOnly(id) }
      if !segments(in: range, state).isEmpty { return referenced(id) }
      return nil
    },
    shown: { range, state, _ in withUsage(range, state) })

  private static func readOnly(_ id: String) -> ResourceFault {
    ResourceFault(
      status: 400, type: "NetworkSegmentRangeDefaultReadOnly",
      message: "Network Segment Range \(id) is a default segment range which could not be updated or deleted.")
  }

  private static func referenced(_ id: String) -> ResourceFault {
    .conflict("NetworkSegmentRangeReferencedByProject", "Network Segment Range \(id) is referenced by one or more project networks.")
  }

  /// The largest identifier of each tunnel type (`_TUNNEL_MAPPINGS`).
  private static let tunnelLimits = ["geneve": (1 << 24) - 1, "vxlan": (1 << 24) - 1, "gre": (1 << 32) - 1]

  /// `verify_vlan_range`/`verify_tunnel_range` (plain `NeutronException`s: the API answers 500),
  /// then `_validate_network_segment_range_overlap`.
  private static func check(_ range: JSONObject, in state: NetworkState) -> ResourceFault? {
    let type = range["network_type"]?.string ?? ""
    let (minimum, maximum) = (range["minimum"]?.integer ?? 0, range["maximum"]?.integer ?? 0)
    let limit = type == "vlan" ? 4094 : tunnelLimits[type] ?? Int.max
    for value in [minimum, maximum] where value < 1 || value > limit {
      return internalError
    }
    if maximum < minimum { return internalError }
    let overlapping = state[NeutronTables.segmentRanges].filter { other in
      other["default"] != .bool(true) && other["id"] != range["id"] && other["network_type"] == range["network_type"]
        && other["physical_network"] == range["physical_network"] && minimum <= (other["maximum"]?.integer ?? 0)
        && maximum >= (other["minimum"]?.integer ?? 0)
    }
    guard overlapping.isEmpty else {
      let ids = overlapping.compactMap { $0["id"]?.string }.joined(separator: ", ")
      return .conflict("NetworkSegmentRangeOverlaps", "Network segment range overlaps with range(s) with id \(ids)")
    }
    return nil
  }

  private static let internalError = ResourceFault(
    status: 500, type: "HTTPInternalServerError", message: "Request Failed: internal server error while processing your request.")

  /// The segments whose segmentation ID falls in the range.
  private static func segments(in range: JSONObject, _ state: NetworkState) -> [JSONObject] {
    let (minimum, maximum) = (range["minimum"]?.integer ?? 0, range["maximum"]?.integer ?? 0)
    return state[NeutronTables.segments].filter { segment in
      guard segment["network_type"] == range["network_type"], let id = segment["segmentation_id"]?.integer else { return false }
      if range["network_type"] == "vlan", segment["physical_network"] != range["physical_network"] { return false }
      return (minimum...max(minimum, maximum)).contains(id)
    }
  }

  /// `to_dict`'s `available` (the free IDs) and `used` (each ID in use, by the project of its
  /// network).
  @Sendable static func withUsage(_ range: JSONObject, _ state: NetworkState) -> JSONObject {
    var range = range
    let (minimum, maximum) = (range["minimum"]?.integer ?? 0, range["maximum"]?.integer ?? 0)
    var used = JSONObject()
    var taken: [Int] = []
    for segment in segments(in: range, state) {
      let id = segment["segmentation_id"]?.integer ?? 0
      taken.append(id)
      let network = state.record(NeutronTables.networks, segment["network_id"]?.string ?? "")
      used[String(id)] = network?["project_id"] ?? .null
    }
    range["used"] = .object(used)
    range["available"] = .array(free(from: minimum, to: maximum, taken: taken.sorted()))
    return range
  }

  /// The IDs of a range that are not taken, in order: a range may hold 65,536 IDs (Geneve's), and
  /// passing the few taken ones in order costs less than looking each ID up.
  private static func free(from minimum: Int, to maximum: Int, taken: [Int]) -> [JSON] {
    guard minimum <= maximum else { return [] }
    var free: [JSON] = []
    free.reserveCapacity(maximum - minimum + 1)
    var next = taken.startIndex
    for id in minimum...maximum {
      while next < taken.endIndex, taken[next] < id { next += 1 }
      if next < taken.endIndex, taken[next] == id { continue }
      free.append(.int(id))
    }
    return free
  }

  /// The range ML2's configuration gives a devstack with OVN: Geneve's `vni_ranges = 1:65536`.
  static func addDefaults(to state: inout NetworkState, time: JSON) {
    var ids = IDGenerator(seed: NeutronSegments.stableHash("network-segment-range:geneve"))
    state[NeutronTables.segmentRanges].append(
      NeutronTables.segmentRanges.complete([
        "id": .string(ids.uuid()), "name": "", "default": true, "shared": true, "project_id": .null, "network_type": "geneve",
        "physical_network": "", "minimum": 1, "maximum": 65536, "created_at": time, "updated_at": time,
      ]))
  }
}
