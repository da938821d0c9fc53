/// Compares a cliff table the page shows with the one the command printed, row by row and cell
/// by cell: rows are matched by their ID (or, in a Field/Value table, by field name), cells
/// compare without white space, so a table wrapped at another width is the same table.
struct TableComparison {
  /// The page's table and the lines of the page it spans.
  var documented: CliffTable
  var firstLine: Int
  var lastLine: Int
  var printed: CliffTable
  /// Whether rows in another order are drift (the command sorts, or `--strict-order`).
  var orderMatters: Bool

  struct Result {
    var differences: [Difference] = []
    var notes: [String] = []
  }

  func compare(bindings: inout Bindings) -> Result {
    var (documented, printed) = (documented, printed)
    if let key = Self.keyColumn(documented.columns), documented.columns.map(squashed) == printed.columns.map(squashed) {
      // A key (an ID, a field name) wider than a narrow terminal's column is cut over lines of
      // its own, each a row with nothing else: put back together the keys the other side has whole.
      documented = documented.rejoiningKeys(in: key, Set(printed.rows.map { squashed($0.cells[key]) }))
      printed = printed.rejoiningKeys(in: key, Set(documented.rows.map { squashed($0.cells[key]) }))
    }
    var result = Result()
    guard documented.columns.map(squashed) == printed.columns.map(squashed) else {
      result.differences.append(
        Difference(
          side: .explained, line: firstLine + 1,
          text: "columns differ: the page has \(Self.list(documented.columns)), the client prints \(Self.list(printed.columns))"))
      return result
    }
    // Bind the rows' volatile values, as lines bind theirs, then key each row.
    bindings.bind(documented: documented.rows.map(\.canonical), printed: printed.rows.map(\.canonical))
    let keyColumn = Self.keyColumn(documented.columns)
    let isShowTable = documented.columns.map(squashed) == ["Field", "Value"]
    // Cells compare without white space, documented values replaced by their bound ones.
    let page = documented.rows.map { row in row.cells.map { squashed(bindings.substituted($0)) } }
    var unmatchedPrinted = Array(printed.rows.indices)
    var matchedOrder: [Int] = []
    for (index, cells) in page.enumerated() {
      let key = keyColumn.map { cells[$0] }
      let candidate = unmatchedPrinted.firstIndex { printedIndex in
        keyColumn.map { squashed(printed.rows[printedIndex].cells[$0]) == key } ?? true
      }
      let line = firstLine + documented.rows[index].line
      let name = describe(documented.rows[index].cells, keyColumn: keyColumn, isShowTable: isShowTable)
      guard let candidate else {
        result.differences.append(Difference(side: .explained, line: line, text: "\(name): on the page, not printed"))
        continue
      }
      let printedIndex = unmatchedPrinted.remove(at: candidate)
      matchedOrder.append(printedIndex)
      for column in cells.indices {
        let kind = isShowTable ? squashed(documented.rows[index].cells[0]) : documented.columns[column]
        let (pageCell, printedCell) = (documented.rows[index].cells[column], printed.rows[printedIndex].cells[column])
        if Self.cell(pageCell, matches: printedCell, kind: kind, &bindings) { continue }
        let place = isShowTable ? name : "\(name), column \(documented.columns[column])"
        result.differences.append(
          Difference(
            side: .explained, line: line,
            text:
              "\(place): page \(Self.quoted(documented.rows[index].cells[column])), printed \(Self.quoted(printed.rows[printedIndex].cells[column]))"
          ))
      }
    }
    let extra = unmatchedPrinted.map { describe(printed.rows[$0].cells, keyColumn: keyColumn, isShowTable: isShowTable) }
    if isShowTable && extra.count > 1 {
      // One line for the fields a newer client adds: `fields printed, not on the page: a, b`.
      let names = extra.map { $0.dropFirst("field ".count) }.joined(separator: ", ")
      result.differences.append(Difference(side: .explained, line: lastLine, text: "fields printed, not on the page: \(names)"))
    } else {
      for name in extra {
        result.differences.append(Difference(side: .explained, line: lastLine, text: "\(name): printed, not on the page"))
      }
    }
    if matchedOrder != matchedOrder.sorted() {
      let message = isShowTable ? "fields in another order than the page shows" : "rows in another order than the page shows"
      if orderMatters {
        result.differences.append(Difference(side: .explained, line: firstLine, text: message))
      } else {
        result.notes.append(message)
      }
    }
    result.differences.sort { $0.line < $1.line }
    return result
  }

  /// Whether a page's cell shows the printed one: the same text but for white space (so any
  /// wrapping), its volatile values bound; or the same lines, binding values met for the first
  /// time.
  static func cell(_ page: String, matches printed: String, kind: String, _ bindings: inout Bindings) -> Bool {
    if squashed(bindings.substituted(page)) == squashed(printed) { return true }
    // A value wrapped over the cell's lines is whole only without the line breaks.
    if page.utf8.contains(UInt8(ascii: "\n")) && bindings.substituted(squashed(page)) == squashed(printed) { return true }
    switch kind {
    // Values the cloud makes up: the password Nova generates, the addresses Neutron allocates, the
    // token Keystone issues.
    case "adminPass":
      return bindings.bind(documented: squashed(page), actual: squashed(printed))
    // A Fernet token (`token issue`'s ID): Keystone's own, new every time.
    case "id" where page.hasPrefix("gAAAAA") && printed.hasPrefix("gAAAAA"):
      return bindings.bind(documented: squashed(page), actual: squashed(printed))
    case "addresses", "Networks":
      return addresses(page, match: printed, &bindings)
    default:
      return bindings.match(documented: collapsed(page), actual: collapsed(printed))
    }
  }

  /// `net=a, b; net2=c` against the same networks with as many addresses, each address bound.
  private static func addresses(_ page: String, match printed: String, _ bindings: inout Bindings) -> Bool {
    func networks(_ text: String) -> [(name: Substring, addresses: [Substring])] {
      squashed(text).split(separator: ";").map { network in
        let parts = network.split(separator: "=", maxSplits: 1)
        return (parts.first ?? "", parts.count > 1 ? parts[1].split(separator: ",") : [])
      }
    }
    let (left, right) = (networks(page), networks(printed))
    guard left.map(\.name) == right.map(\.name), left.map(\.addresses.count) == right.map(\.addresses.count) else { return false }
    var trial = bindings
    for (documented, actual) in zip(left.flatMap(\.addresses), right.flatMap(\.addresses)) {
      guard trial.bind(documented: String(documented), actual: String(actual)) else { return false }
    }
    bindings = trial
    return true
  }

  /// The column rows are known by: `ID` (or `Id`, `id`), a show table's `Field`; none otherwise.
  static func keyColumn(_ columns: [String]) -> Int? {
    columns.firstIndex { ["ID", "Id", "id", "Field"].contains($0) }
  }

  /// `row 18b84ece…`, `field status`, or the row's cells when there is no key.
  private func describe(_ cells: [String], keyColumn: Int?, isShowTable: Bool) -> String {
    guard let keyColumn else { return "row \(Self.quoted(cells.joined(separator: " | ")))" }
    let key = squashed(cells[keyColumn])
    if isShowTable { return "field \(key)" }
    return "row \(key.count == 36 && Bindings.skeleton(of: key) != key ? key.prefix(8) + "…" : key)"
  }

  private static func list(_ names: [String]) -> String {
    names.map { quoted($0) }.joined(separator: ", ")
  }

  /// A cell as reports show it: in quotes, line breaks as `\n`.
  static func quoted(_ text: String) -> String {
    "\"" + text.replacingLineBreaks + "\""
  }
}

extension CliffTable.Row {
  /// The row on one line, cells without white space: what bindings pair rows by.
  var canonical: String { cells.map(squashed).joined(separator: "|") }
}

/// Runs of white space as one space.
func collapsed(_ text: String) -> String {
  text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

/// A cell without any white space: how cells compare, whatever the width they were wrapped at.
extension CliffTable {
  /// The table with each key in `column` that `keys` has whole, but the table cut over several
  /// rows, read as one row (each of its other cells the lines of those rows).
  func rejoiningKeys(in column: Int, _ keys: Set<String>) -> CliffTable {
    // What the pieces may add up to: keys as short as IDs and field names; made only for a table
    // whose keys are not all the other side's (most tables' IDs are not: the page's are bound
    // to the cloud's later).
    var beginnings: KeyBeginnings?
    var joined: [Row] = []
    var index = 0
    while index < rows.count {
      var row = rows[index]
      index += 1
      var key = squashed(row.cells[column])
      guard !keys.contains(key), !key.isEmpty else {
        joined.append(row)
        continue
      }
      var end = index
      let pieces = beginnings ?? KeyBeginnings(keys)
      beginnings = pieces
      // Only as long as the pieces begin a key of the other side.
      while end < rows.count, !keys.contains(key), pieces.contains(key) {
        key += squashed(rows[end].cells[column])
        end += 1
      }
      if keys.contains(key) {
        for next in rows[index..<end] {
          row.cells = zip(row.cells, next.cells).map { $0.isEmpty || $1.isEmpty ? $0 + $1 : $0 + "\n" + $1 }
        }
        row.cells[column] = key
        index = end
      }
      joined.append(row)
    }
    return CliffTable(columns: columns, rows: joined)
  }
}

/// Whether a text begins one of a few keys (or is one): the keys in order, where those a text
/// begins come right at or after the text itself. (A set of every beginning of every key had
/// cost a table of IDs some 300,000 instructions.)
private struct KeyBeginnings {
  private let sorted: [String]

  /// The keys as short as IDs and field names.
  init(_ keys: Set<String>) {
    sorted = keys.filter { $0.count <= 64 }.sorted()
  }

  func contains(_ text: String) -> Bool {
    var (low, high) = (0, sorted.count)
    while low < high {
      let middle = (low + high) / 2
      if sorted[middle] < text { low = middle + 1 } else { high = middle }
    }
    return !text.isEmpty && low < sorted.count && sorted[low].hasPrefix(text)
  }
}

func squashed(_ text: String) -> String {
  // ASCII's white space is tab to carriage return and the space; most cells have none. Read over
  // contiguous bytes (iterating a UTF-8 view costs several times as much).
  let isASCIISpace = { (byte: UInt8) in byte == 0x20 || byte &- 0x09 < 5 }
  var contiguous = text
  let ascii = contiguous.withUTF8 { bytes -> String? in
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
    return bytes.contains(where: isASCIISpace) ? String(decoding: bytes.filter { !isASCIISpace($0) }, as: UTF8.self) : text
  }
  return ascii ?? String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
}

extension String {
  fileprivate var replacingLineBreaks: String {
    split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\\n")
  }
}
