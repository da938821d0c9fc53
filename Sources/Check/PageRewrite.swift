import Documents

/// A page with the documented output of its drifting commands rewritten from what they printed,
/// and nothing else touched: the page's own IDs and times where they were bound, its indentation,
/// its tables wrapped at the width they were captured at, the output of every command that
/// matched, was skipped, is not simulated or is expected to drift left as it is.
public struct PageRewrite: Equatable, Sendable {
  /// A command whose output drifts but cannot be rewritten, and why.
  public struct Refusal: Equatable, Sendable {
    /// The line of the command's prompt.
    public var line: Int
    public var reason: String
  }

  /// A command's output rewritten.
  public struct Change: Equatable, Sendable {
    /// The line of the command's prompt.
    public var line: Int
    /// The page's lines that go, from the first line of the documented output (or where it
    /// would start) on.
    public var firstLine: Int
    public var removed: [String]
    public var added: [String]
  }

  /// The page's new text.
  public private(set) var text: String
  /// The commands whose output was rewritten, in page order.
  public private(set) var changes: [Change] = []
  public private(set) var refused: [Refusal] = []
  /// The lines of the `expect-drift` directives removed because their block no longer drifts.
  public private(set) var removedDirectives: [Int] = []

  /// Runs the page as check does and rewrites `text`, the text it was read from.
  public static func rewriting(_ walkthrough: Walkthrough, text: String, settings: CheckSettings) throws(DocumentError)
    -> PageRewrite
  {
    var run = try PageCheck.runKeepingOutput(walkthrough, settings: settings)
    // Tables the page wrapped are printed again at the page's width: the cloud is the same on
    // every run, so the second run prints the same, wrapped as the page wraps it.
    let widths = captureWidths(of: run)
    if !widths.isEmpty { run = try PageCheck.runKeepingOutput(walkthrough, settings: settings, widths: widths) }
    return PageRewrite(text: text, walkthrough: walkthrough, run: run)
  }

  /// The terminal widths to run some commands at so that their tables come out as the page
  /// wrapped them: for each drifting command whose documented table is wrapped, the width cliff
  /// wraps the page's own table at, when it is not the width the page ran at.
  static func captureWidths(of run: PageRun) -> [Int: Int] {
    var widths: [Int: Int] = [:]
    for (index, result) in run.results.enumerated() where result.outcome.needsRewrite {
      let documented = result.step.command.output.map { String($0.trimmingSuffix(" ")) }
      if let width = WidthInference.captureWidth(of: documented), width != run.terminalWidth {
        widths[index] = width
      }
    }
    return widths
  }

  /// Rewrites the output of the commands of `run` that drifted or failed in `text`, the text
  /// the page was read from.
  init(text: String, walkthrough: Walkthrough, run: PageRun) {
    self.text = text
    // Split at line feeds as bytes: as characters, a carriage return and a line feed are one.
    var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
      String(Substring($0))
    }
    var replacements: [(range: Range<Int>, lines: [String])] = []
    for (index, result) in run.results.enumerated() where result.outcome.needsRewrite {
      guard let printed = run.printed[index] else { continue }
      let command = result.step.command
      // The page shows what to type: an error is not output to document, the command is to fix.
      if case .failed = result.outcome, command.outputLines == nil {
        refused.append(Refusal(line: command.line, reason: "the command fails, and the page shows no output to rewrite"))
        continue
      }
      let kind = walkthrough.blocks.first { $0.line == result.step.block }?.kind
      // The password prompts the page shows were the terminal's: they stay before the output.
      let prompts =
        command.command.split(separator: " ").contains("--password-prompt") ? PasswordPrompts.shownPrompts(command.output) : []
      switch Self.replacement(for: command, in: kind, lines: lines, printed: prompts + printed.map(run.bindings.documented)) {
      case .success(let replacement):
        replacements.append(replacement)
        changes.append(
          Change(
            line: command.line, firstLine: replacement.range.lowerBound + 1, removed: Array(lines[replacement.range]),
            added: replacement.lines))
      case .failure(let refusal):
        refused.append(Refusal(line: command.line, reason: refusal.reason))
      }
    }
    for result in run.results {
      guard case .driftGone = result.outcome else { continue }
      switch Self.directiveRemoval(before: result.step.command.line, in: walkthrough, lines: lines) {
      case .success(let removal):
        replacements.append(removal)
        removedDirectives.append(removal.range.lowerBound + 1)
      case .failure(let refusal):
        refused.append(Refusal(line: result.step.command.line, reason: refusal.reason))
      }
    }
    // From the end, so that the lines of earlier replacements stay where they are.
    for replacement in replacements.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }).reversed() {
      lines.replaceSubrange(replacement.range, with: replacement.lines)
    }
    if !replacements.isEmpty { self.text = lines.joined(separator: "\n") }
  }

  /// The file lines (0-based) of the `expect-drift` directive that governs the block of the
  /// command at `commandLine`, with the blank line after it when one is before it too.
  private static func directiveRemoval(before commandLine: Int, in walkthrough: Walkthrough, lines: [String])
    -> Result<(range: Range<Int>, lines: [String]), Unrewritable>
  {
    let cannot = Unrewritable(reason: "the drift is gone, and the expect-drift directive could not be found to remove: remove it by hand")
    guard
      let directive = walkthrough.directives.last(where: { $0.line < commandLine && $0.text.hasPrefix("expect-drift") }),
      directive.line <= lines.count, lines[directive.line - 1].contains("walkthrough:")
    else { return .failure(cannot) }
    let start = directive.line - 1
    let first = lines[start]
    var end = start + 1
    if walkthrough.syntax == .markdown {
      // The comment runs to its `-->`.
      guard !first.contains("-->") else { return .success((removingBlank(start..<end, lines), [])) }
      while end < lines.count, !lines[end - 1].contains("-->") { end += 1 }
      guard lines[end - 1].contains("-->") else { return .failure(cannot) }
    } else {
      // The comment runs on over the lines indented more than its `..`, blank lines between them.
      let indent = first.prefix { $0 == " " }.count
      var next = end
      while next < lines.count {
        let line = lines[next]
        if line.allSatisfy(\.isWhitespace) {
          next += 1
          continue
        }
        guard line.prefix(while: { $0 == " " }).count > indent else { break }
        next += 1
        end = next
      }
    }
    return .success((removingBlank(start..<end, lines), []))
  }

  /// `range` and the blank line after it, when the line before it is blank too (or it starts the
  /// file): the paragraphs around it stay one blank line apart.
  private static func removingBlank(_ range: Range<Int>, _ lines: [String]) -> Range<Int> {
    let blank = { (index: Int) in lines[index].allSatisfy { $0.isWhitespace } }
    guard range.upperBound < lines.count, blank(range.upperBound), range.lowerBound == 0 || blank(range.lowerBound - 1)
    else { return range }
    return range.lowerBound..<(range.upperBound + 1)
  }

  struct Unrewritable: Error {
    var reason: String
  }

  /// The file lines (0-based, end exclusive) a command's documented output occupies, and the
  /// lines to put there: the printed ones, indented as the command is.
  private static func replacement(
    for command: ConsoleCommand, in kind: LiteralBlock.Kind?, lines: [String], printed: [String]
  ) -> Result<(range: Range<Int>, lines: [String]), Unrewritable> {
    guard kind != .parsedLiteral else {
      return .failure(Unrewritable(reason: "a parsed-literal block's text is rendered from markup"))
    }
    let lastLine = command.outputLines?.upperBound ?? command.commandLines.upperBound
    guard lastLine <= lines.count else {
      return .failure(Unrewritable(reason: "the command's lines are not the file's lines"))
    }
    let promptLine = lines[command.commandLines.lowerBound - 1]
    // A line that ends in a carriage return keeps it: the page's line endings stay.
    let carriageReturn = promptLine.hasSuffix("\r") ? "\r" : ""
    guard let prompt = promptLine.range(of: command.prompt) else {
      return .failure(Unrewritable(reason: "the prompt is not on the prompt's line"))
    }
    let indentation = String(promptLine[..<prompt.lowerBound])
    let range: Range<Int>
    if let outputLines = command.outputLines {
      range = (outputLines.lowerBound - 1)..<outputLines.upperBound
      for (documented, fileLine) in zip(command.output, lines[range]) {
        guard documented.isEmpty || fileLine.trimmingSuffix("\r").hasSuffix(documented) else {
          return .failure(Unrewritable(reason: "the page's output is not its file's text (tabs?)"))
        }
      }
    } else {
      range = command.commandLines.upperBound..<command.commandLines.upperBound
    }
    let replacement = printed.map { $0.isEmpty ? carriageReturn : indentation + $0 + carriageReturn }
    return .success((range, replacement))
  }
}

extension StepOutcome {
  /// Whether the page's output for the command is to be rewritten: it drifted or failed, and
  /// the page does not say it is expected to.
  var needsRewrite: Bool {
    switch self {
    case .drift, .failed: true
    default: false
    }
  }
}
