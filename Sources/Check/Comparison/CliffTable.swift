import OpenStackCLI

/// A table as cliff prints it, read back from its text: the column names and the logical rows,
/// each cell's lines joined, so that a table wrapped at one width compares with the same table
/// wrapped at another.
struct CliffTable: Equatable {
  var columns: [String]
  var rows: [Row]

  struct Row: Equatable {
    /// Each cell's lines, joined with a line feed.
    var cells: [String]
    /// The index of the row's first physical line in the output.
    var line: Int
  }

  /// The table the lines are, border to border; `nil` when they are anything else (text around
  /// the table, or two tables).
  static func parse(_ lines: [String]) -> CliffTable? {
    guard lines.count >= 3, let border = lines.first, isBorder(border), isBorder(lines[lines.count - 1]) else {
      return nil
    }
    // Column boundaries: the display columns of the `+`s, which are its bytes' offsets (a border
    // is all `+` and `-`).
    var boundaries: [Int] = []
    for (offset, byte) in border.utf8.enumerated() where byte == UInt8(ascii: "+") { boundaries.append(offset) }
    guard boundaries.count >= 2 else { return nil }
    var sections: [[[String]]] = [[]]
    for line in lines.dropFirst().dropLast() {
      if isBorder(line) {
        guard line == border else { return nil }
        sections.append([])
        continue
      }
      guard let cells = split(line, at: boundaries) else { return nil }
      sections[sections.count - 1].append(cells)
    }
    // Header, then rows; an empty table printed with --print-empty has no row section.
    guard let header = sections.first, !header.isEmpty, sections.count <= 2 else { return nil }
    let columns = joined(header)
    var rows: [Row] = []
    let rowLines = sections.count == 2 ? sections[1] : []
    let firstRowLine = header.count + 2
    var start = 0
    let firstWidth = boundaries[1] - boundaries[0] - 3
    for index in rowLines.indices
    where index > start && !rowLines[index][0].isEmpty
      && !continues(rowLines[start..<index].map { $0[0] }, with: rowLines[index][0], width: firstWidth)
    {
      rows.append(Row(cells: joined(Array(rowLines[start..<index])), line: firstRowLine + start))
      start = index
    }
    if start < rowLines.count { rows.append(Row(cells: joined(Array(rowLines[start...])), line: firstRowLine + start)) }
    return CliffTable(columns: columns, rows: rows)
  }

  /// Whether a line whose first cell is not empty still belongs to the row above: the row's first
  /// cell is a request ID, UUID or time cut short by wrapping, and the line goes on with it. (A new
  /// row normally starts with a non-empty first cell; but a first column too narrow for its IDs
  /// wraps them, and then every line of the ID has text in that column.) The cut is real only
  /// where the next piece would not have fitted on the line above: wrapping fills each line.
  private static func continues(_ pieces: [String], with next: String, width: Int) -> Bool {
    let sofar = pieces.joined()
    guard let last = pieces.last, VolatileValue.begins(sofar, strictly: true),
      VolatileValue.begins(sofar + next, strictly: false)
    else { return false }
    let firstChunk = next.prefix { $0 != "-" } + (next.utf8.contains(UInt8(ascii: "-")) ? "-" : "")
    return DisplayWidth.of(last) + DisplayWidth.of(String(firstChunk)) > width
  }

  private static func isBorder(_ line: String) -> Bool {
    line.first == "+" && line.last == "+" && line.utf8.allSatisfy { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
  }

  /// A row line cut at the border's `+` columns (display columns, so that wide characters count
  /// twice), each piece without its padding; `nil` when the line does not fit the border.
  private static func split(_ line: String, at boundaries: [Int]) -> [String]? {
    var contiguous = line
    if contiguous.withUTF8({ $0.allSatisfy { $0 &- 0x20 < 0x5F } }) {
      return contiguous.withUTF8 { splitPrintableASCII($0, at: boundaries) }
    }
    guard line.first == "|", line.last == "|" else { return nil }
    var cells: [String] = []
    var current = ""
    var column = 0
    var next = 1
    for character in line {
      if column == boundaries[next] {
        guard character == "|" else { return nil }
        cells.append(String(current.trimmingBlanks))
        current = ""
        next += 1
        if next == boundaries.count { break }
      } else if column > boundaries[0] {
        current.append(character)
      }
      column += max(0, DisplayWidth.of(String(character)))
    }
    return cells.count == boundaries.count - 1 ? cells : nil
  }

  /// ``split(_:at:)`` for a line of printable ASCII, where a display column is a byte: each cell
  /// is the bytes between two boundaries, read in the line's buffer (most tables are such lines;
  /// measuring each character's width was a third of a check's time).
  private static func splitPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>, at boundaries: [Int]) -> [String]? {
    guard bytes.first == UInt8(ascii: "|"), bytes.last == UInt8(ascii: "|") else { return nil }
    var cells: [String] = []
    for next in 1..<boundaries.count {
      let (start, end) = (boundaries[next - 1] + 1, boundaries[next])
      guard start <= end, end < bytes.count, bytes[end] == UInt8(ascii: "|") else { return nil }
      var (first, last) = (start, end)
      while first < last, bytes[first] == UInt8(ascii: " ") { first += 1 }
      while last > first, bytes[last - 1] == UInt8(ascii: " ") { last -= 1 }
      cells.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self))
    }
    return cells
  }

  /// The cells of consecutive physical lines, each column's lines joined with a line feed
  /// (trailing empty lines of shorter cells dropped).
  private static func joined(_ lines: [[String]]) -> [String] {
    // Most rows are one line.
    if lines.count == 1 { return lines[0] }
    return lines[0].indices.map { column in
      var parts = lines.map { $0[column] }
      while parts.count > 1, parts.last?.isEmpty == true { parts.removeLast() }
      return parts.joined(separator: "\n")
    }
  }
}

extension StringProtocol {
  var trimmingBlanks: SubSequence {
    let start = firstIndex { $0 != " " } ?? endIndex
    let end = lastIndex { $0 != " " }.map { index(after: $0) } ?? start
    return self[start..<end]
  }
}

/// The shapes of the values a wrapped cell may cut: a UUID (after `req-` for a request ID) and an
/// ISO 8601 time.
enum VolatileValue {
  private static let templates = [
    Array("hhhhhhhh-hhhh-hhhh-hhhh-hhhhhhhhhhhh".utf8), Array("dddd-dd-ddTdd:dd:dd.dddddd".utf8),
  ]

  /// Whether `text` is the beginning of such a value (`strictly`: a proper beginning, not the
  /// whole value).
  static func begins(_ text: String, strictly: Bool) -> Bool {
    var bytes = Array(text.utf8)[...]
    // A request ID's prefix alone (`req-`, cut before its UUID) is a proper beginning too.
    if !bytes.isEmpty && "req-".utf8.starts(with: bytes) { return true }
    if bytes.starts(with: "req-".utf8) { bytes = bytes.dropFirst(4) }
    return templates.contains { template in
      guard !bytes.isEmpty, strictly ? bytes.count < template.count : bytes.count <= template.count else { return false }
      return zip(bytes, template).allSatisfy { byte, kind in
        switch kind {
        case UInt8(ascii: "h"): (48...57).contains(byte) || (97...102).contains(byte)
        case UInt8(ascii: "d"): (48...57).contains(byte)
        default: byte == kind
        }
      }
    }
  }
}
