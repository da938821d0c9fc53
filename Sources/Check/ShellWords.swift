/// A console line read as a POSIX shell reads a simple command: words split on blanks, single
/// and double quotes, backslash escapes, `$NAME` and `${NAME}` expanded from the session's
/// variables. Anything a simple command cannot hold (pipes, redirections, lists, substitutions,
/// globs) makes the line unsupported: the session never runs it.
enum ShellWords {
  enum Failure: Error, Equatable {
    /// The line uses shell syntax beyond a simple command; the text names it.
    case unsupported(String)
    case unterminatedQuote
    /// `$NAME` where the page never gave NAME a value: a placeholder for the reader to fill in.
    case unsetVariable(String)
  }

  static func split(_ line: String, variables: [String: String]) throws(Failure) -> [String] {
    var words: [String] = []
    var current = String.UnicodeScalarView()
    var inWord = false
    // Code points, not `Character`s: a shell splits bytes, and grapheme breaking is slow.
    var characters = Array(line.unicodeScalars)[...]
    func expand() throws(Failure) {
      var name = String.UnicodeScalarView()
      if characters.first == "{" {
        characters = characters.dropFirst()
        while let next = characters.first, next != "}" {
          name.append(next)
          characters = characters.dropFirst()
        }
        guard characters.first == "}" else { throw .unsupported("${") }
        characters = characters.dropFirst()
      } else {
        while let next = characters.first, next.properties.isAlphabetic || next.properties.numericType != nil || next == "_" {
          name.append(next)
          characters = characters.dropFirst()
        }
      }
      if name.isEmpty { throw .unsupported("$") }
      guard let value = variables[String(name)] else { throw .unsetVariable(String(name)) }
      current += value.unicodeScalars
      inWord = true
    }
    while let character = characters.first {
      characters = characters.dropFirst()
      switch character {
      case " ", "\t":
        if inWord { words.append(String(current)) }
        current = String.UnicodeScalarView()
        inWord = false
      case "\\":
        if let next = characters.first {
          current.append(next)
          characters = characters.dropFirst()
        }
        inWord = true
      case "'":
        guard let close = characters.firstIndex(of: "'") else { throw .unterminatedQuote }
        current += characters[..<close]
        characters = characters[(close + 1)...]
        inWord = true
      case "\"":
        inWord = true
        var closed = false
        while let next = characters.first {
          characters = characters.dropFirst()
          if next == "\"" {
            closed = true
            break
          }
          if next == "\\", let escaped = characters.first, "$`\"\\".unicodeScalars.contains(escaped) {
            current.append(escaped)
            characters = characters.dropFirst()
          } else if next == "$" {
            try expand()
          } else if next == "`" {
            throw .unsupported("`")
          } else {
            current.append(next)
          }
        }
        if !closed { throw .unterminatedQuote }
      case "$":
        if characters.first == "(" { throw .unsupported("$(") }
        try expand()
      case "|", "&", ";", "<", ">", "`", "(", ")", "*", "?":
        throw .unsupported(String(character))
      case "#" where !inWord:
        characters = characters.dropFirst(characters.count)
      default:
        current.append(character)
        inWord = true
      }
    }
    if inWord { words.append(String(current)) }
    return words
  }
}
