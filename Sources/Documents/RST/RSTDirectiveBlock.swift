/// A directive's block split as docutils' `parse_directive_block` splits it: arguments, then
/// options (field-list lines), then, after the first blank line, content.
struct RSTDirectiveBlock {
  var arguments: [String]
  var options: [(name: String, value: String)]
  var content: ArraySlice<RSTLine>
  /// The line of the first content line; for empty content, docutils' choice: two lines after the
  /// last argument or option line.
  var contentLine: Int

  /// - Parameter takesArguments: whether the directive takes arguments; when it does not, text
  ///   after `::` and on the following lines is content.
  init(_ block: [RSTLine], takesArguments: Bool) {
    var lines = block[...]
    if lines.first?.isBlank == true { lines = lines.dropFirst() }
    while lines.last?.isBlank == true { lines = lines.dropLast() }
    let blank = lines.firstIndex { $0.isBlank } ?? lines.endIndex
    var argumentLines = lines[lines.startIndex..<blank]
    let optionStart = argumentLines.firstIndex { $0.text.withUTF8Bytes(RSTSyntax.fieldMarkerEnd) != nil } ?? blank
    options = argumentLines[optionStart..<blank].compactMap(Self.option)
    argumentLines = argumentLines[argumentLines.startIndex..<optionStart]
    if takesArguments || argumentLines.isEmpty {
      arguments = argumentLines.flatMap { $0.text.split(separator: " ").map(String.init) }
      content = blank < lines.endIndex ? lines[(blank + 1)...] : []
    } else {
      arguments = []
      content = ArraySlice(Array(argumentLines) + lines[blank...])
    }
    content = content.drop { $0.isBlank }
    contentLine = content.first?.number ?? ((lines[lines.startIndex..<blank].last?.number ?? 0) + 2)
  }

  /// The content with Sphinx's `:dedent:` option applied: a number strips that many leading
  /// spaces, no value strips the common indentation.
  var dedentedContent: ArraySlice<RSTLine> {
    guard let value = options.last(where: { $0.name == "dedent" })?.value else { return content }
    if let count = Int(value) {
      return content.map { line in
        line.text.prefix(count).allSatisfy { $0 == " " }
          ? line.dropping(count) : RSTLine(text: line.text.trimmingSpaces, number: line.number)
      }[...]
    }
    let common = content.filter { !$0.isBlank }.map(\.indent).min() ?? 0
    return content.map { $0.dropping(common) }[...]
  }

  private static func option(_ line: RSTLine) -> (name: String, value: String)? {
    guard let end = line.text.withUTF8Bytes(RSTSyntax.fieldMarkerEnd) else { return nil }
    let marker = line.text.prefix(end).trimmingSpaces
    let name = String(marker.dropFirst().dropLast())
    return (name, String(line.text.dropFirst(marker.count).trimmingSpaces))
  }
}
