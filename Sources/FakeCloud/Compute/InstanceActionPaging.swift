import CloudAPI

/// Nova's instance-action list from 2.58: `changes-since` and (2.66) `changes-before` on the
/// actions' update times, then `limit` and `marker` (a request ID) over the newest-first list,
/// with a `next` link when a page is full. Below 2.58 Nova reads no query.
enum InstanceActionPaging {
  /// The actions kept, or Nova's 400.
  static func page(
    _ actions: [ComputeState.Action], serverID: String, _ call: Call, version: Microversion, baseURL: String
  ) -> Result<(actions: [ComputeState.Action], links: [JSON]), FaultResponse> {
    guard version >= Microversion(2, 58) else { return .success((actions, [])) }
    func time(_ parameter: String) -> Result<Int64?, FaultResponse> {
      guard let text = call.query(parameter) else { return .success(nil) }
      guard let time = VirtualClock.parseISO(text) else {
        return .failure(
          FaultResponse(.fault(400, "Invalid input for query parameters \(parameter). Value: \(text). '\(text)' is not a 'date-time'")))
      }
      return .success(time)
    }
    let since: Int64?
    let before: Int64?
    switch (time("changes-since"), version >= Microversion(2, 66) ? time("changes-before") : .success(nil)) {
    case (.failure(let fault), _), (_, .failure(let fault)): return .failure(fault)
    case (.success(let first), .success(let second)): (since, before) = (first, second)
    }
    if let since, let before, before < since {
      return .failure(FaultResponse(.fault(400, "The value of changes-since must be less than or equal to changes-before.")))
    }
    var kept = actions.filter { action in
      since.map { action.updated >= $0 } ?? true && before.map { action.updated <= $0 } ?? true
    }
    var limit: Int?
    if let text = call.query("limit") {
      guard let number = Int(text), number >= 0 else {
        return .failure(FaultResponse(.fault(400, "Invalid input for query parameters limit. Value: \(text). '\(text)' does not match '^[0-9]*$'")))
      }
      limit = min(number, 1000)
    }
    if let marker = call.query("marker") {
      // Nova looks the marker up among all the server's actions, and names the lookup's
      // result (None) when there is none.
      guard let index = actions.firstIndex(where: { $0.requestID == marker }) else {
        return .failure(FaultResponse(.fault(400, "Marker None could not be found.")))
      }
      let after = Set(actions[(index + 1)...].map(\.requestID))
      kept = kept.filter { after.contains($0.requestID) }
    }
    var links: [JSON] = []
    if let limit {
      kept = Array(kept.prefix(limit))
      if limit > 0, kept.count == limit, let last = kept.last {
        links.append(
          .object([
            "rel": "next", "href": .string("\(baseURL)/servers/\(serverID)/os-instance-actions?limit=\(limit)&marker=\(last.requestID)"),
          ]))
      }
    }
    return .success((kept, links))
  }
}
