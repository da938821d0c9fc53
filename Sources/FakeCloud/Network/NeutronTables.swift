import CloudAPI

/// Neutron's resources as tables: the attributes of each (neutron-lib's API definitions and the
/// extensions a devstack with ML2/OVN loads), in the order a record shows them. A resource the
/// cloud adds is one table here and its logic in `NeutronLogic`.
enum NeutronTables {
  typealias A = ResourceAttribute

  static let name = A("name", default: .value(""), validate: NeutronValidators.string(maximum: 255))
  static let description = A("description", default: .value(""), validate: NeutronValidators.string(maximum: 255))
  static let adminStateUp = A("admin_state_up", .boolean, default: .value(true))

  /// The standard attributes every resource of Neutron's database has, in the order Neutron adds
  /// them: tags (the `standard-attr-tag` extension, set through `/tags`), timestamps, revision,
  /// the owner (both names).
  static func standard(tags: Bool = true, tagsOnCreate: Bool = false) -> [A] {
    (tags ? [A("tags", .list, post: tagsOnCreate, put: false, default: .value(.array([])))] : []) + [
      A("created_at", post: false, put: false, default: .computed, filterable: false),
      A("updated_at", post: false, put: false, default: .computed, filterable: false),
      // A new record's first flush already bumps it, as Neutron's own samples show (`1`).
      A("revision_number", .integer, post: false, put: false, default: .value(1)),
      A("project_id", post: true, put: false, default: .computed),
    ]
  }

  static let tenant = A("tenant_id", post: true, put: false, default: .computed)

  static let networks = ResourceTable(
    collection: "networks", member: "network",
    attributes: [
      A("id", post: false, put: false, default: .computed), name, tenant, adminStateUp,
      A("mtu", .integer, default: .computed),
      .readOnly("status"),
      A("subnets", .list, post: false, put: false, default: .value(.array([]))),
      A("shared", .boolean, default: .value(false)),
      A("availability_zone_hints", .list, put: false, default: .value(.array([])), filterable: false),
      .readOnly("availability_zones", .list, filterable: false),
      A("ipv4_address_scope", post: false, put: false, default: .value(.null)),
      A("ipv6_address_scope", post: false, put: false, default: .value(.null)),
      A("router:external", .boolean, default: .value(false)),
      description,
      A("port_security_enabled", .boolean, default: .value(true)),
      A("qos_policy_id", default: .value(.null), validate: NeutronValidators.uuidOrNone),
      A("l2_adjacency", .boolean, post: false, put: false, default: .value(true), filterable: false),
    ] + standard() + [
      A("provider:network_type", default: .computed, adminOnly: true),
      A("provider:physical_network", default: .computed, adminOnly: true),
      A("provider:segmentation_id", .integer, default: .computed, adminOnly: true),
      A("is_default", .boolean, default: .value(false)),
    ],
    paging: .nativeFinding,
    notFound: { ResourceFault(status: 404, type: "NetworkNotFound", message: "Network \($0) could not be found.") })

  static let subnets = ResourceTable(
    collection: "subnets", member: "subnet",
    attributes: [
      A("id", post: false, put: false, default: .computed), name, tenant,
      A("network_id", put: false, default: .required, validate: NeutronValidators.uuidOrNone),
      A("ip_version", .integer, put: false, default: .required, validate: NeutronValidators.values([4, 6])),
      A("subnetpool_id", put: false, default: .value(.null)),
      A("enable_dhcp", .boolean, default: .value(true)),
      A("ipv6_ra_mode", put: false, default: .value(.null), validate: slaacModes),
      A("ipv6_address_mode", put: false, default: .value(.null), validate: slaacModes),
      A("gateway_ip", default: .computed, validate: NeutronValidators.ipAddressOrNone),
      A("cidr", put: false, default: .computed, validate: NeutronValidators.subnet),
      A("allocation_pools", .other, default: .computed, filterable: false),
      A("host_routes", .other, default: .value(.array([])), filterable: false),
      A("dns_nameservers", .list, default: .value(.array([])), filterable: false),
      description,
      A("service_types", .list, default: .value(.array([]))),
      // `segment`, with `subnet-segmentid-writable`: a subnet of a network without segments
      // may be put on its one segment.
      A("segment_id", default: .value(.null), validate: NeutronValidators.uuidOrNone),
      A("prefixlen", .integer, put: false, default: .computed, filterable: false, shown: false),
      A("use_default_subnetpool", .boolean, put: false, default: .computed, filterable: false, shown: false),
    ] + standard(),
    notFound: { ResourceFault(status: 404, type: "SubnetNotFound", message: "Subnet \($0) could not be found.") })

  private static let slaacModes = NeutronValidators.values([.null, "dhcpv6-stateful", "dhcpv6-stateless", "slaac"])

  static let ports = ResourceTable(
    collection: "ports", member: "port",
    attributes: [
      A("id", post: false, put: false, default: .computed), name,
      A("network_id", put: false, default: .required, validate: NeutronValidators.uuidOrNone), tenant,
      A("mac_address", default: .computed, validate: NeutronValidators.macAddress), adminStateUp,
      .readOnly("status"),
      A("device_id", default: .value(""), validate: NeutronValidators.string(maximum: 255)),
      A("device_owner", default: .value(""), validate: NeutronValidators.string(maximum: 255)),
      A("fixed_ips", .other, default: .computed),
      A("allowed_address_pairs", .other, default: .value(.array([])), filterable: false),
      A("extra_dhcp_opts", .other, default: .value(.array([])), filterable: false),
      A("security_groups", .list, default: .computed),
      description,
      A("binding:vnic_type", default: .value("normal"), validate: NeutronValidators.values(
        ["normal", "direct", "macvtap", "baremetal", "direct-physical", "virtio-forwarder", "smart-nic", "vdpa", "remote-managed"])),
      A("binding:profile", .other, default: .value(.object([:])), adminOnly: true, filterable: false),
      A("binding:host_id", default: .value(""), adminOnly: true),
      A("binding:vif_type", post: false, put: false, default: .value("unbound"), adminOnly: true),
      A("binding:vif_details", .other, post: false, put: false, default: .value(.object([:])), adminOnly: true, filterable: false),
      A("port_security_enabled", .boolean, default: .computed),
      A("qos_policy_id", default: .value(.null), validate: NeutronValidators.uuidOrNone),
      A("ip_allocation", post: false, put: false, default: .value("immediate"), filterable: false),
    ] + standard(tagsOnCreate: true),  // `tag-ports-during-bulk-creation`
    paging: .nativeFinding,
    notFound: { ResourceFault(status: 404, type: "PortNotFound", message: "Port \($0) could not be found.") })

  static let routers = ResourceTable(
    collection: "routers", member: "router",
    attributes: [
      A("id", post: false, put: false, default: .computed), name, tenant, adminStateUp,
      .readOnly("status"),
      A("external_gateway_info", .other, default: .value(.null), filterable: false),
      description,
      A("availability_zones", .list, post: false, put: false, default: .value(.array([])), filterable: false),
      A("availability_zone_hints", .list, put: false, default: .value(.array([])), filterable: false),
      A("routes", .other, post: false, default: .value(.array([])), filterable: false),
      A("flavor_id", put: false, default: .value(.null)),
    ] + standard(),
    paging: .nativeFinding,
    notFound: { ResourceFault(status: 404, type: "RouterNotFound", message: "Router \($0) could not be found") })

  static let securityGroups = ResourceTable(
    path: "security-groups", collection: "security_groups", member: "security_group",
    attributes: [
      A("id", post: false, put: false, default: .computed), name, tenant, description,
      A("stateful", .boolean, default: .value(true)),
      A("shared", .boolean, post: false, put: false, default: .value(false)),
      A("security_group_rules", .other, post: false, put: false, default: .value(.array([])), filterable: false),
    ] + standard(),
    notFound: {
      ResourceFault(status: 404, type: "SecurityGroupNotFound", message: "Security group \($0) does not exist")
    })

  static let securityGroupRules = ResourceTable(
    path: "security-group-rules", collection: "security_group_rules", member: "security_group_rule",
    attributes: [
      A("id", post: false, put: false, default: .computed), tenant,
      A("security_group_id", put: false, default: .required),
      A("ethertype", put: false, default: .value("IPv4"), validate: NeutronValidators.values(["IPv4", "IPv6"])),
      A("direction", put: false, default: .required, validate: NeutronValidators.values(["ingress", "egress"])),
      A("protocol", put: false, default: .value(.null)),
      A("port_range_min", .integer, put: false, default: .value(.null), validate: NeutronValidators.port),
      A("port_range_max", .integer, put: false, default: .value(.null), validate: NeutronValidators.port),
      A("remote_ip_prefix", put: false, default: .value(.null)),
      A("remote_address_group_id", put: false, default: .value(.null)),
      A("normalized_cidr", post: false, put: false, default: .computed),
      A("remote_group_id", put: false, default: .value(.null)),
      A("belongs_to_default_sg", .boolean, post: false, put: false, default: .value(false)),
      description,
    ] + standard(tags: false),
    notFound: {
      ResourceFault(status: 404, type: "SecurityGroupRuleNotFound", message: "Security group rule \($0) does not exist")
    })

  static let floatingIPs = ResourceTable(
    collection: "floatingips", member: "floatingip",
    attributes: [
      A("id", post: false, put: false, default: .computed), tenant,
      A("floating_ip_address", put: false, default: .computed, validate: NeutronValidators.ipAddressOrNone),
      A("floating_network_id", put: false, default: .required, validate: NeutronValidators.uuidOrNone),
      A("router_id", post: false, put: false, default: .value(.null)),
      A("port_id", default: .value(.null), validate: NeutronValidators.uuidOrNone),
      A("fixed_ip_address", default: .value(.null), validate: NeutronValidators.ipAddressOrNone),
      .readOnly("status"),
      description,
      A("subnet_id", put: false, default: .value(.null), filterable: false),
      A("port_details", .other, post: false, put: false, default: .value(.null), filterable: false),
      // `qos-fip`.
      A("qos_policy_id", default: .value(.null), validate: NeutronValidators.uuidOrNone),
    ] + standard(),
    notFound: { ResourceFault(status: 404, type: "FloatingIPNotFound", message: "Floating IP \($0) could not be found") })

  static let rbacPolicies = ResourceTable(
    path: "rbac-policies", collection: "rbac_policies", member: "rbac_policy",
    attributes: [
      A("id", post: false, put: false, default: .computed), A("project_id", put: false, default: .computed),
      A("target_tenant", default: .required),
      A("action", put: false, default: .required, validate: NeutronValidators.values(["access_as_external", "access_as_shared"])),
      A("object_type", put: false, default: .required, validate: NeutronValidators.values(
        ["address_group", "address_scope", "network", "qos_policy", "security_group", "subnetpool"])),
      A("object_id", put: false, default: .required, validate: NeutronValidators.uuidOrNone), tenant,
    ],
    paging: .none,
    notFound: { ResourceFault(status: 404, type: "RbacPolicyNotFound", message: "RBAC policy of type network with ID \($0) not found") })

  /// The agents OVN reports (read-only; an admin's).
  static let agents = ResourceTable(
    collection: "agents", member: "agent",
    attributes: [
      .readOnly("binary"), .readOnly("host"), .readOnly("heartbeat_timestamp", filterable: false),
      .readOnly("availability_zone"), .readOnly("topic"), A("description", post: false, default: .value(.null)),
      .readOnly("configurations", .other, filterable: false), .readOnly("agent_type"), .readOnly("id"),
      .readOnly("alive", .boolean), A("admin_state_up", .boolean, post: false, default: .value(true)),
    ],
    notFound: { ResourceFault(status: 404, type: "AgentNotFound", message: "Agent \($0) could not be found.") })

  static let subnetPools = ResourceTable(
    collection: "subnetpools", member: "subnetpool",
    attributes: [
      A("id", post: false, put: false, default: .computed), name, tenant,
      A("prefixes", .list, default: .required, validate: { value in
        for prefix in value.array {
          if let reason = NeutronValidators.subnet(prefix) { return reason }
        }
        return nil
      }),
      A("default_quota", .integer, default: .value(.null)),
      A("ip_version", .integer, post: false, put: false, default: .computed),
      A("default_prefixlen", .integer, default: .computed), A("min_prefixlen", .integer, default: .computed),
      A("max_prefixlen", .integer, default: .computed), A("is_default", .boolean, default: .value(false)),
      A("shared", .boolean, put: false, default: .value(false)),
      A("address_scope_id", default: .value(.null), validate: NeutronValidators.uuidOrNone), description,
    ] + standard(),
    notFound: { ResourceFault(status: 404, type: "SubnetPoolNotFound", message: "Subnet pool \($0) could not be found.") })

  static let addressScopes = ResourceTable(
    path: "address-scopes", collection: "address_scopes", member: "address_scope",
    attributes: [
      A("id", post: false, put: false, default: .computed), name, tenant,
      A("shared", .boolean, default: .value(false)),
      A("ip_version", .integer, put: false, default: .required, validate: NeutronValidators.values([4, 6])),
      A("project_id", put: false, default: .computed),
    ],
    notFound: { ResourceFault(status: 404, type: "AddressScopeNotFound", message: "Address scope \($0) could not be found.") })

  /// QoS policies (neutron-lib's `qos` definition, with `qos-default` and the standard attributes);
  /// `rules` is what the policy's rule collections hold.
  static let qosPolicies = ResourceTable(
    path: "qos/policies", collection: "policies", member: "policy",
    attributes: [
      A("id", post: false, put: false, default: .computed), name, description, tenant,
      A("shared", .boolean, default: .value(false)),
      A("rules", .other, post: false, put: false, default: .value(.array([])), filterable: false),
      A("is_default", .boolean, default: .value(false)),
    ] + standard(),
    notFound: { ResourceFault(status: 404, type: "QosPolicyNotFound", message: "QoS policy \($0) could not be found.") })
}
