import Documents

/// osc-lib's password prompt (`--password-prompt`): `getpass` writes `User Password:` and
/// `Repeat User Password:` to the terminal, not to standard output, and a page that shows them
/// shows a person typing a password there. Such a command runs with a password typed (the same
/// both times), and its documented output is compared without the prompts.
enum PasswordPrompts {
  static let prompts = ["User Password:", "Repeat User Password:"]
  /// What the page's person typed: the page never shows it.
  static let typed = "typed-at-the-prompt"

  /// Whether the page has a person answer the command's prompts: its output begins with them
  /// (after blank lines), or it shows none (what to type, at a terminal), for a command line
  /// that asks for them.
  static func answered(_ command: ConsoleCommand, words: [String]) -> Bool {
    guard words.contains("--password-prompt") else { return false }
    return command.output.allSatisfy { $0.allSatisfy(\.isWhitespace) } || !shownPrompts(command.output).isEmpty
  }

  /// The documented output without the prompts and the blank lines around them.
  static func withoutPrompts(_ output: [String]) -> [String] {
    Array(output.dropFirst(shownPrompts(output).count))
  }

  /// The page's lines of the prompts, with the blank lines around them, that begin its output
  /// (none when it shows no prompts): a rewritten output keeps them before what was printed.
  static func shownPrompts(_ output: [String]) -> [String] {
    let blank = { (line: String) in line.allSatisfy(\.isWhitespace) }
    let leading = output.prefix(while: blank).count
    let shown = output.dropFirst(leading).prefix(prompts.count)
    guard shown.count == prompts.count, zip(shown, prompts).allSatisfy({ $0.hasPrefix($1) }) else { return [] }
    let after = output.dropFirst(leading + prompts.count).prefix(while: blank).count
    return Array(output.prefix(leading + prompts.count + after))
  }
}
