import CloudAPI

/// Glance v2: the cloud's images, public, owned by the admin project.
struct ImageState {
  struct Image {
    var id: String
    var definition: CloudDefinition.Image
    var owner: String
    var created: Int64
  }

  var images: [Image] = []

  init(definition: CloudDefinition, identity: IdentityState, ids: inout IDGenerator, clock: VirtualClock) {
    let admin = definition.users.first { $0.roles.contains("admin") }?.project
    let owner = admin.flatMap { identity.project(named: $0)?.id } ?? identity.projects.first?.id ?? ""
    images = definition.images.map { Image(id: $0.id.drawing(&ids), definition: $0, owner: owner, created: clock.now) }
  }
}

enum ImageService {
  static let router: Router<CloudState> = {
    var router = Router<CloudState>()
    router.add(.get, "/v2/images", listImages)
    router.add(.get, "/v2/images/{id}", showImage)
    return router
  }()

  /// `GET /`: Glance's versions, with status 300 (the order Glance lists them in, devstack's
  /// configuration).
  static func versions() -> APIResponse {
    let supported = ["v2.15", "v2.9"] + ["v2.17"] + (0...7).reversed().map { "v2.\($0)" }
    return .json(
      300,
      .object([
        "versions": .array(
          supported.map { id in
            .object([
              "id": .string(id), "status": .string(id == "v2.17" ? "CURRENT" : "SUPPORTED"),
              "links": .array([.object(["rel": "self", "href": "http://devstack/image/v2/"])]),
            ])
          })
      ]))
  }

  /// Glance's list filters. The cloud's images are public, active, untagged and not hidden.
  static let filters = QueryFilters<ImageState.Image>([
    .exact("name", { $0.definition.name }), .exact("status", { _ in "active" }), .exact("owner", { $0.owner }),
    QueryFilter(parameter: "id") { ids in
      // `in:a,b`: any of the IDs; a plain ID, that one.
      let wanted = ids.hasPrefix("in:") ? Set(ids.dropFirst(3).split(separator: ",").map(String.init)) : [ids]
      return .success { wanted.contains($0.id) }
    },
    QueryFilter(parameter: "visibility") { visibility in
      guard ["community", "public", "private", "shared", "all"].contains(visibility) else {
        return .failure(FilterFault(response: badRequest("Invalid visibility value: \(visibility)")))
      }
      return .success { _ in visibility == "public" || visibility == "all" }
    },
    QueryFilter(parameter: "member_status") { status in
      // Only shared images have members: the others are listed whatever the status asked.
      guard ["pending", "accepted", "rejected", "all"].contains(status) else {
        return .failure(FilterFault(response: badRequest("Invalid status value: \(status)")))
      }
      return .success { _ in true }
    },
    QueryFilter(parameter: "tag") { _ in .success { _ in false } },
    // Hidden images are listed only when asked for.
    QueryFilter(parameter: "os_hidden") { hidden in .success { _ in hidden.lowercased() != "true" } },
  ])

  /// `GET /v2/images` with Glance's filters, newest first.
  static func listImages(_ state: inout CloudState, _ call: Call) -> APIResponse {
    filters.apply(state.images.images, call) { images in
      .json(
        200,
        .object([
          "images": .array(images.reversed().map(view)), "first": .string(firstLink(call)), "schema": "/v2/schemas/images",
        ]))
    }
  }

  /// webob's plain-text fault, which Glance answers with.
  private static func badRequest(_ message: String) -> APIResponse {
    APIResponse(
      status: 400, headers: ["Content-Type": "text/plain; charset=UTF-8"],
      body: .string("400 Bad Request\n\n\(message)\n\n   "))
  }

  private static func firstLink(_ call: Call) -> String {
    let query = call.request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    return "/v2/images" + (query.isEmpty ? "" : "?" + query)
  }

  static func showImage(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let id = call.parameters["id"] ?? ""
    guard let image = state.images.images.first(where: { $0.id == id }) else {
      return APIResponse(
        status: 404, headers: ["Content-Type": "text/html; charset=UTF-8"],
        body: .string("404 Not Found\n\nNo image found with ID \(id)\n\n"))
    }
    return .json(200, view(image))
  }

  /// `ResponseSerializer._format_image`: extra properties first, then the image's own fields.
  static func view(_ image: ImageState.Image) -> JSON {
    let definition = image.definition
    var body = JSONObject(uniqueKeysWithValues: definition.properties.map { ($0, JSON.string($1)) })
    body["owner_specified.openstack.md5"] = ""
    body["owner_specified.openstack.sha256"] = ""
    body["owner_specified.openstack.object"] = .string("images/\(definition.name)")
    let created = VirtualClock.isoZulu(image.created)
    let fields: [(String, JSON)] = [
      ("name", .string(definition.name)), ("disk_format", .string(definition.diskFormat)),
      ("container_format", .string(definition.containerFormat)), ("visibility", "public"),
      ("size", .int(definition.size)), ("virtual_size", .null), ("status", "active"),
      ("checksum", .string(definition.checksum)), ("protected", false), ("min_ram", 0), ("min_disk", 0),
      ("owner", .string(image.owner)), ("os_hidden", false), ("os_hash_algo", "sha512"),
      ("os_hash_value", .string(definition.hash)), ("id", .string(image.id)), ("created_at", .string(created)),
      ("updated_at", .string(created)), ("tags", .array([])), ("self", .string("/v2/images/\(image.id)")),
      ("file", .string("/v2/images/\(image.id)/file")), ("schema", "/v2/schemas/image"),
    ]
    for (key, value) in fields { body[key] = value }
    return .object(body)
  }
}
