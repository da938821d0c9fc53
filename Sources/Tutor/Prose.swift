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

/// Inline markup read a character at a time: the spans read so far, and the plain text not yet in
/// one.
struct InlineScanner {
  let characters: [Character]
  private var spans: [Inline] = []
  var plain = ""
  /// Where each marker looked for stands, in order, found in one pass the first time it is looked
  /// for: a paragraph of markers that never close (`*` after `*`) costs a binary search at each,
  /// not a search to the paragraph's end.
  private let places = Places()

  private final class Places {
    var byMarker: [String: [Int]] = [:]
  }

  init(_ text: String) {
    characters = Array(text)
  }

  /// The first position at or after `start` where `marker` stands.
  func first(_ marker: String, from start: Int) -> Int? {
    let positions = places.byMarker[marker] ?? {
      let pattern = Array(marker)
      let found = characters.indices.filter {
        $0 + pattern.count <= characters.count && characters[$0..<($0 + pattern.count)].elementsEqual(pattern)
      }
      places.byMarker[marker] = found
      return found
    }()
    var (low, high) = (0, positions.count)
    while low < high {
      let middle = (low + high) / 2
      if positions[middle] < start { low = middle + 1 } else { high = middle }
    }
    return low < positions.count ? positions[low] : nil
  }
  /// Ends the plain text so far and adds a span of markup.
  mutating func add(_ span: Inline) {
    if !plain.isEmpty { spans.append(Inline(text: plain)) }
    plain = ""
    spans.append(span)
  }

  mutating func finish() -> [Inline] {
    add(Inline(text: ""))
    return joinedInlines(spans)
  }
}
