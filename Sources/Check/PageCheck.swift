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
}

/// Runs a page's commands in one session against a fresh cloud and compares each command's
/// output with the output the page documents, line by line (trailing white space ignored).
public enum PageCheck {
  public static func run(_ walkthrough: Walkthrough, cloud: FakeCloud = FakeCloud(), terminalWidth: Int? = nil) -> [StepResult] {
    let session = Session(cloud: cloud, terminalWidth: terminalWidth)
    var bindings = Bindings()
    return walkthrough.steps.map { step in
      // A documented ID in a later command stands for the cloud's ID it was bound to.
      let result = session.run(bindings.substituted(step.command.command))
      return StepResult(step: step, outcome: outcome(of: result, for: step.command, bindings: &bindings))
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
