import CloudAPI

/// cliff's `TableFormatter` (the default `-f table`) on prettytable 3.18.
///
/// Lists: one column per field, aligned by the Python type of its value in the first row (`int`
/// and `float` right, header included; `bool`, `None`, strings and containers left); an empty
/// list prints one empty line unless `--print-empty`. Show: a two-column Field/Value table, both
/// left-aligned. When a width applies (``TableOptions/fittingWidth``) and the table is wider,
/// cliff's `_assign_max_widths` gives the wide columns a maximum width and prettytable wraps
/// their cells; otherwise nothing is ever wrapped, however long the lines.
public struct TableFormatter: CliffListFormatter, CliffSingleFormatter {
  public var options: TableOptions

  public init(options: TableOptions = TableOptions()) { self.options = options }

  /// `emit_list`.
  public func emitList(columns: [String], rows: [[JSON]]) -> String {
    var table = PrettyTable(fields: columns, printEmpty: options.printEmpty)
    if let first = rows.first {
      for (index, value) in first.prefix(columns.count).enumerated() {
        switch value {
        case .int, .largeInt, .double: table.alignments[index] = .right
        default: break
        }
      }
      table.rows = rows.map { $0.map(Self.cell) }
    }
    Self.assignMaxWidths(&table, width: options.fittingWidth, minimumWidth: 8)
    return table.rendered() + "\n"
  }

  /// `emit_one`: the field names in one column, their values in the other.
  public func emitOne(columns: [String], values: [JSON]) -> String {
    var table = PrettyTable(fields: ["Field", "Value"], printEmpty: false)
    table.rows = zip(columns, values).map { [Self.cell(.string($0)), Self.cell($1)] }
    Self.assignMaxWidths(&table, width: options.fittingWidth, minimumWidth: 16)
    return table.rendered() + "\n"
  }

  /// cliff's `_format_row` (in strings `\r\n` becomes `\n` and a lone `\r` a space), then
  /// prettytable's `_format_value`: `str()`, then `expandtabs()`.
  static func cell(_ value: JSON) -> String {
    guard case .string(let text) = value else { return expandingTabs(PythonText.str(value)) }
    // Most cells are printable ASCII: no carriage return, no tab, one scan.
    if DisplayWidth.isPrintableASCII(text) { return text }
    guard text.utf8.contains(0x0D) else { return expandingTabs(text) }
    var result = String.UnicodeScalarView()
    var afterCarriageReturn = false
    for scalar in text.unicodeScalars {
      if afterCarriageReturn {
        afterCarriageReturn = false
        if scalar == "\n" {
          result.append("\n")
          continue
        }
        result.append(" ")
      }
      if scalar == "\r" {
        afterCarriageReturn = true
      } else {
        result.append(scalar)
      }
    }
    if afterCarriageReturn { result.append(" ") }
    return expandingTabs(String(result))
  }

  /// Python's `str.expandtabs()`: 8-column stops, counted in code points from each `\n` or `\r`.
  static func expandingTabs(_ text: String) -> String {
    guard !DisplayWidth.isPrintableASCII(text), text.utf8.contains(0x09) else { return text }
    var result = String.UnicodeScalarView()
    var column = 0
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\t":
        let spaces = 8 - column % 8
        result.append(contentsOf: repeatElement(" ", count: spaces))
        column += spaces
      case "\n", "\r":
        result.append(scalar)
        column = 0
      default:
        result.append(scalar)
        column += 1
      }
    }
    return String(result)
  }

  /// `_assign_max_widths` on a table about to be printed (nothing for an empty table that prints
  /// nothing: cliff's IndexError on its first line).
  static func assignMaxWidths(_ table: inout PrettyTable, width: Int?, minimumWidth: Int) {
    guard !table.rows.isEmpty || table.printEmpty else { return }
    table.maxWidths = maxWidths(natural: table.columnWidths(), width: width, minimumWidth: minimumWidth)
  }

  /// `_assign_max_widths`: when the table's border line is longer than `width`, the columns wider
  /// than an even share of the usable width get, in order, an equal part of what the narrower
  /// columns leave (at least `minimumWidth`), the last of them the rest.
  static func maxWidths(natural: [Int], width: Int?, minimumWidth: Int) -> [Int?] {
    var limits = [Int?](repeating: nil, count: natural.count)
    // The first line is the border: each column's width plus 2, a `+` around each.
    guard let width, natural.reduce(1, { $0 + $1 + 3 }) > width else { return limits }
    let usable = max(0, width - 1 - 3 * natural.count)
    let optimal = natural.isEmpty ? 0 : max(0, usable / natural.count)
    var remaining = usable
    var shrinking: [Int] = []
    for index in natural.indices {
      if natural[index] <= optimal { remaining -= natural[index] } else { shrinking.append(index) }
    }
    // Python divides by zero here (an impossible table of empty columns): leave it as it is.
    guard let last = shrinking.last else { return limits }
    let share = floorDivide(remaining, shrinking.count)
    for index in shrinking.dropLast() {
      limits[index] = max(minimumWidth, share)
      remaining -= share
    }
    limits[last] = max(minimumWidth, remaining)
    return limits
  }

  /// Python's `//`, which rounds towards negative infinity.
  private static func floorDivide(_ a: Int, _ b: Int) -> Int {
    let quotient = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
  }
}

/// The border line (the first line) the table formatter prints for one table at any width, its
/// cells measured once: a page's wrapped table is matched by trying width after width.
public struct TableBorders: Sendable {
  private let headerWidths: [Int]
  private let cellWidths: [Int]
  private let natural: [Int]
  private let minimumWidth: Int

  /// The borders of `emitList(columns:rows:)`, or of `emitOne` when `rows` are its field and
  /// value pairs under the columns `Field` and `Value`; `nil` for a table without rows.
  public init?(columns: [String], rows: [[String]]) {
    guard !rows.isEmpty else { return nil }
    headerWidths = columns.map { PrettyTable.size($0).width }
    var widest = [Int](repeating: 0, count: columns.count)
    for row in rows {
      for (index, cell) in row.prefix(columns.count).enumerated() {
        widest[index] = max(widest[index], PrettyTable.size(TableFormatter.cell(.string(cell))).width)
      }
    }
    cellWidths = widest
    natural = zip(headerWidths, widest).map { max($0, $1) }
    minimumWidth = columns == ["Field", "Value"] ? 16 : 8
  }

  /// The border at terminal width `width` (`nil`: no width, nothing wrapped).
  public func line(at width: Int?) -> String {
    let limits = TableFormatter.maxWidths(natural: natural, width: width, minimumWidth: minimumWidth)
    var line: [UInt8] = [UInt8(ascii: "+")]
    for index in natural.indices {
      let column = max(headerWidths[index], limits[index].map { min(cellWidths[index], $0) } ?? cellWidths[index])
      line.append(contentsOf: repeatElement(UInt8(ascii: "-"), count: column + 2))
      line.append(UInt8(ascii: "+"))
    }
    return String(decoding: line, as: UTF8.self)
  }
}

/// The table formatter's options: what cliff reads from `--max-width` (or `CLIFF_MAX_TERM_WIDTH`),
/// `--fit-width` (or `CLIFF_FIT_WIDTH`), `--print-empty`, and from the terminal.
public struct TableOptions: Sendable, Equatable {
  /// `--max-width`; 0 or less: none.
  public var maxWidth: Int
  /// `--fit-width`: fit the table to the terminal even when standard output is not one. On
  /// POSIX it changes nothing: cliff then asks the terminal's size, which fails without one.
  public var fitWidth: Bool
  /// The width of the terminal standard output is; `nil` when it is not a terminal.
  public var terminalWidth: Int?
  /// `--print-empty`: an empty list still prints its header.
  public var printEmpty: Bool

  public init(
    maxWidth: Int = 0, fitWidth: Bool = false, terminalWidth: Int? = nil, printEmpty: Bool = false
  ) {
    self.maxWidth = maxWidth
    self.fitWidth = fitWidth
    self.terminalWidth = terminalWidth
    self.printEmpty = printEmpty
  }

  /// The width cliff fits tables into: `--max-width` when above 0; else the terminal's, when
  /// standard output is one (`isatty() or fit_width`, then `os.get_terminal_size()`, which fails
  /// when it is not one; a width of 0 counts as none); else `nil`: nothing is wrapped.
  public var fittingWidth: Int? {
    if maxWidth > 0 { return maxWidth }
    guard let terminalWidth, terminalWidth > 0 else { return nil }
    return terminalWidth
  }
}
