/// A line of reStructuredText input as docutils sees it: tabs expanded to 8-column stops, trailing
/// white space removed, and, inside nested constructs, the construct's indentation removed.
struct RSTLine {
  var text: Substring
  let number: Int
  /// The number of leading spaces, kept so that deep nesting does not count them again and again.
  let indent: Int

  init(text: Substring, number: Int) {
    self.init(text: text, number: number, indent: text.leadingSpaces)
  }

  private init(text: Substring, number: Int, indent: Int) {
    self.text = text
    self.number = number
    self.indent = indent
  }

  var isBlank: Bool { text.isEmpty }

  /// The line without its first `count` characters (spaces, where this is used).
  func dropping(_ count: Int) -> RSTLine {
    let utf8 = text.utf8
    let dropped = min(count, utf8.count)
    let start = utf8.index(utf8.startIndex, offsetBy: dropped)
    if dropped <= indent {
      return RSTLine(text: text[start...], number: number, indent: indent - dropped)
    }
    return RSTLine(text: text[start...], number: number)
  }
}

/// Splits a document into lines as docutils' `string2lines` does for the reStructuredText parser:
/// vertical tabs and form feeds become spaces, lines break where Python's `str.splitlines` breaks
/// them, tabs expand to 8-column stops and trailing white space is removed.
enum RSTLineSplitter {
  static func lines(of text: String) -> [RSTLine] {
    var text = text
    text.makeContiguousUTF8()
    let utf8 = text.utf8
    let bytes = Array(utf8)
    var lines: [RSTLine] = []
    var lineStart = 0
    var offset = 0
    func append(upTo end: Int) {
      let slice = text[
        utf8.index(utf8.startIndex, offsetBy: lineStart)..<utf8.index(utf8.startIndex, offsetBy: end)]
      lines.append(RSTLine(text: normalized(slice, bytes: bytes[lineStart..<end]), number: lines.count + 1))
    }
    while offset < bytes.count {
      let breakLength = lineBreakLength(bytes, at: offset)
      if breakLength > 0 {
        append(upTo: offset)
        offset += breakLength
        lineStart = offset
      } else {
        offset += 1
      }
    }
    if lineStart < bytes.count { append(upTo: bytes.count) }
    return lines
  }

  /// The UTF-8 length of the line break at `offset`, or 0 where there is none.
  private static func lineBreakLength(_ bytes: [UInt8], at offset: Int) -> Int {
    switch bytes[offset] {
    case 0x0A, 0x1C, 0x1D, 0x1E: return 1
    case 0x0D: return offset + 1 < bytes.count && bytes[offset + 1] == 0x0A ? 2 : 1
    case 0xC2: return offset + 1 < bytes.count && bytes[offset + 1] == 0x85 ? 2 : 0  // U+0085
    case 0xE2:  // U+2028, U+2029
      return offset + 2 < bytes.count && bytes[offset + 1] == 0x80
        && (bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9) ? 3 : 0
    default: return 0
    }
  }

  /// The line as docutils keeps it. Most lines need no change and stay slices of the document.
  private static func normalized(_ line: Substring, bytes: ArraySlice<UInt8>) -> Substring {
    let needsWork =
      bytes.contains { $0 == 0x09 || $0 == 0x0B || $0 == 0x0C }
      || bytes.last.map { $0 <= 0x20 || $0 >= 0x80 } ?? false
    return needsWork ? Substring(normalized(line.unicodeScalars)) : line
  }

  /// Tabs expanded, vertical tabs and form feeds as spaces, trailing white space removed.
  private static func normalized(_ scalars: Substring.UnicodeScalarView) -> String {
    var result = String.UnicodeScalarView()
    var column = 0
    for scalar in scalars {
      switch scalar {
      case "\t":
        let spaces = 8 - column % 8
        result.append(contentsOf: repeatElement(" ", count: spaces))
        column += spaces
      case "\u{0B}", "\u{0C}":
        result.append(" ")
        column += 1
      default:
        result.append(scalar)
        column += 1
      }
    }
    while let last = result.last, isPythonWhitespace(last) { result.removeLast() }
    return String(result)
  }

  /// Python's `str.isspace`, which `str.rstrip` strips.
  static func isPythonWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F,
      0x205F, 0x3000:
      return true
    default: return false
    }
  }
}
