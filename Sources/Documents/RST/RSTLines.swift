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
/// them, tabs expand to 8-column stops and trailing white space is removed. A page with more
/// lines than ``PageLimits/lines``, or more text than ``PageLimits/expandedText`` once expanded,
/// is refused.
enum RSTLineSplitter {
  static func lines(of text: String, expandedLimit: Int = PageLimits.expandedText) throws(PageLimitError) -> [RSTLine] {
    var text = text
    text.makeContiguousUTF8()
    let utf8 = text.utf8
    let bytes = Array(utf8)
    var lines: [RSTLine] = []
    var lineStart = 0
    var offset = 0
    var expanded = 0
    func append(upTo end: Int) throws(PageLimitError) {
      guard lines.count < PageLimits.lines else { throw PageLimits.tooManyLines }
      let slice = text[
        utf8.index(utf8.startIndex, offsetBy: lineStart)..<utf8.index(utf8.startIndex, offsetBy: end)]
      let line = normalized(slice, bytes: bytes[lineStart..<end])
      expanded += line.utf8.count
      guard expanded <= expandedLimit else {
        throw PageLimitError(
          line: lines.count + 1, reason: "more than \(PageLimits.expandedText >> 20) MB once its tabs are expanded")
      }
      lines.append(RSTLine(text: line, number: lines.count + 1))
    }
    while offset < bytes.count {
      let breakLength = lineBreakLength(bytes, at: offset)
      if breakLength > 0 {
        try append(upTo: offset)
        offset += breakLength
        lineStart = offset
      } else {
        offset += 1
      }
    }
    if lineStart < bytes.count { try append(upTo: bytes.count) }
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
    return needsWork ? Substring(normalized(line)) : line
  }

  /// Tabs expanded, vertical tabs and form feeds as spaces, trailing white space removed. The
  /// trailing white space is cut first (what a tab or a vertical tab expands to is white space
  /// too), so that a long run of tabs at the end of a line costs nothing to expand, and the rest
  /// is expanded byte by byte in one pass: columns count Unicode scalars, as Python's do.
  private static func normalized(_ line: Substring) -> String {
    let scalars = line.unicodeScalars
    var end = scalars.endIndex
    while end > scalars.startIndex {
      let last = scalars.index(before: end)
      guard isPythonWhitespace(scalars[last]) else { break }
      end = last
    }
    var result: [UInt8] = []
    var column = 0
    for byte in line[..<end].utf8 {
      switch byte {
      case 0x09:
        let spaces = 8 - column % 8
        result.append(contentsOf: repeatElement(0x20, count: spaces))
        column += spaces
      case 0x0B, 0x0C:
        result.append(0x20)
        column += 1
      default:
        result.append(byte)
        // A scalar's continuation bytes add no column.
        if byte & 0xC0 != 0x80 { column += 1 }
      }
    }
    return String(decoding: result, as: UTF8.self)
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

/// The lines of a construct nested in others: lines of the document with the indentation of the
/// constructs around them removed as each line is read. Copying the lines instead, for each
/// construct, would copy a page nested 64 deep 64 times.
struct RSTLines: RandomAccessCollection {
  private let document: [RSTLine]
  /// The document index of the first line, and how many lines there are.
  private let start: Int
  let endIndex: Int
  /// Document lines left out, in order: a directive's options between the text after its `::`
  /// and its content, which docutils takes out of the content.
  private let gaps: [Range<Int>]
  /// The document line whose removed indentation differs from the others' (a directive's or a
  /// list item's first line), and what is removed from it and from the others.
  private let firstLine: Int
  private let firstDrop: Int
  private let drop: Int

  init(_ document: [RSTLine]) {
    self.init(document: document, start: 0, count: document.count, gaps: [], firstLine: 0, firstDrop: 0, drop: 0)
  }

  private init(
    document: [RSTLine], start: Int, count: Int, gaps: [Range<Int>], firstLine: Int, firstDrop: Int, drop: Int
  ) {
    self.document = document
    self.start = start
    self.endIndex = count
    self.gaps = gaps
    self.firstLine = firstLine
    self.firstDrop = firstDrop
    self.drop = drop
  }

  var startIndex: Int { 0 }

  subscript(position: Int) -> RSTLine {
    let index = documentIndex(position)
    let count = index == firstLine ? firstDrop : drop
    return count == 0 ? document[index] : document[index].dropping(count)
  }

  private func documentIndex(_ position: Int) -> Int {
    var index = start + position
    for gap in gaps where index >= gap.lowerBound { index += gap.count }
    return index
  }

  /// The lines at `positions` without those at `leavingOut`, less `first` more characters on the
  /// first of them and `rest` on the others.
  func lines(_ positions: Range<Int>, first: Int = 0, rest: Int = 0, leavingOut: Range<Int>? = nil) -> RSTLines {
    let start = documentIndex(positions.lowerBound)
    var gaps = gaps.filter { $0.lowerBound > start }
    var count = positions.count
    if let leavingOut, !leavingOut.isEmpty {
      // One gap over the lines left out, and over the gaps among them.
      let gap = documentIndex(leavingOut.lowerBound)..<(documentIndex(leavingOut.upperBound - 1) + 1)
      gaps = (gaps.filter { !gap.contains($0.lowerBound) } + [gap]).sorted { $0.lowerBound < $1.lowerBound }
      count -= leavingOut.count
    }
    return RSTLines(
      document: document, start: start, count: count, gaps: gaps, firstLine: start,
      firstDrop: (start == firstLine ? firstDrop : drop) + first, drop: drop + rest)
  }

  /// The lines without trailing blank lines.
  var trimmingTrailingBlanks: RSTLines {
    var end = endIndex
    while end > startIndex, self[end - 1].isBlank { end -= 1 }
    return lines(startIndex..<end)
  }
}
