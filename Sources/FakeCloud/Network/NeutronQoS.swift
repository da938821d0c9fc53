import CloudAPI

/// QoS policies: an admin's to create, change and delete (Neutron's `qos:*_policy` rules), seen
/// by their project, by admins and, when shared, by everyone; one default policy per project;
/// not deleted while a network or port uses it; deleted with its rules.
enum NeutronQoS {
  static let policies = NeutronResource(
    table: NeutronTables.qosPolicies,
    visible: { record, caller, state in
      caller.isAdmin || record["project_id"]?.string == caller.projectID || record["shared"] == .bool(true)
        || NeutronRBAC.grants(state, objectID: record["id"]?.string ?? "", to: caller.projectID)
    },
    create: { state, fields, caller in
      guard caller.isAdmin else { return .failure(NeutronNetworks.policyFault("create_policy", nil)) }
      if let fault = defaultConflict(state, fields, except: nil) { return .failure(fault) }
      return .success(fields)
    },
    update: { state, record, changes, caller in
      guard caller.isAdmin else { return .failure(NeutronNetworks.policyFault("update_policy", nil)) }
      var record = record
      for (key, value) in changes { record[key] = value }
      if changes["is_default"] == .bool(true), let fault = defaultConflict(state, record, except: record["id"]) {
        return .failure(fault)
      }
      return .success(record)
    },
    delete: { state, policy, caller in
      guard caller.isAdmin else { return NeutronNetworks.policyFault("delete_policy", nil) }
      let id = policy["id"] ?? .null
      for (table, type) in [(NeutronTables.networks, "network"), (NeutronTables.ports, "port")] {
        if let user = state[table].first(where: { $0["qos_policy_id"] == id }) {
          return .conflict(
            "QosPolicyInUse", "QoS Policy \(id.string ?? "") is used by \(type) \(user["id"]?.string ?? "").")
        }
      }
      // Its rules go with it.
      for rule in NeutronQoSRules.types { state[rule.table].removeAll { $0["qos_policy_id"] == id } }
      return nil
    })

  /// `QoSPolicyDefaultAlreadyExists` when the project has another default policy.
  private static func defaultConflict(_ state: NetworkState, _ fields: JSONObject, except id: JSON?) -> ResourceFault? {
    guard fields["is_default"] == .bool(true) else { return nil }
    let project = fields["project_id"] ?? .null
    let other = state[NeutronTables.qosPolicies].contains {
      $0["project_id"] == project && $0["is_default"] == .bool(true) && $0["id"] != id
    }
    guard other else { return nil }
    return .conflict("QoSPolicyDefaultAlreadyExists", "A default QoS policy exists for project \(project.string ?? "").")
  }
}
