/// The resources of the segment, segment range, trunk and auto-allocated topology commands as
/// openstacksdk 4.22 reads them (`get_osc_show_columns_for_sdk_resource` over each resource's
/// attributes, with no column map: a trunk's state shows as `is_admin_state_up`).
extension NeutronResourceKind {
  static let segment = NeutronResourceKind(
    path: "segments", collection: "segments", member: "segment", sdkName: "Segment",
    columns: [
      ("description", "description", .plain),
      ("id", "id", .plain),
      ("name", "name", .plain),
      ("network_id", "network_id", .plain),
      ("network_type", "network_type", .plain),
      ("physical_network", "physical_network", .plain),
      ("segmentation_id", "segmentation_id", .plain),
    ],
    sdkFields: ["description", "id", "name", "network_id", "network_type", "physical_network", "segmentation_id"])

  static let segmentRange = NeutronResourceKind(
    path: "network_segment_ranges", collection: "network_segment_ranges", member: "network_segment_range",
    sdkName: "NetworkSegmentRange",
    columns: [
      ("available", "available", .plain),
      ("default", "default", .plain),
      ("id", "id", .plain),
      ("maximum", "maximum", .plain),
      ("minimum", "minimum", .plain),
      ("name", "name", .plain),
      ("network_type", "network_type", .plain),
      ("physical_network", "physical_network", .plain),
      ("project_id", "project_id", .plain),
      ("shared", "shared", .plain),
      ("used", "used", .plain),
    ],
    sdkFields: ["available", "default", "id", "maximum", "minimum", "name", "network_type", "physical_network", "project_id", "shared", "tenant_id", "used"])

  static let trunk = NeutronResourceKind(
    path: "trunks", collection: "trunks", member: "trunk", sdkName: "Trunk",
    columns: [
      ("description", "description", .plain),
      ("id", "id", .plain),
      ("is_admin_state_up", "admin_state_up", .plain),
      ("name", "name", .plain),
      ("port_id", "port_id", .plain),
      ("project_id", "project_id", .plain),
      ("status", "status", .plain),
      ("sub_ports", "sub_ports", .listDict),
      ("tags", "tags", .plain),
    ],
    sdkFields: ["admin_state_up", "description", "id", "name", "port_id", "project_id", "status", "sub_ports", "tags", "tenant_id"])

  static let autoAllocatedTopology = NeutronResourceKind(
    path: "auto-allocated-topology", collection: "", member: "auto_allocated_topology", sdkName: "AutoAllocatedTopology",
    columns: [("id", "id", .plain), ("project_id", "project_id", .plain)],
    sdkFields: ["id", "project_id", "tenant_id", "name"])
}
