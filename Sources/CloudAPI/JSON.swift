import OrderedCollections

/// A JSON value that keeps the order of object keys, as API bodies and the client's output do.
public enum JSON: Equatable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case string(String)
  case array([JSON])
  case object(OrderedDictionary<String, JSON>)
}

extension JSON {
  /// The value as Python's `json.dumps(value)` writes it: `", "` and `": "` separators, and every
  /// character outside printable ASCII escaped (`ensure_ascii`).
  public var pythonCompact: String {
    var output = ""
    write(to: &output)
    return output
  }

  private func write(to output: inout String) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .int(let value): output += String(value)
    case .string(let value): Self.writeString(value, to: &output)
    case .array(let values):
      output += "["
      for (index, value) in values.enumerated() {
        if index > 0 { output += ", " }
        value.write(to: &output)
      }
      output += "]"
    case .object(let members):
      output += "{"
      for (index, (key, value)) in members.enumerated() {
        if index > 0 { output += ", " }
        Self.writeString(key, to: &output)
        output += ": "
        value.write(to: &output)
      }
      output += "}"
    }
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
