import CloudAPI

/// Share group snapshots (`manila/api/v2/share_group_snapshots.py`): one snapshot of every
/// share of an available group, taken together.
enum ShareGroupSnapshotService {
  static func register(in router: inout Router<CloudState>) {
    router.add(.post, "/v2/share-group-snapshots", create)
    router.add(.get, "/v2/share-group-snapshots", { state, call in list(state, call, brief: true) })
    router.add(.get, "/v2/share-group-snapshots/detail", { state, call in list(state, call, brief: false) })
    router.add(.get, "/v2/share-group-snapshots/{id}", { state, call in resource.show(state, call) })
    router.add(.put, "/v2/share-group-snapshots/{id}", update)
    router.add(.delete, "/v2/share-group-snapshots/{id}", delete)
    router.add(.post, "/v2/share-group-snapshots/{id}/action", action)
  }

  static let createDelay: Int64 = 1_120_845

  static let resource = ManilaResource<ManilaState.ShareGroupSnapshot>(
    records: \.shareGroupSnapshots, id: \.id, member: "share_group_snapshot", collection: "share_group_snapshots",
    notFound: { "Share group snapshot \($0) not found." },
    isVisible: { snapshot, caller in caller?.isAdmin == true || snapshot.projectID == caller?.projectID },
    filters: QueryFilters([
      .exact("name", { $0.name }), .exact("status", { $0.status }), .exact("share_group_id", { $0.shareGroupID }),
    ]),
    ordered: { $0.sorted { $0.created > $1.created } },
    fields: [
      .text("id", { $0.id }), .text("name", { $0.name }), .time("created_at", { $0.created }),
      .text("status", { $0.status }), .text("description", { $0.description }), .text("project_id", { $0.projectID }),
      .text("share_group_id", { $0.shareGroupID }),
      ViewField("members") { snapshot, _ in
        .array(snapshot.members.map { .object(["id": .string($0.id), "size": .int($0.size), "share_id": .string($0.shareID)]) })
      },
      ViewField("links") { _, _ in .array([]) },
    ],
    briefFields: ["id", "name", "links"])

  static func list(_ state: CloudState, _ call: Call, brief: Bool) -> APIResponse {
    let allProjects = call.caller?.isAdmin == true && call.query("all_tenants").map { $0 != "0" && $0.lowercased() != "false" } == true
    return resource.list(state, call, brief: brief) { allProjects || $0.projectID == call.caller?.projectID }
  }

  /// `create_share_group_snapshot`: the group and its shares available; `creating`, then
  /// `available`, a member per share.
  static func create(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller, case .object(let body)? = call.request.body?["share_group_snapshot"] else {
      return .fault(400, "'share_group_snapshot' is missing from the request body.")
    }
    guard let groupID = body["share_group_id"]?.string else { return .fault(400, "Must supply 'share_group_id' attribute.") }
    guard UUIDText.isUUIDLike(groupID) else { return .fault(400, "The 'share_group_id' attribute must be a uuid.") }
    guard let group = state.manila.shareGroups.first(where: { $0.id == groupID && ShareGroupService.resource.isVisible($0, caller) })
    else {
      return .fault(400, "Share group \(groupID) could not be found.")
    }
    guard group.status == "available" else {
      return .fault(409, "Invalid share group: Share group status must be available")
    }
    let shares = state.manila.shares.filter { $0.shareGroupID == groupID }
    if let busy = shares.first(where: { $0.status != "available" }) {
      return .fault(
        409,
        "Invalid share group: Share \(busy.id) in share group must have status of available in order to create a group snapshot")
    }
    let members = shares.map { share in
      ManilaState.ShareGroupSnapshot.Member(id: state.ids.uuid(), shareID: share.id, size: share.size, proto: share.proto)
    }
    let snapshot = ManilaState.ShareGroupSnapshot(
      id: state.ids.uuid(), projectID: caller.projectID, shareGroupID: groupID, name: body["name"]?.string,
      description: body["description"]?.string, status: "creating", members: members, created: state.clock.now)
    state.manila.shareGroupSnapshots.append(snapshot)
    let id = snapshot.id
    state.after(createDelay) { state in
      guard let index = resource.index(state, of: id) else { return }
      state.manila.shareGroupSnapshots[index].status = "available"
    }
    return .json(202, .object(["share_group_snapshot": resource.view(snapshot, resource.context(state, call))]))
  }

  static func update(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard case .object(let body)? = call.request.body?["share_group_snapshot"] else {
      return .fault(400, "'share_group_snapshot' is missing from the request body.")
    }
    let invalid = body.keys.filter { $0 != "name" && $0 != "description" }
    if !invalid.isEmpty {
      return .fault(
        400, "The fields {\(invalid.map(PythonRepr.string).joined(separator: ", "))} are invalid or not allowed to be updated.")
    }
    guard let snapshot = resource.find(state, call), let index = resource.index(state, of: snapshot.id) else {
      return .fault(404, resource.notFound(call.parameters["id"] ?? ""))
    }
    if let name = body["name"] { state.manila.shareGroupSnapshots[index].name = name.string }
    if let description = body["description"] { state.manila.shareGroupSnapshots[index].description = description.string }
    return resource.show(state, call)
  }

  /// `delete`: available or failed; `deleting`, then gone.
  static func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let snapshot = resource.find(state, call), let index = resource.index(state, of: snapshot.id) else {
      return .fault(404, resource.notFound(call.parameters["id"] ?? ""))
    }
    guard ["available", "error"].contains(snapshot.status) else {
      return .fault(409, "Invalid share group snapshot: Share group snapshot status must be one of ('available', 'error').")
    }
    state.manila.shareGroupSnapshots[index].status = "deleting"
    let id = snapshot.id
    state.after(createDelay) { state in state.manila.shareGroupSnapshots.removeAll { $0.id == id } }
    return APIResponse(status: 202)
  }

  /// `reset_status` and `force_delete` (admin).
  static func action(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard case .object(let body)? = call.request.body, let name = body.keys.first else {
      return .fault(400, "There is no such action: None")
    }
    guard let snapshot = resource.find(state, call), let index = resource.index(state, of: snapshot.id) else {
      return .fault(404, resource.notFound(call.parameters["id"] ?? ""))
    }
    switch name {
    case "reset_status":
      if let fault = ShareTypeService.policyFault(call, "share_group_snapshot:reset_status") { return fault }
      guard let status = body[name]?["status"]?.string else { return .fault(400, "Must specify 'status'") }
      state.manila.shareGroupSnapshots[index].status = status
    case "force_delete":
      if let fault = ShareTypeService.policyFault(call, "share_group_snapshot:force_delete") { return fault }
      state.manila.shareGroupSnapshots.remove(at: index)
    default: return .fault(400, "There is no such action: \(name)")
    }
    return APIResponse(status: 202)
  }
}
