import CloudAPI
import Foundation

extension ManilaState {
  /// A share offered by its project to whichever project accepts it with the auth key
  /// (`transfers`); accepted or deleted, it is gone.
  struct ShareTransfer {
    var id: String
    var name: String?
    var shareID: String
    var sourceProjectID: String
    var authKey: String
    var created: Int64
    var expires: Int64
  }
}

/// Share transfers (`manila/api/v2/share_transfer.py`, 2.77): create puts an available share
/// in `awaiting_transfer` and answers with the auth key, once; accept hands the share (and its
/// snapshots) to the caller's project; delete, or `transfer_retention_time` passing, puts it back.
enum ShareTransferService {
  static func register(in router: inout Router<CloudState>) {
    router.add(.post, "/v2/share-transfers", create)
    router.add(.get, "/v2/share-transfers", { state, call in list(state, call, brief: true) })
    router.add(.get, "/v2/share-transfers/detail", { state, call in list(state, call, brief: false) })
    router.add(.get, "/v2/share-transfers/{id}", { state, call in resource.show(state, call) })
    router.add(.delete, "/v2/share-transfers/{id}", delete)
    router.add(.post, "/v2/share-transfers/{id}/accept", accept)
  }

  /// `transfer_retention_time`'s default, in microseconds.
  static let retention: Int64 = 300 * 1_000_000

  /// `_transfer_get`: a member sees the transfers of its project's shares.
  static let resource = ManilaResource<ManilaState.ShareTransfer>(
    records: \.shareTransfers, id: \.id, member: "transfer", collection: "transfers",
    notFound: { "Transfer \($0) could not be found." },
    isVisible: { transfer, caller in caller?.isAdmin == true || transfer.sourceProjectID == caller?.projectID },
    filters: QueryFilters([
      .exact("name", { $0.name }), .exact("id", { $0.id }), .exact("resource_type", { _ in "share" }),
      .exact("resource_id", { $0.shareID }), .exact("source_project_id", { $0.sourceProjectID }),
      .exact("destination_project_id", { _ in nil }),
    ]),
    fields: [
      .text("id", { $0.id }), .time("created_at", { $0.created }), .text("name", { $0.name }),
      .text("resource_type", { _ in "share" }), .text("resource_id", { $0.shareID }),
      .text("source_project_id", { $0.sourceProjectID }), ViewField("destination_project_id") { _, _ in .null },
      ViewField("accepted") { _, _ in .bool(false) }, .time("expires_at", { $0.expires }),
      ViewField("links") { _, _ in .array([]) },
    ],
    briefFields: ["id", "name", "resource_type", "resource_id", "links"])

  /// `_transfer_get_all`: the caller's project's transfers (every project's for an admin with
  /// `all_tenants`); the database sorts (`created_at` descending unless told) only when some
  /// filter is given, which a member's project always is.
  static func list(_ state: CloudState, _ call: Call, brief: Bool) -> APIResponse {
    let allProjects = call.caller?.isAdmin == true && call.query("all_tenants").flatMap { ExtraSpecs.boolean(.string($0)) } == true
    let filtered = !allProjects || resource.filters.filters.contains { call.query($0.parameter) != nil }
    var transfers = state.manila.shareTransfers.filter { allProjects || $0.sourceProjectID == call.caller?.projectID }
    if filtered {
      let key = call.query("sort_key") ?? "created_at"
      let ascending = call.query("sort_dir") == "asc"
      let value = { (transfer: ManilaState.ShareTransfer) -> String in
        switch key {
        case "id": transfer.id
        case "display_name": transfer.name ?? ""
        case "resource_id": transfer.shareID
        case "source_project_id": transfer.sourceProjectID
        case "expires_at": VirtualClock.isoMicroseconds(transfer.expires)
        default: VirtualClock.isoMicroseconds(transfer.created)
        }
      }
      transfers.sort { ascending ? value($0) < value($1) : value($0) > value($1) }
    }
    return resource.table.list(transfers, call, resource.context(state, call), brief: brief)
  }

  /// `transfer_api.create`: an available share of the caller's, outside share networks, groups
  /// and replication, whose snapshots are available.
  static func create(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard case .object(let body)? = call.request.body?["transfer"] else {
      return .fault(400, "'transfer' is missing from the request body.")
    }
    guard let shareID = body["share_id"]?.string, !shareID.isEmpty else { return .fault(400, "Must supply 'share_id' attribute.") }
    guard UUIDText.isUUIDLike(shareID) else { return .fault(400, "The 'share_id' attribute must be a uuid.") }
    guard let share = ShareService.visibleShare(state, id: shareID, caller: call.caller),
      let index = state.manila.shares.firstIndex(where: { $0.id == share.id })
    else { return .fault(400, "Invalid share: Share specified was not found..") }
    let invalid = { (reason: String) in APIResponse.fault(400, "Invalid share: \(reason).") }
    guard share.status == "available" else { return invalid("Share's status must be available") }
    if share.shareNetworkID != nil { return invalid("Shares exported over share networks cannot be transferred.") }
    if share.shareGroupID != nil { return invalid("Shares within share groups cannot be transferred.") }
    if state.manila.shareReplicas.contains(where: { $0.shareID == share.id && $0.replicaState != "active" }) {
      return invalid("Shares with replicas cannot be transferred.")
    }
    if let snapshot = state.manila.snapshots.first(where: { $0.shareID == share.id && $0.status != "available" }) {
      return .fault(400, "Invalid snapshot: Snapshot: \(snapshot.id) status must be available.")
    }
    // `_get_random_string`: hex digits of a hash, 16 of them.
    let key = String(state.ids.uuid().replacingEvery("-", with: "").prefix(16))
    let now = state.clock.now
    let transfer = ManilaState.ShareTransfer(
      id: state.ids.uuid(), name: body["name"]?.string.map { $0.trimmingCharacters(in: .whitespaces) }, shareID: share.id,
      sourceProjectID: share.projectID, authKey: key, created: now, expires: now + retention)
    state.manila.shareTransfers.append(transfer)
    state.manila.shares[index].status = "awaiting_transfer"
    let transferID = transfer.id
    // The share manager's `delete_expired_transfers` puts the share back when the time is up.
    state.after(retention) { state in
      guard state.manila.shareTransfers.contains(where: { $0.id == transferID }) else { return }
      destroy(transferID, in: &state)
    }
    guard case .object(var view) = resource.view(transfer, resource.context(state, call)) else { return .fault(500, "") }
    view["auth_key"] = .string(key)
    return .json(202, .object(["transfer": .object(view)]))
  }

  /// `transfer_api.delete`: the share, still awaiting its transfer, is available again; 200.
  static func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let transfer = resource.find(state, call) else { return .fault(404, "Transfer \(call.parameters["id"] ?? "") could not be found.") }
    destroy(transfer.id, in: &state)
    return APIResponse(status: 200)
  }

  /// `transfer_api.accept`: the key must match; the share moves to the caller's project and user
  /// with its snapshots (its access rules dropped with `clear_access_rules`); 202.
  static func accept(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller, case .object(let body)? = call.request.body?["accept"] else {
      return .fault(400, "'accept' is missing from the request body.")
    }
    guard let key = body["auth_key"]?.string, !key.isEmpty else {
      return .fault(400, "Must supply 'auth_key' while accepting a share transfer.")
    }
    var clearRules = false
    if let value = body["clear_access_rules"], value != .bool(false) {
      guard let flag = ExtraSpecs.boolean(value) else {
        return .fault(400, "Invalid boolean clear_access_rules : \(ExtraSpecs.text(of: value))")
      }
      clearRules = flag
    }
    let id = call.parameters["id"] ?? ""
    // An elevated context finds any project's transfer.
    guard let transfer = state.manila.shareTransfers.first(where: { $0.id == id }) else {
      return .fault(400, "Transfer \(id) could not be found.")
    }
    guard transfer.authKey == key else {
      return .fault(400, "Invalid auth key: Attempt to transfer \(id) with invalid auth key.")
    }
    guard let index = state.manila.shares.firstIndex(where: { $0.id == transfer.shareID }) else {
      return .fault(400, "Invalid share: Share specified was not found..")
    }
    let share = state.manila.shares[index]
    guard share.status == "awaiting_transfer" else {
      return .fault(
        400, "Invalid share: Transfer \(id): share id \(share.id) expected in awaiting_transfer state..")
    }
    if let type = state.manila.shareTypes.first(where: { $0.id == share.shareTypeID }), !type.isPublic,
      !type.projects.contains(caller.projectID)
    {
      return .fault(
        400,
        "Invalid share: Share type of share \(share.id) is not public, and current project can not access the share type .")
    }
    state.manila.shares[index].status = "available"
    state.manila.shares[index].projectID = caller.projectID
    state.manila.shares[index].userID = caller.userID
    state.manila.shares[index].updated = state.clock.now
    for snapshot in state.manila.snapshots.indices where state.manila.snapshots[snapshot].shareID == share.id {
      state.manila.snapshots[snapshot].projectID = caller.projectID
      state.manila.snapshots[snapshot].userID = caller.userID
    }
    if clearRules { state.manila.accessRules.removeAll { $0.shareID == share.id } }
    state.manila.shareTransfers.removeAll { $0.id == id }
    return APIResponse(status: 202)
  }

  /// `transfer_destroy`: the transfer gone, its share available.
  private static func destroy(_ id: String, in state: inout CloudState) {
    guard let transfer = state.manila.shareTransfers.first(where: { $0.id == id }) else { return }
    if let index = state.manila.shares.firstIndex(where: { $0.id == transfer.shareID }) {
      state.manila.shares[index].status = "available"
    }
    state.manila.shareTransfers.removeAll { $0.id == id }
  }
}
