import Documents
import Foundation
import FakeCloud
import OpenStackCLI

/// How one documented command compares with what it printed.
public enum StepOutcome: Equatable, Sendable {
  /// The output is what the page shows.
  case matched
  /// The page shows no output for the command, and it exited with status 0: what it printed is
  /// not compared (the page shows what to type, not what it prints).
  case ran
  /// The output differs; the differences are in page order.
  case drift([Difference])
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

  /// What a moment more of the cloud's work might change: drift, or a failure.
  var mayBeTooSoon: Bool {
    switch self {
    case .drift, .failed: true
    default: false
    }
  }
}

/// A difference between page and behaviour: a line the page shows and the command did not
/// print, a printed line the page does not show, or a difference explained at the level of a
/// table's row, column or cell or a JSON document's member.
public struct Difference: Equatable, Sendable {
  public enum Side: Sendable {
    /// A line of the page; `line` is the page's line.
    case documented
    /// A printed line; `line` counts the printed lines from 1.
    case actual
    /// An explanation (`row 18b84ece…, column Status: page "available", printed "error"`);
    /// `line` is the page's line it is about.
    case explained
  }

  public var side: Side
  public var line: Int
  public var text: String

  public init(side: Side, line: Int, text: String) {
    self.side = side
    self.line = line
    self.text = text
  }

  /// `documented`, `printed` or `explained`, as the JSON report names the side.
  public var sideName: String {
    switch side {
    case .documented: "documented"
    case .actual: "printed"
    case .explained: "explained"
    }
  }

  /// The difference on one line of a report: `- page.rst:12: text` for the page's line,
  /// `+ printed line 2: text` for a printed one, `~ page.rst:12: explanation`.
  public func rendered(file: String) -> String {
    switch side {
    case .documented: "- \(file):\(line): \(text)"
    case .actual: "+ printed line \(line): \(text)"
    case .explained: "~ \(file):\(line): \(text)"
    }
  }
}

/// A command of a page and its outcome.
public struct StepResult: Equatable, Sendable {
  public var step: Step
  public var outcome: StepOutcome
  /// Differences that are not drift, such as rows in another order.
  public var notes: [String] = []
  /// The time the command took to run and compare.
  public var seconds: Double = 0
}

/// What a check runs pages with, unless a page's directives say otherwise.
public struct CheckSettings: Sendable {
  public var cloud: CloudDefinition {
    didSet { cloudTemplates = CloudTemplates() }
  }
  /// The terminal width output was captured at; `nil`: a pipe, no wrapping.
  public var terminalWidth: Int?
  /// Whether a table wrapped at another width than the page's is drift.
  public var strictLayout: Bool
  /// Whether rows in another order than the page's are drift, even when the command does not
  /// sort.
  public var strictOrder: Bool
  /// The file `cloud` was read from; `nil` for the built-in cloud. Transcripts name it.
  public var cloudFile: String?
  /// The cloud files pages name, read once.
  public var cloudFiles = CloudFiles() {
    didSet { cloudTemplates = CloudTemplates() }
  }
  /// The fresh clouds of ``cloud`` and of the cloud files, made once.
  var cloudTemplates = CloudTemplates()
  /// Whether resources a page names before it creates them are provided in its cloud
  /// (``AssumedResources``), each reported in a note.
  public var assumesResources = true
  /// Variables every page starts with (`OS_CLOUD=devstack-admin` for an operators' guide), before
  /// its own `env` directives.
  public var environment: [(name: String, value: String)] = []

  public init(
    cloud: CloudDefinition = .devstack, terminalWidth: Int? = nil, strictLayout: Bool = false, strictOrder: Bool = false
  ) {
    self.cloud = cloud
    self.terminalWidth = terminalWidth
    self.strictLayout = strictLayout
    self.strictOrder = strictOrder
  }
}

/// A page run and checked: each command's outcome and what it printed, and the values bound.
public struct PageRun: Sendable {
  public var results: [StepResult]
  /// What each command printed, as the page would show it (standard output, then standard
  /// error; trailing spaces and blank lines dropped); `nil` for a command that did not run.
  public var printed: [[String]?]
  /// Each command as it ran, for its transcript; `nil` for a skipped command.
  public var ran: [RanCommand?]
  /// The page's values and the cloud's they stand for, as bound over the whole page.
  public var bindings: Bindings
  /// The terminal width the page's commands ran at; `nil`: a pipe, no wrapping.
  public var terminalWidth: Int?
  /// The cloud file the page ran on (its own or the settings'); `nil` for the built-in cloud.
  public var cloudFile: String?
}

/// A command as it ran: its line, the page's values replaced by the cloud's, and what it printed.
public struct RanCommand: Sendable {
  public var line: String
  public var result: CommandResult
}

/// Runs a page's commands in one session against a fresh cloud and compares each command's
/// output with the output the page documents, line by line (trailing white space ignored).
public enum PageCheck {
  /// Checks a page as its directives ask; bad directives and cloud files throw, naming the line.
  public static func run(_ walkthrough: Walkthrough, settings: CheckSettings = CheckSettings()) throws(DocumentError)
    -> [StepResult]
  {
    try runKeepingOutput(walkthrough, settings: settings).results
  }

  /// Checks a page as ``run(_:settings:)`` does, and keeps what each command printed.
  /// - Parameter widths: terminal widths for some commands (by step) instead of the page's.
  public static func runKeepingOutput(
    _ walkthrough: Walkthrough, settings: CheckSettings = CheckSettings(), widths: [Int: Int] = [:]
  ) throws(DocumentError) -> PageRun {
    try decided(walkthrough, settings: settings, widths: widths).run
  }

  /// The page's steps, none run yet, as a check runs them: as the cloud's admin when
  /// ``AssumedAdmin`` finds that the page needs one (which takes a run of the page to tell).
  public static func steps(for walkthrough: Walkthrough, settings: CheckSettings) throws(DocumentError) -> PageSteps {
    let refused = try decided(walkthrough, settings: settings, widths: [:]).adminFor
    return try PageSteps(walkthrough, settings: settings, adminFor: refused)
  }

  /// The page run as the default user, or as the admin when the default user is refused where
  /// the page shows no refusal and the admin's run fails less (``AssumedAdmin``).
  private static func decided(_ walkthrough: Walkthrough, settings: CheckSettings, widths: [Int: Int])
    throws(DocumentError) -> (run: PageRun, adminFor: Int?)
  {
    let steps = try PageSteps(walkthrough, settings: settings)
    let run = run(steps, widths: widths)
    guard settings.assumesResources,
      let refused = AssumedAdmin.refusedStep(in: run, walkthrough, plan: steps.plan, settings: settings)
    else { return (run, nil) }
    let adminSteps = try PageSteps(walkthrough, settings: settings, adminFor: refused)
    guard adminSteps.admin != nil else { return (run, nil) }
    let adminRun = Self.run(adminSteps, widths: widths)
    return AssumedAdmin.improves(adminRun, on: run) ? (adminRun, refused) : (run, nil)
  }

  /// Every step of a page run in order and compared.
  private static func run(_ steps: PageSteps, widths: [Int: Int]) -> PageRun {
    var printed: [[String]?] = []
    var ran: [RanCommand?] = []
    var results = steps.walkthrough.steps.indices.map { index in
      let run = steps.run(step: index, width: widths[index])
      printed.append(run.printed)
      ran.append(run.output.map { RanCommand(line: run.line, result: $0) })
      return run.result
    }
    expectDrift(in: &results, plan: steps.plan)
    return PageRun(
      results: results, printed: printed, ran: ran, bindings: steps.bindings, terminalWidth: steps.terminalWidth,
      cloudFile: steps.plan.cloudFile ?? steps.settings.cloudFile)
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
