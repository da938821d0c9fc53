import Foundation

/// The prose of a reStructuredText page, read line by line for a reader: section titles,
/// paragraphs, list items, admonitions; other directives and comments are left out.
struct RSTProse {
  let lines: [String]
  /// The lines (1-based) of literal blocks, which are not prose.
  let literal: Set<Int>

  static let admonitions: Set<String> = [
    "note", "warning", "important", "tip", "caution", "attention", "danger", "hint", "error", "seealso",
    "versionadded", "versionchanged", "deprecated",
  ]
  private static let adornments = Set("=-~^\"'`#*+:._<>!$%&,;?@[]\\/|{}()")

  func blocks() -> [(line: Int, block: ProseBlock)] {
    var blocks: [(line: Int, block: ProseBlock)] = []
    var headingStyles: [String] = []
    var enumerators: [Int: Int] = [:]
    var index = 0
    func heading(_ title: String, style: String) {
      if !headingStyles.contains(style) { headingStyles.append(style) }
      blocks.append((index + 1, .heading(title, level: headingStyles.firstIndex(of: style)! + 1)))
      enumerators = [:]
    }
    while index < lines.count {
      let line = lines[index]
      if isProse(index) == false || line.isBlank {
        index += 1
        continue
      }
      let indent = line.indentation
      let body = String(line.dropFirst(indent))
      if indent == 0, isAdornment(line), index + 2 < lines.count, !lines[index + 1].isBlank, isAdornment(lines[index + 2]) {
        heading(RSTInline.spans(lines[index + 1].trimmed).map(\.text).joined(), style: "over" + String(line.first!))
        index += 3
        continue
      }
      if indent == 0, index + 1 < lines.count, isAdornment(lines[index + 1]), lines[index + 1].count >= min(line.count, 3) {
        heading(RSTInline.spans(line.trimmed).map(\.text).joined(), style: String(lines[index + 1].first!))
        index += 2
        continue
      }
      if body == ".." || body.hasPrefix(".. ") {
        index = directive(at: index, indent: indent, into: &blocks)
        continue
      }
      if let (marker, width) = listMarker(body) {
        for deeper in enumerators.keys where deeper > indent { enumerators[deeper] = nil }
        var shown = marker
        if marker == "#." {
          enumerators[indent, default: 0] += 1
          shown = "\(enumerators[indent]!)."
        }
        var text = [String(body.dropFirst(width))]
        var next = index + 1
        while next < lines.count, isProse(next), !lines[next].isBlank, lines[next].indentation >= indent + width,
          !startsBlock(lines[next])
        {
          text.append(lines[next])
          next += 1
        }
        blocks.append((index + 1, .item(marker: shown, paragraph(text), indent: indent)))
        index = next
        continue
      }
      for level in enumerators.keys where level >= indent { enumerators[level] = nil }
      var text = [body]
      var next = index + 1
      while next < lines.count, isProse(next), !lines[next].isBlank, lines[next].indentation >= indent,
        !startsBlock(lines[next]), !(next + 1 < lines.count && isAdornment(lines[next + 1]) && lines[next].indentation == 0)
      {
        text.append(lines[next])
        next += 1
      }
      blocks.append((index + 1, .paragraph(paragraph(text), indent: indent)))
      index = next
    }
    return blocks
  }

  private func isProse(_ index: Int) -> Bool { !literal.contains(index + 1) }

  private func isAdornment(_ line: String) -> Bool {
    guard line.count >= 3, let first = line.first, Self.adornments.contains(first) else { return false }
    return line.allSatisfy { $0 == first }
  }

  /// Whether a line starts a block of its own: a list item or a directive.
  private func startsBlock(_ line: String) -> Bool {
    let body = String(line.dropFirst(line.indentation))
    return listMarker(body) != nil || body.hasPrefix(".. ")
  }

  /// The list marker a line's text starts with, and how many characters the marker and the space
  /// after it take.
  private func listMarker(_ body: String) -> (String, Int)? {
    for bullet in ["* ", "- ", "+ ", "• "] where body.hasPrefix(bullet) { return ("•", 2) }
    let digits = body.prefix { $0.isASCII && $0.isNumber }
    if body.hasPrefix("#. ") { return ("#.", 3) }
    if !digits.isEmpty, digits.count < 4, body.dropFirst(digits.count).hasPrefix(". ") {
      return (digits + ".", digits.count + 2)
    }
    return nil
  }

  /// A directive (or comment) at `index`: an admonition becomes a block; anything else is left
  /// out with its indented body. Returns the index of the line after it.
  private func directive(at index: Int, indent: Int, into blocks: inout [(line: Int, block: ProseBlock)]) -> Int {
    let body = lines[index].dropFirst(indent + 3)
    var next = index + 1
    var content: [String] = []
    while next < lines.count, lines[next].isBlank || lines[next].indentation > indent {
      if isProse(next) { content.append(lines[next]) }
      next += 1
    }
    guard let marker = body.range(of: "::") else { return next }
    let name = body[..<marker.lowerBound].trimmingCharacters(in: .whitespaces).lowercased()
    guard Self.admonitions.contains(name) else { return next }
    let first = body[marker.upperBound...].trimmingCharacters(in: .whitespaces)
    // Options of the directive (`:class: ...`) are not its text.
    let text = ([first] + content.drop { $0.trimmed.hasPrefix(":") }).map(\.trimmed)
    let paragraphs = text.split(whereSeparator: \.isEmpty).map { paragraph(Array($0)) }
    let kind = name == "seealso" ? "See also" : name.prefix(1).uppercased() + name.dropFirst()
    blocks.append((index + 1, .admonition(kind: kind, paragraphs: paragraphs, indent: indent)))
    return next
  }

  /// A paragraph's lines joined; `::` at its end (which introduces a literal block) read as `:`.
  private func paragraph(_ lines: [String]) -> [Inline] {
    var text = lines.map(\.trimmed).joined(separator: " ")
    if text.hasSuffix(" ::") {
      text.removeLast(3)
    } else if text.hasSuffix("::") {
      text.removeLast()
    }
    return RSTInline.spans(text)
  }
}

/// reStructuredText inline markup read for display: ``code``, *emphasis*, **strong**,
/// `text <url>`_ links, roles (`:ref:`text <target>``), substitutions left as written.
enum RSTInline {
  static func spans(_ text: String) -> [Inline] {
    var scanner = InlineScanner(text)
    let characters = scanner.characters
    var index = 0
    func closing(_ marker: String, from start: Int) -> Int? { scanner.first(marker, from: start + 1) }
    func startsMarkup(at position: Int) -> Bool {
      position == 0 || characters[position - 1].isWhitespace || "([{<'\"/:-".contains(characters[position - 1])
    }
    while index < characters.count {
      let character = characters[index]
      let rest = characters[index...]
      if character == "\\", index + 1 < characters.count {
        scanner.plain.append(characters[index + 1])
        index += 2
      } else if rest.starts(with: "``"), let end = closing("``", from: index + 2) {
        scanner.add(Inline(text: String(characters[(index + 2)..<end]), kind: .code))
        index = end + 2
      } else if character == ":", startsMarkup(at: index), let role = roleEnd(characters, from: index),
        let end = closing("`", from: role + 1)
      {
        scanner.add(Inline(text: Self.linkText(String(characters[(role + 2)..<end])).text))
        index = end + 1
      } else if character == "`", startsMarkup(at: index), let end = closing("`", from: index + 1) {
        let inner = String(characters[(index + 1)..<end])
        var after = end + 1
        while after < characters.count, characters[after] == "_" { after += 1 }
        let (text, url) = Self.linkText(inner)
        if after > end + 1, let url, url.contains("://") || url.hasPrefix("mailto:") {
          scanner.add(Inline(text: text, kind: .link(url: url)))
        } else {
          scanner.add(Inline(text: text, kind: after > end + 1 ? .text : .emphasis))
        }
        index = after
      } else if rest.starts(with: "**"), startsMarkup(at: index), let end = closing("**", from: index + 2) {
        scanner.add(Inline(text: String(characters[(index + 2)..<end]), kind: .strong))
        index = end + 2
      } else if character == "*", startsMarkup(at: index), index + 1 < characters.count,
        !characters[index + 1].isWhitespace, let end = closing("*", from: index + 1)
      {
        scanner.add(Inline(text: String(characters[(index + 1)..<end]), kind: .emphasis))
        index = end + 1
      } else {
        scanner.plain.append(character)
        index += 1
      }
    }
    return scanner.finish()
  }

  /// `:role:` at `start`: the index of the colon before its text's backquote.
  private static func roleEnd(_ characters: [Character], from start: Int) -> Int? {
    var position = start + 1
    while position < characters.count, characters[position].isLetter || "-+:_".contains(characters[position]) {
      if characters[position] == ":", position + 1 < characters.count, characters[position + 1] == "`" {
        return position > start + 1 ? position : nil
      }
      position += 1
    }
    return nil
  }

  /// `text <target>`: the text and the target; a bare target is its own text.
  static func linkText(_ inner: String) -> (text: String, url: String?) {
    guard inner.hasSuffix(">"), let open = inner.lastIndex(of: "<") else { return (inner, nil) }
    let text = inner[..<open].trimmingCharacters(in: .whitespaces)
    let url = String(inner[inner.index(after: open)..<inner.index(before: inner.endIndex)])
    return (text.isEmpty ? url : text, url)
  }
}

extension StringProtocol {
  var trimmed: String { trimmingCharacters(in: .whitespaces) }
}
