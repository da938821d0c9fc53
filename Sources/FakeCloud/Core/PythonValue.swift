import CloudAPI
import Foundation

/// Python's `str()` and `repr()` of the request values the services quote in their faults
/// (jsonschema's and Nova's messages): `None`, `True`, `1`, `'text'`, `{'a': 1}`.
enum PythonValue {
  static func str(_ value: JSON) -> String {
    if case .string(let text) = value { return text }
    return repr(value)
  }

  static func repr(_ value: JSON) -> String {
    switch value {
    case .null: return "None"
    case .bool(let flag): return flag ? "True" : "False"
    case .int(let number): return String(number)
    case .largeInt(let digits): return digits
    case .double(let number): return JSON.pythonFloat(number)
    case .string(let text):
      let quote = text.contains("'") && !text.contains("\"") ? "\"" : "'"
      return quote + text.replacingEvery("\\", with: "\\\\").replacingEvery(quote, with: "\\" + quote) + quote
    case .array(let items): return "[" + items.map(repr).joined(separator: ", ") + "]"
    case .object(let fields): return "{" + fields.map { "\(repr(.string($0.key))): \(repr($0.value))" }.joined(separator: ", ") + "}"
    }
  }
}

extension JSON {
  /// An integer value (not a boolean).
  var integer: Int? {
    guard case .int(let number) = self else { return nil }
    return number
  }

  /// A number value, integer or not.
  var number: Double? {
    switch self {
    case .int(let number): return Double(number)
    case .double(let number): return number
    default: return nil
    }
  }

  var boolean: Bool? {
    guard case .bool(let flag) = self else { return nil }
    return flag
  }
}
