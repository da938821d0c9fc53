import Check
import Documents

/// `walkthrough check`'s comparison of what a page documents with what a command prints.
enum ComparisonTargets {
  /// One check's settings for every input: the fresh cloud is made once and copied for each,
  /// as a check of many pages does.
  private static let settings = CheckSettings()

  /// Checks one page whose steps are `commands`, each documenting `input` as its output: the
  /// comparison reads the page's side (a table, JSON, YAML) as it reads a real page's.
  static func documentedOutput(_ input: [UInt8], of commands: [String]) {
    let block = LiteralBlock(
      kind: .fenced, line: 1, language: "console",
      lines: commands.enumerated().map { SourceLine(number: $0.offset + 1, text: "$ " + $0.element) }, context: StepContext())
    var walkthrough = Walkthrough(file: "fuzz.md", syntax: .markdown, blocks: [block])
    let output = OutputLines(input)
    for index in walkthrough.steps.indices {
      walkthrough.steps[index].command.output = output.lines
      walkthrough.steps[index].command.outputLines = output.numbers
    }
    _ = try? PageCheck.run(walkthrough, settings: settings)
  }

  /// Checks a whole Markdown page on devstack's cloud. Cloud files are left out: they are read
  /// from disk, and the `cloud-file` target fuzzes them.
  static func page(_ input: [UInt8]) {
    var walkthrough = WalkthroughReader.parse(FuzzTarget.text(input), file: "fuzz.md", syntax: .markdown)
    walkthrough.directives.removeAll { $0.text.hasPrefix("cloud") }
    _ = try? PageCheck.run(walkthrough, settings: settings)
  }

  /// The input's lines as a step's output, numbered as if they followed the command.
  struct OutputLines {
    var lines: [String]
    var numbers: ClosedRange<Int>?

    init(_ input: [UInt8]) {
      lines = FuzzTarget.text(input).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      numbers = lines.isEmpty ? nil : 2...(lines.count + 1)
    }
  }
}
