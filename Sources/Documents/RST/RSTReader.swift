/// Reads reStructuredText the way docutils does, as far as literal blocks are concerned: it
/// follows the body structure (sections, paragraphs, lists, block quotes, definitions, field lists,
/// tables, comments, directives), descends into every construct that can hold blocks, and builds
/// each literal block's text exactly as docutils does.
public enum RSTReader {
  public static func blocks(in text: String) throws(PageLimitError) -> [LiteralBlock] {
    try read(text).blocks
  }

  /// The literal blocks and the author directives (`.. walkthrough: ...` comments), in page order.
  public static func read(_ text: String) throws(PageLimitError) -> (
    blocks: [LiteralBlock], directives: [AuthorDirective]
  ) {
    let parser = RSTBodyParser()
    parser.parse(RSTLines(try RSTLineSplitter.lines(of: text)), matchesTitles: true)
    return (parser.blocks, parser.directives)
  }
}

/// One pass over a document's body elements, recursing into nested bodies.
final class RSTBodyParser {
  private(set) var blocks: [LiteralBlock] = []
  private(set) var directives: [AuthorDirective] = []
  /// The current section title and the last paragraph, as written.
  private var heading: String?
  private var lead: String?

  /// How deep constructs may nest before the reader stops descending. Real pages nest a few
  /// levels; a page nested thousands deep (which makes docutils itself give up) must not make
  /// the reader slow or exhaust the stack.
  static let maximumDepth = 64
  private var depth = 0

  /// Parses body elements. `matchesTitles` is false inside lists, quotes and most directives,
  /// where docutils does not allow section titles.
  func parse(_ lines: RSTLines, matchesTitles: Bool) {
    guard depth <= Self.maximumDepth else { return }
    depth += 1
    defer { depth -= 1 }
    var index = 0
    while index < lines.count {
      let line = lines[index]
      if line.isBlank {
        index += 1
      } else if line.indent > 0 {
        let quote = RSTBlocks.indented(lines, from: index)
        parse(quote.block, matchesTitles: false)
        index = quote.end
      } else {
        index = parseConstruct(lines, at: index, matchesTitles: matchesTitles)
      }
    }
  }

  /// Parses the construct that the flush-left line at `index` opens; returns the index after it.
  private func parseConstruct(_ lines: RSTLines, at index: Int, matchesTitles: Bool) -> Int {
    switch lines[index].text.withUTF8Bytes(RSTSyntax.construct) {
    case .bullet(let textOffset):
      return listItem(lines, at: index, textOffset: textOffset)
    case .enumerated(let enumerator) where isListItem(enumerator, lines, at: index):
      return listItem(lines, at: index, textOffset: enumerator.end)
    case .field(let bodyOffset):
      return nestedBody(lines, at: index, firstIndent: bodyOffset)
    case .doctest:
      let end = RSTBlocks.textEnd(lines, from: index, flushLeft: false)
      emit(.doctest, language: nil, lines[index..<end])
      return end
    case .lineBlock:
      return RSTBlocks.textEnd(lines, from: index, flushLeft: false)
    case .gridTable:
      return RSTBlocks.textEnd(lines, from: index, flushLeft: true)
    case .simpleTable:
      return RSTBlocks.simpleTableEnd(lines, from: index)
    case .explicitMarkup:
      return explicitMarkup(lines, at: index)
    case .anonymousTarget:
      return RSTBlocks.firstKnownIndented(lines, from: index, firstIndent: 0, untilBlank: true).end
    case .adornment:
      return adornment(lines, at: index, matchesTitles: matchesTitles)
        ?? textLine(lines, at: index, matchesTitles: matchesTitles)
    case .enumerated, .text:
      return textLine(lines, at: index, matchesTitles: matchesTitles)
    }
  }

  // MARK: Lists and fields

  /// docutils' `is_enumerated_list_item`: the next line is blank, indented, or the next item.
  private func isListItem(_ enumerator: RSTSyntax.Enumerator, _ lines: RSTLines, at index: Int) -> Bool {
    guard enumerator.ordinal != nil else { return false }
    guard index + 1 < lines.count else { return true }
    let next = lines[index + 1]
    if next.isBlank || next.indent > 0 { return true }
    return enumerator.nextMarkers.contains { next.text.hasPrefix($0) }
  }

  private func listItem(_ lines: RSTLines, at index: Int, textOffset: Int) -> Int {
    if lines[index].text.utf8.count > textOffset {
      let item = RSTBlocks.knownIndented(lines, from: index, indent: textOffset)
      parse(item.block, matchesTitles: false)
      return item.end
    }
    return nestedBody(lines, at: index, firstIndent: textOffset)
  }

  private func nestedBody(_ lines: RSTLines, at index: Int, firstIndent: Int) -> Int {
    let body = RSTBlocks.firstKnownIndented(lines, from: index, firstIndent: firstIndent)
    parse(body.block, matchesTitles: false)
    return body.end
  }

  // MARK: Explicit markup

  /// What an explicit markup line (`.. `) holds.
  private enum ExplicitMarkup {
    case footnote(bodyOffset: Int)
    case target(offset: Int)
    case substitution(offset: Int)
    case directive(name: String, offset: Int)
    case comment(offset: Int, isEmpty: Bool)

    init(_ bytes: UTF8Bytes) {
      let body = RSTSyntax.explicitMarkupBody(bytes) ?? bytes.count
      if let end = RSTSyntax.footnoteEnd(bytes, from: body) {
        self = .footnote(bodyOffset: end)
      } else if body < bytes.count, bytes[body] == UInt8(ascii: "_") {
        self = .target(offset: body)
      } else if body < bytes.count, bytes[body] == UInt8(ascii: "|") {
        self = .substitution(offset: body)
      } else if let (name, end) = RSTSyntax.directive(bytes) {
        self = .directive(name: name, offset: end)
      } else {
        self = .comment(offset: body, isEmpty: body == bytes.count)
      }
    }
  }

  private func explicitMarkup(_ lines: RSTLines, at index: Int) -> Int {
    switch lines[index].text.withUTF8Bytes(ExplicitMarkup.init) {
    case .footnote(let bodyOffset):
      return nestedBody(lines, at: index, firstIndent: bodyOffset)
    case .target(let offset):
      return RSTBlocks.firstKnownIndented(lines, from: index, firstIndent: offset, untilBlank: true).end
    case .substitution(let offset):
      return RSTBlocks.firstKnownIndented(lines, from: index, firstIndent: offset).end
    case .directive(let name, let offset):
      return directive(name, lines, at: index, firstIndent: offset)
    case .comment(let offset, let isEmpty):
      // An empty comment followed by a blank line ends there, so that a block quote may follow.
      let nextIsBlank = index + 1 == lines.count || lines[index + 1].isBlank
      if isEmpty && nextIsBlank { return index + 1 }
      let comment = RSTBlocks.firstKnownIndented(lines, from: index, firstIndent: offset)
      let text = comment.block.map(\.text).joined(separator: " ")
      if let directive = AuthorDirective.parse(comment: text, line: lines[index].number) { directives.append(directive) }
      return comment.end
    }
  }

  private func directive(_ name: String, _ lines: RSTLines, at index: Int, firstIndent: Int) -> Int {
    let extent = RSTBlocks.firstKnownIndented(lines, from: index, firstIndent: firstIndent, stripTop: false)
    let kind = RSTDirectiveKind(name: name)
    switch kind {
    case .opaque:
      break
    case .code(let blockKind):
      let parts = RSTDirectiveBlock(extent.block, takesArguments: true)
      let arguments = parts.arguments
      // docutils rejects a code block with more than one argument, content and all.
      if arguments.count <= 1 {
        emit(blockKind, language: arguments.first, parts.dedentedContent, line: parts.contentLine)
      }
    case .parsedLiteral:
      let parts = RSTDirectiveBlock(extent.block, takesArguments: false)
      emit(.parsedLiteral, language: nil, Self.withoutInlineMarkup(parts.content), line: parts.contentLine)
    case .bodyWithoutArguments:
      parse(RSTDirectiveBlock(extent.block, takesArguments: false).content, matchesTitles: false)
    case .bodyAfterArguments(let matchesTitles):
      parse(RSTDirectiveBlock(extent.block, takesArguments: true).content, matchesTitles: matchesTitles)
    }
    return extent.end
  }

  // MARK: Titles, transitions and paragraphs

  /// A line of punctuation: an overlined title, a transition, or (returning `nil`) ordinary text.
  private func adornment(_ lines: RSTLines, at index: Int, matchesTitles: Bool) -> Int? {
    let marker = lines[index].text
    let isShort = marker.utf8.count < 4
    guard matchesTitles else {
      // docutils reports a long line as an unexpected title or transition and drops it.
      return marker == "::" || isShort ? nil : index + 1
    }
    guard index + 1 < lines.count, !lines[index + 1].isBlank else {
      return isShort ? nil : index + 1  // a transition
    }
    if lines[index + 1].text.withUTF8Bytes(RSTSyntax.isAdornment) {
      return isShort ? nil : index + 2  // an invalid title, dropped
    }
    guard index + 2 < lines.count, lines[index + 2].text == marker else {
      return isShort ? nil : min(index + 3, lines.count)  // a title without its underline, dropped
    }
    setHeading(lines[index + 1].text)
    return index + 3
  }

  /// A flush-left line of text: a title (with its underline), a definition list item, or a
  /// paragraph, possibly followed by a literal block.
  private func textLine(_ lines: RSTLines, at index: Int, matchesTitles: Bool) -> Int {
    guard index + 1 < lines.count else {
      return paragraph(lines[index..<(index + 1)], then: lines, at: index + 1)
    }
    let next = lines[index + 1]
    if next.isBlank {
      return paragraph(lines[index..<(index + 1)], then: lines, at: index + 1)
    }
    if next.indent > 0 {
      let definition = RSTBlocks.indented(lines, from: index + 1)
      parse(definition.block, matchesTitles: false)
      return definition.end
    }
    let title = lines[index].text
    if next.text.withUTF8Bytes(RSTSyntax.isAdornment),
      next.text.utf8.count >= 4 || title.count <= next.text.utf8.count
    {
      // Outside a section context docutils reports the title as an error and keeps nothing.
      if matchesTitles { setHeading(title) }
      return index + 2
    }
    let end = RSTBlocks.textEnd(lines, from: index, flushLeft: true)
    return paragraph(lines[index..<end], then: lines, at: end)
  }

  /// Records a paragraph as the lead of the blocks that follow it; when it ends in `::`, reads the
  /// literal block that must follow. Returns the index after both.
  private func paragraph(_ paragraph: Slice<RSTLines>, then lines: RSTLines, at next: Int) -> Int {
    // Joined in place: a paragraph of long lines (tabs expand eightfold) is copied once.
    var text = ""
    for line in paragraph {
      if !text.isEmpty { text += " " }
      // The Substring overload: `+=` takes any sequence of characters, unspecialised.
      text.append(contentsOf: line.text)
    }
    guard let literalLead = RSTParagraph.leadBeforeLiteral(text) else {
      lead = text
      return next
    }
    if let literalLead { lead = literalLead }
    return literalBlock(lines, at: next)
  }

  /// The literal block after a `::` paragraph: indented, or quoted (every line starting with the
  /// same punctuation character).
  private func literalBlock(_ lines: RSTLines, at index: Int) -> Int {
    let indented = RSTBlocks.indented(lines, from: index)
    let block = indented.block.trimmingTrailingBlanks
    if !block.isEmpty {
      emit(.literal, language: nil, block)
      return indented.end
    }
    var start = index
    while start < lines.count, lines[start].isBlank { start += 1 }
    guard start < lines.count, let quote = lines[start].text.utf8.first, RSTSyntax.isPunctuation(quote)
    else { return index }  // docutils warns "Literal block expected; none found."
    var end = start
    while end < lines.count, lines[end].text.utf8.first == quote { end += 1 }
    emit(.literal, language: nil, lines[start..<end])
    return end
  }

  private func setHeading(_ title: Substring) {
    heading = String(title.trimmingSpaces)
    lead = nil
  }

  /// A parsed literal's lines as docutils renders them: inline markup replaced by its text. Where
  /// markup would join lines (an escaped line end), the lines stay as written, so that each line
  /// keeps its number.
  private static func withoutInlineMarkup(_ lines: RSTLines) -> [RSTLine] {
    let source = lines.map { String($0.text) }.joined(separator: "\n")
    let rendered = RSTInlineText.plain(source).split(separator: "\n", omittingEmptySubsequences: false)
    guard rendered.count == lines.count else { return Array(lines) }
    return zip(lines, rendered).map { RSTLine(text: $1, number: $0.number) }
  }

  private func emit<Lines: Collection<RSTLine>>(
    _ kind: LiteralBlock.Kind, language: String?, _ lines: Lines, line: Int? = nil
  ) {
    guard let line = line ?? lines.first?.number else { return }
    blocks.append(
      LiteralBlock(
        kind: kind,
        line: line,
        language: language,
        lines: lines.map { SourceLine(number: $0.number, text: String($0.text)) },
        context: StepContext(heading: heading, lead: lead, markup: .rst)
      ))
  }
}

/// docutils' handling of a paragraph's closing `::`.
enum RSTParagraph {
  /// For a paragraph that introduces a literal block, the paragraph as docutils prints it
  /// (`Text::` becomes `Text:`, `Text ::` becomes `Text`), or `.some(nil)` when the paragraph is a
  /// lone `::` and disappears; `nil` when no literal block follows.
  static func leadBeforeLiteral(_ text: String) -> String?? {
    guard text.hasSuffix("::") else { return nil }
    // An odd number of backslashes before `::` escapes it.
    let backslashes = text.dropLast(2).reversed().prefix { $0 == "\\" }.count
    guard backslashes % 2 == 0 else { return nil }
    if text == "::" { return .some(nil) }
    let beforeMarker = text.dropLast(2)
    if beforeMarker.last == " " { return String(beforeMarker.trimmingSpaces) }
    return String(text.dropLast())
  }
}
