import CloudAPI

/// A share's `scheduler_hints` (2.65): `same_host` and `different_host` (shares' IDs,
/// comma-separated) kept in the shares' metadata both ways (`save_scheduler_hints`) and applied
/// by the affinity filters; `only_host` (2.67) by the host filter.
enum ShareSchedulerHints {
  static let affinityKeys = ["same_host": "__affinity_same_host", "different_host": "__affinity_different_host"]

  /// The hints the API passes on: text values only; `only_host` dropped before 2.67.
  static func read(_ body: JSON?, version: Microversion) -> [String: String] {
    var hints: [String: String] = [:]
    for (key, value) in body?.object ?? [:] {
      if let text = value.string { hints[key] = text }
    }
    if version < Microversion(2, 67) { hints.removeValue(forKey: "only_host") }
    return hints
  }

  /// `_save_scheduler_hints`: each share named gets the new share's ID added to its key; the new
  /// share gets the names.
  static func save(_ hints: [String: String], for id: String, in state: inout CloudState) {
    guard let index = state.manila.shares.firstIndex(where: { $0.id == id }) else { return }
    state.manila.shares[index].schedulerHints = hints
    for hint in ["same_host", "different_host"] {
      guard let key = affinityKeys[hint], let names = hints[hint], !names.isEmpty else { continue }
      let ids = names.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      for other in ids {
        guard let target = state.manila.shares.firstIndex(where: { $0.id == other }) else { continue }
        let existing = state.manila.shares[target].metadata[key]?.string
        state.manila.shares[target].metadata[key] = .string(existing.map { $0 + "," + id } ?? id)
      }
      state.manila.shares[index].metadata[key] = .string(ids.joined(separator: ","))
    }
  }

  /// The affinity, anti-affinity and host filters, after the default ones; none of them has a
  /// message detail of its own, so a share they leave without a host gets `NO_VALID_HOST`'s.
  static func filters(
    _ share: ManilaState.Share, _ state: CloudState
  ) -> [(detail: String, passes: (ManilaState.Backend) -> Bool)] {
    let hostsOf = { (names: String) -> [Set<String>] in
      names.split(separator: ",").map { name in
        Set(state.manila.shares.filter { $0.id == String(name) }.compactMap(\.host))
      }
    }
    var filters: [(detail: String, passes: (ManilaState.Backend) -> Bool)] = []
    if let names = share.schedulerHints["same_host"] {
      let sets = hostsOf(names)
      let allowed = sets.dropFirst().reduce(sets.first ?? []) { $0.intersection($1) }
      filters.append(("002", { allowed.contains($0.host) }))
    }
    if let names = share.schedulerHints["different_host"] {
      let forbidden = hostsOf(names).reduce(Set<String>()) { $0.union($1) }
      filters.append(("002", { !forbidden.contains($0.host) }))
    }
    if let host = share.schedulerHints["only_host"] {
      filters.append(("002", { $0.host == host }))
    }
    return filters
  }
}
