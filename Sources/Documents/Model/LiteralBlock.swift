/// One line of a page, numbered as an editor numbers it (1-based).
public struct SourceLine: Equatable, Sendable {
  public var number: Int
  public var text: String

  public init(number: Int, text: String) {
    self.number = number
    self.text = text
  }
}

/// What a reader of the page sees just before a block: the section it is in and the prose that
/// introduces it. The text is kept as written and rendered (inline markup replaced by its text)
/// when asked for, so that reading a page costs nothing for prose nobody shows.
public struct StepContext: Equatable, Sendable {
  /// How the source text is rendered.
  public enum Markup: Sendable {
    /// Already plain (cmark-gfm hands over rendered text).
    case plain
    /// reStructuredText inline markup.
    case rst
  }

  public var headingSource: String?
  public var leadSource: String?
  public var markup: Markup

  public init(heading: String? = nil, lead: String? = nil, markup: Markup = .plain) {
    self.headingSource = heading
    self.leadSource = lead
    self.markup = markup
  }

  /// The title of the nearest section or heading above the block.
  public var heading: String? { headingSource.map(rendered) }
  /// The paragraph (or list item text) just before the block, on one line.
  public var lead: String? { leadSource.map(rendered) }

  private func rendered(_ text: String) -> String {
    markup == .rst ? RSTInlineText.plain(text) : text
  }
}

/// A literal or code block with the text the page's own toolchain builds for it: docutils for
/// reStructuredText, cmark-gfm for Markdown.
public struct LiteralBlock: Equatable, Sendable {
  public enum Kind: String, Sendable {
    /// reStructuredText `::` literal block (expanded, partly minimized or quoted).
    case literal
    case codeBlock = "code-block"
    case sourcecode
    case code
    case parsedLiteral = "parsed-literal"
    case doctest
    /// Markdown fenced code block.
    case fenced
    /// Markdown indented code block.
    case indented
  }

  public var kind: Kind
  /// The 1-based line of the block's first content line (for an empty block, the line where its
  /// content would start).
  public var line: Int
  /// The language the page declares (`console`, `bash`, ...), as written; `nil` when none.
  public var language: String?
  /// The block's lines; `lines[0]` is its first content line.
  public var lines: [SourceLine]
  public var context: StepContext

  public init(kind: Kind, line: Int, language: String?, lines: [SourceLine], context: StepContext) {
    self.kind = kind
    self.line = line
    self.language = language
    self.lines = lines
    self.context = context
  }

  /// The block's text as docutils or cmark-gfm builds it (no trailing newline).
  public var text: String { lines.map(\.text).joined(separator: "\n") }
}
