import CloudAPI

/// Nova's `os-volume_attachments` (2.1 to 2.104): volumes attached to a server, through Cinder
/// (`attaching`, then `in-use`; `detaching`, then `available`), named by the next free `vd`
/// device as the libvirt driver names them whatever device was asked for.
enum VolumeAttachmentAPI {
  /// Seconds the compute host takes to connect or disconnect a volume.
  static let connectionDelay: Int64 = 2_000_000

  static func register(in router: inout Router<CloudState>) {
    router.add(.get, "/v2.1/servers/{id}/os-volume_attachments", list)
    router.add(.post, "/v2.1/servers/{id}/os-volume_attachments", attach)
    router.add(.get, "/v2.1/servers/{id}/os-volume_attachments/{volume}", show)
    router.add(.delete, "/v2.1/servers/{id}/os-volume_attachments/{volume}", detach)
  }

  private static func server(_ state: CloudState, _ call: Call) -> Result<ComputeState.Server, FaultResponse> {
    let id = call.parameters["id"] ?? ""
    let isAdmin = call.caller?.isAdmin ?? false
    guard let server = state.compute.servers.first(where: {
      $0.id == id && $0.vmState != "deleted" && (isAdmin || $0.projectID == call.caller?.projectID)
    }) else { return .failure(FaultResponse(.fault(404, "Instance \(id) could not be found."))) }
    return .success(server)
  }

  /// The server's attachments, oldest first, with their volumes.
  static func attachments(_ state: CloudState, serverID: String) -> [(volume: BlockStorageState.Volume, attachment: BlockStorageState.Attachment)] {
    state.blockStorage.volumes.flatMap { volume in
      volume.attachments.filter { $0.serverID == serverID }.map { (volume, $0) }
    }.sorted { $0.attachment.attachedAt < $1.attachment.attachedAt }
  }

  /// `_translate_attachment_detail_view` at the request's microversion.
  static func view(_ volume: BlockStorageState.Volume, _ attachment: BlockStorageState.Attachment, _ version: Microversion) -> JSON {
    var fields = JSONObject()
    if version < Microversion(2, 89) { fields["id"] = .string(volume.id) }
    fields["volumeId"] = .string(volume.id)
    fields["serverId"] = .string(attachment.serverID)
    fields["device"] = .string(attachment.device)
    if version >= Microversion(2, 70) { fields["tag"] = attachment.tag.map(JSON.string) ?? .null }
    if version >= Microversion(2, 79) { fields["delete_on_termination"] = .bool(attachment.deleteOnTermination) }
    if version >= Microversion(2, 89) {
      fields["attachment_id"] = .string(attachment.id)
      fields["bdm_uuid"] = .string(attachment.bdmID)
    }
    return .object(fields)
  }

  /// The server's `os-extended-volumes:volumes_attached`: each volume's ID, and from 2.3 whether
  /// it goes with the server.
  static func volumesAttached(_ state: CloudState, serverID: String, version: Microversion) -> JSON {
    .array(
      attachments(state, serverID: serverID).map { volume, attachment in
        version >= Microversion(2, 3)
          ? .object(["id": .string(volume.id), "delete_on_termination": .bool(attachment.deleteOnTermination)])
          : .object(["id": .string(volume.id)])
      })
  }

  static func list(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch server(state, call) {
    case .success(let server):
      let views = attachments(state, serverID: server.id).map { view($0.volume, $0.attachment, state.computeVersion) }
      return .json(200, .object(["volumeAttachments": .array(views)]))
    case .failure(let fault): return fault.response
    }
  }

  static func show(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch server(state, call) {
    case .success(let server):
      let volumeID = call.parameters["volume"] ?? ""
      guard let found = attachments(state, serverID: server.id).first(where: { $0.volume.id == volumeID }) else {
        return .fault(404, "Instance \(server.id) is not attached to volume \(volumeID)")
      }
      return .json(200, .object(["volumeAttachment": view(found.volume, found.attachment, state.computeVersion)]))
    case .failure(let fault): return fault.response
    }
  }

  /// The vm states a volume may be attached or detached in (`check_instance_state`).
  static let attachableStates: Set<String> = ["active", "paused", "stopped", "resized", "soft-delete", "shelved", "shelved_offloaded"]

  /// `POST /servers/{id}/os-volume_attachments`: the volume reserved (`attaching`), then
  /// connected (`in-use`) a moment later.
  static func attach(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch server(state, call) {
    case .success(let server):
      let body = call.request.body?["volumeAttachment"]
      guard let volumeID = body?["volumeId"]?.string else {
        return .fault(400, "Invalid input for field/attribute volumeAttachment. Value: \(PythonValue.str(body ?? .null)). 'volumeId' is a required property")
      }
      let version = state.computeVersion
      if body?["tag"] != nil, version < Microversion(2, 49) {
        return .fault(400, "Invalid input for field/attribute volumeAttachment. Value: \(PythonValue.str(body ?? .null)). Additional properties are not allowed ('tag' was unexpected)")
      }
      guard attachableStates.contains(server.vmState), server.taskState == nil else {
        return .fault(409, "Cannot 'attach_volume' instance \(server.id) while it is in \(server.taskState.map { "task_state \($0)" } ?? "vm_state \(server.vmState)")")
      }
      guard let index = state.blockStorage.volumes.firstIndex(where: {
        $0.id == volumeID && ((call.caller?.isAdmin ?? false) || $0.projectID == call.caller?.projectID)
      }) else { return .fault(404, "Volume \(volumeID) could not be found.") }
      let volume = state.blockStorage.volumes[index]
      if !volume.attachments.isEmpty, !volume.multiattach {
        let servers = volume.attachments.map(\.serverID).joined(separator: " ")
        return .fault(400, "Invalid volume: volume \(volume.id) is already attached to instances: \(servers)")
      }
      if volume.attachments.contains(where: { $0.serverID == server.id }) {
        return .fault(400, "Invalid volume: volume \(volume.id) already attached")
      }
      guard volume.status == "available" || (volume.multiattach && volume.status == "in-use") else {
        return .fault(
          400,
          "Invalid volume: Volume \(volume.id) status must be available or downloading to reserve, but the current status is \(volume.status).")
      }
      // The root disk is `vda`; volumes take the next letters.
      let used = Set(attachments(state, serverID: server.id).map(\.attachment.device))
      let device = "abcdefghijklmnopqrstuvwxyz".dropFirst().lazy.map { "/dev/vd\($0)" }.first { !used.contains($0) } ?? "/dev/vdz"
      let deleteOnTermination = body?["delete_on_termination"]?.isTruthyBool ?? false
      let attachment = BlockStorageState.Attachment(
        id: state.ids.uuid(), serverID: server.id, device: device, host: server.host ?? "", attachedAt: state.clock.now,
        bdmID: state.ids.uuid(), tag: body?["tag"]?.string, deleteOnTermination: deleteOnTermination)
      state.blockStorage.volumes[index].attachments.append(attachment)
      state.blockStorage.volumes[index].status = "attaching"
      state.blockStorage.volumes[index].updatedAt = state.clock.now / 1_000_000
      state.after(connectionDelay) { state in
        guard let index = state.blockStorage.volumes.firstIndex(where: { $0.id == volumeID }),
          state.blockStorage.volumes[index].status == "attaching"
        else { return }
        state.blockStorage.volumes[index].status = "in-use"
        state.blockStorage.volumes[index].updatedAt = state.clock.now / 1_000_000
      }
      var fields: JSONObject = [
        "id": .string(volumeID), "serverId": .string(server.id), "volumeId": .string(volumeID), "device": .string(device),
      ]
      if version >= Microversion(2, 70) { fields["tag"] = attachment.tag.map(JSON.string) ?? .null }
      if version >= Microversion(2, 79) { fields["delete_on_termination"] = .bool(deleteOnTermination) }
      // From 2.101 the device is not waited for: no body.
      if version >= Microversion(2, 101) { return APIResponse(status: 202) }
      return .json(200, .object(["volumeAttachment": .object(fields)]))
    case .failure(let fault): return fault.response
    }
  }

  /// `DELETE /servers/{id}/os-volume_attachments/{volume}`: `detaching`, then `available`.
  static func detach(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch server(state, call) {
    case .success(let server):
      let volumeID = call.parameters["volume"] ?? ""
      guard state.blockStorage.volumes.contains(where: { $0.id == volumeID }) else {
        return .fault(404, "Volume \(volumeID) could not be found.")
      }
      guard attachments(state, serverID: server.id).contains(where: { $0.volume.id == volumeID }) else {
        return .fault(404, "Instance \(server.id) is not attached to volume \(volumeID)")
      }
      guard attachableStates.contains(server.vmState), server.taskState == nil else {
        return .fault(409, "Cannot 'detach_volume' instance \(server.id) while it is in \(server.taskState.map { "task_state \($0)" } ?? "vm_state \(server.vmState)")")
      }
      detach(&state, volumeID: volumeID, serverID: server.id)
      return APIResponse(status: 202)
    case .failure(let fault): return fault.response
    }
  }

  /// Disconnects the volume from the server: `detaching` at once, `available` (or still
  /// `in-use` elsewhere) a moment later.
  static func detach(_ state: inout CloudState, volumeID: String, serverID: String) {
    guard let index = state.blockStorage.volumes.firstIndex(where: { $0.id == volumeID }) else { return }
    state.blockStorage.volumes[index].status = "detaching"
    state.after(connectionDelay) { state in
      guard let index = state.blockStorage.volumes.firstIndex(where: { $0.id == volumeID }) else { return }
      state.blockStorage.volumes[index].attachments.removeAll { $0.serverID == serverID }
      state.blockStorage.volumes[index].status = state.blockStorage.volumes[index].attachments.isEmpty ? "available" : "in-use"
      state.blockStorage.volumes[index].updatedAt = state.clock.now / 1_000_000
    }
  }

  /// A deleted server's volumes are detached as Nova does it (and deleted where
  /// `delete_on_termination` says so).
  static func serverDeleted(_ state: inout CloudState, serverID: String) {
    for (volume, attachment) in attachments(state, serverID: serverID) {
      if attachment.deleteOnTermination {
        state.blockStorage.volumes.removeAll { $0.id == volume.id }
        if let host = volume.host, let backend = state.blockStorage.backends.firstIndex(where: { $0.definition.host == host }) {
          state.blockStorage.backends[backend].allocated -= volume.size
        }
      } else {
        detach(&state, volumeID: volume.id, serverID: serverID)
      }
    }
  }
}
