/// Writes JSON as Python's `json.dumps` does, into UTF-8 bytes: every response body the server
/// sends and every `-f json` the client prints goes through here, so it appends bytes rather than
/// building strings a character at a time.
struct PythonJSONWriter {
  /// `nil` for `json.dumps`'s one-line layout, else the spaces per level.
  let indent: Int?
  private(set) var bytes: [UInt8] = []

  init(indent: Int?) {
    self.indent = indent
    bytes.reserveCapacity(1024)
  }

  mutating func write(_ value: JSON, level: Int) {
    switch value {
    case .null: append("null")
    case .bool(let value): append(value ? "true" : "false")
    case .int(let value): append(String(value))
    case .largeInt(let digits): append(digits)
    case .double(let value):
      append(value.isNaN ? "NaN" : value.isInfinite ? (value < 0 ? "-Infinity" : "Infinity") : JSON.pythonFloat(value))
    case .string(let value): writeString(value)
    case .array(let values):
      writeContainer(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), count: values.count, level: level) { writer, index in
        writer.write(values[index], level: level + 1)
      }
    case .object(let members):
      writeContainer(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), count: members.count, level: level) { writer, index in
        let member = members[index]
        writer.writeString(member.key)
        writer.append(": ")
        writer.write(member.value, level: level + 1)
      }
    }
  }

  private mutating func writeContainer(
    open: UInt8, close: UInt8, count: Int, level: Int, item: (inout PythonJSONWriter, Int) -> Void
  ) {
    bytes.append(open)
    for index in 0..<count {
      if index > 0 { append(indent == nil ? ", " : ",") }
      if let indent { newline(spaces: indent * (level + 1)) }
      item(&self, index)
    }
    if count > 0, let indent { newline(spaces: indent * level) }
    bytes.append(close)
  }

  private mutating func newline(spaces: Int) {
    bytes.append(UInt8(ascii: "\n"))
    bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: spaces))
  }

  private mutating func append(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }

  /// Python's `json` string escaping with `ensure_ascii=True`: printable ASCII as it is, the
  /// usual escapes, everything else as `\uXXXX` UTF-16 code units.
  private mutating func writeString(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    var value = value
    let plain = value.withUTF8 { utf8 in
      guard utf8.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E && $0 != 0x22 && $0 != 0x5C }) else { return false }
      bytes.append(contentsOf: utf8)
      return true
    }
    if !plain {
      for unit in value.utf16 { writeEscaped(unit) }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  private mutating func writeEscaped(_ unit: UInt16) {
    switch unit {
    case 0x22: append("\\\"")
    case 0x5C: append("\\\\")
    case 0x0A: append("\\n")
    case 0x0D: append("\\r")
    case 0x09: append("\\t")
    case 0x08: append("\\b")
    case 0x0C: append("\\f")
    case 0x20...0x7E: bytes.append(UInt8(unit))
    default:
      append("\\u")
      for shift in stride(from: 12, through: 0, by: -4) { bytes.append(Self.hexDigits[Int(unit >> UInt16(shift)) & 0xF]) }
    }
  }
}
