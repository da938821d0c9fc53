import CloudAPI

extension ImageState {
  /// A project an image is shared with (`image_members`), and whether it took the image.
  struct Member {
    var imageID: String
    var memberID: String
    var status = "pending"
    var created: Int64
    var updated: Int64
  }

  func membership(of project: String?, in image: Image) -> Member? {
    guard let project, image.visibility == "shared" else { return nil }
    return members.first { $0.imageID == image.id && $0.memberID == project }
  }
}

/// Glance's image members (`glance/api/v2/image_members.py`): the owner shares a `shared` image
/// with other projects, each of which accepts or rejects it; an accepted image joins the
/// member's list, a pending or rejected one is listed only when asked for by member status.
enum ImageMembers {
  static func register(in router: inout Router<CloudState>) {
    router.add(.get, "/v2/images/{id}/members", list)
    router.add(.post, "/v2/images/{id}/members", create)
    router.add(.get, "/v2/images/{id}/members/{member}", show)
    router.add(.put, "/v2/images/{id}/members/{member}", update)
    router.add(.delete, "/v2/images/{id}/members/{member}", delete)
  }

  /// webob's plain-text fault.
  private static func fault(_ status: Int, _ title: String, _ message: String) -> APIResponse {
    APIResponse(
      status: status, headers: ["Content-Type": "text/plain; charset=UTF-8"], body: .string("\(status) \(title)\n\n\(message)\n\n   "))
  }

  /// `_format_image_member`.
  private static func view(_ member: ImageState.Member) -> JSON {
    .object([
      "member_id": .string(member.memberID), "image_id": .string(member.imageID), "status": .string(member.status),
      "created_at": .string(VirtualClock.isoZulu(member.created)), "updated_at": .string(VirtualClock.isoZulu(member.updated)),
      "schema": "/v2/schemas/member",
    ])
  }

  /// The image the caller may see (its members see it whatever their status), or Glance's 404.
  private static func image(_ state: CloudState, _ call: Call) -> Result<ImageState.Image, FaultResponse> {
    let id = call.parameters["id"] ?? ""
    guard let image = state.images.images.first(where: { $0.id == id && ImageService.isVisible($0, to: call.caller, in: state) })
    else { return .failure(FaultResponse(fault(404, "Not Found", "Image \(id) not found."))) }
    return .success(image)
  }

  private static func isOwner(_ image: ImageState.Image, _ caller: Caller?) -> Bool {
    caller.map { $0.isAdmin || $0.projectID == image.owner } ?? false
  }

  /// The owner sees every member; a member, its own membership.
  static func list(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch image(state, call) {
    case .failure(let fault): return fault.response
    case .success(let image):
      let members = state.images.members.filter { member in
        member.imageID == image.id && (isOwner(image, call.caller) || member.memberID == call.caller?.projectID)
      }
      return .json(200, .object(["members": .array(members.map(view)), "schema": "/v2/schemas/members"]))
    }
  }

  static func create(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch image(state, call) {
    case .failure(let fault): return fault.response
    case .success(let image):
      guard let project = call.request.body?["member"]?.string else {
        return fault(400, "Bad Request", "Member to be added not specified")
      }
      guard !project.isEmpty else { return fault(400, "Bad Request", "Member can't be empty") }
      guard image.visibility == "shared", isOwner(image, call.caller) else {
        return fault(403, "Forbidden", "Not allowed to create members for image \(image.id).")
      }
      guard !state.images.members.contains(where: { $0.imageID == image.id && $0.memberID == project }) else {
        return fault(409, "Conflict", "Member \(project) is duplicated for image \(image.id)")
      }
      let now = state.clock.now
      let member = ImageState.Member(imageID: image.id, memberID: project, created: now, updated: now)
      state.images.members.append(member)
      return .json(200, view(member))
    }
  }

  private static func member(_ state: CloudState, _ image: ImageState.Image, _ call: Call) -> Result<Int, FaultResponse> {
    let id = call.parameters["member"] ?? ""
    guard let index = state.images.members.firstIndex(where: { $0.imageID == image.id && $0.memberID == id }),
      isOwner(image, call.caller) || id == call.caller?.projectID
    else {
      return .failure(FaultResponse(fault(404, "Not Found", "\(id) not found in the member list of the image \(image.id).")))
    }
    return .success(index)
  }

  static func show(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch image(state, call).flatMap({ image in member(state, image, call) }) {
    case .failure(let fault): return fault.response
    case .success(let index): return .json(200, view(state.images.members[index]))
    }
  }

  /// The member's project (or an admin) sets its status; the owner may not.
  static func update(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch image(state, call) {
    case .failure(let fault): return fault.response
    case .success(let image):
      guard let status = call.request.body?["status"]?.string else { return fault(400, "Bad Request", "Status not specified") }
      guard ["pending", "accepted", "rejected"].contains(status) else {
        return fault(400, "Bad Request", "Incorrect request: Status must be one of ('pending', 'accepted', 'rejected')")
      }
      let id = call.parameters["member"] ?? ""
      guard image.visibility == "shared", call.caller?.isAdmin == true || call.caller?.projectID == id else {
        return fault(403, "Forbidden", "Not allowed to update members for image \(image.id).")
      }
      switch member(state, image, call) {
      case .failure(let fault): return fault.response
      case .success(let index):
        state.images.members[index].status = status
        state.images.members[index].updated = state.clock.now
        return .json(200, view(state.images.members[index]))
      }
    }
  }

  /// The owner (or an admin) takes a project off the image.
  static func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch image(state, call) {
    case .failure(let fault): return fault.response
    case .success(let image):
      guard image.visibility == "shared", isOwner(image, call.caller) else {
        return fault(403, "Forbidden", "Not allowed to delete members for image \(image.id).")
      }
      switch member(state, image, call) {
      case .failure(let fault): return fault.response
      case .success(let index):
        state.images.members.remove(at: index)
        return .noContent()
      }
    }
  }
}
