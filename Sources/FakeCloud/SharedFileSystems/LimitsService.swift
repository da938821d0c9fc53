import CloudAPI

/// `GET /v2/limits` (`manila/api/v2/limits.py`): the project's quotas and what it uses, under
/// the absolute limits' names, in the quota engine's order; no rate limits.
enum LimitsService {
  static func register(in router: inout Router<CloudState>) {
    router.add(.get, "/v2/limits", show)
  }

  /// Each quota resource, in registration order: its default (`quota_*`, when the quota table lacks it), its names as a limit
  /// and as a use, and the microversion that shows it.
  static let resources: [(key: String, quota: Int, limit: String, used: String?, since: Microversion?)] = [
    ("shares", 50, "maxTotalShares", "totalSharesUsed", nil),
    ("snapshots", 50, "maxTotalShareSnapshots", "totalShareSnapshotsUsed", nil),
    ("gigabytes", ManilaState.gigabytesQuota, "maxTotalShareGigabytes", "totalShareGigabytesUsed", nil),
    ("snapshot_gigabytes", 1000, "maxTotalSnapshotGigabytes", "totalSnapshotGigabytesUsed", nil),
    ("share_networks", 10, "maxTotalShareNetworks", "totalShareNetworksUsed", nil),
    ("share_groups", 50, "maxTotalShareGroups", "totalShareGroupsUsed", Microversion(2, 58)),
    ("share_group_snapshots", 50, "maxTotalShareGroupSnapshots", "totalShareGroupSnapshotsUsed", Microversion(2, 58)),
    ("share_replicas", 100, "maxTotalShareReplicas", "totalShareReplicasUsed", Microversion(2, 53)),
    ("replica_gigabytes", 1000, "maxTotalReplicaGigabytes", "totalReplicaGigabytesUsed", Microversion(2, 53)),
    ("backups", 10, "maxTotalShareBackups", "totalShareBackupsUsed", Microversion(2, 80)),
    ("backup_gigabytes", 1000, "maxTotalBackupGigabytes", "totalBackupGigabytesUsed", Microversion(2, 80)),
  ]

  static func show(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let scope = ManilaQuotas.Scope(projectID: call.caller?.projectID ?? "")
    let quotas = Dictionary(uniqueKeysWithValues: ManilaQuotas.resources.map { ($0.name, $0) })
    let version = state.version(call)
    let shown = resources.filter { resource in resource.since.map { version >= $0 } ?? true }
    var absolute = JSONObject()
    for resource in shown {
      absolute[resource.limit] = .int(quotas[resource.key].map { state.manila.quotas.limit($0, for: scope) } ?? resource.quota)
    }
    for resource in shown {
      if let used = resource.used { absolute[used] = .int(quotas[resource.key]?.usage(state.manila, scope) ?? 0) }
    }
    return .json(200, .object(["limits": .object(["rate": .array([]), "absolute": .object(absolute)])]))
  }
}
