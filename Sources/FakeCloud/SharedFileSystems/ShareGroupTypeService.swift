import CloudAPI

/// Manila's share group types (`manila/api/v2/share_group_types.py`), their group specs
/// (`share_group_type_specs.py`) and the projects a private one is shared with.
enum ShareGroupTypeService {
  static func register(in router: inout Router<CloudState>) {
    router.add(.get, "/v2/share-group-types", list)
    router.add(.post, "/v2/share-group-types", create)
    router.add(.get, "/v2/share-group-types/{id}", show)
    router.add(.delete, "/v2/share-group-types/{id}", delete)
    router.add(.post, "/v2/share-group-types/{id}/group-specs", setSpecs)
    router.add(.delete, "/v2/share-group-types/{id}/group-specs/{key}", unsetSpec)
    router.add(.get, "/v2/share-group-types/{id}/access", listAccess)
    router.add(.post, "/v2/share-group-types/{id}/action", action)
  }

  /// `manila/api/views/share_group_types.py`; no `default_share_group_type` is configured.
  static let resource = ManilaResource<ManilaState.ShareGroupType>(
    records: \.shareGroupTypes, id: \.id, member: "share_group_type", collection: "share_group_types",
    notFound: { "Share group type with id \($0) not found." },
    // `_share_group_type_get_query`: members see the public types and those shared with them.
    isVisible: { type, caller in
      type.isPublic || caller?.isAdmin == true || type.projects.contains(caller?.projectID ?? "")
    },
    fields: [
      .text("id", { $0.id }), .text("name", { $0.name }), ViewField("is_public") { type, _ in .bool(type.isPublic) },
      ViewField("group_specs") { type, _ in .object(type.groupSpecs) },
      ViewField("share_types") { type, _ in .array(type.shareTypeIDs.map(JSON.string)) },
      ViewField("is_default", since: Microversion(2, 46)) { _, _ in false },
    ])

  private static func policyFault(_ call: Call, _ rule: String) -> APIResponse? {
    call.caller?.isAdmin == true ? nil : .fault(403, "Policy doesn't allow share_group_type:\(rule) to be performed.")
  }

  /// `_get_share_group_types`: an admin's `is_public` chooses (public only when absent); from
  /// 2.66 the `group_specs` dict keeps the types holding every pair.
  static func list(_ state: inout CloudState, _ call: Call) -> APIResponse {
    var wanted: Bool? = true
    if call.caller?.isAdmin == true, let text = call.query("is_public") {
      wanted = text.lowercased() == "all" ? nil : StrictBool.parse(text) ?? true
    }
    var types = state.manila.shareGroupTypes.filter { type in
      guard let wanted else { return true }
      return type.isPublic == wanted || (wanted && type.projects.contains(call.caller?.projectID ?? ""))
    }
    if let text = call.query("group_specs"), !text.isEmpty {
      guard state.version(call) >= Microversion(2, 66) else {
        return .fault(
          400,
          "Filter by 'group_specs' is not supported by this microversion. Use 2.66 or greater microversion to be able to use filter search by 'group_specs.")
      }
      guard let specs = PythonDictLiteral.parse(text) else { return ShareService.serverError }
      types = types.filter { type in specs.allSatisfy { type.groupSpecs[$0.key]?.string == $0.value } }
    }
    let context = resource.context(state, call)
    return .json(200, .object(["share_group_types": .array(types.map { resource.view($0, context) })]))
  }

  static func show(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if call.parameters["id"] == "default" { return .fault(404, "Default share group type not found.") }
    return resource.show(state, call)
  }

  /// `POST /v2/share-group-types`: share types by name or ID, string group specs.
  static func create(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let fault = policyFault(call, "create") { return fault }
    guard case .object(let body)? = call.request.body?["share_group_type"] else { return .fault(400, "Malformed request body") }
    guard let requested = body["share_types"]?.array, !requested.isEmpty else {
      return .fault(400, "Supported share types must be provided.")
    }
    let name = body["name"]?.string ?? ""
    guard !name.isEmpty, name.count <= 255 else { return .fault(400, "Share group type name is not valid.") }
    let specs = body["group_specs"]?.object ?? [:]
    guard specs.values.allSatisfy({ $0.string != nil }) else {
      return .fault(400, "Group specs keys and values should be strings.")
    }
    if state.manila.shareGroupTypes.contains(where: { $0.name == name }) {
      return .fault(409, "Share group type \(name) already exists.")
    }
    var typeIDs: [String] = []
    for nameOrID in requested.map({ $0.string ?? "" }) {
      guard let type = state.manila.shareTypes.first(where: { $0.name == nameOrID || $0.id == nameOrID }) else {
        return .fault(404, "Share Type \(nameOrID) does not exist.")
      }
      typeIDs.append(type.id)
    }
    let type = ManilaState.ShareGroupType(
      id: state.ids.uuid(), name: name, shareTypeIDs: typeIDs, groupSpecs: specs,
      isPublic: body["is_public"].flatMap(ExtraSpecs.boolean) ?? true)
    state.manila.shareGroupTypes.append(type)
    return .json(200, .object(["share_group_type": resource.view(type, resource.context(state, call))]))
  }

  static func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let fault = policyFault(call, "delete") { return fault }
    guard let type = resource.find(state, call) else { return .fault(404, "The resource could not be found.") }
    state.manila.shareGroupTypes.removeAll { $0.id == type.id }
    return APIResponse(status: 204)
  }

  /// The index of the type the path names, if the caller may see it.
  private static func index(_ state: CloudState, _ call: Call) -> Int? {
    resource.find(state, call).flatMap { resource.index(state, of: $0.id) }
  }

  /// `ShareGroupTypeNotFound`.
  private static func notFound(_ call: Call) -> APIResponse {
    .fault(404, "Share group type \(call.parameters["id"] ?? "") could not be found.")
  }

  /// `POST …/group-specs`: keys and values of 1 to 255 characters (or booleans), key names
  /// checked; the request body is the answer.
  static func setSpecs(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let fault = policyFault(call, "create") { return fault }
    guard let specs = call.request.body?["group_specs"]?.object else { return .fault(400, "Malformed request body") }
    guard let index = index(state, call) else { return notFound(call) }
    for (key, value) in specs {
      let validValue = value.string.map { (1..<256).contains($0.count) } ?? (ExtraSpecs.boolean(value) != nil && value.string == nil)
      guard (1..<256).contains(key.count), validValue else {
        return .fault(400, "Invalid extra_spec: \(key): \(ExtraSpecs.text(of: value))")
      }
    }
    guard specs.keys.allSatisfy(ShareTypeService.isValidKeyName) else {
      return .fault(400, "Key names can only contain alphanumeric characters, underscores, periods, colons and hyphens.")
    }
    for (key, value) in specs { state.manila.shareGroupTypes[index].groupSpecs[key] = value }
    return .json(200, .object(["group_specs": .object(specs)]))
  }

  static func unsetSpec(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let fault = policyFault(call, "delete") { return fault }
    guard let index = index(state, call) else { return notFound(call) }
    let key = call.parameters["key"] ?? ""
    let type = state.manila.shareGroupTypes[index]
    guard type.groupSpecs[key] != nil else {
      return .fault(404, "Share group type \(type.id) has no group specs with key \(key).")
    }
    state.manila.shareGroupTypes[index].groupSpecs.removeValue(forKey: key)
    return APIResponse(status: 204)
  }

  static func listAccess(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let fault = policyFault(call, "list_project_access") { return fault }
    guard let type = resource.find(state, call) else {
      return .fault(404, "Share group type \(call.parameters["id"] ?? "") not found.")
    }
    if type.isPublic { return .fault(404, "Access list not available for public share group types.") }
    let projects = type.projects.map { JSON.object(["share_group_type_id": .string(type.id), "project_id": .string($0)]) }
    return .json(200, .object(["share_group_type_access": .array(projects)]))
  }

  /// `addProjectAccess` and `removeProjectAccess`, on a private type only.
  static func action(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard case .object(let body)? = call.request.body, let (name, access) = body.first.map({ ($0.key, $0.value) }),
      ["addProjectAccess", "removeProjectAccess"].contains(name)
    else { return .fault(400, "There is no such action: \(call.request.body?.object.first?.key ?? "None")") }
    let adding = name == "addProjectAccess"
    if let fault = policyFault(call, adding ? "add_project_access" : "remove_project_access") { return fault }
    guard case .object = access else { return .fault(400, "Malformed request body") }
    let project = access["project"]?.string ?? "None"
    guard UUIDText.isUUIDLike(project) else { return .fault(400, "Project value (\(project)) must be in uuid format.") }
    guard let index = index(state, call) else { return notFound(call) }
    let type = state.manila.shareGroupTypes[index]
    if type.isPublic { return .fault(409, "Type access modification is not applicable to public share group type.") }
    if adding {
      if type.projects.contains(project) {
        return .fault(409, "Share group type access for \(type.id) / \(project) combination already exists.")
      }
      state.manila.shareGroupTypes[index].projects.append(project)
    } else {
      guard type.projects.contains(project) else {
        return .fault(404, "Share group type access not found for \(type.id) / \(project) combination.")
      }
      state.manila.shareGroupTypes[index].projects.removeAll { $0 == project }
    }
    return APIResponse(status: 202)
  }
}
