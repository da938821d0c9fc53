import CCmarkGFM
import Foundation

/// Which inline content cmark-gfm may read: the text of paragraphs, headings and table cells,
/// which only the prose of the steps shows.
///
/// Reading inline content costs cmark-gfm 0.29.0.gfm.6 time that grows with the content's length
/// for each byte that starts a search ahead or back through it (`<` for raw HTML or an autolink,
/// `[`, `]`, `!` for links and images, `*`, `_`, `~` for emphasis, `@` for an e-mail autolink):
/// `![[]()` or `<![CDATA[` repeated take it time quadratic in their length. Content with at most
/// ``triggerLimit`` such bytes costs at most that many passes over itself, and is read as
/// GitHub reads it. Other content, and content that would take the page's parse beyond
/// ``PageLimits/markdownBlockMemory``, is set aside: cmark-gfm reads a placeholder instead, and
/// the prose keeps the text as written, on one line.
enum InlineContent {
  /// The most search-starting bytes a paragraph may hold and be read: a paragraph with twenty
  /// links and emphasis holds about eighty.
  static let triggerLimit = 128
  /// What cmark-gfm reads in place of content set aside.
  private static let placeholder = "\u{2026}"
  /// A generous estimate of what one inline node costs cmark-gfm, in bytes.
  private static let nodeMemory = 256

  /// Sets aside the costly inline content of the blocks under `root`, in document order, and
  /// returns it by node.
  static func setAsideCostly(under root: OpaquePointer, memoryLeft: Int) -> [OpaquePointer: String] {
    var setAside: [OpaquePointer: String] = [:]
    var memoryLeft = memoryLeft
    guard let iterator = cmark_iter_new(root) else { return setAside }
    defer { cmark_iter_free(iterator) }
    while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
      guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
        holdsInlines(node), let content = cmark_node_get_string_content(node)
      else { continue }
      let bytes = UnsafeBufferPointer(
        start: UnsafeRawPointer(content).assumingMemoryBound(to: UInt8.self), count: strlen(content))
      let (triggers, nodes) = cost(of: bytes)
      if triggers <= triggerLimit && nodes * nodeMemory <= memoryLeft {
        memoryLeft -= nodes * nodeMemory
        continue
      }
      setAside[node] = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).joined(separator: " ")
      cmark_node_set_string_content(node, placeholder)
    }
    return setAside
  }

  private static func holdsInlines(_ node: OpaquePointer) -> Bool {
    switch cmark_node_get_type(node) {
    case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING: return true
    default:
      return cmark_node_get_syntax_extension(node) != nil
        && strcmp(cmark_node_get_type_string(node), "table_cell") == 0
    }
  }

  /// The bytes that start a search, and at most how many nodes reading the content makes: each
  /// markup byte and each line break may split the text, and so may the bytes the autolink
  /// extension looks at (`w` for `www.`, `:` for `http:`).
  private static func cost(of bytes: UnsafeBufferPointer<UInt8>) -> (triggers: Int, nodes: Int) {
    var triggers = 0
    var markup = 0
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "<"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "!"), UInt8(ascii: "*"),
        UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "@"):
        triggers += 1
      case UInt8(ascii: "`"), UInt8(ascii: "\\"), UInt8(ascii: "&"), UInt8(ascii: "w"), UInt8(ascii: ":"), 0x0A:
        markup += 1
      default:
        break
      }
    }
    return (triggers, 2 * (triggers + markup) + 2)
  }
}
