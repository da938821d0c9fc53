import CloudAPI
import Testing

@Suite struct PythonReplaceTests {
  /// What Python 3's `str.replace` gives for each (checked with CPython 3.11).
  @Test(arguments: [
    ("4b2e-11-22", "-", "_", "4b2e_11_22"),
    ("urn:uuid:{4b2e}", "urn:", "", "uuid:{4b2e}"),
    ("aaa", "aa", "b", "ba"),
    ("a%20b%20", "%20", "+", "a+b+"),
    ("é-é", "-", "—", "é—é"),
    ("ab", "abc", "x", "ab"),
    ("", "a", "b", ""),
    ("x'y'", "'", "\\'", "x\\'y\\'"),
  ])
  func replacesAsPythonDoes(text: String, target: String, replacement: String, expected: String) {
    #expect(text.replacingEvery(target, with: replacement) == expected)
    #expect(text[...].replacingEvery(target, with: replacement) == expected)
  }

  /// Unlike Python's (`'ab'.replace('', 'x')` is `'xaxbx'`), an empty target replaces nothing.
  @Test func anEmptyTargetReplacesNothing() {
    #expect("ab".replacingEvery("", with: "x") == "ab")
  }
}
