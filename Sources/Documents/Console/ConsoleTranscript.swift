/// A command of a console transcript and the output the page shows for it.
public struct ConsoleCommand: Equatable, Sendable {
  /// The line of the prompt.
  public var line: Int
  /// The prompt as written (`clouduser1@client:~$`).
  public var prompt: String
  /// The command as the shell sees it, continuation lines joined with single spaces.
  public var command: String
  /// The lines the command occupies, prompt line first.
  public var commandLines: ClosedRange<Int>
  /// The documented output, trailing blank lines dropped.
  public var output: [String]
  /// The lines the documented output occupies; `nil` when the page shows no output.
  public var outputLines: ClosedRange<Int>?

  public init(
    line: Int, prompt: String, command: String, commandLines: ClosedRange<Int>, output: [String],
    outputLines: ClosedRange<Int>?
  ) {
    self.line = line
    self.prompt = prompt
    self.command = command
    self.commandLines = commandLines
    self.output = output
    self.outputLines = outputLines
  }
}

/// Splits a console block into commands and their documented output.
public enum ConsoleTranscript {
  /// The commands of a transcript. A command continues over lines that end in `\`, over lines
  /// that start with the secondary prompt `> `, and, for `openstack`, over indented lines that
  /// start with an option right after it (a page that wraps a long command without `\`, as a
  /// reader reads it); its output is every line up to the next prompt. Lines before the first
  /// prompt belong to no command.
  ///
  /// A bare `# ` starts a command only in transcripts whose first prompt is a bare `#`: after a
  /// `$` prompt it is far more often a comment in the output (a configuration file, a script).
  /// Comment lines that end an `openstack` command's output are not its output: they comment on
  /// what follows.
  public static func commands(in block: [SourceLine]) -> [ConsoleCommand] {
    let lines = dedented(block)
    guard let first = lines.firstIndex(where: { Prompt(Substring($0.text)) != nil }) else {
      return []
    }
    let rootTranscript = Prompt(Substring(lines[first].text))?.text == "#"
    func promptStarting(_ index: Int) -> Prompt? {
      guard let prompt = Prompt(Substring(lines[index].text)) else { return nil }
      return prompt.text == "#" && !rootTranscript ? nil : prompt
    }
    var commands: [ConsoleCommand] = []
    var index = first
    while index < lines.endIndex, let prompt = promptStarting(index) {
      let start = index
      var parts = [String(prompt.command)]
      var continues = endsWithBackslash(prompt.command)
      index += 1
      while index < lines.endIndex {
        let text = Substring(lines[index].text)
        if continues || (parts[0].hasPrefix("openstack ") && isIndentedOption(text)) {
          parts.append(String(text))
        } else if let secondary = secondaryPromptText(text) {
          parts.append(String(secondary))
        } else {
          break
        }
        continues = endsWithBackslash(text)
        index += 1
      }
      let commandEnd = index - 1
      while index < lines.endIndex, promptStarting(index) == nil { index += 1 }
      var outputEnd = index
      // `# configure guest node 0` before the next command comments on it: the client prints no
      // line that begins so.
      let isOpenStack = parts[0].hasPrefix("openstack ")
      while outputEnd > commandEnd + 1,
        isBlank(lines[outputEnd - 1].text) || (isOpenStack && isComment(lines[outputEnd - 1].text))
      {
        outputEnd -= 1
      }
      let output = lines[(commandEnd + 1)..<outputEnd]
      commands.append(
        ConsoleCommand(
          line: lines[start].number,
          prompt: prompt.text,
          command: joined(parts),
          commandLines: lines[start].number...lines[commandEnd].number,
          output: output.map(\.text),
          outputLines: output.isEmpty ? nil : output.first!.number...output.last!.number
        ))
    }
    return commands
  }

  /// The block with its common indentation removed, so that prompts stand at the line start.
  private static func dedented(_ lines: [SourceLine]) -> [SourceLine] {
    let indents = lines.lazy.filter { !isBlank($0.text) }.map(\.text.leadingSpaces)
    guard let common = indents.min(), common > 0 else { return lines }
    return lines.map { SourceLine(number: $0.number, text: String($0.text.dropFirst(common))) }
  }

  private static func secondaryPromptText(_ line: Substring) -> Substring? {
    if line == ">" { return "" }
    return line.hasPrefix("> ") ? line.dropFirst(2) : nil
  }

  /// `    --name myshare`: indented, then an option.
  private static func isIndentedOption(_ text: Substring) -> Bool {
    let trimmed = text.drop { $0 == " " || $0 == "\t" }
    return trimmed.startIndex > text.startIndex && trimmed.hasPrefix("-") && trimmed.dropFirst().first.map { $0.isLetter || $0 == "-" } == true
  }

  private static func endsWithBackslash(_ text: Substring) -> Bool {
    text.withUTF8Bytes { bytes in bytes.last { $0 != 0x20 && $0 != 0x09 } == UInt8(ascii: "\\") }
  }

  /// Joins command parts as the shell reads them: a trailing backslash and the surrounding spaces
  /// become one space.
  /// Appended one by one: `joined(separator:)` over substrings is the standard library's generic
  /// code, unspecialised.
  private static func joined(_ parts: [String]) -> String {
    var joined = ""
    for part in parts {
      var trimmed = Substring(part).trimmingSpaces
      if trimmed.hasSuffix("\\") { trimmed = trimmed.dropLast().trimmingSpaces }
      guard !trimmed.isEmpty else { continue }
      if !joined.isEmpty { joined += " " }
      joined.append(contentsOf: trimmed)
    }
    return joined
  }

  private static func isBlank(_ text: String) -> Bool { text.isBlankLine }

  /// `# text` or a bare `#`.
  private static func isComment(_ text: String) -> Bool { text == "#" || text.hasPrefix("# ") }
}
