/// The part of prettytable 3.18's `PrettyTable` that cliff uses: the default style (borders of
/// `+`, `-` and `|`, a frame of horizontal rules, one space of padding), per-column alignment and
/// maximum width, top vertical alignment, and `get_string()`.
///
/// Cells are strings already formatted (`str()`, tabs expanded); widths are wcwidth's display
/// widths (``DisplayWidth``), and a cell line wider than its column is wrapped with
/// `wcwidth.wrap` (``TextWrapper``).
struct PrettyTable {
  enum Alignment: Sendable {
    case left
    case right
  }

  var fields: [String]
  var alignments: [Alignment]
  var rows: [[String]] = [] {
    didSet { sizes = rows.map { $0.map(Self.size) } }
  }
  /// Each cell's widest line and number of lines, measured once: the widths, the check for
  /// wrapping and the padding all need them, and measuring a cell scans its bytes.
  private var sizes: [[(width: Int, height: Int)]] = []
  /// `max_width` per column (cliff sets it when it shrinks a table); `nil`: unlimited.
  var maxWidths: [Int?]
  /// `print_empty`: whether a table without rows still prints its header.
  var printEmpty: Bool

  init(fields: [String], alignments: [Alignment]? = nil, printEmpty: Bool) {
    self.fields = fields
    self.alignments = alignments ?? Array(repeating: .left, count: fields.count)
    self.maxWidths = Array(repeating: nil, count: fields.count)
    self.printEmpty = printEmpty
  }

  /// `_compute_widths`: each column as wide as its header's widest line and its cells' widest
  /// lines, a cell counting at most the column's maximum width (the header is never limited).
  func columnWidths() -> [Int] {
    var widths = fields.map { Self.size($0).width }
    for row in sizes {
      for index in row.indices where index < widths.count {
        let cell = row[index].width
        widths[index] = max(widths[index], maxWidths[index].map { min(cell, $0) } ?? cell)
      }
    }
    return widths
  }

  /// `get_string()`: empty for a table without rows unless `printEmpty`.
  func rendered() -> String {
    guard !rows.isEmpty || printEmpty else { return "" }
    let widths = columnWidths()
    let rule = Self.rule(widths)
    // Built as UTF-8 bytes: appending padding and cells to a `String` cost a third of a
    // command's time.
    var output: [UInt8] = []
    output.reserveCapacity(rule.count * (rows.count * 2 + 4))
    output += rule
    output.append(0x0A)
    appendHeader(widths: widths, to: &output)
    output.append(0x0A)
    output += rule
    for (row, rowSizes) in zip(rows, sizes) {
      // Most rows are one line that fits: nothing to wrap or lay out.
      if fitsOnOneLine(rowSizes, widths: widths) {
        output.append(0x0A)
        append(row, widths: widths, cellWidths: rowSizes.lazy.map(\.width), to: &output)
        continue
      }
      for line in physicalLines(of: row, widths: widths) {
        output.append(0x0A)
        append(line, widths: widths, to: &output)
      }
    }
    output.append(0x0A)
    output += rule
    return String(decoding: output, as: UTF8.self)
  }

  /// `_stringify_hrule`: `+`, a run of `-` two longer than each column, `+` between and after.
  private static func rule(_ widths: [Int]) -> [UInt8] {
    var rule: [UInt8] = [0x2B]
    for width in widths {
      rule.append(contentsOf: repeatElement(0x2D, count: width + 2))
      rule.append(0x2B)
    }
    return rule
  }

  /// `_stringify_header`: a header wider than its column is cut to the column's width in code
  /// points (only a multi-line header can be: its width counts all its lines).
  private func appendHeader(widths: [Int], to output: inout [UInt8]) {
    let names = fields.indices.map { index -> String in
      let name = fields[index]
      guard DisplayWidth.of(name) > widths[index] else { return name }
      return String(String.UnicodeScalarView(name.unicodeScalars.prefix(widths[index])))
    }
    append(names, widths: widths, to: &output)
  }

  /// One physical line: `| cell | cell |`, each cell padded to its column's width (wcwidth's
  /// `ljust` and `rjust`: a cell wider than its column is left as it is).
  private func append(_ cells: [String], widths: [Int], to output: inout [UInt8]) {
    append(cells, widths: widths, cellWidths: cells.lazy.map { DisplayWidth.of($0) }, to: &output)
  }

  /// One physical line whose cells' widths are known.
  private func append(
    _ cells: [String], widths: [Int], cellWidths: some Collection<Int>, to output: inout [UInt8]
  ) {
    output.append(0x7C)
    for (index, cellWidth) in zip(cells.indices, cellWidths) {
      let cell = cells[index]
      let padding = max(0, widths[index] - cellWidth)
      output.append(0x20)
      if alignments[index] == .left {
        Self.append(cell, to: &output)
        Self.appendSpaces(padding, to: &output)
      } else {
        Self.appendSpaces(padding, to: &output)
        Self.append(cell, to: &output)
      }
      output.append(0x20)
      output.append(0x7C)
    }
  }

  /// A cell's bytes, copied as a block when the string's are contiguous (a native string's are):
  /// appending them one by one cost more than the rest of the line.
  private static func append(_ cell: String, to output: inout [UInt8]) {
    let copied: Void? = cell.utf8.withContiguousStorageIfAvailable { output.append(contentsOf: $0) }
    if copied == nil { output += cell.utf8 }
  }

  /// `count` spaces, copied from a run kept for it (most padding is shorter).
  private static func appendSpaces(_ count: Int, to output: inout [UInt8]) {
    var left = count
    while left > 0 {
      let run = min(left, spaces.count)
      output.append(contentsOf: spaces[..<run])
      left -= run
    }
  }

  private static let spaces = [UInt8](repeating: 0x20, count: 64)

  /// `_stringify_row`: every line of a cell that is wider than its column wrapped, then the cells
  /// laid side by side, top-aligned, shorter ones continued with empty lines.
  private func physicalLines(of row: [String], widths: [Int]) -> [[String]] {
    let cells = row.indices.map { index -> [String] in
      let width = widths[index]
      var lines: [String] = []
      for line in Self.lines(row[index]) {
        if DisplayWidth.of(line) > width {
          let wrapped = TextWrapper(width: width).wrap(line)
          // "\n".join([]) is one empty line.
          lines += wrapped.isEmpty ? [""] : wrapped
        } else {
          lines.append(line)
        }
      }
      return lines
    }
    let height = cells.map(\.count).max() ?? 1
    return (0..<height).map { y in cells.map { y < $0.count ? $0[y] : "" } }
  }

  /// Whether every cell of a row, by its cells' sizes, is one line within its column.
  private func fitsOnOneLine(_ sizes: [(width: Int, height: Int)], widths: [Int]) -> Bool {
    sizes.indices.allSatisfy { index in sizes[index].height == 1 && sizes[index].width <= widths[index] }
  }

  /// `_get_size`: the widest line and the number of lines.
  static func size(_ text: String) -> (width: Int, height: Int) {
    if DisplayWidth.isPrintableASCII(text) { return (text.utf8.count, 1) }
    guard text.utf8.contains(0x0A) else { return (DisplayWidth.of(text), 1) }
    let lines = Self.lines(text)
    return (lines.map { DisplayWidth.of($0) }.max() ?? 0, lines.count)
  }

  /// `text.split("\n")`: at every line feed, code point by code point (a `Character` would keep
  /// `\r\n` whole).
  static func lines(_ text: String) -> [String] {
    guard text.utf8.contains(0x0A) else { return [text] }
    // A line feed byte is always a whole code point in UTF-8.
    return text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map {
      String(decoding: $0, as: UTF8.self)
    }
  }
}
