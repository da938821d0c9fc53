import CCmarkGFM

/// Reads Markdown with cmark-gfm (GitHub Flavored Markdown, with the table, strikethrough,
/// autolink and tasklist extensions that GitHub renders with) and returns its code blocks as
/// cmark-gfm builds them, within the page limits that keep the parse linear (``MarkdownParse``).
public enum MarkdownReader {
  public static func blocks(in text: String) throws(PageLimitError) -> [LiteralBlock] {
    try read(text).blocks
  }

  /// The code blocks and the author directives (`<!-- walkthrough: ... -->` HTML blocks), in
  /// page order.
  public static func read(_ text: String) throws(PageLimitError) -> (
    blocks: [LiteralBlock], directives: [AuthorDirective]
  ) {
    try MarkdownParse.parse(text) { CodeBlockCollector(document: $0).collect() }
  }

  /// Parses `text` as ``read(_:)`` does and hands `body` the document node, which lives until
  /// `body` returns; the node's lines count one blank line the parse reads before the page.
  /// `nil` when the page is beyond the reader's limits.
  public static func withDocument<Result>(_ text: String, _ body: (OpaquePointer) -> Result) -> Result? {
    try? MarkdownParse.parse(text) { body($0.node) }
  }
}

/// Walks a cmark-gfm tree in document order, keeping the heading and lead of each code block.
private struct CodeBlockCollector {
  let document: MarkdownDocument
  private var blocks: [LiteralBlock] = []
  private var directives: [AuthorDirective] = []
  private var context = StepContext()

  init(document: MarkdownDocument) { self.document = document }

  func collect() -> (blocks: [LiteralBlock], directives: [AuthorDirective]) {
    var collector = self
    guard let iterator = cmark_iter_new(document.node) else { return ([], []) }
    defer { cmark_iter_free(iterator) }
    while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
      guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
        let node = cmark_iter_get_node(iterator)
      else { continue }
      collector.visit(node)
    }
    return (collector.blocks, collector.directives)
  }

  private mutating func visit(_ node: OpaquePointer) {
    switch cmark_node_get_type(node) {
    case CMARK_NODE_HEADING:
      context = StepContext(heading: plainText(of: node), lead: nil)
    case CMARK_NODE_PARAGRAPH:
      context.leadSource = plainText(of: node)
    case CMARK_NODE_CODE_BLOCK:
      blocks.append(codeBlock(node))
    case CMARK_NODE_HTML_BLOCK:
      let html = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
      if let directive = AuthorDirective.parse(html: html, line: document.pageLine(cmark_node_get_start_line(node))) {
        directives.append(directive)
      }
    default:
      break
    }
  }

  private func codeBlock(_ node: OpaquePointer) -> LiteralBlock {
    var fenceLength: Int32 = 0
    var fenceOffset: Int32 = 0
    var fenceCharacter: CChar = 0
    let fenced = cmark_node_get_fenced(node, &fenceLength, &fenceOffset, &fenceCharacter) != 0
    let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
    var literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    if literal.hasSuffix("\n") { literal.removeLast() }
    // A fenced block's content starts on the line after its opening fence.
    let first = document.pageLine(cmark_node_get_start_line(node)) + (fenced ? 1 : 0)
    let lines =
      literal.isEmpty
      ? [] : Self.lines(of: &literal).enumerated().map { SourceLine(number: first + $0.offset, text: $0.element) }
    return LiteralBlock(
      kind: fenced ? .fenced : .indented,
      line: first,
      language: info.split(separator: " ", maxSplits: 1).first.map(String.init),
      lines: lines,
      context: context
    )
  }

  /// A block's lines: they end in "\n" alone here. Cut in the text's buffer: splitting by
  /// characters, or through the string's UTF-8 view, costs more than reading the page.
  private static func lines(of text: inout String) -> [String] {
    text.withUTF8 { bytes in
      var lines: [String] = []
      var start = 0
      for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
        lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        start = index + 1
      }
      lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
      return lines
    }
  }

  /// The text of a heading or paragraph: its text and code spans, soft breaks as spaces; as
  /// written when its inline content was set aside.
  private func plainText(of node: OpaquePointer) -> String {
    if let unread = document.unreadProse[node] { return unread }
    var text = ""
    guard let iterator = cmark_iter_new(node) else { return text }
    defer { cmark_iter_free(iterator) }
    while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
      guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
        let child = cmark_iter_get_node(iterator)
      else { continue }
      switch cmark_node_get_type(child) {
      case CMARK_NODE_TEXT, CMARK_NODE_CODE:
        text += cmark_node_get_literal(child).map { String(cString: $0) } ?? ""
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
        text += " "
      default:
        break
      }
    }
    return text
  }
}
