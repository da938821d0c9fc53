/// The text docutils keeps of reStructuredText inline markup: `**strong**`, `*emphasis*`,
/// ``` ``literal`` ```, `` `interpreted` `` and `` :role:`text` ``, `` `phrase <url>`_ ``,
/// `name_`, `[1]_`, `|substitution|` and `` _`target` `` all become their text, and backslash
/// escapes are resolved. Recognition follows docutils' rules: a start-string follows white space
/// or an opening or delimiting punctuation mark and is followed by a non-space; an end-string
/// follows a non-space and is followed by white space, punctuation or the end of the text.
enum RSTInlineText {
  static func plain(_ text: String) -> String {
    let markupBytes: Set<UInt8> = [UInt8(ascii: "*"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "_"), UInt8(ascii: "\\"), UInt8(ascii: "[")]
    guard text.utf8.contains(where: markupBytes.contains) else { return text }
    return Scanner(Array(text)).plain()
  }

  private struct Scanner {
    let characters: [Character]

    init(_ characters: [Character]) { self.characters = characters }

    func plain() -> String {
      var output = ""
      var index = 0
      while index < characters.count {
        let character = characters[index]
        if character == "\\" {
          // An escaped white space disappears; any other escaped character stays, unescaped.
          if index + 1 < characters.count, !characters[index + 1].isWhitespace {
            output.append(characters[index + 1])
          }
          index += 2
          continue
        }
        if startAllowed(at: index), let (text, end) = markup(at: index) {
          output += text
          index = end
          continue
        }
        output.append(character)
        index += 1
      }
      return output
    }

    /// The construct starting at `index`: its text and the index after it.
    private func markup(at index: Int) -> (String, Int)? {
      if matches("**", at: index) { return enclosed(at: index, open: "**", close: "**", escapes: true) }
      if matches("*", at: index) { return enclosed(at: index, open: "*", close: "*", escapes: true) }
      if matches("``", at: index) { return enclosed(at: index, open: "``", close: "``", escapes: false) }
      if matches("_`", at: index) { return enclosed(at: index, open: "_`", close: "`", escapes: true) }
      if matches("|", at: index) {
        return enclosed(at: index, open: "|", close: "|", escapes: true, referenceEnd: true)
      }
      if matches("`", at: index) { return interpreted(at: index, textStart: index + 1) }
      if characters[index] == ":", let roleEnd = roleEnd(from: index), matches("`", at: roleEnd) {
        return interpreted(at: index, textStart: roleEnd + 1)
      }
      return referenceName(at: index) ?? footnoteReference(at: index)
    }

    /// `open`, text, `close`, with the start and end rules. With `referenceEnd`, the close may be
    /// followed by `_` or `__` (a substitution used as a reference).
    private func enclosed(
      at index: Int, open: String, close: String, escapes: Bool, referenceEnd: Bool = false
    ) -> (String, Int)? {
      let textStart = index + open.count
      guard textStart < characters.count, !characters[textStart].isWhitespace,
        !isQuoted(before: index, after: textStart)
      else { return nil }
      var cursor = textStart + 1
      while cursor < characters.count {
        if escapes && characters[cursor] == "\\" {
          cursor += 2
          continue
        }
        let end = referenceEnd ? skipReferenceEnd(from: cursor + close.count) : cursor + close.count
        if matches(close, at: cursor), !characters[cursor - 1].isWhitespace, endAllowed(at: end) {
          let inner = String(characters[textStart..<cursor])
          return (escapes ? Self.unescaped(inner) : inner, end)
        }
        cursor += 1
      }
      return nil
    }

    /// Interpreted text or a phrase reference: `` `text` ``, `` `text`:role: ``, `` `text`_ ``.
    private func interpreted(at index: Int, textStart: Int) -> (String, Int)? {
      guard textStart < characters.count, !characters[textStart].isWhitespace, characters[textStart] != "`"
      else { return nil }
      var cursor = textStart + 1
      while cursor < characters.count {
        if characters[cursor] == "\\" {
          cursor += 2
          continue
        }
        if characters[cursor] == "`", !characters[cursor - 1].isWhitespace {
          var end = cursor + 1
          let isReference = end < characters.count && characters[end] == "_"
          if isReference {
            end = skipReferenceEnd(from: end)
          } else if end < characters.count, characters[end] == ":", let roleEnd = roleEnd(from: end) {
            end = roleEnd
          }
          if endAllowed(at: end) {
            let inner = Self.unescaped(String(characters[textStart..<cursor]))
            return (isReference ? Self.referenceText(inner) : inner, end)
          }
        }
        cursor += 1
      }
      return nil
    }

    /// `name_` or `name__`: a simple reference name.
    private func referenceName(at index: Int) -> (String, Int)? {
      var cursor = index
      while cursor < characters.count, isNameCharacter(characters[cursor])
        || (("-._+:" as String).contains(characters[cursor]) && cursor + 1 < characters.count
          && isNameCharacter(characters[cursor + 1]) && cursor > index)
      {
        cursor += 1
      }
      guard cursor > index, cursor < characters.count, characters[cursor] == "_" else { return nil }
      let end = skipReferenceEnd(from: cursor)
      guard endAllowed(at: end) else { return nil }
      return (String(characters[index..<cursor]), end)
    }

    /// `[1]_`, `[#label]_`, `[*]_`, `[CITATION]_`. Auto-numbered and auto-symbol references have no
    /// text until docutils' transforms number them.
    private func footnoteReference(at index: Int) -> (String, Int)? {
      guard characters[index] == "[", let close = characters[index...].firstIndex(of: "]"),
        close > index + 1, close + 1 < characters.count, characters[close + 1] == "_",
        !characters[(index + 1)..<close].contains(where: \.isWhitespace), endAllowed(at: close + 2)
      else { return nil }
      let label = characters[(index + 1)..<close]
      return (label.first == "#" || label.first == "*" ? "" : String(label), close + 2)
    }

    /// The index after `:role:` starting at `index`.
    private func roleEnd(from index: Int) -> Int? {
      var cursor = index + 1
      while cursor < characters.count, isNameCharacter(characters[cursor]) || "-._+".contains(characters[cursor]) {
        cursor += 1
      }
      guard cursor > index + 1, cursor < characters.count, characters[cursor] == ":" else { return nil }
      return cursor + 1
    }

    private func skipReferenceEnd(from index: Int) -> Int {
      var end = index
      while end < characters.count, end - index < 2, characters[end] == "_" { end += 1 }
      return end
    }

    private func matches(_ string: String, at index: Int) -> Bool {
      var cursor = index
      for character in string {
        guard cursor < characters.count, characters[cursor] == character else { return false }
        cursor += 1
      }
      return true
    }

    private func startAllowed(at index: Int) -> Bool {
      guard index > 0 else { return true }
      let previous = characters[index - 1]
      return previous.isWhitespace || "'\"(<[{-/:".contains(previous)
        || (!previous.isASCII && previous.isPunctuation)
    }

    private func endAllowed(at index: Int) -> Bool {
      guard index < characters.count else { return true }
      let next = characters[index]
      return next.isWhitespace || "\\.,;!?-/:'\")>]}".contains(next)
        || (!next.isASCII && next.isPunctuation)
    }

    /// docutils does not read `'*'` or `(*)` as markup: an opener right before the start-string
    /// and its closer right after.
    private func isQuoted(before index: Int, after textStart: Int) -> Bool {
      guard index > 0 else { return false }
      let pairs: [Character: Character] = ["'": "'", "\"": "\"", "(": ")", "<": ">", "[": "]", "{": "}"]
      return pairs[characters[index - 1]] == characters[textStart]
    }

    private func isNameCharacter(_ character: Character) -> Bool {
      character.isLetter || character.isNumber
    }

    /// `text <target>` becomes `text`; a lone `<target>` becomes the target.
    private static func referenceText(_ text: String) -> String {
      guard text.hasSuffix(">"), let open = text.lastIndex(of: "<") else { return text }
      let label = text[..<open].trimmingCharacters(in: " \n")
      return label.isEmpty ? String(text[text.index(after: open)..<text.index(before: text.endIndex)]) : label
    }

    private static func unescaped(_ text: String) -> String {
      guard text.contains("\\") else { return text }
      var output = ""
      var escaped = false
      for character in text {
        if escaped {
          if !character.isWhitespace { output.append(character) }
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else {
          output.append(character)
        }
      }
      return output
    }
  }
}

extension StringProtocol {
  fileprivate func trimmingCharacters(in set: String) -> String {
    let start = firstIndex { !set.contains($0) } ?? endIndex
    let end = self[start...].lastIndex { !set.contains($0) }.map(index(after:)) ?? start
    return String(self[start..<end])
  }
}
