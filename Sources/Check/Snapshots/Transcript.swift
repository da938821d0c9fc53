import Documents
import OpenStackCLI

/// A page's whole transcript as a snapshot records it: a header naming the page, the emulated
/// client, the cloud and the width, then each command in a console block of its own, with its
/// line on the page, the line as it ran, its standard output, its standard error and its exit
/// status. Plain text, one fact a line, so that a change of behaviour is a small diff in review:
///
///     # walkthrough snapshot of walkthroughs/nova-faults.md
///     # client: python-openstackclient 10.5.0, python-manilaclient 6.3.0
///     # cloud: walkthroughs/clouds/devstack-nova-small.yaml (sha224 0f1e…)
///     # width: none
///
///     ## line 17
///     $ openstack server create --flavor m1.large … vm2
///     ! Error creating server: vm2
///     exit status 1
///
/// Standard output lines start with two spaces (an empty one is an empty line), standard error
/// lines with `! `; `\ no newline at end` follows output that does not end with one, as in diff.
public struct Transcript: Equatable, Sendable {
  /// One command's block: its line on the page and the lines under its heading.
  public struct Entry: Equatable, Sendable {
    public var line: Int
    public var command: String
    public var body: [String]
  }

  public var header: [String]
  public var entries: [Entry]

  static let title = "# walkthrough snapshot of "
  static let headerFields = [title, "# client: ", "# cloud: ", "# width: "]
  static let noNewline = #"\ no newline at end"#

  /// The transcript of a page run.
  /// - Parameters:
  ///   - page: the page's path from the repository root.
  ///   - cloud: the cloud it ran on, as ``cloudDescription(file:digest:)`` names it.
  public init(page: String, cloud: String, walkthrough: Walkthrough, run: PageRun) {
    header = [
      Self.title + page,
      "# client: python-openstackclient \(EmulatedClient.pythonOpenStackClient), python-manilaclient \(EmulatedClient.pythonManilaClient)",
      "# cloud: " + cloud,
      "# width: " + (run.terminalWidth.map(String.init) ?? "none"),
    ]
    entries = zip(run.results, run.ran).map { result, ran in
      let command = result.step.command
      guard let ran else {
        let reason = if case .skipped(let reason) = result.outcome, !reason.isEmpty { ": \(reason)" } else { "" }
        return Entry(line: command.line, command: command.command, body: Self.commandLines(command.command) + ["skipped\(reason)"])
      }
      let body =
        Self.commandLines(ran.line) + Self.outputLines(ran.result.standardOutput, prefix: "  ")
        + Self.outputLines(ran.result.standardError, prefix: "! ") + ["exit status \(ran.result.exitStatus)"]
      return Entry(line: command.line, command: ran.line, body: body)
    }
  }

  /// `PATH (sha224 DIGEST)` for a cloud file, or the built-in cloud's name.
  public static func cloudDescription(file: String?, digest: String?) -> String {
    guard let file, let digest else { return "the built-in devstack cloud" }
    return "\(file) (sha224 \(digest))"
  }

  /// The transcript's text, every line ending with a newline.
  public var text: String {
    var lines = header
    for entry in entries {
      lines += ["", "## line \(entry.line)"] + entry.body
    }
    return lines.map { $0 + "\n" }.joined()
  }

  /// The command, a line continued on the next with `> ` when it holds a newline.
  private static func commandLines(_ command: String) -> [String] {
    let lines = command.split(separator: "\n", omittingEmptySubsequences: false)
    return ["$ " + lines[0]] + lines.dropFirst().map { "> " + $0 }
  }

  private static func outputLines(_ output: String, prefix: String) -> [String] {
    guard !output.isEmpty else { return [] }
    var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let endsWithNewline = lines.last == ""
    if endsWithNewline { lines.removeLast() }
    let marked = lines.map { $0.isEmpty ? String(prefix.trimmingSuffix(" ")) : prefix + $0 }
    return marked + (endsWithNewline ? [] : [noNewline])
  }
}

extension Transcript {
  /// Reads a snapshot file's text; anything that is not a transcript throws, naming the line.
  public init(parsing text: String, file: String) throws(DocumentError) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    func fail(_ line: Int, _ reason: String) -> DocumentError {
      DocumentError(
        file: file, line: line,
        reason: "not a walkthrough snapshot: \(reason) (accept the page's transcript again with --accept)")
    }
    guard lines.last == "" else { throw fail(lines.count, "the file does not end with a newline") }
    lines.removeLast()
    header = Array(lines.prefix(Self.headerFields.count))
    for (index, field) in Self.headerFields.enumerated() {
      guard index < header.count, header[index].hasPrefix(field) else {
        throw fail(index + 1, "expected a line starting '\(field)'")
      }
    }
    entries = []
    var index = header.count
    while index < lines.count {
      guard lines[index].isEmpty, index + 2 < lines.count else {
        throw fail(index + 1, "expected an empty line, then '## line N' and a command")
      }
      let heading = lines[index + 1]
      guard heading.hasPrefix("## line "), let line = Int(heading.dropFirst(8)), line > 0 else {
        throw fail(index + 2, "expected '## line N'")
      }
      guard lines[index + 2].hasPrefix("$ ") else { throw fail(index + 3, "expected '$ ' and the command") }
      var body: [String] = []
      var end = index + 2
      while true {
        guard end < lines.count else { throw fail(lines.count, "the command at line \(line) has no 'exit status' or 'skipped' line") }
        let bodyLine = lines[end]
        body.append(bodyLine)
        end += 1
        if bodyLine.hasPrefix("exit status ") || bodyLine == "skipped" || bodyLine.hasPrefix("skipped: ") { break }
        let known = ["  ", "! ", "> ", "$ "].contains { bodyLine.hasPrefix($0) } || ["", "!", Self.noNewline].contains(bodyLine)
        guard known else { throw fail(end, "a line that is neither output ('  ', '! '), nor 'exit status N'") }
      }
      guard body.last?.hasPrefix("exit status ") != true || Int32(body.last!.dropFirst(12)) != nil else {
        throw fail(end, "the exit status is not a number")
      }
      entries.append(Entry(line: line, command: String(body[0].dropFirst(2)), body: body))
      index = end
    }
  }
}
