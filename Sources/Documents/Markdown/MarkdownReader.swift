import CCmarkGFM

/// Reads Markdown with cmark-gfm (GitHub Flavored Markdown, with the table, strikethrough,
/// autolink and tasklist extensions that GitHub renders with) and returns its code blocks as
/// cmark-gfm builds them.
public enum MarkdownReader {
  public static func blocks(in text: String) -> [LiteralBlock] {
    read(text).blocks
  }

  /// The code blocks and the author directives (`<!-- walkthrough: ... -->` HTML blocks), in
  /// page order.
  public static func read(_ text: String) -> (blocks: [LiteralBlock], directives: [AuthorDirective]) {
    withDocument(text) { CodeBlockCollector().collect(in: $0) } ?? ([], [])
  }

  /// cmark-gfm registers its extensions in a global list without a lock: registering from two
  /// threads at once corrupts it. A static constant is initialised exactly once.
  private static let extensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

  /// Parses `text` with cmark-gfm and the extensions above, and hands `body` the document node,
  /// which lives until `body` returns. `nil` when cmark-gfm cannot allocate a parser.
  public static func withDocument<Result>(_ text: String, _ body: (OpaquePointer) -> Result) -> Result? {
    _ = extensionsRegistered
    guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return nil }
    defer { cmark_parser_free(parser) }
    for name in ["table", "strikethrough", "autolink", "tasklist"] {
      if let extensionPointer = cmark_find_syntax_extension(name) {
        cmark_parser_attach_syntax_extension(parser, extensionPointer)
      }
    }
    var text = text
    text.withUTF8 { buffer in
      buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
    }
    guard let document = cmark_parser_finish(parser) else { return nil }
    defer { cmark_node_free(document) }
    return body(document)
  }
}

/// Walks a cmark-gfm tree in document order, keeping the heading and lead of each code block.
private struct CodeBlockCollector {
  private var blocks: [LiteralBlock] = []
  private var directives: [AuthorDirective] = []
  private var context = StepContext()

  func collect(in document: OpaquePointer) -> (blocks: [LiteralBlock], directives: [AuthorDirective]) {
    var collector = self
    guard let iterator = cmark_iter_new(document) else { return ([], []) }
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
      if let directive = AuthorDirective.parse(html: html, line: Int(cmark_node_get_start_line(node))) {
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
    let first = Int(cmark_node_get_start_line(node)) + (fenced ? 1 : 0)
    let lines =
      literal.isEmpty
      ? [] : literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
        SourceLine(number: first + $0.offset, text: String($0.element))
      }
    return LiteralBlock(
      kind: fenced ? .fenced : .indented,
      line: first,
      language: info.split(separator: " ", maxSplits: 1).first.map(String.init),
      lines: lines,
      context: context
    )
  }

  /// The text of a heading or paragraph: its text and code spans, soft breaks as spaces.
  private func plainText(of node: OpaquePointer) -> String {
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
