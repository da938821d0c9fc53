/// The columns a text takes on a terminal, as `wcwidth.width` (wcwidth 0.9.4) counts them: the
/// measure prettytable 3.18 sizes columns, pads cells and decides wrapping with.
///
/// Why not `count` or a simple East Asian Width lookup: wcwidth measures grapheme clusters (emoji
/// joined with ZWJ take two columns, a VS16 widens a narrow emoji, a pair of regional indicators
/// is one flag, a virama joins two consonants into one two-column cluster, a spacing mark after a
/// base makes a cluster two wide), ignores escape sequences and control characters, and follows
/// the cursor through backspaces, carriage returns, tabs and cursor-movement sequences. A column
/// width that is off by one shifts every border of a table.
///
/// Not ported: terminal-specific override tables (`term_program`, off by default), the ambiguous
/// width 2 option, and the Kitty text sizing sequence (OSC 66), measured here as any other OSC.
public enum DisplayWidth {
  /// `wcwidth.width(text)` with its defaults (`control_codes='parse'`, `tabsize=8`).
  public static func of<Text: StringProtocol>(_ text: Text) -> Int {
    if isPrintableASCII(text) { return text.utf8.count }
    return of(scalars: Array(text.unicodeScalars))
  }

  /// Whether every byte is printable ASCII (so one column each, and no line breaks): most cells
  /// are, and tables measure every cell.
  static func isPrintableASCII<Text: StringProtocol>(_ text: Text) -> Bool {
    let isPrintable = { (byte: UInt8) in byte &- 0x20 < 0x5F }
    return text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(isPrintable) } ?? text.utf8.allSatisfy(isPrintable)
  }

  /// `width()` on code points, Python's indexing unit.
  static func of(scalars text: [Unicode.Scalar]) -> Int {
    if text.allSatisfy({ (0x20...0x7E).contains($0.value) }) { return text.count }
    // wcwidth's fast path: a text over 20 code points that cannot move the cursor is measured in
    // 'ignore' mode, sequences and control characters removed.
    if text.count > 20, !text.contains(where: { $0 == "\u{8}" || $0 == "\t" || $0 == "\r" }),
      !text.contains("\u{1B}")
        || (!EscapeSequence.containsCursorMovement(text)
          && !EscapeSequence.containsTextSizing(text))
    {
      let visible = EscapeSequence.stripped(text).filter { !isControl($0.value) }
      return clusterWidth(of: visible)
    }
    return parsedWidth(of: text)
  }

  /// `wcwidth.wcwidth(char)`: -1 for control characters, 0 for zero-width ones, 2 for wide ones.
  static func ofCharacter(_ value: UInt32) -> Int {
    if value >= 32 && value < 0x7F { return 1 }
    if (value != 0 && value < 32) || (value >= 0x7F && value < 0xA0) { return -1 }
    if WCWidthTables.zeroWidth.contains(value) { return 0 }
    if WCWidthTables.wide.contains(value) { return 2 }
    return 1
  }

  /// C0 controls, DEL and C1 controls: what the 'ignore' mode deletes before measuring.
  private static func isControl(_ value: UInt32) -> Bool {
    value < 0x20 || (value >= 0x7F && value < 0xA0)
  }

  private static let fitzpatrick: ClosedRange<UInt32> = 0x1F3FB...0x1F3FF

  private static func joinsWithZWJ(_ value: UInt32?) -> Bool {
    guard let value else { return false }
    return WCWidthTables.extendedPictographic.contains(value)
      || WCWidthTables.regionalIndicator.contains(value)
  }

  /// Regional indicators just before `index`: an odd count makes this one the second of a flag.
  private static func completesFlag(_ text: [Unicode.Scalar], at index: Int) -> Bool {
    var before = 0
    var position = index - 1
    while position >= 0, WCWidthTables.regionalIndicator.contains(text[position].value) {
      before += 1
      position -= 1
    }
    return before % 2 == 1
  }

  /// `wcswidth` (what the 'ignore' mode measures with): grapheme-aware, no control characters.
  static func clusterWidth(of text: [Unicode.Scalar]) -> Int {
    var total = 0
    var index = 0
    var lastMeasuredIndex = -2
    var lastMeasured: UInt32? = nil
    var lastMeasuredWidth = 0
    var afterVirama = false
    var cluster = 0
    while index < text.count {
      let value = text[index].value
      if value == 0x200D {
        if afterVirama {
          index += 1
        } else if index + 1 < text.count {
          lastMeasuredWidth = 0
          afterVirama = false
          index += 2
        } else {
          afterVirama = false
          index += 1
        }
        continue
      }
      if value == 0xFE0F, lastMeasuredIndex >= 0 {
        if let base = lastMeasured, WCWidthTables.vs16NarrowToWide.contains(base) { cluster = 2 }
        lastMeasuredIndex = -2
        index += 1
        continue
      }
      if value == 0xFE0E, lastMeasuredIndex >= 0 {
        if let base = lastMeasured, WCWidthTables.vs15WideToNarrow.contains(base),
          lastMeasuredWidth == 2
        {
          total -= 1
        }
        lastMeasuredIndex = -2
        index += 1
        continue
      }
      if value > 0xFFFF {
        if WCWidthTables.regionalIndicator.contains(value) {
          if completesFlag(text, at: index) {
            lastMeasured = value
            index += 1
            continue
          }
        } else if fitzpatrick.contains(value), joinsWithZWJ(lastMeasured) {
          index += 1
          continue
        }
      }
      let width = ofCharacter(value)
      if width < 0 { return -1 }
      if width > 0 {
        if afterVirama {
          cluster = 2
        } else {
          total += cluster
          cluster = width
        }
        lastMeasuredIndex = index
        lastMeasured = value
        lastMeasuredWidth = width
        afterVirama = false
      } else if WCWidthTables.virama.contains(value) {
        afterVirama = true
      } else if lastMeasuredIndex >= 0, WCWidthTables.spacingMark.contains(value) {
        cluster = 2
        lastMeasuredIndex = -2
        afterVirama = false
      } else {
        afterVirama = false
      }
      index += 1
    }
    return total + cluster
  }

  /// `width()` in 'parse' mode: the rightmost column the cursor reaches.
  private static func parsedWidth(of text: [Unicode.Scalar]) -> Int {
    var column = 0
    var extent = 0
    var index = 0
    var lastMeasuredIndex = -2
    var lastMeasured: UInt32? = nil
    var lastMeasuredWidth = 0
    var afterVirama = false
    var extentBeforeLast = 0
    var cluster = 0

    func flush() {
      guard cluster != 0 else { return }
      column += cluster
      extent = max(extent, column)
      cluster = 0
    }
    func forgetLast() {
      lastMeasuredIndex = -2
      lastMeasured = nil
    }

    while index < text.count {
      let value = text[index].value
      switch value {
      case 0x1B:
        flush()
        if let sequence = EscapeSequence.match(text, at: index) {
          switch sequence.movement {
          case .column(let target): column = target - 1
          case .right(let count): column += count
          case .left(let count): column = max(0, column - count)
          case nil: break
          }
          index = sequence.end
        } else {
          index += 1
        }
        forgetLast()
        extent = max(extent, column)
        continue
      case 0x08, 0x09, 0x0D:
        flush()
        if value == 0x09 {
          column += 8 - column % 8
        } else if value == 0x08 {
          if column > 0 { column -= 1 }
        } else {
          column = 0
        }
        extent = max(extent, column)
        index += 1
        forgetLast()
        continue
      case 0x00..<0x20, 0x7F..<0xA0:
        // Illegal, vertical and zero-width controls: no column.
        flush()
        index += 1
        forgetLast()
        continue
      default: break
      }
      if value == 0x200D {
        if afterVirama {
          index += 1
        } else if index + 1 < text.count {
          lastMeasuredWidth = 0
          afterVirama = false
          index += 2
        } else {
          afterVirama = false
          index += 1
        }
        continue
      }
      if value == 0xFE0F, lastMeasuredIndex >= 0 {
        if let base = lastMeasured, WCWidthTables.vs16NarrowToWide.contains(base) { cluster = 2 }
        lastMeasuredIndex = -2
        index += 1
        continue
      }
      if value == 0xFE0E, lastMeasuredIndex >= 0 {
        if let base = lastMeasured, WCWidthTables.vs15WideToNarrow.contains(base),
          lastMeasuredWidth == 2
        {
          column -= 1
          extent = max(extentBeforeLast, column)
        }
        lastMeasuredIndex = -2
        index += 1
        continue
      }
      if value > 0xFFFF {
        if WCWidthTables.regionalIndicator.contains(value) {
          if completesFlag(text, at: index) {
            lastMeasured = value
            index += 1
            continue
          }
        } else if fitzpatrick.contains(value), joinsWithZWJ(lastMeasured) {
          index += 1
          continue
        }
      }
      let width = ofCharacter(value)
      if width > 0 {
        if afterVirama {
          cluster = 2
        } else if cluster != 0 {
          column += cluster
          extent = max(extent, column)
          cluster = width
        } else {
          cluster = width
        }
        lastMeasuredIndex = index
        lastMeasured = value
        lastMeasuredWidth = width
        extentBeforeLast = extent
        afterVirama = false
      } else if WCWidthTables.virama.contains(value) {
        afterVirama = true
      } else if lastMeasuredIndex >= 0, WCWidthTables.spacingMark.contains(value) {
        cluster = 2
        lastMeasuredIndex = -2
        afterVirama = false
      } else {
        afterVirama = false
      }
      index += 1
    }
    flush()
    return extent
  }
}

/// A sorted table of inclusive code point ranges, searched by bisection (`wcwidth.bisearch`).
struct RangeTable: Sendable {
  private let bounds: [UInt32]

  /// `bounds` holds `first, last` pairs in ascending order.
  init(_ bounds: [UInt32]) { self.bounds = bounds }

  func contains(_ value: UInt32) -> Bool {
    var low = 0
    var high = bounds.count / 2 - 1
    guard high >= 0, value >= bounds[0], value <= bounds[2 * high + 1] else { return false }
    while low <= high {
      let middle = (low + high) / 2
      if value > bounds[2 * middle + 1] {
        low = middle + 1
      } else if value < bounds[2 * middle] {
        high = middle - 1
      } else {
        return true
      }
    }
    return false
  }
}

/// The terminal escape sequences wcwidth recognises (`ZERO_WIDTH_PATTERN`, and the cursor
/// movements of `_SEQUENCE_CLASSIFY`).
enum EscapeSequence {
  enum Movement: Equatable {
    /// `ESC [ n G`: to column n (1-based).
    case column(Int)
    /// `ESC [ n C`.
    case right(Int)
    /// `ESC [ n D`.
    case left(Int)
  }

  struct Match {
    var end: Int
    var movement: Movement? = nil
  }

  /// The sequence starting at `index` (an ESC), tried in the order of wcwidth's alternatives.
  static func match(_ text: [Unicode.Scalar], at index: Int) -> Match? {
    func at(_ position: Int) -> UInt32? { position < text.count ? text[position].value : nil }
    guard at(index) == 0x1B, let kind = at(index + 1) else { return nil }
    switch kind {
    case 0x5B:  // CSI: parameters, intermediates, a final byte.
      var end = index + 2
      while let value = at(end), (0x30...0x3F).contains(value) { end += 1 }
      let parametersEnd = end
      while let value = at(end), (0x20...0x2F).contains(value) { end += 1 }
      if let final = at(end), (0x40...0x7E).contains(final) {
        let parameters = text[(index + 2)..<parametersEnd]
        var movement: Movement? = nil
        if parametersEnd == end, parameters.allSatisfy({ (0x30...0x39).contains($0.value) }) {
          let count = Int(String(String.UnicodeScalarView(parameters)))
          switch final {
          case 0x47: movement = .column(count ?? 1)
          case 0x43: movement = .right(count ?? 1)
          case 0x44: movement = .left(count ?? 1)
          default: break
          }
        }
        return Match(end: end + 1, movement: movement)
      }
    case 0x5D, 0x5F, 0x50, 0x5E:  // OSC, APC, DCS, PM: up to BEL or ST.
      var end = index + 2
      while let value = at(end), value != 0x07, value != 0x1B { end += 1 }
      if at(end) == 0x07 { return Match(end: end + 1) }
      if at(end) == 0x1B, at(end + 1) == 0x5C { return Match(end: end + 2) }
    case 0x28, 0x29:
      if at(index + 2) != nil { return Match(end: index + 3) }
    default: break
    }
    if (0x20...0x2F).contains(kind) {
      var end = index + 1
      while let value = at(end), (0x20...0x2F).contains(value) { end += 1 }
      if let final = at(end), (0x30...0x7E).contains(final) { return Match(end: end + 1) }
    }
    if (0x30...0x7E).contains(kind) { return Match(end: index + 2) }
    return nil
  }

  /// `CURSOR_MOVEMENT_SEQUENCE.search`: `ESC [ digits C|D|G` anywhere.
  static func containsCursorMovement(_ text: [Unicode.Scalar]) -> Bool {
    for index in text.indices
    where text[index] == "\u{1B}" && index + 1 < text.count && text[index + 1] == "[" {
      var end = index + 2
      while end < text.count, (0x30...0x39).contains(text[end].value) { end += 1 }
      if end < text.count, "CDG".unicodeScalars.contains(text[end]) { return true }
    }
    return false
  }

  /// `TEXT_SIZING_PATTERN.search`: a terminated OSC 66.
  static func containsTextSizing(_ text: [Unicode.Scalar]) -> Bool {
    let prefix: [Unicode.Scalar] = ["\u{1B}", "]", "6", "6", ";"]
    for index in text.indices where text[index] == "\u{1B}" {
      if index + prefix.count <= text.count, Array(text[index..<(index + prefix.count)]) == prefix,
        match(text, at: index) != nil
      {
        return true
      }
    }
    return false
  }

  /// `strip_sequences`: every recognised sequence removed, an unknown ESC kept.
  static func stripped(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
    guard text.contains("\u{1B}") else { return text }
    var result: [Unicode.Scalar] = []
    var index = 0
    while index < text.count {
      if text[index] == "\u{1B}", let sequence = match(text, at: index) {
        index = sequence.end
      } else {
        result.append(text[index])
        index += 1
      }
    }
    return result
  }
}
