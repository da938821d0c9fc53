import CCmarkGFM
import Foundation

/// A page parsed by cmark-gfm, with what the reader needs beside the tree.
struct MarkdownDocument {
  let node: OpaquePointer
  /// The text of the paragraphs, headings and table cells whose inline content the parse did not
  /// read (see ``InlineContent``), as written, by node.
  let unreadProse: [OpaquePointer: String]

  /// The page line of a node line: the parse reads one blank line before the page.
  func pageLine(_ nodeLine: Int32) -> Int { Int(nodeLine) - 1 }
}

/// Parses Markdown with cmark-gfm (GitHub Flavored Markdown, with the table, strikethrough,
/// autolink and tasklist extensions that GitHub renders with), guarded against the inputs that
/// take cmark-gfm 0.29.0.gfm.6 (Debian 12's) polynomial time or memory.
///
/// cmark-gfm parses in two phases: the blocks, line by line, then the inline content of every
/// paragraph, heading and table cell. The block phase decides every code block; the inline phase
/// only renders prose. So the guard
/// - checks, before parsing, how deep block quotes and lists may nest (``MarkdownNesting``);
/// - feeds the page line by line with its memory counted (``CmarkMemory``), and stops a page
///   whose blocks need more than ``PageLimits/markdownBlockMemory``;
/// - watches, from a syntax extension of its own consulted before the table extension, the lines
///   that make the table extension read the whole paragraph above them again (`-|-` under a
///   paragraph), and stops a page where that would cost more than reading the page again; and
///   narrows tables wider than ``TableRow/narrowedWidth`` columns to one column before the
///   table extension pads every row to their width (`ParseWatch.narrow`);
/// - and, once every line is read and the blocks are final, replaces the inline content that
///   could take cmark-gfm more than linear time by a placeholder, keeping the text as written
///   for the prose (``InlineContent``). Changing a paragraph's content after the block phase
///   cannot change a block.
enum MarkdownParse {
  /// cmark-gfm registers its extensions in a global list without a lock: registering from two
  /// threads at once corrupts it. A static constant is initialised exactly once.
  private static let extensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()
  private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

  static func parse<Result>(_ text: String, _ body: (MarkdownDocument) -> Result) throws(PageLimitError) -> Result {
    _ = extensionsRegistered
    try MarkdownNesting.check(text)
    return try CmarkMemory.counting { (memory) throws(PageLimitError) -> Result in
      guard let parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, CmarkMemory.allocator) else {
        throw PageLimitError(line: nil, reason: "cmark-gfm cannot start a parser")
      }
      var parserToFree: OpaquePointer? = parser
      defer { parserToFree.map(cmark_parser_free) }
      let watch = ParseWatch(scanBudget: text.utf8.count + (1 << 20))
      let watchExtension = watch.makeExtension()
      defer { cmark_syntax_extension_free(cmark_get_default_mem_allocator(), watchExtension) }
      cmark_parser_attach_syntax_extension(parser, watchExtension)
      for name in extensionNames {
        if let syntaxExtension = cmark_find_syntax_extension(name) {
          cmark_parser_attach_syntax_extension(parser, syntaxExtension)
        }
      }
      try feed(text, to: parser, watch: watch, memory: memory)
      guard let root = watch.root else { throw PageLimitError(line: nil, reason: "cmark-gfm read no document") }
      let unreadProse = InlineContent.setAsideCostly(
        under: root, memoryLeft: PageLimits.markdownBlockMemory - memory.pointee)
      guard let document = cmark_parser_finish(parser) else {
        throw PageLimitError(line: nil, reason: "cmark-gfm read no document")
      }
      cmark_parser_free(parser)
      parserToFree = nil
      defer { cmark_node_free(document) }
      return body(MarkdownDocument(node: document, unreadProse: unreadProse))
    }
  }

  /// Feeds a blank line (so that the watch sees the document node on the first line), then the
  /// page a line at a time, checking the limits after each line; ends the last line, so that
  /// every line is read before the inline content is looked at. A leading byte order mark is
  /// dropped, as cmark-gfm drops it from a page's first line.
  private static func feed(
    _ text: String, to parser: OpaquePointer, watch: ParseWatch, memory: UnsafeMutablePointer<Int>
  ) throws(PageLimitError) {
    var text = text
    let refusal = text.withUTF8 { page -> PageLimitError? in
      func feed(_ range: Range<Int>) {
        UnsafeBufferPointer(rebasing: page[range]).withMemoryRebound(to: CChar.self) {
          cmark_parser_feed(parser, $0.baseAddress, $0.count)
        }
      }
      cmark_parser_feed(parser, "\n", 1)
      var start = page.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
      while start < page.count {
        var end = start
        while end < page.count, page[end] != 0x0A, page[end] != 0x0D { end += 1 }
        end = min(end + 1, page.count)
        feed(start..<end)
        start = end
        if let refusal = watch.refusal { return refusal }
        if memory.pointee > PageLimits.markdownBlockMemory {
          return PageLimitError(
            line: Int(cmark_parser_get_line_number(parser)) - 1,
            reason: "its Markdown blocks need more than \(PageLimits.markdownBlockMemory >> 20) MB"
              + " (too many blocks or table cells)")
        }
      }
      if let last = page.last, last != 0x0A, last != 0x0D { cmark_parser_feed(parser, "\n", 1) }
      return nil
    }
    if let refusal { throw refusal }
  }
}

/// The reader's own syntax extension, consulted on every line before the table extension: it
/// finds the document node, and watches the lines that make the table extension read the whole
/// paragraph above them. It opens no block.
private final class ParseWatch {
  private(set) var root: OpaquePointer?
  private(set) var refusal: PageLimitError?
  /// How many bytes of paragraphs the table extension may read again, in all.
  private var scanBudget: Int

  init(scanBudget: Int) { self.scanBudget = scanBudget }

  func makeExtension() -> OpaquePointer {
    let watchExtension = cmark_syntax_extension_new("walkthrough-watch")!
    cmark_syntax_extension_set_private(watchExtension, Unmanaged.passUnretained(self).toOpaque(), nil)
    cmark_syntax_extension_set_open_block_func(watchExtension) { watchExtension, indented, parser, container, input, length in
      guard let watchExtension, let parser, let container, let input,
        let state = cmark_syntax_extension_get_private(watchExtension)
      else { return nil }
      Unmanaged<ParseWatch>.fromOpaque(state).takeUnretainedValue().line(
        parser: parser, container: container, indented: indented != 0,
        input: UnsafeMutableBufferPointer(start: input, count: Int(length)))
      return nil
    }
    return watchExtension
  }

  private func line(
    parser: OpaquePointer, container: OpaquePointer, indented: Bool, input: UnsafeMutableBufferPointer<UInt8>
  ) {
    if root == nil {
      var node = container
      while let parent = cmark_node_parent(node) { node = parent }
      root = node
    }
    // The table extension reads the whole paragraph above a line that could be a delimiter row,
    // to see whether its last line is a header row with as many cells.
    let start = Int(cmark_parser_get_first_nonspace(parser))
    guard refusal == nil, !indented, cmark_node_get_type(container) == CMARK_NODE_PARAGRAPH, start < input.count
    else { return }
    let line = UnsafeBufferPointer(rebasing: input[start...])
    guard TableDelimiterRow.matches(line), let delimiterRow = TableRow(line),
      let paragraph = cmark_node_get_string_content(container)
    else { return }
    let content = UnsafeBufferPointer(
      start: UnsafeRawPointer(paragraph).assumingMemoryBound(to: UInt8.self), count: strlen(paragraph))
    scanBudget -= content.count
    guard scanBudget >= 0 else {
      refusal = PageLimitError(
        line: Int(cmark_parser_get_line_number(parser)) - 1,
        reason: "too many lines like table delimiter rows (`-|-`) under long paragraphs")
      return
    }
    if delimiterRow.cells > TableRow.narrowedWidth, let header = TableRow(content), header.cells == delimiterRow.cells {
      narrow(header: header, of: container, content: content, delimiterRow: UnsafeMutableBufferPointer(rebasing: input[start...]))
    }
  }

  /// Makes a wide table one column wide before the table extension reads it. The extension pads
  /// every row to the table's width: a table thousands of columns wide and thousands of rows
  /// long takes gigabytes. The header row loses its pipes and the delimiter row becomes `-`, so
  /// the extension still finds a header matching its delimiter row, and opens the table on the
  /// same line; which lines are rows does not depend on the width. Only the text of the cells,
  /// which the reader does not keep, changes.
  private func narrow(
    header: TableRow, of paragraph: OpaquePointer, content: UnsafeBufferPointer<UInt8>,
    delimiterRow: UnsafeMutableBufferPointer<UInt8>
  ) {
    var narrowed = Array(content)
    for pipe in header.pipes { narrowed[pipe] = 0x20 }
    narrowed.append(0)
    narrowed.withUnsafeBufferPointer {
      _ = cmark_node_set_string_content(paragraph, UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self))
    }
    // Same length, so that the line's offsets hold: `-`, spaces, the line end.
    for index in delimiterRow.indices where delimiterRow[index] != 0x0D && delimiterRow[index] != 0x0A {
      delimiterRow[index] = index == delimiterRow.startIndex ? UInt8(ascii: "-") : 0x20
    }
  }
}

/// A row of a GFM table as the table extension's `row_from_string` reads a string: cells
/// separated by pipes (`\|` is no separator), an optional pipe first and last. A string of
/// several lines is read line by line, and its last line is the row; the extension takes no row
/// from a line its cells do not end.
struct TableRow {
  /// Tables wider than this are narrowed (see `ParseWatch.narrow`).
  static let narrowedWidth = 64

  let cells: Int
  /// The offsets of the row's pipes, in the string read.
  let pipes: [Int]

  init?(_ text: UnsafeBufferPointer<UInt8>) {
    let length = text.count
    func isSpace(_ offset: Int) -> Bool {
      offset < length && (text[offset] == 0x20 || text[offset] == 0x09 || text[offset] == 0x0B || text[offset] == 0x0C)
    }
    /// `|` and the spaces after it.
    func pipe(at offset: Int) -> Int {
      guard offset < length, text[offset] == UInt8(ascii: "|") else { return 0 }
      var end = offset + 1
      while isSpace(end) { end += 1 }
      return end - offset
    }
    /// Escaped punctuation, or any byte but a pipe or a line end.
    func cell(at offset: Int) -> Int {
      var end = offset
      while end < length {
        if text[end] == UInt8(ascii: "\\"), end + 1 < length, RSTSyntax.isPunctuation(text[end + 1]) {
          end += 2
        } else if text[end] == UInt8(ascii: "|") || text[end] == 0x0D || text[end] == 0x0A {
          break
        } else {
          end += 1
        }
      }
      return end - offset
    }
    /// Spaces and a line end.
    func rowEnd(at offset: Int) -> Int {
      var end = offset
      while isSpace(end) { end += 1 }
      if end < length, text[end] == 0x0D { end += 1 }
      guard end < length, text[end] == 0x0A else { return 0 }
      return end + 1 - offset
    }
    var cells = 0
    var pipes: [Int] = []
    var offset = pipe(at: 0)
    if offset > 0 { pipes.append(0) }
    var expectsCells = true
    while offset < length && expectsCells {
      let cellLength = cell(at: offset)
      let pipeLength = pipe(at: offset + cellLength)
      if cellLength > 0 || pipeLength > 0 { cells += 1 }
      if pipeLength > 0 { pipes.append(offset + cellLength) }
      offset += cellLength + pipeLength
      guard pipeLength == 0 else { continue }
      let endLength = rowEnd(at: offset)
      offset += endLength
      expectsCells = endLength > 0 && offset != length
      if expectsCells {
        // Another line follows: the row so far was paragraph text.
        cells = 0
        pipes = []
        let leading = pipe(at: offset)
        if leading > 0 { pipes.append(offset) }
        offset += leading
      }
    }
    guard offset == length, cells > 0 else { return nil }
    self.cells = cells
    self.pipes = pipes
  }
}

/// A GFM table delimiter row (`| --- | :-: |`), as the table extension's scanner reads one: an
/// optional pipe, cells of optional colons around dashes between spaces, separated by pipes, an
/// optional trailing pipe, spaces, the line end.
enum TableDelimiterRow {
  static func matches(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    func at(_ offset: Int) -> UInt8? { offset < line.count ? line[offset] : nil }
    func skipSpaces() {
      while let byte = at(index), byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C { index += 1 }
    }
    /// Spaces, `:`?, dashes, `:`?, spaces.
    func cell() -> Bool {
      skipSpaces()
      if at(index) == UInt8(ascii: ":") { index += 1 }
      let dashes = index
      while at(index) == UInt8(ascii: "-") { index += 1 }
      guard index > dashes else { return false }
      if at(index) == UInt8(ascii: ":") { index += 1 }
      skipSpaces()
      return true
    }
    if at(index) == UInt8(ascii: "|") { index += 1 }
    guard cell() else { return false }
    while at(index) == UInt8(ascii: "|") {
      index += 1
      let afterPipe = index
      if !cell() {
        index = afterPipe
        break
      }
    }
    skipSpaces()
    if at(index) == 0x0D { index += 1 }
    return at(index) == 0x0A
  }
}
