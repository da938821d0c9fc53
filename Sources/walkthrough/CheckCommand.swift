import ArgumentParser
import Check
import Documents
import FakeCloud
import Foundation

/// `walkthrough check`: runs every page in a fresh cloud and reports where what the commands
/// print differs from what the page shows.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Run the pages' commands against a fake cloud and report where their output drifts from the page.",
    discussion: """
      Exit status: 0 when every command printed what its page shows (commands that are not \
      simulated are listed, not counted as drift), 1 when any drifted or failed, 2 for bad usage \
      or unreadable input.
      """
  )

  @OptionGroup var pages: PageOptions

  @Option(help: "The terminal width the pages' output was captured at; none: no wrapping.")
  var width: Int?

  func run() throws {
    var failing = false
    for walkthrough in try pages.walkthroughs() {
      let start = ContinuousClock.now
      let results = PageCheck.run(walkthrough, terminalWidth: width)
      let elapsed = ContinuousClock.now - start
      for result in results {
        let report = Self.report(result, file: walkthrough.file)
        if !report.isEmpty { print(report) }
      }
      var counts: [String: Int] = [:]
      for result in results { counts[Self.kind(result.outcome), default: 0] += 1 }
      failing = failing || counts["drift", default: 0] + counts["failed", default: 0] > 0
      let summary = ["matched", "drift", "failed", "not simulated"].compactMap { kind in
        counts[kind].map { "\($0) \(kind)" }
      }
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      print(
        "\(walkthrough.file): \(results.count) commands: \(summary.isEmpty ? "none" : summary.joined(separator: ", ")) (\(String(format: "%.2f", seconds)) s)"
      )
    }
    if failing { throw ExitCode(1) }
  }

  static func kind(_ outcome: StepOutcome) -> String {
    switch outcome {
    case .matched: "matched"
    case .drift: "drift"
    case .failed: "failed"
    case .notSimulated: "not simulated"
    }
  }

  /// One finding, with the page's file and line; nothing for a match.
  static func report(_ result: StepResult, file: String) -> String {
    let command = result.step.command
    let place = "\(file):\(command.line)"
    switch result.outcome {
    case .matched:
      return ""
    case .notSimulated(let reason):
      return "\(place): not simulated: \(command.command) (\(reason))"
    case .failed(let status, let message):
      return "\(place): failed: \(command.command) exited with status \(status): \(message)"
    case .drift(let differences):
      var lines = ["\(place): drift: \(command.command)"]
      for difference in differences {
        switch difference.side {
        case .documented: lines.append("  - \(file):\(difference.line): \(difference.text)")
        case .actual: lines.append("  + printed line \(difference.line): \(difference.text)")
        }
      }
      return lines.joined(separator: "\n")
    }
  }
}
