import CloudAPI

/// The segments plugin's logic: each network's segments (ML2 makes one from the provider
/// attributes a network is created with; `network segment create` adds more), the provider view
/// a network shows of them, and the subnets put on a segment (routed networks).
enum NeutronSegments {
  static let segments = NeutronResource(
    table: NeutronTables.segments,
    // Segments are an admin's (`get_segment`: `rule:admin_only`).
    visible: { _, caller, _ in caller.isAdmin },
    create: { state, fields, caller in
      guard caller.isAdmin else { return .failure(NeutronNetworks.policyFault("create_segment", nil)) }
      let networkID = fields["network_id"]?.string ?? ""
      guard state.record(NeutronTables.networks, networkID) != nil else {
        return .failure(NeutronTables.networks.notFound(networkID))
      }
      var record = fields
      switch reserve(type: fields["network_type"]?.string ?? "", physicalNetwork: fields["physical_network"]?.string,
        segmentationID: fields["segmentation_id"]?.integer, in: state)
      {
      case .success(let segmentationID): record["segmentation_id"] = segmentationID.map(JSON.int) ?? .null
      case .failure(let fault): return .failure(fault)
      }
      showProvider(of: networkID, in: &state, adding: record)
      return .success(record)
    },
    delete: { state, segment, _ in
      let id = segment["id"]?.string ?? ""
      let subnets = state[NeutronTables.subnets].filter { $0["segment_id"]?.string == id }.compactMap { $0["id"]?.string }
      if !subnets.isEmpty {
        return .conflict(
          "SegmentInUse",
          "Segment '\(id)' cannot be deleted: The segment is still associated with subnet(s) \(subnets.joined(separator: ", ")).")
      }
      state.delete(NeutronTables.segments, id)
      showProvider(of: segment["network_id"]?.string ?? "", in: &state)
      return nil
    },
    taggable: true)

  /// The type drivers' `validate_provider_segment` and `reserve_provider_segment`: what each
  /// network type needs, the segmentation ID checked against those in use (or the lowest free
  /// one given).
  static func reserve(type: String, physicalNetwork: String?, segmentationID: Int?, in state: NetworkState) -> Result<Int?, ResourceFault> {
    let taken = state[NeutronTables.segments].filter {
      $0["network_type"]?.string == type && (type != "vlan" || $0["physical_network"]?.string == physicalNetwork)
    }
    switch type {
    case "flat":
      guard let physicalNetwork else { return .failure(.invalidInput("physical_network required for flat provider network")) }
      if segmentationID != nil { return .failure(.invalidInput("segmentation_id specified for flat provider network")) }
      if state[NeutronTables.segments].contains(where: { $0["network_type"] == "flat" && $0["physical_network"]?.string == physicalNetwork }) {
        return .failure(.conflict("FlatNetworkInUse", "Unable to create the flat network. Physical network \(physicalNetwork) is in use."))
      }
      return .success(nil)
    case "local":
      return .success(nil)
    case "vlan":
      guard let physicalNetwork else { return .failure(.invalidInput("physical_network required for VLAN provider network")) }
      if let segmentationID, !(1...4094).contains(segmentationID) {
        return .failure(.invalidInput("segmentation_id out of range (1 through 4094)"))
      }
      if let segmentationID, taken.contains(where: { $0["segmentation_id"]?.integer == segmentationID }) {
        return .failure(
          .conflict(
            "VlanIdInUse",
            "Unable to create the network. The VLAN \(segmentationID) on physical network \(physicalNetwork) is in use."))
      }
      return .success(segmentationID ?? lowestFree(taken, in: 1...4094))
    case "geneve", "vxlan", "gre":
      if physicalNetwork != nil { return .failure(.invalidInput("provider:physical_network specified for \(type) network")) }
      if let segmentationID, taken.contains(where: { $0["segmentation_id"]?.integer == segmentationID }) {
        return .failure(.conflict("TunnelIdInUse", "Unable to create the network. The tunnel ID \(segmentationID) is in use."))
      }
      return .success(segmentationID ?? lowestFree(taken, in: 1...65535))
    default:
      return .failure(.invalidInput("network_type value '\(type)' not supported"))
    }
  }

  private static func lowestFree(_ segments: [JSONObject], in range: ClosedRange<Int>) -> Int? {
    let used = Set(segments.compactMap { $0["segmentation_id"]?.integer })
    return range.first { !used.contains($0) }
  }

  /// The segment ML2 makes of a new network's provider attributes. Its ID comes from the
  /// network's, not from Neutron's stream: a segment more changes no other ID.
  static func addSegment(of network: JSONObject, to state: inout NetworkState) {
    let networkID = network["id"]?.string ?? ""
    var ids = IDGenerator(seed: stableHash("segment:" + networkID))
    state[NeutronTables.segments].append(
      NeutronTables.segments.complete([
        "id": .string(ids.uuid()), "network_id": .string(networkID), "description": "",
        "physical_network": network["provider:physical_network"] ?? .null,
        "network_type": network["provider:network_type"] ?? .null,
        "segmentation_id": network["provider:segmentation_id"] ?? .null,
        "created_at": network["created_at"] ?? .null, "updated_at": network["updated_at"] ?? .null, "revision_number": 0,
      ]))
  }

  /// `extend_network_with_provider_segments`: one segment shows as the network's provider
  /// attributes, several as its `segments` (the provider attributes left out).
  static func showProvider(of networkID: String, in state: inout NetworkState, adding new: JSONObject? = nil) {
    guard var network = state.record(NeutronTables.networks, networkID) else { return }
    let segments = state[NeutronTables.segments].filter { $0["network_id"]?.string == networkID } + (new.map { [$0] } ?? [])
    let keys = ["provider:network_type", "provider:physical_network", "provider:segmentation_id"]
    let fields = ["network_type", "physical_network", "segmentation_id"]
    if segments.count > 1 {
      for key in keys { network[key] = nil }
      network["segments"] = .array(
        segments.map { segment in .object(JSONObject(uniqueKeysWithValues: zip(keys, fields).map { ($0, segment[$1] ?? .null) })) })
    } else {
      network["segments"] = nil
      for (key, field) in zip(keys, fields) { network[key] = segments.first?[field] ?? .null }
    }
    state.update(NeutronTables.networks, network)
  }

  /// `_validate_segment` for a subnet put on a segment (or added beside subnets that are):
  /// all of a network's subnets on segments or none, the segment on the subnet's network.
  static func checkSubnet(_ subnet: JSONObject, in state: NetworkState, updating old: JSONObject? = nil) -> ResourceFault? {
    let networkID = subnet["network_id"]?.string ?? ""
    let segmentID = subnet["segment_id"]?.string
    let others = state[NeutronTables.subnets].filter { $0["network_id"]?.string == networkID && $0["id"] != subnet["id"] }
    if let old {
      if old["segment_id"]?.string != segmentID {
        if others.count > 0 {
          return .badRequest(
            "All of the subnets on network '\(networkID)' must either all be associated with segments or all not associated with any segment.")
        }
        if old["segment_id"]?.string != nil {
          return .badRequest("A subnet that is already associated with a segment cannot have its segment association changed.")
        }
        if state[NeutronTables.segments].filter({ $0["network_id"]?.string == networkID }).count > 1 {
          return .badRequest(
            "The network '\(networkID)' has multiple segments, it is only possible to associate an existing subnet with a segment on networks with a single segment.")
        }
      }
    } else if others.contains(where: { ($0["segment_id"]?.string == nil) != (segmentID == nil) }) {
      return .badRequest(
        "All of the subnets on network '\(networkID)' must either all be associated with segments or all not associated with any segment.")
    }
    guard let segmentID else { return nil }
    guard let segment = state.record(NeutronTables.segments, segmentID) else {
      return ResourceFault(status: 404, type: "SegmentNotFound", message: "Segment \(segmentID) could not be found.")
    }
    if segment["network_id"]?.string != networkID {
      return .badRequest("The subnet's network id, '\(networkID)', doesn't match the network_id of segment '\(segmentID)'")
    }
    return nil
  }

  /// FNV-1a: the same number for the same text on every run (Swift's `Hasher` is seeded anew).
  static func stableHash(_ text: String) -> UInt64 {
    text.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
  }
}
