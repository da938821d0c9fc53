import Testing

@testable import FakeCloud

/// The services' name filters (`REGEXP` under a case-insensitive collation): plain text is found
/// anywhere, in any case; ASCII text is searched by bytes, other text by characters, with the
/// same answers.
@Suite struct TextSearchTests {
  @Test(arguments: [
    ("web", "web-1", true), ("WEB", "my-Web", true), ("web", "we", false), ("web", "", false),
    ("b-1", "web-1", true), ("vm1", "vm10", true), ("vm10", "vm1", false), ("ab", "aab", true),
    ("é", "CAFÉ", true), ("café", "Cafe", false), ("k", "\u{212A}elvin", true),
  ])
  func findsPlainTextInAnyCase(pattern: String, name: String, found: Bool) {
    #expect(TextSearch.regexp(pattern)(name) == found)
  }

  @Test func aSearchByBytesAgreesWithOneByCharacters() {
    let names = ["db1", "DB-primary", "web-1", "", "aaaa", "a\u{0}b", "Z[z]"]
    let patterns = ["db", "DB-P", "x", "a", "aa", "aaaaa", "", "b", "\u{0}", "z", "-1"]
    for pattern in patterns {
      let lowered = pattern.lowercased()
      for name in names {
        guard let byBytes = ASCIISearch.containsFolded(name, lowered) else {
          #expect(pattern.isEmpty)
          continue
        }
        #expect(byBytes == name.lowercased().contains(lowered), "\(pattern) in \(name)")
        #expect(TextSearch.regexp(pattern)(name) == byBytes, "\(pattern) in \(name)")
      }
    }
  }

  /// Text that is not ASCII, or holds a carriage return (with a line feed, one character), is
  /// left to the search by characters.
  @Test func otherTextIsSearchedByCharacters() {
    #expect(ASCIISearch.containsFolded("web\r\n1", "\r") == nil)
    #expect(ASCIISearch.containsFolded("web", "\r") == nil)
    #expect(ASCIISearch.containsFolded("Ünïcode", "code") == nil)
    #expect(ASCIISearch.containsFolded("code", "ü") == nil)
    #expect(ASCIISearch.containsFolded("code", "") == nil)
  }

  @Test func metacharactersMakeAnExpression() {
    #expect(TextSearch.regexp("^web")("web-1"))
    #expect(!TextSearch.regexp("^web")("my-web"))
    #expect(TextSearch.regexp("v.1")("VM1"))
    #expect(!TextSearch.regexp("(")("("))
  }
}
