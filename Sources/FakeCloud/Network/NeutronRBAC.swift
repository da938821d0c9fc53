import CloudAPI

/// Role-based access: a policy shares a network (or makes it external), a security group, a QoS
/// policy, an address scope, a subnet pool or an address group with one project or, for `*`, every project.
///
/// A policy that other projects depend on is not removed (`RbacPolicyInUse`): Neutron's
/// `BEFORE_DELETE` and `BEFORE_UPDATE` callbacks (`validate_network_rbac_policy_change` for a
/// network's sharing, `_validate_ext_not_in_use_by_project` for its external access, the RBAC
/// objects' `validate_rbac_policy_change` for the others) refuse it, and the RBAC plugin reports
/// their failure inside its own. A network's `shared` is whether a sharing policy gives it to
/// the caller's project or to every project; `shared` on a network makes or removes the
/// wildcard policy.
enum NeutronRBAC {
  static let shared = "access_as_shared"
  static let external = "access_as_external"

  /// Whether a policy lets `project` use the network.
  static func grants(_ state: NetworkState, objectID: String, to project: String) -> Bool {
    state[NeutronTables.rbacPolicies].contains { policy in
      policy["object_id"]?.string == objectID && ["*", project].contains(policy["target_tenant"]?.string ?? "")
    }
  }

  /// The object's policies of one action.
  static func policies(_ state: NetworkState, objectID: String, action: String) -> [JSONObject] {
    state[NeutronTables.rbacPolicies].filter { $0["object_id"]?.string == objectID && $0["action"]?.string == action }
  }

  /// `is_network_shared`: a sharing policy for every project or for `project`.
  static func sharesWith(_ state: NetworkState, objectID: String, project: String) -> Bool {
    policies(state, objectID: objectID, action: shared).contains { ["*", project].contains($0["target_tenant"]?.string ?? "") }
  }

  /// Whether the object has a policy of the action for every project.
  static func hasWildcard(_ state: NetworkState, objectID: String, action: String) -> Bool {
    policies(state, objectID: objectID, action: action).contains { $0["target_tenant"]?.string == "*" }
  }

  /// The wildcard policy a network gets when it is made shared (or external), its owner's; its
  /// ID from a series of its own, so that the IDs of what is made after do not move.
  static func addWildcard(_ state: inout NetworkState, network: JSONObject, action: String) {
    let project = network["project_id"] ?? .null
    let policy = NeutronTables.rbacPolicies.complete([
      "id": .string(state.rbacIDs.uuid()), "project_id": project, "target_tenant": "*", "action": .string(action),
      "object_type": "network", "object_id": network["id"] ?? .null, "tenant_id": project,
    ])
    state[NeutronTables.rbacPolicies].append(policy)
  }

  /// A network's stored `shared`: whether it has a wildcard sharing policy.
  static func syncShared(_ state: inout NetworkState, networkID: String) {
    guard var network = state.record(NeutronTables.networks, networkID) else { return }
    let shared = JSON.bool(hasWildcard(state, objectID: networkID, action: Self.shared))
    guard network["shared"] != shared else { return }
    network["shared"] = shared
    state.update(NeutronTables.networks, network)
  }

  static let policies = NeutronResource(
    table: NeutronTables.rbacPolicies,
    create: { state, fields, caller in
      let objectID = fields["object_id"]?.string ?? ""
      let type = fields["object_type"]?.string ?? ""
      let table = [
        "network": NeutronTables.networks, "security_group": NeutronTables.securityGroups, "qos_policy": NeutronTables.qosPolicies,
        "address_scope": NeutronTables.addressScopes, "subnetpool": NeutronTables.subnetPools,
        "address_group": NeutronTables.addressGroups,
      ][type]
      guard let table, let object = state.record(table, objectID),
        caller.isAdmin || object["project_id"]?.string == caller.projectID
      else {
        return .failure(ResourceFault(status: 404, type: "NotFound", message: "\(type) \(objectID) not found."))
      }
      let same = ["target_tenant", "action", "object_type", "object_id"]
      if state[NeutronTables.rbacPolicies].contains(where: { policy in same.allSatisfy { policy[$0] == fields[$0] } }) {
        return .failure(.conflict("DuplicateRbacPolicy", "An RBAC policy already exists with those values."))
      }
      if type == "network", var network = state.record(table, objectID) {
        // A wildcard sharing policy shares the network; an external policy makes it external
        // (`_process_ext_policy_create`).
        if fields["action"]?.string == shared, fields["target_tenant"]?.string == "*" { network["shared"] = true }
        if fields["action"]?.string == external { network["router:external"] = true }
        state.update(NeutronTables.networks, network)
      }
      return .success(fields)
    },
    update: { state, record, changes, _ in
      if let target = changes["target_tenant"]?.string, target != record["target_tenant"]?.string,
        let fault = inUse(state, record, newTarget: target)
      {
        return .failure(fault)
      }
      var record = record
      for (key, value) in changes { record[key] = value }
      // The network's `shared` follows its wildcard policy.
      if record["object_type"]?.string == "network", let id = record["id"] {
        state[NeutronTables.rbacPolicies] = state[NeutronTables.rbacPolicies].map { $0["id"] == id ? record : $0 }
        syncShared(&state, networkID: record["object_id"]?.string ?? "")
      }
      return .success(record)
    },
    delete: { state, policy, _ in
      if let fault = inUse(state, policy, newTarget: nil) { return fault }
      state[NeutronTables.rbacPolicies].removeAll { $0["id"] == policy["id"] }
      let objectID = policy["object_id"]?.string ?? ""
      if policy["object_type"]?.string == "network" {
        syncShared(&state, networkID: objectID)
        // `_process_ext_policy_delete`: the network's last external policy makes it internal.
        if policy["action"]?.string == external, policies(state, objectID: objectID, action: external).isEmpty,
          var network = state.record(NeutronTables.networks, objectID)
        {
          network["router:external"] = false
          state.update(NeutronTables.networks, network)
        }
      }
      return nil
    },
    taggable: false)

  // MARK: Policies in use

  /// The hash in a callback's name (`<callable>-<hash(callable)>`): a Python process's hash of the
  /// bound method, different in each; the cloud's is one such number.
  private static let callbackHash = "14080729427"

  /// `RbacPolicyInUse` for a callback's failure: `CallbackFailure`'s text is each failed
  /// callback's `Callback <name>-<hash> failed with "<error>"`.
  private static func callbackFailure(objectID: String, callback: String, error: String) -> ResourceFault {
    inUseFault(objectID: objectID, details: "Callback \(callback)-\(callbackHash) failed with \"\(error)\"")
  }

  private static func inUseFault(objectID: String, details: String) -> ResourceFault {
    .conflict(
      "RbacPolicyInUse",
      "RBAC policy on object \(objectID) cannot be removed because other objects depend on it.\nDetails: \(details)")
  }

  /// The fault for removing `policy` (`newTarget` nil) or giving it another project, when a
  /// project that has the object only through it depends on it; `nil` when nothing does.
  static func inUse(_ state: NetworkState, _ policy: JSONObject, newTarget: String?) -> ResourceFault? {
    let objectID = policy["object_id"]?.string ?? ""
    let target = policy["target_tenant"]?.string ?? ""
    let action = policy["action"]?.string ?? ""
    switch (policy["object_type"]?.string ?? "", action) {
    case ("network", shared):
      guard let network = state.record(NeutronTables.networks, objectID), let owner = network["project_id"]?.string,
        target != owner
      else { return nil }
      // `ensure_no_project_ports_on_network`.
      let ports = state[NeutronTables.ports].filter { $0["network_id"]?.string == objectID }
      let stranded: Bool
      if target == "*" {
        let allowed = Set(policies(state, objectID: objectID, action: shared).compactMap { $0["target_tenant"]?.string }.filter { $0 != "*" } + [owner])
        stranded = ports.contains { port in
          let project = port["project_id"]?.string ?? ""
          return !project.isEmpty && !allowed.contains(project)
        }
      } else {
        if hasWildcard(state, objectID: objectID, action: shared) { return nil }
        stranded = ports.contains { $0["project_id"]?.string == target }
      }
      guard stranded else { return nil }
      return callbackFailure(
        objectID: objectID, callback: "neutron.plugins.ml2.plugin.NeutronDbPluginV2.validate_network_rbac_policy_change",
        error: "Unable to reconfigure sharing settings for network \(objectID). Multiple projects are using it.")
    case ("network", external):
      // `_validate_ext_not_in_use_by_project`: the routers with a gateway on the network.
      let routers = state[NeutronTables.routers].filter { $0["external_gateway_info"]?["network_id"]?.string == objectID }
      let routerExists: Bool
      if target != "*" {
        if hasWildcard(state, objectID: objectID, action: external) { return nil }
        routerExists = routers.contains { $0["project_id"]?.string == target }
      } else {
        let callback = "neutron.services.ovn_l3.plugin.External_net_db_mixin._validate_ext_not_in_use_by_project"
        if state.record(NeutronTables.networks, objectID)?["is_default"] == .bool(true) {
          return callbackFailure(
            objectID: objectID, callback: callback,
            error: inUseFault(objectID: objectID, details: "Default external networks must be shared to everyone.").message)
        }
        let entitled = Set(policies(state, objectID: objectID, action: external).compactMap { $0["target_tenant"]?.string }.filter { $0 != "*" } + (newTarget.map { [$0] } ?? []))
        routerExists = routers.contains { !entitled.contains($0["project_id"]?.string ?? "") }
      }
      guard routerExists else { return nil }
      return callbackFailure(
        objectID: objectID, callback: "neutron.services.ovn_l3.plugin.External_net_db_mixin._validate_ext_not_in_use_by_project",
        error: inUseFault(objectID: objectID, details: "There are routers attached to this network that depend on this policy for access.").message)
    case (let type, shared):
      // The RBAC object's `validate_rbac_policy_delete` (an update to a project other than
      // everyone's is checked as a delete).
      guard let (table, module) = objectTables[type], let object = state.record(table, objectID) else { return nil }
      if newTarget == "*" { return nil }
      if object["project_id"]?.string == target { return nil }
      let bound = boundProjects(state, type: type, objectID: objectID)
      let inUse: Bool
      if target != "*" {
        if hasWildcard(state, objectID: objectID, action: shared) { return nil }
        inUse = bound.contains(target)
      } else {
        let others = Set(policies(state, objectID: objectID, action: shared).compactMap { $0["target_tenant"]?.string }.filter { $0 != "*" })
        inUse = !bound.isSubset(of: others)
      }
      guard inUse else { return nil }
      return callbackFailure(
        objectID: objectID, callback: "\(module).RbacNeutronDbObjectMixin.validate_rbac_policy_change",
        error: inUseFault(objectID: objectID, details: "project_id=\(target)").message)
    default: return nil
    }
  }

  /// The RBAC objects other than networks: their table and the module of their class (which
  /// names their callback).
  private static let objectTables: [String: (ResourceTable, String)] = [
    "security_group": (NeutronTables.securityGroups, "neutron.objects.securitygroup"),
    "qos_policy": (NeutronTables.qosPolicies, "neutron.objects.qos.policy"),
    "address_scope": (NeutronTables.addressScopes, "neutron.objects.address_scope"),
    "subnetpool": (NeutronTables.subnetPools, "neutron.objects.subnetpool"),
    "address_group": (NeutronTables.addressGroups, "neutron.objects.address_group"),
  ]

  /// `get_bound_project_ids`: the projects whose resources use the object.
  static func boundProjects(_ state: NetworkState, type: String, objectID: String) -> Set<String> {
    let id = JSON.string(objectID)
    let users: [JSONObject]
    switch type {
    case "security_group": users = state[NeutronTables.ports].filter { ($0["security_groups"]?.array ?? []).contains(id) }
    case "qos_policy":
      users = [NeutronTables.networks, NeutronTables.ports, NeutronTables.floatingIPs, NeutronTables.routers].flatMap { table in
        state[table].filter { $0["qos_policy_id"] == id }
      }
    case "address_scope": users = state[NeutronTables.subnetPools].filter { $0["address_scope_id"] == id }
    case "subnetpool": users = state[NeutronTables.subnets].filter { $0["subnetpool_id"] == id }
    case "address_group": users = state[NeutronTables.securityGroupRules].filter { $0["remote_address_group_id"] == id }
    default: users = []
    }
    return Set(users.compactMap { $0["project_id"]?.string })
  }
}
