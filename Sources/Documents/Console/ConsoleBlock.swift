/// Decides which literal blocks are console transcripts.
public enum ConsoleBlock {
  /// Languages that declare a transcript outright.
  static let consoleLanguages: Set<String> = ["console", "shell-session", "sh-session", "terminal"]
  /// Languages (and no language at all) whose blocks are transcripts when they open with a prompt.
  static let shellLanguages: Set<String> = ["bash", "sh", "shell", "text", "none", ""]

  /// Whether `block` is a console transcript: its language is a console language, or a shell or
  /// plain language and its first non-blank line starts with a prompt.
  ///
  /// In shell and plain blocks a leading `# ` reads as a comment, not as a root prompt: such blocks
  /// are scripts far more often than transcripts.
  public static func isConsole(_ block: LiteralBlock) -> Bool {
    let language = (block.language ?? "").lowercased()
    if consoleLanguages.contains(language) { return true }
    guard shellLanguages.contains(language),
      let first = block.lines.first(where: { !$0.text.isBlankLine }),
      let prompt = Prompt(Substring(first.text))
    else { return false }
    return !(prompt.isRoot && prompt.text == "#")
  }
}
