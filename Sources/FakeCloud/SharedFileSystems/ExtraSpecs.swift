import CloudAPI
import Foundation

/// `manila.common.constants.ExtraSpecs` and the checks `manila/share/share_types.py` runs on them.
enum ExtraSpecs {
  static let driverHandlesShareServers = "driver_handles_share_servers"
  static let required = [driverHandlesShareServers]
  /// The standardised optional specs, which members see beside the required one.
  static let optional = [
    "snapshot_support", "create_share_from_snapshot_support", "revert_to_snapshot_support", "replication_type",
    "mount_snapshot_support", "mount_point_name_support", "snapshot_inherit_share_access_support",
    "availability_zones", "encryption_support", "provisioning:max_share_size", "provisioning:min_share_size",
    "provisioning:max_share_extend_size", "provisioning:mount_point_prefix", "default_qos_type",
  ]
  static let tenantVisible = Set(required + optional)
  /// `INFERRED_OPTIONAL_MAP`: what a member is told of a spec the type does not set (from 2.24;
  /// the last from 2.99).
  static let inferred = [
    "snapshot_support", "create_share_from_snapshot_support", "revert_to_snapshot_support", "mount_snapshot_support",
  ]
  static let inferredFrom299 = "snapshot_inherit_share_access_support"

  /// oslo's `bool_from_string(value, default=None)`: a boolean, or its text; nil for anything
  /// else.
  static func boolean(_ value: JSON) -> Bool? {
    switch value {
    case .bool(let flag): return flag
    case .string(let text): return StrictBool.parse(text)
    default: return nil
    }
  }

  /// `get_valid_required_extra_specs`' reason for refusing the specs, if any.
  static func requiredFault(_ specs: JSONObject) -> String? {
    guard let value = specs[driverHandlesShareServers] else {
      return "Required extra specs '\(driverHandlesShareServers)' not specified."
    }
    guard boolean(value) != nil else { return "Value of required extra_spec \(driverHandlesShareServers) is not valid" }
    return nil
  }

  /// `is_valid_optional_extra_spec`: nil for a spec that is not a standard optional one.
  static func isValidOptional(_ key: String, _ value: JSON) -> Bool? {
    switch key {
    case "snapshot_support", "create_share_from_snapshot_support", "revert_to_snapshot_support",
      "mount_snapshot_support", "mount_point_name_support", "snapshot_inherit_share_access_support":
      return boolean(value) != nil
    case "replication_type": return ["writable", "readable", "dr"].contains(value.string ?? "")
    case "encryption_support": return ["share", "share_server"].contains(value.string ?? "")
    case "availability_zones":
      return text(of: value).split(separator: ",", omittingEmptySubsequences: false)
        .allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    case "provisioning:mount_point_prefix", "default_qos_type":
      return value.string.map { $0.count < 256 } ?? false
    case "provisioning:max_share_size", "provisioning:min_share_size", "provisioning:max_share_extend_size":
      return PythonInt.parse(text(of: value)).map { $0 >= 1 } ?? false
    default: return nil
    }
  }

  /// The first standard optional spec whose value is not valid.
  static func invalidOptional(_ specs: JSONObject) -> String? {
    specs.first { isValidOptional($0.key, $0.value) == false }?.key
  }

  /// How the database keeps a value: booleans as `True`/`False`, text as given.
  static func stored(_ value: JSON) -> JSON {
    switch value {
    case .bool(let flag): return .string(flag ? "True" : "False")
    case .string: return value
    default: return .string(text(of: value))
    }
  }

  /// Python's `str()` of a JSON scalar.
  static func text(of value: JSON) -> String {
    switch value {
    case .string(let text): return text
    case .bool(let flag): return flag ? "True" : "False"
    case .int(let number): return String(number)
    case .null: return "None"
    default: return "\(value)"
    }
  }
}

/// `manila/scheduler/filters/extra_specs_ops.py` and `utils.capabilities_satisfied`: whether a
/// back end's capabilities satisfy a share type's extra specs.
enum CapabilityMatch {
  static func satisfied(_ capabilities: [String: String], by specs: JSONObject) -> Bool {
    for (key, requirement) in specs {
      if ["availability_zones", "capabilities:availability_zones", "default_qos_type"].contains(key) { continue }
      var scope = key.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
      // A scoped spec (vendor-specific) is not a capability, unless in the `capabilities` scope.
      if scope.count > 1 && scope[0] != "capabilities" { continue }
      if scope[0] == "capabilities" { scope.removeFirst() }
      guard scope.count == 1, let capability = capabilities[scope[0]] else { return false }
      guard match(capability, ExtraSpecs.text(of: requirement)) else { return false }
    }
    return true
  }

  /// `extra_specs_ops.match`: a capability reported as a boolean (`True`/`False`) compares as
  /// one; the operators `<is>`, `<in>`, `<or>`, `s==` ... and the numeric ones.
  static func match(_ capability: String, _ requirement: String) -> Bool {
    let isBoolean = ["true", "false"].contains(capability.lowercased())
    let value = capability.lowercased()
    var words = requirement.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
    guard let op = words.first, op == "<or>" || operators.keys.contains(op) else {
      // `value == bool_from_string(req, default=req)`: a text that is no boolean never matches.
      if isBoolean { return StrictBool.parse(requirement).map { $0 == (value == "true") } ?? false }
      return value == requirement.lowercased()
    }
    words.removeFirst()
    if op == "<or>" {
      // `<or> v1 <or> v2`: any of the values.
      return stride(from: 0, to: words.count, by: 2).contains { words[$0] == value }
    }
    guard let operand = words.first, let method = operators[op] else { return false }
    return method(value, operand)
  }

  private static let operators: [String: @Sendable (String, String) -> Bool] = [
    "=": { number($0, $1, >=) }, "==": { number($0, $1, ==) }, "!=": { number($0, $1, !=) },
    ">=": { number($0, $1, >=) }, "<=": { number($0, $1, <=) },
    "<in>": { $0.contains($1) },
    "<is>": { (StrictBool.parse($0) ?? false) == (StrictBool.parse($1) ?? false) },
    "s==": { $0 == $1 }, "s!=": { $0 != $1 }, "s<": { $0 < $1 }, "s<=": { $0 <= $1 }, "s>": { $0 > $1 },
    "s>=": { $0 >= $1 },
  ]

  /// `float(x) OP float(y)`; a value that is not a number fails the match.
  private static func number(_ left: String, _ right: String, _ compare: (Double, Double) -> Bool) -> Bool {
    guard let a = Double(left), let b = Double(right) else { return false }
    return compare(a, b)
  }
}
