import Documents
import Foundation
import FakeCloud
import OpenStackCLI

/// How one documented command compares with what it printed.
public enum StepOutcome: Equatable, Sendable {
  /// The output is what the page shows.
  case matched
  /// The output differs; the differences are in page order.
  case drift([LineDifference])
  /// The command failed (non-zero status) where the page shows it succeeding.
  case failed(status: Int32, message: String)
  /// The line is not something the emulation runs; nothing was executed.
  case notSimulated(reason: String)
  /// The page asked not to run it (`walkthrough: skip`), for the reason given.
  case skipped(reason: String)
  /// It drifted or failed, and the page says its block does (`walkthrough: expect-drift`).
  indirect case expectedDrift(reason: String, StepOutcome)
  /// The page says its block drifts, and none of the block's commands does any more.
  case driftGone(reason: String)
}

/// One line the page shows and the command did not print, or the reverse.
public struct LineDifference: Equatable, Sendable {
  public enum Side: Sendable { case documented, actual }
  public var side: Side
  /// The line of the page (for a documented line) or the index in the actual output.
  public var line: Int
  public var text: String
}

/// Elisions in documented output: a line of only `...` (or `[snip]`) stands for any number of
/// lines; `...` or `[snip]` inside a line stands for any text.
enum Elision {
  static let markers = ["...", "[snip]"]

  static func matches(documented: [String], printed: [String]) -> Bool {
    guard documented.contains(where: { line in markers.contains { line.contains($0) } }) else { return false }
    // Dynamic programming over (documented line, printed line) positions.
    var reachable = Array(repeating: Array(repeating: false, count: printed.count + 1), count: documented.count + 1)
    reachable[0][0] = true
    for i in 0...documented.count {
      for j in 0...printed.count where reachable[i][j] {
        guard i < documented.count else { continue }
        let pattern = documented[i].trimmingCharacters(in: .whitespaces)
        if markers.contains(pattern) {
          for k in j...printed.count { reachable[i + 1][k] = true }
        } else if j < printed.count, lineMatches(documented[i], printed[j]) {
          reachable[i + 1][j + 1] = true
        }
      }
    }
    return reachable[documented.count][printed.count]
  }

  /// A line with `...` or `[snip]` inside: the pieces between them in order, the first at the
  /// start and the last at the end.
  static func lineMatches(_ pattern: String, _ line: String) -> Bool {
    var pieces = [pattern[...]]
    for marker in markers {
      pieces = pieces.flatMap { $0.components(separatedBy: marker).map { Substring($0) } }
    }
    guard pieces.count > 1 else { return pattern == line }
    guard line.hasPrefix(pieces[0]), line.hasSuffix(pieces[pieces.count - 1]),
      line.count >= pieces[0].count + pieces[pieces.count - 1].count
    else { return false }
    var rest = line.dropFirst(pieces[0].count).dropLast(pieces[pieces.count - 1].count)
    for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
      guard let range = rest.range(of: piece) else { return false }
      rest = rest[range.upperBound...]
    }
    return true
  }
}

/// A command of a page and its outcome.
public struct StepResult: Equatable, Sendable {
  public var step: Step
  public var outcome: StepOutcome
  /// The time the command took to run and compare.
  public var seconds: Double = 0
}

/// What a check runs pages with, unless a page's directives say otherwise.
public struct CheckSettings: Sendable {
  public var cloud: CloudDefinition
  /// The terminal width output was captured at; `nil`: a pipe, no wrapping.
  public var terminalWidth: Int?

  public init(cloud: CloudDefinition = .devstack, terminalWidth: Int? = nil) {
    self.cloud = cloud
    self.terminalWidth = terminalWidth
  }
}

/// Runs a page's commands in one session against a fresh cloud and compares each command's
/// output with the output the page documents, line by line (trailing white space ignored).
public enum PageCheck {
  /// Checks a page as its directives ask; bad directives and cloud files throw, naming the line.
  public static func run(_ walkthrough: Walkthrough, settings: CheckSettings = CheckSettings()) throws(DocumentError)
    -> [StepResult]
  {
    let plan = try PagePlan(walkthrough)
    var cloud = settings.cloud
    if let file = plan.cloudFile {
      do {
        cloud = try CloudDefinition(contentsOfFile: file)
      } catch {
        throw DocumentError(file: error.file, line: error.line, reason: error.reason)
      }
    }
    let session = Session(cloud: FakeCloud(definition: cloud), terminalWidth: plan.terminalWidth ?? settings.terminalWidth)
    var bindings = Bindings()
    var results = walkthrough.steps.enumerated().map { index, step in
      for (name, value) in plan.environment[index] ?? [] { session.export(name, value) }
      if let reason = plan.skipped[index] { return StepResult(step: step, outcome: .skipped(reason: reason)) }
      let start = ContinuousClock.now
      // A documented ID in a later command stands for the cloud's ID it was bound to.
      let result = session.run(bindings.substituted(step.command.command))
      let outcome = outcome(of: result, for: step.command, bindings: &bindings)
      return StepResult(step: step, outcome: outcome, seconds: (ContinuousClock.now - start).seconds)
    }
    expectDrift(in: &results, plan: plan)
    return results
  }

  /// A block the page says drifts: its drifting and failing commands are expected; when none
  /// drifts, its first command reports that the drift is gone.
  private static func expectDrift(in results: inout [StepResult], plan: PagePlan) {
    let blocks = Dictionary(grouping: plan.expectedDrift.keys.sorted()) { results[$0].step.block }
    for indexes in blocks.values.map({ $0.sorted() }) {
      guard let first = indexes.first, let reason = plan.expectedDrift[first] else { continue }
      var drifted = false
      for index in indexes {
        switch results[index].outcome {
        case .drift, .failed:
          results[index].outcome = .expectedDrift(reason: reason, results[index].outcome)
          drifted = true
        default:
          break
        }
      }
      if !drifted { results[first].outcome = .driftGone(reason: reason) }
    }
  }

  static func outcome(of result: CommandResult, for command: ConsoleCommand, bindings: inout Bindings) -> StepOutcome {
    guard result.isSimulated else {
      return .notSimulated(reason: String(result.standardError.trimmingSuffix("\n")))
    }
    let printedText = lines(result.standardOutput + result.standardError)
    let printed = printedText.map(tableCanonical)
    let original = command.output.map { String($0.trimmingSuffix(" ")) }
    // Lines bind their volatile values; then the page's values are replaced by the bound ones and
    // the rest compared as text. Rows in another order are not drift, nor columns padded to
    // another width.
    bindings.bind(documented: original.map(tableCanonical), printed: printed)
    let documented = original.map { tableCanonical(bindings.substituted($0)) }
    if printed == documented || printed.sorted() == documented.sorted()
      || Elision.matches(documented: documented, printed: printed)
    {
      return .matched
    }
    if result.exitStatus != 0 && documented.isEmpty == false && result.standardOutput.isEmpty {
      return .failed(status: result.exitStatus, message: String(result.standardError.trimmingSuffix("\n")))
    }
    let firstOutputLine = command.outputLines?.lowerBound ?? command.commandLines.upperBound + 1
    let difference = printed.difference(from: documented)
    let removed = difference.removals.compactMap { change -> LineDifference? in
      guard case .remove(let offset, _, _) = change else { return nil }
      return LineDifference(side: .documented, line: firstOutputLine + offset, text: original[offset])
    }
    let inserted = difference.insertions.compactMap { change -> LineDifference? in
      guard case .insert(let offset, _, _) = change else { return nil }
      return LineDifference(side: .actual, line: offset + 1, text: printedText[offset])
    }
    return .drift(removed.sorted { $0.line < $1.line } + inserted.sorted { $0.line < $1.line })
  }

  /// A cliff table line without its padding: a border as `+`, a row as its cells, trimmed,
  /// between `|`. Other lines stay as they are.
  static func tableCanonical(_ line: String) -> String {
    guard line.count >= 2, let first = line.first, let last = line.last else { return line }
    if first == "+" && last == "+" && line.allSatisfy({ $0 == "+" || $0 == "-" }) { return "+" }
    guard first == "|" && last == "|" else { return line }
    return line.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false)
      .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "|")
  }

  /// The printed text as the page would show it: lines without trailing spaces, trailing blank
  /// lines dropped (as the reader drops them from documented output).
  private static func lines(_ text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.trimmingSuffix(" ")) }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines
  }
}

extension StringProtocol {
  func trimmingSuffix(_ character: Character) -> Substring {
    var text = self[...]
    while text.last == character { text = text.dropLast() }
    return Substring(text)
  }
}

extension Duration {
  /// The duration in seconds, as reports print it.
  public var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }
}
