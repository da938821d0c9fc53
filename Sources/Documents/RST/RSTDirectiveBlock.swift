/// A directive's block split as docutils' `parse_directive_block` splits it: arguments, then
/// options (field-list lines), then, after the first blank line, content.
struct RSTDirectiveBlock {
  var arguments: [String]
  var options: [(name: String, value: String)]
  var content: RSTLines
  /// The line of the first content line; for empty content, docutils' choice: two lines after the
  /// last argument or option line.
  var contentLine: Int

  /// - Parameter takesArguments: whether the directive takes arguments; when it does not, text
  ///   after `::` and on the following lines is content.
  init(_ block: RSTLines, takesArguments: Bool) {
    var start = block.startIndex
    var end = block.endIndex
    if start < end, block[start].isBlank { start += 1 }
    while end > start, block[end - 1].isBlank { end -= 1 }
    let blank = (start..<end).first { block[$0].isBlank } ?? end
    let optionStart = (start..<blank).first { block[$0].text.withUTF8Bytes(RSTSyntax.fieldMarkerEnd) != nil } ?? blank
    options = (optionStart..<blank).compactMap { Self.option(block[$0]) }
    if takesArguments || optionStart == start {
      arguments = (start..<optionStart).flatMap { block[$0].text.split(separator: " ").map(String.init) }
      content = block.lines(min(blank + 1, end)..<end)
    } else {
      // The text after `::` and the lines after the options, without the options.
      arguments = []
      content = block.lines(start..<end, leavingOut: optionStart..<blank)
    }
    content = content.lines((content.firstIndex { !$0.isBlank } ?? content.endIndex)..<content.endIndex)
    contentLine = content.first?.number ?? ((blank > start ? block[blank - 1].number : 0) + 2)
  }

  /// The content with Sphinx's `:dedent:` option applied: a number strips that many leading
  /// spaces, no value strips the common indentation.
  var dedentedContent: [RSTLine] {
    guard let value = options.last(where: { $0.name == "dedent" })?.value else { return Array(content) }
    if let count = Int(value) {
      return content.map { line in
        line.text.prefix(count).allSatisfy { $0 == " " }
          ? line.dropping(count) : RSTLine(text: line.text.trimmingSpaces, number: line.number)
      }
    }
    let common = content.filter { !$0.isBlank }.map(\.indent).min() ?? 0
    return content.map { $0.dropping(common) }
  }

  private static func option(_ line: RSTLine) -> (name: String, value: String)? {
    guard let end = line.text.withUTF8Bytes(RSTSyntax.fieldMarkerEnd) else { return nil }
    let marker = line.text.prefix(end).trimmingSpaces
    let name = String(marker.dropFirst().dropLast())
    return (name, String(line.text.dropFirst(marker.count).trimmingSpaces))
  }
}
