/// Python's `textwrap.TextWrapper.wrap`, in the two forms the client meets.
///
/// prettytable 3.18 wraps a cell line that is wider than its column with `wcwidth.wrap(line,
/// width, break_on_hyphens=True)`: the standard library's algorithm (same chunking regular
/// expression, same greedy filling) with widths in terminal columns, long words broken between
/// grapheme clusters, and every line right-stripped. ``Measure/displayCells`` is that;
/// ``Measure/codePoints`` is the standard library's `textwrap.wrap`, which counts code points.
/// Both use the defaults for everything prettytable does not pass: tabs expanded to 8-column
/// stops, each of `\t\n\v\f\r` made a space, long words broken, white space dropped at line ends.
///
/// Not ported: wcwidth's handling of escape sequences inside wrapped text (keeping SGR colours
/// and OSC 8 links whole across lines); such sequences are wrapped as ordinary characters.
/// Grapheme clusters are wcwidth's (``Graphemes``), not Swift's `Character`.
public struct TextWrapper: Sendable {
  public enum Measure: Sendable {
    /// `textwrap.wrap`: lengths are `len()`, code points.
    case codePoints
    /// `wcwidth.wrap`: lengths are terminal columns (``DisplayWidth``).
    case displayCells
  }

  /// The widest a line may be; Python raises for less than 1, this returns the text unwrapped.
  public var width: Int
  /// Split words after hyphens that join letters (`long-term` gives `long-` and `term`).
  public var breakOnHyphens: Bool
  /// Cut words longer than the width rather than letting them overflow.
  public var breakLongWords: Bool
  public var measure: Measure

  public init(
    width: Int, breakOnHyphens: Bool = true, breakLongWords: Bool = true,
    measure: Measure = .displayCells
  ) {
    self.width = width
    self.breakOnHyphens = breakOnHyphens
    self.breakLongWords = breakLongWords
    self.measure = measure
  }

  /// `wrap(text)`: the lines, without line ends.
  public func wrap(_ text: String) -> [String] {
    guard width > 0 else { return [text] }
    let munged = Self.mungedWhitespace(Array(text.unicodeScalars))
    let chunks = breakOnHyphens ? Self.wordChunks(munged) : Self.spaceChunks(munged)
    return wrapChunks(chunks)
  }

  /// `fill(text)`: the lines joined with `\n`.
  public func fill(_ text: String) -> String { wrap(text).joined(separator: "\n") }

  typealias Chunk = ArraySlice<Unicode.Scalar>

  private func length(_ chunk: Chunk) -> Int {
    switch measure {
    case .codePoints: return chunk.count
    case .displayCells: return DisplayWidth.of(scalars: Array(chunk))
    }
  }

  /// `_wrap_chunks` without indents or `max_lines`.
  private func wrapChunks(_ input: [Chunk]) -> [String] {
    let cells = measure == .displayCells
    var chunks = Array(input.reversed())
    var lines: [String] = []
    while !chunks.isEmpty {
      var line: [Chunk] = []
      var lineLength = 0
      // Leading white space goes, except on the first line.
      if !lines.isEmpty, let first = chunks.last, Self.isBlank(first, allowingEmpty: !cells) {
        chunks.removeLast()
      }
      while let chunk = chunks.last {
        let chunkLength = length(chunk)
        guard lineLength + chunkLength <= width else { break }
        line.append(chunk)
        lineLength += chunkLength
        chunks.removeLast()
      }
      if let chunk = chunks.last, length(chunk) > width {
        handleLongWord(&chunks, line: &line, lineLength: lineLength)
        lineLength = length(Self.joined(line)[...])
        if cells {
          while let last = chunks.last, last.isEmpty { chunks.removeLast() }
        }
      }
      if let last = line.last, Self.isBlank(last, allowingEmpty: !cells) {
        lineLength -= length(last)
        line.removeLast()
      }
      guard !line.isEmpty else { continue }
      var content = Self.joined(line)
      if cells {
        // wcwidth right-strips every line (as CPython does since gh-140627) and drops lines
        // left empty.
        while let last = content.last, PythonText.isSpace(last) { content.removeLast() }
        if content.isEmpty { continue }
      }
      // Scalar by scalar: appending the array at once is the standard library's generic code,
      // unspecialised.
      var text = ""
      for scalar in content { text.unicodeScalars.append(scalar) }
      lines.append(text)
    }
    return lines
  }

  /// `_handle_long_word`: cut the next chunk to what is left of the line, after its last hyphen
  /// in reach when there is one (and something other than hyphens before it).
  private func handleLongWord(_ chunks: inout [Chunk], line: inout [Chunk], lineLength: Int) {
    let spaceLeft = width < 1 ? 1 : width - lineLength
    guard breakLongWords else {
      if line.isEmpty { line.append(chunks.removeLast()) }
      return
    }
    let chunk = chunks[chunks.count - 1]
    var end: Int
    switch measure {
    case .codePoints:
      end = spaceLeft
      if breakOnHyphens, chunk.count > spaceLeft,
        let hyphen = Self.lastHyphen(in: chunk.prefix(spaceLeft))
      {
        end = hyphen + 1
      }
    case .displayCells:
      let fitting = Self.prefixFitting(chunk, width: spaceLeft)
      if breakOnHyphens, let hyphen = Self.lastHyphen(in: chunk.prefix(fitting)) {
        end = hyphen + 1
      } else {
        end = fitting
        // An empty line takes at least the first grapheme, however wide.
        if line.isEmpty,
          end == 0 || (end < chunk.count && DisplayWidth.of(scalars: Array(chunk.prefix(end))) == 0)
        {
          end = Graphemes.clusterEnd(Array(chunk), from: 0)
        }
      }
    }
    end = min(end, chunk.count)
    line.append(chunk.prefix(end))
    chunks[chunks.count - 1] = chunk.dropFirst(end)
  }

  /// The offset of the last `-` with something other than hyphens before it (`rfind('-') > 0`).
  private static func lastHyphen(in text: Chunk) -> Int? {
    guard let index = text.lastIndex(of: "-") else { return nil }
    let offset = index - text.startIndex
    guard offset > 0, text[text.startIndex..<index].contains(where: { $0 != "-" }) else {
      return nil
    }
    return offset
  }

  /// `_find_break_position`: how many code points of whole grapheme clusters (as wcwidth
  /// segments them) fit in `width` columns.
  private static func prefixFitting(_ chunk: Chunk, width: Int) -> Int {
    let text = Array(chunk)
    var used = 0
    var index = 0
    while index < text.count {
      let end = Graphemes.clusterEnd(text, from: index)
      let columns = DisplayWidth.of(scalars: Array(text[index..<end]))
      if used + columns > width { break }
      used += columns
      index = end
    }
    return index
  }

  private static func joined(_ chunks: [Chunk]) -> [Unicode.Scalar] {
    var result: [Unicode.Scalar] = []
    for chunk in chunks { result += chunk }
    return result
  }

  /// `chunk.strip() == ''` (the standard library, empty chunks included) or `chunk and not
  /// chunk.strip()` (wcwidth).
  private static func isBlank(_ chunk: Chunk, allowingEmpty: Bool) -> Bool {
    if chunk.isEmpty { return allowingEmpty }
    return chunk.allSatisfy(PythonText.isSpace)
  }

  /// `_munge_whitespace`: `expandtabs()`, then each of `\t\n\v\f\r` becomes a space.
  static func mungedWhitespace(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
    var result: [Unicode.Scalar] = []
    result.reserveCapacity(text.count)
    var column = 0
    for scalar in text {
      switch scalar {
      case "\t":
        let spaces = 8 - column % 8
        result += repeatElement(" ", count: spaces)
        column += spaces
      case "\n", "\r":
        result.append(" ")
        column = 0
      case "\u{0B}", "\u{0C}":
        result.append(" ")
        column += 1
      default:
        result.append(scalar)
        column += 1
      }
    }
    return result
  }

  /// `wordsep_simple_re.split`: runs of spaces and runs of anything else.
  static func spaceChunks(_ text: [Unicode.Scalar]) -> [Chunk] {
    var chunks: [Chunk] = []
    var start = 0
    while start < text.count {
      let space = text[start] == " "
      var end = start + 1
      while end < text.count, (text[end] == " ") == space { end += 1 }
      chunks.append(text[start..<end])
      start = end
    }
    return chunks
  }

  /// `wordsep_re.split`, matched as Python's regular expression engine matches it:
  ///
  ///     ( \s+                                       # white space
  ///     | (?<=[\w!"'&.,?]) -{2,} (?=\w)             # an em-dash between words
  ///     | \S+? (?: -(?: (?<=L{2}-) | (?<=L-L-)) (?=L-?L)   # a word up to a hyphen joining letters
  ///              | (?=\s|\Z)                        # a word up to white space or the end
  ///              | (?<=[\w!"'&.,?]) (?=-{2,}\w) ) ) # a word up to an em-dash
  ///
  /// with `L` a letter (`[^\d\W]`) and white space only `[\t\n\v\f\r ]` (all spaces by now).
  static func wordChunks(_ text: [Unicode.Scalar]) -> [Chunk] {
    let count = text.count
    func at(_ index: Int) -> Unicode.Scalar? { index >= 0 && index < count ? text[index] : nil }
    func isLetter(_ index: Int) -> Bool { at(index).map(PythonText.isLetter) ?? false }
    func isWord(_ index: Int) -> Bool { at(index).map(PythonText.isWordCharacter) ?? false }
    func isWordPunctuation(_ index: Int) -> Bool {
      guard let scalar = at(index) else { return false }
      return PythonText.isWordCharacter(scalar) || "!\"'&.,?".unicodeScalars.contains(scalar)
    }
    /// `-{2,}\w` at `index`: the end of the hyphens.
    func emDash(at index: Int) -> Int? {
      var end = index
      while at(end) == "-" { end += 1 }
      return end - index >= 2 && isWord(end) ? end : nil
    }

    var chunks: [Chunk] = []
    var start = 0
    while start < count {
      var end = start + 1
      if text[start] == " " {
        while end < count, text[end] == " " { end += 1 }
      } else if isWordPunctuation(start - 1), let dashEnd = emDash(at: start) {
        end = dashEnd
      } else {
        // The lazy `\S+?`: the shortest run after which one of the three endings matches.
        var next = start + 1
        while true {
          if at(next) == "-",
            (isLetter(next - 2) && isLetter(next - 1))
              || (isLetter(next - 3) && at(next - 2) == "-" && isLetter(next - 1)),
            isLetter(next + 1), isLetter(next + 2) || (at(next + 2) == "-" && isLetter(next + 3))
          {
            end = next + 1
            break
          }
          if next == count || text[next] == " " {
            end = next
            break
          }
          if isWordPunctuation(next - 1), emDash(at: next) != nil {
            end = next
            break
          }
          next += 1
        }
      }
      chunks.append(text[start..<end])
      start = end
    }
    return chunks
  }
}
