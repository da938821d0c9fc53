import CloudAPI

/// The API extensions the cloud's Neutron (ML2/OVN with the L3 plugin) loads, with their names
/// and descriptions from neutron-lib's API definitions: what `GET /v2.0/extensions` lists and the
/// client asks for before using some attributes.
enum NeutronExtensions {
  struct Extension {
    var alias: String
    var name: String
    var description: String
    var updated: String

    var json: JSON {
      .object([
        "name": .string(name), "alias": .string(alias), "description": .string(description), "updated": .string(updated),
        "links": .array([]),
      ])
    }
  }

  static let loaded: [Extension] = [
    .init(alias: "address-group", name: "Address group", description: "Support address group", updated: "2020-07-15T10:00:00-00:00"),
    .init(alias: "address-scope", name: "Address scope", description: "Address scopes extension.", updated: "2015-07-26T10:00:00-00:00"),
    .init(alias: "agent", name: "agent", description: "The agent management extension.", updated: "2013-02-03T10:00:00-00:00"),
    .init(alias: "allowed-address-pairs", name: "Allowed Address Pairs", description: "Provides allowed address pairs", updated: "2013-07-23T10:00:00-00:00"),
    .init(alias: "auto-allocated-topology", name: "Auto Allocated Topology Services", description: "Auto Allocated Topology Services.", updated: "2016-01-01T00:00:00-00:00"),
    .init(alias: "availability_zone", name: "Availability Zone", description: "The availability zone extension.", updated: "2015-01-01T10:00:00-00:00"),
    .init(alias: "binding", name: "Port Binding", description: "Expose port bindings of a virtual port to external application", updated: "2014-02-03T10:00:00-00:00"),
    .init(alias: "default-subnetpools", name: "Default Subnetpools", description: "Provides ability to mark and use a subnetpool as the default.", updated: "2016-02-18T18:00:00-00:00"),
    .init(alias: "ext-gw-mode", name: "Neutron L3 Configurable external gateway mode", description: "Extension of the router abstraction for specifying whether SNAT should occur on the external gateway", updated: "2013-03-28T10:00:00-00:00"),
    .init(alias: "external-net", name: "Neutron external network", description: "Adds external network attribute to network resource.", updated: "2013-01-14T10:00:00-00:00"),
    .init(alias: "extra_dhcp_opt", name: "Neutron Extra DHCP options", description: "Extra options configuration for DHCP. For example PXE boot options to DHCP clients can be specified (e.g. tftp-server, server-ip-address, bootfile-name)", updated: "2013-03-17T12:00:00-00:00"),
    .init(alias: "extraroute", name: "Neutron Extra Route", description: "Extra routes configuration for L3 router", updated: "2013-02-01T10:00:00-00:00"),
    .init(alias: "filter-validation", name: "Filter parameters validation", description: "Provides validation on filter parameters.", updated: "2018-07-04T10:00:00-00:00"),
    .init(alias: "fip-port-details", name: "Floating IP Port Details Extension", description: "Add port_details attribute to Floating IP resource", updated: "2018-04-09T10:00:00-00:00"),
    .init(alias: "flavors", name: "Neutron Service Flavors", description: "Flavor specification for Neutron advanced services.", updated: "2015-09-17T10:00:00-00:00"),
    .init(alias: "floatingip-pools", name: "Floating IP Pools Extension", description: "Provides a floating IP pools API.", updated: "2018-03-21T10:00:00-00:00"),
    .init(alias: "multi-provider", name: "Multi Provider Network", description: "Expose mapping of virtual networks to multiple physical networks", updated: "2013-06-27T10:00:00-00:00"),
    .init(alias: "net-mtu", name: "Network MTU", description: "Provides MTU attribute for a network resource.", updated: "2015-03-25T10:00:00-00:00"),
    .init(alias: "net-mtu-writable", name: "Network MTU (writable)", description: "Provides a writable MTU attribute for a network resource.", updated: "2017-07-12T00:00:00-00:00"),
    .init(alias: "network-ip-availability", name: "Network IP Availability", description: "Provides IP availability data for each network and subnet.", updated: "2015-09-24T00:00:00-00:00"),
    .init(alias: "network-segment-range", name: "Neutron Network Segment Range", description: "Provides support for the network segment range management", updated: "2018-11-29T00:00:00-00:00"),
    .init(alias: "network_availability_zone", name: "Network Availability Zone", description: "Availability zone support for network.", updated: "2015-01-01T10:00:00-00:00"),
    .init(alias: "pagination", name: "Pagination support", description: "Extension that indicates that pagination is enabled.", updated: "2016-06-12T00:00:00-00:00"),
    .init(alias: "port-security", name: "Port Security", description: "Provides port security", updated: "2012-07-23T10:00:00-00:00"),
    .init(alias: "project-id", name: "project_id field enabled", description: "Extension that indicates that project_id field is enabled.", updated: "2016-09-09T09:09:09-09:09"),
    .init(alias: "provider", name: "Provider Network", description: "Expose mapping of virtual networks to physical networks", updated: "2012-09-07T10:00:00-00:00"),
    .init(alias: "quota-check-limit", name: "Quota engine limit check", description: "Support for checking the resource usage before applying a new quota limit", updated: "2021-09-08T16:00:00-00:00"),
    .init(alias: "quota-check-limit-default", name: "Quota engine limit check by default", description: "By default, the Neutron quota engine checks the resource usage before applying a new quota limit", updated: "2024-08-21T16:00:00-00:00"),
    // `quotasv2.py` and `quotasv2_detail.py` (the database quota driver's wording).
    .init(alias: "quota_details", name: "Quota details management support", description: "Expose functions for quotas usage statistics per project", updated: "2017-02-10T10:00:00-00:00"),
    .init(alias: "quotas", name: "Quota management support", description: "Expose functions for quotas management per project", updated: "2012-07-29T10:00:00-00:00"),
    .init(alias: "rbac-address-group", name: "Add address_group type to RBAC", description: "Add address_group type to network RBAC", updated: "2021-01-20T00:00:00-00:00"),
    .init(alias: "rbac-address-scope", name: "Add address_scope type to RBAC", description: "Add address_scope type to RBAC", updated: "2020-02-12T00:00:00-00:00"),
    .init(alias: "rbac-security-groups", name: "Add security_group type to network RBAC", description: "Add security_group type to network RBAC", updated: "2019-02-14T00:00:00-00:00"),
    .init(alias: "router", name: "Neutron L3 Router", description: "Router abstraction for basic L3 forwarding between L2 Neutron networks and access to external networks via a NAT gateway.", updated: "2012-07-20T10:00:00-00:00"),
    .init(alias: "router_availability_zone", name: "Router Availability Zone", description: "Availability zone support for router.", updated: "2015-01-01T10:00:00-00:00"),
    .init(alias: "security-groups-normalized-cidr", name: "Normalized CIDR field for security group rules", description: "Add new field with normalized remote_ip_prefix cidr in SG rule", updated: "2020-07-28T10:00:00-00:00"),
    .init(alias: "security-groups-remote-address-group", name: "Remote address group id field for security group rules", description: "Add new field of remote address group id in SG rules", updated: "2020-08-25T10:00:00-00:00"),
    .init(alias: "security-groups-shared-filtering", name: "Security group filtering on the shared field", description: "Support filtering security groups on the shared field", updated: "2021-10-05T09:00:00-00:00"),
    .init(alias: "segment", name: "Segment", description: "Segments extension.", updated: "2016-02-24T17:00:00-00:00"),
    .init(alias: "sorting", name: "Sorting support", description: "Extension that indicates that sorting is enabled.", updated: "2016-06-12T00:00:00-00:00"),
    .init(alias: "standard-attr-segment", name: "Standard Attribute Segment Extension", description: "Add standard attributes to Segment resource", updated: "2018-04-09T10:00:00-00:00"),
    .init(alias: "stateful-security-group", name: "Stateful security group", description: "Indicates if the security group is stateful or not", updated: "2019-11-26T09:00:00-00:00"),
    .init(alias: "subnet-segmentid-writable", name: "Subnet SegmentID (writable)", description: "Provides a writable segment_id attribute for a subnet resource.", updated: "2018-03-12T00:00:00-00:00"),
    .init(alias: "subnet-service-types", name: "Subnet service types", description: "Provides ability to set the subnet service_types field", updated: "2016-03-15T18:00:00-00:00"),
    .init(alias: "subnetpool-prefix-ops", name: "Subnet Pool Prefix Operations", description: "Provides support for adjusting the prefix list of subnet pools", updated: "2019-02-08T10:00:00-00:00"),
    .init(alias: "tag-ports-during-bulk-creation", name: "Tag Ports During Bulk Creation", description: "Allow to tag ports during bulk creation", updated: "2019-12-29T19:00:00-00:00"),
    .init(alias: "trunk", name: "Trunk Extension", description: "Provides support for trunk ports", updated: "2016-01-01T10:00:00-00:00"),
  ]

  static func list(_ state: inout CloudState, _ call: Call) -> APIResponse {
    .json(200, .object(["extensions": .array(loaded.map(\.json))]))
  }

  static func show(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let alias = call.parameters["alias"] ?? ""
    guard let extensionFound = loaded.first(where: { $0.alias == alias }) else {
      return ResourceTable.response(
        ResourceFault(status: 404, type: "HTTPNotFound", message: "Extension with alias \(alias) does not exist"))
    }
    return .json(200, .object(["extension": extensionFound.json]))
  }
}
