
extension JSON {
  /// The deepest nesting of arrays and objects read: Python's `json.loads` gives up with a
  /// `RecursionError` somewhat below 1,000 levels, and a parser that recursed without a bound
  /// would run out of stack on a few kilobytes of `[`.
  public static let maximumNesting = 512

  /// Why a text is not JSON: what was expected, and where (1-based line and column).
  public struct ParseError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int
    /// Whether the text was refused for nesting deeper than ``JSON/maximumNesting``, rather
    /// than for its syntax.
    public var isTooDeep = false

    public var description: String { "\(message) at line \(line), column \(column)" }
  }

  /// Parses JSON text, keeping the order of object keys and telling integers (`1`) from floats
  /// (`1.0`, `1e3`) as Python's `json.loads` does.
  public init(parsing text: String) throws(ParseError) {
    var parser = Parser(Array(text.utf8))
    parser.skipSpace()
    self = try parser.value()
    parser.skipSpace()
    guard parser.index == parser.bytes.count else { throw parser.error("extra data") }
  }

  private struct Parser {
    let bytes: [UInt8]
    var index = 0
    /// The arrays and objects open at `index`.
    var depth = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func error(_ message: String) -> ParseError {
      let before = bytes[0..<min(index, bytes.count)]
      let line = before.filter { $0 == 0x0A }.count + 1
      let column = index - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
      return ParseError(message: message, line: line, column: column)
    }

    mutating func skipSpace() {
      while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    mutating func value() throws(ParseError) -> JSON {
      guard index < bytes.count else { throw error("expecting value") }
      switch bytes[index] {
      case UInt8(ascii: "{"):
        try enterNesting()
        defer { depth -= 1 }
        return try object()
      case UInt8(ascii: "["):
        try enterNesting()
        defer { depth -= 1 }
        return try array()
      case UInt8(ascii: "\""): return .string(try string())
      case UInt8(ascii: "t"): return try literal("true", .bool(true))
      case UInt8(ascii: "f"): return try literal("false", .bool(false))
      case UInt8(ascii: "n"): return try literal("null", .null)
      default: return try number()
      }
    }

    /// One level deeper, for an array or object; refused past ``JSON/maximumNesting``.
    mutating func enterNesting() throws(ParseError) {
      guard depth < JSON.maximumNesting else {
        var refusal = error("nested deeper than \(JSON.maximumNesting) levels")
        refusal.isTooDeep = true
        throw refusal
      }
      depth += 1
    }

    mutating func literal(_ word: String, _ value: JSON) throws(ParseError) -> JSON {
      let utf8 = Array(word.utf8)
      guard bytes.count - index >= utf8.count, Array(bytes[index..<(index + utf8.count)]) == utf8 else {
        throw error("expecting value")
      }
      index += utf8.count
      return value
    }

    mutating func object() throws(ParseError) -> JSON {
      index += 1
      var members = JSONObject()
      skipSpace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      }
      while true {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
          throw error("expecting property name enclosed in double quotes")
        }
        let key = try string()
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expecting ':' delimiter") }
        index += 1
        skipSpace()
        members[key] = try value()
        skipSpace()
        guard index < bytes.count else { throw error("expecting ',' delimiter") }
        if bytes[index] == UInt8(ascii: "}") {
          index += 1
          return .object(members)
        }
        guard bytes[index] == UInt8(ascii: ",") else { throw error("expecting ',' delimiter") }
        index += 1
      }
    }

    mutating func array() throws(ParseError) -> JSON {
      index += 1
      var items: [JSON] = []
      skipSpace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(items)
      }
      while true {
        skipSpace()
        items.append(try value())
        skipSpace()
        guard index < bytes.count else { throw error("expecting ',' delimiter") }
        if bytes[index] == UInt8(ascii: "]") {
          index += 1
          return .array(items)
        }
        guard bytes[index] == UInt8(ascii: ",") else { throw error("expecting ',' delimiter") }
        index += 1
      }
    }

    mutating func string() throws(ParseError) -> String {
      index += 1
      var units: [UInt16] = []
      var raw: [UInt8] = []
      func flushRaw() {
        units += String(decoding: raw, as: UTF8.self).utf16
        raw.removeAll()
      }
      while index < bytes.count {
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""):
          flushRaw()
          return String(decoding: units, as: UTF16.self)
        case UInt8(ascii: "\\"):
          flushRaw()
          guard index < bytes.count else { throw error("unterminated string") }
          let escape = bytes[index]
          index += 1
          switch escape {
          case UInt8(ascii: "n"): units.append(0x0A)
          case UInt8(ascii: "t"): units.append(0x09)
          case UInt8(ascii: "r"): units.append(0x0D)
          case UInt8(ascii: "b"): units.append(0x08)
          case UInt8(ascii: "f"): units.append(0x0C)
          case UInt8(ascii: "u"):
            guard index + 4 <= bytes.count, let unit = UInt16(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16)
            else { throw error("invalid \\uXXXX escape") }
            units.append(unit)
            index += 4
          case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): units.append(UInt16(escape))
          default: throw error("invalid \\escape")
          }
        case 0x00..<0x20:
          throw error("invalid control character")
        default:
          raw.append(byte)
        }
      }
      throw error("unterminated string")
    }

    mutating func number() throws(ParseError) -> JSON {
      let start = index
      if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
      var isInteger = true
      while index < bytes.count {
        let byte = bytes[index]
        if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
          index += 1
        } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
          || ((byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")) && !isInteger)
        {
          isInteger = false
          index += 1
        } else {
          break
        }
      }
      let text = String(decoding: bytes[start..<index], as: UTF8.self)
      if isInteger, let value = Int(text) { return .int(value) }
      if isInteger, text.utf8.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) { return .largeInt(text) }
      if let value = Double(text), !text.isEmpty, text != "-" { return .double(value) }
      index = start
      throw error("expecting value")
    }
  }
}
