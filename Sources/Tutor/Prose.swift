import Documents

/// A run of inline text with its markup: plain, code, emphasis, strong, or a link's text and
/// its URL.
struct Inline: Equatable {
  enum Kind: Equatable {
    case text
    case code
    case emphasis
    case strong
    case link(url: String)
  }

  var text: String
  var kind: Kind = .text
}

/// A piece of a page's prose, as a reader sees it rather than as it is written.
enum ProseBlock: Equatable {
  case heading(String, level: Int)
  case paragraph([Inline], indent: Int)
  /// A list item: its marker (`•`, `3.`) and its first paragraph.
  case item(marker: String, [Inline], indent: Int)
  /// A note, a warning...: its kind, as the page names it, and its paragraphs.
  case admonition(kind: String, paragraphs: [[Inline]], indent: Int)
  /// Text shown as it is (a literal block that is not a console step, a table).
  case verbatim([String], indent: Int)
}

/// The prose of a page, each block with the line it starts on, so that the tutor can show the
/// prose that leads to each step.
struct PageProse {
  var blocks: [(line: Int, block: ProseBlock)]

  /// The page's prose, read from its text; the lines of its literal blocks are left out, and the
  /// blocks that are not console steps come back as verbatim text.
  init(text: String, walkthrough: Walkthrough) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0.hasSuffix("\r") ? $0.dropLast() : $0)
    }
    var literal = Set<Int>()
    var verbatim: [(line: Int, block: ProseBlock)] = []
    let stepBlocks = Set(walkthrough.steps.map(\.block))
    for block in walkthrough.blocks {
      let last = block.lines.last?.number ?? block.line
      if block.line <= last { literal.formUnion(block.line...last) }
      if !stepBlocks.contains(block.line) {
        let indent = lines.indices.contains(block.line - 1) ? lines[block.line - 1].prefix { $0 == " " }.count : 0
        verbatim.append((block.line, .verbatim(block.lines.map(\.text), indent: indent)))
      }
    }
    let read =
      walkthrough.syntax == .rst
      ? RSTProse(lines: lines, literal: literal).blocks() : MarkdownProse(lines: lines, literal: literal).blocks()
    blocks = (read + verbatim).sorted { $0.line < $1.line }
  }

  /// The blocks that start after line `after` and before line `before`.
  func blocks(after: Int, before: Int) -> [ProseBlock] {
    blocks.filter { $0.line > after && $0.line < before }.map(\.block)
  }
}

extension String {
  /// The number of leading spaces.
  var indentation: Int { prefix { $0 == " " }.count }
  var isBlank: Bool { allSatisfy(\.isWhitespace) }
}

/// Paragraph text joined from its lines, with spans of plain text next to each other merged.
func joinedInlines(_ spans: [Inline]) -> [Inline] {
  var merged: [Inline] = []
  for span in spans where !span.text.isEmpty {
    if let last = merged.last, last.kind == .text, span.kind == .text {
      merged[merged.count - 1].text += span.text
    } else {
      merged.append(span)
    }
  }
  return merged
}
