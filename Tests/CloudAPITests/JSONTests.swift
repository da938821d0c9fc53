import CloudAPI
import Testing

/// Expected strings are what CPython 3.11's `json.dumps` prints for the same values (the
/// OpenStackCLITests goldens hold many more, written by the real `json.dumps`).
@Suite struct JSONTests {
  @Test func writesLikePythonJSONDumps() {
    let value: JSON = .object([
      "b": .int(-3), "a": .array([.null, .bool(true), .bool(false)]),
      "s": .string("quote\" back\\ tab\t"),
      "empty": .object([:]), "list": .array([]),
    ])
    #expect(
      value.pythonCompact
        == #"{"b": -3, "a": [null, true, false], "s": "quote\" back\\ tab\t", "empty": {}, "list": []}"#
    )
  }

  @Test func escapesEverythingOutsidePrintableASCII() {
    #expect(
      JSON.string("zoë ☃ 😀\u{1}\n\r\u{8}\u{c}\u{7f}").pythonCompact
        == #""zo\u00eb \u2603 \ud83d\ude00\u0001\n\r\b\f\u007f""#)
  }

  /// `json.dumps(value, indent=2)`: an item a line, `","` at line ends, `": "` after keys,
  /// empty containers as `{}` and `[]`.
  @Test func indentsLikePythonJSONDumps() {
    let value: JSON = .object([
      "b": -3,
      "a": .array([.null, true, .double(1.0), .double(1e-05), .double(1e16), .double(-0.0)]),
      "e": .object([:]), "l": .array([]),
      "o": .object(["k": .array([.object([:])]), "x": .double(0.1)]),
    ])
    #expect(
      value.pythonJSON(indent: 2)
        == "{\n  \"b\": -3,\n  \"a\": [\n    null,\n    true,\n    1.0,\n    1e-05,\n    1e+16,\n    -0.0\n  ],\n"
        + "  \"e\": {},\n  \"l\": [],\n  \"o\": {\n    \"k\": [\n      {}\n    ],\n    \"x\": 0.1\n  }\n}"
    )
    #expect(
      JSON.object(["a": .array([1, .object(["b": .array([])])])]).pythonJSON(indent: 0)
        == "{\n\"a\": [\n1,\n{\n\"b\": []\n}\n]\n}")
  }

  /// Floats as Python's `repr(float)`; the non-finite ones as Python writes them, not valid JSON.
  @Test func writesFloatsAsPythonRepr() {
    let value = JSON.array(
      [
        .infinity, -.infinity, .nan, 123456789.123, .leastNonzeroMagnitude,
        .greatestFiniteMagnitude,
      ].map(JSON.double))
    #expect(
      value.pythonCompact
        == "[Infinity, -Infinity, NaN, 123456789.123, 5e-324, 1.7976931348623157e+308]")
  }

  /// Python's `json.loads` raises `RecursionError` somewhat below 1,000 levels; the parser
  /// refuses past 512, at the bracket that goes deeper, however deep the text goes on.
  @Test func refusesNestingDeeperThanItReads() throws {
    let deepest = String(repeating: "[", count: JSON.maximumNesting) + String(repeating: "]", count: JSON.maximumNesting)
    #expect(try JSON(parsing: deepest).array.count == 1)
    for text in [String(repeating: "[", count: 100_000), String(repeating: "{\"a\": ", count: 50_000) + "1"] {
      let error = try #require(throws: JSON.ParseError.self) { try JSON(parsing: text) }
      #expect(error.isTooDeep)
      #expect(error.message == "nested deeper than 512 levels")
      #expect(error.line == 1)
    }
    let syntax = try #require(throws: JSON.ParseError.self) { try JSON(parsing: "[1,]") }
    #expect(!syntax.isTooDeep)
  }

  /// Python's ints have no bound: an integer beyond `Int` is read and written digit for digit.
  @Test func keepsIntegersBeyondIntDigitForDigit() throws {
    let parsed = try JSON(parsing: "[18446744073709551614, -9223372036854775809, 9223372036854775807, 1.5]")
    #expect(parsed == .array([.largeInt("18446744073709551614"), .largeInt("-9223372036854775809"), .int(Int.max), .double(1.5)]))
    #expect(parsed.pythonCompact == "[18446744073709551614, -9223372036854775809, 9223372036854775807, 1.5]")
  }
}
