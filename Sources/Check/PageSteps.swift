import Documents
import FakeCloud
import Foundation
import OpenStackCLI

/// A page run a step at a time, as a check runs it: one session on the page's cloud (with the
/// resources the page assumes), its directives' variables, and the values bound so far. A check
/// runs the steps in order; a tutorial runs them as a person goes, edits them, and goes back
/// (``checkpoint()``, ``restore(_:)``).
public final class PageSteps {
  public let walkthrough: Walkthrough
  public let plan: PagePlan
  public let session: Session
  public let settings: CheckSettings
  /// The terminal width the page's commands run at unless told otherwise; `nil`: a pipe.
  public let terminalWidth: Int?
  private let assumed: AssumedResources
  /// Notes on the resources assumed before the first command, by step.
  private let assumptionNotes: [Int: [String]]
  /// The page's values and the cloud's they stand for, bound so far.
  public private(set) var bindings = Bindings()
  /// What the commands printed so far: an ID the cloud has printed is not assumed again.
  private var printedSoFar: [[String]] = []

  /// The admin whose credentials the page runs with instead of the default user's
  /// (``AssumedAdmin``), if it does.
  let admin: String?

  /// Reads the page's directives and starts its cloud; bad directives and cloud files throw,
  /// naming the line.
  /// - Parameter refused: the step the default user is refused at (``AssumedAdmin``): given, the
  ///   page runs as the cloud's admin from its first command, and the step notes it.
  public init(_ walkthrough: Walkthrough, settings: CheckSettings = CheckSettings(), adminFor refused: Int? = nil)
    throws(DocumentError)
  {
    self.walkthrough = walkthrough
    self.settings = settings
    plan = try PagePlan(walkthrough)
    let cloud = try settings.cloudFiles.definition(for: plan) ?? settings.cloud
    terminalWidth = plan.terminalWidth ?? settings.terminalWidth
    var environment = Session.initialEnvironment(of: cloud)
    for (name, value) in settings.environment { environment[name] = value }
    assumed =
      settings.assumesResources
      ? AssumedResources(walkthrough, plan: plan, cloud: cloud, environment: environment)
      : AssumedResources()
    let fresh =
      assumed.changesDefinition
      ? FakeCloud(definition: assumed.cloud(from: cloud))
      : settings.cloudTemplates.cloud(of: cloud, from: plan.cloudFile)
    session = Session(cloud: fresh, terminalWidth: terminalWidth)
    for (name, value) in settings.environment { session.export(name, value) }
    admin = refused == nil ? nil : session.useAdmin()
    var notes: [Int: [String]] = [:]
    if let admin, let refused {
      let note = AssumedAdmin.note(
        line: walkthrough.steps[refused].command.line, admin: admin, user: cloud.defaultUser)
      notes[refused] = [note]
    }
    for assumption in assumed.assumptions where !assumption.unlessBound {
      let line = walkthrough.steps[assumption.step].command.line
      notes[assumption.step, default: []].append(AssumedResources.note(assumption, line: line))
    }
    for step in assumed.overLimit {
      notes[step, default: []].append(
        "more than \(AssumedResources.limit) resources named before the page creates them; the rest are not assumed")
    }
    assumptionNotes = notes.merging(assumed.create(in: session), uniquingKeysWith: +)
  }

  /// One step's command run and compared with the output the page documents for it.
  public struct StepRun: Sendable {
    public var result: StepResult
    /// The line as the session ran it (the page's bound values replaced by the cloud's).
    public var line: String
    /// What it wrote; `nil` when it did not run (skipped).
    public var output: CommandResult?
    /// What it printed, as the page would show it; `nil` when it did not run or was not simulated.
    public var printed: [String]?
  }

  /// How long a person waits for the cloud to show what the page shows, in seconds, and how many
  /// times they run the command again meanwhile.
  static let patience = 120.0
  static let retries = 12

  /// Runs step `index`'s command, or `line` in its place (the command as a person edited it),
  /// and compares what it prints with the step's documented output.
  ///
  /// A page's output may show the cloud a little later than a second after the command before
  /// (a server `SHUTOFF` after its stop, a volume `available` after its create): a command that
  /// drifts or fails while the cloud still has work going on is run again after each piece of
  /// that work, up to ``patience`` seconds, as a person runs it again until it shows what the page
  /// shows; the first run that then matches is kept, with a note; otherwise the first run stands.
  /// - Parameter width: the terminal's width for this command, instead of the page's.
  public func run(step index: Int, line typed: String? = nil, width: Int? = nil) -> StepRun {
    let before = typed == nil && session.cloud.hasPendingWork ? checkpoint() : nil
    let first = attempt(step: index, line: typed, width: width)
    guard let before, first.result.outcome.mayBeTooSoon else { return first }
    let after = checkpoint()
    // The n-th run again waits, from the moment before the step, for the first n pieces of work.
    for pieces in 1...Self.retries {
      restore(before)
      var (waited, reached) = (0.0, 0)
      while reached < pieces, let wait = session.cloud.advanceToNextWork(within: Self.patience - waited) {
        waited += wait
        reached += 1
      }
      guard reached == pieces else { break }
      var retry = attempt(step: index, line: typed, width: width)
      // What the page shows, or (for a page that shows no output) a command that worked.
      let verb: String
      switch retry.result.outcome {
      case .matched: verb = "matched"
      case .ran: verb = "ran"
      default: continue
      }
      retry.result.notes.append(
        "\(verb) after a wait of \(Int(waited.rounded(.up))) s for the cloud's work in progress (the page shows a later moment than a second after the command before)")
      return retry
    }
    restore(after)
    return first
  }

  /// One run of the step's command, compared with its documented output.
  private func attempt(step index: Int, line typed: String?, width: Int?) -> StepRun {
    let step = walkthrough.steps[index]
    for (name, value) in plan.environment[index] ?? [] { session.export(name, value) }
    if let reason = plan.skipped[index] {
      return StepRun(result: StepResult(step: step, outcome: .skipped(reason: reason)), line: step.command.command)
    }
    let start = ContinuousClock.now
    let assumedNow = assumed.createUnbound(before: index, line: step.command.line, in: session, bindings: bindings) {
      value in printedSoFar.contains { $0.contains { $0.contains(value) } }
    }
    // A documented ID in a later command stands for the cloud's ID it was bound to.
    let line = typed ?? command(of: index)
    let standInNotes = typed == nil ? Self.notes(on: assumed.standIns[index], line: step.command.line) : []
    let words = (try? ShellWords.split(line, variables: session.environment)) ?? []
    let prompted = PasswordPrompts.answered(step.command, words: words)
    let output = session.run(line, width: width, typedPassword: prompted ? PasswordPrompts.typed : nil)
    let lines = OutputComparison.lines(output.standardOutput + output.standardError)
    if output.isSimulated { printedSoFar.append(lines) }
    let comparison = OutputComparison(command: step.command, words: words, settings: settings)
    let (outcome, notes) = comparison.outcome(of: output, printed: lines, bindings: &bindings)
    let result = StepResult(
      step: step, outcome: outcome, notes: standInNotes + (assumptionNotes[index] ?? []) + assumedNow + notes,
      seconds: (ContinuousClock.now - start).seconds)
    return StepRun(result: result, line: line, output: output, printed: output.isSimulated ? lines : nil)
  }

  /// Runs a line that is no step of the page, in the same session: nothing is compared or bound.
  public func runOwn(_ line: String, width: Int? = nil) -> CommandResult {
    let output = session.run(line, width: width)
    if output.isSimulated { printedSoFar.append(OutputComparison.lines(output.standardOutput + output.standardError)) }
    return output
  }

  /// The step's command as it runs on this cloud: its placeholders filled in, the page's bound
  /// values replaced by the cloud's.
  public func command(of index: Int) -> String {
    bindings.substituted(assumed.standIns[index]?.line ?? walkthrough.steps[index].command.command)
  }

  /// `ran with flavor for the placeholder $FLAVOR (line 12)`.
  private static func notes(on standIns: PlaceholderStandIns?, line: Int) -> [String] {
    guard let standIns else { return [] }
    let names = standIns.names.map { "\($0.standIn) for the placeholder \($0.placeholder)" }
    return ["ran with \(names.joined(separator: ", ")) (line \(line))"]
  }

  /// Everything a step changes: the cloud, the session's variables, the bound values.
  public struct Checkpoint {
    let session: Session.Checkpoint
    let bindings: Bindings
    let printedSoFar: [[String]]
  }

  public func checkpoint() -> Checkpoint {
    Checkpoint(session: session.checkpoint(), bindings: bindings, printedSoFar: printedSoFar)
  }

  /// Puts the page back as it was at `checkpoint`: the next step prints and binds what it would
  /// have then.
  public func restore(_ checkpoint: Checkpoint) {
    session.restore(checkpoint.session)
    bindings = checkpoint.bindings
    printedSoFar = checkpoint.printedSoFar
  }
}
