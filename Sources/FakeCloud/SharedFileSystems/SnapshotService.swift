import CloudAPI
import Foundation

/// Share snapshots (`manila/api/v2/share_snapshots.py`): created from an available share whose
/// type supports them, `creating` then `available` with the dummy driver's export locations.
enum SnapshotService {
  static func register(in router: inout Router<CloudState>) {
    router.add(.post, "/v2/snapshots", create)
    router.add(.get, "/v2/snapshots", { state, call in list(state, call, brief: true) })
    router.add(.get, "/v2/snapshots/detail", { state, call in list(state, call, brief: false) })
    router.add(.get, "/v2/snapshots/{id}", { state, call in resource.show(state, call) })
    router.add(.put, "/v2/snapshots/{id}", update)
    router.add(.delete, "/v2/snapshots/{id}", delete)
    router.add(.post, "/v2/snapshots/{id}/action", action)
    router.add(.post, "/v2/snapshots/{id}/metadata", setMetadata)
    router.add(.delete, "/v2/snapshots/{id}/metadata/{key}", unsetMetadata)
    router.add(.get, "/v2/snapshots/{id}/export-locations", exportLocations)
    router.add(.get, "/v2/snapshots/{id}/access-list", SnapshotAccessService.list)
  }

  /// MySQL's `LIKE '%value%'`, case-insensitive under the database's collation.
  @Sendable static func likeSubstring(_ pattern: String) -> (String) -> Bool {
    let wanted = pattern.lowercased()
    return { $0.lowercased().contains(wanted) }
  }

  static let createDelay: Int64 = 1_204_551
  static let deleteDelay: Int64 = 733_017

  static let resource = ManilaResource<ManilaState.Snapshot>(
    records: \.snapshots, id: \.id, member: "snapshot", collection: "snapshots",
    notFound: { "Snapshot \($0) could not be found." },
    isVisible: { snapshot, caller in caller?.isAdmin == true || snapshot.projectID == caller?.projectID },
    filters: QueryFilters([
      .exact("name", { $0.name }), .exact("status", { $0.status }), .exact("share_id", { $0.shareID }),
      .exact("description", { $0.description }).since(Microversion(2, 36)),
      .pattern("name~", { $0.name }, matcher: likeSubstring)
        .since(Microversion(2, 36)),
      .pattern("description~", { $0.description }, matcher: likeSubstring)
        .since(Microversion(2, 36)),
      QueryFilter(parameter: "metadata") { text in
        guard let wanted = PythonDictLiteral.parse(text) else { return .failure(FilterFault(response: ShareService.serverError)) }
        return .success { snapshot in wanted.allSatisfy { snapshot.metadata[$0.key]?.string == $0.value } }
      },
    ]),
    ordered: { $0.sorted { $0.created > $1.created } },
    fields: [
      .text("id", { $0.id }), .text("share_id", { $0.shareID }),
      ViewField("share_size") { snapshot, _ in .int(snapshot.size) },
      .time("created_at", { $0.created }), .text("status", { $0.status }), .text("name", { $0.name }),
      .text("description", { $0.description }), ViewField("size") { snapshot, _ in .int(snapshot.size) },
      .text("share_proto", { $0.shareProto }), ViewField("links") { _, _ in .array([]) },
      .text("provider_location", since: Microversion(2, 12), adminOnly: true, { $0.providerLocation }),
      .text("user_id", since: Microversion(2, 17), { $0.userID }),
      .text("project_id", since: Microversion(2, 17), { $0.projectID }),
      ViewField("metadata", since: Microversion(2, 73)) { snapshot, _ in .object(snapshot.metadata) },
    ],
    briefFields: ["id", "name", "links"])

  /// `_get_snapshots`: the resource's filters, an admin's `usage` (members' is dropped as an
  /// option they may not use), and from 2.79 `with_count`.
  static func list(_ state: CloudState, _ call: Call, brief: Bool) -> APIResponse {
    let counted = state.version(call) >= Microversion(2, 79) && call.query("with_count").flatMap(StrictBool.parse) == true
    var usage: (ManilaState.Snapshot) -> Bool = { _ in true }
    if call.caller?.isAdmin == true, let wanted = call.query("usage") {
      // The database joins every share to every snapshot: `used` keeps a snapshot a share was
      // made from, `unused` one beside a share made from another snapshot.
      let sources = state.manila.shares.compactMap(\.snapshotID)
      switch wanted {
      case "any": break
      case "used": usage = { sources.contains($0.id) }
      case "unused": usage = { snapshot in sources.contains { $0 != snapshot.id } }
      default:
        return .fault(
          400, "Invalid input received: Wrong 'usage' key provided - '\(wanted)'. Expected keys are '['any', 'used', 'unused']'..")
      }
    }
    return resource.list(state, call, brief: brief, counted: counted, scope: usage)
  }

  /// `POST /v2/snapshots`: the share must support snapshots and be available.
  static func create(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller, let body = call.request.body?["snapshot"], case .object = body else {
      return .fault(422, "Unable to process the contained instructions")
    }
    let shareID = body["share_id"]?.string ?? ""
    guard let share = ShareService.visibleShare(state, id: shareID, caller: caller) else {
      return .fault(404, "Share \(shareID) could not be found.")
    }
    let type = state.manila.shareTypes.first { $0.id == share.shareTypeID }
    guard type.flatMap({ $0.extraSpecs["snapshot_support"] }).flatMap(ExtraSpecs.boolean) == true else {
      return .fault(422, "Snapshots cannot be created for share '\(shareID)' since it does not have that capability.")
    }
    for field in ["name", "description"] {
      if let text = body[field]?.string, text.count > 255 {
        return .fault(400, "\(field.prefix(1).uppercased() + field.dropFirst()) can not be longer than 255 characters.")
      }
    }
    let force = body["force"].flatMap(ExtraSpecs.boolean) ?? false
    guard force || share.status == "available" else {
      return .fault(400, "Invalid share: Source share status must be available.")
    }
    let version = state.version(call)
    let snapshot = ManilaState.Snapshot(
      id: state.newResourceID(), instanceID: state.ids.uuid(), shareID: share.id, projectID: caller.projectID,
      userID: caller.userID, name: body["name"]?.string, description: body["description"]?.string, size: share.size,
      shareProto: share.proto, status: "creating",
      metadata: version >= Microversion(2, 73) ? body["metadata"]?.object ?? [:] : [:], created: state.clock.now)
    state.manila.snapshots.append(snapshot)
    let id = snapshot.id
    state.after(createDelay) { finishCreating(id, in: &$0) }
    return .json(202, .object(["snapshot": resource.view(snapshot, resource.context(state, call))]))
  }

  /// The dummy driver's `create_snapshot`: a provider location and its export locations.
  private static func finishCreating(_ id: String, in state: inout CloudState) {
    guard let index = resource.index(state, of: id) else { return }
    let snapshot = state.manila.snapshots[index]
    let mount = "/path/to/fake/snapshot/snapshot_\(snapshot.instanceID)".replacingEvery("-", with: "_")
    state.manila.snapshots[index].providerLocation = mount
    state.manila.snapshots[index].exportLocations = [("11.0.0.11", true), ("10.0.0.10", false), ("10.0.0.20", false)]
      .map { address, adminOnly in
        ManilaState.ExportLocation(id: state.ids.uuid(), path: "\(address):\(mount)", preferred: false, isAdminOnly: adminOnly)
      }
    state.manila.snapshots[index].status = "available"
  }

  /// `PUT /v2/snapshots/{id}`: name and description, by their display names or not.
  static func update(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let snapshot = resource.find(state, call), let index = resource.index(state, of: snapshot.id) else {
      return .fault(404, "Snapshot \(call.parameters["id"] ?? "") could not be found.")
    }
    guard let body = call.request.body?["snapshot"], case .object = body else { return .fault(422, "Unable to process the contained instructions") }
    for (keys, path) in [(["display_name", "name"], \ManilaState.Snapshot.name), (["display_description", "description"], \.description)] {
      guard let key = keys.first(where: { body[$0] != nil }) else { continue }
      state.manila.snapshots[index][keyPath: path] = body[key]?.string
    }
    return resource.show(state, call)
  }

  /// `DELETE /v2/snapshots/{id}`: 202; `deleting`, then gone. A snapshot a share is being
  /// created from cannot go.
  static func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let snapshot = resource.find(state, call), let index = resource.index(state, of: snapshot.id) else {
      return .fault(404, "Snapshot \(call.parameters["id"] ?? "") could not be found.")
    }
    guard ["available", "error"].contains(snapshot.status) else {
      return .fault(403, "Invalid share snapshot: Share Snapshot status must be one of ('available', 'error')..")
    }
    state.manila.snapshots[index].status = "deleting"
    let id = snapshot.id
    state.after(deleteDelay) { state in
      state.manila.snapshots.removeAll { $0.id == id }
      state.manila.snapshotAccessRules.removeAll { $0.snapshotID == id }
    }
    return APIResponse(status: 202)
  }

  /// `reset_status` and `force_delete` (admin); `allow_access` and `deny_access` (2.32).
  static func action(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard case .object(let body)? = call.request.body, let name = body.keys.first else {
      return .fault(400, "There is no such action: None")
    }
    guard let snapshot = resource.find(state, call), let index = resource.index(state, of: snapshot.id) else {
      return .fault(404, "Snapshot \(call.parameters["id"] ?? "") could not be found.")
    }
    switch name {
    case "reset_status", "os-reset_status":
      if let fault = ShareTypeService.policyFault(call, "share_snapshot:reset_status") { return fault }
      guard let status = body[name]?["status"]?.string else { return .fault(400, "Must specify 'status'") }
      state.manila.snapshots[index].status = status
    case "force_delete", "os-force_delete":
      if let fault = ShareTypeService.policyFault(call, "share_snapshot:force_delete") { return fault }
      state.manila.snapshots.remove(at: index)
    case "unmanage":
      return ShareAdoption.unmanageSnapshot(&state, call, snapshot: snapshot)
    case "allow_access" where state.version(call) >= Microversion(2, 32):
      return SnapshotAccessService.allow(&state, call, snapshot: snapshot, body: body[name] ?? .null)
    case "deny_access" where state.version(call) >= Microversion(2, 32):
      return SnapshotAccessService.deny(&state, call, snapshot: snapshot, body: body[name] ?? .null)
    default: return .fault(400, "There is no such action: \(name)")
    }
    return APIResponse(status: 202)
  }

  static func setMetadata(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let snapshot = resource.find(state, call), let index = resource.index(state, of: snapshot.id) else {
      return .fault(404, "Snapshot \(call.parameters["id"] ?? "") could not be found.")
    }
    guard let metadata = call.request.body?["metadata"]?.object else { return .fault(400, "Malformed request body") }
    for (key, value) in metadata { state.manila.snapshots[index].metadata[key] = value }
    return .json(200, .object(["metadata": .object(state.manila.snapshots[index].metadata)]))
  }

  static func unsetMetadata(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let snapshot = resource.find(state, call), let index = resource.index(state, of: snapshot.id) else {
      return .fault(404, "Snapshot \(call.parameters["id"] ?? "") could not be found.")
    }
    let key = call.parameters["key"] ?? ""
    guard snapshot.metadata[key] != nil else { return .fault(404, "Metadata item was not found") }
    state.manila.snapshots[index].metadata.removeValue(forKey: key)
    return APIResponse(status: 200)
  }

  /// `GET /v2/snapshots/{id}/export-locations` (2.32); admin-only paths for admins.
  static func exportLocations(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let snapshot = resource.find(state, call) else {
      return .fault(404, "Snapshot \(call.parameters["id"] ?? "") could not be found.")
    }
    let isAdmin = call.caller?.isAdmin == true
    let views = snapshot.exportLocations.filter { isAdmin || !$0.isAdminOnly }.map { location -> JSON in
      var view: JSONObject = ["id": .string(location.id), "path": .string(location.path), "links": .array([])]
      if isAdmin {
        view["share_snapshot_instance_id"] = .string(snapshot.instanceID)
        view["is_admin_only"] = .bool(location.isAdminOnly)
      }
      return .object(view)
    }
    return .json(200, .object(["share_snapshot_export_locations": .array(views)]))
  }
}
