import CloudAPI
import Foundation

/// Share access rules: `allow_access` and `deny_access` (share actions), the rules' API
/// (`manila/api/v2/share_accesses.py`, 2.45) and the driver applying them in the background.
enum ShareAccessService {
  static func register(in router: inout Router<CloudState>) {
    router.add(.get, "/v2/share-access-rules", listRules)
    router.add(.get, "/v2/share-access-rules/{id}", showRule)
    router.add(.put, "/v2/share-access-rules/{id}", updateRule)
    router.add(.put, "/v2/share-access-rules/{id}/metadata", setMetadata)
    router.add(.delete, "/v2/share-access-rules/{id}/metadata/{key}", unsetMetadata)
  }

  /// How long the share manager and the driver take to apply or deny queued rules.
  static let applyDelay: Int64 = 1_412_337

  /// The access types the fake back ends' protocol helpers grant, by protocol (as the generic
  /// and LVM drivers' NFS and CIFS helpers, CephFS's and GlusterFS's): a rule of another type
  /// errs, with user message 010/021.
  static let supportedTypes: [String: Set<String>] = [
    "NFS": ["ip"], "CIFS": ["ip", "user"], "CEPHFS": ["cephx"], "GLUSTERFS": ["cert", "ip"], "HDFS": ["user"],
    "MAPRFS": ["user"],
  ]

  static let levels: Set<String> = ["rw", "ro"]

  static let resource = ManilaResource<ManilaState.AccessRule>(
    records: \.accessRules, id: \.id, member: "access", collection: "access_list",
    notFound: { "Share access rule \($0) not found." },
    isVisible: { rule, caller in caller?.isAdmin == true || rule.projectID == caller?.projectID },
    filters: QueryFilters([
      QueryFilter(parameter: "metadata") { text in
        guard let wanted = PythonDictLiteral.parse(text) else { return .failure(FilterFault(response: ShareService.serverError)) }
        return .success { rule in wanted.allSatisfy { rule.metadata[$0.key]?.string == $0.value } }
      },
      QueryFilter.exact("access_type", { $0.accessType }).since(Microversion(2, 82)),
      QueryFilter.exact("access_to", { $0.accessTo }).since(Microversion(2, 82)),
      QueryFilter.exact("access_key", { $0.accessKey }).since(Microversion(2, 82)),
      QueryFilter.exact("access_level", { $0.accessLevel }).since(Microversion(2, 82)),
    ]),
    ordered: { $0.sorted { $0.created < $1.created } },
    fields: [
      .text("id", { $0.id }), .text("share_id", { $0.shareID }), .text("access_level", { $0.accessLevel }),
      .text("access_to", { $0.accessTo }), .text("access_type", { $0.accessType }),
      ViewField("state") { rule, context in
        // Before 2.28 a rule shows its share's status (`new` while syncing).
        guard context.version < Microversion(2, 28) else { return .string(rule.state) }
        let status = context.state.manila.shares.first { $0.id == rule.shareID }?.accessRulesStatus ?? "active"
        return .string(status == "syncing" ? "new" : status)
      },
      .text("access_key", since: Microversion(2, 21), { $0.accessKey }),
      .time("created_at", since: Microversion(2, 33), { $0.created }),
      .time("updated_at", since: Microversion(2, 33), { $0.updated }),
      ViewField("metadata", since: Microversion(2, 45)) { rule, _ in .object(rule.metadata) },
    ])

  /// The list's summary view has no `share_id`.
  static let summary: ManilaResource<ManilaState.AccessRule> = {
    var summary = resource
    summary.fields.removeAll { $0.name == "share_id" }
    return summary
  }()

  // MARK: Share actions

  /// `allow_access`: the share must be available on a host; the rule is checked as
  /// `common.validate_access` checks it, must be new, and is queued for the driver.
  static func allow(_ state: inout CloudState, _ call: Call, share: ManilaState.Share, body: JSON) -> APIResponse {
    let version = state.version(call)
    guard case .object = body else { return .fault(400, "Malformed request body") }
    let type = body["access_type"]?.string ?? ""
    let to = body["access_to"]?.string ?? ""
    let locks = ["lock_visibility", "lock_deletion"].filter { body[$0] == .bool(true) }
    if version >= Microversion(2, 82), locks.isEmpty, body["lock_reason"]?.string != nil {
      return .fault(400, "Lock reason can only be specified when locking the visibility or the deletion of an access rule.")
    }
    if let fault = validate(type: type, to: to, version: version) { return .fault(400, fault) }
    let level = body["access_level"]?.string
    if let level, !levels.contains(level) { return .fault(400, "Invalid share access level: \(level).") }
    if state.manila.accessRules.contains(where: { $0.shareID == share.id && $0.accessType == type && $0.accessTo == to }) {
      return .fault(400, "Share access \(type):\(to) exists.")
    }
    guard share.status == "available", share.host != nil else {
      return .fault(
        400,
        "New access rules cannot be applied while the share or any of its replicas or migration copies lacks a valid host or is in an invalid state."
      )
    }
    let rule = ManilaState.AccessRule(
      id: state.ids.uuid(), shareID: share.id, projectID: share.projectID, accessType: type, accessTo: to,
      accessLevel: level ?? "rw", state: "queued_to_apply",
      metadata: version >= Microversion(2, 45) ? body["metadata"]?.object ?? [:] : [:], created: state.clock.now,
      requestID: call.requestID)
    state.manila.accessRules.append(rule)
    if version >= Microversion(2, 82), !locks.isEmpty, let caller = call.caller {
      AccessRuleLocks.place(
        on: rule, deletion: locks.contains("lock_deletion"), visibility: locks.contains("lock_visibility"),
        reason: body["lock_reason"]?.string, by: caller, in: &state)
    }
    queueUpdate(of: share.id, in: &state)
    return .json(200, .object(["access": resource.view(rule, resource.context(state, call))]))
  }

  /// `deny_access`: the rule's deletion locks checked first (dropped with `unrestrict`, 2.82);
  /// the rule, which must be the share's, is queued to be denied; 202.
  static func deny(_ state: inout CloudState, _ call: Call, share: ManilaState.Share, body: JSON) -> APIResponse {
    let accessID = body["access_id"]?.string ?? ""
    let unrestrict = version(state, call) >= Microversion(2, 82) && body["unrestrict"] == .bool(true)
    if let refusal = AccessRuleLocks.denyRefusal(of: accessID, shareID: share.id, unrestrict: unrestrict, by: call.caller, in: state) {
      return refusal
    }
    guard let index = state.manila.accessRules.firstIndex(where: { $0.id == accessID && $0.shareID == share.id }) else {
      return .fault(404, "Resource could not be found.")
    }
    guard share.host != nil, ["available", "error"].contains(share.status) || version(state, call) >= Microversion(2, 74) else {
      return .fault(
        400,
        "Access rules cannot be denied while the share, any of its replicas or migration copies lacks a valid host or is in an invalid state."
      )
    }
    state.manila.accessRules[index].state = "queued_to_deny"
    state.manila.accessRules[index].updated = state.clock.now
    queueUpdate(of: share.id, in: &state)
    return APIResponse(status: 202)
  }

  private static func version(_ state: CloudState, _ call: Call) -> Microversion { state.version(call) }

  /// `access_list` (2.7 to 2.44): the share's rules, summarised.
  static func accessList(_ state: inout CloudState, _ call: Call, share: ManilaState.Share) -> APIResponse {
    let rules = state.manila.accessRules.filter { $0.shareID == share.id }.sorted { $0.created < $1.created }
    let context = summary.context(state, call)
    return .json(200, .object(["access_list": .array(rules.map { summary.view($0, context) })]))
  }

  /// `common.validate_access`, with cephx and IPv6 (the microversions this cloud serves).
  static func validate(type: String, to: String, version: Microversion) -> String? {
    switch type {
    case "ip": return PythonIPNetwork.error(to)
    case "user": return UserName.fault(to)
    case "cert":
      let name = to.trimmingCharacters(in: .whitespacesAndNewlines)
      return (1...64).contains(name.count) ? nil : "Invalid CN (common name). Must be 1-64 chars long."
    case "cephx" where version >= Microversion(2, 13):
      if to.isEmpty { return "Ceph IDs may not be empty." }
      if !to.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) || (0x09...0x0D).contains($0.value) }) {
        return "Ceph IDs must consist of ASCII printable characters."
      }
      return to.contains(".") ? "Ceph IDs may not contain periods." : nil
    default:
      return version >= Microversion(2, 13)
        ? "Only 'ip', 'user', 'cert' or 'cephx' access types are supported."
        : "Only 'ip', 'user' or 'cert' access types are supported."
    }
  }

  /// The share's rules are syncing until the driver has applied the queue.
  static func queueUpdate(of shareID: String, in state: inout CloudState) {
    guard let index = state.manila.shares.firstIndex(where: { $0.id == shareID }) else { return }
    if state.manila.shares[index].accessRulesStatus == "active" { state.manila.shares[index].accessRulesStatus = "syncing" }
    state.after(applyDelay) { apply(share: shareID, in: &$0) }
  }

  /// The driver's `update_access`: queued rules of a type the protocol supports become active (a
  /// cephx rule with its key), the others err with a user message; denied rules go. The share's
  /// rules status is `error` while any rule is.
  static func apply(share id: String, in state: inout CloudState) {
    guard let share = state.manila.shares.first(where: { $0.id == id }) else { return }
    let supported = supportedTypes[share.proto] ?? []
    for rule in state.manila.accessRules where rule.shareID == id && rule.state == "queued_to_deny" {
      AccessRuleLocks.release(rule: rule.id, in: &state)
    }
    state.manila.accessRules.removeAll { $0.shareID == id && $0.state == "queued_to_deny" }
    for index in state.manila.accessRules.indices where state.manila.accessRules[index].shareID == id {
      let rule = state.manila.accessRules[index]
      guard rule.state == "queued_to_apply" || rule.state == "queued_to_update" else { continue }
      state.manila.accessRules[index].updated = state.clock.now
      if supported.contains(rule.accessType) {
        state.manila.accessRules[index].state = "active"
        if rule.accessType == "cephx" { state.manila.accessRules[index].accessKey = cephxKey(rule.id) }
      } else {
        state.manila.accessRules[index].state = "error"
        ShareService.leaveMessage(action: "010", detail: "021", share: share, requestID: rule.requestID, in: &state)
      }
    }
    guard let shareIndex = state.manila.shares.firstIndex(where: { $0.id == id }) else { return }
    let anyError = state.manila.accessRules.contains { $0.shareID == id && $0.state == "error" }
    state.manila.shares[shareIndex].accessRulesStatus = anyError ? "error" : "active"
  }

  /// A Ceph key's shape (base64 of 28 bytes, `AQ` first), made from the rule's ID.
  private static func cephxKey(_ id: String) -> String {
    let bytes = Array(("AQ" + id.replacingEvery("-", with: "")).utf8.prefix(28))
    return Data(bytes).base64EncodedString()
  }

  // MARK: The rules' API

  /// `GET /v2/share-access-rules?share_id=`: the share's rules, filtered.
  static func listRules(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard state.version(call) >= Microversion(2, 45) else { return .fault(404, "The resource could not be found.") }
    guard let shareID = call.query("share_id") else { return .fault(400, "The field 'share_id' has to be specified.") }
    let version = state.version(call)
    if version >= Microversion(2, 82) {
      let type = call.query("access_type")
      if let type, !["ip", "user", "cert", "cephx"].contains(type) {
        return .fault(400, "Invalid share access type: \(type).")
      }
      if call.query("access_to") != nil && type == nil {
        return .fault(400, "Invalid input received: 'access_type' parameter must be provided when specifying 'access_to'..")
      }
      if let type, let to = call.query("access_to"), let fault = validate(type: type, to: to, version: version) {
        return .fault(400, fault)
      }
      if let level = call.query("access_level"), !levels.contains(level) {
        return .fault(400, "Invalid or unsupported share access level: \(level).")
      }
    }
    guard ShareService.visibleShare(state, id: shareID, caller: call.caller) != nil else {
      return .fault(400, "Share \(shareID) not found.")
    }
    // A rule whose visibility is restricted is left out of a search by what it hides.
    let searchesHidden = call.query("access_to") != nil || call.query("access_key") != nil
    return redactedSummary.list(state, call) { rule in
      rule.shareID == shareID && !(searchesHidden && AccessRuleLocks.isRestricted(rule, for: call.caller, in: state))
    }
  }

  static func showRule(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard state.version(call) >= Microversion(2, 45) else { return .fault(404, "The resource could not be found.") }
    return redacted.show(state, call)
  }

  /// `PUT /v2/share-access-rules/{id}` (2.88): a new access level, which the driver applies
  /// (`queued_to_update`); the answer shows the rule as it was found, with its new level.
  static func updateRule(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard state.version(call) >= Microversion(2, 88) else { return .fault(404, "The resource could not be found.") }
    guard case .object(let update)? = call.request.body?["update_access"] else {
      return .fault(400, "The server could not comply with the request since it is either malformed or otherwise incorrect.")
    }
    guard let level = update["access_level"]?.string, !level.isEmpty else {
      return .fault(400, "Invalid input. Missing 'access_level' in update request.")
    }
    guard levels.contains(level) else { return .fault(400, "Invalid or unsupported share access level: \(level).") }
    guard let rule = resource.find(state, call), let index = resource.index(state, of: rule.id) else {
      return .fault(404, "Share access rule \(call.parameters["id"] ?? "") not found.")
    }
    // Unredacted: Manila's update does not look at visibility locks.
    guard level != rule.accessLevel else { return .json(200, .object(["access": resource.view(rule, resource.context(state, call))])) }
    guard let share = state.manila.shares.first(where: { $0.id == rule.shareID }), share.host != nil,
      ["available", "error"].contains(share.status)
    else {
      return .fault(
        400,
        "Access rules cannot be updated while the share, any of its replicas or migration copies lacks a valid host or is in an invalid state.")
    }
    state.manila.accessRules[index].accessLevel = level
    state.manila.accessRules[index].updated = state.clock.now
    let shown = APIResponse.json(
      200, .object(["access": resource.view(state.manila.accessRules[index], resource.context(state, call))]))
    state.manila.accessRules[index].state = "queued_to_update"
    queueUpdate(of: share.id, in: &state)
    return shown
  }

  /// The rules' API's views, which visibility locks redact.
  static let redacted = AccessRuleLocks.redacting(resource)
  static let redactedSummary = AccessRuleLocks.redacting(summary)

  /// `PUT /v2/share-access-rules/{id}/metadata`: the items added to the rule's.
  static func setMetadata(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let rule = resource.find(state, call), let index = resource.index(state, of: rule.id) else {
      return .fault(404, "Share access rule \(call.parameters["id"] ?? "") not found.")
    }
    guard let metadata = call.request.body?["metadata"]?.object else { return .fault(400, "Malformed request body") }
    for (key, value) in metadata { state.manila.accessRules[index].metadata[key] = value }
    return .json(200, .object(["metadata": .object(state.manila.accessRules[index].metadata)]))
  }

  static func unsetMetadata(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let rule = resource.find(state, call), let index = resource.index(state, of: rule.id) else {
      return .fault(404, "Share access rule \(call.parameters["id"] ?? "") not found.")
    }
    let key = call.parameters["key"] ?? ""
    guard rule.metadata[key] != nil else { return .fault(404, "Metadata item \(key) could not be found.") }
    state.manila.accessRules[index].metadata.removeValue(forKey: key)
    return .noContent()
  }
}
