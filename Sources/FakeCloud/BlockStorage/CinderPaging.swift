import CloudAPI
import Foundation

/// Cinder's `limit`/`marker` paging of a list (`common.get_pagination_params`, the database's
/// `paginate_query`, `ViewBuilder._get_collection_links`): the limit checked first, the marker
/// found among the records the caller may see (else the resource's 404), the records after it,
/// at most `limit` of them (`osapi_max_limit` at most), and a `next` link when the page is full.
enum CinderPaging {
  /// `osapi_max_limit`'s default.
  static let maximumLimit = 1000

  /// The fault for a `limit` Cinder cannot read.
  static func limitFault(_ call: Call) -> APIResponse? {
    guard let text = call.query("limit") else { return nil }
    guard let limit = PythonInt.parse(text) else { return .fault(400, "limit param must be an integer") }
    if limit < 0 { return .fault(400, "limit param must be positive") }
    return nil
  }

  /// The parameters that page and sort a list rather than filter it.
  static let parameters: Set<String> = ["limit", "marker", "offset", "sort", "sort_key", "sort_dir"]

  /// `response` (a list as the view table made it, in the records' order) paged. `known` says
  /// whether the caller may see the record a marker names; `order` is every such record's ID
  /// in the list's order, so that a marker the filters left out still places the page.
  /// `applies`: whether the list reads `marker` and `limit` (messages before 3.5 do not, but
  /// their view still links to a next page).
  static func page(
    _ response: APIResponse, collection: String, order: [String], known: (String) -> Bool, notFound: String,
    call: Call, context: CinderViewContext, applies: Bool = true
  ) -> APIResponse {
    guard response.status == 200, case .object(var body)? = response.body, var items = body[collection]?.array else {
      return response
    }
    let marker = applies ? call.query("marker") : nil
    if let marker {
      guard known(marker), let position = order.firstIndex(of: marker) else { return .fault(404, notFound) }
      let after = Set(order[(position + 1)...])
      items = items.filter { after.contains($0["id"]?.string ?? "") }
    }
    let limit = min(call.query("limit").flatMap(PythonInt.parse) ?? maximumLimit, maximumLimit)
    if applies { items = Array(items.prefix(limit)) }
    body[collection] = .array(items)
    if let last = items.last?["id"]?.string, limit <= items.count {
      body["\(collection)_links"] = .array([.object(["rel": "next", "href": .string(nextLink(call, context, marker: last))])])
    }
    return .json(200, .object(body))
  }

  /// `_get_next_link`: the request's URL under the project, its parameters with `marker`
  /// moved to the end (webob's `MultiDict` replaces by appending), as `urlencode` writes them.
  private static func nextLink(_ call: Call, _ context: CinderViewContext, marker: String) -> String {
    let path = call.request.path.split(separator: "/").drop { !["volumes", "snapshots", "backups", "messages"].contains($0) }
    var parameters = call.request.query.filter { $0.name != "marker" }
    parameters.append((name: "marker", value: marker))
    return "\(context.endpoint)/\(path.joined(separator: "/"))?\(PythonURLEncode.query(parameters))"
  }
}
