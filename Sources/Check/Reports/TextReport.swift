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
  public static func colourByDefault(
    environment: @autoclosure () -> [String: String] = ProcessInfo.processInfo.environment
  ) -> Bool {
    TerminalStyle.forOutput(environment: environment()).colour
  }

  public func render(_ page: PageReport) -> String {
    if let error = page.error {
      return paint("\(error.file)\(error.line.map { ":\($0)" } ?? ""): error:", .red) + " \(error.reason)\n"
    }
    var text = ""
    for result in page.results {
      let finding = render(result, file: page.file)
      if !finding.isEmpty { text += finding + "\n" }
    }
    let counts = page.counts.map { "\($0.count) \($0.kind.rawValue)" }
    let summary =
      "\(page.file): \(counted(page.results.count, "command")): \(counts.isEmpty ? "none" : counts.joined(separator: ", "))"
      + " (\(Seconds.text(page.seconds, places: 2)) s)"
    for finding in page.snapshotFindings {
      text += render(finding, page: page.file, snapshotFile: page.snapshot?.snapshotFile ?? "") + "\n"
    }
    return text + (page.fails ? paint(summary, .red) : summary) + "\n"
  }

  /// How many lines of each side a line-by-line drift shows; the JSON report has them all.
  static let shownLines = 10

  /// A command's notes and finding, a line each (its differences under it); empty for a
  /// command that matched without a note.
  public func render(_ result: StepResult, file: String) -> String {
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

  fileprivate func paint(_ text: String, _ attribute: TerminalStyle.Attribute) -> String {
    TerminalStyle(colour: colour).paint(text, attribute)
  }
}

/// `1 command`, `2 commands`: a count and its noun, as people write them.
public func counted(_ count: Int, _ noun: String) -> String {
  "\(count) \(noun)\(count == 1 ? "" : "s")"
}

extension TextReport {
  /// `page.md:17: snapshot changed: openstack server list`, and the command's diff under it.
  public func render(_ finding: SnapshotComparison.Finding, page: String, snapshotFile: String = "") -> String {
    let place = finding.line.map { "\(page):\($0)" } ?? page
    let title =
      switch finding.kind {
      case .missing: paint("\(page): snapshot missing:", .red) + " \(snapshotFile) (walkthrough snapshot writes it)"
      case .unreadable:
        paint("\(snapshotFile)\(finding.line.map { ":\($0)" } ?? ""): error:", .red) + " " + (finding.diff.first ?? "")
      case .header: paint("\(place): snapshot changed:", .red) + " its header (client, cloud file or width)"
      case .moved: paint("\(place): snapshot changed:", .red) + " the commands' lines on the page"
      case .changed: paint("\(place): snapshot changed:", .red) + " \(finding.command)"
      default: paint("\(place): snapshot changed:", .red) + " \(finding.command) (\(finding.kind.rawValue))"
      }
    guard finding.kind != .unreadable else { return title }
    return ([title] + finding.diff.prefix(Self.shownLines * 2).map { "  " + painted(diffLine: $0) }).joined(separator: "\n")
  }

  /// A unified diff, its removed lines red, added green and hunk headers cyan.
  public func painted(diff: String) -> String {
    diff.split(separator: "\n", omittingEmptySubsequences: false).map { painted(diffLine: String($0)) }.joined(separator: "\n")
  }

  private func painted(diffLine line: String) -> String {
    if line.hasPrefix("+++") || line.hasPrefix("---") { return paint(line, .bold) }
    if line.hasPrefix("@@") { return paint(line, .cyan) }
    if line.hasPrefix("-") { return paint(line, .red) }
    if line.hasPrefix("+") { return paint(line, .green) }
    return line
  }
}
