import CloudAPI

/// cliff's `CSVLister` (`-f csv`, listers only): Python's `csv.writer` with `--quote` as its
/// quoting (default `nonnumeric`), `\` as escape character and `os.linesep` (`\n` where the client
/// runs) as line end; the header row first.
///
/// Python's writer: a `None` is an empty field; numbers and booleans are `str()`; in `nonnumeric`
/// every field that is not a number (strings, `None`, containers) is quoted, in `minimal` only
/// fields holding the delimiter, the quote or a line feed; a quote inside a quoted field is
/// doubled, the escape character is always escaped; `none` escapes the delimiter, quote and line
/// feed instead of quoting; a row that is one empty field is written `""`.
public struct CSVFormatter: CliffListFormatter {
  /// `csv.QUOTE_*` by `--quote` name.
  public enum Quoting: String, Sendable, CaseIterable {
    case all, minimal, nonnumeric, none
  }

  public var quoting: Quoting

  public init(quoting: Quoting = .nonnumeric) { self.quoting = quoting }

  public func emitList(columns: [String], rows: [[JSON]]) -> String {
    var output = ""
    writeRow(columns.map(JSON.string), to: &output)
    for row in rows { writeRow(row, to: &output) }
    return output
  }

  /// `writer.writerow(row)`. Where Python raises (`none` and a row that is one empty field), the
  /// row is written as `minimal` would.
  private func writeRow(_ row: [JSON], to output: inout String) {
    var record = ""
    for (index, value) in row.enumerated() {
      var quoted: Bool
      switch quoting {
      case .nonnumeric:
        switch value {
        case .int, .largeInt, .double, .bool: quoted = false
        default: quoted = true
        }
      case .all: quoted = true
      case .minimal, .none: quoted = false
      }
      let text = value == .null ? "" : PythonText.str(value)
      if index > 0 { record += "," }
      record += field(text, quoted: &quoted)
    }
    if !row.isEmpty && record.isEmpty { record = "\"\"" }
    output += record
    output += "\n"
  }

  /// `join_append_data`: the field's characters, escaped or doubled, in quotes when asked or
  /// needed.
  private func field(_ text: String, quoted: inout Bool) -> String {
    var body = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar == "," || scalar == "\\" || scalar == "\"" || scalar == "\n" {
        var escape = false
        if quoting == .none {
          escape = true
        } else {
          if scalar == "\"" {
            body.append("\"")
          } else if scalar == "\\" {
            escape = true
          }
          if !escape { quoted = true }
        }
        if escape { body.append("\\") }
      }
      body.append(scalar)
    }
    return quoted ? "\"" + String(body) + "\"" : String(body)
  }
}
