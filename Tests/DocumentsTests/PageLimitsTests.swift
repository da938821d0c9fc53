import Foundation
import Testing

@testable import Documents
import TestScratch

/// Pages that used to take the readers quadratic time or memory (found by fuzzing), sized so that
/// they finish in well under a second when read in linear time: each is read whole, with the
/// blocks it holds.
@Suite struct HostilePageTests {
  func markdown(_ text: String) throws -> [ReferenceBlock] {
    try MarkdownReader.blocks(in: text).map(ReferenceBlock.init)
  }

  @Test func rstLinesOfTabsAreExpandedOnce() throws {
    // 200 KB of tabs ending a line (which docutils strips), then between words.
    let page = "x" + String(repeating: "\t", count: 200_000) + "\n\nRun::\n\n  $ echo\t" + String(repeating: "\t", count: 1_000) + "end\n"
    let blocks = try RSTReader.blocks(in: page)
    #expect(blocks.map(\.line) == [5])
    // `  $ echo` ends at column 8: its tab takes 8 columns, like each one after it.
    #expect(blocks.first?.text == "$ echo" + String(repeating: " ", count: 8 * 1_001) + "end")
  }

  @Test(arguments: ["*a ", "**a ", "`a ", "|a ", "[a ", "a-a ", "_`a ", "``a ", ":r:`a "])
  func rstParsedLiteralsWithMarkupLeftOpenAreReadOnce(opener: String) throws {
    let line = String(repeating: opener, count: 30_000 / opener.count)
    let blocks = try RSTReader.blocks(in: ".. parsed-literal::\n\n   " + line + "\n")
    #expect(blocks.map(\.text) == [String(line.dropLast())])
  }

  /// A scan that found no end-string answers for the scans after it, of its own kind only.
  @Test func rstMarkupLeftOpenBeforeMarkupClosedLaterIsStillRead() throws {
    let open = String(repeating: "*a ", count: 1_000)
    let blocks = try RSTReader.blocks(in: ".. parsed-literal::\n\n   " + open + "`d`_ and ``e`` \\*f\n")
    #expect(blocks.first?.text == open + "d and e *f")
  }

  /// The fuzzer's page: a header 10,000 columns wide over 20,000 one-cell rows, which cmark-gfm
  /// pads to 200 million cells. Narrowed to one column, the table still ends the paragraph
  /// above and takes the indented line after it as a row (GitHub reads it as code).
  @Test func aWideMarkdownTableIsReadWithTheBlocksAroundIt() throws {
    let width = 10_000
    let table = String(repeating: "|a", count: width) + "\n" + String(repeating: "|-", count: width) + "\n"
    let rows = String(repeating: "x\n", count: 20_000)
    let page = "Intro\n" + table + rows + "    $ ls\n\n```console\n$ whoami\n```\n"
    #expect(
      try markdown(page) == [
        ReferenceBlock(line: 20_004, language: nil, text: "$ ls", kind: "indented"),
        ReferenceBlock(line: 20_007, language: "console", text: "$ whoami", kind: "fenced"),
      ])
    // Narrower tables are left as they are.
    #expect(try markdown("| a | b |\n|---|---|\n    $ ls\n").map(\.text) == ["$ ls"])
  }

  /// A wide header that does not match its delimiter row is no table: the paragraph goes on.
  @Test func aWideHeaderWithoutItsDelimiterRowIsNoTable() throws {
    let page = String(repeating: "|a", count: 100) + "\n" + String(repeating: "|-", count: 99) + "\n    $ ls\n"
    #expect(try markdown(page).isEmpty)
  }

  @Test(arguments: ["![[]()", "<![CDATA[", "a <?", "a <!--a", "[a](b", "a@", "*a _a*_ "])
  func markdownInlineMarkupThatCmarkReadsSlowlyIsSetAside(unit: String) throws {
    // After a letter: `<![CDATA[` opening a line opens an HTML block.
    let paragraph = "a" + String(repeating: unit, count: 30_000 / unit.count)
    let walkthrough = WalkthroughReader.parse(
      "# Title\n\n" + paragraph + "\n\n```console\n$ ls\n```\n", file: "p.md", syntax: .markdown)
    #expect(walkthrough.steps.map(\.command.command) == ["ls"])
    #expect(walkthrough.steps.first?.context.lead == paragraph)
    #expect(walkthrough.steps.first?.context.heading == "Title")
  }

  @Test func ordinaryProseIsRenderedAsGitHubRendersIt() throws {
    let page = "# The *first* step\n\nRun `ls` in [the shell](https://example.com), **now**:\n\n```console\n$ ls\n```\n"
    let step = try #require(WalkthroughReader.parse(page, file: "p.md", syntax: .markdown).steps.first)
    #expect(step.context.heading == "The first step")
    #expect(step.context.lead == "Run ls in the shell, now:")
  }

  @Test func markdownNestedAsDeepAsAllowedIsRead() throws {
    let depth = PageLimits.markdownNesting
    let quoted = String(repeating: String(repeating: "> ", count: depth) + "x\n", count: 100)
    #expect(try markdown(quoted + "\n    $ ls\n").map(\.text) == ["$ ls"])
    let listed = (0..<20).map { String(repeating: "  ", count: $0) + "- item\n" }.joined()
    let fence = ["```", "$ ls", "```"].map { String(repeating: "  ", count: 20) + $0 + "\n" }.joined()
    #expect(try markdown(listed + "\n" + fence).map(\.text) == ["$ ls"])
  }
}

/// What the readers refuse, and how they say it.
@Suite struct PageLimitTests {
  func refusal(_ text: String, _ syntax: Syntax) -> DocumentError? {
    do {
      _ = try WalkthroughReader.parseWithinLimits(text, file: "page", syntax: syntax)
      return nil
    } catch {
      return error
    }
  }

  @Test(arguments: Syntax.allCases)
  func moreLinesThanTheLimitAreRefused(syntax: Syntax) {
    #expect(
      refusal(String(repeating: "\n", count: PageLimits.lines + 1), syntax)
        == DocumentError(file: "page", reason: "more than 200,000 lines"))
    #expect(throws: Never.self) { try PageLimits.checkLines(String(repeating: "\r\n", count: PageLimits.lines)) }
    #expect(throws: PageLimits.tooManyLines) { try PageLimits.checkLines(String(repeating: "\r", count: PageLimits.lines) + "x") }
  }

  /// reStructuredText breaks lines at more characters than `\n` and `\r`.
  @Test func rstLinesBrokenAtOtherCharactersCountToo() {
    #expect(refusal(String(repeating: "\u{2028}", count: PageLimits.lines + 1), .rst)?.reason == "more than 200,000 lines")
  }

  @Test func markdownNestedDeeperThanTheLimitIsRefused() {
    let depth = PageLimits.markdownNesting + 1
    #expect(
      refusal("Intro\n\n" + String(repeating: "> ", count: depth) + "x\n", .markdown)
        == DocumentError(file: "page", line: 3, reason: "block quotes and lists nested more than 100 deep"))
    let staircase = (0...depth).map { String(repeating: "  ", count: $0) + "- x\n" }.joined()
    #expect(refusal(staircase, .markdown)?.line == depth)
    // Blank lines do not nest; indentation alone (code) does not either.
    #expect(refusal(String(repeating: String(repeating: " ", count: 300) + "x\n", count: 300), .markdown) == nil)
  }

  /// Lines shaped like table delimiter rows under a paragraph make the table extension read the
  /// paragraph again for each: past the page's size again, the page is refused.
  @Test func delimiterRowsUnderALongParagraphAreRefused() {
    let page = "a\n" + String(repeating: "-|-|-" + String(repeating: " ", count: 60) + "\n-|-\n", count: 500)
    let error = refusal(page, .markdown)
    #expect(error?.reason == "too many lines like table delimiter rows (`-|-`) under long paragraphs")
    #expect((100..<1_000).contains(error?.line ?? 0))
  }

  /// A table just narrow enough to be kept as it is, with rows enough to need more memory than
  /// the limit: cmark-gfm pads each row to 64 cells.
  @Test func markdownBlocksNeedingTooMuchMemoryAreRefused() throws {
    let width = TableRow.narrowedWidth
    let page = String(repeating: "|a", count: width) + "\n" + String(repeating: "|-", count: width) + "\n"
      + String(repeating: "x\n", count: 8_000)
    let error = try #require(refusal(page, .markdown))
    #expect(error.reason == "its Markdown blocks need more than 64 MB (too many blocks or table cells)")
    #expect((1_000..<8_000).contains(error.line ?? 0))
  }

  /// With a limit of 64 KB rather than 64 MB, which takes a second to reach.
  @Test func rstTextExpandedBeyondTheLimitIsRefused() throws {
    let line = "x" + String(repeating: "\t", count: 1 << 10) + "y\n"
    // Each line expands to 8 × 2¹⁰ + 1 bytes: the 8th makes more than 64 KB.
    #expect(throws: PageLimitError(line: 8, reason: "more than 64 MB once its tabs are expanded")) {
      try RSTLineSplitter.lines(of: String(repeating: line, count: 10), expandedLimit: 64 << 10)
    }
    #expect(try RSTLineSplitter.lines(of: String(repeating: line, count: 7), expandedLimit: 64 << 10).count == 7)
  }
}

/// Files the reader refuses before reading them.
@Suite struct PageFileTests {
  func scratchFile(_ name: String) throws -> (directory: URL, file: String) {
    let directory = try Scratch.directory()
    return (directory, directory.appendingPathComponent(name).path)
  }

  /// Opening a FIFO without a writer would block: it is refused by what it is.
  @Test func aFIFOIsRefusedWithoutBlocking() throws {
    let (directory, fifo) = try scratchFile("page.md")
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(mkfifo(fifo, 0o600) == 0)
    #expect(throws: DocumentError(file: fifo, reason: "not a regular file (a FIFO)")) {
      try WalkthroughReader.read(file: fifo)
    }
  }

  @Test func aDeviceOrADirectoryIsRefused() throws {
    #expect(throws: DocumentError(file: "/dev/null", reason: "not a regular file (a character device)")) {
      try WalkthroughReader.read(file: "/dev/null", syntax: .rst)
    }
    let (directory, _) = try scratchFile("unused")
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(throws: DocumentError(file: directory.path, reason: "is a directory")) {
      try WalkthroughReader.read(file: directory.path, syntax: .rst)
    }
  }

  @Test func aFileLargerThanTheLimitIsRefused() throws {
    let (directory, file) = try scratchFile("page.md")
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(FileManager.default.createFile(atPath: file, contents: Data("# Title\n".utf8)))
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
    try handle.truncate(atOffset: UInt64(PageLimits.bytes + 1))
    try handle.close()
    #expect(throws: DocumentError(file: file, reason: "larger than 10 MB")) {
      try WalkthroughReader.read(file: file)
    }
    let handleAtLimit = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
    try handleAtLimit.truncate(atOffset: UInt64(PageLimits.bytes))
    try handleAtLimit.close()
    #expect(try PageFile.contents(of: file).count == PageLimits.bytes)
  }
}
