import Foundation
import Testing

@testable import Documents
import TestScratch

@Suite struct WalkthroughReaderTests {
  /// A fresh directory for one test's files.
  func scratchDirectory() throws -> URL {
    try Scratch.directory()
  }

  @Test func findsPagesInDirectoriesInNameOrder() throws {
    let root = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    for name in ["b.rst", "a.md", "notes.txt", "sub/c.markdown", ".hidden/d.rst", "sub/e.RST"] {
      let url = root.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data().write(to: url)
    }
    let pages = try WalkthroughReader.pages(in: [root.path])
    #expect(pages.map { String($0.dropFirst(root.path.count + 1)) } == ["a.md", "b.rst", "sub/c.markdown", "sub/e.RST"])
    let forced = try WalkthroughReader.pages(in: [root.path], syntax: .rst)
    #expect(forced.count == 5)
  }

  @Test func theExtensionChoosesTheSyntaxUnlessForced() throws {
    let root = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let file = root.appendingPathComponent("page.txt")
    try Data("::\n\n  $ ls\n".utf8).write(to: file)
    #expect(throws: DocumentError(file: file.path, reason: "unknown page syntax: name it with --syntax rst or --syntax markdown")) {
      try WalkthroughReader.read(file: file.path)
    }
    #expect(try WalkthroughReader.read(file: file.path, syntax: .rst).steps.map(\.command.command) == ["ls"])
    #expect(try WalkthroughReader.read(file: file.path, syntax: .markdown).blocks.count == 0)
  }

  @Test func aMissingPathIsNamed() {
    #expect(throws: DocumentError(file: "/no/such/page.rst", reason: "no such file or directory")) {
      try WalkthroughReader.pages(in: ["/no/such/page.rst"])
    }
    #expect(throws: DocumentError.self) {
      try WalkthroughReader.read(file: "/no/such/page.rst")
    }
  }

  @Test func bytesThatAreNotUTF8AreAnErrorNamingTheirLine() throws {
    let root = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let file = root.appendingPathComponent("latin1.rst")
    try Data("Title\n=====\n\ncaf".utf8 + [0xE9] + Data("\n".utf8)).write(to: file)
    #expect(throws: DocumentError(file: file.path, line: 4, reason: "the file is not UTF-8 text")) {
      try WalkthroughReader.read(file: file.path)
    }
  }

  @Test func readsEveryLineBreakDocutilsKnows() throws {
    let blocks = try RSTReader.blocks(in: "A::\r\n\r\n  one\r  two\n  three\u{2028}  four\n")
    #expect(blocks.map(\.text) == ["one\ntwo\nthree\nfour"])
    #expect(blocks.first?.line == 3)
  }

  @Test func anEmptyOrProseOnlyPageHasNoSteps() {
    #expect(WalkthroughReader.parse("", file: "empty.rst", syntax: .rst).steps.isEmpty)
    #expect(WalkthroughReader.parse("Just words.\n", file: "p.md", syntax: .markdown).steps.isEmpty)
  }

  @Test func malformedMarkupNeverStopsTheReader() {
    let broken = """
      .. code-block:: console
      =====
      ::
      .. 
      ---
      #.
      * 
      +--+
      | x
      ====  ===
      .. only::
         .. code-block::
      \t$ tab
      """
    let walkthrough = WalkthroughReader.parse(broken, file: "broken.rst", syntax: .rst)
    #expect(walkthrough.file == "broken.rst")
    let markdown = WalkthroughReader.parse("```\n$ unterminated", file: "broken.md", syntax: .markdown)
    #expect(markdown.steps.map(\.command.command) == ["unterminated"])
  }
}

@Suite struct PathologicalInputTests {
  /// `depth` block quotes, each one space deeper, holding a literal block at the bottom.
  func nested(_ depth: Int) -> String {
    (0..<depth).map { String(repeating: " ", count: $0) + "level \($0)\n\n" }.joined()
      + String(repeating: " ", count: depth) + "Bottom::\n\n" + String(repeating: " ", count: depth + 2) + "$ ls\n"
  }

  @Test func nestingWithinTheLimitIsRead() throws {
    #expect(try RSTReader.blocks(in: nested(10)).map(\.text) == ["$ ls"])
  }

  /// Past 64 levels the reader stops descending: what is nested deeper is not read, and the
  /// page does not exhaust the stack or take quadratic time.
  @Test func nestingBeyondTheLimitIsNotRead() throws {
    #expect(try RSTReader.blocks(in: nested(RSTBodyParser.maximumDepth + 10)).isEmpty)
    let staircase = (0..<3000).map { String(repeating: " ", count: $0) + "x" }.joined(separator: "\n")
    #expect(try RSTReader.blocks(in: staircase).isEmpty)
  }
}

/// Random pages assembled from the constructs real pages use, in random order and depth: the
/// readers never crash, and every line they report stands, as reported, at its line of the page.
@Suite struct RandomPageTests {
  struct SplitMix {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(bound))
    }
  }

  static let rstFragments = [
    "Title", "=====", "", "Para::", "    $ ls", "  literal", ".. code-block:: console", "   :caption: c",
    "   $ openstack share list", "#. item", "- bullet", "1. one", ":field: value", ".. note::", "..", ".. _t:",
    "+--+--+", "| a| b|", "=== ===", ">>> x", "| line", "\tTab\tbed", "Term", "   definition", "A::", "> q",
    "::", "----", "(i) roman", ".. only:: html", "  .. sourcecode:: bash", "", "", "",
  ]
  static let markdownFragments = [
    "# Title", "", "```console", "$ ls", "```", "~~~", "    indented", "1. item", "   ```", "> quote",
    "> ```", "- [ ] task", "| a | b |", "|---|---|", "<!-- c -->", "````", "text", "",
  ]

  /// Python's `str.expandtabs()`.
  static func expandingTabs(_ text: String) -> String {
    var result = ""
    for character in text {
      if character == "\t" {
        result += String(repeating: " ", count: 8 - result.count % 8)
      } else {
        result.append(character)
      }
    }
    return result
  }

  @Test(arguments: 0..<200)
  func randomPagesReadConsistently(seed: Int) {
    var random = SplitMix(state: UInt64(seed))
    for (fragments, syntax) in [(Self.rstFragments, Syntax.rst), (Self.markdownFragments, .markdown)] {
      let lines = (0..<random.next(60)).map { _ in
        String(repeating: " ", count: random.next(4) * 2) + fragments[random.next(fragments.count)]
      }
      let page = lines.joined(separator: "\n")
      let walkthrough = WalkthroughReader.parse(page, file: "random", syntax: syntax)
      for block in walkthrough.blocks {
        for line in block.lines {
          #expect((1...max(1, lines.count)).contains(line.number))
          let source = syntax == .rst ? Self.expandingTabs(lines[line.number - 1]) : lines[line.number - 1]
          #expect(source.hasSuffix(line.text) || line.text.isEmpty || syntax == .rst && block.kind == .parsedLiteral)
        }
      }
      for step in walkthrough.steps {
        #expect(step.command.outputLines.map { $0.lowerBound > step.command.line } ?? true)
      }
    }
  }
}

/// Author directives are comments that start with `walkthrough:`; other comments are not.
@Suite struct AuthorDirectiveTests {
  @Test func readsDirectivesFromReStructuredTextComments() {
    let page = """
      .. walkthrough: width 228

      .. a comment that is not for us

      Text.

      ..  walkthrough:   expect-drift  the table
         is older

      - .. walkthrough: skip
      """
    let directives = WalkthroughReader.parse(page, file: "p.rst", syntax: .rst).directives
    #expect(
      directives == [
        AuthorDirective(line: 1, text: "width 228"), AuthorDirective(line: 7, text: "expect-drift the table is older"),
        AuthorDirective(line: 10, text: "skip"),
      ])
  }

  @Test func readsDirectivesFromMarkdownComments() {
    let page = """
      <!-- walkthrough: cloud clouds/nova.yaml -->

      <!-- an ordinary comment -->

      Text <!-- walkthrough: inline comments are prose --> here.

      <!--
      walkthrough: env OS_CLOUD=devstack-admin
      -->
      """
    let directives = WalkthroughReader.parse(page, file: "p.md", syntax: .markdown).directives
    #expect(
      directives == [
        AuthorDirective(line: 1, text: "cloud clouds/nova.yaml"),
        AuthorDirective(line: 7, text: "env OS_CLOUD=devstack-admin"),
      ])
  }
}
