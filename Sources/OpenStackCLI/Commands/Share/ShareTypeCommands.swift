import CloudAPI

/// `openstack share type list` (manilaclient `ListShareType`).
enum ShareTypeList: OpenStackCommand {
  static let name = "share type list"
  static let syntax = CommandSyntax(usage: RealUsage.shareTypeList, repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = ["--extra-specs"]
  static let attributes = [
    "id", "name", "visibility", "is_default", "required_extra_specs", "optional_extra_specs",
    "description",
  ]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let query = arguments.flag("--all") ? [(name: "is_public", value: "all")] : []
    let body = try context.call(.sharedFileSystem, APIRequest(.get, "/v2/types", query: query))
    let rows = (body["share_types"]?.array ?? []).map { ManilaFormat.row(formatted($0, in: context), attributes) }
    return .list(columns: attributes.map(ManilaFormat.header), rows: rows)
  }

  /// `format_share_type`: visibility from `share_type_access:is_public`, optional specs as the
  /// extra specs less the required ones; both spec columns as `key : value` lines in a table.
  static func formatted(_ type: JSON, in context: CommandContext) -> JSON {
    var fields = type.object
    let isPublic = fields.removeValue(forKey: "share_type_access:is_public") == .bool(true)
    let required = fields["required_extra_specs"] ?? .object([:])
    var optional = fields["extra_specs"]?.object ?? [:]
    for key in required.object.keys { optional.removeValue(forKey: key) }
    fields["visibility"] = .string(isPublic ? "public" : "private")
    fields["required_extra_specs"] = context.isTable ? ManilaFormat.properties(required) : required
    fields["optional_extra_specs"] = context.isTable ? ManilaFormat.properties(.object(optional)) : .object(optional)
    return .object(fields)
  }
}
