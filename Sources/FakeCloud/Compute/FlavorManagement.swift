import CloudAPI

/// Nova's flavor management for admins (`flavor_manage.py`, `flavors_extraspecs.py`,
/// `flavor_access.py`): create, describe, delete, extra specs (checked by Nova's validators
/// from 2.86) and the projects a private flavor is open to.
extension ComputeService {
  static func registerFlavorManagement(in router: inout Router<CloudState>) {
    router.add(.post, "/v2.1/flavors", createFlavor)
    router.add(.put, "/v2.1/flavors/{id}", updateFlavor)
    router.add(.delete, "/v2.1/flavors/{id}", deleteFlavor)
    router.add(.get, "/v2.1/flavors/{id}/os-extra_specs", listExtraSpecs)
    router.add(.post, "/v2.1/flavors/{id}/os-extra_specs", createExtraSpecs)
    router.add(.get, "/v2.1/flavors/{id}/os-extra_specs/{key}", showExtraSpec)
    router.add(.put, "/v2.1/flavors/{id}/os-extra_specs/{key}", updateExtraSpec)
    router.add(.delete, "/v2.1/flavors/{id}/os-extra_specs/{key}", deleteExtraSpec)
    router.add(.get, "/v2.1/flavors/{id}/os-flavor-access", listFlavorAccess)
    router.add(.post, "/v2.1/flavors/{id}/action", flavorAction)
  }

  /// The flavor the path names, as the caller may see it: any for an admin; the public ones and
  /// those open to the caller's project for others.
  static func visibleFlavor(_ state: CloudState, _ call: Call) -> ComputeState.Flavor? {
    guard let flavor = state.compute.flavor(call.parameters["id"] ?? "") else { return nil }
    guard !(call.caller?.isAdmin ?? false), !flavor.definition.isPublic else { return flavor }
    return call.caller.map { flavor.accessProjects.contains($0.projectID) } ?? false ? flavor : nil
  }

  private static func flavorIndex(_ state: CloudState, _ call: Call) -> Int? {
    let id = call.parameters["id"] ?? ""
    return state.compute.flavors.firstIndex { $0.id == id && !$0.deleted }
  }

  private static func flavorNotFound(_ call: Call) -> APIResponse {
    .fault(404, "Flavor \(call.parameters["id"] ?? "") could not be found.")
  }

  /// Nova's policy check: admins only, with the rule's name in the refusal.
  private static func adminOnly(_ call: Call, _ rule: String) -> APIResponse? {
    call.caller?.isAdmin ?? false ? nil : .fault(403, "Policy doesn't allow os_compute_api:\(rule) to be performed.")
  }

  /// JSON schema's answer for a body field, as Nova words it.
  static func invalidField(_ field: String, _ value: JSON, _ message: String) -> APIResponse {
    .fault(400, "Invalid input for field/attribute \(field). Value: \(PythonValue.str(value)). \(message)")
  }

  /// The size fields of a new flavor and their minimum (`flavor_param_positive`, `_non_negative`).
  private static let sizeFields: [(key: String, minimum: Int, required: Bool)] = [
    ("ram", 1, true), ("vcpus", 1, true), ("disk", 0, true), ("OS-FLV-EXT-DATA:ephemeral", 0, false), ("swap", 0, false),
  ]

  /// `POST /flavors`: the schema's checks, then a name or ID already taken is a conflict; no ID
  /// gives a UUID.
  static func createFlavor(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = adminOnly(call, "os-flavor-manage:create") { return refusal }
    guard let body = call.request.body?["flavor"]?.object else {
      return .fault(400, "Invalid input for field/attribute flavor. Value: None. 'flavor' is a required property")
    }
    guard case .string(let name)? = body["name"], !name.isEmpty else {
      return invalidField("name", body["name"] ?? .null, "\(PythonValue.repr(body["name"] ?? .null)) is too short")
    }
    // The `name` format's check (`InvalidName`), which Nova answers with its own message.
    guard name.first?.isWhitespace == false, name.last?.isWhitespace == false else {
      return .fault(
        400,
        "An invalid 'name' value was provided. The name must be: printable characters. Can not start or end with whitespace.")
    }
    var sizes: [String: Int] = [:]
    for field in sizeFields {
      guard let value = body[field.key], value != .null else {
        if field.required { return .fault(400, "Invalid input for field/attribute flavor. Value: \(PythonValue.str(.object(body))). '\(field.key)' is a required property") }
        continue
      }
      guard let number = value.integer ?? value.string.flatMap({ $0.allSatisfy(\.isNumber) ? Int($0) : nil }) else {
        return invalidField(field.key, value, "\(PythonValue.repr(value)) is not of type 'integer', 'string'")
      }
      guard number >= field.minimum else {
        return invalidField(field.key, value, "\(number) is less than the minimum of \(field.minimum)")
      }
      sizes[field.key] = number
    }
    var rxtx = 1.0
    if let value = body["rxtx_factor"], value != .null {
      guard let factor = value.number, factor > 0 else {
        return invalidField("rxtx_factor", value, "\(PythonValue.str(value)) is less than or equal to the minimum of 0")
      }
      rxtx = factor
    }
    let id = body["id"]?.string ?? state.ids.uuid()
    guard !state.compute.flavors.contains(where: { !$0.deleted && $0.definition.name == name }) else {
      return .fault(409, "Flavor with name \(name) already exists.")
    }
    guard state.compute.flavor(id) == nil else { return .fault(409, "Flavor with ID \(id) already exists.") }
    var definition = CloudDefinition.Flavor(
      id: id, name: name, ram: sizes["ram"] ?? 0, disk: sizes["disk"] ?? 0, vcpus: sizes["vcpus"] ?? 0,
      swap: sizes["swap"] ?? 0, ephemeral: sizes["OS-FLV-EXT-DATA:ephemeral"] ?? 0,
      isPublic: body["os-flavor-access:is_public"]?.boolean ?? true, extraSpecs: [])
    definition.description = state.computeVersion >= Microversion(2, 55) ? body["description"]?.string : nil
    definition.rxtxFactor = rxtx
    // Nova lists flavors by their `flavorid`, as text.
    let position = state.compute.flavors.firstIndex { id.utf8.lexicographicallyPrecedes($0.id.utf8) }
    let databaseID = (state.compute.flavors.map(\.databaseID).max() ?? 0) + 1
    state.compute.flavors.insert(
      ComputeState.Flavor(definition: definition, databaseID: databaseID), at: position ?? state.compute.flavors.endIndex)
    return .json(200, .object(["flavor": flavorView(definition, state.computeVersion)]))
  }

  /// `PUT /flavors/{id}` (2.55): the description only.
  static func updateFlavor(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard state.computeVersion >= Microversion(2, 55) else { return .fault(405, "The method specified is not allowed for this resource.") }
    if let refusal = adminOnly(call, "os-flavor-manage:update") { return refusal }
    guard let index = flavorIndex(state, call) else { return flavorNotFound(call) }
    state.compute.flavors[index].definition.description = call.request.body?["flavor"]?["description"]?.string
    return .json(200, .object(["flavor": flavorView(state.compute.flavors[index].definition, state.computeVersion)]))
  }

  /// `DELETE /flavors/{id}`: the servers built with it keep their copy.
  static func deleteFlavor(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = adminOnly(call, "os-flavor-manage:delete") { return refusal }
    guard let index = flavorIndex(state, call) else { return flavorNotFound(call) }
    state.compute.flavors[index].deleted = true
    return APIResponse(status: 202)
  }

  // MARK: Extra specs

  private static func specsBody(_ specs: [(String, String)]) -> JSON {
    .object(JSONObject(uniqueKeysWithValues: specs.map { ($0, JSON.string($1)) }))
  }

  static func listExtraSpecs(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let flavor = visibleFlavor(state, call) else { return flavorNotFound(call) }
    return .json(200, .object(["extra_specs": specsBody(flavor.definition.extraSpecs)]))
  }

  static func showExtraSpec(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let flavor = visibleFlavor(state, call) else { return flavorNotFound(call) }
    let key = call.parameters["key"] ?? ""
    guard let value = flavor.definition.extraSpecs.first(where: { $0.0 == key })?.1 else {
      return .fault(404, "Flavor \(flavor.id) has no extra specs with key \(key).")
    }
    return .json(200, .object([key: .string(value)]))
  }

  /// The schema's checks of extra specs (keys of `[a-zA-Z0-9-_:. ]`, text or numbers up to 255
  /// characters), then, from 2.86, Nova's validators; the values as Nova stores them.
  private static func checkedSpecs(_ specs: JSONObject, _ state: CloudState) -> Result<[(String, String)], FaultResponse> {
    var checked: [(String, String)] = []
    for (key, value) in specs {
      guard !key.isEmpty, key.count <= 255, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_:. ".contains($0)) })
      else {
        return .failure(FaultResponse(.fault(400, "Invalid input for field/attribute extra_specs. Value: \(PythonValue.str(.object(specs))). Additional properties are not allowed ('\(key)' was unexpected)")))
      }
      let text: String
      switch value {
      case .string(let string): text = string
      case .int, .double: text = PythonValue.str(value)
      default:
        return .failure(FaultResponse(invalidField(key, value, "\(PythonValue.repr(value)) is not of type 'string', 'number'")))
      }
      if state.computeVersion >= Microversion(2, 86), let message = ExtraSpecValidator.validate(key, text) {
        return .failure(FaultResponse(.fault(400, message)))
      }
      checked.append((key, text))
    }
    return .success(checked)
  }

  /// Sets the specs, each in its place or after the others; the answer is the request's body.
  private static func merge(_ specs: [(String, String)], into index: Int, _ state: inout CloudState) {
    for (key, value) in specs {
      if let at = state.compute.flavors[index].definition.extraSpecs.firstIndex(where: { $0.0 == key }) {
        state.compute.flavors[index].definition.extraSpecs[at].1 = value
      } else {
        state.compute.flavors[index].definition.extraSpecs.append((key, value))
      }
    }
  }

  static func createExtraSpecs(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = adminOnly(call, "os-flavor-extra-specs:create") { return refusal }
    guard let specs = call.request.body?["extra_specs"]?.object else {
      return .fault(400, "Invalid input for field/attribute extra_specs. Value: None. 'extra_specs' is a required property")
    }
    switch checkedSpecs(specs, state) {
    case .failure(let fault): return fault.response
    case .success(let checked):
      guard let index = flavorIndex(state, call) else { return flavorNotFound(call) }
      merge(checked, into: index, &state)
      return .json(200, .object(["extra_specs": .object(specs)]))
    }
  }

  static func updateExtraSpec(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = adminOnly(call, "os-flavor-extra-specs:update") { return refusal }
    let body = call.request.body?.object ?? [:]
    switch checkedSpecs(body, state) {
    case .failure(let fault): return fault.response
    case .success(let checked):
      guard checked.count == 1, checked[0].0 == call.parameters["key"] else {
        return .fault(400, "Request body and URI mismatch")
      }
      guard let index = flavorIndex(state, call) else { return flavorNotFound(call) }
      merge(checked, into: index, &state)
      return .json(200, .object(body))
    }
  }

  static func deleteExtraSpec(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = adminOnly(call, "os-flavor-extra-specs:delete") { return refusal }
    guard let index = flavorIndex(state, call) else { return flavorNotFound(call) }
    let key = call.parameters["key"] ?? ""
    guard let at = state.compute.flavors[index].definition.extraSpecs.firstIndex(where: { $0.0 == key }) else {
      return .fault(404, "Flavor \(state.compute.flavors[index].id) has no extra specs with key \(key).")
    }
    state.compute.flavors[index].definition.extraSpecs.remove(at: at)
    return .json(200, .null)
  }

  // MARK: Access

  private static func accessBody(_ flavor: ComputeState.Flavor) -> APIResponse {
    .json(
      200,
      .object([
        "flavor_access": .array(
          flavor.accessProjects.map { .object(["flavor_id": .string(flavor.id), "tenant_id": .string($0)]) })
      ]))
  }

  static func listFlavorAccess(_ state: inout CloudState, _ call: Call) -> APIResponse {
    if let refusal = adminOnly(call, "os-flavor-access") { return refusal }
    guard let index = flavorIndex(state, call) else { return flavorNotFound(call) }
    let flavor = state.compute.flavors[index]
    guard !flavor.definition.isPublic else { return .fault(404, "Access list not available for public flavors.") }
    return accessBody(flavor)
  }

  /// `addTenantAccess` and `removeTenantAccess`.
  static func flavorAction(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let body = call.request.body?.object ?? [:]
    let adding = body["addTenantAccess"] != nil
    guard adding || body["removeTenantAccess"] != nil else {
      return .fault(400, "There is no such action: \(body.keys.first ?? "")")
    }
    if let refusal = adminOnly(call, adding ? "os-flavor-access:add_tenant_access" : "os-flavor-access:remove_tenant_access") {
      return refusal
    }
    guard let index = flavorIndex(state, call) else { return flavorNotFound(call) }
    let flavor = state.compute.flavors[index]
    let project = (body["addTenantAccess"] ?? body["removeTenantAccess"])?["tenant"]?.string ?? ""
    if adding {
      guard !flavor.definition.isPublic else { return .fault(409, "Can not add access to a public flavor.") }
      guard !flavor.accessProjects.contains(project) else {
        return .fault(409, "Flavor access already exists for flavor \(flavor.id) and project \(project) combination.")
      }
      state.compute.flavors[index].accessProjects.append(project)
    } else {
      guard let at = flavor.accessProjects.firstIndex(of: project) else {
        return .fault(404, "Flavor access not found for \(flavor.id) / \(project) combination.")
      }
      state.compute.flavors[index].accessProjects.remove(at: at)
    }
    return accessBody(state.compute.flavors[index])
  }
}
