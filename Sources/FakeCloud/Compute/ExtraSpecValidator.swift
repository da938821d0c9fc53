import CloudAPI
import Foundation

/// One of Nova's flavor extra-spec validators (`nova/api/validation/extra_specs/base.py`): the
/// name it is registered under (with `{parameter}`s), the regular expression the name is matched
/// by, and what the value must be. The registry is generated from Nova's own modules
/// (`ExtraSpecRegistry.swift`); from microversion 2.86 Nova checks every extra spec it is given.
struct ExtraSpecValidator: Sendable {
  enum Value: Sendable {
    /// Python's `int()`, within the bounds.
    case int(minimum: Int?, maximum: Int?)
    /// oslo's strict `bool_from_string`.
    case bool
    /// `re.fullmatch` of the pattern.
    case pattern(String)
    case oneOf([String])
    /// Any text.
    case text
  }

  let name: String
  let regex: String
  let value: Value
  /// The name's text before its first parameter and after its last: a name that does not start
  /// and end with them cannot match, which spares compiling the expression of most validators.
  private let head: Substring
  private let tail: Substring

  init(name: String, regex: String? = nil, value: Value) {
    self.name = name
    self.regex = regex ?? name
    self.value = value
    // A `.` of the name is the expression's any-character: the literal text stops there too.
    // Found by bytes (the marks are ASCII): the registry's five hundred names are read once per
    // process, on the first extra spec it checks.
    let bytes = name.utf8
    let open = bytes.firstIndex { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: ".") } ?? bytes.endIndex
    head = name[..<open]
    tail = bytes.lastIndex { $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: ".") }.map { name[bytes.index(after: $0)...] }
      ?? Substring(name)
  }

  /// Nova's `validators.validate`: the validator registered under the name, else the first
  /// whose expression matches it; no validator and a namespace Nova knows is an error, no
  /// namespace or an unknown one passes. The message is the `ValidationError`'s.
  static func validate(_ name: String, _ value: String) -> String? {
    if let index = byName[name] { return registry[index].check(value) }
    for validator in registry where validator.regex != validator.name && validator.matches(name) {
      return validator.check(value)
    }
    guard let colon = name.firstIndex(of: ":") else { return nil }
    let namespace = String(name[..<colon])
    guard namespaces.contains(where: { fullMatch($0, namespace) }) else { return nil }
    return "Validation failed; extra spec '\(name)' does not appear to be a valid extra spec."
  }

  /// Each name's first validator, by its place in the registry (the validators are not copied).
  private static let byName = Dictionary(registry.indices.map { (registry[$0].name, $0) }, uniquingKeysWith: { first, _ in first })

  /// The namespaces of the registered expressions (`hw`, `trait(?<group>...)`, ...).
  private static let namespaces: [String] = {
    var seen: [String] = []
    for validator in registry {
      let regex = validator.regex
      guard let colon = regex.utf8.firstIndex(of: UInt8(ascii: ":")) else { continue }
      let namespace = String(regex[..<colon])
      if !seen.contains(namespace) { seen.append(namespace) }
    }
    return seen
  }()

  private func matches(_ name: String) -> Bool {
    name.hasPrefix(head) && name.hasSuffix(tail) && name.count >= head.count + tail.count
      && Self.fullMatch(regex, name)
  }

  /// The `ValidationError` message for a value this validator refuses, `nil` for one it takes.
  func check(_ text: String) -> String? {
    switch value {
    case .int(let minimum, let maximum):
      guard let number = PythonInt.parse(text) else { return "Validation failed; '\(text)' is not a valid integer value." }
      if let maximum, maximum < number {
        return "Validation failed; '\(number)' is greater than the max value of '\(maximum)'."
      }
      if let minimum, minimum > number {
        return "Validation failed; '\(number)' is less than the min value of '\(minimum)'."
      }
      return nil
    case .bool:
      return StrictBool.parse(text) == nil ? "Validation failed; '\(text)' is not a valid boolean-like value." : nil
    case .pattern(let pattern):
      return Self.fullMatch(pattern, text) ? nil : "Validation failed; '\(text)' is not of the format '\(pattern)'."
    case .oneOf(let values):
      return values.contains(text) ? nil : "Validation failed; '\(text)' is not one of: \(values.joined(separator: ", "))."
    case .text:
      return nil
    }
  }

  /// Python's `re.fullmatch`.
  private static func fullMatch(_ pattern: String, _ text: String) -> Bool {
    guard let expression = try? NSRegularExpression(pattern: "\\A(?:\(pattern))\\z") else { return false }
    return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
  }
}
