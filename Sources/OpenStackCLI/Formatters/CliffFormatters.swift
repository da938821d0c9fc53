import CloudAPI
import OrderedCollections

/// The display options that reach cliff's formatters.
struct FormatterOptions {
  /// `--max-width` or `CLIFF_MAX_TERM_WIDTH`; 0 when unset.
  var maxWidth = 0
  /// `--fit-width` or `CLIFF_FIT_WIDTH`.
  var fitWidth = false
  /// The terminal's width when standard output is one; `nil` when it is not.
  var terminal: Int? = nil
  var printEmpty = false
  var noIndent = false
  /// `--quote` for csv.
  var quote = "nonnumeric"
  /// `--prefix` for shell.
  var prefix = ""

  /// The width cliff fits tables into: the maximum width when given, the terminal's when output
  /// goes to one (or fitting is asked for), else none: tables are not wrapped.
  var terminalWidth: Int? {
    if maxWidth > 0 { return maxWidth }
    return terminal
  }
}

/// cliff's formatters by name, for listers and for show commands.
enum CliffFormatter {
  static func list(format: String, columns: [String], rows: [[JSON]], options: FormatterOptions) -> String {
    switch format {
    case "json":
      let items = JSON.array(rows.map { .object(OrderedDictionary(columns.zip(with: $0), uniquingKeysWith: { $1 })) })
      return items.pythonJSON(indent: options.noIndent ? nil : 2) + "\n"
    case "value":
      return rows.map { $0.map(PythonText.str).joined(separator: " ") + "\n" }.joined()
    case "yaml":
      return PythonYAML.dump(.array(rows.map { .object(OrderedDictionary(columns.zip(with: $0), uniquingKeysWith: { $1 })) }))
    case "csv":
      return ([columns.map(JSON.string)] + rows).map { CSVRow.text($0, quote: options.quote) }.joined()
    default:
      return TableFormatter.list(columns: columns, rows: rows, options: options)
    }
  }

  static func show(format: String, fields: [(String, JSON)], options: FormatterOptions) -> String {
    switch format {
    case "json":
      return JSON.object(OrderedDictionary(fields, uniquingKeysWith: { $1 })).pythonJSON(indent: options.noIndent ? nil : 2) + "\n"
    case "value":
      return fields.map { PythonText.str($0.1) + "\n" }.joined()
    case "yaml":
      return fields.map { PythonYAML.dump(.object([$0.0: $0.1])) }.joined()
    case "shell":
      return fields.map { name, value in
        let variable = name.lowercased().replacingOccurrences(of: " ", with: "_")
          .replacingOccurrences(of: ":", with: "_").replacingOccurrences(of: "-", with: "_")
        let text = value.string.map { $0.replacingOccurrences(of: "\"", with: "\\\"") } ?? PythonText.str(value)
        return "\(options.prefix)\(variable)=\"\(text)\"\n"
      }.joined()
    default:
      return TableFormatter.show(fields: fields, options: options)
    }
  }
}

extension Array where Element == String {
  fileprivate func zip(with values: [JSON]) -> [(String, JSON)] { Array<(String, JSON)>(Swift.zip(self, values)) }
}

/// Python's `csv.writer` with cliff's settings: `\n` line ends, `\` as escape character.
enum CSVRow {
  static func text(_ row: [JSON], quote: String) -> String {
    row.map { field(for: $0, quote: quote) }.joined(separator: ",") + "\n"
  }

  private static func field(for value: JSON, quote: String) -> String {
    let isNumber: Bool
    switch value {
    case .int, .double, .bool: isNumber = true
    default: isNumber = false
    }
    let text = value == .null ? "" : PythonText.str(value)
    let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
    switch quote {
    case "all": return quoted(text)
    case "minimal": return needsQuotes ? quoted(text) : text
    case "none":
      return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ",", with: "\\,")
        .replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\\n")
    default: return isNumber ? text : quoted(text)
    }
  }

  private static func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
