import CloudAPI

/// Glance's image management (`glance/api/v2/images.py`): create without data (the image stays
/// `queued`), the JSON-patch update, tags and delete, with Glance's visibility, policy and faults.
enum ImageManagement {
  /// One of Glance's own image attributes: how a create or a patch sets it (the reason a value is
  /// refused, as the schema words it), and whether only a queued image may change it.
  struct Attribute: Sendable {
    var onlyWhileQueued = false
    let set: @Sendable (inout ImageState.Image, JSON) -> String?
  }

  static let diskFormats = ["ami", "ari", "aki", "vhd", "vhdx", "vmdk", "raw", "qcow2", "vdi", "iso", "ploop"]
  static let containerFormats = ["ami", "ari", "aki", "bare", "ovf", "ova", "docker", "compressed"]
  static let visibilities = ["public", "private", "community", "shared"]

  /// The attributes a request may set; every other name is an extra property (a string).
  static let attributes: [String: Attribute] = [
    "name": Attribute { image, value in
      guard let name = value.string else { return "\(value) is not of type 'string'" }
      image.definition.name = name
      return nil
    },
    "disk_format": Attribute(onlyWhileQueued: true) { image, value in
      guard let format = value.string, diskFormats.contains(format) else { return enumFault(value, diskFormats) }
      image.diskFormat = format
      return nil
    },
    "container_format": Attribute(onlyWhileQueued: true) { image, value in
      guard let format = value.string, containerFormats.contains(format) else { return enumFault(value, containerFormats) }
      image.containerFormat = format
      return nil
    },
    "visibility": Attribute { image, value in
      guard let visibility = value.string, visibilities.contains(visibility) else { return enumFault(value, visibilities) }
      image.visibility = visibility
      return nil
    },
    "protected": Attribute { image, value in
      guard case .bool(let flag) = value else { return "\(value) is not of type 'boolean'" }
      image.isProtected = flag
      return nil
    },
    "os_hidden": Attribute { image, value in
      guard case .bool(let flag) = value else { return "\(value) is not of type 'boolean'" }
      image.isHidden = flag
      return nil
    },
    "min_disk": Attribute { image, value in
      guard case .int(let size) = value, size >= 0 else { return "\(value) is not of type 'integer'" }
      image.minDisk = size
      return nil
    },
    "min_ram": Attribute { image, value in
      guard case .int(let size) = value, size >= 0 else { return "\(value) is not of type 'integer'" }
      image.minRam = size
      return nil
    },
    "tags": Attribute { image, value in
      guard case .array(let items) = value, case let tags = items.compactMap(\.string), tags.count == items.count else {
        return "\(value) is not of type 'array'"
      }
      // Glance keeps a set of tags.
      image.tags = tags.reduce(into: []) { kept, tag in if !kept.contains(tag) { kept.append(tag) } }
      return nil
    },
    "owner": Attribute { image, value in
      guard let owner = value.string else { return "\(value) is not of type 'string'" }
      image.owner = owner
      return nil
    },
  ]

  /// What no request sets (`_readonly_properties`) and what Glance keeps for itself.
  static let readOnly: Set<String> = [
    "created_at", "updated_at", "status", "checksum", "os_hash_algo", "os_hash_value", "size", "virtual_size",
    "direct_url", "self", "file", "schema", "id", "stores",
  ]
  static let reserved: Set<String> = ["location", "deleted", "deleted_at"]

  private static func enumFault(_ value: JSON, _ choices: [String]) -> String {
    "\(value) is not one of [\(choices.map { "'\($0)'" }.joined(separator: ", "))]"
  }

  // MARK: Visibility and policy

  /// What a list shows by default: public images, the caller's own, and shared or community ones
  /// only to their owner (an admin lists every image but others' community ones, as Glance does).
  static func isListed(_ image: ImageState.Image, to caller: Caller?) -> Bool {
    if image.visibility == "public" { return true }
    guard let caller else { return false }
    if image.owner == caller.projectID { return true }
    return caller.isAdmin && image.visibility != "community"
  }

  /// What a show, update or delete finds: a community image too.
  static func isVisible(_ image: ImageState.Image, to caller: Caller?) -> Bool {
    image.visibility == "community" || isListed(image, to: caller)
  }

  /// `modify_image`, `delete_image`: admins, or members of the image's project.
  private static func mayChange(_ image: ImageState.Image, _ caller: Caller?) -> Bool {
    guard let caller else { return false }
    return caller.isAdmin || caller.projectID == image.owner
  }

  // MARK: Faults (webob's plain-text pages)

  private static func fault(_ status: Int, _ title: String, _ message: String) -> APIResponse {
    APIResponse(
      status: status, headers: ["Content-Type": "text/plain; charset=UTF-8"],
      body: .string("\(status) \(title)\n\n\(message)\n\n   "))
  }
  private static func badRequest(_ message: String) -> APIResponse { fault(400, "Bad Request", message) }
  private static func forbidden(_ message: String) -> APIResponse { fault(403, "Forbidden", message) }
  private static func conflict(_ message: String) -> APIResponse { fault(409, "Conflict", message) }
  private static func notFound(_ id: String) -> APIResponse { fault(404, "Not Found", "No image found with ID \(id)") }
  private static func unauthorized(_ action: String) -> APIResponse {
    forbidden("You are not authorized to complete \(action) action.")
  }

  private static func index(of id: String, in state: CloudState, for call: Call) -> Int? {
    state.images.images.firstIndex { $0.id == id && isVisible($0, to: call.caller) }
  }

  // MARK: Requests

  /// `POST /v2/images`: an image without data, `queued`, `shared` unless told otherwise, owned by
  /// the caller's project (another project only for an admin).
  static func create(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard case .object(let body)? = call.request.body else { return badRequest("Body expected in request.") }
    for key in body.keys where readOnly.contains(key) && key != "id" {
      return forbidden("Attribute '\(key)' is read-only.")
    }
    for key in body.keys where reserved.contains(key) { return forbidden("Attribute '\(key)' is reserved.") }
    let project = call.caller?.projectID ?? ""
    var image = ImageState.Image(
      id: "", definition: CloudDefinition.Image(name: "", size: 0, checksum: "", hash: ""), owner: project,
      created: state.clock.now, updated: state.clock.now, status: "queued", visibility: "shared")
    if let failure = apply(body, to: &image) { return failure }
    if image.owner != project, call.caller?.isAdmin != true {
      return forbidden("You are not permitted to create images owned by '\(image.owner)'.")
    }
    if let id = body["id"]?.string {
      guard !state.images.images.contains(where: { $0.id == id }) else {
        return conflict("Image with identifier \(id) already exists!")
      }
      image.id = id
    } else {
      image.id = state.newResourceID()
    }
    state.images.images.append(image)
    return .json(201, ImageService.view(image))
  }

  /// The body's attributes, then its extra properties (strings, as the schema has them).
  private static func apply(_ body: JSONObject, to image: inout ImageState.Image) -> APIResponse? {
    for (key, value) in body where key != "id" {
      if let failure = set(key, value, on: &image, checkingQueued: false) { return failure }
    }
    return nil
  }

  private static func set(_ key: String, _ value: JSON, on image: inout ImageState.Image, checkingQueued: Bool) -> APIResponse? {
    if let attribute = attributes[key] {
      if checkingQueued, attribute.onlyWhileQueued, image.status != "queued" {
        return forbidden("Attribute \(key) can be only replaced for a queued image.")
      }
      if let reason = attribute.set(&image, value) {
        return badRequest("Provided object does not match schema 'image': \(reason)")
      }
      return nil
    }
    guard let text = value.string else {
      return badRequest("Provided object does not match schema 'image': \(value) is not of type 'string'")
    }
    if let index = image.definition.properties.firstIndex(where: { $0.0 == key }) {
      image.definition.properties[index].1 = text
    } else {
      image.definition.properties.append((key, text))
    }
    return nil
  }

  /// `PATCH /v2/images/{id}` with `application/openstack-images-v2.1-json-patch`: each operation
  /// on one top-level name, checked as `RequestDeserializer.update` checks it, then applied in
  /// order; the image as it ends.
  static func update(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let id = call.parameters["id"] ?? ""
    let types = ["application/openstack-images-v2.0-json-patch", "application/openstack-images-v2.1-json-patch"]
    guard let contentType = call.request.headers["Content-Type"], types.contains(contentType) else {
      return fault(415, "Unsupported Media Type", "The request media type is not supported by this server.")
    }
    guard case .array(let operations)? = call.request.body else {
      return badRequest("Request body must be a JSON array of operation objects.")
    }
    guard let index = index(of: id, in: state, for: call) else { return notFound(id) }
    var image = state.images.images[index]
    guard mayChange(image, call.caller) else { return unauthorized("modify_image") }
    for operation in operations {
      guard let op = operation["op"]?.string, ["add", "remove", "replace"].contains(op) else {
        return badRequest("Unable to find `op` in JSON Schema change. It must be one of the following: add, remove, replace.")
      }
      guard let path = operation["path"]?.string, path.hasPrefix("/") else {
        return badRequest("Unable to find 'path' in JSON Schema change")
      }
      let parts = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
        $0.replacingEvery("~1", with: "/").replacingEvery("~0", with: "~")
      }
      guard parts.count == 1, let key = parts.first else {
        return badRequest("Invalid JSON pointer for this resource: '/\(parts.joined(separator: "/"))'")
      }
      if readOnly.contains(key) { return forbidden("Attribute '\(key)' is read-only.") }
      if reserved.contains(key) { return forbidden("Attribute '\(key)' is reserved.") }
      let exists = attributes[key] != nil || image.definition.properties.contains { $0.0 == key }
      switch op {
      case "remove":
        // Glance's own attributes are not removed; an extra property must be there.
        guard attributes[key] == nil else { return forbidden("Attribute '\(key)' is read-only.") }
        guard exists else { return conflict("Property \(key) does not exist.") }
        image.definition.properties.removeAll { $0.0 == key }
      default:
        guard let value = operation["value"] else { return badRequest("Operation \"\(op)\" requires a member named \"value\".") }
        if op == "replace", !exists { return conflict("Property \(key) does not exist.") }
        if let failure = set(key, value, on: &image, checkingQueued: true) { return failure }
      }
    }
    image.updated = state.clock.now
    state.images.images[index] = image
    return .json(200, ImageService.view(image))
  }

  /// `PUT /v2/images/{id}/tags/{tag}`.
  static func addTag(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let id = call.parameters["id"] ?? ""
    guard let index = index(of: id, in: state, for: call) else { return notFound(id) }
    guard mayChange(state.images.images[index], call.caller) else { return unauthorized("modify_image") }
    let tag = call.parameters["tag"] ?? ""
    if !state.images.images[index].tags.contains(tag) { state.images.images[index].tags.append(tag) }
    state.images.images[index].updated = state.clock.now
    return .noContent()
  }

  /// `DELETE /v2/images/{id}/tags/{tag}`: a tag the image lacks is a 404.
  static func removeTag(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let id = call.parameters["id"] ?? ""
    guard let index = index(of: id, in: state, for: call) else { return notFound(id) }
    guard mayChange(state.images.images[index], call.caller) else { return unauthorized("modify_image") }
    let tag = call.parameters["tag"] ?? ""
    guard state.images.images[index].tags.contains(tag) else { return fault(404, "Not Found", "Tag \(tag) not found") }
    state.images.images[index].tags.removeAll { $0 == tag }
    state.images.images[index].updated = state.clock.now
    return .noContent()
  }

  /// `POST /v2/images/{id}/actions/deactivate` and `…/reactivate` (`image_actions.py`): the
  /// `deactivate` and `reactivate` policies (admins, or members of the image's project), then the
  /// domain's transition (`glance/domain/__init__.py`): only between `active` and `deactivated`,
  /// a request for the state the image is in changing nothing; no content.
  static func activation(_ state: inout CloudState, _ call: Call, deactivating: Bool) -> APIResponse {
    let id = call.parameters["id"] ?? ""
    guard let index = index(of: id, in: state, for: call) else { return notFound(id) }
    let image = state.images.images[index]
    guard mayChange(image, call.caller) else { return unauthorized(deactivating ? "deactivate" : "reactivate") }
    let (from, to) = deactivating ? ("active", "deactivated") : ("deactivated", "active")
    switch image.status {
    case from:
      state.images.images[index].status = to
      state.images.images[index].updated = state.clock.now
    case to: break
    default:
      return forbidden("Not allowed to \(deactivating ? "deactivate" : "reactivate") image in status '\(image.status)'")
    }
    return .noContent()
  }

  /// `DELETE /v2/images/{id}`: a protected image stays (`ProtectedImageDelete`).
  static func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let id = call.parameters["id"] ?? ""
    guard let index = index(of: id, in: state, for: call) else {
      return fault(404, "Not Found", "Failed to find image \(id) to delete")
    }
    let image = state.images.images[index]
    guard mayChange(image, call.caller) else { return unauthorized("delete_image") }
    if image.isProtected { return forbidden("Image \(id) is protected and cannot be deleted.") }
    state.images.images.remove(at: index)
    return .noContent()
  }
}
