import Foundation

/// The prose of a Markdown page, read line by line for a reader: headings, paragraphs, list
/// items, block quotes (GitHub's `> [!NOTE]` and `> **Note:**` as admonitions), tables as they
/// are; HTML comments and code fences are left out.
struct MarkdownProse {
  let lines: [String]
  /// The lines (1-based) of literal blocks, which are not prose.
  let literal: Set<Int>

  func blocks() -> [(line: Int, block: ProseBlock)] {
    var blocks: [(line: Int, block: ProseBlock)] = []
    var index = 0
    var inComment = false
    while index < lines.count {
      let line = lines[index]
      let body = line.trimmed
      if inComment || body.hasPrefix("<!--") {
        inComment = !line.contains("-->")
        index += 1
        continue
      }
      if literal.contains(index + 1) || body.isEmpty || body.hasPrefix("```") || body.hasPrefix("~~~") {
        index += 1
        continue
      }
      let indent = line.indentation
      if body.hasPrefix("#") {
        let level = body.prefix { $0 == "#" }.count
        if level <= 6, body.dropFirst(level).first == " " {
          let title = body.dropFirst(level).trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "# "))
          blocks.append((index + 1, .heading(MarkdownInline.spans(title).map(\.text).joined(), level: level)))
          index += 1
          continue
        }
      }
      if index + 1 < lines.count, indent < 4, let underline = lines[index + 1].trimmed.first, "=-".contains(underline),
        lines[index + 1].trimmed.allSatisfy({ $0 == underline }), !startsBlock(body)
      {
        blocks.append((index + 1, .heading(MarkdownInline.spans(body).map(\.text).joined(), level: underline == "=" ? 1 : 2)))
        index += 2
        continue
      }
      if body.hasPrefix("|") {
        var rows: [String] = []
        while index < lines.count, lines[index].trimmed.hasPrefix("|") {
          rows.append(lines[index].trimmed)
          index += 1
        }
        blocks.append((index + 1 - rows.count, .verbatim(rows, indent: indent)))
        continue
      }
      if body.hasPrefix(">") {
        let start = index
        var quoted: [String] = []
        while index < lines.count, lines[index].trimmed.hasPrefix(">") {
          quoted.append(String(lines[index].trimmed.dropFirst()).trimmed)
          index += 1
        }
        blocks.append((start + 1, quote(quoted, indent: indent)))
        continue
      }
      let marker = listMarker(body)
      var text = [marker.map { String(body.dropFirst($0.width)) } ?? body]
      var next = index + 1
      while next < lines.count, !literal.contains(next + 1), !lines[next].isBlank, !startsBlock(lines[next].trimmed) {
        if next + 1 < lines.count, lines[next + 1].trimmed.allSatisfy({ $0 == "=" || $0 == "-" }),
          !lines[next + 1].isBlank, marker == nil
        {
          break
        }
        text.append(lines[next].trimmed)
        next += 1
      }
      let spans = MarkdownInline.spans(text.joined(separator: " "))
      if let marker {
        blocks.append((index + 1, .item(marker: marker.shown, spans, indent: indent)))
      } else {
        blocks.append((index + 1, .paragraph(spans, indent: indent)))
      }
      index = next
    }
    return blocks
  }

  /// A block quote: an admonition when it starts with `[!NOTE]` or `**Note:**`.
  private func quote(_ lines: [String], indent: Int) -> ProseBlock {
    var lines = lines
    var kind = "Quote"
    if let first = lines.first {
      let alert = first.hasPrefix("[!") ? first.dropFirst(2).prefix { $0 != "]" } : nil
      let strong = first.hasPrefix("**") ? first.dropFirst(2).prefix { $0 != "*" && $0 != ":" } : nil
      if let name = alert ?? strong, !name.isEmpty, name.count < 20 {
        kind = name.prefix(1).uppercased() + name.dropFirst().lowercased()
        let rest = alert != nil ? first.dropFirst(name.count + 3) : first.dropFirst(2 + name.count).drop { ":* ".contains($0) }
        lines[0] = rest.trimmed
      }
    }
    let paragraphs = lines.split(whereSeparator: \.isEmpty).map { MarkdownInline.spans($0.joined(separator: " ")) }
    return .admonition(kind: kind, paragraphs: paragraphs, indent: indent)
  }

  private func startsBlock(_ body: String) -> Bool {
    listMarker(body) != nil || body.hasPrefix("#") || body.hasPrefix(">") || body.hasPrefix("```")
      || body.hasPrefix("<!--") || body.hasPrefix("|")
  }

  private func listMarker(_ body: String) -> (shown: String, width: Int)? {
    for bullet in ["- ", "* ", "+ "] where body.hasPrefix(bullet) { return ("•", 2) }
    let digits = body.prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty, digits.count < 10, let after = body.dropFirst(digits.count).first, after == "." || after == ")",
      body.dropFirst(digits.count + 1).first == " "
    {
      return (digits + ".", digits.count + 2)
    }
    return nil
  }
}

/// Markdown inline markup read for display: `code`, *emphasis*, **strong**, [links](url),
/// <autolinks>, images as their text.
enum MarkdownInline {
  static func spans(_ text: String) -> [Inline] {
    var scanner = InlineScanner(text)
    let characters = scanner.characters
    var index = 0
    func find(_ target: Character, from start: Int) -> Int? { scanner.first(String(target), from: start) }
    func closing(_ marker: [Character], from start: Int) -> Int? { scanner.first(String(marker), from: start + 1) }
    while index < characters.count {
      let character = characters[index]
      if character == "\\", index + 1 < characters.count, characters[index + 1].isPunctuation || characters[index + 1].isSymbol {
        scanner.plain.append(characters[index + 1])
        index += 2
      } else if character == "`" {
        let run = characters[index...].prefix { $0 == "`" }.count
        if let end = closing(Array(repeating: "`", count: run), from: index + run - 1), end >= index + run {
          scanner.add(Inline(text: String(characters[(index + run)..<end]).trimmed, kind: .code))
          index = end + run
        } else {
          scanner.plain += String(repeating: "`", count: run)
          index += run
        }
      } else if character == "[" || (character == "!" && index + 1 < characters.count && characters[index + 1] == "["),
        let close = find("]", from: index), close + 1 < characters.count, characters[close + 1] == "(",
        let end = find(")", from: close + 2)
      {
        let start = character == "!" ? index + 2 : index + 1
        let label = Self.spans(String(characters[start..<close])).map(\.text).joined()
        let url = String(characters[(close + 2)..<end]).split(separator: " ").first.map(String.init) ?? ""
        scanner.add(character == "!" ? Inline(text: label) : Inline(text: label, kind: .link(url: url)))
        index = end + 1
      } else if character == "<", let end = find(">", from: index), String(characters[(index + 1)..<end]).contains("://") {
        let url = String(characters[(index + 1)..<end])
        scanner.add(Inline(text: url, kind: .link(url: url)))
        index = end + 1
      } else if (character == "*" || character == "_"), index + 1 < characters.count, characters[index + 1] == character,
        let end = closing([character, character], from: index + 2)
      {
        scanner.add(Inline(text: String(characters[(index + 2)..<end]), kind: .strong))
        index = end + 2
      } else if (character == "*" || character == "_"), index + 1 < characters.count, !characters[index + 1].isWhitespace,
        character == "*" || index == 0 || !characters[index - 1].isLetter, let end = find(character, from: index + 1)
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
}
