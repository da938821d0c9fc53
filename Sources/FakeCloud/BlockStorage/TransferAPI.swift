import CloudAPI

/// Cinder's volume transfers (`/os-volume-transfer`, and `/volume-transfers` from 3.55): an
/// available volume offered (`awaiting-transfer`) with a 16-hex-digit auth key, accepted by
/// another project with the key (the volume becomes theirs), or the offer deleted.
enum TransferAPI {
  typealias Transfer = BlockStorageState.Transfer

  /// `views/transfers.py`'s `detail`; `create` adds `auth_key` after `volume_id`.
  static let table = ViewTable<Transfer, CinderViewContext>(
    member: "transfer", collection: "transfers",
    fields: [
      CinderField("id") { transfer, _ in .string(transfer.id) },
      CinderField("created_at") { transfer, _ in VolumeAPI.timestamp(transfer.createdAt) },
      CinderField("name") { transfer, _ in .orNull(transfer.name) },
      CinderField("volume_id") { transfer, _ in .string(transfer.volumeID) },
      CinderField("links") { transfer, context in context.links("os-volume-transfer", transfer.id) },
      CinderField("no_snapshots", since: Microversion(3, 55)) { transfer, _ in .bool(transfer.noSnapshots) },
      CinderField("destination_project_id", since: Microversion(3, 57)) { _, _ in .null },
      CinderField("source_project_id", since: Microversion(3, 57)) { transfer, _ in .string(transfer.projectID) },
      CinderField("accepted", since: Microversion(3, 57)) { _, _ in false },
    ],
    id: \.id, isVisible: { transfer, context in context.isAdmin || transfer.projectID == context.caller.projectID },
    notFound: { "Transfer \($0) could not be found." })

  static func register(in router: inout Router<CloudState>) {
    for base in ["os-volume-transfer", "volume-transfers"] {
      // `volume-transfers` is the 3.55 resource; the older one stays.
      let since: Microversion? = base == "volume-transfers" ? Microversion(3, 55) : nil
      func versioned(_ handler: @escaping Router<CloudState>.Handler) -> Router<CloudState>.Handler {
        { state, call in
          if let since, state.volumeVersion < since {
            return .fault(404, "API version \(state.volumeVersion) is not supported on this method.")
          }
          return handler(&state, call)
        }
      }
      router.add(.get, "/v3/{project_id}/\(base)", versioned(list))
      router.add(.get, "/v3/{project_id}/\(base)/detail", versioned(list))
      router.add(.post, "/v3/{project_id}/\(base)", versioned(create))
      router.add(.get, "/v3/{project_id}/\(base)/{id}", versioned(show))
      router.add(.delete, "/v3/{project_id}/\(base)/{id}", versioned(delete))
      router.add(.post, "/v3/{project_id}/\(base)/{id}/accept", versioned(accept))
    }
  }

  /// The caller's project's offers (an admin's, with `all_tenants`, every project's).
  static func list(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let context = BlockStorageService.context(state, call)
    let all = context.isAdmin && (call.query("all_tenants").map { StrictBool.parse($0) ?? true } ?? false)
    let transfers = state.blockStorage.transfers.filter { all || $0.projectID == context.caller.projectID }
    guard call.request.path.hasSuffix("/detail") else {
      return .json(
        200,
        .object([
          "transfers": .array(
            transfers.map { .object(["id": .string($0.id), "volume_id": .string($0.volumeID), "name": .orNull($0.name), "links": context.links("os-volume-transfer", $0.id)]) })
        ]))
    }
    return table.list(transfers, call, context)
  }

  static func find(_ state: CloudState, _ call: Call) -> Result<Int, FaultResponse> {
    table.index(of: call.parameters["id"] ?? "", in: state.blockStorage.transfers, for: BlockStorageService.context(state, call))
  }

  static func show(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch find(state, call) {
    case .success(let index): table.show(state.blockStorage.transfers[index], BlockStorageService.context(state, call))
    case .failure(let fault): fault.response
    }
  }

  /// `POST`: the volume available; it waits (`awaiting-transfer`) with the key.
  static func create(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let context = BlockStorageService.context(state, call)
    guard case .object(let body)? = call.request.body?["transfer"] else { return .fault(400, "'transfer' is a required property") }
    guard let volumeID = body["volume_id"]?.string else { return .fault(400, "'volume_id' is a required property") }
    guard let index = state.blockStorage.volumes.firstIndex(where: { $0.id == volumeID && $0.projectID == context.caller.projectID })
    else { return .fault(404, "Volume \(volumeID) could not be found.") }
    guard state.blockStorage.volumes[index].status == "available" else {
      return .fault(400, "Invalid volume: status must be available")
    }
    // `_get_random_string`: hexadecimal digits of a SHA-224, 16 of them (`volume_transfer_key_length`).
    let key = String(SHA224.hexDigest(state.ids.uuid()).prefix(16))
    let transfer = Transfer(
      id: state.ids.uuid(), name: body["name"]?.string, volumeID: volumeID, authKey: key,
      noSnapshots: body["no_snapshots"]?.isTruthyBool ?? false, projectID: context.caller.projectID,
      createdAt: state.clock.now / 1_000_000)
    state.blockStorage.transfers.append(transfer)
    state.blockStorage.volumes[index].status = "awaiting-transfer"
    // The create view: the detail's fields, with the key after the volume's ID.
    var created = JSONObject()
    for (name, value) in table.view(transfer, context).object {
      created[name] = value
      if name == "volume_id" { created["auth_key"] = .string(key) }
    }
    return .json(202, .object(["transfer": .object(created)]))
  }

  /// `DELETE`: the offer withdrawn, the volume available again.
  static func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch find(state, call) {
    case .success(let index):
      let transfer = state.blockStorage.transfers.remove(at: index)
      if let volume = state.blockStorage.volumes.firstIndex(where: { $0.id == transfer.volumeID }) {
        state.blockStorage.volumes[volume].status = "available"
      }
      return APIResponse(status: 202)
    case .failure(let fault): return fault.response
    }
  }

  /// `POST .../accept`: with the right key, the volume (and, unless `no_snapshots`, its
  /// snapshots) becomes the caller's project's.
  static func accept(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let context = BlockStorageService.context(state, call)
    let id = call.parameters["id"] ?? ""
    guard let index = state.blockStorage.transfers.firstIndex(where: { $0.id == id }) else {
      return .fault(404, table.notFound(id))
    }
    let transfer = state.blockStorage.transfers[index]
    guard call.request.body?["accept"]?["auth_key"]?.string == transfer.authKey else {
      return .fault(400, "Invalid auth key: Attempt to transfer \(id) with invalid auth key.")
    }
    state.blockStorage.transfers.remove(at: index)
    if let volume = state.blockStorage.volumes.firstIndex(where: { $0.id == transfer.volumeID }) {
      state.blockStorage.volumes[volume].status = "available"
      state.blockStorage.volumes[volume].projectID = context.caller.projectID
      state.blockStorage.volumes[volume].userID = context.caller.userID
    }
    if !transfer.noSnapshots {
      for snapshot in state.blockStorage.snapshots.indices where state.blockStorage.snapshots[snapshot].volumeID == transfer.volumeID {
        state.blockStorage.snapshots[snapshot].projectID = context.caller.projectID
      }
    }
    return .json(
      202,
      .object([
        "transfer": .object([
          "id": .string(transfer.id), "name": .orNull(transfer.name), "volume_id": .string(transfer.volumeID),
          "links": context.links("os-volume-transfer", transfer.id),
        ])
      ]))
  }
}
