import CloudAPI

/// Cinder's volume types (`types_manage`, `types_extra_specs`, `volume_type_access`): admins
/// create, change and delete them; everyone lists the public ones and those shared with their
/// project, and sees only the user-visible extra specs.
enum VolumeTypeAPI {
  typealias VolumeType = BlockStorageState.VolumeType

  /// `type_extra_specs.USER_VISIBLE_EXTRA_SPECS`: what a non-admin sees of a type's specs.
  static let userVisibleSpecs: Set<String> = ["RESKEY:availability_zones", "multiattach", "replication_enabled"]

  /// `views/types.py` and the `os-volume-type-access` extension.
  static let table = ViewTable<VolumeType, CinderViewContext>(
    member: "volume_type", collection: "volume_types",
    fields: [
      CinderField("id") { type, _ in .string(type.id) },
      CinderField("name") { type, _ in .string(type.name) },
      CinderField("is_public") { type, _ in .bool(type.isPublic) },
      CinderField("description") { type, _ in .orNull(type.description) },
      CinderField("extra_specs") { type, context in
        (context.isAdmin ? type.extraSpecs : type.extraSpecs.filter { userVisibleSpecs.contains($0.0) }).json
      },
      CinderField("qos_specs_id", adminOnly: true) { type, _ in .orNull(type.qosSpecsID) },
      CinderField("os-volume-type-access:is_public") { type, _ in .bool(type.isPublic) },
    ],
    id: \.id,
    isVisible: { type, context in type.isPublic || context.isAdmin || type.projects.contains(context.caller.projectID) },
    notFound: { "Volume type \($0) could not be found." })

  static func register(in router: inout Router<CloudState>) {
    router.add(.get, "/v3/{project_id}/types", list)
    router.add(.post, "/v3/{project_id}/types", create)
    router.add(.get, "/v3/{project_id}/types/{id}", show)
    router.add(.put, "/v3/{project_id}/types/{id}", update)
    router.add(.delete, "/v3/{project_id}/types/{id}", delete)
    router.add(.post, "/v3/{project_id}/types/{id}/action", action)
    router.add(.get, "/v3/{project_id}/types/{id}/os-volume-type-access", listAccess)
    router.add(.get, "/v3/{project_id}/types/{id}/extra_specs", listSpecs)
    router.add(.post, "/v3/{project_id}/types/{id}/extra_specs", setSpecs)
    router.add(.delete, "/v3/{project_id}/types/{id}/extra_specs/{key}", deleteSpec)
  }

  /// The type with this ID that the caller may see, or Cinder's 404.
  static func visibleIndex(_ state: CloudState, _ call: Call, _ id: String) -> Result<Int, FaultResponse> {
    table.index(of: id, in: state.blockStorage.types, for: BlockStorageService.context(state, call))
  }

  /// Newest first, as Cinder sorts (`created_at`, then `id`, descending).
  static func sorted(_ types: [VolumeType]) -> [VolumeType] {
    types.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
  }

  /// `GET /types`: an admin's `is_public` (`none` for all, else a strict boolean; public only
  /// when absent); from 3.52 `extra_specs`, a dict literal every type's specs must contain.
  static func list(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let context = BlockStorageService.context(state, call)
    var publicity: Bool? = true
    if context.isAdmin, let text = call.query("is_public") {
      if text.lowercased() == "none" {
        publicity = nil
      } else {
        guard let wanted = StrictBool.parse(text) else { return .fault(400, "Invalid is_public filter [\(text)]") }
        publicity = wanted
      }
    }
    var types = state.blockStorage.types.filter { type in
      context.isAdmin ? publicity.map { $0 == type.isPublic } ?? true : state.blockStorage.typeVisible(type, to: context.caller)
    }
    if context.version >= Microversion(3, 52), let text = call.query("extra_specs") {
      guard let specs = PythonDictLiteral.parse(text) else {
        return .json(200, .object(["volume_types": .array([])]))
      }
      // A non-admin filtering by a spec it may not see finds nothing, as Cinder answers.
      if !context.isAdmin, specs.contains(where: { !userVisibleSpecs.contains($0.key) }) {
        return .json(200, .object(["volume_types": .array([])]))
      }
      types = types.filter { type in
        specs.allSatisfy { key, value in type.extraSpecs.contains { $0.0 == key && $0.1 == value } }
      }
    }
    return table.list(sorted(types), call, context)
  }

  /// `GET /types/{id}`: by ID, or `default` for the default type.
  static func show(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let context = BlockStorageService.context(state, call)
    var id = call.parameters["id"] ?? ""
    if id == "default" {
      guard let type = state.blockStorage.type(named: state.blockStorage.defaultTypeName) else {
        return .fault(404, "Default volume type can not be found.")
      }
      id = type.id
    }
    switch visibleIndex(state, call, id) {
    case .success(let index): return table.show(state.blockStorage.types[index], context)
    case .failure(let fault): return fault.response
    }
  }

  /// `POST /types` (admin): a unique name, then the type.
  static func create(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let context = BlockStorageService.context(state, call)
    guard context.isAdmin else { return CinderFault.policy("volume_extension:type_create") }
    guard let body = call.request.body?["volume_type"], case .object = body else {
      return .fault(400, "'volume_type' is a required property")
    }
    guard let name = body["name"]?.string else { return .fault(400, "'name' is a required property") }
    if let problem = nameProblem(name, field: "name") { return problem }
    let description = body["description"]?.string
    if let description, description.count > 255 {
      return CinderFault.invalidInput("description", description, "'\(description)' is too long")
    }
    var isPublic = true
    if let value = body["os-volume-type-access:is_public"] {
      switch value {
      case .bool(let flag): isPublic = flag
      case .string(let text):
        guard let flag = StrictBool.parse(text) else { return .fault(400, "Invalid value '\(text)' for is_public.") }
        isPublic = flag
      default: break
      }
    }
    guard !state.blockStorage.types.contains(where: { $0.name == name }) else {
      return .fault(409, "Volume Type \(name) already exists.")
    }
    var specs: [(String, String)] = []
    for (key, value) in body["extra_specs"]?.object ?? [:] { specs.setValue(value.string ?? PythonValue.str(value), forKey: key) }
    let type = VolumeType(
      id: state.ids.uuid(), name: name, description: description, isPublic: isPublic, extraSpecs: specs,
      createdAt: state.clock.now / 1_000_000)
    state.blockStorage.types.append(type)
    return table.show(type, context)
  }

  /// Cinder's name checks: 1 to 255 characters, not only spaces.
  static func nameProblem(_ name: String, field: String) -> APIResponse? {
    if name.trimmingCharacters(in: .whitespaces).isEmpty {
      return .fault(400, "Name has a minimum character requirement of 1.")
    }
    if name.count > 255 { return CinderFault.invalidInput(field, name, "'\(name)' is too long") }
    return nil
  }

  /// `PUT /types/{id}` (admin): name, description, publicity.
  static func update(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let context = BlockStorageService.context(state, call)
    guard context.isAdmin else { return CinderFault.policy("volume_extension:type_update") }
    let body = call.request.body?["volume_type"]
    let name = body?["name"]?.string
    let description = body?["description"]?.string
    var isPublic: Bool? = nil
    switch body?["is_public"] {
    case .bool(let flag)?: isPublic = flag
    case .string(let text)?:
      guard let flag = StrictBool.parse(text) else { return .fault(400, "Invalid value '\(text)' for is_public.") }
      isPublic = flag
    default: break
    }
    if let name, name.trimmingCharacters(in: .whitespaces).isEmpty { return .fault(400, "Volume type name can not be empty.") }
    if name == nil, description == nil, isPublic == nil {
      return .fault(400, "Specify volume type name, description, is_public or a combination thereof.")
    }
    let id = call.parameters["id"] ?? ""
    guard let index = state.blockStorage.types.firstIndex(where: { $0.id == id }) else { return .fault(404, table.notFound(id)) }
    if let name, state.blockStorage.types.contains(where: { $0.name == name && $0.id != id }) {
      return .fault(409, "Volume Type \(name) already exists.")
    }
    if let name { state.blockStorage.types[index].name = name }
    if let description { state.blockStorage.types[index].description = description }
    if let isPublic { state.blockStorage.types[index].isPublic = isPublic }
    return table.show(state.blockStorage.types[index], context)
  }

  /// `DELETE /types/{id}` (admin): not the default type, nor one a volume has.
  static func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard call.caller?.isAdmin ?? false else { return CinderFault.policy("volume_extension:type_delete") }
    let id = call.parameters["id"] ?? ""
    guard let index = state.blockStorage.types.firstIndex(where: { $0.id == id }) else { return .fault(404, table.notFound(id)) }
    if state.blockStorage.types[index].name == state.blockStorage.defaultTypeName {
      return .fault(400, "The volume type \(id) is a default volume type and cannot be deleted.")
    }
    if state.blockStorage.volumes.contains(where: { $0.typeID == id }) {
      return .fault(400, "Target volume type is still in use.")
    }
    state.blockStorage.types.remove(at: index)
    return APIResponse(status: 202)
  }

  /// `POST /types/{id}/action`: `addProjectAccess` / `removeProjectAccess` on a private type.
  static func action(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let id = call.parameters["id"] ?? ""
    let body = call.request.body
    let adding = body?["addProjectAccess"] != nil
    guard adding || body?["removeProjectAccess"] != nil else { return .fault(400, "There is no such action: \(body?.object.keys.first ?? "")") }
    let rule = adding ? "addProjectAccess" : "removeProjectAccess"
    guard call.caller?.isAdmin ?? false else { return CinderFault.policy("volume_extension:volume_type_access:\(rule)") }
    guard let project = body?[rule]?["project"]?.string else { return .fault(400, "'project' is a required property") }
    guard let index = state.blockStorage.types.firstIndex(where: { $0.id == id }) else { return .fault(404, table.notFound(id)) }
    if state.blockStorage.types[index].isPublic {
      return .fault(400, "Invalid volume type: Type access modification is not applicable to public volume type.")
    }
    let shared = state.blockStorage.types[index].projects.contains(project)
    if adding {
      if shared { return .fault(409, "Volume type access for \(id) / \(project) combination already exists.") }
      state.blockStorage.types[index].projects.append(project)
    } else {
      if !shared { return .fault(404, "Volume type access not found for \(id) / \(project) combination.") }
      state.blockStorage.types[index].projects.removeAll { $0 == project }
    }
    return APIResponse(status: 202)
  }

  /// `GET /types/{id}/os-volume-type-access` (admin): the projects a private type is shared with.
  static func listAccess(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard call.caller?.isAdmin ?? false else {
      return CinderFault.policy("volume_extension:volume_type_access:get_all_for_type")
    }
    let id = call.parameters["id"] ?? ""
    guard let type = state.blockStorage.types.first(where: { $0.id == id }) else { return .fault(404, table.notFound(id)) }
    if type.isPublic { return .fault(404, "Access list not available for public volume types.") }
    return .json(
      200,
      .object([
        "volume_type_access": .array(
          type.projects.map { .object(["volume_type_id": .string(type.id), "project_id": .string($0)]) })
      ]))
  }

  static func listSpecs(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let context = BlockStorageService.context(state, call)
    switch visibleIndex(state, call, call.parameters["id"] ?? "") {
    case .success(let index):
      let specs = state.blockStorage.types[index].extraSpecs
      return .json(200, .object(["extra_specs": (context.isAdmin ? specs : specs.filter { userVisibleSpecs.contains($0.0) }).json]))
    case .failure(let fault): return fault.response
    }
  }

  /// Extra specs are fixed while a volume has the type (`_allow_update`).
  private static func inUse(_ state: CloudState, _ id: String) -> APIResponse? {
    state.blockStorage.volumes.contains { $0.typeID == id } ? .fault(400, "Volume Type is currently in use.") : nil
  }

  /// `POST /types/{id}/extra_specs` (admin): sets the specs given, keeps the others.
  static func setSpecs(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard call.caller?.isAdmin ?? false else { return CinderFault.policy("volume_extension:types_extra_specs:create") }
    let id = call.parameters["id"] ?? ""
    guard case .object(let specs)? = call.request.body?["extra_specs"] else {
      return .fault(400, "'extra_specs' is a required property")
    }
    if let fault = inUse(state, id) { return fault }
    guard let index = state.blockStorage.types.firstIndex(where: { $0.id == id }) else { return .fault(404, table.notFound(id)) }
    let current = state.blockStorage.types[index].extraSpecs
    func value(_ key: String, _ given: [(key: String, value: JSON)]) -> String? {
      given.first { $0.key == key }?.value.string ?? current.first { $0.0 == key }?.1
    }
    let given = Array(specs)
    for (key, value) in given {
      if key.isEmpty || key.count > 255 {
        return CinderFault.invalidInput("extra_specs", PythonValue.str(.object(specs)), "'\(key)' does not match any of the regexes: '^[a-zA-Z0-9-_:. /]{1,255}$'")
      }
      guard value.string != nil else {
        return CinderFault.invalidInput(key, PythonValue.str(value), "\(PythonValue.str(value)) is not of type 'string'")
      }
    }
    if value("multiattach", given) == "<is> True", value("cacheable", given) == "<is> True",
      given.contains(where: { $0.key == "multiattach" || $0.key == "cacheable" })
    {
      return .fault(400, "cacheable cannot be set with multiattach.")
    }
    for (key, value) in given { state.blockStorage.types[index].extraSpecs.setValue(value.string ?? "", forKey: key) }
    return .json(200, .object(["extra_specs": .object(specs)]))
  }

  /// `DELETE /types/{id}/extra_specs/{key}` (admin).
  static func deleteSpec(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let id = call.parameters["id"] ?? ""
    let key = call.parameters["key"] ?? ""
    guard state.blockStorage.types.contains(where: { $0.id == id }) else { return .fault(404, table.notFound(id)) }
    guard call.caller?.isAdmin ?? false else { return CinderFault.policy("volume_extension:types_extra_specs:delete") }
    if let fault = inUse(state, id) { return fault }
    guard let index = state.blockStorage.types.firstIndex(where: { $0.id == id }),
      state.blockStorage.types[index].extraSpecs.contains(where: { $0.0 == key })
    else { return .fault(404, "Volume Type \(id) has no extra specs with key \(key).") }
    state.blockStorage.types[index].extraSpecs.removeAll { $0.0 == key }
    return APIResponse(status: 202)
  }
}
