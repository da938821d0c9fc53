/// A note from the page's author to walkthrough, written in a comment that the page's readers
/// never see: `.. walkthrough: skip` in reStructuredText, `<!-- walkthrough: skip -->` in
/// Markdown. What each one means is for the checker to say; the reader keeps the text and line.
public struct AuthorDirective: Equatable, Sendable {
  /// The line the comment starts on.
  public var line: Int
  /// What follows `walkthrough:`, runs of white space made one space: `width 228`.
  public var text: String

  public init(line: Int, text: String) {
    self.line = line
    self.text = text
  }

  /// The directive in a comment's text (without its `..` or `<!--`/`-->`), when the text starts
  /// with `walkthrough:`.
  static func parse(comment: some StringProtocol, line: Int) -> AuthorDirective? {
    let words = comment.split(whereSeparator: \.isWhitespace)
    guard let first = words.first, first.hasPrefix("walkthrough:") else { return nil }
    let rest = [first.dropFirst("walkthrough:".count)].filter { !$0.isEmpty } + words.dropFirst()
    return AuthorDirective(line: line, text: rest.joined(separator: " "))
  }

  /// The directive an HTML block holds when it is one comment: `<!-- walkthrough: ... -->`.
  static func parse(html: String, line: Int) -> AuthorDirective? {
    let trimmed = html.trimmingWhitespace
    guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->"), trimmed.count >= 7 else { return nil }
    return parse(comment: trimmed.dropFirst(4).dropLast(3), line: line)
  }
}

extension StringProtocol {
  fileprivate var trimmingWhitespace: SubSequence {
    guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
    else { return self[endIndex...] }
    return self[first...last]
  }
}
