import CloudAPI

/// The attributes a network command sends (the client's `_get_attrs`), gathered from its options.
struct NeutronAttributes {
  var fields = JSONObject()
  let arguments: ParsedArguments

  init(_ arguments: ParsedArguments) { self.arguments = arguments }

  /// The option's value as the attribute, when given.
  mutating func text(_ option: String, _ key: String) {
    if let value = arguments.value(option) { fields[key] = .string(value) }
  }

  /// A pair of flags as one boolean attribute: `yes` true, `no` false, neither nothing.
  mutating func flags(_ yes: String, _ no: String, _ key: String) {
    if arguments.flag(yes) { fields[key] = true }
    if arguments.flag(no) { fields[key] = false }
  }

  /// The project `--project` (with `--project-domain`) names, found as openstacksdk finds it.
  mutating func project(in context: CommandContext, key: String = "project_id") throws {
    if let project = try IdentityLookup.project.id(
      "--project", domain: "--project-domain", in: arguments, context: context, sdk: true)
    {
      fields[key] = .string(project)
    }
  }

  /// A resource another option names (`--network private`), by its ID.
  mutating func reference(_ option: String, _ key: String, _ kind: NeutronResourceKind, in context: CommandContext) throws {
    if let name = arguments.value(option) { fields[key] = .string(try kind.findID(name, in: context)) }
  }
}

/// osc-lib's tag options (`--tag`, `--no-tag`; `--all-tag` to unset).
enum NeutronTagOptions {
  /// After a create or a set: the tags given added (or all replaced, with `--no-tag`).
  static func set(_ record: JSON, _ kind: NeutronResourceKind, _ arguments: ParsedArguments, in context: CommandContext) throws -> JSON {
    try kind.updateTags(record, add: arguments.values("--tag"), clear: arguments.flag("--no-tag"), in: context)
  }

  /// After an unset: the tags given removed (or all, with `--all-tag`).
  static func unset(_ record: JSON, _ kind: NeutronResourceKind, _ arguments: ParsedArguments, in context: CommandContext) throws {
    _ = try kind.updateTags(record, add: [], clear: arguments.flag("--all-tag"), remove: arguments.values("--tag"), in: context)
  }
}
