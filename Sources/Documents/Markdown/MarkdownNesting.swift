/// How deep Markdown block quotes and lists may nest, checked before parsing: cmark-gfm walks
/// every open level on each line, and a blank line keeps every list item open, so a page of blank
/// lines under deep lists takes time proportional to lines × depth.
///
/// The check follows an upper bound of the open levels line by line, without parsing. A line
/// can open a level only with a marker at its start (`>`, `-`, `+`, `*`, `1.`, `1)`), and keep an
/// open level only with a `>` or with indentation before its first list marker (a list item's
/// content is indented at least two columns; after a list marker, every level is new). A line
/// after a blank line cannot be a paragraph's lazy continuation, so it keeps only the levels it
/// shows; another line may be one, and keep them all.
enum MarkdownNesting {
  static func check(_ text: String) throws(PageLimitError) {
    var text = text
    if let excess = text.withUTF8(firstExcess(in:)) { throw excess }
  }

  /// The error for the first line nested too deep, if one is. Read as a buffer, and each line's
  /// text skipped once its prefix is read: byte by byte through the string, this check cost
  /// more than cmark-gfm's parse of the page.
  private static func firstExcess(in bytes: UnsafeBufferPointer<UInt8>) -> PageLimitError? {
    var depth = 0
    var afterBlank = true
    var lineNumber = 0
    var prefix = LinePrefix()
    var afterCarriageReturn = false
    func endLine() -> PageLimitError? {
      lineNumber += 1
      prefix.finish()
      if !prefix.isBlank {
        let shown = prefix.markers + min(depth, prefix.columns / 2)
        depth = afterBlank ? shown : max(depth, shown)
        guard depth <= PageLimits.markdownNesting else {
          return PageLimitError(
            line: lineNumber, reason: "block quotes and lists nested more than \(PageLimits.markdownNesting) deep")
        }
      }
      afterBlank = prefix.isBlank
      prefix = LinePrefix()
      return nil
    }
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case 0x0A where afterCarriageReturn: afterCarriageReturn = false
      case 0x0A, 0x0D:
        if let excess = endLine() { return excess }
        afterCarriageReturn = byte == 0x0D
      default:
        afterCarriageReturn = false
        prefix.read(byte)
        // The rest of a line's text counts for nothing: on to its end.
        if prefix.isInText {
          while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
        }
      }
    }
    return prefix.isBlank ? nil : endLine()
  }

  /// The start of a line as far as it can hold block quote and list markers, read byte by byte.
  private struct LinePrefix {
    /// `>` and list markers.
    var markers = 0
    /// The white space that may keep list items open: before the first list marker, less the
    /// space a `>` takes after it; tabs counted as four columns.
    var columns = 0
    private var afterListMarker = false
    private var afterQuote = false
    var isBlank = true
    private var state = State.between

    private enum State {
      /// Between markers: white space, a marker or the text may come.
      case between
      /// After a bullet or an ordered marker's `.` or `)`: a marker needs white space next.
      case afterMarker
      /// In an ordered marker's digits.
      case digits(Int)
      /// In the line's text: nothing more to count.
      case text
    }

    /// Whether the line's text has begun: nothing after counts (the line is not blank either).
    var isInText: Bool {
      if case .text = state { true } else { false }
    }

    /// Counts a marker that ends the line (an empty list item).
    mutating func finish() {
      if case .afterMarker = state { markers += 1 }
      state = .text
    }

    mutating func read(_ byte: UInt8) {
      let isSpace = byte == 0x20 || byte == 0x09
      if !isSpace { isBlank = false }
      switch state {
      case .text:
        return
      case .afterMarker:
        if isSpace {
          markers += 1
          afterListMarker = true
          state = .between
        } else {
          state = .text
        }
      case .digits(let count):
        if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) && count < 9 {
          state = .digits(count + 1)
        } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")") {
          state = .afterMarker
        } else {
          state = .text
        }
      case .between:
        let quoted = afterQuote
        afterQuote = false
        switch byte {
        case 0x20, 0x09:
          if !afterListMarker { columns += (byte == 0x09 ? 4 : 1) - (quoted ? 1 : 0) }
        case UInt8(ascii: ">"):
          markers += 1
          afterQuote = true
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"): state = .afterMarker
        case UInt8(ascii: "0")...UInt8(ascii: "9"): state = .digits(1)
        default: state = .text
        }
      }
    }
  }
}
