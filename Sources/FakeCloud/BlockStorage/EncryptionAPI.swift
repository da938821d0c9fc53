import CloudAPI

/// Cinder's volume type encryption (`volume_type_encryption`, admin only): a type's provider,
/// cipher, key size and control location, fixed while a volume has the type. Volumes made of an
/// encrypted type are encrypted.
enum EncryptionAPI {
  typealias Encryption = BlockStorageState.Encryption

  static func register(in router: inout Router<CloudState>) {
    router.add(.get, "/v3/{project_id}/types/{id}/encryption", guarded("get", show))
    router.add(.post, "/v3/{project_id}/types/{id}/encryption", guarded("create", create))
    router.add(.put, "/v3/{project_id}/types/{id}/encryption/{encryption_id}", guarded("update", update))
    router.add(.delete, "/v3/{project_id}/types/{id}/encryption/{encryption_id}", guarded("delete", delete))
  }

  /// Every call is an admin's (`volume_extension:volume_type_encryption:<rule>`).
  private static func guarded(_ rule: String, _ handler: @escaping Router<CloudState>.Handler) -> Router<CloudState>.Handler {
    { state, call in
      guard call.caller?.isAdmin ?? false else { return CinderFault.policy("volume_extension:volume_type_encryption:\(rule)") }
      return handler(&state, call)
    }
  }

  /// The database row, as the controller copies it: every column, the specs at their values.
  static func row(_ encryption: Encryption, typeID: String) -> JSON {
    .object([
      "cipher": .orNull(encryption.cipher), "control_location": .string(encryption.controlLocation),
      "created_at": VolumeAPI.timestamp(encryption.createdAt), "deleted": false, "deleted_at": .null,
      "encryption_id": .string(encryption.id), "key_size": encryption.keySize.map(JSON.int) ?? .null,
      "provider": .string(encryption.provider), "updated_at": encryption.updatedAt.map(VolumeAPI.timestamp) ?? .null,
      "volume_type_id": .string(typeID),
    ])
  }

  private static func typeIndex(_ state: CloudState, _ call: Call) -> Result<Int, FaultResponse> {
    VolumeTypeAPI.table.index(of: call.parameters["id"] ?? "", in: state.blockStorage.types, for: BlockStorageService.context(state, call))
  }

  /// A volume has the type: its encryption stays as it is.
  private static func inUse(_ state: CloudState, _ typeID: String, _ verb: String) -> APIResponse? {
    state.blockStorage.volumes.contains { $0.typeID == typeID }
      ? .fault(400, "Cannot \(verb) encryption specs. Volume type in use.") : nil
  }

  /// `GET`: the row, or `{}` for a type without encryption.
  static func show(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch typeIndex(state, call) {
    case .success(let index):
      let type = state.blockStorage.types[index]
      return .json(200, type.encryption.map { row($0, typeID: type.id) } ?? .object([:]))
    case .failure(let fault): return fault.response
    }
  }

  /// The specs a body gives, checked as the schema checks them (`key_size` a non-negative
  /// integer or its text, `control_location` `front-end` or `back-end`).
  private static func specs(_ call: Call, required: Bool) -> Result<JSONObject, FaultResponse> {
    guard case .object(let specs)? = call.request.body?["encryption"] else {
      return .failure(FaultResponse(.fault(400, "'encryption' is a required property")))
    }
    if required {
      for key in ["provider", "control_location"] where specs[key] == nil {
        return .failure(FaultResponse(CinderFault.invalidInput("encryption", PythonValue.str(.object(specs)), "'\(key)' is a required property")))
      }
    }
    if let location = specs["control_location"], !["front-end", "back-end"].contains(location.string ?? "") {
      return .failure(
        FaultResponse(
          CinderFault.invalidInput("control_location", PythonValue.str(location), "\(PythonValue.repr(location)) is not one of ['front-end', 'back-end']")))
    }
    switch specs["key_size"] {
    case .int(let size)? where size < 0:
      return .failure(FaultResponse(CinderFault.invalidInput("key_size", String(size), "\(size) is less than the minimum of 0")))
    case .string(let text)? where Int(text) == nil:
      return .failure(FaultResponse(.fault(400, "Invalid input received: key_size must be non-negative")))
    default: return .success(specs)
    }
  }

  private static func keySize(_ value: JSON?) -> Int? {
    switch value {
    case .int(let size)?: size
    case .string(let text)?: Int(text)
    default: nil
    }
  }

  /// `POST`: a type no volume has, without encryption yet; answers with the body given (its
  /// `key_size` made an integer).
  static func create(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let specs: JSONObject
    switch Self.specs(call, required: true) {
    case .success(let given): specs = given
    case .failure(let fault): return fault.response
    }
    let id = call.parameters["id"] ?? ""
    if let fault = inUse(state, id, "create") { return fault }
    switch typeIndex(state, call) {
    case .success(let index):
      guard state.blockStorage.types[index].encryption == nil else {
        return .fault(400, "Volume type encryption for type \(id) already exists.")
      }
      state.blockStorage.types[index].encryption = Encryption(
        id: state.ids.uuid(), provider: specs["provider"]?.string ?? "", cipher: specs["cipher"]?.string,
        keySize: keySize(specs["key_size"]), controlLocation: specs["control_location"]?.string ?? "front-end",
        createdAt: state.clock.now / 1_000_000)
      var answer = specs
      if let size = keySize(specs["key_size"]) { answer["key_size"] = .int(size) }
      return .json(200, .object(["encryption": .object(answer)]))
    case .failure(let fault): return fault.response
    }
  }

  /// `PUT .../encryption/{encryption_id}`: the specs given changed; answers with the body.
  static func update(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let specs: JSONObject
    switch Self.specs(call, required: false) {
    case .success(let given): specs = given
    case .failure(let fault): return fault.response
    }
    switch typeIndex(state, call) {
    case .success(let index):
      let id = state.blockStorage.types[index].id
      if let fault = inUse(state, id, "update") { return fault }
      guard var encryption = state.blockStorage.types[index].encryption else {
        return .fault(404, "Volume type encryption for type \(id) does not exist.")
      }
      if let provider = specs["provider"]?.string { encryption.provider = provider }
      if let cipher = specs["cipher"] { encryption.cipher = cipher.string }
      if specs["key_size"] != nil { encryption.keySize = keySize(specs["key_size"]) }
      if let location = specs["control_location"]?.string { encryption.controlLocation = location }
      encryption.updatedAt = state.clock.now / 1_000_000
      state.blockStorage.types[index].encryption = encryption
      var answer = specs
      if let size = keySize(specs["key_size"]) { answer["key_size"] = .int(size) }
      return .json(200, .object(["encryption": .object(answer)]))
    case .failure(let fault): return fault.response
    }
  }

  /// `DELETE .../encryption/{encryption_id}`: a type no volume has.
  static func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let id = call.parameters["id"] ?? ""
    if let fault = inUse(state, id, "delete") { return fault }
    guard let index = state.blockStorage.types.firstIndex(where: { $0.id == id }), state.blockStorage.types[index].encryption != nil
    else { return .fault(404, "Volume type encryption for type \(id) does not exist.") }
    state.blockStorage.types[index].encryption = nil
    return APIResponse(status: 202)
  }
}
