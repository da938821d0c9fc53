import CloudAPI

/// The port options `port create` and `port set` share (`_get_attrs`).
private func portAttributes(_ arguments: ParsedArguments, in context: CommandContext) throws -> NeutronAttributes {
  var attributes = NeutronAttributes(arguments)
  attributes.text("--description", "description")
  attributes.text("--device", "device_id")
  attributes.text("--device-owner", "device_owner")
  attributes.flags("--enable", "--disable", "admin_state_up")
  attributes.text("--vnic-type", "binding:vnic_type")
  attributes.text("--host", "binding:host_id")
  attributes.text("--mac-address", "mac_address")
  attributes.text("--dns-domain", "dns_domain")
  attributes.text("--dns-name", "dns_name")
  attributes.text("--name", "name")
  try attributes.project(in: context)
  attributes.flags("--enable-port-security", "--disable-port-security", "port_security_enabled")
  try attributes.reference("--qos-policy", "qos_policy_id", .qosPolicy, in: context)
  // `_convert_extra_dhcp_options`.
  if arguments.contains("--extra-dhcp-option") {
    attributes.fields["extra_dhcp_opts"] = .array(
      arguments.values("--extra-dhcp-option").map { text in
        let pairs = ValueType.pairs(text)
        var option: JSONObject = ["opt_name": pairs["name"] ?? .null]
        if let value = pairs["value"] { option["opt_value"] = value }
        if let version = pairs["ip-version"] { option["ip_version"] = version }
        return .object(option)
      })
  }
  attributes.text("--pvlan-type", "pvlan_type")
  attributes.text("--pvlan-community", "pvlan_community")
  // `_validate_pvlan_port`.
  if attributes.fields["pvlan_type"] != nil || attributes.fields["pvlan_community"] != nil,
    attributes.fields["port_security_enabled"] == .bool(false)
  {
    throw CommandFailure(message: "PVLAN attributes cannot be set when port security is disabled.")
  }
  if attributes.fields["pvlan_type"] == "community", (attributes.fields["pvlan_community"]?.string ?? "").isEmpty {
    throw CommandFailure(message: "--pvlan-community is required when --pvlan-type is 'community'.")
  }
  return attributes
}

/// `_validate_pvlan_network_port`: PVLAN attributes only on a network with PVLAN (which this
/// cloud's networks, without the PVLAN plugin, never have).
private func checkPVLAN(_ attributes: NeutronAttributes, network: JSON) throws {
  guard attributes.fields["pvlan_type"] != nil || attributes.fields["pvlan_community"] != nil else { return }
  if !(network["pvlan"] ?? .null).isTruthy {
    throw CommandFailure(message: "PVLAN attributes cannot be set on a port whose network does not have PVLAN enabled.")
  }
}

/// `--fixed-ip subnet=...,ip-address=...`: each subnet found by name or ID (`_prepare_fixed_ips`).
private func fixedIPs(_ arguments: ParsedArguments, in context: CommandContext) throws -> [JSON] {
  try arguments.values("--fixed-ip").map { text in
    var fields = JSONObject()
    for (key, value) in ValueType.pairs(text) {
      switch key {
      case "subnet":
        if let name = value.string, !name.isEmpty { fields["subnet_id"] = .string(try NeutronResourceKind.subnet.findID(name, in: context)) }
      case "ip-address": fields["ip_address"] = value
      default: fields[key] = value
      }
    }
    return .object(fields)
  }
}

/// `--allowed-address ip-address=...,mac-address=...` as the API's pairs.
private func addressPairs(_ arguments: ParsedArguments) -> [JSON] {
  arguments.values("--allowed-address").map { text in
    let pairs = ValueType.pairs(text)
    var pair: JSONObject = ["ip_address": pairs["ip-address"] ?? .null]
    if let mac = pairs["mac-address"] { pair["mac_address"] = mac }
    return .object(pair)
  }
}

/// `--binding-profile`: JSON, or `key=value` (osc's `JSONKeyValueAction`), merged in order.
private func bindingProfile(_ arguments: ParsedArguments) -> JSONObject? {
  guard arguments.contains("--binding-profile") else { return nil }
  var profile = JSONObject()
  for text in arguments.values("--binding-profile") {
    if case .object(let fields)? = try? JSON(parsing: text) {
      for (key, value) in fields { profile[key] = value }
    } else if let equals = text.firstIndex(of: "=") {
      profile[String(text[..<equals])] = .string(String(text[text.index(after: equals)...]))
    }
  }
  return profile
}

private let portTypes: [String: ValueType] = [
  "--fixed-ip": .multiKeyValue(required: [], optional: ["subnet", "ip-address"]),
  "--allowed-address": .multiKeyValue(required: ["ip-address"], optional: ["mac-address"]),
  "--vnic-type": .choices([
    "accelerator-direct", "accelerator-direct-physical", "direct", "direct-physical", "macvtap", "normal", "baremetal",
    "virtio-forwarder", "smart-nic", "vdpa", "remote-managed",
  ]),
  "--pvlan-type": .choices(["promiscuous", "isolated", "community"]),
  "--extra-dhcp-option": .multiKeyValue(required: ["name"], optional: ["value", "ip-version"]),
]
private let portRepeating: Set<String> = [
  "--fixed-ip", "--binding-profile", "--security-group", "--allowed-address", "--extra-dhcp-option", "--tag", "--hint",
]
/// What the cloud has no model of: NUMA, hints, trust, uplink propagation, DHCP options, device
/// profiles, offloads.
private let portRefused: Set<String> = [
  "--extra-property", "--numa-policy-required", "--numa-policy-preferred",
  "--numa-policy-socket", "--numa-policy-legacy", "--hint", "--trusted", "--not-trusted",
  "--enable-uplink-status-propagation", "--disable-uplink-status-propagation",
  "--device-profile", "--hardware-offload-type", "--data-plane-status",
]

/// `openstack port create` (`CreatePort`).
enum PortCreate: OpenStackCommand {
  static let name = "port create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(portRepeating), types: portTypes)
  static let refusedOptions = portRefused

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let network = try NeutronResourceKind.network.find(arguments.value("--network") ?? "", in: context)
    let ips = try fixedIPs(arguments, in: context)
    var attributes = try portAttributes(arguments, in: context)
    attributes.fields["network_id"] = network["id"] ?? .null
    // `--enable` is the default: the client always sends it.
    attributes.fields["admin_state_up"] = .bool(!arguments.flag("--disable"))
    attributes.fields["name"] = .string(arguments.value("<name>") ?? "")
    if let profile = bindingProfile(arguments) { attributes.fields["binding:profile"] = .object(profile) }
    if !ips.isEmpty { attributes.fields["fixed_ips"] = .array(ips) } else if arguments.flag("--no-fixed-ip") { attributes.fields["fixed_ips"] = .array([]) }
    if arguments.contains("--security-group") {
      attributes.fields["security_groups"] = .array(
        try arguments.values("--security-group").map { .string(try NeutronResourceKind.securityGroup.findID($0, in: context)) })
    } else if arguments.flag("--no-security-group") {
      attributes.fields["security_groups"] = .array([])
    }
    if arguments.contains("--allowed-address") { attributes.fields["allowed_address_pairs"] = .array(addressPairs(arguments)) }
    // The client finds the QoS policy a second time here.
    try attributes.reference("--qos-policy", "qos_policy_id", .qosPolicy, in: context)
    let kind = NeutronResourceKind.port
    // With `tag-ports-during-bulk-creation` the tags go in the request.
    let tagsInPost = try NeutronResourceKind.hasExtension("tag-ports-during-bulk-creation", in: context)
    if tagsInPost {
      if arguments.flag("--no-tag") { attributes.fields["tags"] = .array([]) }
      if arguments.contains("--tag") { attributes.fields["tags"] = .array(Set(arguments.values("--tag")).sorted().map(JSON.string)) }
    }
    try checkPVLAN(attributes, network: network)
    var port = try NeutronClient.checkingExtensions(attributes.fields, in: context) { try kind.create(attributes.fields, in: context) }
    if !tagsInPost { port = try NeutronTagOptions.set(port, kind, arguments, in: context) }
    return kind.show(port, in: context)
  }
}

/// `openstack port show` (`ShowPort`).
enum PortShow: OpenStackCommand {
  static let name = "port show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let kind = NeutronResourceKind.port
    return kind.show(try kind.find(arguments.value("<port>") ?? "", in: context), in: context)
  }
}

/// `openstack port set` (`SetPort`): lists given are added to the port's, or replace them after
/// `--no-...`.
enum PortSet: OpenStackCommand {
  static let name = "port set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: portRepeating, types: portTypes)
  static let refusedOptions = portRefused

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let ips = try fixedIPs(arguments, in: context)
    let kind = NeutronResourceKind.port
    let port = try kind.find(arguments.value("<port>") ?? "", in: context)
    var attributes = try portAttributes(arguments, in: context)
    if arguments.flag("--no-binding-profile") { attributes.fields["binding:profile"] = .object([:]) }
    if let profile = bindingProfile(arguments) {
      var merged = attributes.fields["binding:profile"]?.object ?? port["binding:profile"]?.object ?? [:]
      for (key, value) in profile { merged[key] = value }
      attributes.fields["binding:profile"] = .object(merged)
    }
    if arguments.flag("--no-fixed-ip") { attributes.fields["fixed_ips"] = .array([]) }
    if !ips.isEmpty {
      let current = attributes.fields["fixed_ips"]?.array ?? (port["fixed_ips"]?.array ?? []).filter { !$0.object.isEmpty }
      attributes.fields["fixed_ips"] = .array(current + ips)
    }
    if arguments.flag("--no-security-group") { attributes.fields["security_groups"] = .array([]) }
    if arguments.contains("--security-group") {
      let current = attributes.fields["security_groups"]?.array ?? port["security_groups"]?.array ?? []
      let added = try arguments.values("--security-group").map { JSON.string(try NeutronResourceKind.securityGroup.findID($0, in: context)) }
      attributes.fields["security_groups"] = .array(current + added)
    }
    if arguments.flag("--no-allowed-address") { attributes.fields["allowed_address_pairs"] = .array([]) }
    if arguments.contains("--allowed-address") {
      let current = attributes.fields["allowed_address_pairs"]?.array ?? (port["allowed_address_pairs"]?.array ?? [])
      attributes.fields["allowed_address_pairs"] = .array(current + addressPairs(arguments))
    }
    if attributes.fields["pvlan_type"] != nil || attributes.fields["pvlan_community"] != nil {
      try checkPVLAN(attributes, network: try NeutronResourceKind.network.find(port["network_id"]?.string ?? "", in: context))
    }
    try NeutronClient.checkingExtensions(attributes.fields, in: context) { try kind.update(port, attributes.fields, in: context) }
    _ = try NeutronTagOptions.set(port, kind, arguments, in: context)
    return .nothing
  }
}

/// `openstack port delete` (`DeletePort`).
enum PortDelete: OpenStackCommand {
  static let name = "port delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try NeutronResourceKind.port.delete(arguments.values("<port>"), noun: "port", in: context)
  }
}

/// `openstack port list` (`ListPort`): five columns (the request asks for them as `fields`),
/// nine with `--long`.
enum PortList: OpenStackCommand {
  static let name = "port list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating.union(["--fixed-ip", "--security-group"]),
    types: NeutronPaging.types.merging(["--fixed-ip": .multiKeyValue(required: [], optional: ["subnet", "ip-address", "ip-substring"])]) {
      _, new in new
    })
  static let refusedOptions: Set<String> = ["--pvlan-type", "--pvlan-community", "--pvlan", "--no-pvlan"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var fields = ["id", "name", "mac_address", "fixed_ips", "status"]
    var headers = ["ID", "Name", "MAC Address", "Fixed IP Addresses", "Status"]
    let long = arguments.flag("--long")
    if long {
      fields += ["security_groups", "device_owner", "tags", "trunk_details"]
      headers += ["Security Groups", "Device Owner", "Tags", "Trunk subports"]
    }
    var query: [(name: String, value: String)] = fields.map { (name: "fields", value: $0) }
    func add(_ name: String, _ value: String?) { if let value { query.append((name: name, value: value)) } }
    add("device_owner", arguments.value("--device-owner"))
    // One `device_id` filter: the router's or the server's ID replaces the one given.
    var device = arguments.value("--device-id")
    if let router = arguments.value("--router") { device = try NeutronResourceKind.router.findID(router, in: context) }
    if let server = arguments.value("--server") { device = try ComputeLookup.server(server, in: context)["id"]?.string ?? "" }
    add("device_id", device)
    add("binding:host_id", arguments.value("--host"))
    if let network = arguments.value("--network") { add("network_id", try NeutronResourceKind.network.findID(network, in: context)) }
    add("mac_address", arguments.value("--mac-address"))
    add("status", arguments.value("--status"))
    if let project = try IdentityLookup.project.id(
      "--project", domain: "--project-domain", in: arguments, context: context, sdk: true)
    {
      add("project_id", project)
    }
    add("name", arguments.value("--name"))
    for text in arguments.values("--fixed-ip") {
      let pairs = ValueType.pairs(text)
      if let subnet = pairs["subnet"]?.string, !subnet.isEmpty {
        add("fixed_ips", "subnet_id=" + (try NeutronResourceKind.subnet.findID(subnet, in: context)))
      }
      if let address = pairs["ip-address"]?.string { add("fixed_ips", "ip_address=" + address) }
      if let part = pairs["ip-substring"]?.string { add("fixed_ips", "ip_address_substr=" + part) }
    }
    for group in arguments.values("--security-group") { add("security_groups", group) }
    query += NeutronTags.query(arguments)
    let ports = try NeutronResourceKind.port.list(query, paging: arguments, in: context)
    let formats: [String: NeutronColumnFormat] = ["fixed_ips": .listDict, "security_groups": .list, "tags": .list, "trunk_details": .listDict]
    return .list(
      columns: headers,
      rows: ports.map { port in
        fields.map { field in
          // `SubPortColumn`: the trunk's subports.
          let value = field == "trunk_details" ? (port[field]?["sub_ports"] ?? port[field] ?? .null) : (port[field] ?? .null)
          return (formats[field] ?? .plain).format(value, table: context.isTable)
        }
      }, names: .list)
  }
}

/// `openstack port unset` (`UnsetPort`): each item given taken out of the port's list (`Port
/// does not contain fixed-ip {...}` when it is not there, compared as the client compares dicts),
/// the single attributes cleared, tags.
enum PortUnset: OpenStackCommand {
  static let name = "port unset"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: ["--fixed-ip", "--binding-profile", "--security-group", "--allowed-address", "--tag"],
    types: [
      "--fixed-ip": .multiKeyValue(required: [], optional: ["subnet", "ip-address"]),
      "--allowed-address": .multiKeyValue(required: ["ip-address"], optional: ["mac-address"]),
    ])
  /// What the cloud has no model of: data plane status, NUMA, hints.
  static let refusedOptions: Set<String> = ["--extra-property", "--data-plane-status", "--numa-policy", "--hints"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let kind = NeutronResourceKind.port
    let port = try kind.find(arguments.value("<port>") ?? "", in: context)
    let ips = try fixedIPs(arguments, in: context)
    var attributes = JSONObject()
    func remove(_ items: [JSON], from key: String, _ noun: String) throws {
      var current = port[key]?.array ?? []
      for item in items {
        guard let index = current.firstIndex(of: item) else {
          throw CommandFailure(message: "Port does not contain \(noun) \(PythonText.str(item))")
        }
        current.remove(at: index)
      }
      attributes[key] = .array(current)
    }
    if !ips.isEmpty { try remove(ips, from: "fixed_ips", "fixed-ip") }
    if arguments.contains("--binding-profile") {
      var profile = port["binding:profile"]?.object ?? [:]
      for key in arguments.values("--binding-profile") {
        guard profile.removeValue(forKey: key) != nil else {
          throw CommandFailure(message: "Port does not contain binding-profile \(key)")
        }
      }
      attributes["binding:profile"] = .object(profile)
    }
    if arguments.contains("--security-group") {
      var groups = port["security_groups"]?.array ?? []
      for name in arguments.values("--security-group") {
        let id = JSON.string(try NeutronResourceKind.securityGroup.findID(name, in: context))
        guard let index = groups.firstIndex(of: id) else {
          throw CommandFailure(message: "Port does not contain security group \(name)")
        }
        groups.remove(at: index)
      }
      attributes["security_groups"] = .array(groups)
    }
    if arguments.contains("--allowed-address") { try remove(addressPairs(arguments), from: "allowed_address_pairs", "allowed-address-pair") }
    if arguments.flag("--qos-policy") { attributes["qos_policy_id"] = .null }
    if arguments.flag("--host") { attributes["binding:host_id"] = .null }
    if arguments.flag("--device") { attributes["device_id"] = "" }
    if arguments.flag("--device-owner") { attributes["device_owner"] = "" }
    if arguments.flag("--pvlan-community") { attributes["pvlan_community"] = .null }
    try kind.update(port, attributes, in: context)
    try NeutronTagOptions.unset(port, kind, arguments, in: context)
    return .nothing
  }
}
