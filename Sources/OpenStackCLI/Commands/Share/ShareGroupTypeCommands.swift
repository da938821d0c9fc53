import CloudAPI

/// What the share group type commands share: the lookup, python-manilaclient's
/// `format_share_group_type` and its `ATTRIBUTES`.
enum ShareGroupTypes {
  static let attributes = ["id", "name", "share_types", "visibility", "is_default", "group_specs"]

  static func find(_ nameOrID: String, in context: CommandContext) throws -> JSON {
    try ManilaLookup.shareGroupType.find(nameOrID, in: context)
  }

  /// `find`, its failure wrapped as `set` and `unset` wrap it.
  static func findWrapped(_ nameOrID: String, in context: CommandContext) throws -> JSON {
    do { return try find(nameOrID, in: context) } catch let failure as CommandFailure {
      throw CommandFailure(message: "Failed to find the share group type with name or ID '\(nameOrID)': \(failure.message)")
    }
  }

  static func path(_ type: JSON) -> String { "/v2/share-group-types/\(type["id"]?.string ?? "")" }

  /// `format_share_group_type`: visibility from `is_public`; in a table the specs as
  /// `key : value` lines and the share type IDs one a line.
  static func formatted(_ type: JSON, in context: CommandContext) -> JSON {
    var fields = type.object
    let isPublic = fields.removeValue(forKey: "is_public")
    fields["visibility"] = .string(isPublic == .bool(true) ? "public" : "private")
    if context.isTable {
      fields["group_specs"] = ManilaFormat.properties(fields["group_specs"] ?? .object([:]))
      fields["share_types"] = .string((fields["share_types"]?.array ?? []).map { $0.string ?? "" }.joined(separator: "\n"))
    }
    return .object(fields)
  }

  static func shown(_ type: JSON, in context: CommandContext) -> CommandOutput {
    .show(JSONObject(uniqueKeys: attributes, values: ManilaFormat.row(formatted(type, in: context), attributes)), names: .list)
  }

  /// `extract_group_specs`.
  static func specs(_ items: [String]) throws -> JSONObject {
    var specs: JSONObject = [:]
    try ManilaExtraSpecs.extract(items, into: &specs, booleans: ManilaExtraSpecs.groupBooleans)
    return specs
  }
}

/// `openstack share group type create` (admin): the share types found by name or ID and sent
/// by name.
enum ShareGroupTypeCreate: OpenStackCommand {
  static let name = "share group type create"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var names: [JSON] = []
    for nameOrID in arguments.values("<share-types>") {
      do {
        names.append(try ManilaLookup.shareType.find(nameOrID, in: context)["name"] ?? .null)
      } catch let failure as CommandFailure {
        throw CommandFailure(message: "Failed to find the share type with name or ID '\(nameOrID)': \(failure.message)")
      }
    }
    // An empty `--public` leaves the manager's default, False.
    let publicText = arguments.value("--public") ?? "True"
    let isPublic = publicText.isEmpty ? false : OsloBool.lenient(publicText, default: true)
    let type: JSONObject = [
      "name": .string(arguments.value("<name>") ?? ""), "is_public": .bool(isPublic),
      "group_specs": .object(try ShareGroupTypes.specs(arguments.values("--group-specs"))), "share_types": .array(names),
    ]
    let body = try context.call(
      .sharedFileSystem, APIRequest(.post, "/v2/share-group-types", body: .object(["share_group_type": .object(type)])))
    return ShareGroupTypes.shown(body["share_group_type"] ?? .null, in: context)
  }
}

/// `openstack share group type list`: public types, or all with `--all` (admin).
enum ShareGroupTypeList: OpenStackCommand {
  static let name = "share group type list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let specs = try ShareGroupTypes.specs(arguments.values("--group-specs"))
    let query = ManilaFormat.query([
      ("is_public", arguments.flag("--all") ? "all" : nil),
      ("group_specs", ManilaFormat.dictRepr(specs.map { ($0.key, $0.value.string ?? "") })),
    ])
    let body = try context.call(.sharedFileSystem, APIRequest(.get, "/v2/share-group-types", query: query))
    let rows = (body["share_group_types"]?.array ?? []).map {
      ManilaFormat.row(ShareGroupTypes.formatted($0, in: context), ShareGroupTypes.attributes)
    }
    return .list(columns: ShareGroupTypes.attributes.map(ManilaFormat.header), rows: rows)
  }
}

/// `openstack share group type show`: found, then fetched again by ID.
enum ShareGroupTypeShow: OpenStackCommand {
  static let name = "share group type show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let type = try ShareGroupTypes.find(arguments.value("<share-group-type>") ?? "", in: context)
    let body = try context.call(.sharedFileSystem, APIRequest(.get, ShareGroupTypes.path(type)))
    return ShareGroupTypes.shown(body["share_group_type"] ?? .null, in: context)
  }
}

/// `openstack share group type set`: the group specs in one request.
enum ShareGroupTypeSet: OpenStackCommand {
  static let name = "share group type set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let type = try ShareGroupTypes.findWrapped(arguments.value("<share-group-type>") ?? "", in: context)
    let items = arguments.values("--group-specs")
    guard !items.isEmpty else { return .nothing }
    let specs = try ShareGroupTypes.specs(items)
    do {
      _ = try context.call(
        .sharedFileSystem,
        APIRequest(.post, ShareGroupTypes.path(type) + "/group-specs", body: .object(["group_specs": .object(specs)])))
    } catch let failure as CommandFailure {
      throw CommandFailure(message: "Failed to set share group type key: \(failure.message)")
    }
    return .nothing
  }
}

/// `openstack share group type unset`: each key deleted in turn; the first failure ends it.
enum ShareGroupTypeUnset: OpenStackCommand {
  static let name = "share group type unset"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let type = try ShareGroupTypes.findWrapped(arguments.value("<share-group-type>") ?? "", in: context)
    for key in arguments.values("<key>") {
      do {
        _ = try context.call(.sharedFileSystem, APIRequest(.delete, ShareGroupTypes.path(type) + "/group-specs/\(key)"))
      } catch let failure as CommandFailure {
        throw CommandFailure(message: "Failed to remove share type group extra spec: \(failure.message)")
      }
    }
    return .nothing
  }
}

enum ShareGroupTypeDelete: OpenStackCommand {
  static let name = "share group type delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try DeleteEach(
      failure: { "Failed to delete share group type with name or ID '\($0)': \($1)" },
      summary: { "\($0) of \($1) share group types failed to delete." }
    ).run(arguments.values("<share-group-types>")) { name in
      let type = try ShareGroupTypes.find(name, in: context)
      _ = try context.call(.sharedFileSystem, APIRequest(.delete, ShareGroupTypes.path(type)))
      return true
    }
    return .nothing
  }
}

/// `share group type access create` and `delete`: each project found in Keystone, then one
/// action on the type; failures logged (naming the type by its repr), then counted.
struct ShareGroupTypeAccessAction {
  var action: String
  /// `allow`, `deny`.
  var verb: String

  func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let type = try ShareGroupTypes.find(arguments.value("<share-group-type>") ?? "", in: context)
    let projects = arguments.values("<project>")
    var log = ""
    var failures = 0
    for project in projects {
      do {
        let id = try IdentityLookup.project.keystoneID(project, domain: arguments.value("--project-domain"), in: context)
        let body: JSON = .object([action: .object(["project": .string(id)])])
        _ = try context.call(.sharedFileSystem, APIRequest(.post, ShareGroupTypes.path(type) + "/action", body: body))
      } catch let failure as CommandFailure {
        failures += 1
        log +=
          "Failed to \(verb) access for project '\(project)' to share group type with name or ID "
          + "'<Share Group Type: \(type["name"]?.string ?? "")>': \(failure.message)\n"
      }
    }
    if failures > 0 {
      throw CommandFailure(message: log + "Failed to \(verb) access to \(failures) of \(projects.count) projects")
    }
    return .nothing
  }
}

enum ShareGroupTypeAccessCreate: OpenStackCommand {
  static let name = "share group type access create"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ShareGroupTypeAccessAction(action: "addProjectAccess", verb: "allow").run(arguments, in: context)
  }
}

enum ShareGroupTypeAccessDelete: OpenStackCommand {
  static let name = "share group type access delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ShareGroupTypeAccessAction(action: "removeProjectAccess", verb: "deny").run(arguments, in: context)
  }
}

/// `openstack share group type access list`: the projects of a private type.
enum ShareGroupTypeAccessList: OpenStackCommand {
  static let name = "share group type access list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let type = try ShareGroupTypes.find(arguments.value("<share-group-type>") ?? "", in: context)
    if type["is_public"] == .bool(true) {
      throw CommandFailure(message: "Forbidden to get access list for public share group type.")
    }
    let body = try context.call(.sharedFileSystem, APIRequest(.get, ShareGroupTypes.path(type) + "/access"))
    let rows = (body["share_group_type_access"]?.array ?? []).map { ManilaFormat.row($0, ["project_id"]) }
    return .list(columns: ["Project ID"], rows: rows)
  }
}
