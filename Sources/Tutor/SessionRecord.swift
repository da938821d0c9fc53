import Check
import Foundation

/// A tutorial session written as a walkthrough page (Markdown): the commands the learner ran,
/// in order, each with what it printed, under the heading of the step it ran as, with the
/// directives that make `walkthrough check` run it on the same cloud at the same width. Checked,
/// it matches: the same cloud gives the same answers to the same commands.
public struct SessionRecord {
  public var title: String
  /// The cloud file the session ran on, as a path `check` can open from the page's directory.
  public var cloudFile: String?
  public var width: Int?
  public var commands: [RecordedCommand]
  /// The headings of the page's steps, by step.
  public var headings: [Int: String]

  public init(title: String, cloudFile: String?, width: Int?, commands: [RecordedCommand], headings: [Int: String]) {
    self.title = title
    self.cloudFile = cloudFile
    self.width = width
    self.commands = commands
    self.headings = headings
  }

  public var markdown: String {
    var text = "# \(title): a session\n\n"
    if let cloudFile { text += "<!-- walkthrough: cloud \(cloudFile) -->\n" }
    if let width { text += "<!-- walkthrough: width \(width) -->\n" }
    text += "\nWhat was typed, and what the fake cloud answered, as `walkthrough tutor` recorded it.\n"
    for command in commands {
      let title = command.step.map { "Step \($0 + 1)" + (headings[$0].map { ": \($0)" } ?? "") } ?? "A command of my own"
      text += "\n## \(title)\n\n"
      for (name, value) in command.environment { text += "<!-- walkthrough: env \(name)=\(value) -->\n\n" }
      let output = command.output.isSimulated ? command.output.standardOutput + command.output.standardError : ""
      var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
      while lines.last?.isEmpty == true { lines.removeLast() }
      // A fence longer than any run of backquotes in the block.
      let longest = ([command.line] + lines).map { Self.longestBackquoteRun($0) }.max() ?? 0
      let fence = String(repeating: "`", count: max(3, longest + 1))
      text += "\(fence)console\n$ \(command.line)\n" + lines.map { $0 + "\n" }.joined() + "\(fence)\n"
    }
    return text
  }

  private static func longestBackquoteRun(_ line: String) -> Int {
    var longest = 0
    var run = 0
    for character in line {
      run = character == "`" ? run + 1 : 0
      longest = max(longest, run)
    }
    return longest
  }
}

extension Tutorial {
  /// The session so far as a page.
  /// - Parameter cloudFile: the cloud file given for a page that names none.
  public func sessionRecord(cloudFile: String?) -> SessionRecord {
    let cloud = (page.plan.cloudFile ?? cloudFile).map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    var headings: [Int: String] = [:]
    for (index, step) in page.walkthrough.steps.enumerated() { headings[index] = step.context.heading }
    return SessionRecord(
      title: title, cloudFile: cloud, width: commandWidth ?? page.terminalWidth, commands: record, headings: headings)
  }
}
