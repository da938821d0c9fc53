import CloudAPI

/// How Python writes a JSON value into the services' messages.
enum PythonValue {
  /// Python's `str()` of a value.
  static func str(_ value: JSON) -> String {
    switch value {
    case .null: return "None"
    case .bool(let bool): return bool ? "True" : "False"
    case .int(let number): return String(number)
    case .double(let number): return JSON.pythonFloat(number)
    case .string(let text): return text
    case .array(let items): return "[" + items.map(repr).joined(separator: ", ") + "]"
    case .object(let fields): return "{" + fields.map { "'\($0.key)': \(repr($0.value))" }.joined(separator: ", ") + "}"
    }
  }

  /// Python's `repr()` of a value.
  static func repr(_ value: JSON) -> String {
    if case .string(let text) = value { return "'\(text)'" }
    return str(value)
  }
}

extension JSON {
  /// The value when it is an integer.
  var number: Int? {
    if case .int(let value) = self { return value }
    return nil
  }

}
