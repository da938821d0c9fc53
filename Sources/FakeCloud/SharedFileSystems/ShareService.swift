import CloudAPI

/// Manila's shares, their export locations and the user messages their failures leave.
enum ShareService {
  static func register(in router: inout Router<CloudState>) {
    router.add(.post, "/v2/shares", createShare)
    router.add(.get, "/v2/shares", listSharesBrief)
    router.add(.get, "/v2/shares/detail", listShares)
    router.add(.get, "/v2/shares/{id}", showShare)
    router.add(.delete, "/v2/shares/{id}", deleteShare)
    router.add(.get, "/v2/shares/{id}/export_locations", listExportLocations)
    router.add(.get, "/v2/shares/{id}/export_locations/{location}", showExportLocation)
    router.add(.post, "/v2/shares/{id}/action", ShareActions.handle)
    router.add(.get, "/v2/shares/{id}/migration-progress", ShareMigration.showProgress)
    router.add(.get, "/v2/messages", listMessages)
    router.add(.get, "/v2/messages/{id}", showMessage)
    router.add(.delete, "/v2/messages/{id}", deleteMessage)
  }

  // MARK: Shares

  /// `POST /v2/shares`: the share is `creating`; the scheduler and the share manager finish the
  /// work in the background, as `manila/scheduler` and `manila/share/manager.py` do.
  static func createShare(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller, let body = call.request.body?["share"], case .object = body else {
      return .fault(400, "Malformed request body")
    }
    guard case .int(let size)? = body["size"], size > 0 else {
      return .fault(400, "Share size '\(body["size"].map(String.init(describing:)) ?? "None")' must be an integer and greater than 0")
    }
    // From a snapshot: it must be available and no larger than the share; the share takes its
    // source's type, network and zone unless told otherwise.
    var source: ManilaState.Share?
    if let snapshotID = body["snapshot_id"]?.string {
      guard let snapshot = state.manila.snapshots.first(where: { $0.id == snapshotID && ($0.projectID == caller.projectID || caller.isAdmin) }) else {
        return .fault(404, "Snapshot \(snapshotID) could not be found.")
      }
      source = state.manila.shares.first { $0.id == snapshot.shareID }
      let sourceType = state.manila.shareTypes.first { $0.id == source?.shareTypeID }
      if sourceType?.extraSpecs["create_share_from_snapshot_support"].flatMap(ExtraSpecs.boolean) != true {
        return .fault(
          400,
          "A new share may not be created from snapshot '\(snapshotID)', because the snapshot's parent share does not have that capability.")
      }
      guard snapshot.status == "available" else {
        return .fault(400, "Invalid share snapshot: status must be 'available'.")
      }
      guard size >= snapshot.size else {
        return .fault(400, "Invalid input received: Share size '\(size)' must be equal or greater than snapshot size.")
      }
    }
    let typeReference = body["share_type"]?.string ?? source?.shareTypeID ?? state.manila.defaultShareType ?? ""
    guard let type = state.manila.shareTypes.first(where: { $0.id == typeReference || $0.name == typeReference }) else {
      return .fault(404, "Share type \(typeReference) could not be found.")
    }
    if let source, source.shareTypeID != type.id {
      return .fault(
        400,
        "Invalid input received: Invalid share type specified: the requested share type must match the type of the source share. If a share type is not specified when requesting a new share from a snapshot, the share type of the source share will be applied to the new share..")
    }
    let networkID = body["share_network_id"]?.string ?? source?.shareNetworkID
    if let networkID, !state.manila.shareNetworks.contains(where: { $0.id == networkID }) {
      return .fault(404, "Share network \(networkID) could not be found.")
    }
    let handlesServers = type.extraSpecs["driver_handles_share_servers"] == "True"
    if handlesServers && networkID == nil {
      return .fault(400, "Share network must be set when the driver_handles_share_servers is true.")
    }
    let groupID = body["share_group_id"]?.string
    if let groupID, let fault = ShareGroupService.shareFault(state, groupID: groupID, shareTypeID: type.id) { return fault }
    // The project's, the user's and the share type's quotas hold every share until it is gone.
    if let fault = ManilaQuotaService.shareCreateFault(state, caller: caller, shareTypeID: type.id, size: size) { return fault }
    let version = state.version(call)
    if version >= Microversion(2, 84), body["mount_point_name"]?.string != nil,
      type.extraSpecs["mount_point_name_support"].flatMap(ExtraSpecs.boolean) != true
    {
      return .fault(
        400, "Invalid input received: Setting a mount point name is not supported by the share type used: \(type.id)..")
    }
    let hints = version >= Microversion(2, 65) ? ShareSchedulerHints.read(body["scheduler_hints"], version: version) : [:]
    let share = ManilaState.Share(
      id: state.newResourceID(), instanceID: state.ids.uuid(), name: body["name"]?.string,
      description: body["description"]?.string, size: size, proto: (body["share_proto"]?.string ?? "").uppercased(),
      status: "creating",
      availabilityZone: body["availability_zone"]?.string ?? source?.availabilityZone
        ?? state.manila.shareGroups.first { $0.id == groupID }?.availabilityZone,
      host: nil,
      projectID: caller.projectID,
      userID: caller.userID, shareTypeID: type.id, shareNetworkID: networkID,
      isPublic: body["is_public"] == .bool(true) || body["is_public"]?.string?.lowercased() == "true",
      metadata: body["metadata"]?.object ?? [:], created: state.clock.now, progress: nil, requestID: call.requestID,
      snapshotID: body["snapshot_id"]?.string,
      shareGroupID: groupID)
    state.manila.shares.append(share)
    let id = share.id
    ShareSchedulerHints.save(hints, for: id, in: &state)
    // A share from a snapshot goes to its source's back end, as the scheduler sends it there.
    if let source, let backend = state.manila.backends.first(where: { $0.host == source.host }) {
      state.after(212_871) { manage(share: id, on: backend, in: &$0) }
    } else {
      state.after(212_871) { schedule(share: id, in: &$0) }
    }
    let created = state.manila.shares.first { $0.id == id } ?? share
    return .json(200, .object(["share": view(created, state: state, caller: caller, version: version)]))
  }

  /// The filter scheduler: the back ends in the share's zone, with room for it, whose
  /// capabilities satisfy the type's extra specs (Manila's default filters, in their order),
  /// the one with the most free capacity first. None left: the share errs and a 001 message
  /// names the filter that removed the last.
  static func schedule(share id: String, in state: inout CloudState) {
    guard let index = state.manila.shares.firstIndex(where: { $0.id == id }) else { return }
    let share = state.manila.shares[index]
    let specs = state.manila.shareTypes.first { $0.id == share.shareTypeID }?.extraSpecs ?? [:]
    let filters: [(detail: String, passes: (ManilaState.Backend) -> Bool)] = [
      ("007", { share.availabilityZone == nil || $0.availabilityZone == share.availabilityZone }),
      ("009", { $0.freeCapacity >= share.size }),
      ("008", { CapabilityMatch.satisfied($0.capabilities, by: specs) }),
    ] + ShareSchedulerHints.filters(share, state)
    var candidates = Array(state.manila.backends.enumerated())
    for filter in filters {
      candidates = candidates.filter { filter.passes($0.element) }
      if candidates.isEmpty {
        state.manila.shares[index].status = "error"
        state.manila.shares[index].updated = state.clock.now
        leaveMessage(action: "001", detail: filter.detail, share: share, in: &state)
        return
      }
    }
    guard let chosen = candidates.max(by: { $0.element.freeCapacity < $1.element.freeCapacity }) else { return }
    state.manila.backends[chosen.offset].freeCapacity -= share.size
    let backend = chosen.element
    state.after(531_442) { manage(share: id, on: backend, in: &$0) }
  }

  /// The share manager on the chosen back end: the zone is set first; a share network given to a
  /// back end that does not handle share servers is an error (message 002/003); otherwise the
  /// dummy driver exports the share.
  static func manage(share id: String, on backend: ManilaState.Backend, in state: inout CloudState) {
    guard let index = state.manila.shares.firstIndex(where: { $0.id == id }) else { return }
    state.manila.shares[index].availabilityZone = backend.availabilityZone
    state.manila.shares[index].host = backend.host
    state.manila.shares[index].updated = state.clock.now
    let share = state.manila.shares[index]
    if share.shareNetworkID != nil && !backend.driverHandlesShareServers {
      state.manila.shares[index].status = "error"
      leaveMessage(action: "002", detail: "003", share: share, in: &state)
      return
    }
    if backend.driverHandlesShareServers {
      guard let serverID = ShareServerService.provide(for: share, on: backend, in: &state) else {
        state.manila.shares[index].status = "error"
        leaveMessage(action: "002", detail: "004", share: share, in: &state)
        return
      }
      state.manila.shares[index].shareServerID = serverID
    }
    state.manila.shares[index].exportLocations = dummyExportLocations(of: share, in: &state)
    state.manila.shares[index].status = "available"
    state.manila.shares[index].progress = "100%"
    ShareReplicaService.addActiveReplica(of: state.manila.shares[index], in: &state)
  }

  /// The dummy driver's exports of a share instance: its mount point
  /// (`share_<share id>_<instance id>`, dashes as underscores) on the service address (admin
  /// only) and the two public ones, the first preferred.
  static func dummyExportLocations(of share: ManilaState.Share, in state: inout CloudState) -> [ManilaState.ExportLocation] {
    let mount = "/path/to/fake/share/share_\(share.id)_\(share.instanceID)".replacingEvery("-", with: "_")
    return [("11.0.0.11", false, true), ("10.0.0.10", true, false), ("10.0.0.20", false, false)].map { address, preferred, adminOnly in
      ManilaState.ExportLocation(id: state.ids.uuid(), path: "\(address):\(mount)", preferred: preferred, isAdminOnly: adminOnly)
    }
  }

  /// `message_api.create`: the action and detail, the request that caused it, an expiry 30 days
  /// on, which the database keeps to the second (rounded).
  /// `requestID`: the request whose work failed (the share's creation unless told).
  static func leaveMessage(
    action: String, detail: String, share: ManilaState.Share, requestID: String? = nil, in state: inout CloudState
  ) {
    state.manila.messages.append(
      ManilaState.Message(
        id: state.ids.uuid(), projectID: share.projectID, actionID: action, detailID: detail, resourceID: share.id,
        requestID: requestID ?? share.requestID, created: state.clock.now))
  }

  static func listShares(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let fault = ManilaPagination.sharesFault(call) { return fault }
    let version = state.version(call)
    return visibleShares(&state, call) { shares, state in
      var views: [JSON] = []
      views.reserveCapacity(shares.count)
      for share in shares { views.append(view(share, state: state, caller: call.caller, version: version)) }
      return .json(200, .object(["shares": .array(views)]))
    }
  }

  static func listSharesBrief(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let fault = ManilaPagination.sharesFault(call) { return fault }
    return visibleShares(&state, call) { shares, _ in
      .json(200, .object(["shares": .array(shares.map { JSON.object(["id": .string($0.id), "name": .orNull($0.name)]) })]))
    }
  }

  /// The response to the caller's shares (all of them for an admin with `all_tenants`), newest
  /// first, filtered by the query's fields, the page `limit` and `offset` ask for (the query
  /// already validated). The state is lent in place, `inout` though only read: passed by value
  /// beside a closure, the whole cloud state was copied for every list.
  private static func visibleShares(
    _ state: inout CloudState, _ call: Call, respond: ([ManilaState.Share], inout CloudState) -> APIResponse
  ) -> APIResponse {
    let isAdmin = call.caller?.isAdmin ?? false
    let allTenants = isAdmin && call.query("all_tenants").map { $0 != "0" && $0.lowercased() != "false" } == true
    // Only an admin may filter by project and user: others' filters are removed.
    let owner = isAdmin ? (call.query("project_id"), call.query("user_id")) : (nil, nil)
    // `extra_specs` (a Python dict literal): the share type has every one of them.
    var specs: [(key: String, value: String)] = []
    if let text = call.query("extra_specs") {
      guard let wanted = PythonDictLiteral.parse(text) else { return serverError }
      specs = wanted
    }
    // Looked up by type only when specs are asked for (most lists ask none).
    let types =
      specs.isEmpty
      ? [:] : Dictionary(state.manila.shareTypes.map { ($0.id, $0.extraSpecs) }, uniquingKeysWith: { first, _ in first })
    let visible = state.manila.shares.filter { share in
      ShareRecycleBin.keeps(share, call) && (allTenants || share.projectID == call.caller?.projectID) && (owner.0.map { share.projectID == $0 } ?? true)
        && (owner.1.map { share.userID == $0 } ?? true)
        && specs.allSatisfy { types[share.shareTypeID]?[$0.key]?.string == $0.value }
    }
    return shareFilters.apply(visible, call, version: state.version(call)) { filtered in
      var shares = filtered.sorted { $0.created > $1.created }
      // The database applies the offset only with a limit.
      if let limit = call.query("limit").flatMap(PythonInt.parse) {
        shares = Array(shares.dropFirst(call.query("offset").flatMap(PythonInt.parse) ?? 0).prefix(limit))
      }
      return respond(shares, &state)
    }
  }

  /// `_get_shares`' filters: names and descriptions exact, or from 2.36 MySQL `REGEXP` patterns
  /// (`name~`, `description~`, with `|` escaped); `metadata` a Python dict literal whose every
  /// item the share's metadata holds.
  static let shareFilters = QueryFilters<ManilaState.Share>([
    .exact("name", { $0.name }), .exact("status", { $0.status }), .exact("host", { $0.host }),
    .exact("share_network_id", { $0.shareNetworkID }), .exact("share_type_id", { $0.shareTypeID }),
    .exact("snapshot_id", { $0.snapshotID }), .exact("share_group_id", { $0.shareGroupID }),
    .exact("share_server_id", { $0.shareServerID }),
    .exact("description", { $0.description }).since(Microversion(2, 36)),
    .pattern("name~", { $0.name }, matcher: mysqlPattern).since(Microversion(2, 36)),
    .pattern("description~", { $0.description }, matcher: mysqlPattern).since(Microversion(2, 36)),
    QueryFilter(parameter: "export_location_id") { id in .success { $0.exportLocations.contains { $0.id == id } } }
      .since(Microversion(2, 35)),
    QueryFilter(parameter: "export_location_path") { path in .success { $0.exportLocations.contains { $0.path == path } } }
      .since(Microversion(2, 35)),
    .exact("encryption_key_ref", { _ in nil }).since(Microversion(2, 90)),
    .exact("availability_zone", { $0.availabilityZone }).since(Microversion(2, 97)),
    QueryFilter(parameter: "metadata") { text in
      // `ast.literal_eval`: what it cannot read is an unexpected error, a 500.
      guard let wanted = PythonDictLiteral.parse(text) else { return .failure(FilterFault(response: serverError)) }
      return .success { share in wanted.allSatisfy { share.metadata[$0.key]?.string == $0.value } }
    },
  ])

  /// `_safe_regex_mysql`: a `|` is searched for as itself.
  private static func mysqlPattern(_ pattern: String) -> (String) -> Bool {
    TextSearch.regexp(pattern.replacingEvery("|", with: "\\|"))
  }

  /// The fault wrapper's answer to an exception the API does not expect.
  static let serverError = APIResponse.fault(
    500, "The server has either erred or is incapable of performing the requested operation.")

  private static func share(_ state: CloudState, _ call: Call) -> ManilaState.Share? {
    visibleShare(state, id: call.parameters["id"] ?? "", caller: call.caller)
  }

  /// The share of that ID, if the caller's project owns it (or the caller is an admin).
  static func visibleShare(_ state: CloudState, id: String, caller: Caller?) -> ManilaState.Share? {
    state.manila.shares.first { $0.id == id && ($0.projectID == caller?.projectID || (caller?.isAdmin ?? false)) }
  }

  /// `GET /v2/shares/{id}`; a missing share is webob's bare `HTTPNotFound`.
  static func showShare(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let share = share(state, call) else { return .fault(404, "The resource could not be found.") }
    return .json(200, .object(["share": view(share, state: state, caller: call.caller, version: state.version(call))]))
  }

  /// `DELETE /v2/shares/{id}`: 202; the share is `deleting`, then gone.
  static func deleteShare(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let share = share(state, call) else { return .fault(404, "Share \(call.parameters["id"] ?? "") could not be found.") }
    guard let index = state.manila.shares.firstIndex(where: { $0.id == share.id }) else { return .fault(404, "") }
    // A share in a group is deleted naming its group.
    if let groupID = share.shareGroupID {
      guard let given = call.query("share_group_id") else {
        return .fault(400, "Must provide 'share_group_id' as a request parameter when deleting a share in a share group.")
      }
      if given != groupID {
        return .fault(400, "The specified 'share_group_id' does not match the share group id of the share.")
      }
    }
    if let refusal = ResourceLockService.refusal(of: "delete", on: share.id, in: state) { return refusal }
    guard ["available", "error", "inactive"].contains(share.status) else {
      return .fault(403, "Invalid share: Share status must be one of ('available', 'error', 'inactive').")
    }
    if state.manila.shareReplicas.contains(where: { $0.shareID == share.id && $0.replicaState != "active" }) {
      return .fault(409, "Share \(share.id) has replicas. Remove the replicas before deleting the share.")
    }
    let snapshots = state.manila.snapshots.filter { $0.shareID == share.id }.count
    if snapshots > 0 { return .fault(403, "Invalid share: Share still has \(snapshots) dependent snapshots..") }
    state.manila.shares[index].status = "deleting"
    let id = share.id
    state.after(620_113) { state in
      state.manila.shares.removeAll { $0.id == id }
      state.manila.accessRules.removeAll { $0.shareID == id }
      state.manila.shareReplicas.removeAll { $0.shareID == id }
    }
    return APIResponse(status: 202)
  }

  /// Export locations; admin-only ones only for admins, who also see the instance and flag.
  static func listExportLocations(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let share = share(state, call) else { return .fault(404, "Share \(call.parameters["id"] ?? "") could not be found.") }
    let isAdmin = call.caller?.isAdmin ?? false
    let version = state.version(call)
    let locations = share.exportLocations.filter { isAdmin || !$0.isAdminOnly }.map {
      exportLocationView($0, of: share, isAdmin: isAdmin, version: version, detail: false)
    }
    return .json(200, .object(["export_locations": .array(locations)]))
  }

  /// One export location, with its times; an admin-only one is forbidden to others.
  static func showExportLocation(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let id = call.parameters["id"] ?? ""
    guard let share = share(state, call) else { return .fault(404, "Share '\(id)' not found.") }
    let locationID = call.parameters["location"] ?? ""
    guard let location = share.exportLocations.first(where: { $0.id == locationID }) else {
      return .fault(404, "Export location '\(locationID)' not found.")
    }
    let isAdmin = call.caller?.isAdmin ?? false
    if location.isAdminOnly && !isAdmin { return .fault(403, "Access was denied to this resource.") }
    let view = exportLocationView(location, of: share, isAdmin: isAdmin, version: state.version(call), detail: true)
    return .json(200, .object(["export_location": view]))
  }

  /// `manila/api/views/export_locations.py`: the location, `preferred` (2.14) and metadata
  /// (2.87), the instance and flag for admins, the times in the detail view (the driver made
  /// the locations when it last touched the share).
  private static func exportLocationView(
    _ location: ManilaState.ExportLocation, of share: ManilaState.Share, isAdmin: Bool, version: Microversion, detail: Bool
  ) -> JSON {
    var view: JSONObject = ["id": .string(location.id), "path": .string(location.path)]
    if version >= Microversion(2, 14) { view["preferred"] = .bool(location.preferred) }
    if version >= Microversion(2, 87) { view["metadata"] = .object([:]) }
    if isAdmin {
      view["share_instance_id"] = .string(share.instanceID)
      view["is_admin_only"] = .bool(location.isAdminOnly)
    }
    if detail {
      view["created_at"] = share.updated.map { .string(VirtualClock.isoMicroseconds($0)) } ?? .null
      view["updated_at"] = .null
    }
    return .object(view)
  }

  /// `manila/api/views/shares.py` `detail` at the negotiated microversion.
  static func view(_ share: ManilaState.Share, state: CloudState, caller: Caller?, version: Microversion) -> JSON {
    let type = state.manila.shareTypes.first { $0.id == share.shareTypeID }
    let spec = { (name: String) -> JSON in
      type?.extraSpecs[name].flatMap(\.string).map { .bool($0.lowercased() == "true") } ?? .bool(false)
    }
    var view: JSONObject = [
      "id": .string(share.id), "size": .int(share.size), "availability_zone": .orNull(share.availabilityZone),
      "created_at": .string(VirtualClock.isoMicroseconds(share.created)), "status": .string(share.status),
      "name": .orNull(share.name), "description": .orNull(share.description), "project_id": .string(share.projectID),
      "snapshot_id": .orNull(share.snapshotID), "share_network_id": .orNull(share.shareNetworkID), "share_proto": .string(share.proto),
      "export_location": .orNull(share.exportLocations.first { $0.preferred }?.path), "metadata": .object(share.metadata),
      "share_type": .orNull(type?.name), "volume_type": .orNull(type?.name),
      "links": .array([]), "is_public": .bool(share.isPublic),
      "export_locations": .array(share.exportLocations.map { .string($0.path) }),
    ]
    // Room for the fields the microversions add (some twenty): grown as it fills, the literal's
    // eighteen would be moved twice.
    view.reserveCapacity(40)
    let at = { (major: Int, minor: Int) in version >= Microversion(major, minor) }
    if at(2, 2) { view.appendNew("snapshot_support", spec("snapshot_support")) }
    if at(2, 5) { view.appendNew("task_state", .orNull(share.taskState)) }
    if at(2, 6) {
      view["share_type"] = .string(share.shareTypeID)
      view.appendNew("share_type_name", .orNull(type?.name))
    }
    if at(2, 9) {
      view.removeValue(forKey: "export_location")
      view.removeValue(forKey: "export_locations")
    }
    if at(2, 10) { view.appendNew("access_rules_status", .string(share.accessRulesStatus)) }
    if at(2, 11) {
      view.appendNew("replication_type", .orNull(type?.extraSpecs["replication_type"]?.string))
      view.appendNew("has_replicas", .bool(state.manila.shareReplicas.contains { $0.shareID == share.id && $0.replicaState != "active" }))
    }
    if at(2, 16) { view.appendNew("user_id", .string(share.userID)) }
    if at(2, 24) { view.appendNew("create_share_from_snapshot_support", spec("create_share_from_snapshot_support")) }
    if at(2, 27) { view.appendNew("revert_to_snapshot_support", spec("revert_to_snapshot_support")) }
    if at(2, 31) {
      view.appendNew("share_group_id", .orNull(share.shareGroupID))
      view.appendNew("source_share_group_snapshot_member_id", .null)
    }
    if at(2, 32) { view.appendNew("mount_snapshot_support", spec("mount_snapshot_support")) }
    if at(2, 54) { view.appendNew("progress", .orNull(share.progress)) }
    if at(2, 69) {
      view.appendNew("is_soft_deleted", .bool(share.scheduledDeletion != nil))
      view.appendNew("scheduled_to_be_deleted_at", share.scheduledDeletion.map { .string(VirtualClock.isoMicroseconds($0)) } ?? .null)
    }
    if at(2, 80) { view.appendNew("source_backup_id", .orNull(share.sourceBackupID)) }
    if at(2, 90) { view.appendNew("encryption_key_ref", .null) }
    if at(2, 99) { view.appendNew("snapshot_inherit_share_access_support", spec("snapshot_inherit_share_access_support")) }
    if caller?.isAdmin == true {
      view.appendNew("share_server_id", .orNull(share.shareServerID))
      view.appendNew("host", .orNull(share.host))
    }
    return .object(view)
  }

  // MARK: Messages

  /// `GET /v2/messages`: the caller's messages, newest first, with the API's filters.
  static func listMessages(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let fault = ManilaPagination.messagesFault(call) { return fault }
    var messages = state.manila.messages.filter { $0.projectID == call.caller?.projectID || (call.caller?.isAdmin ?? false) }
    let filters: [(String, (ManilaState.Message) -> String)] = [
      ("resource_id", \.resourceID), ("action_id", \.actionID), ("detail_id", \.detailID), ("request_id", \.requestID),
      ("resource_type", { _ in "SHARE" }), ("message_level", { _ in "ERROR" }),
    ]
    for (name, field) in filters {
      if let wanted = call.query(name) { messages = messages.filter { field($0) == wanted } }
    }
    if let since = call.query("created_since") { messages = messages.filter { VirtualClock.isoMicroseconds($0.created) >= since } }
    if let before = call.query("created_before") { messages = messages.filter { VirtualClock.isoMicroseconds($0.created) <= before } }
    messages.sort { $0.created > $1.created }
    // `get_pagination_params` holds the limit to `osapi_max_limit`.
    let limit = call.query("limit").flatMap(PythonInt.parse).map { min($0, ManilaPagination.maximumLimit) }
    messages = Array(messages.dropFirst(call.query("offset").flatMap(PythonInt.parse) ?? 0).prefix(limit ?? messages.count))
    return .json(200, .object(["messages": .array(messages.map(messageView))]))
  }

  static func showMessage(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let message = message(state, call) else {
      return .fault(404, "Message \(call.parameters["id"] ?? "") could not be found.")
    }
    return .json(200, .object(["message": messageView(message)]))
  }

  static func deleteMessage(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let message = message(state, call) else {
      return .fault(404, "Message \(call.parameters["id"] ?? "") could not be found.")
    }
    state.manila.messages.removeAll { $0.id == message.id }
    return .noContent()
  }

  private static func message(_ state: CloudState, _ call: Call) -> ManilaState.Message? {
    state.manila.messages.first {
      $0.id == call.parameters["id"] && ($0.projectID == call.caller?.projectID || (call.caller?.isAdmin ?? false))
    }
  }

  /// `manila/api/views/messages.py`. `expires_at` is stored without a fraction: the database
  /// column has none, and rounds.
  static func messageView(_ message: ManilaState.Message) -> JSON {
    let expires = (message.created + 2_592_000 * 1_000_000 + 500_000) / 1_000_000
    return .object([
      "id": .string(message.id), "project_id": .string(message.projectID), "action_id": .string(message.actionID),
      "detail_id": .string(message.detailID), "message_level": "ERROR",
      "created_at": .string(VirtualClock.isoMicroseconds(message.created)),
      "expires_at": .string(VirtualClock.isoSeconds(expires, suffix: ".000000")), "request_id": .string(message.requestID),
      "links": .array([]), "resource_type": "SHARE", "resource_id": .string(message.resourceID),
      "user_message": .string(MessageCatalog.userMessage(action: message.actionID, detail: message.detailID)),
    ])
  }
}
