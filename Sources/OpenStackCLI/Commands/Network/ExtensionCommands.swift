import CloudAPI

/// `openstack extension list` (`ListExtension`) for the network API: the extensions Neutron
/// loads, by name, alias and description (`--long`: namespace, update time, links).
enum ExtensionList: OpenStackCommand {
  static let name = "extension list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  /// The other services' extension lists are not modelled; without `--network` the client asks
  /// every service, so the bare command is refused with them (`--network` stands alone).
  static let refusedOptions: Set<String> = ["--compute", "--identity", "--volume"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    guard arguments.flag("--network") else {
      throw NotEmulated(what: "without --network")
    }
    var columns = ["Name", "Alias", "Description"]
    // `get_item_properties` reads each column as the attribute of its lower-cased name.
    var fields = ["name", "alias", "description"]
    if arguments.flag("--long") {
      columns += ["Namespace", "Updated At", "Links"]
      fields += ["namespace", "updated", "links"]
    }
    let extensions = try NeutronResourceKind.extensionKind.list([], in: context)
    return .list(
      columns: columns,
      rows: extensions.map { item in fields.map { $0 == "namespace" ? "" : item[$0] ?? .null } }, names: .tuple)
  }
}
