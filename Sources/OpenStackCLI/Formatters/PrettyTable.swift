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
  var rows: [[String]] = []
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
    for row in rows {
      for index in row.indices where index < widths.count {
        let cell = Self.size(row[index]).width
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
    var output = rule
    output.reserveCapacity(rule.utf8.count * (rows.count * 2 + 4))
    output += "\n"
    appendHeader(widths: widths, to: &output)
    output += "\n"
    output += rule
    for row in rows {
      for line in physicalLines(of: row, widths: widths) {
        output += "\n"
        append(line, widths: widths, to: &output)
      }
    }
    output += "\n"
    output += rule
    return output
  }

  /// `_stringify_hrule`: `+`, a run of `-` two longer than each column, `+` between and after.
  static func rule(_ widths: [Int]) -> String {
    var rule = "+"
    for width in widths {
      rule += String(repeating: "-", count: width + 2)
      rule += "+"
    }
    return rule
  }

  /// `_stringify_header`: a header wider than its column is cut to the column's width in code
  /// points (only a multi-line header can be: its width counts all its lines).
  private func appendHeader(widths: [Int], to output: inout String) {
    let names = fields.indices.map { index -> String in
      let name = fields[index]
      guard DisplayWidth.of(name) > widths[index] else { return name }
      return String(String.UnicodeScalarView(name.unicodeScalars.prefix(widths[index])))
    }
    append(names, widths: widths, to: &output)
  }

  /// One physical line: `| cell | cell |`, each cell padded to its column's width (wcwidth's
  /// `ljust` and `rjust`: a cell wider than its column is left as it is).
  private func append(_ cells: [String], widths: [Int], to output: inout String) {
    output += "|"
    for index in cells.indices {
      let cell = cells[index]
      let padding = String(repeating: " ", count: max(0, widths[index] - DisplayWidth.of(cell)))
      output += " "
      if alignments[index] == .left {
        output += cell
        output += padding
      } else {
        output += padding
        output += cell
      }
      output += " |"
    }
  }

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

  /// `_get_size`: the widest line and the number of lines.
  static func size(_ text: String) -> (width: Int, height: Int) {
    guard text.utf8.contains(0x0A) else { return (DisplayWidth.of(text), 1) }
    let lines = Self.lines(text)
    return (lines.map { DisplayWidth.of($0) }.max() ?? 0, lines.count)
  }

  /// `text.split("\n")`: at every line feed, code point by code point (a `Character` would keep
  /// `\r\n` whole).
  static func lines(_ text: String) -> [String] {
    guard text.utf8.contains(0x0A) else { return [text] }
    return text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
      String(String.UnicodeScalarView($0))
    }
  }
}
