import Check
import Documents
import FakeCloud
import Foundation

/// A page read: its file and console commands.
public struct Page: Sendable {
  /// How a page is written.
  public enum Syntax: String, Sendable {
    case rst
    case markdown

    var documents: Documents.Syntax { self == .rst ? .rst : .markdown }
  }

  /// A documented command: its line, its text, and the output the page shows for it.
  public struct Command: Sendable, Equatable {
    /// The line of its prompt.
    public var line: Int
    /// The command, its continuation lines joined.
    public var command: String
    /// The output the page shows under it; empty when it shows none.
    public var documentedOutput: [String]
  }

  /// The page's path, as given.
  public var file: String { walkthrough.file }
  /// Its console commands, in page order.
  public var commands: [Command] {
    walkthrough.steps.map { Command(line: $0.command.line, command: $0.command.command, documentedOutput: $0.command.output) }
  }

  let walkthrough: Documents.Walkthrough

  init(_ walkthrough: Documents.Walkthrough) {
    self.walkthrough = walkthrough
  }
}

/// The cloud pages run against when they name none.
public struct Cloud: Sendable {
  let definition: CloudDefinition
  let file: String?

  /// devstack's cloud as a fresh devstack has it (users, networks, flavors, images, share types).
  public static let devstack = Cloud(definition: .devstack, file: nil)

  /// The cloud a cloud file (YAML) describes.
  public init(contentsOfFile file: String) throws(WalkthroughError) {
    do {
      definition = try CloudDefinition(contentsOfFile: file)
    } catch {
      throw WalkthroughError(file: error.file, line: error.line, reason: error.reason)
    }
    self.file = file
  }

  private init(definition: CloudDefinition, file: String?) {
    self.definition = definition
    self.file = file
  }
}

/// How pages are run and compared, unless their directives say otherwise.
public struct CheckOptions: Sendable {
  /// The cloud for pages without a `cloud` directive.
  public var cloud: Cloud
  /// The terminal width output was captured at; `nil`: a pipe, no wrapping.
  public var width: Int?
  /// Whether a table wrapped at another width than the page's is drift.
  public var strictLayout: Bool
  /// Whether rows in another order than the page's are drift.
  public var strictOrder: Bool
  /// Whether the resources a page names before it creates them are provided.
  public var assumesResources: Bool
  /// How many pages run at once.
  public var jobs: Int

  /// Options as `walkthrough check` has them by default, the pages run on all processors.
  public init(
    cloud: Cloud = .devstack, width: Int? = nil, strictLayout: Bool = false, strictOrder: Bool = false,
    assumesResources: Bool = true, jobs: Int = ProcessInfo.processInfo.activeProcessorCount
  ) {
    self.cloud = cloud
    self.width = width
    self.strictLayout = strictLayout
    self.strictOrder = strictOrder
    self.assumesResources = assumesResources
    self.jobs = max(1, jobs)
  }

  var settings: CheckSettings {
    var settings = CheckSettings(cloud: cloud.definition, terminalWidth: width, strictLayout: strictLayout, strictOrder: strictOrder)
    settings.cloudFile = cloud.file
    settings.assumesResources = assumesResources
    return settings
  }
}

/// How a command's check ended, as `walkthrough check` names it (`matched`, `drift`, `failed`,
/// `drift gone`...); `fails` says whether it fails a check.
public typealias Outcome = OutcomeKind

/// A command as it ran: the line (the page's values replaced by the cloud's), what it printed,
/// its exit status (`nil` when it was skipped) and how it compares with the page.
public struct CommandRun: Sendable, Equatable {
  /// The line of its prompt on the page.
  public var line: Int
  /// The command line as it ran.
  public var command: String
  public var standardOutput: String
  public var standardError: String
  /// `nil` for a command the page skips.
  public var exitStatus: Int32?
  public var outcome: Outcome
}

/// A command of a page and how its check ended.
public struct CommandOutcome: Sendable, Equatable {
  /// The line of its prompt on the page.
  public var line: Int
  /// The command as the page shows it.
  public var command: String
  public var outcome: Outcome
}

/// A command that did not match its page, or a page that could not be checked.
public struct Finding: Sendable, Equatable, CustomStringConvertible {
  /// The page, or the file that could not be read.
  public var file: String
  /// The command's line; for an unreadable file, its line when known.
  public var line: Int?
  /// `nil` for a page that could not be checked.
  public var outcome: Outcome?
  /// The report's text for it: what differs, why it failed or was not run.
  public var message: String

  /// `file:line: message`, as `walkthrough check` prints it.
  public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
}

/// One page's check.
public struct PageCheckResult: Sendable {
  /// The page's path, as given.
  public var file: String
  /// Each command's outcome, in page order.
  public var outcomes: [CommandOutcome]
  /// What did not match, or why the page could not be checked.
  public var findings: [Finding]
  /// Whether nothing on the page fails the check.
  public var isClean: Bool

  init(_ report: PageReport) {
    file = report.file
    outcomes = report.results.map {
      CommandOutcome(line: $0.step.command.line, command: $0.step.command.command, outcome: $0.outcome.kind)
    }
    isClean = !report.fails && report.error == nil
    if let error = report.error {
      findings = [Finding(file: error.file, line: error.line, outcome: nil, message: error.reason)]
      return
    }
    let text = TextReport(colour: false)
    var findings: [Finding] = []
    for result in report.results {
      let rendered = text.render(result, file: report.file)
      guard !rendered.isEmpty else { continue }
      let place = "\(report.file):\(result.step.command.line): "
      let message = rendered.hasPrefix(place) ? String(rendered.dropFirst(place.count)) : rendered
      findings.append(Finding(file: report.file, line: result.step.command.line, outcome: result.outcome.kind, message: message))
    }
    self.findings = findings
  }
}

/// Pages checked: their results, and whether all of them pass.
public struct CheckReport: Sendable, CustomStringConvertible {
  /// Each page's result, in name order.
  public var pages: [PageCheckResult]

  init(_ reports: [PageReport]) {
    pages = reports.map(PageCheckResult.init)
    var summary = RunSummary()
    for report in reports { summary.add(report) }
    summaryLine = summary
  }

  /// Whether every page checked without a failing command or an error.
  public var isClean: Bool { pages.allSatisfy(\.isClean) }

  /// Every page's findings, in page order.
  public var findings: [Finding] { pages.flatMap(\.findings) }

  /// `3 pages, 37 commands: 37 matched`: the closing line of a check.
  public var summary: String { summaryLine.text() }

  let summaryLine: RunSummary

  /// The findings, a line each, then the summary.
  public var description: String {
    (findings.map(\.description) + [summary]).joined(separator: "\n")
  }
}

/// A reason a page, a directory or a cloud file could not be read: the file, and the line when
/// there is one.
public struct WalkthroughError: Error, Sendable, Equatable, CustomStringConvertible {
  public var file: String
  /// The line of the file, when the error is about one.
  public var line: Int?
  /// What is wrong: `no such file or directory`, `unknown walkthrough directive 'colour'`...
  public var reason: String

  /// An error about `file` (and its `line`).
  public init(file: String, line: Int?, reason: String) {
    self.file = file
    self.line = line
    self.reason = reason
  }

  init(_ error: DocumentError) {
    self.init(file: error.file, line: error.line, reason: error.reason)
  }

  /// `file:line: reason`, as `walkthrough` prints it.
  public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(reason)" }
}
