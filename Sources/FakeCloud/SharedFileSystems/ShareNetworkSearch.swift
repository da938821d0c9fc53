import CloudAPI

/// The search `_get_share_networks` makes with the query items its database filters leave: a
/// network is kept for an item when its own attribute or one of its subnets' equals the value
/// (`ip_version` and `segmentation_id` compared as integers), or, from 2.36, for a key ending in
/// `~`, when the value is found in the attribute (Python's `in`, case-sensitive). A key that no
/// attribute has matches nothing.
struct ShareNetworkSearch {
  var call: Call
  var isAdmin: Bool
  var version: Microversion

  /// The items the database already applied, and the page.
  private static let applied: Set<String> = [
    "all_tenants", "created_since", "created_before", "limit", "offset", "security_service_id", "project_id",
  ]
  /// What only those who may see network details search by (others' are dropped).
  private static let detailsOnly: Set<String> = ["network_type", "segmentation_id"]

  func apply(to networks: [ManilaState.ShareNetwork]) -> Result<[ManilaState.ShareNetwork], FilterFault> {
    var kept = networks
    // The items of `req.GET`, each key once (its last value, as a dict keeps it).
    var items: [(key: String, value: String)] = []
    for item in call.request.query
    where !Self.applied.contains(item.name) && (isAdmin || !Self.detailsOnly.contains(item.name)) {
      items.removeAll { $0.key == item.name }
      items.append((item.name, item.value))
    }
    for (key, text) in items {
      let value: JSON
      if key == "ip_version" || key == "segmentation_id" {
        // `int(value)` raising: an unexpected error.
        guard let number = PythonInt.parse(text) else { return .failure(FilterFault(response: ShareService.serverError)) }
        value = .int(number)
      } else {
        value = .string(text)
      }
      kept = kept.filter { network in
        let record = ManilaService.shareNetworkView(network, caller: nil, version: Self.modelVersion).object
        let subnets = (record["share_network_subnets"]?.array ?? []).map(\.object)
        return ([record] + subnets).contains { matches($0, key, value) }
      }
    }
    return .success(kept)
  }

  /// The view that holds every attribute of the model, its subnets' among them.
  private static let modelVersion = Microversion(2, 78)

  /// Whether `~` searches apply: from 2.36 (to the subnets too).
  private var patterns: Bool { version >= Microversion(2, 36) }

  private func matches(_ attributes: JSONObject, _ key: String, _ value: JSON) -> Bool {
    if attributes[key] == value { return true }
    guard patterns, key.hasSuffix("~"), case .string(let text)? = attributes[String(key.dropLast())],
      !text.isEmpty, case .string(let wanted) = value
    else { return false }
    return text.contains(wanted)
  }
}
