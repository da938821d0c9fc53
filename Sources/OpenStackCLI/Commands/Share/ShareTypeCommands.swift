import CloudAPI
import Foundation

/// `openstack share type list` (manilaclient `ListShareType`).
enum ShareTypeList: OpenStackCommand {
  static let name = "share type list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []
  static let attributes = [
    "id", "name", "visibility", "is_default", "required_extra_specs", "optional_extra_specs",
    "description",
  ]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var options: [(String, String?)] = [("is_public", arguments.flag("--all") ? "all" : nil)]
    let items = arguments.values("--extra-specs")
    if !items.isEmpty {
      guard try context.api.negotiatedShareVersion() >= Microversion(2, 43) else {
        throw CommandFailure(message: "Filtering by 'extra_specs' is available only with API microversion '2.43' and above.")
      }
      var specs: JSONObject = [:]
      try ManilaExtraSpecs.extract(items, into: &specs)
      options.append(("extra_specs", ManilaFormat.dictRepr(specs.map { ($0.key, $0.value.string ?? "") })))
    }
    let query = ManilaFormat.query(options)
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

/// `share type show` and what `share type create` prints: `format_share_type`'s fields.
extension ShareTypeList {
  static func shown(_ type: JSON, in context: CommandContext) -> CommandOutput {
    let fields = formatted(type, in: context)
    return .show(JSONObject(uniqueKeys: attributes, values: ManilaFormat.row(fields, attributes)), names: .list)
  }
}

/// python-manilaclient's `utils.extract_extra_specs`: `key=value` items, the boolean specs
/// checked with oslo's `is_valid_boolstr` and capitalised, a key given twice refused.
enum ManilaExtraSpecs {
  static let booleans = [
    "snapshot_support", "create_share_from_snapshot_support", "revert_to_snapshot_support", "mount_snapshot_support",
  ]

  /// `GROUP_BOOL_SPECS`: the boolean group specs of share group types.
  static let groupBooleans = ["consistent_snapshot_support"]

  static func extract(_ items: [String], into specs: inout JSONObject, booleans: [String] = booleans) throws {
    for item in items {
      guard let equals = item.firstIndex(of: "=") else {
        throw CommandFailure(message: "Wrong format: specs should be key=value pairs.")
      }
      let key = String(item[..<equals])
      let value = String(item[item.index(after: equals)...])
      if specs[key] != nil { throw CommandFailure(message: "Argument '\(key)' value specified twice.") }
      if booleans.contains(key) {
        guard ["true", "false", "yes", "no", "y", "n", "1", "0", "on", "off", "t", "f"].contains(value.lowercased()) else {
          throw CommandFailure(message: "Argument '\(key)' is of boolean type and has invalid value: \(value)")
        }
        specs[key] = .string(value.prefix(1).uppercased() + value.dropFirst().lowercased())
      } else {
        specs[key] = .string(value)
      }
    }
  }
}

/// `openstack share type create` (manilaclient `CreateShareType`, admin).
enum ShareTypeCreate: OpenStackCommand {
  static let name = "share type create"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let dhssText = arguments.value("<spec_driver_handles_share_servers>") ?? ""
    guard let handlesServers = OsloBool.strict(dhssText) else {
      throw CommandFailure(
        message: "Argument spec_driver_handles_share_servers argument is not valid: \(OsloBool.unrecognized(dhssText))")
    }
    let version = try context.api.negotiatedShareVersion()
    let description = arguments.value("--description").flatMap { $0.isEmpty ? nil : $0 }
    if description != nil && version < Microversion(2, 41) {
      throw CommandFailure(message: "Adding description to share type is only available with API microversion >= 2.41")
    }
    // `--public` defaults to True; an empty value leaves the manager's default, True.
    let isPublic = arguments.value("--public").map { $0.isEmpty ? true : OsloBool.lenient($0, default: true) } ?? true
    var specs: JSONObject = [:]
    for item in arguments.values("--extra-specs") {
      guard let equals = item.firstIndex(of: "=") else {
        // The client unpacks `item.split('=', 1)` itself first.
        throw CommandFailure(message: "not enough values to unpack (expected 2, got 1)")
      }
      if item[..<equals] == "driver_handles_share_servers" {
        throw CommandFailure(message: "'driver_handles_share_servers' is already set via positional argument.")
      }
      try ManilaExtraSpecs.extract([item], into: &specs)
    }
    for key in ManilaExtraSpecs.booleans {
      guard let value = arguments.value("--" + key.replacingEvery("_", with: "-")), !value.isEmpty else { continue }
      try ManilaExtraSpecs.extract(["\(key)=\(value)"], into: &specs)
    }
    specs["driver_handles_share_servers"] = .bool(handlesServers)
    // Before 2.24 the manager sets snapshot_support when it is not given.
    if version < Microversion(2, 24) && specs["snapshot_support"] == nil { specs["snapshot_support"] = true }
    var type: JSONObject = ["name": .string(arguments.value("<name>") ?? "")]
    type[version < Microversion(2, 7) ? "os-share-type-access:is_public" : "share_type_access:is_public"] = .bool(isPublic)
    type["extra_specs"] = .object(specs)
    if version >= Microversion(2, 41), let description { type["description"] = .string(description) }
    let body = try context.call(.sharedFileSystem, APIRequest(.post, "/v2/types", body: .object(["share_type": .object(type)])))
    return ShareTypeList.shown(body["share_type"] ?? .null, in: context)
  }
}

/// `openstack share type show`.
enum ShareTypeShow: OpenStackCommand {
  static let name = "share type show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    ShareTypeList.shown(try ManilaLookup.shareType.find(arguments.value("<share_type>") ?? "", in: context), in: context)
  }
}

/// `openstack share type set`: name, description and visibility (2.50) in one update, then the
/// extra specs.
enum ShareTypeSet: OpenStackCommand {
  static let name = "share type set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let type = try ManilaLookup.shareType.find(arguments.value("<share_type>") ?? "", in: context)
    let path = "/v2/types/\(type["id"]?.string ?? "")"
    let canUpdate = try context.api.negotiatedShareVersion() >= Microversion(2, 50)
    var update: JSONObject = [:]
    for (option, what) in [("--name", "name"), ("--description", "description"), ("--public", "visibility")] {
      guard let value = arguments.value(option) else { continue }
      guard canUpdate else {
        let subject = what == "visibility" ? "Setting visibility to share type" : "Setting (new) \(what) to share type"
        throw CommandFailure(message: "\(subject) is only available with API microversion >= 2.50")
      }
      update[what == "visibility" ? "share_type_access:is_public" : what] =
        what == "visibility" ? .bool(OsloBool.lenient(value, default: true)) : .string(value)
    }
    if !update.isEmpty {
      // `_do_update`: the name when not empty, the visibility, the description even when empty.
      var body: JSONObject = [:]
      if let name = update["name"], name != "" { body["name"] = name }
      body["share_type_access:is_public"] = update["share_type_access:is_public"]
      body["description"] = update["description"]
      _ = try context.call(.sharedFileSystem, APIRequest(.put, path, body: .object(["share_type": .object(body)])))
    }
    let items = arguments.values("--extra-specs")
    if !items.isEmpty {
      var specs: JSONObject = [:]
      try ManilaExtraSpecs.extract(items, into: &specs)
      do {
        _ = try context.call(.sharedFileSystem, APIRequest(.post, path + "/extra_specs", body: .object(["extra_specs": .object(specs)])))
      } catch let failure as CommandFailure {
        throw CommandFailure(message: "Failed to set share type key: \(failure.message)")
      }
    }
    return .nothing
  }
}

/// `openstack share type unset`: each key deleted in turn; the first failure ends it.
enum ShareTypeUnset: OpenStackCommand {
  static let name = "share type unset"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let type = try ManilaLookup.shareType.find(arguments.value("<share_type>") ?? "", in: context)
    for key in arguments.values("<key>") {
      do {
        _ = try context.call(.sharedFileSystem, APIRequest(.delete, "/v2/types/\(type["id"]?.string ?? "")/extra_specs/\(key)"))
      } catch let failure as CommandFailure {
        throw CommandFailure(message: "Failed to remove share type extra spec: \(failure.message)")
      }
    }
    return .nothing
  }
}

/// `openstack share type delete`.
enum ShareTypeDelete: OpenStackCommand {
  static let name = "share type delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try DeleteEach(
      failure: { "Failed to delete share type with name or ID '\($0)': \($1)" },
      summary: { "\($0) of \($1) share types failed to delete." }
    ).run(arguments.values("<share_types>")) { name in
      let type = try ManilaLookup.shareType.find(name, in: context)
      _ = try context.call(.sharedFileSystem, APIRequest(.delete, "/v2/types/\(type["id"]?.string ?? name)"))
      return true
    }
    return .nothing
  }
}

/// `share type access create` and `delete`: one action on the type, its failure wrapped.
struct ShareTypeAccessAction {
  var action: String
  var failure: String

  func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let type = try ManilaLookup.shareType.find(arguments.value("<share_type>") ?? "", in: context)
    let body: JSON = .object([action: .object(["project": .string(arguments.value("<project_id>") ?? "")])])
    do {
      _ = try context.call(.sharedFileSystem, APIRequest(.post, "/v2/types/\(type["id"]?.string ?? "")/action", body: body))
    } catch let error as CommandFailure {
      throw CommandFailure(message: "\(failure) : \(error.message)")
    }
    return .nothing
  }
}

enum ShareTypeAccessCreate: OpenStackCommand {
  static let name = "share type access create"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ShareTypeAccessAction(action: "addProjectAccess", failure: "Failed to add access to share type").run(arguments, in: context)
  }
}

enum ShareTypeAccessDelete: OpenStackCommand {
  static let name = "share type access delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ShareTypeAccessAction(action: "removeProjectAccess", failure: "Failed to remove access from share type")
      .run(arguments, in: context)
  }
}

/// `openstack share type access list`: the projects of a private type.
enum ShareTypeAccessList: OpenStackCommand {
  static let name = "share type access list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let type = try ManilaLookup.shareType.find(arguments.value("<share_type>") ?? "", in: context)
    if type["share_type_access:is_public"] == .bool(true) {
      throw CommandFailure(message: "Forbidden to get access list for public share type.")
    }
    let id = type["id"]?.string ?? ""
    let legacy = try context.api.negotiatedShareVersion() < Microversion(2, 7)
    // Below 2.7 the manager reads the old key, and has nothing to list for a public type.
    if legacy && type["os-share-type-access:is_public"] == .bool(true) {
      throw CommandFailure(message: "'NoneType' object is not iterable")
    }
    let path = "/v2/types/\(id)/" + (legacy ? "os-share-type-access" : "share_type_access")
    let body = try context.call(.sharedFileSystem, APIRequest(.get, path))
    return .list(columns: ["Project ID"], rows: (body["share_type_access"]?.array ?? []).map { ManilaFormat.row($0, ["project_id"]) })
  }
}

/// oslo's `strutils.bool_from_string`.
enum OsloBool {
  static let trueStrings = ["1", "t", "true", "on", "y", "yes"]
  static let falseStrings = ["0", "f", "false", "off", "n", "no"]

  /// `strict=True`: nil for a text that is neither.
  static func strict(_ text: String) -> Bool? {
    let lowered = text.trimmingCharacters(in: .whitespaces).lowercased()
    return trueStrings.contains(lowered) ? true : falseStrings.contains(lowered) ? false : nil
  }

  static func lenient(_ text: String, default fallback: Bool) -> Bool { strict(text) ?? fallback }

  /// The `ValueError` text `strict=True` raises.
  static func unrecognized(_ text: String) -> String {
    let acceptable = (trueStrings + falseStrings).sorted().map { "'\($0)'" }.joined(separator: ", ")
    return "Unrecognized value \(PythonText.repr(text)), acceptable values are: \(acceptable)"
  }
}
