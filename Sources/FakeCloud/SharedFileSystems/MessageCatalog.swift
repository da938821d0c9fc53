/// `manila/message/message_field.py`: the user message actions and details, verbatim.
enum MessageCatalog {
  static let actions: [String: String] = [
    "001": "allocate host", "002": "create", "003": "delete access rules", "004": "promote", "005": "update",
    "006": "revert to snapshot", "007": "delete", "008": "extend", "009": "shrink", "010": "update access rules",
    "011": "add or update security service", "026": "transfer accept", "027": "update_metadata",
    "028": "restore share backup",
  ]

  private static func filter(_ name: String) -> String {
    "No storage could be allocated for this share request, \(name) filter didn't succeed."
  }

  static let details: [String: String] = [
    "001": "An unknown error occurred.",
    "002": "No storage could be allocated for this share request. Trying again with a different size or share type may succeed.",
    "003": "Driver does not expect share-network to be provided with current configuration.",
    "007": filter("AvailabilityZone"),
    "008": filter("Capabilities"),
    "009": filter("Capacity"),
    "024": "No default share type has been made available. You must specify a share type for creating shares.",
    "028": "No storage could be allocated for this share request. Share back end services are not ready yet. Contact your administrator in case retrying does not help.",
  ]

  /// `"%s: %s" % (translate_action(action_id), translate_detail(detail_id))`.
  static func userMessage(action: String, detail: String) -> String {
    "\(actions[action] ?? "unknown action"): \(details[detail] ?? details["001"]!)"
  }
}
