import CloudAPI

/// cliff's `JSONFormatter` (`-f json`): `json.dump(value, indent=2)` (or no indent with
/// `--noindent`) and a line end. A list is an array of objects keyed by column name; a show is
/// one object. Python's layout (`", "` and `": "`, `","` at line ends, `\uXXXX` escapes) comes
/// from ``CloudAPI/JSON/pythonJSON(indent:)``.
public struct JSONFormatter: CliffListFormatter, CliffSingleFormatter {
  /// `--noindent`.
  public var noIndent: Bool

  public init(noIndent: Bool = false) { self.noIndent = noIndent }

  public func emitList(columns: [String], rows: [[JSON]]) -> String {
    let items = JSON.array(rows.map { Self.object(columns, $0) })
    return items.pythonJSON(indent: noIndent ? nil : 2) + "\n"
  }

  public func emitOne(columns: [String], values: [JSON]) -> String {
    Self.object(columns, values).pythonJSON(indent: noIndent ? nil : 2) + "\n"
  }

  /// `{n: i for n, i in zip(column_names, item)}`: a repeated name keeps its first place and
  /// its last value.
  static func object(_ columns: [String], _ values: [JSON]) -> JSON {
    var fields = JSONObject()
    for (name, value) in zip(columns, values) { fields[name] = value }
    return .object(fields)
  }
}
