
/// A JSON value that keeps the order of object keys, as API bodies and the client's output do.
public enum JSON: Equatable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  /// An integer beyond `Int`'s range, as its decimal digits: Python's ints have no bound, and
  /// Neutron counts an IPv6 network's addresses (2⁶⁴ − 2 in one `/64`) in one.
  case largeInt(String)
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
    String(decoding: pythonJSONBytes(indent: indent), as: UTF8.self)
  }

  /// ``pythonJSON(indent:)`` as UTF-8 bytes, which is what a response body is sent as; `level`
  /// is how deep the value stands in a document written a piece at a time (its lines are
  /// indented as that deep).
  public func pythonJSONBytes(indent: Int? = nil, level: Int = 0) -> [UInt8] {
    var writer = PythonJSONWriter(indent: indent)
    writer.write(self, level: level)
    return writer.bytes
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
}

extension JSON {
  /// The member `key` of an object; `nil` for a missing key or a value that is not an object.
  ///
  /// Inlinable, as the next three: every answer is read through them, some thirty times a
  /// command, and a call across modules copies the value out and destroys the optional after.
  @inlinable
  public subscript(key: String) -> JSON? {
    guard case .object(let fields) = self else { return nil }
    return fields[key]
  }

  /// The text of a string value.
  @inlinable
  public var string: String? {
    guard case .string(let value) = self else { return nil }
    return value
  }

  /// The items of an array value; empty for anything else.
  @inlinable
  public var array: [JSON] {
    guard case .array(let values) = self else { return [] }
    return values
  }

  /// The members of an object value; empty for anything else.
  @inlinable
  public var object: JSONObject {
    guard case .object(let fields) = self else { return [:] }
    return fields
  }
}
