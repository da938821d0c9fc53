
/// A JSON value that keeps the order of object keys, as API bodies and the client's output do.
public enum JSON: Equatable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSON])
  case object(JSONObject)
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral {
  public init(stringLiteral value: String) { self = .string(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(integerLiteral value: Int) { self = .int(value) }
}

extension JSON {
  /// The value as Python's `json.dumps(value)` writes it: `", "` and `": "` separators, and every
  /// character outside printable ASCII escaped (`ensure_ascii`).
  public var pythonCompact: String { pythonJSON(indent: nil) }

  /// The value as Python's `json.dumps(value, indent=indent)` writes it: without an indent on one
  /// line with `", "` between items; with one, an item a line, `","` at line ends, `": "` after
  /// keys, empty arrays and objects as `[]` and `{}`.
  public func pythonJSON(indent: Int?) -> String {
    var output = ""
    write(to: &output, indent: indent, level: 0)
    return output
  }

  private func write(to output: inout String, indent: Int?, level: Int) {
    func open(_ bracket: String, count: Int, items: (inout String, Int) -> Void, close: String) {
      output += bracket
      guard count > 0 else {
        output += close
        return
      }
      for index in 0..<count {
        if index > 0 { output += indent == nil ? ", " : "," }
        if let indent { output += "\n" + String(repeating: " ", count: indent * (level + 1)) }
        items(&output, index)
      }
      if let indent { output += "\n" + String(repeating: " ", count: indent * level) }
      output += close
    }
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .int(let value): output += String(value)
    case .double(let value):
      output += value.isNaN ? "NaN" : value.isInfinite ? (value < 0 ? "-Infinity" : "Infinity") : Self.pythonFloat(value)
    case .string(let value): Self.writeString(value, to: &output)
    case .array(let values):
      open("[", count: values.count, items: { values[$1].write(to: &$0, indent: indent, level: level + 1) }, close: "]")
    case .object(let members):
      let keys = Array(members.keys)
      open(
        "{", count: keys.count,
        items: { output, index in
          Self.writeString(keys[index], to: &output)
          output += ": "
          members[keys[index]]!.write(to: &output, indent: indent, level: level + 1)
        }, close: "}")
    }
  }

  /// Python's `repr(float)`: the shortest digits that read back to the same value, in fixed
  /// notation for exponents from -4 to 15 (`1.0`, `0.0001`) and scientific beyond (`1e-05`,
  /// `1e+16`, `1.5e+300`).
  public static func pythonFloat(_ value: Double) -> String {
    if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
    // Swift's description has the shortest round-trip digits; take them apart.
    let text = "\(abs(value))"
    let (mantissa, exponentText) =
      text.firstIndex(of: "e").map { (text[..<$0], Int(text[text.index(after: $0)...])!) } ?? (text[...], 0)
    let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    var digits = String(parts[0]) + (parts.count > 1 ? String(parts[1]) : "")
    var exponent = exponentText + parts[0].count - 1
    let leadingZeros = digits.prefix { $0 == "0" }.count
    digits.removeFirst(leadingZeros)
    exponent -= leadingZeros
    while digits.count > 1, digits.hasSuffix("0") { digits.removeLast() }
    let sign = value < 0 ? "-" : ""
    if exponent < -4 || exponent >= 16 {
      let fraction = digits.count > 1 ? "." + digits.dropFirst() : ""
      let magnitude = String(abs(exponent))
      return "\(sign)\(digits.prefix(1))\(fraction)e\(exponent < 0 ? "-" : "+")\(magnitude.count < 2 ? "0" + magnitude : magnitude)"
    }
    if exponent < 0 {
      return "\(sign)0.\(String(repeating: "0", count: -exponent - 1))\(digits)"
    }
    let integerDigits = exponent + 1
    if digits.count <= integerDigits {
      return "\(sign)\(digits)\(String(repeating: "0", count: integerDigits - digits.count)).0"
    }
    return "\(sign)\(digits.prefix(integerDigits)).\(digits.dropFirst(integerDigits))"
  }

  /// Python's `json` string escaping with `ensure_ascii=True`.
  private static func writeString(_ value: String, to output: inout String) {
    output += "\""
    for unit in value.utf16 {
      switch unit {
      case 0x22: output += "\\\""
      case 0x5C: output += "\\\\"
      case 0x0A: output += "\\n"
      case 0x0D: output += "\\r"
      case 0x09: output += "\\t"
      case 0x08: output += "\\b"
      case 0x0C: output += "\\f"
      case 0x20...0x7E: output.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
      default:
        let hex = String(unit, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      }
    }
    output += "\""
  }
}

extension JSON {
  /// The member `key` of an object; `nil` for a missing key or a value that is not an object.
  public subscript(key: String) -> JSON? {
    guard case .object(let fields) = self else { return nil }
    return fields[key]
  }

  /// The text of a string value.
  public var string: String? {
    guard case .string(let value) = self else { return nil }
    return value
  }

  /// The items of an array value; empty for anything else.
  public var array: [JSON] {
    guard case .array(let values) = self else { return [] }
    return values
  }

  /// The members of an object value; empty for anything else.
  public var object: JSONObject {
    guard case .object(let fields) = self else { return [:] }
    return fields
  }
}
