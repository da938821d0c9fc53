/// A console line read as a POSIX shell reads a simple command: words split on blanks, single
/// and double quotes, backslash escapes, `$NAME` and `${NAME}` expanded from the session's
/// variables. Anything a simple command cannot hold (pipes, redirections, lists, substitutions,
/// globs) makes the line unsupported: the session never runs it.
enum ShellWords {
  enum Failure: Error, Equatable {
    /// The line uses shell syntax beyond a simple command; the text names it.
    case unsupported(String)
    case unterminatedQuote
    /// `$NAME` where the page never gave NAME a value: a placeholder for the reader to fill in.
    case unsetVariable(String)
  }

  static func split(_ line: String, variables: [String: String]) throws(Failure) -> [String] {
    var words: [String] = []
    var current: [UInt8] = []
    var inWord = false
    // Bytes: every character the shell treats specially is ASCII, and no byte of a character
    // of several bytes is; grapheme breaking (and even decoding) would only cost time.
    let bytes = Array(line.utf8)
    current.reserveCapacity(bytes.count)
    // Room for a long command line's words: growing the list had cost more than splitting.
    words.reserveCapacity(24)
    var index = 0
    func expand() throws(Failure) {
      let name: ArraySlice<UInt8>
      if index < bytes.count, bytes[index] == UInt8(ascii: "{") {
        guard let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "}")) else { throw .unsupported("${") }
        name = bytes[(index + 1)..<close]
        index = close + 1
      } else {
        let start = index
        while index < bytes.count, let length = nameCharacterLength(bytes, at: index) { index += length }
        name = bytes[start..<index]
      }
      if name.isEmpty { throw .unsupported("$") }
      let variable = String(decoding: name, as: UTF8.self)
      guard let value = variables[variable] else { throw .unsetVariable(variable) }
      current += value.utf8
      inWord = true
    }
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: " "), UInt8(ascii: "\t"):
        if inWord { words.append(String(decoding: current, as: UTF8.self)) }
        current.removeAll(keepingCapacity: true)
        inWord = false
      case UInt8(ascii: "\\"):
        // The bytes after the first of a character of several are taken as they come.
        if index < bytes.count {
          current.append(bytes[index])
          index += 1
        }
        inWord = true
      case UInt8(ascii: "'"):
        guard let close = bytes[index...].firstIndex(of: UInt8(ascii: "'")) else { throw .unterminatedQuote }
        current += bytes[index..<close]
        index = close + 1
        inWord = true
      case UInt8(ascii: "\""):
        inWord = true
        var closed = false
        while index < bytes.count {
          let next = bytes[index]
          index += 1
          if next == UInt8(ascii: "\"") {
            closed = true
            break
          }
          if next == UInt8(ascii: "\\"), index < bytes.count, Self.escapedInDoubleQuotes.contains(bytes[index]) {
            current.append(bytes[index])
            index += 1
          } else if next == UInt8(ascii: "$") {
            try expand()
          } else if next == UInt8(ascii: "`") {
            throw .unsupported("`")
          } else {
            current.append(next)
          }
        }
        if !closed { throw .unterminatedQuote }
      case UInt8(ascii: "$"):
        if index < bytes.count, bytes[index] == UInt8(ascii: "(") { throw .unsupported("$(") }
        try expand()
      case UInt8(ascii: "|"), UInt8(ascii: "&"), UInt8(ascii: ";"), UInt8(ascii: "<"), UInt8(ascii: ">"),
        UInt8(ascii: "`"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "?"):
        throw .unsupported(String(UnicodeScalar(byte)))
      case UInt8(ascii: "#") where !inWord:
        index = bytes.count
      default:
        // The run of ordinary bytes this one begins, at once: most of a line is one.
        var end = index
        while end < bytes.count, !isSpecial(bytes[end]) { end += 1 }
        current += bytes[(index - 1)..<end]
        index = end
        inWord = true
      }
    }
    if inWord { words.append(String(decoding: current, as: UTF8.self)) }
    return words
  }

  /// Whether a byte inside a word means more than itself: a blank, a quote, an escape, an
  /// expansion, or what a simple command cannot hold (`#` starts a comment only between words).
  private static func isSpecial(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""),
      UInt8(ascii: "$"), UInt8(ascii: "|"), UInt8(ascii: "&"), UInt8(ascii: ";"), UInt8(ascii: "<"), UInt8(ascii: ">"),
      UInt8(ascii: "`"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "?"):
      return true
    default:
      return false
    }
  }

  /// What a backslash escapes between double quotes: `$`, `` ` ``, `"` and itself.
  private static let escapedInDoubleQuotes: Set<UInt8> = Set("$`\"\\".utf8)

  /// How many bytes the character at `index` takes if a variable's name may hold it (a letter,
  /// a digit, `_`), or `nil`.
  private static func nameCharacterLength(_ bytes: [UInt8], at index: Int) -> Int? {
    let byte = bytes[index]
    if byte < 0x80 {
      let isName = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F
      return isName ? 1 : nil
    }
    var decoder = UTF8()
    var iterator = bytes[index...].makeIterator()
    guard case .scalarValue(let scalar) = decoder.decode(&iterator),
      scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    else { return nil }
    return UTF8.width(scalar)
  }
}
