import CloudAPI
import Testing

@Suite struct JSONTests {
  /// Expected strings are what CPython 3.11's `json.dumps` prints for the same values.
  @Test func writesLikePythonJSONDumps() {
    let value: JSON = .object([
      "b": .int(-3), "a": .array([.null, .bool(true), .bool(false)]), "s": .string("quote\" back\\ tab\t"),
      "empty": .object([:]), "list": .array([]),
    ])
    #expect(
      value.pythonCompact
        == #"{"b": -3, "a": [null, true, false], "s": "quote\" back\\ tab\t", "empty": {}, "list": []}"#)
  }

  @Test func escapesEverythingOutsidePrintableASCII() {
    #expect(JSON.string("zoë ☃ 😀\u{1}\n\r\u{8}\u{c}\u{7f}").pythonCompact == #""zo\u00eb \u2603 \ud83d\ude00\u0001\n\r\b\f\u007f""#)
  }
}
