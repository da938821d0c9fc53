import Testing

@testable import OpenStackCLI

/// `-c` as cliff's `_normalize_column_name` reads it, `c.lower().strip().replace(' ', '_')`, on
/// both sides: case folded, Python's whitespace (newlines and `\x1c`–`\x1f` included) stripped
/// from the ends, inner spaces underscores. The expected columns are what that function gives in
/// Python for the same names.
@Suite struct ColumnNameTests {
  func header(_ columns: [String]) -> String {
    let bench = OptionCoverageTests.Bench()
    let result = bench.run(["project", "list", "-f", "csv"] + columns.flatMap { ["-c", $0] })
    return String(result.standardOutput.prefix { $0 != "\n" }) + result.standardError
  }

  @Test func namesAreFoldedAndStrippedAsPythonStripsThem() {
    #expect(header([" NAME\n", "id\u{0B}"]) == #""ID","Name""#)
    #expect(header(["\u{1C}id", "na me"]) == #""ID""#)
  }

  @Test func anInnerSpaceIsNoBlankToStrip() {
    #expect(header(["na me"]).contains("No recognized column names in ['na me']."))
  }
}
