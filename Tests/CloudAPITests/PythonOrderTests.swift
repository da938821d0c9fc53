import CloudAPI
import Testing

@Suite struct PythonOrderTests {
  /// `sorted()` of these in Python 3: by code point, so capitals before lower case, a prefix
  /// first, `é` (U+00E9) after `z`, and `𝒜` (U+1D49C) after `ｚ` (U+FF5A), though in UTF-16 a
  /// surrogate (D835) would sort it first.
  @Test func stringsSortByCodePointAsPythonSortsThem() {
    let python = ["B", "a", "ab", "abc", "z", "é", "ｚ", "𝒜"]
    #expect(python.shuffled().sorted { $0.precedesByCodePoint($1) } == python)
    #expect(!"ab".precedesByCodePoint("ab"))
    #expect("".precedesByCodePoint("a"))
    #expect(!"a".precedesByCodePoint(""))
  }
}
