import CloudAPI

/// Role-based access: a policy shares a network (or makes it external), a security group, a QoS
/// policy, an address scope, a subnet pool or an address group with one project or, for `*`, every project.
enum NeutronRBAC {
  /// Whether a policy lets `project` use the network.
  static func grants(_ state: NetworkState, objectID: String, to project: String) -> Bool {
    state[NeutronTables.rbacPolicies].contains { policy in
      policy["object_id"]?.string == objectID && ["*", project].contains(policy["target_tenant"]?.string ?? "")
    }
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
      return .success(fields)
    },
    taggable: false)
}
