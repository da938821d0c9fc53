import CloudAPI
import Foundation

/// Manila's share types (`manila/api/v2/share_types.py`), their extra specs
/// (`share_types_extra_specs.py`) and the projects a private type is shared with.
enum ShareTypeService {
  static func register(in router: inout Router<CloudState>) {
    router.add(.get, "/v2/types", listShareTypes)
    router.add(.post, "/v2/types", createShareType)
    router.add(.get, "/v2/types/{id}", showShareType)
    router.add(.put, "/v2/types/{id}", updateShareType)
    router.add(.delete, "/v2/types/{id}", deleteShareType)
    router.add(.post, "/v2/types/{id}/extra_specs", setExtraSpecs)
    router.add(.delete, "/v2/types/{id}/extra_specs/{key}", unsetExtraSpec)
    router.add(.get, "/v2/types/{id}/share_type_access", listAccess)
    router.add(.get, "/v2/types/{id}/os-share-type-access", listAccess)
    router.add(.post, "/v2/types/{id}/action", typeAction)
  }

  /// oslo.policy's refusal, for the admin-only rules of `manila/policies/share_type.py`.
  static func policyFault(_ call: Call, _ rule: String) -> APIResponse? {
    call.caller?.isAdmin == true ? nil : .fault(403, "Policy doesn't allow \(rule) to be performed.")
  }

  /// `_share_type_get_query`: members see the public types and those shared with their project.
  static func isVisible(_ type: ManilaState.ShareType, to caller: Caller?) -> Bool {
    type.isPublic || caller?.isAdmin == true || type.projects.contains(caller?.projectID ?? "")
  }

  /// `GET /v2/types`: public types and the project's; an admin's `is_public` (`all`, or a
  /// boolean) chooses.
  static func listShareTypes(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let project = call.caller?.projectID ?? ""
    var wanted: Bool? = true
    if call.caller?.isAdmin == true, let text = call.query("is_public") {
      wanted = text.lowercased() == "all" ? nil : StrictBool.parse(text) ?? true
    }
    var types = state.manila.shareTypes.filter { type in
      guard let wanted else { return true }
      return type.isPublic == wanted || (wanted && type.projects.contains(project))
    }
    if let text = call.query("extra_specs"), !text.isEmpty {
      guard state.version(call) >= Microversion(2, 43) else {
        return .fault(
          400,
          "Filter by 'extra_specs' is not supported by this microversion. Use 2.43 or greater microversion to be able to use filter search by 'extra_specs.")
      }
      // `ast.literal_eval`: what it cannot read is an unexpected error.
      guard let wanted = PythonDictLiteral.parse(text) else { return ShareService.serverError }
      types = types.filter { matches($0, wanted) }
    }
    let views = types.map { shareTypeView($0, state: state, call: call) }
    return .json(200, .object(["volume_types": .array(views), "share_types": .array(views)]))
  }

  /// `get_all_types`' search: the zones a type's `availability_zones` spec must hold (a type
  /// without one holds all), and the other specs, of which Manila's `_check_extra_specs_match`
  /// compares only the first (it returns inside its loop).
  private static func matches(_ type: ManilaState.ShareType, _ wanted: [(key: String, value: String)]) -> Bool {
    var specs = wanted
    if let zones = specs.first(where: { $0.key == "availability_zones" })?.value {
      specs.removeAll { $0.key == "availability_zones" }
      let requested = zones.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      if let typeZones = type.extraSpecs["availability_zones"]?.string {
        let offered = Set(typeZones.split(separator: ",").map(String.init))
        guard Set(requested).isSubset(of: offered) else { return false }
      }
    }
    guard let first = specs.first else { return true }
    return type.extraSpecs[first.key]?.string == first.value
  }

  static func showShareType(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let id = call.parameters["id"] ?? ""
    let type =
      id == "default"
      ? state.manila.shareTypes.first { $0.name == state.manila.defaultShareType }
      : shareType(state, call)
    guard let type else {
      return .fault(404, id == "default" ? "Default share type not found." : "Share type not found.")
    }
    return shown(type, state: state, call: call)
  }

  private static func shown(
    _ type: ManilaState.ShareType, state: CloudState, call: Call, status: Int = 200, required: JSONObject? = nil
  ) -> APIResponse {
    let view = shareTypeView(type, state: state, call: call, required: required)
    return .json(status, .object(["volume_type": view, "share_type": view]))
  }

  /// `POST /v2/types`: the name, then the specs checked as `_create` and `share_types.create`
  /// check them. The answer's required specs are the request's, as given (a boolean stays one).
  static func createShareType(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let fault = policyFault(call, "share_type:create") { return fault }
    guard let body = call.request.body?["share_type"] ?? call.request.body?["volume_type"], case .object = body else {
      return .fault(400, "Malformed request body")
    }
    let version = state.version(call)
    let name = body["name"]?.string ?? ""
    let description = body["description"]?.string
    if let description, !description.isEmpty, version < Microversion(2, 41) {
      return .fault(
        400,
        "'description' key is not supported by this microversion. Use 2.41 or greater microversion to be able to use 'description' in share type."
      )
    }
    if name.isEmpty || name.count > 255 || (description?.count ?? 0) > 255 {
      return .fault(400, "Type name or description is not valid.")
    }
    var specs = body["extra_specs"]?.object ?? [:]
    // Before 2.24 a type without snapshot_support gets it, true.
    if version < Microversion(2, 24) && specs["snapshot_support"] == nil { specs["snapshot_support"] = true }
    if let reason = ExtraSpecs.requiredFault(specs) { return .fault(400, "Invalid extra_spec: \(reason).") }
    if let key = ExtraSpecs.invalidOptional(specs) {
      return .fault(400, "Invalid share type: Value of optional extra_spec \(key) is not valid..")
    }
    if state.manila.shareTypes.contains(where: { $0.name == name }) {
      return .fault(409, "Share Type \(name) already exists.")
    }
    let isPublic = body["os-share-type-access:is_public"] ?? body["share_type_access:is_public"] ?? true
    let type = ManilaState.ShareType(
      id: state.ids.uuid(), name: name, extraSpecs: JSONObject(uniqueKeysWithValues: specs.map { ($0.key, ExtraSpecs.stored($0.value)) }),
      isPublic: ExtraSpecs.boolean(isPublic) ?? true, description: description?.isEmpty == true ? nil : description)
    state.manila.shareTypes.append(type)
    let required = specs.filter { ExtraSpecs.required.contains($0.key) }
    return shown(type, state: state, call: call, required: required)
  }

  /// `PUT /v2/types/{id}` (2.50): name, description, visibility.
  static func updateShareType(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard state.version(call) >= Microversion(2, 50) else { return .fault(404, "The resource could not be found.") }
    if let fault = policyFault(call, "share_type:update") { return fault }
    guard let body = call.request.body?["share_type"], case .object = body else { return .fault(400, "Malformed request body") }
    let name = body["name"]?.string
    let description = body["description"]?.string
    var isPublic: Bool?
    if let value = body["share_type_access:is_public"], value != .null {
      guard let flag = ExtraSpecs.boolean(value) else {
        return .fault(400, "share_type_access:is_public has a non-boolean value.")
      }
      isPublic = flag
    }
    if let name, name.trimmingCharacters(in: .whitespaces).isEmpty { return .fault(400, "Share type name cannot be empty.") }
    if let name, name.count > 255 {
      return .fault(400, "Share type name cannot be greater than 255 characters in length.")
    }
    if let description, description.count > 255 {
      return .fault(400, "Share type description cannot be greater than 255 characters in length.")
    }
    if name == nil && description == nil && isPublic == nil {
      return .fault(400, "Specify share type name, description, share_type_access:is_public or a combination thereof.")
    }
    guard let index = typeIndex(state, call) else {
      return .fault(404, "Share type \(call.parameters["id"] ?? "") could not be found.")
    }
    if let name, state.manila.shareTypes.contains(where: { $0.name == name && $0.id != state.manila.shareTypes[index].id }) {
      return .fault(409, "Share Type \(name) already exists.")
    }
    if let name, !name.isEmpty { state.manila.shareTypes[index].name = name }
    if let description { state.manila.shareTypes[index].description = description.isEmpty ? nil : description }
    if let isPublic { state.manila.shareTypes[index].isPublic = isPublic }
    return shown(state.manila.shareTypes[index], state: state, call: call)
  }

  /// `DELETE /v2/types/{id}`: 202; refused while a share uses it.
  static func deleteShareType(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let fault = policyFault(call, "share_type:delete") { return fault }
    guard let type = shareType(state, call) else { return .fault(404, "The resource could not be found.") }
    if state.manila.shares.contains(where: { $0.shareTypeID == type.id }) {
      return .fault(400, "Target share type is still in use.")
    }
    state.manila.shareTypes.removeAll { $0.id == type.id }
    return APIResponse(status: 202)
  }

  /// `POST /v2/types/{id}/extra_specs`: every key and value checked, then set (the request body
  /// is the answer).
  static func setExtraSpecs(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let fault = policyFault(call, "share_types_extra_spec:create") { return fault }
    guard let specs = call.request.body?["extra_specs"]?.object, !specs.isEmpty else {
      return .fault(400, "Malformed request body")
    }
    guard let index = typeIndex(state, call) else {
      return .fault(404, "Share type \(call.parameters["id"] ?? "") could not be found.")
    }
    for (key, value) in specs {
      let validText = value.string.map { (1..<256).contains($0.count) } ?? false
      let validType = validText || { if case .bool = value { true } else { false } }()
      let required = key == ExtraSpecs.driverHandlesShareServers ? ExtraSpecs.boolean(value) != nil : true
      guard (1..<256).contains(key.count), validType, required, ExtraSpecs.isValidOptional(key, value) != false else {
        return .fault(400, "Invalid extra_spec: \(key): \(ExtraSpecs.text(of: value))")
      }
    }
    guard specs.keys.allSatisfy(isValidKeyName) else {
      return .fault(
        400, "Key names can only contain alphanumeric characters, underscores, periods, colons and hyphens.")
    }
    for (key, value) in specs { state.manila.shareTypes[index].extraSpecs[key] = ExtraSpecs.stored(value) }
    return .json(200, .object(["extra_specs": .object(specs)]))
  }

  /// `common.validate_key_names`: `^[a-zA-Z0-9_:.\-]+$`.
  static func isValidKeyName(_ key: String) -> Bool {
    !key.isEmpty && key.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_:.-".unicodeScalars.contains($0)) }
  }

  /// `DELETE /v2/types/{id}/extra_specs/{key}`: 202; the required spec stays.
  static func unsetExtraSpec(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let fault = policyFault(call, "share_types_extra_spec:delete") { return fault }
    guard let index = typeIndex(state, call) else {
      return .fault(404, "Share type \(call.parameters["id"] ?? "") could not be found.")
    }
    let key = call.parameters["key"] ?? ""
    if ExtraSpecs.required.contains(key) { return .fault(403, "Extra spec '\(key)' can't be deleted.") }
    guard state.manila.shareTypes[index].extraSpecs[key] != nil else {
      return .fault(
        404, "Share Type \(state.manila.shareTypes[index].id) has no extra specs with key \(key).")
    }
    state.manila.shareTypes[index].extraSpecs.removeValue(forKey: key)
    return APIResponse(status: 202)
  }

  /// `GET /v2/types/{id}/share_type_access`: the projects of a private type.
  static func listAccess(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let fault = policyFault(call, "share_type:list_project_access") { return fault }
    guard let type = shareType(state, call) else {
      return .fault(404, "Share type \(call.parameters["id"] ?? "") not found.")
    }
    if type.isPublic { return .fault(404, "Access list not available for public share types.") }
    let projects = type.projects.map { JSON.object(["share_type_id": .string(type.id), "project_id": .string($0)]) }
    return .json(200, .object(["share_type_access": .array(projects)]))
  }

  /// `POST /v2/types/{id}/action`: `addProjectAccess` and `removeProjectAccess`.
  static func typeAction(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard case .object(let body)? = call.request.body, let (action, access) = body.first.map({ ($0.key, $0.value) }),
      ["addProjectAccess", "removeProjectAccess"].contains(action)
    else { return .fault(400, "There is no such action: \(call.request.body?.object.first?.key ?? "None")") }
    let adding = action == "addProjectAccess"
    if let fault = policyFault(call, adding ? "share_type:add_project_access" : "share_type:remove_project_access") {
      return fault
    }
    guard case .object = access else { return .fault(400, "Malformed request body") }
    let project = access["project"]?.string ?? "None"
    guard UUIDText.isUUIDLike(project) else {
      return .fault(400, "Bad project format: project is not in proper format (\(project))")
    }
    guard let index = typeIndex(state, call) else {
      return .fault(404, "Share type \(call.parameters["id"] ?? "") could not be found.")
    }
    let type = state.manila.shareTypes[index]
    if type.isPublic { return .fault(409, "Type access modification is not applicable to public share type.") }
    if adding {
      if type.projects.contains(project) {
        return .fault(409, "Share type access for \(type.id) / \(project) combination already exists.")
      }
      state.manila.shareTypes[index].projects.append(project)
    } else {
      guard type.projects.contains(project) else {
        return .fault(404, "Share type access not found for \(type.id) / \(project) combination.")
      }
      state.manila.shareTypes[index].projects.removeAll { $0 == project }
    }
    return APIResponse(status: 202)
  }

  private static func shareType(_ state: CloudState, _ call: Call) -> ManilaState.ShareType? {
    typeIndex(state, call).map { state.manila.shareTypes[$0] }
  }

  /// The type the path names (by ID), if the caller may see it.
  private static func typeIndex(_ state: CloudState, _ call: Call) -> Int? {
    state.manila.shareTypes.firstIndex { $0.id == call.parameters["id"] && isVisible($0, to: call.caller) }
  }

  /// `manila/api/views/types.py`: members see only the tenant-visible specs, and from 2.24 the
  /// inferred values of the standard ones the type does not set; then the fields later
  /// microversions add.
  static func shareTypeView(
    _ type: ManilaState.ShareType, state: CloudState, call: Call, required: JSONObject? = nil
  ) -> JSON {
    let version = state.version(call)
    let isAdmin = call.caller?.isAdmin == true
    var specs = type.extraSpecs
    var requiredSpecs = required ?? type.extraSpecs.filter { ExtraSpecs.required.contains($0.key) }
    if !isAdmin {
      specs = specs.filter { ExtraSpecs.tenantVisible.contains($0.key) }
      requiredSpecs = requiredSpecs.filter { ExtraSpecs.tenantVisible.contains($0.key) }
    }
    var view: JSONObject = [
      "id": .string(type.id), "name": .string(type.name), "extra_specs": .object(specs),
      "required_extra_specs": .object(requiredSpecs),
    ]
    view[version >= Microversion(2, 7) ? "share_type_access:is_public" : "os-share-type-access:is_public"] =
      .bool(type.isPublic)
    if version >= Microversion(2, 24) && !isAdmin {
      for key in ExtraSpecs.inferred where specs[key] == nil { specs[key] = false }
      if version >= Microversion(2, 99) && specs[ExtraSpecs.inferredFrom299] == nil {
        specs[ExtraSpecs.inferredFrom299] = false
      }
      view["extra_specs"] = .object(specs)
    }
    if version >= Microversion(2, 41) { view["description"] = .orNull(type.description) }
    if version >= Microversion(2, 46) { view["is_default"] = .bool(type.name == state.manila.defaultShareType) }
    return .object(view)
  }
}
