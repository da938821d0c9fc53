import CloudAPI

/// `openstack share network create` (manilaclient `CreateShareNetwork`): the Neutron network and
/// subnet are resolved through the network API first, as the client does.
enum ShareNetworkCreate: OpenStackCommand {
  static let name = "share network create"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var request: JSONObject = [:]
    request["name"] = arguments.value("--name").map(JSON.string)
    request["description"] = arguments.value("--description").map(JSON.string)
    if let network = arguments.value("--neutron-net-id") {
      request["neutron_net_id"] = .string(try NeutronLookup.network.find(network, in: context))
    }
    if let subnet = arguments.value("--neutron-subnet-id") {
      request["neutron_subnet_id"] = .string(try NeutronLookup.subnet.find(subnet, in: context))
    }
    request["availability_zone"] = arguments.value("--availability-zone").map(JSON.string)
    let body = try context.call(
      .sharedFileSystem,
      APIRequest(.post, "/v2/share-networks", body: .object(["share_network": .object(request)])))
    return .show(ShareNetworkShow.displayed(body["share_network"] ?? .null, in: context))
  }
}

/// `openstack share network list`.
enum ShareNetworkList: OpenStackCommand {
  static let name = "share network list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []
  /// The options sent as they are, by the search key each becomes.
  static let searches = [
    ("--name", "name"), ("--created-since", "created_since"), ("--created-before", "created_before"),
    ("--neutron-net-id", "neutron_net_id"), ("--neutron-subnet-id", "neutron_subnet_id"),
    ("--network-type", "network_type"), ("--segmentation-id", "segmentation_id"), ("--cidr", "cidr"),
    ("--ip-version", "ip_version"), ("--security-service", "security_service"),
  ]
  /// The searches of microversion 2.36.
  static let patternSearches = [("--name~", "name~"), ("--description~", "description~"), ("--description", "description")]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var columns = ["ID", "Name"]
    if arguments.flag("--detail") { columns += ["Status", "Created At", "Updated At", "Description"] }
    if arguments.flag("--all-projects") { columns.append("Project ID") }
    let project = try IdentityLookup.project.id(
      "--project", domain: "--project-domain", in: arguments, context: context, sdk: false
    )
    var options = [("all_tenants", arguments.flag("--all-projects") || project != nil ? "True" : nil), ("project_id", project)]
    options += searches.map { option, key in (key, arguments.value(option)) }
    if patternSearches.contains(where: { arguments.value($0.0) != nil }),
      try context.api.negotiatedShareVersion() < Microversion(2, 36)
    {
      throw CommandFailure(
        message: "Pattern based filtering (name~, description~ and description) is only available with manila API version >= 2.36")
    }
    options += patternSearches.map { option, key in (key, arguments.value(option)) }
    let query = ManilaFormat.query(options)
    let body = try context.call(.sharedFileSystem, APIRequest(.get, "/v2/share-networks/detail", query: query))
    let keys = columns.map(ManilaFormat.key(ofColumn:))
    return .list(columns: columns, rows: (body["share_networks"]?.array ?? []).map { ManilaFormat.row($0, keys) })
  }
}

/// `openstack share network show`: the record, its subnets with their metadata as
/// `properties`, and the names and IDs of its security services.
enum ShareNetworkShow: OpenStackCommand {
  static let name = "share network show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let network = try ManilaLookup.shareNetwork.find(
      arguments.value("<share-network>") ?? "", in: context, helper: .oscLib)
    var fields = network.object
    let subnets = (fields["share_network_subnets"]?.array ?? []).map { subnet -> JSON in
      var subnet = subnet.object
      let metadata = subnet.removeValue(forKey: "metadata") ?? .object([:])
      subnet["properties"] = context.isTable ? OSCLib.formatDict(metadata) : metadata
      return .object(subnet)
    }
    let id = network["id"]?.string ?? ""
    let services = try context.call(
      .sharedFileSystem, APIRequest(.get, "/v2/security-services", query: [(name: "share_network_id", value: id)]))
    let serviceRecords = (services["security_services"]?.array ?? []).map { service -> JSON in
      .object(["security_service_name": service["name"] ?? .null, "security_service_id": service["id"] ?? .null])
    }
    fields["share_network_subnets"] = context.isTable ? ManilaFormat.dictList(subnets) : .array(subnets)
    fields["security_services"] = context.isTable ? ManilaFormat.dictList(serviceRecords) : .array(serviceRecords)
    fields.removeValue(forKey: "links")
    return .show(fields)
  }

  /// The record without `links`; in a table its subnets as `key = value` lines (what
  /// `share network create` prints).
  static func displayed(_ network: JSON, in context: CommandContext) -> JSONObject {
    var fields = network.object
    fields.removeValue(forKey: "links")
    if context.isTable, let subnets = fields["share_network_subnets"] {
      fields["share_network_subnets"] = ManilaFormat.dictList(subnets.array)
    }
    return fields
  }
}

/// `openstack share network delete`.
enum ShareNetworkDelete: OpenStackCommand {
  static let name = "share network delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try DeleteEach(
      failure: { "Failed to delete share network with name or ID \($0): \($1)" },
      summary: { "\($0) of \($1) share networks failed to be deleted." }
    ).run(arguments.values("<share-network>")) { name in
      let network = try ManilaLookup.shareNetwork.find(name, in: context, helper: .oscLib)
      let path = "/v2/share-networks/\(network["id"]?.string ?? name)"
      _ = try context.call(.sharedFileSystem, APIRequest(.delete, path))
      return try !arguments.flag("--wait") || context.waitForDelete(path, member: "share_network")
    }
    return .nothing
  }
}

/// Python's `str()` of a dict of strings, as the share network commands log their arguments.
private func pythonDict(_ items: [(String, String)]) -> String {
  "{" + items.map { "\(PythonText.repr($0.0)): \(PythonText.repr($0.1))" }.joined(separator: ", ") + "}"
}

/// `openstack share network set`: name and description, the status (admin), a security service
/// added; each failure logged, then one error. Below 2.63 the client refuses every use, naming
/// the options of 2.63 (its check-only flags always among them).
enum ShareNetworkSet: OpenStackCommand {
  static let name = "share network set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let networkName = arguments.value("<share-network>") ?? ""
    let network = try ManilaLookup.shareNetwork.find(networkName, in: context, helper: .oscLib)
    let path = "/v2/share-networks/\(network["id"]?.string ?? "")"
    let version = try context.api.negotiatedShareVersion()
    guard version >= Microversion(2, 63) else {
      let invalid =
        (arguments.value("--status") != nil ? ["status"] : []) + ["check_only", "restart_check"]
        + (arguments.value("--current-security-service") != nil ? ["current_security_service"] : [])
      throw CommandFailure(message: "Use of \(invalid.joined(separator: " ")) is only available for API microversions >= 2.63.")
    }
    let newName = arguments.value("--new-security-service").flatMap { $0.isEmpty ? nil : $0 }
    let checkOnly = arguments.flag("--check-only")
    if (checkOnly || arguments.flag("--restart-check")) && newName == nil {
      throw CommandFailure(message: "Must provide new security service with --check-only and --restart-check.")
    }
    var failures = 0
    var update: [(String, String)] = []
    if let name = arguments.value("--name") { update.append(("name", name)) }
    if let description = arguments.value("--description") { update.append(("description", description)) }
    for (key, option) in [("neutron_net_id", "--neutron-net-id"), ("neutron_subnet_id", "--neutron-subnet-id")] {
      if let value = arguments.value(option) { update.append((key, value)) }
    }
    if !update.isEmpty {
      let body = JSONObject(uniqueKeysWithValues: update.map { ($0.0, $0.1.isEmpty ? JSON.null : .string($0.1)) })
      do {
        _ = try context.call(.sharedFileSystem, APIRequest(.put, path, body: .object(["share_network": .object(body)])))
      } catch let failure as CommandFailure {
        failures += 1
        context.log("Failed to set share network properties \(pythonDict(update)): \(failure.message)")
      }
    }
    if let status = arguments.value("--status"), !status.isEmpty {
      do {
        _ = try context.call(
          .sharedFileSystem, APIRequest(.post, path + "/action", body: .object(["reset_status": .object(["status": .string(status)])])))
      } catch let failure as CommandFailure {
        failures += 1
        context.log("Failed to update share network status to \(status): \(failure.message)")
      }
    }
    let newService = try newName.map { try ManilaLookup.securityService.find($0, in: context, helper: .oscLib) }
    let currentName = arguments.value("--current-security-service").flatMap { $0.isEmpty ? nil : $0 }
    let currentService = try currentName.map { try ManilaLookup.securityService.find($0, in: context, helper: .oscLib) }
    if let newName, let newService {
      let (action, info, failure): (String, JSONObject, String)
      if let currentName, let currentService {
        (action, info) = ("update_security_service", ["current_service_id": currentService["id"] ?? .null, "new_service_id": newService["id"] ?? .null])
        failure = "Failed to update security service \(currentName) on share network \(networkName)"
      } else {
        (action, info) = ("add_security_service", ["security_service_id": newService["id"] ?? .null])
        failure = "Failed to add security service  \(newName) to share network \(networkName)"
      }
      do {
        if checkOnly {
          var checked = info
          checked["reset_operation"] = .bool(arguments.flag("--restart-check"))
          let body = try context.call(
            .sharedFileSystem, APIRequest(.post, path + "/action", body: .object([action + "_check": .object(checked)])))
          context.log(checkResult(body["compatible"], new: newName, current: currentName, network: networkName))
        } else {
          _ = try context.call(.sharedFileSystem, APIRequest(.post, path + "/action", body: .object([action: .object(info)])))
        }
      } catch let error as CommandFailure {
        failures += 1
        context.log("\(failure): \(error.message)")
      }
    }
    if failures > 0 { throw CommandFailure(message: "One or more of the set operations failed") }
    return .nothing
  }

  /// What the client logs of a check's `compatible`: started, can, or cannot.
  private static func checkResult(_ compatible: JSON?, new: String, current: String?, network: String) -> String {
    guard let compatible, compatible != .null else {
      return "Security service check has been successfully initiated, please retry after some time."
    }
    // Python's truth of the value.
    let can = compatible != .bool(false) && compatible != .int(0) && compatible != .string("")
    let verb = can ? "can" : "cannot"
    if let current {
      return "Security service \(current) \(verb) be replaced with security service \(new) on share network \(network)."
    }
    return "Security service \(new) \(verb) be added to share network \(network)."
  }
}

/// `openstack share network unset`: name and description cleared, a security service removed.
enum ShareNetworkUnset: OpenStackCommand {
  static let name = "share network unset"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let networkName = arguments.value("<share-network>") ?? ""
    let network = try ManilaLookup.shareNetwork.find(networkName, in: context, helper: .oscLib)
    let path = "/v2/share-networks/\(network["id"]?.string ?? "")"
    let serviceName = arguments.value("--security-service").flatMap { $0.isEmpty ? nil : $0 }
    let service = try serviceName.map { try ManilaLookup.securityService.find($0, in: context, helper: .oscLib) }
    var failures = 0
    var update: [(String, String)] = []
    if arguments.flag("--name") { update.append(("name", "")) }
    if arguments.flag("--description") { update.append(("description", "")) }
    if !update.isEmpty {
      let body = JSONObject(uniqueKeysWithValues: update.map { ($0.0, JSON.null) })
      do {
        _ = try context.call(.sharedFileSystem, APIRequest(.put, path, body: .object(["share_network": .object(body)])))
      } catch let failure as CommandFailure {
        failures += 1
        context.log("Failed to unset share network properties \(pythonDict(update)): \(failure.message)")
      }
    }
    if let service, let serviceName {
      do {
        let body: JSON = .object(["remove_security_service": .object(["security_service_id": service["id"] ?? .null])])
        _ = try context.call(.sharedFileSystem, APIRequest(.post, path + "/action", body: body))
      } catch let failure as CommandFailure {
        failures += 1
        context.log("Failed to dissociate security service\(serviceName) from \(networkName): \(failure.message)")
      }
    }
    if failures > 0 { throw CommandFailure(message: "One or more of the unset operations failed") }
    return .nothing
  }
}

/// `openstack share network subnet create`: the Neutron network and subnet found through the
/// network API (both or neither), then the subnet in its zone. Below 2.78 python-manilaclient
/// 6.3.0 fails with a `TypeError` of its own, as the emulation does.
enum ShareNetworkSubnetCreate: OpenStackCommand {
  static let name = "share network subnet create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(["--property"]),
    types: ["--property": .keyValue])
  static let refusedOptions: Set<String> = ["--check-only", "--restart-check"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let properties = OSCLib.keyValues(arguments.values("--property"))
    let version = try context.api.negotiatedShareVersion()
    if !properties.isEmpty && version < Microversion(2, 78) {
      throw CommandFailure(message: "Property can be specified only with manila API version >= 2.78.")
    }
    let net = arguments.value("--neutron-net-id").flatMap { $0.isEmpty ? nil : $0 }
    let subnet = arguments.value("--neutron-subnet-id").flatMap { $0.isEmpty ? nil : $0 }
    if (net == nil) != (subnet == nil) {
      throw CommandFailure(
        message:
          "Both neutron_net_id and neutron_subnet_id should be specified. Alternatively, neither of them should be specified.")
    }
    var values: JSONObject = [:]
    if let net {
      do { values["neutron_net_id"] = .string(try NeutronLookup.network.find(net, in: context)) } catch is CommandFailure {
        throw CommandFailure(message: "Neutron network '\(net)' not found.")
      }
    }
    if let subnet {
      do { values["neutron_subnet_id"] = .string(try NeutronLookup.subnet.find(subnet, in: context)) } catch is CommandFailure {
        throw CommandFailure(message: "Neutron subnet '\(subnet)' not found.")
      }
    }
    let network = try ManilaLookup.shareNetwork.find(arguments.value("<share-network>") ?? "", in: context, helper: .oscLib)
    // The client passes `metadata` to a manager method that takes it only from 2.78.
    guard version >= Microversion(2, 78) else {
      throw CommandFailure(message: "ShareNetworkSubnetManager.create() got an unexpected keyword argument 'metadata'")
    }
    if let zone = arguments.value("--availability-zone"), !zone.isEmpty { values["availability_zone"] = .string(zone) }
    if !properties.isEmpty {
      values["metadata"] = .object(JSONObject(uniqueKeysWithValues: properties.map { ($0.key, JSON.string($0.value)) }))
    }
    let path = "/v2/share-networks/\(network["id"]?.string ?? "")/subnets"
    let body = try context.call(.sharedFileSystem, APIRequest(.post, path, body: .object(["share-network-subnet": .object(values)])))
    return .show(body["share_network_subnet"]?.object ?? [:])
  }
}

/// `openstack share network subnet show`: the subnet, its metadata as `properties`.
enum ShareNetworkSubnetShow: OpenStackCommand {
  static let name = "share network subnet show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let network = try ManilaLookup.shareNetwork.find(arguments.value("<share-network>") ?? "", in: context, helper: .oscLib)
    let path = "/v2/share-networks/\(network["id"]?.string ?? "")/subnets/\(arguments.value("<share-network-subnet>") ?? "")"
    var fields = try context.call(.sharedFileSystem, APIRequest(.get, path))["share_network_subnet"]?.object ?? [:]
    let metadata = fields.removeValue(forKey: "metadata") ?? .object([:])
    fields["properties"] = context.isTable ? OSCLib.formatDict(metadata) : metadata
    return .show(fields)
  }
}

/// `openstack share network subnet delete`: each subnet of the network.
enum ShareNetworkSubnetDelete: OpenStackCommand {
  static let name = "share network subnet delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let network = try ManilaLookup.shareNetwork.find(arguments.value("<share-network>") ?? "", in: context, helper: .oscLib)
    let path = "/v2/share-networks/\(network["id"]?.string ?? "")/subnets/"
    try DeleteEach(
      failure: { "Failed to delete share network subnet with ID \($0): \($1)" },
      summary: { "\($0) of \($1) share network subnets failed to be deleted." }
    ).run(arguments.values("<share-network-subnet>")) { subnet in
      _ = try context.call(.sharedFileSystem, APIRequest(.delete, path + subnet))
      return true
    }
    return .nothing
  }
}
