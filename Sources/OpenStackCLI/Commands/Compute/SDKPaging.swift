import CloudAPI

/// openstacksdk's `Resource.list` with `max_items` and no `limit` of the user's (`limit` is the
/// number wanted), or with a `limit` the client does not cut the list to: after each page that
/// had items the SDK asks for the next one, by the page's `next` link or else by the last item
/// as the marker, until a page comes back empty or it has the items wanted (which it sees only
/// on the next page's first item).
struct SDKPaging {
  var service: ServiceType
  var path: String
  /// `images`, `instanceActions`.
  var itemsKey: String
  /// The attribute the SDK takes as an item's ID, its marker.
  var idKey: String
  /// The next page's link in a page (`next`, or a `links` item of `rel` `next`).
  var nextLink: (JSON) -> String?
  var computeResource: ComputeResource? = nil
  /// The key each item is wrapped in (Nova's `keypair`), under which `idKey` is.
  var itemWrapper: String? = nil

  /// The items of the first pages, at most `maxItems` of them; `limit`, the page size the user
  /// asked for, is what the SDK asks again with the marker when a page has no link (else the
  /// most items wanted).
  func items(query: [(name: String, value: String)], maxItems: Int, limit: Int? = nil, in context: CommandContext) throws -> [JSON] {
    var items: [JSON] = []
    var request = APIRequest(.get, path, query: query)
    let others = query.filter { $0.name != "limit" && $0.name != "marker" }
    var lastMarker = query.first { $0.name == "marker" }?.value
    while true {
      let page = try send(request, in: context)
      let found = page[itemsKey]?.array ?? []
      guard !found.isEmpty else { return items }
      for item in found {
        if items.count >= maxItems { return items }
        items.append(item)
      }
      if let link = nextLink(page) {
        let (linkPath, linkQuery) = Self.split(link)
        // The SDK updates its parameters with the link's: one it has takes the link's value in
        // its place, the others follow.
        let kept = others.map { parameter in linkQuery.first { $0.name == parameter.name } ?? parameter }
        let added = linkQuery.filter { parameter in !others.contains { $0.name == parameter.name } }
        request = APIRequest(.get, linkPath.isEmpty ? path : linkPath, query: kept + added)
      } else {
        let last = found.last.map { item in itemWrapper.flatMap { item[$0] } ?? item }
        let marker = last?[idKey]?.string ?? ""
        request = APIRequest(
          .get, path, query: others + [(name: "marker", value: marker), (name: "limit", value: String(limit ?? maxItems))])
      }
      // A service that ignores the marker (Nova's key pairs below 2.35) ends the same page
      // again: the SDK stops there.
      let marker = request.query.first { $0.name == "marker" }?.value
      if let marker, marker == lastMarker { throw CommandFailure(message: "Endless pagination loop detected, aborting") }
      lastMarker = marker
    }
  }

  private func send(_ request: APIRequest, in context: CommandContext) throws -> JSON {
    if let computeResource {
      let response = try context.api.send(request, to: service, computeResource: computeResource)
      guard response.status == 200 else {
        let encoded = request.query.map { PythonURL.quotePlus($0.name) + "=" + PythonURL.quotePlus($0.value) }.joined(separator: "&")
        let path = String(request.path.dropFirst("/v2.1".count))
        throw ComputeLookup.sdkError(response, path: path + (request.query.isEmpty ? "" : "?" + encoded))
      }
      return response.body ?? .null
    }
    return try context.call(service, request)
  }

  /// A link's path under the service's version (as the SDK keeps it) and its query.
  static func split(_ link: String) -> (path: String, query: [(name: String, value: String)]) {
    let parts = link.split(separator: "?", maxSplits: 1).map(String.init)
    var path = parts[0]
    // An absolute link: its path from the version on.
    if let scheme = path.range(of: "://"), let slash = path[scheme.upperBound...].firstIndex(of: "/") {
      path = String(path[slash...])
    }
    if let version = ["/v2.1/", "/v2/"].compactMap({ path.range(of: $0) }).first { path = String(path[version.lowerBound...]) }
    let query = (parts.count > 1 ? parts[1] : "").split(separator: "&").map { pair -> (name: String, value: String) in
      let field = pair.split(separator: "=", maxSplits: 1).map(String.init)
      return (name: field[0], value: field.count > 1 ? field[1] : "")
    }
    return (path, query)
  }
}
