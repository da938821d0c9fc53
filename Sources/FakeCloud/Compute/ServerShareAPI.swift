import CloudAPI

/// Nova's server shares (`server_shares.py`, 2.97 on): Manila shares mounted in a stopped server
/// through virtiofs. Attaching records the mapping `attaching`; the compute host then grants the
/// host's address read-write access in Manila (unless a rule already gives it) and leaves the
/// mapping `inactive`; starting the server makes it `active`, stopping it `inactive` again.
/// Detaching marks it `detaching`; the host takes the rule away when no other server of its
/// uses the share, and the mapping goes.
enum ServerShareAPI {
  /// Seconds the compute host takes to grant or revoke access and record the result.
  static let hostDelay: Int64 = 2_000_000

  /// The protocols virtiofs can mount (`ShareMappingProto.ALL`).
  static let protocols: Set<String> = ["NFS", "CEPHFS"]

  static func register(in router: inout Router<CloudState>) {
    router.add(.get, "/v2.1/servers/{id}/shares", list)
    router.add(.post, "/v2.1/servers/{id}/shares", create)
    router.add(.get, "/v2.1/servers/{id}/shares/{share}", show)
    router.add(.delete, "/v2.1/servers/{id}/shares/{share}", delete)
  }

  // MARK: Views

  /// `_list_view`: the share, its status and tag.
  static func summary(_ mapping: ComputeState.ShareMapping) -> JSON {
    .object(["share_id": .string(mapping.shareID), "status": .string(mapping.status), "tag": .string(mapping.tag)])
  }

  /// `_show_view`: an admin also sees where the share is exported from and the mapping's UUID.
  static func detail(_ mapping: ComputeState.ShareMapping, admin: Bool) -> JSON {
    var fields: JSONObject = [
      "share_id": .string(mapping.shareID), "status": .string(mapping.status), "tag": .string(mapping.tag),
    ]
    if admin {
      fields.appendNew("export_location", .orNull(mapping.exportLocation))
      fields.appendNew("uuid", .string(mapping.uuid))
    }
    return .object(["share": .object(fields)])
  }

  // MARK: Requests

  /// The server of the path, after the microversion and the policy (`PROJECT_READER_OR_ADMIN`
  /// for reading, `PROJECT_MEMBER_OR_ADMIN` for changes, on the server's project).
  private static func server(_ state: CloudState, _ call: Call, rule: String) -> Result<ComputeState.Server, FaultResponse> {
    guard state.computeVersion >= Microversion(2, 97) else {
      return .failure(FaultResponse(.fault(404, "The resource could not be found.")))
    }
    let id = call.parameters["id"] ?? ""
    guard let server = state.compute.servers.first(where: { $0.id == id && $0.vmState != "deleted" }) else {
      return .failure(FaultResponse(.fault(404, "Instance \(id) could not be found.")))
    }
    guard let caller = call.caller, caller.isAdmin || caller.projectID == server.projectID else {
      return .failure(FaultResponse(.fault(403, "Policy doesn't allow os_compute_api:os-server-shares:\(rule) to be performed.")))
    }
    return .success(server)
  }

  static func list(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch server(state, call, rule: "index") {
    case .success(let server):
      let mappings = state.compute.shareMappings.filter { $0.serverID == server.id }
      return .json(200, .object(["shares": .array(mappings.map(summary))]))
    case .failure(let fault): return fault.response
    }
  }

  static func show(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch server(state, call, rule: "show") {
    case .success(let server):
      let shareID = call.parameters["share"] ?? ""
      guard let mapping = state.compute.shareMappings.first(where: { $0.serverID == server.id && $0.shareID == shareID }) else {
        return .fault(404, "Share \(shareID) could not be found.")
      }
      return .json(200, detail(mapping, admin: call.caller?.isAdmin ?? false))
    case .failure(let fault): return fault.response
    }
  }

  /// `POST /servers/{id}/shares`: the body checked by its schema, the server stopped, the host
  /// able to share memory with virtiofsd, the share available with an export location and a
  /// protocol virtiofs mounts, not yet mapped to the server (by ID or tag); 201, `attaching`.
  static func create(_ state: inout CloudState, _ call: Call) -> APIResponse {
    // The request's schema is checked before the server is looked for, the microversion before both.
    if state.computeVersion >= Microversion(2, 97), let fault = checkBody(call.request.body) { return .fault(400, fault) }
    switch server(state, call, rule: "create") {
    case .success(let server):
      let body = call.request.body?["share"] ?? .null
      let shareID = body["share_id"]?.string ?? ""
      guard server.vmState == "stopped" else {
        return .fault(409, "Cannot 'create share' instance \(server.id) while it is in vm_state \(server.vmState)")
      }
      guard supportsShares(server, state) else {
        return .fault(409, "Feature not supported because either compute or instance are not configured correctly.")
      }
      // Manila is asked as the user: a share of another project is not found.
      guard let share = ShareService.visibleShare(state, id: shareID, caller: call.caller) else {
        return .fault(404, "Share \(shareID) could not be found.")
      }
      guard share.status == "available" else {
        return .fault(409, "Share \(shareID) is in '\(share.status)' instead of 'available' status.")
      }
      guard let location = exportLocation(of: share, admin: call.caller?.isAdmin ?? false) else {
        return .fault(409, "Share \(shareID) export location is missing.")
      }
      guard protocols.contains(share.proto) else { return .fault(409, "Share protocol \(share.proto) is not supported.") }
      let tag = body["tag"]?.string ?? share.id
      // The mapping is unique per server by share, and (a database constraint) by tag.
      if state.compute.shareMappings.contains(where: { $0.serverID == server.id && ($0.shareID == share.id || $0.tag == tag) }) {
        return .fault(409, "Share '\(share.id)' or tag '\(tag)' already associated to this server.")
      }
      let mapping = ComputeState.ShareMapping(
        uuid: state.ids.uuid(), serverID: server.id, shareID: share.id, status: "attaching", tag: tag,
        exportLocation: location, proto: share.proto)
      state.compute.shareMappings.append(mapping)
      record(action: "attach_share", on: server, call, in: &state)
      let start = state.clock.now
      state.after(hostDelay) { state in allowShare(mapping.uuid, start: start, in: &state) }
      return .json(201, detail(mapping, admin: call.caller?.isAdmin ?? false))
    case .failure(let fault): return fault.response
    }
  }

  /// `DELETE /servers/{id}/shares/{share}`: the server stopped (or in error); 200, no body, the
  /// mapping `detaching` until the host is done.
  static func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch server(state, call, rule: "delete") {
    case .success(let server):
      guard ["stopped", "error"].contains(server.vmState) else {
        return .fault(409, "Cannot 'delete share' instance \(server.id) while it is in vm_state \(server.vmState)")
      }
      let shareID = call.parameters["share"] ?? ""
      guard let index = state.compute.shareMappings.firstIndex(where: { $0.serverID == server.id && $0.shareID == shareID }) else {
        return .fault(404, "Share \(shareID) could not be found.")
      }
      state.compute.shareMappings[index].status = "detaching"
      record(action: "detach_share", on: server, call, in: &state)
      let (uuid, start) = (state.compute.shareMappings[index].uuid, state.clock.now)
      state.after(hostDelay) { state in denyShare(uuid, start: start, action: "detach_share", in: &state) }
      return APIResponse(status: 200)
    case .failure(let fault): return fault.response
    }
  }

  /// The request schema (`schemas/server_shares.py`): `share` with a UUID `share_id` and an
  /// optional `tag` of letters, digits and dashes, nothing else. jsonschema's first error, in the
  /// order it checks (each property's own schema, then what is required, then what is extra);
  /// Nova names the field when the error is below the root.
  private static func checkBody(_ body: JSON?) -> String? {
    func invalid(_ field: String, _ value: JSON, _ reason: String) -> String {
      "Invalid input for field/attribute \(field). Value: \(PythonValue.str(value)). \(reason)"
    }
    func extras(_ object: JSONObject, allowed: Set<String>) -> String? {
      let unexpected = object.keys.filter { !allowed.contains($0) }
      guard !unexpected.isEmpty else { return nil }
      let names = unexpected.map { PythonValue.repr(.string($0)) }.joined(separator: ", ")
      return "Additional properties are not allowed (\(names) \(unexpected.count == 1 ? "was" : "were") unexpected)"
    }
    guard case .object(let root)? = body else { return "\(PythonValue.repr(body ?? .null)) is not of type 'object'" }
    if let share = root["share"] {
      guard case .object(let fields) = share else { return invalid("share", share, "\(PythonValue.repr(share)) is not of type 'object'") }
      if let id = fields["share_id"] {
        guard let text = id.string else { return invalid("share_id", id, "\(PythonValue.repr(id)) is not of type 'string'") }
        guard UUIDText.isUUIDLike(text) else { return invalid("share_id", id, "\(PythonValue.repr(id)) is not a 'uuid'") }
      }
      if let tag = fields["tag"] {
        guard let text = tag.string else { return invalid("tag", tag, "\(PythonValue.repr(tag)) is not of type 'string'") }
        if text.isEmpty { return invalid("tag", tag, "'' is too short") }
        if text.count > 255 { return invalid("tag", tag, "\(PythonValue.repr(tag)) is too long") }
        let allowed = text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "-" }
        if !allowed { return invalid("tag", tag, "\(PythonValue.repr(tag)) does not match '^[a-zA-Z0-9-]*$'") }
      }
      if fields["share_id"] == nil { return invalid("share", share, "'share_id' is a required property") }
      if let extra = extras(fields, allowed: ["share_id", "tag"]) { return invalid("share", share, extra) }
    }
    if root["share"] == nil { return "'share' is a required property" }
    return extras(root, allowed: ["share"])
  }

  /// `hw.check_shares_supported`: the host reports virtiofs (every host of this cloud does) and
  /// either backs guest memory with files (`COMPUTE_MEM_BACKING_FILE`) or the flavor asks for
  /// a page size.
  static func supportsShares(_ server: ComputeState.Server, _ state: CloudState) -> Bool {
    if let host = state.compute.hosts.first(where: { $0.name == server.host }), host.definition.fileBackedMemory { return true }
    let specs = state.compute.embeddedFlavor(server.flavorID)?.definition.extraSpecs ?? []
    return specs.contains { $0.0 == "hw:mem_page_size" }
  }

  /// Manila's export location as Nova picks it: the preferred one, else the first (the ones
  /// the caller may see).
  private static func exportLocation(of share: ManilaState.Share, admin: Bool) -> String? {
    let visible = share.exportLocations.filter { admin || !$0.isAdminOnly }
    return (visible.first(where: \.preferred) ?? visible.first)?.path
  }

  private static func record(action: String, on server: ComputeState.Server, _ call: Call, in state: inout CloudState) {
    guard let caller = call.caller else { return }
    state.compute.actions.append(
      ComputeState.Action(
        action: action, serverID: server.id, requestID: call.requestID, globalRequestID: call.globalRequestID,
        userID: caller.userID, projectID: caller.projectID, start: state.clock.now, updated: state.clock.now, message: nil))
  }

  /// The access Nova asks of Manila for the host (`set_access_according_to_protocol`): its
  /// storage address for NFS, the `nova` Ceph user for CephFS.
  private static func access(for mapping: ComputeState.ShareMapping, host: String?, in state: CloudState) -> (type: String, to: String) {
    if mapping.proto == "CEPHFS" { return ("cephx", "nova") }
    let index = state.compute.hosts.firstIndex { $0.name == host } ?? 0
    return ("ip", ComputeState.hostIP(index))
  }

  /// The compute host's `allow_share`: a read-write rule unless one gives the host access
  /// already, then the mapping `inactive`.
  private static func allowShare(_ uuid: String, start: Int64, in state: inout CloudState) {
    guard let index = state.compute.shareMappings.firstIndex(where: { $0.uuid == uuid && $0.status == "attaching" }) else { return }
    let mapping = state.compute.shareMappings[index]
    let host = state.compute.servers.first { $0.id == mapping.serverID }?.host
    let access = access(for: mapping, host: host, in: state)
    let granted = state.manila.accessRules.contains {
      $0.shareID == mapping.shareID && $0.accessType == access.type && $0.accessTo == access.to
    }
    if !granted, let share = state.manila.shares.first(where: { $0.id == mapping.shareID }) {
      state.manila.accessRules.append(
        ManilaState.AccessRule(
          id: state.ids.uuid(), shareID: share.id, projectID: share.projectID, accessType: access.type,
          accessTo: access.to, accessLevel: "rw", state: "queued_to_apply", metadata: [:], created: state.clock.now,
          requestID: "req-" + state.ids.uuid()))
      ShareAccessService.queueUpdate(of: share.id, in: &state)
    }
    state.compute.shareMappings[index].status = "inactive"
    ComputeService.finish(mapping.serverID, action: "attach_share", event: "compute_allow_share", start: start, host: host, traceback: nil, in: &state)
  }

  /// The compute host's `deny_share`: the rule goes when no other mapping on the host still
  /// needs it (`_check_share_usage`), then the mapping; its `compute_deny_share` event joins the
  /// instance action of the request that asked (`detach_share`, or the server's `delete`).
  private static func denyShare(_ uuid: String, start: Int64, action: String, in state: inout CloudState) {
    guard let mapping = state.compute.shareMappings.first(where: { $0.uuid == uuid }) else { return }
    let host = state.compute.servers.first { $0.id == mapping.serverID }?.host
    let access = access(for: mapping, host: host, in: state)
    let stillUsed = state.compute.shareMappings.contains { other in
      guard other.uuid != uuid, other.shareID == mapping.shareID, other.status != "detaching" else { return false }
      // For NFS each host has its own rule: only the host's servers count.
      if mapping.proto == "NFS", state.compute.servers.first(where: { $0.id == other.serverID })?.host != host { return false }
      return true
    }
    if !stillUsed,
      let rule = state.manila.accessRules.firstIndex(where: {
        $0.shareID == mapping.shareID && $0.accessType == access.type && $0.accessTo == access.to
      })
    {
      state.manila.accessRules[rule].state = "queued_to_deny"
      ShareAccessService.queueUpdate(of: mapping.shareID, in: &state)
    }
    state.compute.shareMappings.removeAll { $0.uuid == uuid }
    ComputeService.finish(mapping.serverID, action: action, event: "compute_deny_share", start: start, host: host, traceback: nil, in: &state)
  }

  // MARK: The server's life

  /// Starting or rebooting the server mounts its shares (`activate_all`), stopping it unmounts
  /// them (`deactivate_all`).
  static func powerChanged(_ state: inout CloudState, serverID: String, running: Bool) {
    for index in state.compute.shareMappings.indices where state.compute.shareMappings[index].serverID == serverID {
      let status = state.compute.shareMappings[index].status
      if running, status == "inactive" { state.compute.shareMappings[index].status = "active" }
      if !running, status == "active" { state.compute.shareMappings[index].status = "inactive" }
    }
  }

  /// A deleted server's mappings are taken down as `_shutdown_instance` does it: each one
  /// deactivated, then denied under the delete's action.
  static func serverDeleted(_ state: inout CloudState, serverID: String) {
    for mapping in state.compute.shareMappings where mapping.serverID == serverID {
      guard let index = state.compute.shareMappings.firstIndex(where: { $0.uuid == mapping.uuid }) else { continue }
      state.compute.shareMappings[index].status = "inactive"
      denyShare(mapping.uuid, start: state.clock.now, action: "delete", in: &state)
    }
  }
}
