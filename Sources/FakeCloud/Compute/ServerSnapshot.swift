import CloudAPI

/// `createImage` (`servers.py` `_create_image`, `compute/api.py` `snapshot`,
/// `compute/utils.py` `create_image`, the libvirt driver's `snapshot`): a queued Glance image made
/// at once of the server's system metadata, then the compute host's copy of the disk uploaded to
/// it while the server goes through the snapshot's task states.
enum ServerSnapshot {
  /// `check_instance_state` of `snapshot`.
  private static let vmStates: Set<String> = ["active", "stopped", "paused", "suspended"]

  /// What a snapshot never inherits: `NON_INHERITABLE_IMAGE_PROPERTIES`, the `os_glance`
  /// namespace, and `[DEFAULT] non_inheritable_image_properties`.
  private static let nonInheritable: Set<String> = [
    "cinder_encryption_key_id", "cinder_encryption_key_deletion_policy", "img_signature", "img_signature_hash_method",
    "img_signature_key_type", "img_signature_certificate_uuid", "cache_in_nova", "bittorrent",
  ]

  /// From the request to the compute host's start, then to the upload, then to its end.
  private static let (startDelay, uploadDelay, uploadDuration): (Int64, Int64, Int64) = (500_000, 1_500_000, 4_500_000)

  static func create(_ request: JSONObject, on index: Int, _ call: Call, _ caller: Caller, in state: inout CloudState) -> APIResponse {
    let server = state.compute.servers[index]
    guard let requested = request["name"] else {
      return .fault(
        400, "Invalid input for field/attribute createImage. Value: \(PythonValue.repr(.object(request))). 'name' is a required property")
    }
    guard let rawName = requested.string else {
      return .fault(400, "Invalid input for field/attribute name. Value: \(PythonValue.str(requested)). \(PythonValue.repr(requested)) is not of type 'string'")
    }
    let metadata = request["metadata"]?.object ?? [:]
    // The schema's metadata: string values only (`parameter_types.metadata`).
    if let (key, value) = metadata.first(where: { $0.value.string == nil }).map({ ($0.key, $0.value) }) {
      return .fault(
        400, "Invalid input for field/attribute \(key). Value: \(PythonValue.str(value)). \(PythonValue.repr(value)) is not of type 'string'")
    }
    // Before 2.39 the metadata counts against the `metadata_items` quota (128).
    if state.computeVersion < Microversion(2, 39), metadata.count > 128 {
      return .fault(403, "Image metadata limit exceeded")
    }
    // A server booted from a volume is snapshotted through Cinder (`snapshot_volume_backed`).
    guard !server.imageID.isEmpty else {
      return .fault(501, "not simulated: createImage of a server booted from a volume is not emulated")
    }
    guard vmStates.contains(server.vmState) else {
      return .fault(409, "Cannot 'createImage' instance \(server.id) while it is in vm_state \(server.vmState)")
    }
    if let task = server.taskState {
      return .fault(409, "Cannot 'createImage' instance \(server.id) while it is in task_state \(task)")
    }
    let image = makeImage(of: server, named: normalized(rawName), metadata: metadata, caller: caller, in: &state)
    state.compute.servers[index].taskState = "image_snapshot_pending"
    state.compute.servers[index].updated = state.clock.now
    let start = state.clock.now
    state.compute.actions.append(
      ComputeState.Action(
        action: "createImage", serverID: server.id, requestID: call.requestID, globalRequestID: call.globalRequestID,
        userID: caller.userID, projectID: caller.projectID, start: start, updated: start, message: nil))
    let (serverID, imageID, host) = (server.id, image.id, server.host)
    state.after(startDelay) { state in setTask("image_snapshot", of: serverID, in: &state) }
    state.after(startDelay * 2) { state in setTask("image_pending_upload", of: serverID, in: &state) }
    state.after(uploadDelay) { state in
      setTask("image_uploading", of: serverID, in: &state)
      guard let image = state.images.images.firstIndex(where: { $0.id == imageID }) else { return }
      state.images.images[image].status = "saving"
      state.images.images[image].updated = state.clock.now
    }
    state.after(uploadDelay + uploadDuration) { state in
      upload(imageID, of: serverID, in: &state)
      setTask(nil, of: serverID, in: &state)
      ComputeService.finish(serverID, action: "createImage", event: "compute_snapshot_instance", start: start, host: host, traceback: nil, in: &state)
    }
    if state.computeVersion >= Microversion(2, 45) {
      return .json(202, .object(["image_id": .string(image.id)]))
    }
    return APIResponse(status: 202, headers: ["Location": "http://devstack/image/images/\(image.id)"])
  }

  /// `compute_utils.create_image`: the queued image in Glance (shared with the server's project,
  /// a pending member, when another project's user makes it), as a snapshot or a shelve makes it.
  static func makeImage(
    of server: ComputeState.Server, named name: String, metadata: JSONObject = [:], caller: Caller, in state: inout CloudState
  ) -> ImageState.Image {
    let image = snapshotImage(of: server, named: name, metadata: metadata, caller: caller, in: &state)
    state.images.images.append(image)
    if image.visibility == "shared" {
      // The server's owner is made a member, as Nova's glance layer does for `instance_owner`.
      state.images.members.append(
        ImageState.Member(imageID: image.id, memberID: server.projectID, created: state.clock.now, updated: state.clock.now))
    }
    return image
  }

  /// `initialize_instance_snapshot_metadata`: the system metadata back as an image (its
  /// inheritable attributes as attributes, every other key a property, `image_` taken off), the
  /// properties no snapshot inherits dropped, then who made it and the request's metadata; the
  /// formats left to the upload; private to its project, or shared with the server's when
  /// another project's user takes it.
  private static func snapshotImage(
    of server: ComputeState.Server, named name: String, metadata: JSONObject, caller: Caller, in state: inout CloudState
  ) -> ImageState.Image {
    var properties = SystemMetadata()
    var (minRam, minDisk) = (0, 0)
    for (key, value) in server.systemMetadata.entries {
      let name = key.hasPrefix("image_") ? String(key.dropFirst("image_".count)) : key
      switch name {
      case "min_ram": minRam = Int(value) ?? 0
      case "min_disk": minDisk = Int(value) ?? 0
      case "disk_format", "container_format": continue
      case _ where SystemMetadata.skipped.contains(name): continue
      default: properties[name] = value
      }
    }
    for key in properties.entries.map(\.key) where nonInheritable.contains(key) || key.hasPrefix("os_glance") {
      properties[key] = nil
    }
    let shared = caller.projectID != server.projectID
    properties["instance_uuid"] = server.id
    properties["user_id"] = caller.userID
    properties["image_type"] = "snapshot"
    for (key, value) in metadata { properties[key] = value.string }
    // `instance_owner` only says whom to share with; Glance never sees it.
    properties["instance_owner"] = nil
    // Nova's glance layer drops an empty or `None` kernel or ramdisk.
    for key in ["kernel_id", "ramdisk_id"] where ["", "none"].contains(properties[key].map(normalized)?.lowercased()) {
      properties[key] = nil
    }
    let now = state.clock.now
    return ImageState.Image(
      id: state.newResourceID(), definition: CloudDefinition.Image(name: name, size: 0, checksum: "", hash: "", properties: properties.entries.map { ($0.key, $0.value) }),
      owner: caller.projectID, created: now, updated: now, status: "queued", visibility: shared ? "shared" : "private",
      minDisk: minDisk, minRam: minRam)
  }

  /// The libvirt driver's upload (`_create_snapshot_metadata`, a qcow2 disk): the formats, the
  /// snapshot's own properties, then the data (the size of the image booted from; a checksum and
  /// hash drawn from the cloud's seed).
  static func upload(_ imageID: String, of serverID: String, in state: inout CloudState) {
    guard let index = state.images.images.firstIndex(where: { $0.id == imageID }) else { return }
    let server = state.compute.servers.first { $0.id == serverID }
    let base = state.images.images.first { $0.id == server?.imageID }
    var image = state.images.images[index]
    image.diskFormat = "qcow2"
    image.containerFormat = "bare"
    for (key, value) in [("image_location", "snapshot"), ("image_state", "available"), ("owner_id", server?.projectID ?? image.owner)] {
      if let existing = image.definition.properties.firstIndex(where: { $0.0 == key }) {
        image.definition.properties[existing].1 = value
      } else {
        image.definition.properties.append((key, value))
      }
    }
    image.definition.size = base?.definition.size ?? 0
    image.definition.checksum = state.ids.hex32()
    image.definition.hash = (0..<4).map { _ in state.ids.hex32() }.joined()
    image.status = "active"
    image.updated = state.clock.now
    state.images.images[index] = image
  }

  /// Python's `strip()` of the name (`common.normalize_name`).
  private static func normalized(_ text: String) -> String {
    let isBlank = { (character: Character) in character.isWhitespace }
    return String(text.drop(while: isBlank).reversed().drop(while: isBlank).reversed())
  }

  private static func setTask(_ task: String?, of serverID: String, in state: inout CloudState) {
    guard let index = state.compute.servers.firstIndex(where: { $0.id == serverID }) else { return }
    state.compute.servers[index].taskState = task
    state.compute.servers[index].updated = state.clock.now
  }
}
