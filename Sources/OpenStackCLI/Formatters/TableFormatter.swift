import Foundation
import CloudAPI

/// cliff's `TableFormatter` on prettytable 3.18: borders of `+`, `-` and `|`, one space of
/// padding, columns as wide as their widest line, and, when a terminal width applies, cliff's
/// `_assign_max_widths` shrinking with prettytable's word wrapping.
enum TableFormatter {
  /// `emit_list`: a column's alignment comes from the Python type of its value in the first row
  /// (int and float right, header included; everything else left).
  static func list(columns: [String], rows: [[JSON]], options: FormatterOptions) -> String {
    guard !rows.isEmpty || options.printEmpty else { return "\n" }
    let alignments = columns.indices.map { index -> Alignment in
      switch rows.first?[index] {
      case .int?, .double?: return .right
      default: return .left
      }
    }
    var table = PrettyTable(fields: columns, alignments: alignments, rows: rows.map { $0.map(cell) })
    table.assignMaxWidths(options.terminalWidth, minimumWidth: 8)
    return table.rendered() + "\n"
  }

  /// `emit_one`: a Field/Value table, both columns left-aligned.
  static func show(fields: [(String, JSON)], options: FormatterOptions) -> String {
    guard !fields.isEmpty else { return "\n" }
    var table = PrettyTable(
      fields: ["Field", "Value"], alignments: [.left, .left],
      rows: fields.map { [cell(.string($0.0)), cell($0.1)] })
    table.assignMaxWidths(options.terminalWidth, minimumWidth: 16)
    return table.rendered() + "\n"
  }

  /// cliff's `_format_row` (line breaks in strings normalised), then prettytable's
  /// `_format_value`: `str()`, tabs expanded.
  private static func cell(_ value: JSON) -> String {
    guard case .string(let text) = value else { return expandingTabs(PythonText.str(value)) }
    guard text.utf8.contains(0x0D) else { return expandingTabs(text) }
    return expandingTabs(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: " "))
  }

  /// Python's `str.expandtabs()`: 8-column stops, counted from each line start.
  private static func expandingTabs(_ text: String) -> String {
    guard text.utf8.contains(0x09) else { return text }
    var result = ""
    var column = 0
    for character in text {
      switch character {
      case "\t":
        let spaces = 8 - column % 8
        result += String(repeating: " ", count: spaces)
        column += spaces
      case "\n":
        result.append(character)
        column = 0
      default:
        result.append(character)
        column += 1
      }
    }
    return result
  }
}

enum Alignment {
  case left
  case right
}

/// The part of prettytable cliff uses.
struct PrettyTable {
  var fields: [String]
  var alignments: [Alignment]
  var rows: [[String]]
  /// `max_width` per column, set by cliff when it shrinks a table.
  var maxWidths: [Int?]

  init(fields: [String], alignments: [Alignment], rows: [[String]]) {
    self.fields = fields
    self.alignments = alignments
    self.rows = rows
    self.maxWidths = Array(repeating: nil, count: fields.count)
  }

  /// `_compute_widths`: the header's width, and each cell's widest line, limited to the column's
  /// maximum width (the header is never limited).
  var widths: [Int] {
    fields.indices.map { index in
      rows.reduce(Self.size(fields[index]).width) { width, row in
        let cell = Self.size(row[index]).width
        return max(width, maxWidths[index].map { min(cell, $0) } ?? cell)
      }
    }
  }

  /// cliff's `_assign_max_widths`: when the table is wider than the terminal, columns wider than
  /// an even share are given an equal part of what the narrower ones leave, the last the rest.
  mutating func assignMaxWidths(_ terminalWidth: Int?, minimumWidth: Int) {
    guard let terminalWidth, let firstLine = rendered().split(separator: "\n").first,
      DisplayWidth.of(firstLine) > terminalWidth
    else { return }
    let usable = max(0, terminalWidth - 1 - 3 * fields.count)
    let optimal = fields.isEmpty ? 0 : max(0, usable / fields.count)
    let current = widths
    var remaining = usable
    var shrinking: [Int] = []
    for index in fields.indices {
      if current[index] <= optimal { remaining -= current[index] } else { shrinking.append(index) }
    }
    guard let last = shrinking.last else { return }
    let share = remaining / shrinking.count
    for index in shrinking.dropLast() {
      maxWidths[index] = max(minimumWidth, share)
      remaining -= share
    }
    maxWidths[last] = max(minimumWidth, remaining)
  }

  /// `get_string`.
  func rendered() -> String {
    let widths = self.widths
    var rule = "+"
    for width in widths {
      rule += String(repeating: "-", count: width + 2)
      rule += "+"
    }
    var output = rule + "\n"
    output.reserveCapacity(rule.utf8.count * (rows.count + 4))
    append(fields, widths: widths, to: &output)
    output += "\n" + rule
    for row in rows {
      for line in physicalLines(row, widths: widths) {
        output += "\n"
        append(line, widths: widths, to: &output)
      }
    }
    output += "\n" + rule
    return output
  }

  private func append(_ cells: [String], widths: [Int], to output: inout String) {
    output += "|"
    for index in cells.indices {
      let padding = String(repeating: " ", count: max(0, widths[index] - DisplayWidth.of(cells[index])))
      output += " "
      if alignments[index] == .left {
        output += cells[index]
        output += padding
      } else {
        output += padding
        output += cells[index]
      }
      output += " |"
    }
  }

  /// `_stringify_row`: each line of a cell wider than its column wrapped with textwrap, then the
  /// cells laid side by side, shorter ones padded with empty lines.
  private func physicalLines(_ row: [String], widths: [Int]) -> [[String]] {
    let cells = row.indices.map { index -> [String] in
      row[index].split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
        guard DisplayWidth.of(line) > widths[index] else { return [String(line)] }
        return TextWrap.fill(String(line), width: widths[index])
          .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      }
    }
    let height = cells.map(\.count).max() ?? 1
    return (0..<height).map { y in cells.map { y < $0.count ? $0[y] : "" } }
  }

  /// `_get_size`: the widest line and the number of lines.
  private static func size(_ text: String) -> (width: Int, height: Int) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    return (lines.map { DisplayWidth.of($0) }.max() ?? 0, lines.count)
  }
}
