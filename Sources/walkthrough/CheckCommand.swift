import ArgumentParser
import Check
import CloudAPI
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

  enum Format: String, ExpressibleByArgument, CaseIterable {
    /// Findings and a summary line per page.
    case text
    /// One JSON object per command.
    case json
    /// GitHub Actions workflow annotations for drift and failures.
    case github
  }

  @OptionGroup var pages: PageOptions

  @Option(help: "The terminal width the pages' output was captured at; none: no wrapping.")
  var width: Int?

  @Option(help: "text: findings and a summary per page; json: one object per command; github: workflow annotations.")
  var format: Format = .text

  func run() throws {
    var failing = false
    for walkthrough in try pages.walkthroughs() {
      let start = ContinuousClock.now
      let results = PageCheck.run(walkthrough, terminalWidth: width)
      let elapsed = ContinuousClock.now - start
      var counts: [String: Int] = [:]
      for result in results { counts[Self.kind(result.outcome), default: 0] += 1 }
      failing = failing || counts["drift", default: 0] + counts["failed", default: 0] > 0
      switch format {
      case .json:
        for result in results { print(Self.json(result, file: walkthrough.file).pythonCompact) }
        continue
      case .github:
        for result in results {
          if let annotation = Self.annotation(result, file: walkthrough.file) { print(annotation) }
        }
        continue
      case .text:
        break
      }
      for result in results {
        let report = Self.report(result, file: walkthrough.file)
        if !report.isEmpty { print(report) }
      }
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

  /// `{"file", "line", "command", "outcome", "differences"|"status"|"message"|"reason"}`.
  static func json(_ result: StepResult, file: String) -> JSON {
    var fields: JSONObject = [
      "file": .string(file), "line": .int(result.step.command.line), "command": .string(result.step.command.command),
      "outcome": .string(kind(result.outcome)),
    ]
    switch result.outcome {
    case .matched: break
    case .drift(let differences):
      fields["differences"] = .array(
        differences.map { difference in
          .object([
            "side": .string(difference.side == .documented ? "documented" : "printed"),
            "line": .int(difference.line), "text": .string(difference.text),
          ])
        })
    case .failed(let status, let message):
      fields["status"] = .int(Int(status))
      fields["message"] = .string(message)
    case .notSimulated(let reason):
      fields["reason"] = .string(reason)
    }
    return .object(fields)
  }

  /// A GitHub Actions annotation (`::error file=…,line=…::…`) for drift and failures.
  static func annotation(_ result: StepResult, file: String) -> String? {
    let command = result.step.command
    let message: String
    switch result.outcome {
    case .matched, .notSimulated: return nil
    case .failed(let status, let text): message = "\(command.command) exited with status \(status): \(text)"
    case .drift(let differences):
      let documented = differences.filter { $0.side == .documented }.count
      let printed = differences.count - documented
      message = "\(command.command): output drifts from the page (\(documented) documented lines differ, \(printed) printed lines differ)"
    }
    // Workflow commands escape %, CR and LF in the message, and also `,` and `:` in properties.
    let escapedMessage = message.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
      .replacingOccurrences(of: "\n", with: "%0A")
    let escapedFile = file.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: ",", with: "%2C")
      .replacingOccurrences(of: ":", with: "%3A")
    return "::error file=\(escapedFile),line=\(command.line)::\(escapedMessage)"
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
