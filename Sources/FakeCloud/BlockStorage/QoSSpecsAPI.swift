import CloudAPI

/// Cinder's QoS specs (`qos_specs_manage`, admin only): named sets of keys for a consumer
/// (`back-end`, `front-end` or `both`), associated with volume types.
enum QoSSpecsAPI {
  typealias QoSSpecs = BlockStorageState.QoSSpecs

  /// `views/qos_specs.py`: `id`, `name`, `consumer`, `specs`.
  static let table = ViewTable<QoSSpecs, CinderViewContext>(
    member: "qos_specs", collection: "qos_specs",
    fields: [
      CinderField("id") { spec, _ in .string(spec.id) },
      CinderField("name") { spec, _ in .string(spec.name) },
      CinderField("consumer") { spec, _ in .string(spec.consumer) },
      CinderField("specs") { spec, _ in spec.specs.json },
    ],
    filters: QueryFilters([
      .exact("id", { $0.id }), .exact("name", { $0.name }), .exact("consumer", { $0.consumer }),
    ]),
    id: \.id, notFound: { "No such QoS spec \($0)." })

  static let consumers: Set<String> = ["front-end", "back-end", "both"]

  static func register(in router: inout Router<CloudState>) {
    router.add(.get, "/v3/{project_id}/qos-specs", guarded("get_all", list))
    router.add(.post, "/v3/{project_id}/qos-specs", guarded("create", create))
    router.add(.get, "/v3/{project_id}/qos-specs/{id}", guarded("get", show))
    router.add(.put, "/v3/{project_id}/qos-specs/{id}", guarded("update", update))
    router.add(.delete, "/v3/{project_id}/qos-specs/{id}", guarded("delete", delete))
    router.add(.put, "/v3/{project_id}/qos-specs/{id}/delete_keys", guarded("delete", deleteKeys))
    router.add(.get, "/v3/{project_id}/qos-specs/{id}/associations", guarded("get_all", associations))
    router.add(.get, "/v3/{project_id}/qos-specs/{id}/associate", guarded("update", associate))
    router.add(.get, "/v3/{project_id}/qos-specs/{id}/disassociate", guarded("update", disassociate))
    router.add(.get, "/v3/{project_id}/qos-specs/{id}/disassociate_all", guarded("update", disassociateAll))
  }

  /// Every QoS call is an admin's (`volume_extension:qos_specs_manage:<rule>`).
  private static func guarded(_ rule: String, _ handler: @escaping Router<CloudState>.Handler) -> Router<CloudState>.Handler {
    { state, call in
      guard call.caller?.isAdmin ?? false else { return CinderFault.policy("volume_extension:qos_specs_manage:\(rule)") }
      return handler(&state, call)
    }
  }

  /// A spec with its `links`, as `show` and `create` answer (beside the spec, not in it).
  private static func detail(_ spec: QoSSpecs, _ context: CinderViewContext) -> APIResponse {
    .json(200, .object(["qos_specs": table.view(spec, context), "links": context.links("qos-specs", spec.id)]))
  }

  private static func find(_ state: CloudState, _ call: Call) -> Result<Int, FaultResponse> {
    table.index(of: call.parameters["id"] ?? "", in: state.blockStorage.qosSpecs, for: BlockStorageService.context(state, call))
  }

  /// Oldest last, as Cinder sorts (`created_at`, then `id`, descending).
  static func list(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let specs = state.blockStorage.qosSpecs.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
    return table.list(specs, call, BlockStorageService.context(state, call))
  }

  static func show(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch find(state, call) {
    case .success(let index): detail(state.blockStorage.qosSpecs[index], BlockStorageService.context(state, call))
    case .failure(let fault): fault.response
    }
  }

  /// `POST /qos-specs`: a unique name, a consumer, the other keys as specs.
  static func create(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard case .object(var fields)? = call.request.body?["qos_specs"] else {
      return .fault(400, "'qos_specs' is a required property")
    }
    guard let name = fields.removeValue(forKey: "name")?.string?.trimmingCharacters(in: .whitespaces) else {
      return .fault(400, "'name' is a required property")
    }
    if let problem = VolumeTypeAPI.nameProblem(name, field: "name") { return problem }
    let consumer = fields.removeValue(forKey: "consumer")?.string ?? "back-end"
    guard consumers.contains(consumer) else {
      return .fault(400, "Invalid qos specs: Valid consumer of QoS specs are: ['front-end', 'back-end', 'both']")
    }
    guard !state.blockStorage.qosSpecs.contains(where: { $0.name == name }) else {
      return .fault(409, "QoS Specs \(name) already exists.")
    }
    var specs: [(String, String)] = []
    for (key, value) in fields { specs.setValue(value.string ?? PythonValue.str(value), forKey: key) }
    let spec = QoSSpecs(id: state.ids.uuid(), name: name, consumer: consumer, specs: specs, createdAt: state.clock.now / 1_000_000)
    state.blockStorage.qosSpecs.append(spec)
    return detail(spec, BlockStorageService.context(state, call))
  }

  /// `PUT /qos-specs/{id}`: sets the keys given (`consumer` among them); answers with the body.
  static func update(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard case .object(let fields)? = call.request.body?["qos_specs"] else {
      return .fault(400, "'qos_specs' is a required property")
    }
    switch find(state, call) {
    case .success(let index):
      for (key, value) in fields {
        let text = value.string ?? PythonValue.str(value)
        if key == "consumer" {
          guard consumers.contains(text) else {
            return .fault(400, "Invalid qos specs: Valid consumer of QoS specs are: ['front-end', 'back-end', 'both']")
          }
          state.blockStorage.qosSpecs[index].consumer = text
        } else {
          state.blockStorage.qosSpecs[index].specs.setValue(text, forKey: key)
        }
      }
      return .json(200, .object(["qos_specs": .object(fields)]))
    case .failure(let fault): return fault.response
    }
  }

  /// `DELETE /qos-specs/{id}[?force=True]`: one still associated is refused unless forced.
  static func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch find(state, call) {
    case .success(let index):
      let id = state.blockStorage.qosSpecs[index].id
      let associated = state.blockStorage.types.indices.filter { state.blockStorage.types[$0].qosSpecsID == id }
      if !associated.isEmpty {
        guard StrictBool.parse(call.query("force") ?? "") == true else { return .fault(400, "Qos specs still in use.") }
        for type in associated { state.blockStorage.types[type].qosSpecsID = nil }
      }
      state.blockStorage.qosSpecs.remove(at: index)
      return APIResponse(status: 202)
    case .failure(let fault): return fault.response
    }
  }

  /// `PUT /qos-specs/{id}/delete_keys`: each key must be there.
  static func deleteKeys(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let keys = call.request.body?["keys"]?.array.compactMap(\.string) else {
      return .fault(400, "'keys' is a required property")
    }
    switch find(state, call) {
    case .success(let index):
      for key in keys {
        guard state.blockStorage.qosSpecs[index].specs.contains(where: { $0.0 == key }) else {
          return .fault(404, "QoS spec \(state.blockStorage.qosSpecs[index].id) has no spec with key \(key).")
        }
        state.blockStorage.qosSpecs[index].specs.removeAll { $0.0 == key }
      }
      return APIResponse(status: 202)
    case .failure(let fault): return fault.response
    }
  }

  /// `GET /qos-specs/{id}/associations`: the types, as `{association_type, name, id}`.
  static func associations(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch find(state, call) {
    case .success(let index):
      let id = state.blockStorage.qosSpecs[index].id
      let types = state.blockStorage.types.filter { $0.qosSpecsID == id }.map { type -> JSON in
        .object(["association_type": "volume_type", "name": .string(type.name), "id": .string(type.id)])
      }
      return .json(200, .object(["qos_associations": .array(types)]))
    case .failure(let fault): return fault.response
    }
  }

  /// The spec and the type `vol_type_id` names, or Cinder's fault.
  private static func specAndType(_ state: CloudState, _ call: Call) -> Result<(Int, Int), FaultResponse> {
    guard let typeID = call.query("vol_type_id"), !typeID.isEmpty else {
      return .failure(FaultResponse(.fault(400, "Volume Type id must not be None.")))
    }
    return find(state, call).flatMap { spec in
      guard let type = state.blockStorage.types.firstIndex(where: { $0.id == typeID }) else {
        return .failure(FaultResponse(.fault(404, VolumeTypeAPI.table.notFound(typeID))))
      }
      return .success((spec, type))
    }
  }

  /// `GET /qos-specs/{id}/associate?vol_type_id=`: a type has one QoS spec at most.
  static func associate(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch specAndType(state, call) {
    case .success(let (spec, type)):
      let specID = state.blockStorage.qosSpecs[spec].id
      if let current = state.blockStorage.types[type].qosSpecsID, current != specID {
        let typeID = state.blockStorage.types[type].id
        return .fault(400, "Invalid volume type: Type \(typeID) is already associated with another qos specs: \(current)")
      }
      state.blockStorage.types[type].qosSpecsID = specID
      return APIResponse(status: 202)
    case .failure(let fault): return fault.response
    }
  }

  static func disassociate(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch specAndType(state, call) {
    case .success(let (spec, type)):
      if state.blockStorage.types[type].qosSpecsID == state.blockStorage.qosSpecs[spec].id {
        state.blockStorage.types[type].qosSpecsID = nil
      }
      return APIResponse(status: 202)
    case .failure(let fault): return fault.response
    }
  }

  static func disassociateAll(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch find(state, call) {
    case .success(let index):
      let id = state.blockStorage.qosSpecs[index].id
      for type in state.blockStorage.types.indices where state.blockStorage.types[type].qosSpecsID == id {
        state.blockStorage.types[type].qosSpecsID = nil
      }
      return APIResponse(status: 202)
    case .failure(let fault): return fault.response
    }
  }
}
