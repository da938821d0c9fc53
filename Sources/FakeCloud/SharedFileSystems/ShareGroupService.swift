import CloudAPI

extension ManilaState {
  /// A share group: shares of its share types, snapshotted together.
  struct ShareGroup {
    var id: String
    var projectID: String
    var userID: String
    var name: String?
    var description: String?
    var status: String
    var host: String?
    var shareGroupTypeID: String
    var shareTypeIDs: [String]
    var shareNetworkID: String?
    var availabilityZone: String?
    var sourceSnapshotID: String?
    var created: Int64
  }

  /// A share group snapshot and its members (one per share of the group).
  struct ShareGroupSnapshot {
    struct Member {
      var id: String
      var shareID: String
      var size: Int
      var proto: String
    }

    var id: String
    var projectID: String
    var shareGroupID: String
    var name: String?
    var description: String?
    var status: String
    var members: [Member]
    var created: Int64
  }

  /// A replica of a share (its instance on another back end).
  struct ShareReplica {
    var id: String
    var shareID: String
    var status: String
    /// `active`, `in_sync`, `out_of_sync`, `error`.
    var replicaState: String
    var host: String?
    var availabilityZone: String?
    var shareNetworkID: String?
    var created: Int64
    var updated: Int64?
    var exportLocations: [ExportLocation] = []
    /// Its own metadata (2.95).
    var metadata: JSONObject = [:]
  }
}

/// Share groups (`manila/api/v2/share_groups.py`, `manila/share_group/api.py`): created on the
/// back end the scheduler picks for their share types; shares join them at creation.
enum ShareGroupService {
  static func register(in router: inout Router<CloudState>) {
    router.add(.post, "/v2/share-groups", create)
    router.add(.get, "/v2/share-groups", { state, call in list(state, call, brief: true) })
    router.add(.get, "/v2/share-groups/detail", { state, call in list(state, call, brief: false) })
    router.add(.get, "/v2/share-groups/{id}", { state, call in resource.show(state, call) })
    router.add(.put, "/v2/share-groups/{id}", update)
    router.add(.delete, "/v2/share-groups/{id}", delete)
    router.add(.post, "/v2/share-groups/{id}/action", action)
  }

  static let createDelay: Int64 = 402_118
  static let deleteDelay: Int64 = 318_552

  static let resource = ManilaResource<ManilaState.ShareGroup>(
    records: \.shareGroups, id: \.id, member: "share_group", collection: "share_groups",
    notFound: { "Share group \($0) not found." },
    isVisible: { group, caller in caller?.isAdmin == true || group.projectID == caller?.projectID },
    filters: QueryFilters([
      .exact("name", { $0.name }), .exact("status", { $0.status }), .exact("description", { $0.description }),
      .pattern("name~", { $0.name }, matcher: SnapshotService.likeSubstring).since(Microversion(2, 36)),
      .pattern("description~", { $0.description }, matcher: SnapshotService.likeSubstring).since(Microversion(2, 36)),
    ]),
    ordered: { $0.sorted { $0.created > $1.created } },
    fields: [
      .text("id", { $0.id }), .text("name", { $0.name }), .time("created_at", { $0.created }),
      .text("status", { $0.status }), .text("description", { $0.description }), .text("project_id", { $0.projectID }),
      .text("host", { $0.host }), .text("share_group_type_id", { $0.shareGroupTypeID }),
      .text("source_share_group_snapshot_id", { $0.sourceSnapshotID }), .text("share_network_id", { $0.shareNetworkID }),
      ViewField("share_types") { group, _ in .array(group.shareTypeIDs.map(JSON.string)) },
      ViewField("links") { _, _ in .array([]) },
      .text("availability_zone", since: Microversion(2, 34), { $0.availabilityZone }),
      ViewField("consistent_snapshot_support", since: Microversion(2, 34)) { _, _ in .null },
      ViewField("share_server_id", adminOnly: true) { _, _ in .null },
    ],
    briefFields: ["id", "name", "links"])

  static func list(_ state: CloudState, _ call: Call, brief: Bool) -> APIResponse {
    let allProjects = call.caller?.isAdmin == true && call.query("all_tenants").map { $0 != "0" && $0.lowercased() != "false" } == true
    return resource.list(state, call, brief: brief) { allProjects || $0.projectID == call.caller?.projectID }
  }

  /// `_create` and `share_group_api.create`: the share types (the default one unless given) a
  /// subset of the group type's, agreeing on share servers; then the scheduler's back end.
  static func create(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller, case .object(let body)? = call.request.body?["share_group"] else {
      return .fault(400, "'share_group' is missing from the request body.")
    }
    let valid: Set<String> = [
      "name", "description", "share_types", "share_group_type_id", "source_share_group_snapshot_id", "share_network_id",
      "availability_zone",
    ]
    let invalid = body.keys.filter { !valid.contains($0) }
    if !invalid.isEmpty {
      return .fault(400, "The fields {\(invalid.map(PythonRepr.string).joined(separator: ", "))} are invalid.")
    }
    var typeIDs = (body["share_types"]?.array ?? []).compactMap(\.string)
    if typeIDs.isEmpty {
      guard let defaultType = state.manila.shareTypes.first(where: { $0.name == state.manila.defaultShareType }) else {
        return .fault(400, "Must specify at least one share type as a default share type has not been configured.")
      }
      typeIDs = [defaultType.id]
    }
    guard let groupTypeID = body["share_group_type_id"]?.string else {
      return .fault(400, "Must specify a share group type as a default share group type has not been configured.")
    }
    var handlesServers: Bool?
    for typeID in typeIDs {
      guard let type = state.manila.shareTypes.first(where: { $0.id == typeID }) else {
        return .fault(400, "Share type with id \(typeID) could not be found.")
      }
      let handles = type.extraSpecs[ExtraSpecs.driverHandlesShareServers].flatMap(ExtraSpecs.boolean) ?? false
      if let handlesServers, handlesServers != handles {
        return .fault(
          400,
          "Invalid input received: The specified share_types cannot have conflicting values for the driver_handles_share_servers extra spec..")
      }
      handlesServers = handles
    }
    let networkID = body["share_network_id"]?.string
    if handlesServers == false && networkID != nil {
      return .fault(
        400,
        "Invalid input received: When using a share types with the driver_handles_share_servers extra spec as False, a share_network_id must not be provided..")
    }
    if let networkID, !state.manila.shareNetworks.contains(where: { $0.id == networkID }) {
      return .fault(400, "Invalid input received: The specified share network does not exist..")
    }
    if handlesServers == true && networkID == nil {
      return .fault(
        400,
        "Invalid input received: When using a share type with the driver_handles_share_servers extra spec as True, a share_network_id must be provided..")
    }
    guard let groupType = state.manila.shareGroupTypes.first(where: { $0.id == groupTypeID }) else {
      return .fault(400, "Invalid input received: The specified share group type \(groupTypeID) does not exist..")
    }
    guard Set(typeIDs).isSubset(of: Set(groupType.shareTypeIDs)) else {
      return .fault(
        400,
        "Invalid input received: The specified share types must be a subset of the share types supported by the share group type..")
    }
    let group = ManilaState.ShareGroup(
      id: state.ids.uuid(), projectID: caller.projectID, userID: caller.userID, name: body["name"]?.string,
      description: body["description"]?.string, status: "creating", host: nil, shareGroupTypeID: groupTypeID,
      shareTypeIDs: typeIDs, shareNetworkID: networkID, availabilityZone: body["availability_zone"]?.string,
      sourceSnapshotID: nil, created: state.clock.now)
    state.manila.shareGroups.append(group)
    let id = group.id
    state.after(createDelay) { state in
      guard let index = resource.index(state, of: id) else { return }
      let zone = state.manila.shareGroups[index].availabilityZone
      let backend = state.manila.backends.first { backend in zone.map { backend.availabilityZone == $0 } ?? true }
      guard let backend else {
        state.manila.shareGroups[index].status = "error"
        return
      }
      state.manila.shareGroups[index].host = String(backend.host.prefix { $0 != "#" })
      state.manila.shareGroups[index].availabilityZone = backend.availabilityZone
      state.manila.shareGroups[index].status = "available"
    }
    return .json(202, .object(["share_group": resource.view(group, resource.context(state, call))]))
  }

  /// `PUT`: only the name and description.
  static func update(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard case .object(let body)? = call.request.body?["share_group"] else {
      return .fault(400, "'share_group' is missing from the request body.")
    }
    let invalid = body.keys.filter { $0 != "name" && $0 != "description" }
    if !invalid.isEmpty {
      return .fault(
        400, "The fields {\(invalid.map(PythonRepr.string).joined(separator: ", "))} are invalid or not allowed to be updated.")
    }
    guard let group = resource.find(state, call), let index = resource.index(state, of: group.id) else {
      return .fault(404, resource.notFound(call.parameters["id"] ?? ""))
    }
    if let name = body["name"] { state.manila.shareGroups[index].name = name.string }
    if let description = body["description"] { state.manila.shareGroups[index].description = description.string }
    return resource.show(state, call)
  }

  /// `delete`: available or failed, without snapshots or shares; `deleting`, then gone.
  static func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let group = resource.find(state, call), let index = resource.index(state, of: group.id) else {
      return .fault(404, resource.notFound(call.parameters["id"] ?? ""))
    }
    let id = group.id
    if group.host != nil {
      guard ["available", "error"].contains(group.status) else {
        return .fault(409, "Invalid share group: Share group status must be one of ('available', 'error').")
      }
      if state.manila.shareGroupSnapshots.contains(where: { $0.shareGroupID == id }) {
        return .fault(409, "Invalid share group: Cannot delete a share group with snapshots.")
      }
      if state.manila.shares.contains(where: { $0.shareGroupID == id }) {
        return .fault(409, "Invalid share group: Cannot delete a share group with shares.")
      }
    }
    state.manila.shareGroups[index].status = "deleting"
    state.after(deleteDelay) { state in state.manila.shareGroups.removeAll { $0.id == id } }
    return APIResponse(status: 202)
  }

  /// `reset_status` and `force_delete` (admin).
  static func action(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard case .object(let body)? = call.request.body, let name = body.keys.first else {
      return .fault(400, "There is no such action: None")
    }
    guard let group = resource.find(state, call), let index = resource.index(state, of: group.id) else {
      return .fault(404, resource.notFound(call.parameters["id"] ?? ""))
    }
    switch name {
    case "reset_status":
      if let fault = ShareTypeService.policyFault(call, "share_group:reset_status") { return fault }
      guard let status = body[name]?["status"]?.string else { return .fault(400, "Must specify 'status'") }
      state.manila.shareGroups[index].status = status
    case "force_delete":
      if let fault = ShareTypeService.policyFault(call, "share_group:force_delete") { return fault }
      state.manila.shareGroups.remove(at: index)
    default: return .fault(400, "There is no such action: \(name)")
    }
    return APIResponse(status: 202)
  }

  /// `share_api.create`'s checks for a share created in a group: the group available, the
  /// share's type one of the group's; the share takes the group's zone.
  static func shareFault(_ state: CloudState, groupID: String, shareTypeID: String) -> APIResponse? {
    guard let group = state.manila.shareGroups.first(where: { $0.id == groupID }) else {
      return .fault(404, "Share group \(groupID) could not be found.")
    }
    guard group.status == "available" else {
      return .fault(400, "Share group status must be available, got \(group.status).")
    }
    guard group.shareTypeIDs.contains(shareTypeID) else {
      return .fault(
        400, "The specified share type (\(shareTypeID)) is not supported by the specified share group (\(groupID)).")
    }
    return nil
  }
}
