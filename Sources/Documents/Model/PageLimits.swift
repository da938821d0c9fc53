/// What the readers refuse, so that reading any page takes time linear in its size and bounded
/// memory. Real pages stay far below every limit; a page beyond one is refused whole, with the
/// limit it exceeds, rather than read in part.
public enum PageLimits {
  /// The largest page read: 10 MB (10 × 2²⁰ bytes).
  public static let bytes = 10 << 20
  /// The most lines a page may have. Each line of a console block may be a command, and a
  /// command costs some hundreds of bytes to keep: this bounds that memory.
  public static let lines = 200_000
  /// How deep Markdown block quotes and lists may nest. cmark-gfm walks every open level on
  /// each line, blank lines included.
  public static let markdownNesting = 100
  /// What cmark-gfm may hold for a page's blocks and table cells, in bytes.
  public static let markdownBlockMemory = 64 << 20
  /// The most text a reStructuredText page may hold once its tabs are expanded to 8-column
  /// stops, as docutils expands them: a tab is one byte and up to eight spaces.
  public static let expandedText = 64 << 20

  /// The page's lines, counted as the readers break them (`\n`, `\r\n`, `\r`), or an error when
  /// there are more than ``lines``.
  static func checkLines(_ text: String) throws(PageLimitError) {
    var text = text
    // Over the contiguous bytes: the `utf8` view's iterator costs several times as much a byte.
    let count = text.withUTF8 { bytes in
      var count = 0
      var previous: UInt8 = 0
      for byte in bytes {
        if byte == 0x0A && previous != 0x0D || byte == 0x0D { count += 1 }
        previous = byte
      }
      if previous != 0x0A && previous != 0x0D && previous != 0 { count += 1 }
      return count
    }
    guard count <= lines else { throw tooManyLines }
  }

  static let tooManyLines = PageLimitError(line: nil, reason: "more than \(lines.formatted) lines")
}

/// Why a page's text was refused: the limit it exceeds and, when one line shows it, that line.
public struct PageLimitError: Error, Equatable {
  public var line: Int?
  public var reason: String

  public init(line: Int?, reason: String) {
    self.line = line
    self.reason = reason
  }
}

extension Int {
  /// The number with thousands separated by commas, as the README and errors write limits.
  var formatted: String {
    let digits = String(self)
    return digits.enumerated().map { index, digit in
      index > 0 && (digits.count - index) % 3 == 0 ? ",\(digit)" : "\(digit)"
    }.joined()
  }
}
