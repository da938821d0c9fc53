/// The extents docutils gives indented constructs, with the construct's indentation removed. Each
/// returns the block and the index of the first line after it.
enum RSTBlocks {
  /// docutils' `get_indented`: the blank and indented lines from `start`, less their common
  /// indentation and leading blank lines (a block quote, a definition, a literal block).
  static func indented(_ lines: RSTLines, from start: Int) -> (block: RSTLines, end: Int) {
    var end = start
    var common = Int.max
    while end < lines.count {
      let line = lines[end]
      if !line.isBlank {
        let indent = line.indent
        if indent == 0 { break }
        common = min(common, indent)
      }
      end += 1
    }
    let first = (start..<end).first { !lines[$0].isBlank } ?? end
    guard first < end else { return (lines.lines(end..<end), end) }
    return (lines.lines(first..<end, first: common, rest: common), end)
  }

  /// docutils' `get_known_indented`: a list item's lines, which must all be indented at least
  /// `indent` (the column of the item's text); the first line is cut at that column.
  static func knownIndented(_ lines: RSTLines, from start: Int, indent: Int) -> (block: RSTLines, end: Int) {
    var end = start + 1
    while end < lines.count, lines[end].isBlank || lines[end].indent >= indent { end += 1 }
    return (lines.lines(start..<end, first: indent, rest: indent), end)
  }

  /// docutils' `get_first_known_indented`: the first line cut at `firstIndent` (the end of a
  /// directive or field marker), then the indented lines after it less their common indentation.
  static func firstKnownIndented(
    _ lines: RSTLines, from start: Int, firstIndent: Int, stripTop: Bool = true,
    untilBlank: Bool = false
  ) -> (block: RSTLines, end: Int) {
    var end = start + 1
    var common = Int.max
    while end < lines.count {
      let line = lines[end]
      if line.isBlank {
        if untilBlank { break }
      } else {
        let indent = line.indent
        if indent == 0 { break }
        common = min(common, indent)
      }
      end += 1
    }
    // With no line indented, the lines after the first are blank, and stay blank whatever is cut.
    var block = lines.lines(start..<end, first: firstIndent, rest: common == .max ? 0 : common)
    if stripTop {
      let first = block.firstIndex { !$0.isBlank } ?? block.endIndex
      block = block.lines(first..<block.endIndex)
    }
    return (block, end)
  }

  /// docutils' `get_text_block`: the lines up to a blank line; with `flushLeft`, also up to an
  /// indented line.
  static func textEnd(_ lines: RSTLines, from start: Int, flushLeft: Bool) -> Int {
    var end = start
    while end < lines.count, !lines[end].isBlank, !flushLeft || lines[end].indent == 0 { end += 1 }
    return end
  }

  /// The end of a simple table (docutils' `isolate_simple_table`): the second border after the
  /// top, or a border followed by a blank line.
  static func simpleTableEnd(_ lines: RSTLines, from start: Int) -> Int {
    let width = lines[start].text.utf8.count
    var found = 0
    var index = start + 1
    while index < lines.count {
      if lines[index].text.withUTF8Bytes(RSTSyntax.isSimpleTableBorder) {
        let atEnd = index + 1 == lines.count || lines[index + 1].isBlank
        if lines[index].text.utf8.count != width { return index + 1 }
        found += 1
        if found == 2 || atEnd { return index + 1 }
      }
      index += 1
    }
    return lines.count
  }
}
