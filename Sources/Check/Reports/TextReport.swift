import Foundation

/// The report for people: one finding per command that did not match, each with its page's file
/// and line, and a line of counts per page. Colour, when on, marks what fails in red and what is
/// only noted in yellow.
public struct TextReport: Sendable {
  public var colour: Bool

  public init(colour: Bool) {
    self.colour = colour
  }

  /// Colour when standard output is a terminal and `NO_COLOR` is not set to something (see
  /// no-color.org) and the terminal is not a dumb one.
  public static func colourByDefault(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
    isatty(STDOUT_FILENO) == 1 && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
  }

  public func render(_ page: PageReport) -> String {
    if let error = page.error {
      return paint("\(error.file)\(error.line.map { ":\($0)" } ?? ""): error:", .red) + " \(error.reason)\n"
    }
    var text = ""
    for result in page.results {
      let finding = self.finding(result, file: page.file)
      if !finding.isEmpty { text += finding + "\n" }
    }
    let counts = page.counts.map { "\($0.count) \($0.kind.rawValue)" }
    let summary =
      "\(page.file): \(counted(page.results.count, "command")): \(counts.isEmpty ? "none" : counts.joined(separator: ", "))"
      + " (\(String(format: "%.2f", page.seconds)) s)"
    return text + paint(summary, page.fails ? .red : .plain) + "\n"
  }

  /// How many lines of each side a line-by-line drift shows; the JSON report has them all.
  static let shownLines = 10

  /// What the report says of one command: its notes, then its outcome unless it matched or ran.
  public func finding(_ result: StepResult, file: String) -> String {
    let place = "\(file):\(result.step.command.line)"
    let notes = result.notes.map { paint("\(place): note:", .yellow) + " \($0)" }
    let finding = self.outcome(result, place: place, file: file)
    return (notes + (finding.isEmpty ? [] : [finding])).joined(separator: "\n")
  }

  private func outcome(_ result: StepResult, place: String, file: String) -> String {
    let command = result.step.command
    switch result.outcome {
    case .matched, .ran:
      return ""
    case .notSimulated(let reason):
      return paint("\(place): not simulated:", .yellow) + " \(command.command) (\(reason))"
    case .skipped(let reason):
      return paint("\(place): skipped:", .yellow) + " \(command.command)\(reason.isEmpty ? "" : " (\(reason))")"
    case .expectedDrift(let reason, _):
      return paint("\(place): expected drift:", .yellow) + " \(command.command) (\(reason))"
    case .driftGone(let reason):
      return paint("\(place): drift gone:", .red)
        + " \(command.command): the page expects its block to drift (\(reason)), and it no longer does;"
        + " remove the directive"
    case .failed(let status, let message):
      return paint("\(place): failed:", .red) + " \(command.command) exited with status \(status): \(message)"
    case .drift(let differences):
      var lines = [paint("\(place): drift:", .red) + " \(command.command)"]
      for side in [Difference.Side.explained, .documented, .actual] {
        let shown = differences.filter { $0.side == side }
        for difference in shown.prefix(side == .explained ? shown.count : Self.shownLines) {
          lines.append(paint("  " + difference.rendered(file: file), side == .actual ? .green : .red))
        }
        if side != .explained && shown.count > Self.shownLines {
          lines.append("  … and \(shown.count - Self.shownLines) more \(side == .actual ? "printed" : "page") lines")
        }
      }
      return lines.joined(separator: "\n")
    }
  }

  private enum Colour: String {
    case plain = ""
    case red = "31"
    case green = "32"
    case yellow = "33"
  }

  private func paint(_ text: String, _ colour: Colour) -> String {
    guard self.colour, colour != .plain else { return text }
    return "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m"
  }
}

/// `1 command`, `2 commands`: a count and its noun, as people write them.
public func counted(_ count: Int, _ noun: String) -> String {
  "\(count) \(noun)\(count == 1 ? "" : "s")"
}
