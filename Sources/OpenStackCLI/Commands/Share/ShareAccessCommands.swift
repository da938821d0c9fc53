import CloudAPI
import Foundation

/// What the share access commands share: `ACCESS_RULE_ATTRIBUTES`, the rule's metadata as
/// `key : value` lines (whatever the format), and `extract_properties`.
enum ShareAccessRule {
  static let attributes = [
    "id", "share_id", "access_level", "access_to", "access_type", "state", "access_key", "created_at", "updated_at",
    "properties",
  ]

  static func shown(_ rule: JSON) -> CommandOutput {
    var fields = rule.object
    fields["properties"] = ManilaFormat.properties(fields.removeValue(forKey: "metadata") ?? .object([:]))
    return .show(JSONObject(uniqueKeys: attributes, values: ManilaFormat.row(.object(fields), attributes)), names: .list)
  }

  /// python-manilaclient's `utils.extract_properties`.
  static func properties(_ items: [String]) throws -> JSONObject {
    var result: JSONObject = [:]
    for item in items {
      guard let equals = item.firstIndex(of: "=") else {
        throw CommandFailure(message: "Parsing error, expected format 'key=value' for " + item)
      }
      let key = String(item[..<equals])
      if result[key] != nil { throw CommandFailure(message: "Argument '\(key)' is specified twice.") }
      result[key] = .string(String(item[item.index(after: equals)...]))
    }
    return result
  }

  /// `ShareAccessRuleManager.get`, which starts at 2.45.
  static let manager = ManilaManager(
    qualifiedName: "manilaclient.v2.share_access_rules.ShareAccessRuleManager", minimumVersion: Microversion(2, 45))
}

/// `openstack share access create`: the rule checked as the client checks it, then
/// `allow_access` (with its deletion and visibility locks from 2.82); every failure after the
/// share's lookup is wrapped with the share.
enum ShareAccessCreate: OpenStackCommand {
  static let name = "share access create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating,
    types: ["--access-level": .choices(["rw", "ro"])])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let share = try ManilaLookup.share.find(arguments.value("<share>") ?? "", in: context)
    let shareID = share["id"]?.string ?? ""
    let version = try context.api.negotiatedShareVersion()
    var locks: JSONObject = [:]
    if arguments.flag("--lock-visibility") { locks["lock_visibility"] = .bool(true) }
    if arguments.flag("--lock-deletion") { locks["lock_deletion"] = .bool(true) }
    if let reason = arguments.value("--lock-reason"), !reason.isEmpty { locks["lock_reason"] = .string(reason) }
    if !locks.isEmpty, version < Microversion(2, 82) {
      throw CommandFailure(message: "Restricted access rules are only available starting from API version 2.82.")
    }
    if locks["lock_reason"] != nil, locks["lock_visibility"] == nil, locks["lock_deletion"] == nil {
      throw CommandFailure(message: "Lock reason can only be set while locking the deletion or visibility.")
    }
    var properties: JSONObject = [:]
    let items = arguments.values("--properties")
    if !items.isEmpty {
      guard version >= Microversion(2, 45) else {
        throw CommandFailure(message: "Adding properties to access rules is supported only with API microversion 2.45 and beyond")
      }
      properties = try ShareAccessRule.properties(items)
    }
    do {
      let type = arguments.value("<access_type>") ?? ""
      let to = arguments.value("<access_to>") ?? ""
      try validate(type: type, to: to, version: version)
      var access: JSONObject = ["access_type": .string(type), "access_to": .string(to)]
      if let level = arguments.value("--access-level") { access["access_level"] = .string(level) }
      if version >= Microversion(2, 45) && !properties.isEmpty { access["metadata"] = .object(properties) }
      for (key, value) in locks { access[key] = value }
      let action = version < Microversion(2, 7) ? "os-allow_access" : "allow_access"
      let body = try context.call(
        .sharedFileSystem, APIRequest(.post, "/v2/shares/\(shareID)/action", body: .object([action: .object(access)])))
      var rule = body["access"] ?? .null
      if arguments.flag("--wait") {
        let path = "/v2/share-access-rules/\(rule["id"]?.string ?? "")"
        try ShareAccessRule.manager.require("get", in: context)
        if !(try context.waitForStatus(path, member: "access", field: "state", success: ["active"])) {
          context.log("ERROR: Share access rule is in error state.")
        }
        rule = try context.call(.sharedFileSystem, APIRequest(.get, path))["access"] ?? .null
      }
      return ShareAccessRule.shown(rule)
    } catch let failure as CommandFailure {
      throw CommandFailure(message: "Failed to create access to share '<Share: \(shareID)>': \(failure.message)")
    }
  }

  /// `ShareManager._validate_access` at the negotiated microversion.
  static func validate(type: String, to: String, version: Microversion) throws {
    let types = version < Microversion(2, 13) ? ["ip", "user", "cert"] : ["ip", "user", "cert", "cephx"]
    guard types.contains(type) else {
      throw CommandFailure(message: "Only following access types are supported: " + types.joined(separator: ", "))
    }
    let fault: String?
    switch type {
    case "ip": fault = PythonIPNetwork.error(to)
    case "user": fault = UserName.fault(to)
    case "cert":
      let count = PythonText.strip(to).unicodeScalars.count
      fault = count == 0 || count > 64 ? "Invalid CN (common name). Must be 1-64 chars long." : nil
    default:
      let id = PythonText.strip(to)
      if id.isEmpty {
        fault = "Ceph IDs may not be empty."
      } else if !id.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) || (0x09...0x0D).contains($0.value) }) {
        fault = "Ceph IDs must consist of ASCII printable characters."
      } else {
        fault = id.contains(".") ? "Ceph IDs may not contain periods." : nil
      }
    }
    if let fault { throw CommandFailure(message: fault) }
  }
}

/// `openstack share access list`: from 2.45 the rules' API with its filters, before it the
/// share's `access_list` action; more columns at 2.21 and 2.33.
enum ShareAccessList: OpenStackCommand {
  static let name = "share access list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let share = try ManilaLookup.share.find(arguments.value("<share>") ?? "", in: context)
    let shareID = share["id"]?.string ?? ""
    let version = try context.api.negotiatedShareVersion()
    let filters = ["--access-type", "--access-key", "--access-to", "--access-level"].map { option in
      (String(option.dropFirst(2)).replacingEvery("-", with: "_"), arguments.value(option))
    }
    if filters.contains(where: { !($0.1 ?? "").isEmpty }) && version < Microversion(2, 82) {
      throw CommandFailure(
        message:
          "Filtering access rules by access_type, access_key, access_to and access_level is available starting from API version 2.82."
      )
    }
    let items = arguments.values("--properties")
    let rules: [JSON]
    if version >= Microversion(2, 45) {
      var options = version >= Microversion(2, 82) ? filters : []
      // Properties replace the other filters, as the client builds them.
      if !items.isEmpty {
        let properties = try ShareAccessRule.properties(items)
        options = [("metadata", ManilaFormat.dictRepr(properties.map { ($0.key, $0.value.string ?? "") }))]
      }
      options.append(("share_id", shareID))
      let body = try context.call(
        .sharedFileSystem, APIRequest(.get, "/v2/share-access-rules", query: ManilaFormat.query(options)))
      rules = body["access_list"]?.array ?? []
    } else if !items.isEmpty {
      throw CommandFailure(message: "Filtering access rules by properties is supported only with API microversion 2.45 and beyond.")
    } else {
      let action = version < Microversion(2, 7) ? "os-access_list" : "access_list"
      let body = try context.call(
        .sharedFileSystem, APIRequest(.post, "/v2/shares/\(shareID)/action", body: .object([action: .null])))
      rules = body["access_list"]?.array ?? []
    }
    var columns = ["ID", "Access Type", "Access To", "Access Level", "State"]
    if version >= Microversion(2, 21) { columns.append("Access Key") }
    if version >= Microversion(2, 33) { columns += ["Created At", "Updated At"] }
    let keys = columns.map(ManilaFormat.key(ofColumn:))
    return .list(columns: columns, rows: rules.map { ManilaFormat.row($0, keys) })
  }
}

/// `openstack share access show` (2.45).
enum ShareAccessShow: OpenStackCommand {
  static let name = "share access show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    guard try context.api.negotiatedShareVersion() >= Microversion(2, 45) else {
      throw CommandFailure(message: "Displaying share access rule details is only available with API microversion 2.45 and higher.")
    }
    let id = arguments.value("<access_id>") ?? ""
    return ShareAccessRule.shown(try context.call(.sharedFileSystem, APIRequest(.get, "/v2/share-access-rules/\(id)"))["access"] ?? .null)
  }
}

/// `openstack share access delete`: `deny_access` (`--unrestrict` from 2.82 drops the rule's
/// deletion locks), then with `--wait` until the rule is gone.
enum ShareAccessDelete: OpenStackCommand {
  static let name = "share access delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let name = arguments.value("<share>") ?? ""
    let share = try ManilaLookup.share.find(name, in: context)
    let id = arguments.value("<id>") ?? ""
    let version = try context.api.negotiatedShareVersion()
    let unrestrict = arguments.flag("--unrestrict")
    if unrestrict, version < Microversion(2, 82) {
      throw CommandFailure(message: "Restricted access rules are only available starting from API version 2.82.")
    }
    do {
      let action = version < Microversion(2, 7) ? "os-deny_access" : "deny_access"
      var request: JSONObject = ["access_id": .string(id)]
      if unrestrict { request["unrestrict"] = .bool(true) }
      let body: JSON = .object([action: .object(request)])
      _ = try context.call(.sharedFileSystem, APIRequest(.post, "/v2/shares/\(share["id"]?.string ?? "")/action", body: body))
      if arguments.flag("--wait") {
        try ShareAccessRule.manager.require("get", in: context)
        guard try context.waitForDelete("/v2/share-access-rules/\(id)", member: "access") else {
          throw CommandFailure(message: "timed out while waiting for deletion")
        }
      }
    } catch let failure as CommandFailure {
      throw CommandFailure(message: "Failed to delete share access rule \(id) for share \(name): \(failure.message)")
    }
    return .nothing
  }
}

/// `openstack share access set`: properties (2.45) merged into the rule's, then the access level
/// (2.88).
enum ShareAccessSet: OpenStackCommand {
  static let name = "share access set"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: ["--property"],
    types: ["--property": .keyValue, "--access-level": .choices(["rw", "ro"])])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let properties = OSCLib.keyValues(arguments.values("--property"))
    let version = try context.api.negotiatedShareVersion()
    if !properties.isEmpty && version < Microversion(2, 45) {
      throw CommandFailure(message: "Setting properties to access rule is supported only with API microversion 2.45 and higher")
    }
    let level = arguments.value("--access-level").flatMap { $0.isEmpty ? nil : $0 }
    if level != nil && version < Microversion(2, 88) {
      throw CommandFailure(message: "Setting access level to access rule is supported only with API microversion 2.88 and higher")
    }
    try ShareAccessRule.manager.require("get", in: context)
    let id = arguments.value("<access_id>") ?? ""
    let rule = try context.call(.sharedFileSystem, APIRequest(.get, "/v2/share-access-rules/\(id)"))["access"] ?? .null
    let ruleID = rule["id"]?.string ?? id
    if !properties.isEmpty {
      let metadata = JSONObject(uniqueKeysWithValues: properties.map { ($0.key, JSON.string($0.value)) })
      do {
        _ = try context.call(
          .sharedFileSystem,
          APIRequest(.put, "/v2/share-access-rules/\(ruleID)/metadata", body: .object(["metadata": .object(metadata)])))
      } catch let failure as CommandFailure {
        throw CommandFailure(message: "Failed to set properties to share access rule with ID '\(ruleID)': \(failure.message)")
      }
    }
    if let level {
      do {
        _ = try context.call(
          .sharedFileSystem,
          APIRequest(.put, "/v2/share-access-rules/\(ruleID)", body: .object(["update_access": .object(["access_level": .string(level)])])))
      } catch let failure as CommandFailure {
        throw CommandFailure(message: "Failed to set access level to share access rule with ID '\(ruleID)': \(failure.message)")
      }
    }
    return .nothing
  }
}

/// `openstack share access unset --property KEY`: each key removed in turn.
enum ShareAccessUnset: OpenStackCommand {
  static let name = "share access unset"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--property"])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    guard try context.api.negotiatedShareVersion() >= Microversion(2, 45) else {
      throw CommandFailure(message: "Option to unset properties of access rule is available only for API microversion 2.45 and higher")
    }
    let id = arguments.value("<access_id>") ?? ""
    let rule = try context.call(.sharedFileSystem, APIRequest(.get, "/v2/share-access-rules/\(id)"))["access"] ?? .null
    let ruleID = rule["id"]?.string ?? id
    let keys = arguments.values("--property")
    guard !keys.isEmpty else { throw CommandFailure(message: "Please specify '--property <key>' to unset a property. ") }
    do {
      for key in keys {
        _ = try context.call(.sharedFileSystem, APIRequest(.delete, "/v2/share-access-rules/\(ruleID)/metadata/\(key)"))
      }
    } catch let failure as CommandFailure {
      throw CommandFailure(message: "Failed to unset properties for share access rule with ID '\(ruleID)': \(failure.message)")
    }
    return .nothing
  }
}
