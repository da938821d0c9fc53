import ArgumentParser
import CloudAPI
import Documents

/// `walkthrough list`: the commands a page documents, where they stand and how much output the
/// page shows for each.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", _superCommandName: "walkthrough",
    abstract: "List the console commands that pages document."
  )

  enum Format: String, NamedChoices {
    case text
    case json
  }

  @OptionGroup var pages: PageOptions

  @Option(help: "text: one line per command; json: one JSON object per line.")
  var format: Format = .text

  @Flag(help: "List every literal and code block the reader finds, console or not, with its text.")
  var blocks = false

  func run() throws {
    for walkthrough in try pages.walkthroughs() {
      if blocks {
        for block in walkthrough.blocks {
          switch format {
          case .text: print(Self.textLine(block, file: walkthrough.file))
          case .json: print(Self.jsonLine(block, file: walkthrough.file).pythonCompact)
          }
        }
        continue
      }
      for step in walkthrough.steps {
        switch format {
        case .text: print(Self.textLine(step.command, file: walkthrough.file))
        case .json: print(Self.jsonLine(step.command, file: walkthrough.file).pythonCompact)
        }
      }
    }
  }

  static func textLine(_ command: ConsoleCommand, file: String) -> String {
    let count = command.output.count
    let output =
      switch count {
      case 0: "no output"
      case 1: "1 output line"
      default: "\(count) output lines"
      }
    return "\(file):\(command.line)  \(command.command)  (\(output))"
  }

  static func textLine(_ block: LiteralBlock, file: String) -> String {
    let language = block.language.map { " \($0)" } ?? ""
    let console = ConsoleBlock.isConsole(block) ? ", console" : ""
    return "\(file):\(block.line)  \(block.kind.rawValue)\(language)  (\(block.lines.count) lines\(console))"
  }

  /// The shape of the docutils and cmark-gfm block extractors' output, so the two compare line
  /// for line.
  static func jsonLine(_ block: LiteralBlock, file: String) -> JSON {
    .object([
      "file": .string(file),
      "line": .int(block.line),
      "language": block.language.map { .string($0) } ?? .null,
      "text": .string(block.text),
      "kind": .string(block.kind.rawValue),
    ])
  }

  static func jsonLine(_ command: ConsoleCommand, file: String) -> JSON {
    .object([
      "file": .string(file),
      "line": .int(command.line),
      "prompt": .string(command.prompt),
      "command": .string(command.command),
      "output_line_count": .int(command.output.count),
      "output_first_line": command.outputLines.map { .int($0.lowerBound) } ?? .null,
      "output_last_line": command.outputLines.map { .int($0.upperBound) } ?? .null,
    ])
  }
}
