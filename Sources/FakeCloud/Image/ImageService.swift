import CloudAPI

/// Glance v2: the cloud's images (public, active, owned by the admin project) and those created
/// through the API.
struct ImageState {
  struct Image {
    var id: String
    /// The name, formats, data and extra properties (in the order they were set).
    var definition: CloudDefinition.Image
    var owner: String
    var created: Int64
    var updated: Int64
    /// `queued` until data arrives; the emulation uploads none, so a created image stays queued.
    var status = "active"
    var visibility = "public"
    var isProtected = false
    var isHidden = false
    var minDisk = 0
    var minRam = 0
    var tags: [String] = []
    /// Glance's formats: unset (`null`) until a request sets them (Nova's snapshots leave them to
    /// the upload).
    var diskFormat: String?
    var containerFormat: String?
    /// What openstacksdk's upload records beside the data (`owner_specified.openstack.*`): the
    /// cloud file's images were uploaded with it, Nova's snapshots are not.
    var uploadProperties: [(String, String)] = []

    /// Size, checksum and hash are known once the upload has ended.
    var hasData: Bool { !["queued", "saving"].contains(status) }

    /// The extra properties, as Glance lists them and its clients read them.
    var extraProperties: [(String, String)] { definition.properties + uploadProperties }
  }

  var images: [Image] = []
  /// The projects each shared image is shared with.
  var members: [Member] = []

  init(definition: CloudDefinition, identity: IdentityState, ids: inout IDGenerator, clock: VirtualClock) {
    let admin = definition.users.first { $0.roles.contains("admin") }?.project
    let owner = admin.flatMap { identity.project(named: $0)?.id } ?? identity.projects.first?.id ?? ""
    images = definition.images.map {
      Image(
        id: $0.id.drawing(&ids), definition: $0, owner: owner, created: clock.now, updated: clock.now,
        diskFormat: $0.diskFormat, containerFormat: $0.containerFormat,
        uploadProperties: [
          ("owner_specified.openstack.md5", ""), ("owner_specified.openstack.sha256", ""),
          ("owner_specified.openstack.object", "images/\($0.name)"),
        ])
    }
  }
}

enum ImageService {
  static let router: Router<CloudState> = {
    var router = Router<CloudState>()
    router.add(.get, "/v2/images", listImages)
    router.add(.get, "/v2/images/{id}", showImage)
    router.add(.post, "/v2/images", ImageManagement.create)
    router.add(.patch, "/v2/images/{id}", ImageManagement.update)
    router.add(.delete, "/v2/images/{id}", ImageManagement.delete)
    router.add(.put, "/v2/images/{id}/tags/{tag}", ImageManagement.addTag)
    router.add(.delete, "/v2/images/{id}/tags/{tag}", ImageManagement.removeTag)
    router.add(.post, "/v2/images/{id}/actions/deactivate") { ImageManagement.activation(&$0, $1, deactivating: true) }
    router.add(.post, "/v2/images/{id}/actions/reactivate") { ImageManagement.activation(&$0, $1, deactivating: false) }
    ImageMembers.register(in: &router)
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

  /// Glance's list filters.
  static let filters = QueryFilters<ImageState.Image>([
    .exact("name", { $0.definition.name }), .exact("status", { $0.status }), .exact("owner", { $0.owner }),
    QueryFilter(parameter: "id") { ids in
      // `in:a,b`: any of the IDs; a plain ID, that one.
      let wanted = ids.hasPrefix("in:") ? Set(ids.dropFirst(3).split(separator: ",").map(String.init)) : [ids]
      return .success { wanted.contains($0.id) }
    },
    QueryFilter(parameter: "visibility") { visibility in
      guard ["community", "public", "private", "shared", "all"].contains(visibility) else {
        return .failure(FilterFault(response: badRequest("Invalid visibility value: \(visibility)")))
      }
      return .success { visibility == "all" || $0.visibility == visibility }
    },
    QueryFilter(parameter: "member_status") { status in
      // Only shared images have members: the others are listed whatever the status asked.
      guard ["pending", "accepted", "rejected", "all"].contains(status) else {
        return .failure(FilterFault(response: badRequest("Invalid status value: \(status)")))
      }
      return .success { _ in true }
    },
    QueryFilter(parameter: "tag") { tag in .success { $0.tags.contains(tag) } },
    // Hidden images are listed only when asked for.
    QueryFilter(parameter: "os_hidden") { hidden in .success { $0.isHidden == (hidden.lowercased() == "true") } },
  ])

  /// `GET /v2/images` with Glance's filters, newest first.
  static func listImages(_ state: inout CloudState, _ call: Call) -> APIResponse {
    // A member lists the images it accepted, or those of the member status it asks for.
    let memberStatus = call.query("member_status") ?? "accepted"
    let images = state.images
    var visible = images.images.filter { image in
      ImageManagement.isListed(image, to: call.caller)
        || images.membership(of: call.caller?.projectID, in: image).map { memberStatus == "all" || $0.status == memberStatus } ?? false
    }
    if call.query("os_hidden") == nil { visible.removeAll(where: \.isHidden) }
    let newestFirst = Array(images.images.reversed())
    return filters.apply(visible, call) { images in
      switch ImagePaging.page(images.reversed(), all: newestFirst, call, isVisible: { isVisible($0, to: call.caller, in: state) }) {
      case .failure(let fault): return fault.response
      case .success(let page):
        var body: JSONObject = [
          "images": .array(page.images.map(view)), "first": .string(firstLink(call)), "schema": "/v2/schemas/images",
        ]
        if let next = page.next { body["next"] = .string(next) }
        return .json(200, .object(body))
      }
    }
  }

  /// webob's plain-text fault, which Glance answers with.
  private static func badRequest(_ message: String) -> APIResponse {
    APIResponse(
      status: 400, headers: ["Content-Type": "text/plain; charset=UTF-8"],
      body: .string("400 Bad Request\n\n\(message)\n\n   "))
  }

  /// The list's own query, without its marker.
  private static func firstLink(_ call: Call) -> String {
    let query = call.request.query.filter { $0.name != "marker" }.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    return "/v2/images" + (query.isEmpty ? "" : "?" + query)
  }

  static func showImage(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let id = call.parameters["id"] ?? ""
    guard let image = state.images.images.first(where: { $0.id == id && isVisible($0, to: call.caller, in: state) })
    else {
      return APIResponse(
        status: 404, headers: ["Content-Type": "text/html; charset=UTF-8"],
        body: .string("404 Not Found\n\nNo image found with ID \(id)\n\n"))
    }
    return .json(200, view(image))
  }

  /// What a show finds: what `ImageManagement.isVisible` lets the caller see, and the shared
  /// images its project is a member of, whatever its status.
  static func isVisible(_ image: ImageState.Image, to caller: Caller?, in state: CloudState) -> Bool {
    ImageManagement.isVisible(image, to: caller) || state.images.membership(of: caller?.projectID, in: image) != nil
  }

  /// `ResponseSerializer._format_image`: extra properties first, then the image's own fields; an
  /// image without data has no size, checksum or hash.
  static func view(_ image: ImageState.Image) -> JSON {
    let definition = image.definition
    let data = image.hasData
    let fields: [(String, JSON)] = [
      ("name", .string(definition.name)), ("disk_format", image.diskFormat.map(JSON.string) ?? .null),
      ("container_format", image.containerFormat.map(JSON.string) ?? .null), ("visibility", .string(image.visibility)),
      ("size", data ? .int(definition.size) : .null), ("virtual_size", .null), ("status", .string(image.status)),
      ("checksum", data ? .string(definition.checksum) : .null), ("protected", .bool(image.isProtected)),
      ("min_ram", .int(image.minRam)), ("min_disk", .int(image.minDisk)), ("owner", .string(image.owner)),
      ("os_hidden", .bool(image.isHidden)), ("os_hash_algo", data ? "sha512" : .null),
      ("os_hash_value", data ? .string(definition.hash) : .null), ("id", .string(image.id)),
      ("created_at", .string(VirtualClock.isoZulu(image.created))),
      ("updated_at", .string(VirtualClock.isoZulu(image.updated))), ("tags", .array(image.tags.map(JSON.string))),
      ("self", .string("/v2/images/\(image.id)")),
      ("file", .string("/v2/images/\(image.id)/file")), ("schema", "/v2/schemas/image"),
    ]
    let extra = image.extraProperties
    var body = JSONObject()
    body.reserveCapacity(extra.count + fields.count)
    for (key, value) in extra { body[key] = .string(value) }
    // The fields' keys are distinct: only a property's can be met again (an image list
    // builds every image's view, and looking each field up first had cost most of it).
    for (key, value) in fields {
      if extra.contains(where: { $0.0 == key }) { body[key] = value } else { body.appendNew(key, value) }
    }
    return .object(body)
  }
}
