import CloudAPI
import Foundation

/// cliff's display layer: `-c` column selection, `--sort-column`, and the choice of formatter,
/// with the display options of the command line and the `CLIFF_*` environment.
struct DisplaySettings {
  var format: String
  var columns: [String]
  var sortColumns: [String]
  var sortDescending: Bool
  var options: FormatterOptions

  init(_ arguments: ParsedArguments, environment: [String: String]) {
    format = arguments.value("--format") ?? "table"
    columns = arguments.values("--column")
    sortColumns = arguments.values("--sort-column")
    // The two exclude each other; ascending is also the default.
    sortDescending = !arguments.flag("--sort-ascending") && arguments.flag("--sort-descending")
    options = FormatterOptions(
      maxWidth: arguments.value("--max-width").flatMap { Int($0) }
        ?? Int(environment["CLIFF_MAX_TERM_WIDTH"] ?? "") ?? 0,
      fitWidth: arguments.flag("--fit-width") || (Int(environment["CLIFF_FIT_WIDTH"] ?? "") ?? 0) != 0,
      printEmpty: arguments.flag("--print-empty"),
      noIndent: arguments.flag("--noindent"),
      quote: arguments.value("--quote") ?? "nonnumeric",
      prefix: arguments.value("--prefix") ?? ""
    )
  }

  func render(_ output: CommandOutput) throws -> String {
    switch output {
    case .nothing:
      return ""
    case .text(let text):
      return text
    case .list(let names, var rows, let kind):
      rows = sorted(rows, columns: names)
      let included = try selected(names, kind: kind)
      // Every column kept, in its order: the rows are as they are.
      if included.count < names.count { rows = rows.map { row in included.map { row[$0] } } }
      return CliffFormatter.list(format: format, columns: included.map { names[$0] }, rows: rows, options: options)
    case .show(let fields, let kind):
      let included = try selected(fields.keys, kind: kind)
      return CliffFormatter.show(format: format, fields: included.map { (fields[$0].key, fields[$0].value) }, options: options)
    }
  }

  /// `_generate_columns_and_selector`: the places of the command's columns, in its order, whose
  /// normalised names were asked for with `-c`.
  private func selected(_ names: [String], kind: ColumnNames) throws -> [Int] {
    guard !columns.isEmpty else { return Array(names.indices) }
    let requested = columns.map(Self.normalized)
    let included = names.indices.filter { index in requested.contains { Self.normalizes(names[index], to: $0) } }
    guard !included.isEmpty else {
      let asked = "[" + columns.map(PythonText.repr).joined(separator: ", ") + "]"
      let known = names.map(PythonText.repr).joined(separator: ", ")
      let recognised = kind == .list ? "[\(known)]" : names.count == 1 ? "(\(known),)" : "(\(known))"
      throw CommandFailure(message: "No recognized column names in \(asked). Recognized columns are \(recognised).")
    }
    return included
  }

  /// cliff sorts listed rows by `--sort-column` (last column first), `None` last.
  private func sorted(_ rows: [[JSON]], columns names: [String]) -> [[JSON]] {
    guard !sortColumns.isEmpty else { return rows }
    let normalizedNames = names.map(Self.normalized)
    let indexes = sortColumns.compactMap { column in
      names.firstIndex(of: column) ?? normalizedNames.firstIndex(of: Self.normalized(column))
    }
    var rows = rows
    for index in indexes.reversed() {
      guard let ordered = PythonOrder.sorted(rows, by: { $0[index] }, descending: sortDescending) else { continue }
      rows = ordered
    }
    return rows
  }

  /// cliff's `c.lower().strip().replace(' ', '_')` (`_normalize_column_name`); for ASCII names
  /// (nearly all) byte by byte, as every `-c` compares every column's name.
  private static func normalized(_ name: String) -> String {
    // Most names (`id`, `status`, `admin_state_up`) are already: no copy is made of them.
    if name.utf8.allSatisfy({ $0 < 0x80 && !isPythonSpace($0) && !(0x41...0x5A).contains($0) }) {
      return name
    }
    var bytes = Array(name.utf8)
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return normalizedUnicode(name) }
    while bytes.last.map(isPythonSpace) == true { bytes.removeLast() }
    let start = bytes.firstIndex { !isPythonSpace($0) } ?? bytes.endIndex
    for index in start..<bytes.endIndex {
      switch bytes[index] {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes[index] += 32
      case UInt8(ascii: " "): bytes[index] = UInt8(ascii: "_")
      default: break
      }
    }
    return String(decoding: bytes[start...], as: UTF8.self)
  }

  /// Whether `name` normalised is `normal`, an already normalised name: for ASCII names byte by
  /// byte, without making the copy (every `-c` is compared with every column's name).
  private static func normalizes(_ name: String, to normal: String) -> Bool {
    // Over contiguous bytes: iterating a UTF-8 view costs several times as much, and every `-c`
    // meets every column's name.
    var name = name
    var normal = normal
    let matches: Bool? = name.withUTF8 { bytes in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      var start = 0
      var end = bytes.count
      while start < end, isPythonSpace(bytes[start]) { start += 1 }
      while end > start, isPythonSpace(bytes[end - 1]) { end -= 1 }
      return normal.withUTF8 { wanted in
        guard wanted.count == end - start else { return false }
        for (offset, byte) in bytes[start..<end].enumerated() {
          let folded = byte == UInt8(ascii: " ") ? UInt8(ascii: "_") : (byte &- UInt8(ascii: "A") < 26 ? byte + 32 : byte)
          if folded != wanted[offset] { return false }
        }
        return true
      }
    }
    return matches ?? (normalized(name) == normal)
  }

  /// What Python's `str.strip()` takes off an ASCII name: tab to carriage return, the four
  /// separators `\x1c`–`\x1f`, and the space.
  private static func isPythonSpace(_ byte: UInt8) -> Bool {
    (0x09...0x0D).contains(byte) || (0x1C...0x20).contains(byte)
  }

  private static func normalizedUnicode(_ name: String) -> String {
    let isBlank = { (character: Character) in
      character.isWhitespace || character.unicodeScalars.allSatisfy { (0x1C...0x1F).contains($0.value) }
    }
    var text = Substring(name.lowercased())
    while text.first.map(isBlank) == true { text.removeFirst() }
    while text.last.map(isBlank) == true { text.removeLast() }
    return String(text.map { $0 == " " ? "_" : $0 })
  }
}

/// Python's ordering of JSON-shaped values, for cliff's `sorted(key=(v is None, v))`.
enum PythonOrder {
  /// The rows in Python's stable order, or `nil` where Python would raise `TypeError` (values of
  /// kinds it cannot compare).
  static func sorted(_ rows: [[JSON]], by key: ([JSON]) -> JSON, descending: Bool) -> [[JSON]]? {
    var failed = false
    let ordered = rows.enumerated().sorted { first, second in
      guard let order = compare(key(first.element), key(second.element)) else {
        failed = true
        return first.offset < second.offset
      }
      if order == .orderedSame { return first.offset < second.offset }
      return descending ? order == .orderedDescending : order == .orderedAscending
    }
    return failed ? nil : ordered.map(\.element)
  }

  private static func compare(_ a: JSON, _ b: JSON) -> ComparisonResult? {
    switch (a, b) {
    case (.null, .null): return .orderedSame
    case (.null, _): return .orderedDescending
    case (_, .null): return .orderedAscending
    case (.string(let x), .string(let y)):
      if x == y { return .orderedSame }
      return x.precedesByCodePoint(y) ? .orderedAscending : .orderedDescending
    case (.int(let x), .int(let y)): return x == y ? .orderedSame : x < y ? .orderedAscending : .orderedDescending
    case (.bool(let x), .bool(let y)): return x == y ? .orderedSame : !x ? .orderedAscending : .orderedDescending
    default: return nil
    }
  }
}
