import CloudAPI

/// The `flavors` service plugin (`neutron/db/flavors_db.py`): flavors of a service type, service
/// profiles naming a driver the service providers load (or meta-information), and the bindings
/// between them. An admin's to write.
enum NeutronFlavors {
  private typealias A = ResourceAttribute

  static let flavorTable = ResourceTable(
    collection: "flavors", member: "flavor",
    attributes: [
      A("id", post: false, put: false, default: .computed), NeutronTables.name, NeutronTables.description,
      A("service_type", put: false, default: .required), A("enabled", .boolean, default: .value(true)),
      A("service_profiles", .list, default: .value(.array([])), filterable: false),
      A("tenant_id", put: false, default: .computed, shown: false), A("project_id", put: false, default: .computed, shown: false),
    ],
    paging: .emulated,
    notFound: { ResourceFault(status: 404, type: "FlavorNotFound", message: "Flavor \($0) could not be found.") })

  static let profileTable = ResourceTable(
    collection: "service_profiles", member: "service_profile",
    attributes: [
      A("id", post: false, put: false, default: .computed), NeutronTables.description,
      A("driver", put: false, default: .value("")), A("enabled", .boolean, default: .value(true)),
      A("metainfo", default: .value("")), A("flavors", .list, post: false, put: false, default: .value(.array([])), filterable: false),
      A("tenant_id", put: false, default: .computed, shown: false), A("project_id", put: false, default: .computed, shown: false),
    ],
    paging: .emulated,
    notFound: { ResourceFault(status: 404, type: "ServiceProfileNotFound", message: "Service Profile \($0) could not be found.") })

  /// The drivers of the service providers (`/v2.0/service-providers`), which a profile must name.
  static let drivers = ["neutron.services.ovn_l3.service_providers.ovn.OvnDriver"]

  private static func adminOnly(_ action: String, _ caller: Caller) -> ResourceFault? {
    caller.isAdmin ? nil : NeutronNetworks.policyFault(action, nil)
  }

  static let flavors = NeutronResource(
    table: flavorTable, visible: { _, _, _ in true },
    create: { _, fields, caller in
      if let fault = adminOnly("create_flavor", caller) { return .failure(fault) }
      return .success(fields)
    },
    taggable: false)

  static let profiles = NeutronResource(
    table: profileTable, visible: { _, _, _ in true },
    create: { _, fields, caller in
      if let fault = adminOnly("create_service_profile", caller) { return .failure(fault) }
      let driver = fields["driver"]?.string ?? ""
      if !driver.isEmpty, !drivers.contains(driver) {
        return .failure(
          ResourceFault(status: 404, type: "ServiceProfileDriverNotFound", message: "Service Profile driver \(driver) could not be found."))
      }
      if driver.isEmpty, (fields["metainfo"]?.string ?? "").isEmpty {
        return .failure(ResourceFault(status: 400, type: "ServiceProfileEmpty", message: "Service Profile needs either a driver or metainfo."))
      }
      return .success(fields)
    },
    taggable: false)

  /// `POST /v2.0/flavors/{id}/service_profiles` (`{"service_profile": {"id": ...}}`): the
  /// profile bound to the flavor, once.
  static func bind(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    if let fault = adminOnly("create_flavor_service_profile", caller) { return ResourceTable.response(fault) }
    guard case .success(var flavor) = NetworkService.visibleRecord(flavors, state, call) else {
      return ResourceTable.response(flavorTable.notFound(call.parameters["id"] ?? ""))
    }
    let profileID = call.request.body?["service_profile"]?["id"]?.string ?? ""
    guard var profile = state.network.record(profileTable, profileID) else {
      return ResourceTable.response(profileTable.notFound(profileID))
    }
    let flavorID = flavor["id"] ?? .null
    if (flavor["service_profiles"]?.array ?? []).contains(.string(profileID)) {
      return ResourceTable.response(
        .conflict(
          "FlavorServiceProfileBindingExists",
          "Service Profile \(profileID) is already associated with flavor \(flavorID.string ?? "")."))
    }
    flavor["service_profiles"] = .array((flavor["service_profiles"]?.array ?? []) + [.string(profileID)])
    profile["flavors"] = .array((profile["flavors"]?.array ?? []) + [flavorID])
    state.network.update(flavorTable, flavor)
    state.network.update(profileTable, profile)
    return .json(201, .object(["service_profile": .object(["id": .string(profileID)])]))
  }
}
