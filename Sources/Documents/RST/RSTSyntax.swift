/// Recognisers for the constructs a flush-left reStructuredText line can open, with docutils'
/// patterns. Offsets are UTF-8 offsets into the line.
enum RSTSyntax {
  /// What a flush-left line opens, tried in docutils' order of body transitions.
  enum Construct {
    case bullet(textOffset: Int)
    case enumerated(Enumerator)
    case field(bodyOffset: Int)
    case doctest
    case lineBlock
    case gridTable
    case simpleTable
    case explicitMarkup
    case anonymousTarget
    case adornment
    case text
  }

  static func construct(_ bytes: UTF8Bytes) -> Construct {
    guard let first = bytes.first else { return .text }
    if let end = bulletEnd(bytes) { return .bullet(textOffset: end) }
    if isAlphanumeric(first) || first == UInt8(ascii: "(") || first == UInt8(ascii: "#"),
      let enumerator = enumerator(bytes)
    {
      return .enumerated(enumerator)
    }
    // Text is the common case: a line that opens with a letter or a digit is text from here on.
    guard !isAlphanumeric(first), first < 0x80 else { return .text }
    if let end = fieldMarkerEnd(bytes) { return .field(bodyOffset: end) }
    if opens(bytes, with: ">>>") { return .doctest }
    if opens(bytes, with: "|") { return .lineBlock }
    if isGridTableTop(bytes) { return .gridTable }
    if isSimpleTableTop(bytes) { return .simpleTable }
    if explicitMarkupBody(bytes) != nil { return .explicitMarkup }
    if opens(bytes, with: "__") { return .anonymousTarget }
    if isAdornment(bytes) { return .adornment }
    return .text
  }

  /// The end of a bullet (`- `, `* `, `+ `, `• `, `‣ `, `⁃ `), spaces included.
  static func bulletEnd(_ bytes: UTF8Bytes) -> Int? {
    guard let first = bytes.first else { return nil }
    switch first {
    case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"):
      return spacesOrEnd(bytes, after: 1)
    case 0xE2 where bytes.count >= 3:
      // U+2022 BULLET, U+2023 TRIANGULAR BULLET, U+2043 HYPHEN BULLET
      let isBullet =
        (bytes[1] == 0x80 && (bytes[2] == 0xA2 || bytes[2] == 0xA3)) || (bytes[1] == 0x81 && bytes[2] == 0x83)
      return isBullet ? spacesOrEnd(bytes, after: 3) : nil
    default:
      return nil
    }
  }

  /// An enumerator: `1.`, `a)`, `(iv)`, `#.` ... followed by spaces or the end of the line.
  struct Enumerator {
    enum Format { case period, rightParenthesis, parentheses }
    enum Sequence { case arabic, lowerAlpha, upperAlpha, lowerRoman, upperRoman, auto }
    var format: Format
    var sequence: Sequence
    var ordinal: Int?
    /// The UTF-8 offset of the item's text.
    var end: Int

    /// The marker of the item after this one, and the auto-numbered marker, as they would begin
    /// the next line.
    var nextMarkers: [String] {
      let (prefix, suffix) =
        switch format {
        case .period: ("", ".")
        case .rightParenthesis: ("", ")")
        case .parentheses: ("(", ")")
        }
      var markers = ["\(prefix)#\(suffix) "]
      if let ordinal, let next = Self.text(of: ordinal + 1, in: sequence) {
        markers.append("\(prefix)\(next)\(suffix) ")
      }
      return markers
    }

    private static func text(of ordinal: Int, in sequence: Sequence) -> String? {
      switch sequence {
      case .arabic: return String(ordinal)
      case .auto: return "#"
      case .lowerAlpha, .upperAlpha:
        guard ordinal <= 26 else { return nil }
        let base = sequence == .lowerAlpha ? UInt8(ascii: "a") : UInt8(ascii: "A")
        return String(UnicodeScalar(base + UInt8(ordinal - 1)))
      case .lowerRoman: return RomanNumeral.text(of: ordinal)?.lowercased()
      case .upperRoman: return RomanNumeral.text(of: ordinal)
      }
    }
  }

  static func enumerator(_ bytes: UTF8Bytes) -> Enumerator? {
    var index = 0
    let parenthesised = bytes.first == UInt8(ascii: "(")
    if parenthesised { index = 1 }
    let start = index
    while index < bytes.count, index - start < 12,
      isAlphanumeric(bytes[index]) || bytes[index] == UInt8(ascii: "#")
    {
      index += 1
    }
    guard index > start, index < bytes.count else { return nil }
    let format: Enumerator.Format
    switch bytes[index] {
    case UInt8(ascii: ")"): format = parenthesised ? .parentheses : .rightParenthesis
    case UInt8(ascii: ".") where !parenthesised: format = .period
    default: return nil
    }
    guard let end = spacesOrEnd(bytes, after: index + 1),
      let (sequence, ordinal) = sequenceAndOrdinal(String(decoding: bytes[start..<index], as: UTF8.self))
    else { return nil }
    return Enumerator(format: format, sequence: sequence, ordinal: ordinal, end: end)
  }

  /// docutils' `parse_enumerator`: `i` and `I` are Roman, other single letters alphabetic.
  private static func sequenceAndOrdinal(_ text: String) -> (Enumerator.Sequence, Int?)? {
    if text == "#" { return (.auto, 1) }
    if text == "i" { return (.lowerRoman, 1) }
    if text == "I" { return (.upperRoman, 1) }
    if text.allSatisfy({ $0.isASCII && $0.isNumber }) { return (.arabic, Int(text)) }
    if text.count == 1, let scalar = text.unicodeScalars.first {
      if ("a"..."z").contains(scalar) { return (.lowerAlpha, Int(scalar.value) - 96) }
      if ("A"..."Z").contains(scalar) { return (.upperAlpha, Int(scalar.value) - 64) }
    }
    if text.allSatisfy({ "ivxlcdm".contains($0) }) {
      return (.lowerRoman, RomanNumeral.value(of: text.uppercased()))
    }
    if text.allSatisfy({ "IVXLCDM".contains($0) }) { return (.upperRoman, RomanNumeral.value(of: text)) }
    return nil
  }

  /// The end of a field marker (`:name: `), with docutils' rule that a colon inside the name must
  /// not be followed by a space, a backquote or the end of the line.
  static func fieldMarkerEnd(_ bytes: UTF8Bytes) -> Int? {
    guard bytes.count >= 3, bytes[0] == UInt8(ascii: ":"), bytes[1] != UInt8(ascii: ":"),
      bytes[1] != UInt8(ascii: " ")
    else { return nil }
    var index = 1
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "\\"):
        index += 2
      case UInt8(ascii: ":"):
        let next = index + 1 < bytes.count ? bytes[index + 1] : nil
        if next == nil || next == UInt8(ascii: " ") {
          guard bytes[index - 1] != UInt8(ascii: " ") else { return nil }
          return spacesOrEnd(bytes, after: index + 1)
        }
        if next == UInt8(ascii: "`") { return nil }
        index += 1
      default:
        index += 1
      }
    }
    return nil
  }

  /// A line of one repeated 7-bit punctuation character: a section adornment or a transition.
  static func isAdornment(_ bytes: UTF8Bytes) -> Bool {
    guard let first = bytes.first, isPunctuation(first) else { return false }
    return bytes.allSatisfy { $0 == first }
  }

  /// A directive's name and the offset just after its `::` and the spaces that follow.
  static func directive(_ bytes: UTF8Bytes) -> (name: String, end: Int)? {
    guard var index = explicitMarkupBody(bytes) else { return nil }
    let nameStart = index
    // simplename: word characters (no underscore) joined by single `-._+:`.
    while true {
      let runStart = index
      while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
      guard index > runStart else { return nil }
      guard index + 1 < bytes.count, isNameSeparator(bytes[index]), isNameByte(bytes[index + 1])
      else { break }
      index += 1
    }
    let nameEnd = index
    if index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == UInt8(ascii: ":"),
      let end = spacesOrEnd(bytes, after: index + 2)
    else { return nil }
    return (String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self).lowercased(), end)
  }

  /// The offset after `..` and its spaces, when the line is explicit markup (`.. ` or `..` alone).
  static func explicitMarkupBody(_ bytes: UTF8Bytes) -> Int? {
    guard bytes.count >= 2, bytes[0] == UInt8(ascii: "."), bytes[1] == UInt8(ascii: ".") else {
      return nil
    }
    if bytes.count == 2 { return 2 }
    guard bytes[2] == UInt8(ascii: " ") else { return nil }
    var index = 2
    while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
    return index
  }

  /// A footnote or citation label, `[1]`, `[#note]`, `[*]`, `[CIT2002]`, followed by spaces.
  static func footnoteEnd(_ bytes: UTF8Bytes, from start: Int) -> Int? {
    guard start < bytes.count, bytes[start] == UInt8(ascii: "["),
      let close = bytes[start...].firstIndex(of: UInt8(ascii: "]")), close > start + 1,
      !bytes[start..<close].contains(UInt8(ascii: " "))
    else { return nil }
    if close + 1 == bytes.count { return close + 1 }
    return bytes[close + 1] == UInt8(ascii: " ") ? close + 1 : nil
  }

  /// `+-----+---+`
  static func isGridTableTop(_ bytes: UTF8Bytes) -> Bool {
    guard bytes.count >= 4, bytes[0] == UInt8(ascii: "+"), bytes[1] == UInt8(ascii: "-"),
      bytes[bytes.count - 1] == UInt8(ascii: "+"), bytes[bytes.count - 2] == UInt8(ascii: "-")
    else { return false }
    return bytes.allSatisfy { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
  }

  /// `=====  =====`: at least two columns.
  static func isSimpleTableTop(_ bytes: UTF8Bytes) -> Bool {
    isSimpleTableBorder(bytes) && bytes.contains(UInt8(ascii: " "))
  }

  static func isSimpleTableBorder(_ bytes: UTF8Bytes) -> Bool {
    bytes.first == UInt8(ascii: "=") && bytes.allSatisfy { $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: " ") }
  }

  /// docutils' `nonalphanum7bit`.
  static func isPunctuation(_ byte: UInt8) -> Bool {
    (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
      || (0x7B...0x7E).contains(byte)
  }

  private static func opens(_ bytes: UTF8Bytes, with marker: StaticString) -> Bool {
    let count = marker.utf8CodeUnitCount
    guard bytes.count >= count else { return false }
    for offset in 0..<count where bytes[offset] != marker.utf8Start[offset] { return false }
    return spacesOrEnd(bytes, after: count) != nil
  }

  /// The offset after the spaces at `offset`, provided there is at least one or the line ends.
  private static func spacesOrEnd(_ bytes: UTF8Bytes, after offset: Int) -> Int? {
    if offset == bytes.count { return offset }
    guard offset < bytes.count, bytes[offset] == UInt8(ascii: " ") else { return nil }
    var end = offset
    while end < bytes.count, bytes[end] == UInt8(ascii: " ") { end += 1 }
    return end
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
      || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
      || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
  }

  /// A byte of a directive name: ASCII letters and digits, and any non-ASCII byte (docutils
  /// accepts Unicode word characters).
  private static func isNameByte(_ byte: UInt8) -> Bool {
    isAlphanumeric(byte) || byte >= 0x80
  }

  private static func isNameSeparator(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
      || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ":")
  }
}

/// Roman numerals as docutils' `roman` module reads and writes them (1 to 4999).
enum RomanNumeral {
  private static let table: [(String, Int)] = [
    ("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90), ("L", 50),
    ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1),
  ]

  static func text(of value: Int) -> String? {
    guard (1...4999).contains(value) else { return nil }
    var rest = value
    var result = ""
    for (numeral, amount) in table {
      while rest >= amount {
        result += numeral
        rest -= amount
      }
    }
    return result
  }

  /// The value of a well-formed numeral, or `nil` (docutils rejects `IIII`, `VX` ...).
  static func value(of text: String) -> Int? {
    var rest = Substring(text)
    var value = 0
    for (numeral, amount) in table {
      while rest.hasPrefix(numeral) {
        value += amount
        rest = rest.dropFirst(numeral.count)
      }
    }
    guard rest.isEmpty, value > 0, Self.text(of: value) == text else { return nil }
    return value
  }
}
