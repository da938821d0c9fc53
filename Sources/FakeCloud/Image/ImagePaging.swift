import CloudAPI

/// Glance's `limit` and `marker` on `GET /v2/images` (`images.py _validate_limit`,
/// `_paginate_query`): the images after the marker (which must exist) in the list's order, at
/// most `limit` of them (capped at `api_limit_max`), with a `next` link when the page is full.
enum ImagePaging {
  static let maximum = 1000

  /// The page of `images` (newest first), and the `next` link; or Glance's 400 or 403.
  static func page(
    _ images: [ImageState.Image], all: [ImageState.Image], _ call: Call, isVisible: (ImageState.Image) -> Bool
  ) -> Result<(images: [ImageState.Image], next: String?), FaultResponse> {
    var kept = images
    if let marker = call.query("marker") {
      guard let found = all.first(where: { $0.id == marker }) else {
        return .failure(FaultResponse(plain(400, "Bad Request", "No image found with ID \(marker)")))
      }
      guard isVisible(found) else {
        return .failure(FaultResponse(plain(403, "Forbidden", "Forbidding request, image \(marker) not visible")))
      }
      // Newest first: the images after the marker, created before it.
      let older = Set(all.drop { $0.id != marker }.dropFirst().map(\.id))
      kept = kept.filter { older.contains($0.id) }
    }
    guard let text = call.query("limit") else { return .success((kept, nil)) }
    guard let limit = Int(text) else { return .failure(FaultResponse(plain(400, "Bad Request", "limit param must be an integer"))) }
    guard limit >= 0 else { return .failure(FaultResponse(plain(400, "Bad Request", "limit param must be positive"))) }
    let size = min(limit, maximum)
    kept = Array(kept.prefix(size))
    guard size > 0, kept.count == size, let last = kept.last else { return .success((kept, nil)) }
    let others = call.request.query.filter { $0.name != "marker" }.map { "\($0.name)=\($0.value)" }
    return .success((kept, "/v2/images?" + (others + ["marker=\(last.id)"]).joined(separator: "&")))
  }

  /// webob's plain-text fault, which Glance answers with.
  private static func plain(_ status: Int, _ title: String, _ message: String) -> APIResponse {
    APIResponse(
      status: status, headers: ["Content-Type": "text/plain; charset=UTF-8"],
      body: .string("\(status) \(title)\n\n\(message)\n\n   "))
  }
}
