import CloudAPI

/// The trunk plugin's logic (`neutron/services/trunk`): a parent port no other trunk uses, and
/// subports each tagged with a VLAN the trunk does not use yet; subports added and removed
/// through the trunk's own actions.
enum NeutronTrunks {
  static let trunks = NeutronResource(
    table: NeutronTables.trunks,
    create: { state, fields, caller in
      var record = fields
      let portID = fields["port_id"]?.string ?? ""
      guard let port = state.record(NeutronTables.ports, portID), NeutronPorts.ports.visible(port, caller, state) else {
        return .failure(NeutronTables.ports.notFound(portID))
      }
      if let fault = checkUnused(portID, in: state) { return .failure(fault) }
      let trunkID = fields["id"]?.string ?? ""
      switch checkSubports(fields["sub_ports"], parent: portID, trunk: [:], in: state, caller: caller) {
      case .success(let subports): record["sub_ports"] = .array(subports.map(JSON.object))
      case .failure(let fault): return .failure(fault)
      }
      record["status"] = "DOWN"
      mark(record["sub_ports"], trunkID: trunkID, in: &state)
      return .success(record)
    },
    delete: { state, trunk, _ in
      mark(trunk["sub_ports"], trunkID: nil, in: &state)
      return nil
    })

  /// The error for a port another trunk uses: as a subport (`TrunkPortInUse`) or as its parent
  /// (`ParentPortInUse`).
  private static func checkUnused(_ portID: String, in state: NetworkState) -> ResourceFault? {
    let trunks = state[NeutronTables.trunks]
    if trunks.contains(where: { trunk in (trunk["sub_ports"]?.array ?? []).contains { $0["port_id"]?.string == portID } }) {
      return .conflict("TrunkPortInUse", "Port \(portID) is in use by another trunk.")
    }
    if trunks.contains(where: { $0["port_id"]?.string == portID }) {
      return .conflict("ParentPortInUse", "Port \(portID) is currently in use and is not eligible for use as a parent port.")
    }
    return nil
  }

  /// `validate_subports` and `SubPortsValidator`: each subport a port of its own, not the
  /// parent, with a VLAN in range that the trunk does not use yet, not in use elsewhere.
  private static func checkSubports(
    _ given: JSON?, parent: String, trunk: JSONObject, in state: NetworkState, caller: Caller
  ) -> Result<[JSONObject], ResourceFault> {
    guard case .array(let items)? = given else {
      return .failure(.invalidInput("Invalid data format for subports: '\(PythonValue.str(given ?? .null))' is not a list"))
    }
    var used = Set((trunk["sub_ports"]?.array ?? []).map { "\($0["segmentation_type"]?.string ?? "")/\($0["segmentation_id"]?.integer ?? 0)" })
    var seen = Set<String>()
    var subports: [JSONObject] = []
    for item in items {
      guard case .object(let subport) = item else {
        return .failure(.invalidInput("Invalid data format for subport: '\(PythonValue.str(item))' is not a dict"))
      }
      guard let portID = subport["port_id"]?.string else { return .failure(.invalidInput("A valid port UUID must be specified")) }
      guard NeutronValidators.isUUID(portID) else { return .failure(.invalidInput("Invalid UUID for subport: '\(portID)'")) }
      guard seen.insert(portID).inserted else { return .failure(.invalidInput("Non unique UUID for subport: '\(portID)'")) }
      if portID == parent {
        return .failure(.conflict("ParentPortInUse", "Port \(portID) is currently in use and is not eligible for use as a parent port."))
      }
      guard let type = subport["segmentation_type"]?.string, let segmentationID = subport["segmentation_id"]?.integer else {
        return .failure(
          .invalidInput(
            "Invalid subport details '\(PythonValue.str(item))': missing segmentation information. Must specify both segmentation_id and segmentation_type"))
      }
      guard type == "vlan" else { return .failure(.invalidInput("Unknown segmentation_type '\(type)'")) }
      guard (1...4094).contains(segmentationID) else { return .failure(.invalidInput("Segmentation ID '\(segmentationID)' is not in range")) }
      guard used.insert("\(type)/\(segmentationID)").inserted else {
        return .failure(
          .conflict(
            "DuplicateSubPort",
            "segmentation_type \(type) and segmentation_id \(segmentationID) already in use on trunk \(trunk["id"]?.string ?? "")."))
      }
      guard let port = state.record(NeutronTables.ports, portID), NeutronPorts.ports.visible(port, caller, state) else {
        return .failure(NeutronTables.ports.notFound(portID))
      }
      if let fault = checkUnused(portID, in: state) { return .failure(fault) }
      if let device = port["device_id"]?.string, !device.isEmpty {
        return .failure(
          .conflict(
            "PortInUse",
            "Unable to complete operation on port \(portID) for network \(port["network_id"]?.string ?? ""). Port already has an attached device \(device)."
          ))
      }
      subports.append(["segmentation_id": .int(segmentationID), "segmentation_type": .string(type), "port_id": .string(portID)])
    }
    return .success(subports)
  }

  /// A subport belongs to the trunk (`device_owner` `trunk:subport`) and is let go after.
  private static func mark(_ subports: JSON?, trunkID: String?, in state: inout NetworkState) {
    for subport in subports?.array ?? [] {
      guard var port = state.record(NeutronTables.ports, subport["port_id"]?.string ?? "") else { continue }
      port["device_owner"] = .string(trunkID == nil ? "" : "trunk:subport")
      port["device_id"] = .string(trunkID ?? "")
      state.touch(&port)
      state.update(NeutronTables.ports, port)
    }
  }

  /// `PUT /v2.0/trunks/{id}/add_subports` and `.../remove_subports` (`{"sub_ports": [...]}`): the
  /// trunk with its new subports. A disabled trunk is not changed.
  static func changeSubports(adding: Bool) -> Router<CloudState>.Handler {
    { state, call in
      guard let caller = call.caller else { return .unauthenticated() }
      guard case .success(var trunk) = NetworkService.visibleRecord(trunks, state, call) else {
        return ResourceTable.response(NeutronTables.trunks.notFound(call.parameters["id"] ?? ""))
      }
      let trunkID = trunk["id"]?.string ?? ""
      if trunk["admin_state_up"] == .bool(false) {
        return ResourceTable.response(.conflict("TrunkDisabled", "Trunk \(trunkID) is currently disabled."))
      }
      var subports = trunk["sub_ports"]?.array ?? []
      let given = call.request.body?["sub_ports"]
      if adding {
        switch checkSubports(given, parent: trunk["port_id"]?.string ?? "", trunk: trunk, in: state.network, caller: caller) {
        case .success(let added):
          subports += added.map(JSON.object)
          mark(.array(added.map(JSON.object)), trunkID: trunkID, in: &state.network)
        case .failure(let fault): return ResourceTable.response(fault)
        }
      } else {
        var removed: [JSON] = []
        for item in given?.array ?? [] {
          let portID = item["port_id"]?.string ?? ""
          guard let index = subports.firstIndex(where: { $0["port_id"]?.string == portID }) else {
            return ResourceTable.response(
              ResourceFault(status: 404, type: "SubPortNotFound", message: "SubPort \(portID) on trunk \(trunkID) could not be found."))
          }
          removed.append(subports.remove(at: index))
        }
        mark(.array(removed), trunkID: nil, in: &state.network)
      }
      trunk["sub_ports"] = .array(subports)
      state.network.touch(&trunk)
      state.network.update(NeutronTables.trunks, trunk)
      return .json(200, .object(trunk))
    }
  }

  /// `GET /v2.0/trunks/{id}/get_subports`.
  static func subports(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch NetworkService.visibleRecord(trunks, state, call) {
    case .success(let trunk): return .json(200, .object(["sub_ports": trunk["sub_ports"] ?? .array([])]))
    case .failure(let fault): return ResourceTable.response(fault)
    }
  }
}
