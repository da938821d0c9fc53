import Testing

@testable import Check

/// The searches every documented line goes through: a phrase found whatever its letters' case,
/// wherever it is in the line, and never a phrase the line only begins.
@Suite struct TextSearchTests {
  let phrases = CaseInsensitivePhrases([" found for ", "not found", "(http 403)"])

  @Test func findsAPhraseWhateverTheCaseOfItsLetters() {
    #expect(phrases.occur(in: "ERROR: Share Not Found"))
    #expect(phrases.occur(in: "No Share found for 'demo'"))
    #expect(phrases.occur(in: "Forbidden (HTTP 403) (Request-ID: req-1)"))
  }

  @Test func findsAPhraseAtEitherEndOfTheLine() {
    #expect(phrases.occur(in: "not found"))
    #expect(phrases.occur(in: "the share was not found"))
    #expect(phrases.occur(in: "not found: the share"))
  }

  @Test func findsNothingInLinesThatOnlyBeginOrResembleAPhrase() {
    #expect(!phrases.occur(in: "| id | name  | status    |"))
    #expect(!phrases.occur(in: "not foun"))
    #expect(!phrases.occur(in: "nothing found"))
    #expect(!phrases.occur(in: "n"))
    #expect(!phrases.occur(in: ""))
  }

  /// Each phrase is looked for at its rarest byte (`u` in `not found`, the apostrophe in
  /// `doesn't`), which may come before the phrase could begin, or be in either case.
  @Test func findsAPhraseFromItsAnchorWhereverTheAnchorIs() {
    let refusals = CaseInsensitivePhrases(["policy doesn't allow", "(http 403)"])
    #expect(refusals.occur(in: "Policy doesn't allow volume:create to be performed. (HTTP 403)"))
    #expect(refusals.occur(in: "POLICY DOESN'T ALLOW"))
    #expect(!refusals.occur(in: "doesn't allow"))
    #expect(!phrases.occur(in: "u"))
    #expect(!phrases.occur(in: "UND"))
    #expect(phrases.occur(in: "NOT FOUND"))
  }

  @Test func findsABytePhraseInAByteText() {
    #expect("a share and its snapshot".includes("its snap"))
    #expect(!"a share and its snapshot".includes("snapshots"))
    #expect("abc".includes(""))
  }
}
