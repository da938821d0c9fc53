/// `ast.literal_eval` of a dict of strings, as python-manilaclient writes one into a query
/// (`{'a': 'b', 'c': "it's"}`): its items, or `nil` for text that is not such a dict.
enum PythonDictLiteral {
  static func parse(_ text: String) -> [(key: String, value: String)]? {
    var reader = Reader(bytes: Array(text.utf8))
    var items: [(key: String, value: String)] = []
    guard reader.skip("{") else { return nil }
    while !reader.skip("}") {
      guard let key = reader.string(), reader.skip(":"), let value = reader.string() else { return nil }
      // A later item with the same key replaces the earlier one, as in a dict.
      items.removeAll { $0.key == key }
      items.append((key, value))
      // Items are separated by commas; one may also end the last.
      if !reader.skip(",") {
        guard reader.skip("}") else { return nil }
        break
      }
    }
    return reader.atEnd ? items : nil
  }

  private struct Reader {
    let bytes: [UInt8]
    var index = 0
    var atEnd: Bool {
      mutating get {
        skipBlanks()
        return index == bytes.count
      }
    }

    mutating func skipBlanks() {
      while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
      skipBlanks()
      guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
      index += 1
      return true
    }

    /// A quoted string; of the escapes, the quotes and backslash that `repr` writes.
    mutating func string() -> String? {
      skipBlanks()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "'") || bytes[index] == UInt8(ascii: "\"") else { return nil }
      let quote = bytes[index]
      index += 1
      var text: [UInt8] = []
      while index < bytes.count {
        let byte = bytes[index]
        index += 1
        if byte == quote { return String(decoding: text, as: UTF8.self) }
        if byte == UInt8(ascii: "\\"), index < bytes.count {
          let escaped = bytes[index]
          index += 1
          switch escaped {
          case UInt8(ascii: "n"): text.append(0x0A)
          case UInt8(ascii: "t"): text.append(0x09)
          case UInt8(ascii: "r"): text.append(0x0D)
          default: text.append(escaped)
          }
        } else {
          text.append(byte)
        }
      }
      return nil
    }
  }
}
