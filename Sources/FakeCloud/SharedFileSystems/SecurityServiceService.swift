import CloudAPI

/// Security services (`manila/api/v2/security_service.py`) and their place on share networks
/// (the networks' `add_security_service` and `remove_security_service` actions).
enum SecurityServiceService {
  static func register(in router: inout Router<CloudState>) {
    router.add(.post, "/v2/security-services", create)
    router.add(.get, "/v2/security-services", { state, call in list(state, call, detail: false) })
    router.add(.get, "/v2/security-services/detail", { state, call in list(state, call, detail: true) })
    router.add(.get, "/v2/security-services/{id}", { state, call in resource.show(state, call) })
    router.add(.put, "/v2/security-services/{id}", update)
    router.add(.delete, "/v2/security-services/{id}", delete)
  }

  static let types = ["ldap", "kerberos", "active_directory"]
  /// The attributes a request may set, in the view's order.
  static let attributes = ["description", "dns_ip", "server", "domain", "user", "password"]
  /// The search options members may give (others are dropped); admins' are all kept.
  static let memberSearches: Set<String> = ["name", "id", "type", "user", "server", "dns_ip", "domain"]

  static let resource = ManilaResource<ManilaState.SecurityService>(
    records: \.securityServices, id: \.id, member: "security_service", collection: "security_services",
    notFound: { _ in "The resource could not be found." },
    isVisible: { service, caller in caller?.isAdmin == true || service.projectID == caller?.projectID },
    fields: [
      .text("id", { $0.id }), .text("name", { $0.fields["name"] }), .text("type", { $0.type }),
      ViewField("status") { _, _ in "new" },
      .time("created_at", { $0.created }), .time("updated_at", { $0.updated }),
    ] + attributes.map { key in .text(key, { $0.fields[key] }) } + [
      .text("project_id", { $0.projectID }), .text("ou", since: Microversion(2, 44), { $0.fields["ou"] }),
      .text("default_ad_site", since: Microversion(2, 76), { $0.fields["default_ad_site"] }),
    ],
    briefFields: ["id", "name", "type", "status"])

  static func create(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller, let body = call.request.body?["security_service"], case .object(let values) = body else {
      return .fault(422, "Unable to process the contained instructions")
    }
    let type = values["type"]?.string ?? "None"
    guard types.contains(type) else {
      return .fault(
        400,
        "Invalid input received: Invalid type \(type) specified for security service. Valid types are \(types.joined(separator: ",")).")
    }
    if let fault = siteFault(values, type: type, version: state.version(call), verb: "create", separator: ",") { return fault }
    var fields: [String: String] = [:]
    for (key, value) in values where key != "type" { fields[key] = value.string }
    let service = ManilaState.SecurityService(
      id: state.ids.uuid(), projectID: caller.projectID, type: type, fields: fields, created: state.clock.now)
    state.manila.securityServices.append(service)
    return .json(200, .object(["security_service": resource.view(service, resource.context(state, call))]))
  }

  /// `default_ad_site` from 2.76, and not beside a server for Active Directory (the create
  /// message has a comma where the update's has a full stop).
  private static func siteFault(_ values: JSONObject, type: String, version: Microversion, verb: String, separator: String)
    -> APIResponse?
  {
    guard let site = values["default_ad_site"]?.string, !site.isEmpty else { return nil }
    guard version >= Microversion(2, 76) else {
      return .fault(400, "\"default_ad_site\" is only supported from API version 2.76.")
    }
    if type == "active_directory", let server = values["server"]?.string, !server.isEmpty {
      return .fault(
        400,
        "Invalid input received: Cannot create security service because both server and 'default_ad_site' were provided\(separator) Specify either server or 'default_ad_site'..")
    }
    return nil
  }

  /// `_get_security_services`: a share network's, or the project's (every project's for an
  /// admin with `all_tenants`), kept where every remaining option equals the attribute (for an
  /// admin an option that is no attribute, `limit` among them, keeps nothing), then paged.
  static func list(_ state: CloudState, _ call: Call, detail: Bool) -> APIResponse {
    let caller = call.caller
    let isAdmin = caller?.isAdmin == true
    var services: [ManilaState.SecurityService]
    var options = call.request.query.filter { $0.name != "status" }
    if let networkID = options.first(where: { $0.name == "share_network_id" })?.value {
      guard let network = state.manila.shareNetworks.first(where: { $0.id == networkID && (isAdmin || $0.projectID == caller?.projectID) })
      else { return .fault(404, "Share network \(networkID) could not be found.") }
      services = network.securityServiceIDs.compactMap { id in state.manila.securityServices.first { $0.id == id } }
      options.removeAll { $0.name == "share_network_id" }
    } else {
      let allTenants = options.contains { $0.name == "all_tenants" && !["0", "false", "False"].contains($0.value) } && isAdmin
      services = state.manila.securityServices.filter { allTenants || $0.projectID == caller?.projectID }
    }
    options.removeAll { $0.name == "all_tenants" }
    if !isAdmin { options.removeAll { !memberSearches.contains($0.name) } }
    services = services.filter { service in
      options.allSatisfy { option in value(of: option.name, in: service) == option.value }
    }
    // `common.limited`: the offset, then at most `limit` (1000 at most).
    let offset = call.query("offset").flatMap(PythonInt.parse) ?? 0
    let limit = min(call.query("limit").flatMap(PythonInt.parse) ?? ManilaPagination.maximumLimit, ManilaPagination.maximumLimit)
    services = Array(services.dropFirst(max(0, offset)).prefix(max(0, limit)))
    let context = resource.context(state, call)
    let views = services.map { service -> JSON in
      var view = resource.view(service, context, brief: !detail).object
      if detail {
        let networks = state.manila.shareNetworks.filter { $0.securityServiceIDs.contains(service.id) }
        view["share_networks"] = .array(networks.map { .string($0.id) })
      }
      return .object(view)
    }
    return .json(200, .object(["security_services": .array(views)]))
  }

  private static func value(of name: String, in service: ManilaState.SecurityService) -> String? {
    switch name {
    case "id": service.id
    case "type": service.type
    case "project_id": service.projectID
    default: service.fields[name]
    }
  }

  /// `update`: any attribute, `null` clearing it.
  static func update(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let body = call.request.body?["security_service"], case .object(let values) = body else {
      return .fault(422, "Unable to process the contained instructions")
    }
    guard let service = resource.find(state, call), let index = resource.index(state, of: service.id) else {
      return .fault(404, "The resource could not be found.")
    }
    if let fault = siteFault(values, type: service.type, version: state.version(call), verb: "update", separator: ".") {
      return fault
    }
    for (key, value) in values { state.manila.securityServices[index].fields[key] = value.string }
    state.manila.securityServices[index].updated = state.clock.now
    return .json(
      200, .object(["security_service": resource.view(state.manila.securityServices[index], resource.context(state, call))]))
  }

  /// `delete`: 202; refused while a share network has it.
  static func delete(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let service = resource.find(state, call) else { return .fault(404, "The resource could not be found.") }
    if state.manila.shareNetworks.contains(where: { $0.securityServiceIDs.contains(service.id) }) {
      return .fault(403, "Cannot delete security service. It is assigned to share network(s)")
    }
    state.manila.securityServices.removeAll { $0.id == service.id }
    return APIResponse(status: 202)
  }

  // MARK: On share networks

  /// `add_security_service` and `remove_security_service`: the network's view after.
  static func networkAction(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard case .object(let body)? = call.request.body, let (action, data) = body.first.map({ ($0.key, $0.value) }) else {
      return .fault(400, "Malformed request body")
    }
    let networkID = call.parameters["id"] ?? ""
    let isAdmin = call.caller?.isAdmin == true
    guard let index = state.manila.shareNetworks.firstIndex(where: { $0.id == networkID && (isAdmin || $0.projectID == call.caller?.projectID) })
    else { return .fault(404, "Share network \(networkID) could not be found.") }
    let network = state.manila.shareNetworks[index]
    switch action {
    case "add_security_service":
      guard let serviceID = data["security_service_id"]?.string else { return .fault(400, "Malformed request body") }
      guard let service = state.manila.securityServices.first(where: { $0.id == serviceID && (isAdmin || $0.projectID == call.caller?.projectID) })
      else { return .fault(404, "Security service \(serviceID) could not be found.") }
      let attached = network.securityServiceIDs.compactMap { id in state.manila.securityServices.first { $0.id == id } }
      if attached.contains(where: { $0.type == service.type }) {
        return .fault(
          409,
          "Invalid security service: Cannot add security service to share network. Security service with '\(service.type)' type already added to '\(network.id)' share network")
      }
      state.manila.shareNetworks[index].securityServiceIDs.append(serviceID)
    case "remove_security_service":
      guard let serviceID = data["security_service_id"]?.string else { return .fault(400, "Malformed request body") }
      guard network.securityServiceIDs.contains(serviceID) else {
        return .fault(
          400,
          "Failed to dissociate share network \(network.id) and security service \(serviceID): No association defined.")
      }
      state.manila.shareNetworks[index].securityServiceIDs.removeAll { $0 == serviceID }
    case "update_security_service", "update_security_service_check", "add_security_service_check":
      guard state.version(call) >= Microversion(2, 63) else { return .fault(400, "There is no such action: \(action)") }
      return SecurityServiceUpdate.handle(action, data, network: network, in: &state, call)
    case "reset_status":
      if let fault = ShareTypeService.policyFault(call, "share_network:reset_status") { return fault }
      return APIResponse(status: 202)
    default:
      return .fault(400, "There is no such action: \(action)")
    }
    let view = ManilaService.shareNetworkView(state.manila.shareNetworks[index], caller: call.caller, version: state.version(call))
    return .json(200, .object(["share_network": view]))
  }
}
