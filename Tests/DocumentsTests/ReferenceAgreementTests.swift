import Testing

@testable import Documents

/// The readers against the tools the documentation's own builds use. The expected blocks in
/// `Fixtures/*.jsonl` were printed by docutils 0.19 (through the lenient Sphinx stand-ins of the
/// project's block oracle) and by cmark-gfm 0.29.0.gfm.6.
@Suite struct ReferenceAgreementTests {
  @Test func rstBlocksEqualDocutils() throws {
    let ours = try RSTReader.blocks(in: try Fixture.text("constructs.rst")).map(ReferenceBlock.init)
    var reference = try Fixture.referenceBlocks("constructs.rst.docutils.jsonl")
    // The one deliberate difference: docutils numbers a doctest block from its second line (its
    // own line check flags this); we report the first line, where the block starts.
    let doctest = try #require(reference.firstIndex { $0.kind == "doctest" })
    reference[doctest].line -= 1
    #expect(ours.count == reference.count)
    for (mine, theirs) in zip(ours, reference) {
      #expect(mine == theirs)
    }
  }

  /// Replicas of nova's faults guide (the current one, with the failed-resize walkthrough and a
  /// `.. code-block::` without a language, and the 2019 one): every block, console or JSON,
  /// where docutils finds it. The replicas keep each block, directive and adornment of the
  /// original at its line and replace its prose.
  @Test(arguments: ["nova-faults-replica.rst", "nova-faults-2019-replica.rst"])
  func novaFaultsGuideBlocksEqualDocutils(page: String) throws {
    let ours = try RSTReader.blocks(in: try Fixture.text(page)).map(ReferenceBlock.init)
    #expect(ours == (try Fixture.referenceBlocks("\(page).docutils.jsonl")))
  }

  @Test func parsedLiteralsDropInlineMarkupAsDocutilsDoes() throws {
    let ours = try RSTReader.blocks(in: try Fixture.text("inline-markup.rst")).map(ReferenceBlock.init)
    #expect(ours == (try Fixture.referenceBlocks("inline-markup.rst.docutils.jsonl")))
  }

  @Test func markdownBlocksEqualCmarkGFM() throws {
    let ours = try MarkdownReader.blocks(in: try Fixture.text("constructs.md")).map(ReferenceBlock.init)
    let reference = try Fixture.referenceBlocks("constructs.md.cmark-gfm.jsonl")
    #expect(ours == reference)
  }
}
