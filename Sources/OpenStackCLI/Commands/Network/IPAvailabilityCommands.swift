import CloudAPI

extension NeutronResourceKind {
  /// openstacksdk's `NetworkIPAvailability`: found by network ID, or in the whole list by
  /// `network_name` (its name attribute; it has no `id`, and no `name` to filter by).
  static let ipAvailability = NeutronResourceKind(
    path: "network-ip-availabilities", collection: "network_ip_availabilities", member: "network_ip_availability",
    sdkName: "NetworkIPAvailability",
    columns: [
      ("ip_availability_details", "ip_availability_details", .dict),
      ("network_id", "network_id", .plain),
      ("network_name", "network_name", .plain),
      ("project_id", "project_id", .plain),
      ("subnet_ip_availability", "subnet_ip_availability", .listDict),
      ("total_ips", "total_ips", .plain),
      ("used_ips", "used_ips", .plain),
    ],
    sdkFields: [
      "ip_availability_details", "network_id", "network_name", "project_id", "subnet_ip_availability", "total_ips", "used_ips",
      "id", "name",
    ],
    listsByName: false, idField: "id", nameField: "network_name")
}

/// `openstack ip availability list` (`ListIPAvailability`): IPv4 unless told otherwise; the four
/// detail columns are empty without Neutron's `network-ip-availability-details` extension,
/// which the fake cloud's Neutron does not have.
enum IPAvailabilityList: OpenStackCommand {
  static let name = "ip availability list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating, types: ["--ip-version": .intChoices([4, 6])])
  /// Neutron pages this resource by an `id` it does not have.
  static let refusedOptions: Set<String> = ["--limit", "--marker", "--max-items"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var query = [(name: "ip_version", value: arguments.value("--ip-version") ?? "4")]
    if let project = try IdentityLookup.project.id("--project", domain: "--project-domain", in: arguments, context: context, sdk: true) {
      query.append((name: "project_id", value: project))
    }
    let records = try NeutronClient.call(context, .get, "/network-ip-availabilities", query: query)["network_ip_availabilities"]?.array ?? []
    return .list(
      columns: [
        "Network ID", "Network Name", "Total IPs", "Used IPs", "Total IPs in Subnet", "Total IPs in Allocation Pool",
        "Used IPs in Subnet", "Used IPs in Allocation Pool",
      ],
      rows: records.map { record in
        let details = record["ip_availability_details"] ?? .null
        return ["network_id", "network_name", "total_ips", "used_ips"].map { record[$0] ?? .null }
          + ["total_ips_in_subnet", "total_ips_in_allocation_pool", "used_ips_in_subnet", "used_ips_in_allocation_pool"].map {
            details[$0] ?? ""
          }
      },
      names: .tuple)
  }
}

/// `openstack ip availability show` (`ShowIPAvailability`): the network found first, then its
/// availability by the network's ID.
enum IPAvailabilityShow: OpenStackCommand {
  static let name = "ip availability show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let network = try NeutronLookup.network.sdkFind(arguments.value("<network>") ?? "", in: context)
    let record = try NeutronResourceKind.ipAvailability.find(network, in: context)
    return NeutronResourceKind.ipAvailability.show(record, in: context)
  }
}
