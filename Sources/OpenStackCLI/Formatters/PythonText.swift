import CloudAPI

/// Python's `str()` and `repr()` of the values the client hands cliff: the JSON data model as
/// Python holds it (`dict`, `list`, `str`, `int`, `float`, `bool`, `None`).
enum PythonText {
  /// `str(value)`: strings as they are, everything else as `repr`.
  static func str(_ value: JSON) -> String {
    if case .string(let text) = value { return text }
    return repr(value)
  }

  static func repr(_ value: JSON) -> String {
    switch value {
    case .null: return "None"
    case .bool(let flag): return flag ? "True" : "False"
    case .int(let number): return String(number)
    case .double(let number): return JSON.pythonFloat(number)
    case .string(let text): return repr(text)
    case .array(let items): return "[" + items.map(repr).joined(separator: ", ") + "]"
    case .object(let fields):
      return "{" + fields.map { "\(repr($0.key)): \(repr($0.value))" }.joined(separator: ", ") + "}"
    }
  }

  /// `repr(str)`: single quotes unless the text has a single quote and no double quote;
  /// backslash escapes for the quote, backslash and control characters.
  static func repr(_ text: String) -> String {
    let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
    var output = String(quote)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where Character(scalar) == quote: output += "\\" + String(quote)
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        output += "\\x" + hex(scalar.value, digits: 2)
      case _ where scalar.value >= 0x80 && !isPrintable(scalar):
        let digits = scalar.value <= 0xFF ? 2 : scalar.value <= 0xFFFF ? 4 : 8
        output += (digits == 2 ? "\\x" : digits == 4 ? "\\u" : "\\U") + hex(scalar.value, digits: digits)
      default: output.unicodeScalars.append(scalar)
      }
    }
    output.append(quote)
    return output
  }

  /// Python's `str.isprintable` for one character: not a control, format, separator (other than
  /// the space) or unassigned code point.
  private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator,
      .paragraphSeparator, .spaceSeparator:
      return false
    default: return true
    }
  }

  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}
