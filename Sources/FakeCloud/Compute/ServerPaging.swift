import CloudAPI
import Foundation

/// Nova's server list pages (`servers.py` `_get_servers`, `views/servers.py`): `limit` (at most
/// `max_limit`, 1,000) and `marker`, a server's UUID, found among every server, deleted or
/// another project's (`marker [X] not found`); a `servers_links` next link when a page holds as
/// many servers as asked (`_get_collection_links`).
enum ServerPaging {
  static func page(
    _ servers: [ComputeState.Server], of everyServer: [ComputeState.Server], _ call: Call, endpoint: String, detail: Bool
  ) -> Result<(servers: [ComputeState.Server], next: String?), FaultResponse> {
    var limit = 1000
    if let text = call.query("limit") {
      guard let number = Int(text), text.utf8.allSatisfy({ (48...57).contains($0) }) else {
        return .failure(
          FaultResponse(.fault(400, "Invalid input for query parameters limit. Value: \(text). '\(text)' does not match '^[0-9]*$'")))
      }
      limit = min(number, 1000)
    }
    var kept = servers
    if let marker = call.query("marker") {
      // The list is newest first: the marker's place is by its creation.
      guard let found = everyServer.firstIndex(where: { $0.id == marker }) else {
        return .failure(FaultResponse(.fault(400, "marker [\(marker)] not found")))
      }
      let older = Set(everyServer[..<found].map(\.id))
      kept = kept.filter { older.contains($0.id) }
    }
    kept = Array(kept.prefix(limit))
    guard limit > 0, kept.count == limit, let last = kept.last else { return .success((kept, nil)) }
    let query = NovaNextLink.query(call, marker: last.id)
    return .success((kept, endpoint + "/v2.1/servers" + (detail ? "/detail" : "") + "?" + query))
  }
}
