import CloudAPI

/// cliff's `ValueFormatter` (`-f value`): values only, as Python's `str()` prints them, for
/// scripts that read the output with `read` or `cut`.
public struct ValueFormatter: CliffListFormatter, CliffSingleFormatter {
  public init() {}

  /// Each row's values joined by single spaces, a line each.
  public func emitList(columns: [String], rows: [[JSON]]) -> String {
    var output = ""
    for row in rows {
      output += row.map(PythonText.str).joined(separator: " ")
      output += "\n"
    }
    return output
  }

  /// Each value on its own line.
  public func emitOne(columns: [String], values: [JSON]) -> String {
    values.map { PythonText.str($0) + "\n" }.joined()
  }
}
