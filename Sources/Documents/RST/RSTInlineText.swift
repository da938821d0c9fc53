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
    var scanner = Scanner(CharacterTable(text))
    return scanner.plain()
  }

  /// A text's characters by position: its UTF-8 bytes and where each character starts, five
  /// bytes or so a character where a `[Character]` takes sixteen.
  private struct CharacterTable {
    private let bytes: [UInt8]
    private let starts: [Int32]

    init(_ text: String) {
      var starts: [Int32] = []
      starts.reserveCapacity(text.utf8.count + 1)
      var offset = 0
      for character in text {
        starts.append(Int32(offset))
        offset += character.utf8.count
      }
      starts.append(Int32(offset))
      self.starts = starts
      bytes = Array(text.utf8)
    }

    var count: Int { starts.count - 1 }

    subscript(position: Int) -> Character {
      let start = Int(starts[position])
      let end = Int(starts[position + 1])
      if end - start == 1 { return Character(Unicode.Scalar(bytes[start])) }
      // One character in the text is one character alone.
      return String(decoding: bytes[start..<end], as: UTF8.self).first!
    }

    /// The character's byte when it is one ASCII byte.
    func ascii(at position: Int) -> UInt8? {
      let start = Int(starts[position])
      return starts[position + 1] - starts[position] == 1 && bytes[start] < 0x80 ? bytes[start] : nil
    }

    func `is`(_ byte: UInt8, at position: Int) -> Bool { ascii(at: position) == byte }

    func isWhitespace(at position: Int) -> Bool {
      guard let byte = ascii(at: position) else { return self[position].isWhitespace }
      return byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// A letter or a digit.
    func isNameCharacter(at position: Int) -> Bool {
      guard let byte = ascii(at: position) else { return self[position].isLetter || self[position].isNumber }
      return (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// Whether the characters from `position` on are `string` (ASCII).
    func matches(_ string: StaticString, at position: Int) -> Bool {
      let length = string.utf8CodeUnitCount
      guard position + length <= count else { return false }
      return (0..<length).allSatisfy { self.is(string.utf8Start[$0], at: position + $0) }
    }

    func text(_ positions: Range<Int>) -> String {
      String(decoding: bytes[Int(starts[positions.lowerBound])..<Int(starts[positions.upperBound])], as: UTF8.self)
    }
  }

  /// The end-strings a scan looks for. Whether a scan for one of them succeeds from a position
  /// does not depend on where the scan started, which is what lets a failed scan answer for the
  /// scans that follow it.
  private enum Closer: Int, CaseIterable {
    case strong, emphasis, literal, target, substitution, interpreted
  }

  /// Reads the text once, left to right. Every search that runs ahead of the reading position
  /// remembers what it found, so that markup left open many times over (`*a *a *a ...`) costs
  /// one pass and not one pass per opener.
  private struct Scanner {
    let characters: CharacterTable
    /// Per closer, the start of a scan that found no end-string. A scan from `start` visits
    /// every later position except those a backslash escapes, so a later scan that reaches a
    /// position it visited fails too.
    private var failedScanStart = [Int](repeating: .max, count: Closer.allCases.count)
    /// The last run of reference-name characters read: any start inside it ends where it ends.
    private var nameRun: (start: Int, end: Int)?
    /// The last search for the end of a footnote label (`]` or white space): `from...end` holds
    /// none before `end` (`end` is the character count when there is none at all).
    private var labelSearch: (from: Int, end: Int)?

    init(_ characters: CharacterTable) { self.characters = characters }

    mutating func plain() -> String {
      var output = ""
      var index = 0
      while index < characters.count {
        if characters.is(backslash, at: index) {
          // An escaped white space disappears; any other escaped character stays, unescaped.
          if index + 1 < characters.count, !characters.isWhitespace(at: index + 1) {
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
        output.append(characters[index])
        index += 1
      }
      return output
    }

    /// The construct starting at `index`: its text and the index after it.
    private mutating func markup(at index: Int) -> (String, Int)? {
      if characters.matches("**", at: index) { return enclosed(at: index, open: "**", close: .strong) }
      if characters.matches("*", at: index) { return enclosed(at: index, open: "*", close: .emphasis) }
      if characters.matches("``", at: index) { return enclosed(at: index, open: "``", close: .literal) }
      if characters.matches("_`", at: index) { return enclosed(at: index, open: "_`", close: .target) }
      if characters.matches("|", at: index) { return enclosed(at: index, open: "|", close: .substitution) }
      if characters.matches("`", at: index) { return interpreted(at: index, textStart: index + 1) }
      if characters.is(colon, at: index), let roleEnd = roleEnd(from: index), characters.matches("`", at: roleEnd) {
        return interpreted(at: index, textStart: roleEnd + 1)
      }
      return referenceName(at: index) ?? footnoteReference(at: index)
    }

    /// `open`, text, the closer's end-string, with the start and end rules. A substitution's
    /// end-string may be followed by `_` or `__` (a substitution used as a reference).
    private mutating func enclosed(at index: Int, open: StaticString, close closer: Closer) -> (String, Int)? {
      let (close, escapes): (StaticString, Bool) =
        switch closer {
        case .strong: ("**", true)
        case .emphasis: ("*", true)
        case .literal: ("``", false)
        case .target, .interpreted: ("`", true)
        case .substitution: ("|", true)
        }
      let textStart = index + open.utf8CodeUnitCount
      guard textStart < characters.count, !characters.isWhitespace(at: textStart),
        !isQuoted(before: index, after: textStart)
      else { return nil }
      var cursor = textStart + 1
      while cursor < characters.count, !failedBefore(closer, reaching: cursor, escapes: escapes) {
        if escapes && characters.is(backslash, at: cursor) {
          cursor += 2
          continue
        }
        let closeEnd = cursor + close.utf8CodeUnitCount
        let end = closer == .substitution ? skipReferenceEnd(from: closeEnd) : closeEnd
        if characters.matches(close, at: cursor), !characters.isWhitespace(at: cursor - 1), endAllowed(at: end) {
          let inner = characters.text(textStart..<cursor)
          return (escapes ? Self.unescaped(inner) : inner, end)
        }
        cursor += 1
      }
      failedScanStart[closer.rawValue] = min(failedScanStart[closer.rawValue], textStart + 1)
      return nil
    }

    /// Whether an earlier scan for `closer` that failed visited `cursor`: it visited every
    /// position from its start on, except a position right after a backslash it skipped.
    private func failedBefore(_ closer: Closer, reaching cursor: Int, escapes: Bool) -> Bool {
      let start = failedScanStart[closer.rawValue]
      return cursor >= start && (!escapes || cursor == start || !characters.is(backslash, at: cursor - 1))
    }

    /// Interpreted text or a phrase reference: `` `text` ``, `` `text`:role: ``, `` `text`_ ``.
    private mutating func interpreted(at index: Int, textStart: Int) -> (String, Int)? {
      guard textStart < characters.count, !characters.isWhitespace(at: textStart), !characters.is(backquote, at: textStart)
      else { return nil }
      var cursor = textStart + 1
      while cursor < characters.count, !failedBefore(.interpreted, reaching: cursor, escapes: true) {
        if characters.is(backslash, at: cursor) {
          cursor += 2
          continue
        }
        if characters.is(backquote, at: cursor), !characters.isWhitespace(at: cursor - 1) {
          var end = cursor + 1
          let isReference = end < characters.count && characters.is(underscore, at: end)
          if isReference {
            end = skipReferenceEnd(from: end)
          } else if end < characters.count, characters.is(colon, at: end), let roleEnd = roleEnd(from: end) {
            end = roleEnd
          }
          if endAllowed(at: end) {
            let inner = Self.unescaped(characters.text(textStart..<cursor))
            return (isReference ? Self.referenceText(inner) : inner, end)
          }
        }
        cursor += 1
      }
      failedScanStart[Closer.interpreted.rawValue] = min(failedScanStart[Closer.interpreted.rawValue], textStart + 1)
      return nil
    }

    /// `name_` or `name__`: a simple reference name.
    private mutating func referenceName(at index: Int) -> (String, Int)? {
      var cursor = index
      if let run = nameRun, run.start < index, index <= run.end, characters.isNameCharacter(at: index) {
        // Past its first character, a run reads the same from any start inside it.
        cursor = run.end
      } else {
        while cursor < characters.count, characters.isNameCharacter(at: cursor)
          || (characters.ascii(at: cursor).map(Self.nameJoiners.contains) == true && cursor + 1 < characters.count
            && characters.isNameCharacter(at: cursor + 1) && cursor > index)
        {
          cursor += 1
        }
        nameRun = (index, cursor)
      }
      guard cursor > index, cursor < characters.count, characters.is(underscore, at: cursor) else { return nil }
      let end = skipReferenceEnd(from: cursor)
      guard endAllowed(at: end) else { return nil }
      return (characters.text(index..<cursor), end)
    }

    /// `[1]_`, `[#label]_`, `[*]_`, `[CITATION]_`. Auto-numbered and auto-symbol references have no
    /// text until docutils' transforms number them.
    private mutating func footnoteReference(at index: Int) -> (String, Int)? {
      // The label holds no white space: the first `]` counts only when no white space comes first.
      guard characters.is(UInt8(ascii: "["), at: index), let close = labelEnd(after: index),
        characters.is(UInt8(ascii: "]"), at: close), close > index + 1, close + 1 < characters.count,
        characters.is(underscore, at: close + 1), endAllowed(at: close + 2)
      else { return nil }
      let isAutomatic = characters.is(UInt8(ascii: "#"), at: index + 1) || characters.is(UInt8(ascii: "*"), at: index + 1)
      return (isAutomatic ? "" : characters.text((index + 1)..<close), close + 2)
    }

    /// The first `]` or white space after `index`, remembered for the starts that follow.
    private mutating func labelEnd(after index: Int) -> Int? {
      let from = index + 1
      let end: Int
      if let search = labelSearch, search.from <= from, from <= search.end {
        end = search.end
      } else {
        var stop = from
        while stop < characters.count, !characters.is(UInt8(ascii: "]"), at: stop), !characters.isWhitespace(at: stop) {
          stop += 1
        }
        end = stop
        labelSearch = (from, end)
      }
      return end < characters.count ? end : nil
    }

    /// The index after `:role:` starting at `index`.
    private func roleEnd(from index: Int) -> Int? {
      var cursor = index + 1
      while cursor < characters.count,
        characters.isNameCharacter(at: cursor) || characters.ascii(at: cursor).map(Self.roleJoiners.contains) == true
      {
        cursor += 1
      }
      guard cursor > index + 1, cursor < characters.count, characters.is(colon, at: cursor) else { return nil }
      return cursor + 1
    }

    private func skipReferenceEnd(from index: Int) -> Int {
      var end = index
      while end < characters.count, end - index < 2, characters.is(underscore, at: end) { end += 1 }
      return end
    }

    private let backslash = UInt8(ascii: "\\")
    private let backquote = UInt8(ascii: "`")
    private let underscore = UInt8(ascii: "_")
    private let colon = UInt8(ascii: ":")
    private static let nameJoiners = Set("-._+:".utf8)
    private static let roleJoiners = Set("-._+".utf8)
    private static let beforeStart = Set("'\"(<[{-/:".utf8)
    private static let afterEnd = Set("\\.,;!?-/:'\")>]}".utf8)
    private static let quotes: [UInt8: UInt8] = [
      UInt8(ascii: "'"): UInt8(ascii: "'"), UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "("): UInt8(ascii: ")"),
      UInt8(ascii: "<"): UInt8(ascii: ">"), UInt8(ascii: "["): UInt8(ascii: "]"), UInt8(ascii: "{"): UInt8(ascii: "}"),
    ]

    private func startAllowed(at index: Int) -> Bool {
      guard index > 0 else { return true }
      return allowed(at: index - 1, besides: Self.beforeStart)
    }

    private func endAllowed(at index: Int) -> Bool {
      guard index < characters.count else { return true }
      return allowed(at: index, besides: Self.afterEnd)
    }

    /// White space, one of `punctuation`, or non-ASCII punctuation.
    private func allowed(at index: Int, besides punctuation: Set<UInt8>) -> Bool {
      if let byte = characters.ascii(at: index) { return characters.isWhitespace(at: index) || punctuation.contains(byte) }
      let character = characters[index]
      return character.isWhitespace || (!character.isASCII && character.isPunctuation)
    }

    /// docutils does not read `'*'` or `(*)` as markup: an opener right before the start-string
    /// and its closer right after.
    private func isQuoted(before index: Int, after textStart: Int) -> Bool {
      guard index > 0, let opener = characters.ascii(at: index - 1), let closer = Self.quotes[opener] else { return false }
      return characters.is(closer, at: textStart)
    }

    /// `text <target>` becomes `text`; a lone `<target>` becomes the target.
    private static func referenceText(_ text: String) -> String {
      guard text.hasSuffix(">"), let open = text.lastIndex(of: "<") else { return text }
      let label = text[..<open].trimmingCharacters(in: " \n")
      return label.isEmpty ? String(text[text.index(after: open)..<text.index(before: text.endIndex)]) : label
    }

    private static func unescaped(_ text: String) -> String {
      guard text.utf8.contains(UInt8(ascii: "\\")) else { return text }
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
