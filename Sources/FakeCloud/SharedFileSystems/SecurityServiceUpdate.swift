import CloudAPI

/// Replacing a share network's security service, and checking first whether its back ends can
/// (2.63): a network without share servers can at once; one with share servers needs a check,
/// which the back ends answer a moment later (the first check answers `compatible: null`), and
/// the update needs that answer.
enum SecurityServiceUpdate {
  static let hostsCheckDelay: Int64 = 1_337_119

  static func handle(
    _ action: String, _ data: JSON, network: ManilaState.ShareNetwork, in state: inout CloudState, _ call: Call
  ) -> APIResponse {
    let isAdmin = call.caller?.isAdmin == true
    let services = state.manila.securityServices
    let find = { (id: String?) in
      services.first { $0.id == id && (isAdmin || $0.projectID == call.caller?.projectID) }
    }
    let current: ManilaState.SecurityService?
    let new: ManilaState.SecurityService
    if action == "add_security_service_check" {
      guard let id = data["security_service_id"]?.string else { return .fault(400, "Malformed request body.") }
      guard let service = find(id) else { return .fault(400, "Security service \(id) doesn't exist.") }
      (current, new) = (nil, service)
    } else {
      guard let currentID = data["current_service_id"]?.string, let newID = data["new_service_id"]?.string else {
        return .fault(400, "Malformed request body.")
      }
      guard let currentService = find(currentID), let newService = find(newID) else {
        return .fault(400, "The current security service or the new security service doesn't exist.")
      }
      (current, new) = (currentService, newService)
    }
    if let fault = initialFault(network: network, current: current, new: new, state) { return fault }
    let hosts = Set(state.manila.shareServers.filter { $0.shareNetworkID == network.id }.map(\.host))
    let key = "\(network.id)/hosts_check/\(new.id)/\(current?.id ?? "")"
    if action == "update_security_service" {
      if !hosts.isEmpty {
        guard let answered = state.manila.securityServiceChecks[key] else {
          return .fault(
            400,
            "Invalid share network: The share network \(network.id) cannot start the update process since no check operation was found. Before starting the update operation, a \"check\" operation must be triggered to validate if all backend hosts support the provided configuration paramaters.")
        }
        guard answered else {
          return .fault(
            400,
            "Invalid share network: Not all of the validation has been completed yet. A validation check is in progress. This operation can be retried.")
        }
        state.manila.securityServiceChecks.removeValue(forKey: key)
      }
      guard let index = state.manila.shareNetworks.firstIndex(where: { $0.id == network.id }), let current else {
        return .fault(404, "")
      }
      state.manila.shareNetworks[index].securityServiceIDs = network.securityServiceIDs.map { $0 == current.id ? new.id : $0 }
      let view = ManilaService.shareNetworkView(state.manila.shareNetworks[index], caller: call.caller, version: state.version(call))
      return .json(202, .object(["share_network": view]))
    }
    // A check: at once without back ends; otherwise asked of them, and answered later.
    var compatible: JSON = .bool(true)
    var hostsResult: JSONObject = [:]
    if !hosts.isEmpty {
      if data["reset_operation"].flatMap(ExtraSpecs.boolean) == true { state.manila.securityServiceChecks.removeValue(forKey: key) }
      if state.manila.securityServiceChecks[key] == true {
        for host in hosts { hostsResult[host] = .bool(true) }
      } else {
        compatible = .null
        if state.manila.securityServiceChecks[key] == nil {
          state.manila.securityServiceChecks[key] = false
          state.after(hostsCheckDelay) { state in
            if state.manila.securityServiceChecks[key] == false { state.manila.securityServiceChecks[key] = true }
          }
        }
      }
    }
    var view: JSONObject = [
      "compatible": compatible,
      "requested_operation": .object([
        "operation": .string(current == nil ? "add_security_service" : "update_security_service"),
        "current_security_service": .orNull(current?.id), "new_security_service": .string(new.id),
      ]),
    ]
    if isAdmin { view["hosts_check_result"] = .object(hostsResult) }
    return .json(202, .object(view))
  }

  /// `_share_network_update_initial_checks`: a type not yet on the network for an addition; the
  /// current service on it, of the new one's type, for a replacement.
  private static func initialFault(
    network: ManilaState.ShareNetwork, current: ManilaState.SecurityService?, new: ManilaState.SecurityService,
    _ state: CloudState
  ) -> APIResponse? {
    guard let current else {
      let attached = network.securityServiceIDs.compactMap { id in state.manila.securityServices.first { $0.id == id } }
      guard attached.contains(where: { $0.type == new.type }) else { return nil }
      return .fault(
        409,
        "Invalid security service: Cannot add security service to share network. Security service with '\(new.type)' type already added to '\(network.id)' share network")
    }
    guard network.securityServiceIDs.contains(current.id) else {
      return .fault(
        409,
        "Invalid security service: The specified current security service \(current.id) is not associated to the share network \(network.id).")
    }
    guard current.type == new.type else {
      return .fault(
        409,
        "Invalid security service: A security service can only be replaced by one of the same type. The current security service type is '\(current.type)' and the new security service type is '\(new.type)'")
    }
    return nil
  }
}
