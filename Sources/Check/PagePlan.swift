import Documents
import Foundation

/// What a page's author directives ask of its check, read and validated before anything runs:
///
///     .. walkthrough: cloud clouds/manila.yaml       the cloud file, relative to the page
///     .. walkthrough: width 228                      the terminal width the output was captured at
///     .. walkthrough: env OS_CLOUD=devstack-admin    a variable for the commands after it
///     .. walkthrough: skip [REASON]                  the next console block is not run
///     .. walkthrough: expect-drift REASON            the next console block drifts, knowingly
///
/// In Markdown the same words go in a comment: `<!-- walkthrough: width 228 -->`.
public struct PagePlan: Sendable {
  /// The cloud file the page names, as a path from the working directory.
  public var cloudFile: String?
  /// Where the page names its cloud file: an error reading the file names this line.
  var cloudDirective: (page: String, line: Int)?
  public var terminalWidth: Int?
  /// Variables to set before the step at each index runs.
  public var environment: [Int: [(name: String, value: String)]] = [:]
  /// The steps not to run, with the author's reason (empty when none was given).
  public var skipped: [Int: String] = [:]
  /// The steps whose block is expected to drift, with the author's reason.
  public var expectedDrift: [Int: String] = [:]

  public static let directiveNames = ["cloud", "width", "env", "skip", "expect-drift"]

  public init(_ walkthrough: Walkthrough) throws(DocumentError) {
    for directive in walkthrough.directives {
      func fail(_ reason: String) -> DocumentError {
        DocumentError(file: walkthrough.file, line: directive.line, reason: reason)
      }
      let name = directive.text.prefix { !$0.isWhitespace }
      let argument = directive.text.dropFirst(name.count).drop { $0.isWhitespace }
      // The first step after the directive, and the steps of its block.
      let next = walkthrough.steps.firstIndex { $0.command.line > directive.line }
      let block = next.map { first in
        walkthrough.steps.indices.filter { walkthrough.steps[$0].block == walkthrough.steps[first].block }
      }
      switch name {
      case "cloud":
        guard !argument.isEmpty else { throw fail("'cloud' needs the path of a cloud file") }
        guard cloudFile == nil else { throw fail("the page names its cloud file twice") }
        let directory = (walkthrough.file as NSString).deletingLastPathComponent
        cloudFile = argument.hasPrefix("/") ? String(argument) : (directory as NSString).appendingPathComponent(String(argument))
        cloudDirective = (walkthrough.file, directive.line)
      case "width":
        guard let width = Int(argument), width > 0 else { throw fail("'width' needs a number of columns, such as 'width 228'") }
        guard terminalWidth == nil else { throw fail("the page gives its width twice") }
        terminalWidth = width
      case "env":
        let assignment = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard assignment.count == 2, !assignment[0].isEmpty, !assignment[0].contains(where: \.isWhitespace) else {
          throw fail("'env' needs NAME=VALUE")
        }
        environment[next ?? walkthrough.steps.count, default: []].append((String(assignment[0]), String(assignment[1])))
      case "skip":
        guard let block else { throw fail("'skip' has no console block after it") }
        for index in block { skipped[index] = String(argument) }
      case "expect-drift":
        guard !argument.isEmpty else { throw fail("'expect-drift' needs a reason, so that readers of the report know why") }
        guard let block else { throw fail("'expect-drift' has no console block after it") }
        for index in block { expectedDrift[index] = String(argument) }
      default:
        throw fail(
          "unknown walkthrough directive '\(name)' (known: \(Self.directiveNames.joined(separator: ", ")))")
      }
    }
  }
}
