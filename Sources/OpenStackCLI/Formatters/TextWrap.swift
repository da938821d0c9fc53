/// Python's `textwrap.wrap` with the arguments prettytable passes (`width`, `break_on_hyphens`)
/// and the defaults for the rest: tabs expanded, every white space character made a space,
/// words split after hyphens inside words, long words broken, white space dropped at line ends.
/// Lengths count characters (code points), as Python's `len` does.
enum TextWrap {
  static func fill(_ text: String, width: Int, breakOnHyphens: Bool = true) -> String {
    wrap(text, width: width, breakOnHyphens: breakOnHyphens).joined(separator: "\n")
  }

  static func wrap(_ text: String, width: Int, breakOnHyphens: Bool = true) -> [String] {
    let characters = normalized(text)
    var chunks = breakOnHyphens ? hyphenatedChunks(characters) : whitespaceChunks(characters)
    chunks.reverse()
    var lines: [String] = []
    while !chunks.isEmpty {
      var line: [[Unicode.Scalar]] = []
      var length = 0
      if isSpace(chunks.last!), !lines.isEmpty { chunks.removeLast() }
      while let chunk = chunks.last, length + chunk.count <= width {
        line.append(chunk)
        length += chunk.count
        chunks.removeLast()
      }
      if let chunk = chunks.last, chunk.count > width {
        // _handle_long_word: break it, after its last hyphen within reach when there is one.
        let spaceLeft = width < 1 ? 1 : width - length
        var end = spaceLeft
        if breakOnHyphens, chunk.count > spaceLeft,
          let hyphen = chunk[0..<min(spaceLeft, chunk.count)].lastIndex(of: "-"), hyphen > 0,
          chunk[0..<hyphen].contains(where: { $0 != "-" })
        {
          end = hyphen + 1
        }
        end = min(end, chunk.count)
        line.append(Array(chunk[0..<end]))
        chunks[chunks.count - 1] = Array(chunk[end...])
        if chunks[chunks.count - 1].isEmpty { chunks.removeLast() }
      }
      if let last = line.last, isSpace(last) { line.removeLast() }
      if !line.isEmpty {
        var text = String.UnicodeScalarView()
        for chunk in line { text.append(contentsOf: chunk) }
        lines.append(String(text))
      }
    }
    return lines
  }

  /// `expandtabs()` then every character of `string.whitespace` as a space. prettytable wraps
  /// one line of a cell at a time, so the tab columns count from the start of the text.
  private static func normalized(_ text: String) -> [Unicode.Scalar] {
    var result: [Unicode.Scalar] = []
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\t":
        result += repeatElement(" ", count: 8 - result.count % 8)
      case "\n", "\r", "\u{0B}", "\u{0C}":
        result.append(" ")
      default:
        result.append(scalar)
      }
    }
    return result
  }

  private static func isSpace(_ chunk: [Unicode.Scalar]) -> Bool { chunk.allSatisfy { $0 == " " } }

  /// `TextWrapper.wordsep_simple_re`: runs of white space and runs of anything else.
  private static func whitespaceChunks(_ text: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
    var chunks: [[Unicode.Scalar]] = []
    var start = 0
    while start < text.count {
      let space = text[start] == " "
      var end = start + 1
      while end < text.count, (text[end] == " ") == space { end += 1 }
      chunks.append(Array(text[start..<end]))
      start = end
    }
    return chunks
  }

  /// `TextWrapper.wordsep_re`: white space runs; em-dashes (`--`) between words; words, split
  /// after a hyphen that joins letters (`long-term` gives `long-` and `term`).
  private static func hyphenatedChunks(_ text: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
    func at(_ index: Int) -> Unicode.Scalar? { index >= 0 && index < text.count ? text[index] : nil }
    func isLetter(_ index: Int) -> Bool {
      guard let scalar = at(index) else { return false }
      return isWordCharacter(scalar) && !scalar.properties.numericType.map { $0 == .decimal }.isTrue
    }
    func isWordPunctuation(_ index: Int) -> Bool {
      guard let scalar = at(index) else { return false }
      return isWordCharacter(scalar) || "!\"'&.,?".unicodeScalars.contains(scalar)
    }
    /// `-{2,}` followed by a word character, at `index`.
    func emDashEnd(_ index: Int) -> Int? {
      var end = index
      while at(end) == "-" { end += 1 }
      guard end - index >= 2, let next = at(end), isWordCharacter(next) else { return nil }
      return end
    }
    var chunks: [[Unicode.Scalar]] = []
    var start = 0
    while start < text.count {
      if text[start] == " " {
        var end = start
        while end < text.count, text[end] == " " { end += 1 }
        chunks.append(Array(text[start..<end]))
        start = end
        continue
      }
      if isWordPunctuation(start - 1), let end = emDashEnd(start) {
        chunks.append(Array(text[start..<end]))
        start = end
        continue
      }
      var end = start + 1
      while true {
        // A hyphen that joins letters ends the chunk, hyphen included.
        if at(end) == "-",
          (isLetter(end - 2) && isLetter(end - 1))
            || (isLetter(end - 3) && at(end - 2) == "-" && isLetter(end - 1)),
          isLetter(end + 1), isLetter(end + 2) || (at(end + 2) == "-" && isLetter(end + 3))
        {
          end += 1
          break
        }
        if end >= text.count || text[end] == " " { break }
        if isWordPunctuation(end - 1), emDashEnd(end) != nil { break }
        end += 1
      }
      chunks.append(Array(text[start..<end]))
      start = end
    }
    return chunks
  }

  /// Python's `\w`: letters, digits (any script), the underscore, and marks.
  private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
      || scalar.properties.generalCategory == .nonspacingMark
  }
}

extension Optional where Wrapped == Bool {
  fileprivate var isTrue: Bool { self ?? false }
}
