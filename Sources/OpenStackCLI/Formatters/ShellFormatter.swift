import CloudAPI

/// cliff's `ShellFormatter` (`-f shell`, show commands only): `name="value"` lines a shell can
/// `eval`. Names are lower-cased with spaces, colons and dashes made underscores, then prefixed
/// with `--prefix`; string values have `"` escaped as `\"` and nothing else (a `$`, a backquote
/// or a backslash stays as it is, as in cliff); other values are Python's `str()`.
public struct ShellFormatter: CliffSingleFormatter {
  /// `--prefix`.
  public var prefix: String
  /// `--variable` (hidden): only these names (lower-cased, spaces made underscores, colons and
  /// dashes not yet); empty: every field.
  public var variables: [String]

  public init(prefix: String = "", variables: [String] = []) {
    self.prefix = prefix
    self.variables = variables
  }

  public func emitOne(columns: [String], values: [JSON]) -> String {
    var output = ""
    for (column, value) in zip(columns, values) {
      let name = Self.replacing(column.lowercased(), [" "], with: "_")
      guard variables.isEmpty || variables.contains(name) else { continue }
      let text: String
      if case .string(let string) = value {
        text = Self.replacing(string, ["\""], with: "\\\"")
      } else {
        text = PythonText.str(value)
      }
      let variable = Self.replacing(name, [":", "-"], with: "_")
      output += "\(prefix)\(variable)=\"\(text)\"\n"
    }
    return output
  }

  /// `str.replace`, code point by code point.
  private static func replacing(
    _ text: String, _ targets: Set<Unicode.Scalar>, with replacement: String
  ) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if targets.contains(scalar) {
        result.append(contentsOf: replacement.unicodeScalars)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }
}
