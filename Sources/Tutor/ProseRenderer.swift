import Check

/// Prose laid out for a terminal `width` columns wide: paragraphs wrapped, headings ruled, list
/// items hanging from their marker, admonitions set apart by a bar, links as their text and URL;
/// markup styled when the style has colour, and shown in plain text otherwise (code between
/// backquotes).
struct ProseRenderer {
  var width: Int
  var style: TerminalStyle

  /// The narrowest layout: a terminal that reports no width, or a tiny one, gets this many.
  static let minimumWidth = 20

  init(width: Int, style: TerminalStyle) {
    self.width = max(width, Self.minimumWidth)
    self.style = style
  }

  func render(_ blocks: [ProseBlock]) -> [String] {
    var lines: [String] = []
    for block in blocks {
      if !lines.isEmpty { lines.append("") }
      lines += render(block)
    }
    return lines
  }

  private func render(_ block: ProseBlock) -> [String] {
    switch block {
    case .heading(let title, let level):
      let shown = wrap([Inline(text: title)], width: width)
      let rule = String(repeating: level == 1 ? "=" : "-", count: min(title.count, width))
      return shown.map { style.paint($0, .bold) } + [style.paint(rule, .dim)]
    case .paragraph(let spans, let indent):
      let margin = self.margin(indent)
      return wrap(spans, width: width - margin).map { String(repeating: " ", count: margin) + $0 }
    case .item(let marker, let spans, let indent):
      let margin = self.margin(indent)
      let hang = marker.count + 1
      return wrap(spans, width: width - margin - hang).enumerated().map { index, line in
        String(repeating: " ", count: margin) + (index == 0 ? style.paint(marker, .bold) + " " : String(repeating: " ", count: hang))
          + line
      }
    case .admonition(let kind, let paragraphs, let indent):
      let margin = String(repeating: " ", count: self.margin(indent))
      let colour: TerminalStyle.Attribute = ["Warning", "Danger", "Caution", "Error", "Attention"].contains(kind) ? .red : .yellow
      var lines = [margin + style.paint("| ", colour) + style.paint(kind, .bold, colour)]
      for paragraph in paragraphs {
        lines.append(margin + style.paint("|", colour))
        lines += wrap(paragraph, width: width - margin.count - 2).map { margin + style.paint("| ", colour) + $0 }
      }
      return lines
    case .verbatim(let text, let indent):
      let margin = String(repeating: " ", count: self.margin(indent) + 2)
      return text.map { margin + style.paint(String($0.prefix(max(1, width - margin.count))), .dim) }
    }
  }

  /// Indentation as the page writes it, but never more than a third of the width.
  private func margin(_ indent: Int) -> Int { min(indent, width / 3) }

  /// A word of a paragraph: its text as shown and as long as it is on screen.
  private struct Word {
    var shown: String
    var length: Int
    /// Whether a space separates it from the word before.
    var spaced: Bool
  }

  /// The spans wrapped into lines of at most `width` visible columns (a word longer than that is
  /// cut), styled.
  private func wrap(_ spans: [Inline], width: Int) -> [String] {
    let width = max(width, 8)
    var words: [Word] = []
    var spacedNext = false
    func add(_ text: String, paint: (String) -> String) {
      var first = true
      for piece in text.split(separator: " ", omittingEmptySubsequences: false) {
        if piece.isEmpty {
          spacedNext = true
          continue
        }
        var rest = Substring(piece)
        while !rest.isEmpty {
          let part = rest.prefix(width)
          rest = rest.dropFirst(part.count)
          words.append(Word(shown: paint(String(part)), length: part.count, spaced: (!first || spacedNext) && !words.isEmpty))
          first = false
          spacedNext = false
        }
        spacedNext = true
      }
      spacedNext = text.hasSuffix(" ")
    }
    for span in spans {
      let text = span.text.replacing("\n", with: " ")
      switch span.kind {
      case .text: add(text) { $0 }
      case .code: add(style.colour ? text : "`\(text)`") { style.paint($0, .cyan) }
      case .emphasis: add(text) { style.paint($0, .italic) }
      case .strong: add(text) { style.paint($0, .bold) }
      case .link(let url):
        add(text) { style.paint($0, .underline) }
        if url != text { add(" (\(url))") { style.paint($0, .blue) } }
      }
    }
    var lines: [String] = []
    var line = ""
    var length = 0
    for word in words {
      let needed = (word.spaced && length > 0 ? 1 : 0) + word.length
      if length > 0 && length + needed > width {
        lines.append(line)
        (line, length) = (word.shown, word.length)
      } else {
        if word.spaced && length > 0 { line += " " }
        line += word.shown
        length += needed
      }
    }
    if length > 0 { lines.append(line) }
    return lines
  }
}
