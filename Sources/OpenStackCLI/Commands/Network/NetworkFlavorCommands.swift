import CloudAPI

extension NeutronResourceKind {
  /// openstacksdk's `AddressGroup`, as `network rbac create --type address_group` finds it.
  static let addressGroup = NeutronResourceKind(
    path: "address-groups", collection: "address_groups", member: "address_group", sdkName: "AddressGroup", columns: [])

  /// openstacksdk's `Flavor` (its `service_profiles` read as `service_profile_ids`).
  static let networkFlavor = NeutronResourceKind(
    path: "flavors", collection: "flavors", member: "flavor", sdkName: "Flavor",
    columns: [
      ("description", "description", .plain), ("enabled", "enabled", .plain), ("id", "id", .plain), ("name", "name", .plain),
      ("service_profile_ids", "service_profiles", .plain), ("service_type", "service_type", .plain),
    ],
    sdkFields: ["description", "enabled", "id", "name", "service_profiles", "service_type"])

  /// openstacksdk's `ServiceProfile` (found without a name filter; `metainfo` read as `meta_info`).
  static let serviceProfile = NeutronResourceKind(
    path: "service_profiles", collection: "service_profiles", member: "service_profile", sdkName: "ServiceProfile",
    columns: [
      ("description", "description", .plain), ("driver", "driver", .plain), ("enabled", "enabled", .plain), ("id", "id", .plain),
      ("meta_info", "metainfo", .plain),
    ],
    sdkFields: ["description", "driver", "enabled", "id", "metainfo", "project_id", "tenant_id"], listsByName: false)
}

/// `openstack network flavor profile create` (`CreateNetworkFlavorProfile`): a driver or
/// meta-information, or both.
enum NetworkFlavorProfileCreate: OpenStackCommand {
  static let name = "network flavor profile create"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = ["--extra-property"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var attributes = NeutronAttributes(arguments)
    attributes.text("--description", "description")
    attributes.text("--driver", "driver")
    attributes.text("--metainfo", "metainfo")
    attributes.flags("--enable", "--disable", "enabled")
    if arguments.value("--driver") == nil, arguments.value("--metainfo") == nil {
      throw CommandFailure(message: "Either --driver or --metainfo or both are required")
    }
    let kind = NeutronResourceKind.serviceProfile
    return kind.show(try kind.create(attributes.fields, in: context), in: context)
  }
}

/// `openstack network flavor create` (`CreateNetworkFlavor`).
enum NetworkFlavorCreate: OpenStackCommand {
  static let name = "network flavor create"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = ["--extra-property"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var attributes = NeutronAttributes(arguments)
    attributes.fields["name"] = .string(arguments.value("<name>") ?? "")
    attributes.text("--service-type", "service_type")
    attributes.text("--description", "description")
    attributes.flags("--enable", "--disable", "enabled")
    try attributes.project(in: context)
    let kind = NeutronResourceKind.networkFlavor
    return kind.show(try kind.create(attributes.fields, in: context), in: context)
  }
}

/// `openstack network flavor add profile` (`AddNetworkFlavorToProfile`): the binding posted; the
/// SDK reads no status from its answer, so a refused binding passes in silence.
enum NetworkFlavorAddProfile: OpenStackCommand {
  static let name = "network flavor add profile"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let flavorID = try NeutronResourceKind.networkFlavor.findID(arguments.value("<flavor>") ?? "", in: context)
    let profileID = try NeutronResourceKind.serviceProfile.findID(arguments.value("<service-profile>") ?? "", in: context)
    _ = try context.api.send(
      APIRequest(.post, "/v2.0/flavors/\(flavorID)/service_profiles", body: .object(["service_profile": .object(["id": .string(profileID)])])),
      to: .network)
    return .nothing
  }
}
