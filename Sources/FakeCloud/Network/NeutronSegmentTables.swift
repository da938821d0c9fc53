import CloudAPI

/// The tables of the `segment`, `network-segment-range` and `trunk` extensions (neutron-lib's
/// API definitions), in the order a record shows them.
extension NeutronTables {
  /// A network's segments: its provider attributes, one record each (`segment`). A segment shows
  /// no owner: `tenant_id` is read on POST, never shown.
  static let segments = ResourceTable(
    collection: "segments", member: "segment",
    attributes: [
      A("id", post: false, put: false, default: .computed),
      A("network_id", put: false, default: .required, validate: NeutronValidators.uuidOrNone),
      A("name", default: .value(.null), validate: NeutronValidators.string(maximum: 255)),
      description,
      A("physical_network", put: false, default: .value(.null), validate: NeutronValidators.string(maximum: 64)),
      A("network_type", put: false, default: .required, validate: NeutronValidators.string(maximum: 32)),
      A("segmentation_id", .integer, put: false, default: .value(.null), filterable: false),
      A("tags", .list, post: false, put: false, default: .value(.array([]))),
      A("created_at", post: false, put: false, default: .computed, filterable: false),
      A("updated_at", post: false, put: false, default: .computed, filterable: false),
      A("revision_number", .integer, post: false, put: false, default: .value(1)),
      A("tenant_id", put: false, default: .computed, shown: false),
      A("project_id", put: false, default: .computed, shown: false),
    ],
    notFound: { ResourceFault(status: 404, type: "SegmentNotFound", message: "Segment \($0) could not be found.") })

  /// The ranges of segmentation IDs project networks get (`network-segment-range`): the
  /// configured ones (`default`) and those an admin adds, shared or a project's.
  static let segmentRanges = ResourceTable(
    path: "network_segment_ranges", collection: "network_segment_ranges", member: "network_segment_range",
    attributes: [
      A("id", post: false, put: false, default: .computed), name,
      A("default", .boolean, post: false, put: false, default: .value(false)),
      A("shared", .boolean, put: false, default: .value(true)),
      A("project_id", put: false, default: .computed),
      A("network_type", put: false, default: .required, validate: NeutronValidators.values(["vlan", "vxlan", "gre", "geneve"])),
      A("physical_network", put: false, default: .value(.null), validate: NeutronValidators.string(maximum: 64)),
      A("minimum", .integer, default: .required, filterable: false),
      A("maximum", .integer, default: .required, filterable: false),
      A("used", .other, post: false, put: false, default: .value(.object([:])), filterable: false),
      A("available", .other, post: false, put: false, default: .value(.array([])), filterable: false),
      description,
      A("tags", .list, post: false, put: false, default: .value(.array([]))),
      A("created_at", post: false, put: false, default: .computed, filterable: false),
      A("updated_at", post: false, put: false, default: .computed, filterable: false),
      A("revision_number", .integer, post: false, put: false, default: .value(0)),
      A("tenant_id", put: false, default: .computed, shown: false),
    ],
    notFound: {
      ResourceFault(status: 404, type: "NetworkSegmentRangeNotFound", message: "Network Segment Range \($0) could not be found.")
    })

  /// Trunks (`trunk`): a parent port and the subports it carries, each tagged with a VLAN.
  static let trunks = ResourceTable(
    collection: "trunks", member: "trunk",
    attributes: [
      adminStateUp,
      A("id", post: false, put: false, default: .computed), name, tenant,
      A("port_id", put: false, default: .required, validate: NeutronValidators.uuidOrNone),
      .readOnly("status"),
      A("sub_ports", .other, put: false, default: .value(.array([])), filterable: false),
      description,
    ] + standard(),
    notFound: { ResourceFault(status: 404, type: "TrunkNotFound", message: "Trunk \($0) could not be found.") })
}

extension NeutronTables {
  /// Address groups (`address-group`): sets of CIDRs security group rules can name; here what
  /// RBAC policies share.
  static let addressGroups = ResourceTable(
    path: "address-groups", collection: "address_groups", member: "address_group",
    attributes: [
      A("id", post: false, put: false, default: .computed), name, description, tenant,
      A("addresses", .list, put: false, default: .value(.array([])), filterable: false),
    ] + standard(tags: false),
    notFound: { ResourceFault(status: 404, type: "AddressGroupNotFound", message: "Address group \($0) could not be found.") })
}
