import Check
import Documents
import FakeCloud
import Foundation
import OpenStackCLI

/// What became of a step in the session so far.
public enum StepMark: String, Equatable, Sendable {
  case notRun = "not run"
  case done
  case differs
  case notSimulated = "not simulated"
  case skipped

  init(_ outcome: StepOutcome) {
    switch outcome.kind {
    case .matched, .ran: self = .done
    case .notSimulated: self = .notSimulated
    case .skipped: self = .skipped
    case .drift, .failed, .driftGone, .expectedDrift: self = .differs
    }
  }
}

/// A walkthrough done a step at a time against a fake cloud of the learner's own: each step's
/// prose and command, what the command printed against what the page shows, and the way back
/// (a checkpoint of the whole session where each step begins). It deals in text; a driver reads
/// the lines (scripted or from a terminal) and writes the replies.
public final class Tutorial {
  public let page: PageSteps
  private let prose: PageProse
  /// The width prose is wrapped to.
  public var width: Int
  /// The terminal width commands print for; `nil`: a pipe, tables never wrapped.
  public var commandWidth: Int?
  public var style: TerminalStyle
  /// The step the learner is at; the number of steps once past the last.
  public private(set) var current = 0
  public private(set) var marks: [StepMark]
  /// The last run of each step, for `:diff`.
  private var runs: [Int: PageSteps.StepRun] = [:]
  private var lastRun: Int?
  /// Where each step began: the session then, and how much of the record it had.
  private var arrivals: [Int: Arrival] = [:]
  public private(set) var ownCommands: [String] = []
  /// The commands run since the session began, as the cloud now has them (going back drops those
  /// that came after), for `--record`.
  public private(set) var record: [RecordedCommand] = []

  struct Arrival {
    var checkpoint: PageSteps.Checkpoint
    var recorded: Int
  }

  /// What the tutorial answers to a line.
  public struct Reply: Equatable {
    public var text: String
    /// The learner is done: the text ends with the summary.
    public var finished = false
  }

  /// - Parameter text: the page's text, for its prose.
  /// - Throws: a page with no console commands (nothing to do), and what ``PageSteps`` throws.
  public init(
    _ walkthrough: Walkthrough, text: String, settings: CheckSettings, width: Int, commandWidth: Int?,
    style: TerminalStyle
  ) throws(DocumentError) {
    guard !walkthrough.steps.isEmpty else {
      throw DocumentError(
        file: walkthrough.file, reason: "has no console blocks: no command to follow (a step is a prompt and a command, such as '$ openstack server list')")
    }
    page = try PageCheck.steps(for: walkthrough, settings: settings)
    prose = PageProse(text: text, walkthrough: walkthrough)
    self.width = width
    self.commandWidth = commandWidth
    self.style = style
    marks = Array(repeating: .notRun, count: walkthrough.steps.count)
    arrive(at: 0)
  }

  private var steps: [Step] { page.walkthrough.steps }
  private var file: String { page.walkthrough.file }
  public var isFinished: Bool { current >= steps.count }

  /// The page's prompt for the step (`$` past the last).
  public var prompt: String {
    isFinished ? "$" : steps[current].command.prompt
  }

  /// The step's command as it runs on the learner's cloud, for the prompt to show typed.
  public var suggestedCommand: String? {
    isFinished ? nil : page.command(of: current)
  }

  private var renderer: ProseRenderer { ProseRenderer(width: width, style: style) }

  /// The page's first heading, or its file's name.
  public var title: String {
    prose.blocks.lazy.compactMap { if case .heading(let title, _) = $0.block { title } else { nil } }.first ?? file
  }

  /// The page's title and how the tutorial goes, then the first step.
  public func introduction() -> String {
    var text = style.paint("walkthrough tutor: \(title)", .bold) + "\n"
    text += "\(counted(steps.count, "step")). Enter runs the command shown; edit it or type another first if you like."
    text += " :help lists the other moves.\n\n"
    return text + stepScreen()
  }

  /// The prose that leads to the step, and the line that says where the learner is.
  public func stepScreen() -> String {
    guard !isFinished else {
      let after = prose.blocks(after: lastLine(ofBlock: steps[steps.count - 1].block), before: Int.max)
      let closing = renderer.render(after)
      return (closing.isEmpty ? "" : closing.joined(separator: "\n") + "\n\n")
        + style.paint("That was the last step.", .bold) + " Enter (or :quit) ends the tutorial; :back goes back.\n"
    }
    let step = steps[current]
    var text = ""
    if current == 0 || steps[current - 1].block != step.block {
      let previous = current == 0 ? 0 : lastLine(ofBlock: steps[current - 1].block)
      let lines = renderer.render(prose.blocks(after: previous, before: step.block))
      if !lines.isEmpty { text += lines.joined(separator: "\n") + "\n\n" }
    }
    let heading = step.context.heading.map { " · \($0)" } ?? ""
    return text + style.paint("step \(current + 1)/\(steps.count)\(heading)", .bold, .blue) + "\n"
  }

  private func lastLine(ofBlock line: Int) -> Int {
    page.walkthrough.blocks.first { $0.line == line }?.lines.last?.number ?? line
  }

  /// Answers a line: a `:` verb, or a command to run (the step's, edited or not, or one of the
  /// learner's own). An empty line ends the tutorial past the last step and does nothing before.
  public func handle(_ line: String) -> Reply {
    let line = line.trimmingCharacters(in: .whitespaces)
    if line.isEmpty {
      return isFinished ? Reply(text: summary(), finished: true) : Reply(text: "")
    }
    if line.hasPrefix(":") {
      do {
        return perform(try Verb(line))
      } catch .unknown(let name) {
        return Reply(text: "\(Terminal.visible(name)) is not a move of the tutorial (:help lists them)\n")
      } catch {
        return Reply(text: "a step number, such as ':goto 3', or nothing after the move\n")
      }
    }
    if !isFinished && isStep(line) { return runStep(line) }
    return runOwn(line)
  }

  /// Whether a line is the step's command, edited or not: its first three words are the step's
  /// (`openstack share create` with other options is the step; `openstack share list` is a
  /// command of the learner's own).
  private func isStep(_ line: String) -> Bool {
    let words = { (text: String) in text.split(separator: " ").prefix(3) }
    return words(line) == words(page.command(of: current))
  }

  private func runStep(_ line: String) -> Reply {
    let index = current
    let run = page.run(step: index, line: line, width: commandWidth)
    runs[index] = run
    lastRun = index
    marks[index] = StepMark(run.result.outcome)
    if let output = run.output {
      record.append(
        RecordedCommand(
          step: index, line: line, output: output, environment: page.plan.environment[index] ?? []))
    }
    var text = commandOutput(run.output)
    text += verdict(run) + "\n\n"
    arrive(at: index + 1)
    return Reply(text: text + stepScreen())
  }

  private func runOwn(_ line: String) -> Reply {
    let output = page.runOwn(line, width: commandWidth)
    ownCommands.append(line)
    record.append(RecordedCommand(step: nil, line: line, output: output, environment: []))
    var text = commandOutput(output)
    if !output.isSimulated {
      text += style.paint("not simulated:", .yellow) + " " + Terminal.visible(output.standardError.trimmed) + "\n"
    }
    let waiting = isFinished ? "" : " the step's command is still to run (:hint shows it)"
    return Reply(text: text + style.paint("a command of your own:", .dim) + " nothing to compare;" + waiting + "\n")
  }

  /// What a command wrote, standard output then standard error, with control characters shown
  /// rather than sent to the terminal.
  private func commandOutput(_ output: CommandResult?) -> String {
    // What a line that was not run says is the verdict's to give.
    guard let output, output.isSimulated else { return "" }
    var text = Terminal.visible(output.standardOutput) + Terminal.visible(output.standardError)
    if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
    return text
  }

  /// The step's outcome on one line, in the words `check` uses, then the page's values that
  /// stand for other values on the learner's cloud.
  func verdict(_ run: PageSteps.StepRun) -> String {
    let result = run.result
    let line: String
    switch result.outcome {
    case .matched:
      line = style.paint("as the page shows", .green)
    case .ran:
      line = style.paint("ran", .green) + " (the page shows what to type, not what it prints)"
    case .drift(let differences), .expectedDrift(_, .drift(let differences)):
      let more = differences.count > 1 ? " (and \(differences.count - 1) more: :diff)" : ""
      line = style.paint("differs:", .red) + " " + Self.describe(differences[0], file: file) + more
    case .failed(let status, let message), .expectedDrift(_, .failed(let status, let message)):
      line = style.paint("failed:", .red) + " exited with status \(status): \(Terminal.visible(message))"
    case .notSimulated(let reason):
      line = style.paint("not simulated:", .yellow) + " " + Terminal.visible(reason)
    case .skipped(let reason):
      line = style.paint("skipped:", .yellow) + " the page asks not to run it" + (reason.isEmpty ? "" : " (\(reason))")
    case .expectedDrift(let reason, _), .driftGone(let reason):
      line = style.paint("expected drift:", .yellow) + " " + reason
    }
    var text = line
    for note in result.notes { text += "\n" + style.paint("note:", .yellow) + " " + note }
    let mapped = mappedValues(of: result.step)
    if !mapped.isEmpty { text += "\n" + mapped }
    return text
  }

  /// `the page's 8fe74a26… is your 189deb96…`, for the IDs of the step's command and output.
  private func mappedValues(of step: Step) -> String {
    let values = page.bindings.boundValues(in: [step.command.command] + step.command.output).filter {
      !$0.page.contains(":") && $0.page.count >= 8
    }
    guard !values.isEmpty else { return "" }
    let shown = values.prefix(3).map { "the page's \($0.page.prefix(8))… is your \($0.cloud.prefix(8))…" }
    return shown.joined(separator: "; ") + (values.count > 3 ? "; and \(values.count - 3) more" : "")
  }

  /// A difference in a sentence: the explanation as `check` gives it, or the line that is only on
  /// one side.
  static func describe(_ difference: Difference, file: String) -> String {
    let text = Terminal.visible(difference.text)
    switch difference.side {
    case .explained: return "line \(difference.line): \(text)"
    case .documented: return "the page's line \(difference.line), \"\(text)\", is not printed"
    case .actual: return "printed line \(difference.line), \"\(text)\", is not on the page"
    }
  }

  private func perform(_ verb: Verb) -> Reply {
    switch verb {
    case .doc(let number):
      guard let index = stepIndex(number, default: min(current, steps.count - 1)) else { return noSuchStep(number) }
      let command = steps[index].command
      guard !command.output.isEmpty else {
        return Reply(text: "the page shows no output for step \(index + 1) (\(file):\(command.line))\n")
      }
      let where_ = command.outputLines.map { "\(file):\($0.lowerBound)" } ?? file
      return Reply(text: "the page shows (\(where_)):\n" + command.output.map { Terminal.visible($0) + "\n" }.joined())
    case .diff(let number):
      guard let index = number == nil ? lastRun : stepIndex(number, default: 0) else {
        return Reply(text: number == nil ? "no step has run yet\n" : noSuchStep(number).text)
      }
      guard let run = runs[index] else { return Reply(text: "step \(index + 1) has not run\n") }
      let finding = TextReport(colour: style.colour).render(run.result, file: file)
      let mapped = mappedValues(of: run.result.step)
      return Reply(
        text: "step \(index + 1): " + (finding.isEmpty ? verdict(run) : Terminal.visible(finding)) + "\n"
          + (finding.isEmpty || mapped.isEmpty ? "" : mapped + "\n"))
    case .back:
      guard current > 0 else { return Reply(text: "this is the first step (:reset starts again)\n") }
      goBack(to: current - 1)
      return Reply(text: "back to step \(current + 1), the cloud as it was before it\n\n" + stepScreen())
    case .goto(let number):
      guard let index = stepIndex(number, default: 0) else { return noSuchStep(number) }
      if index < current {
        goBack(to: index)
      } else {
        // Ahead: the steps in between are not run; each begins with the cloud as it is now.
        for passed in (current + 1)...max(current + 1, index) where passed <= index { arrive(at: passed) }
        current = index
      }
      return Reply(text: stepScreen())
    case .reset:
      goBack(to: 0)
      ownCommands = []
      return Reply(text: "a fresh cloud, back at the first step\n\n" + stepScreen())
    case .skip:
      guard !isFinished else { return Reply(text: "there is no step left to skip\n") }
      marks[current] = .skipped
      arrive(at: current + 1)
      return Reply(text: stepScreen())
    case .list:
      let width = String(steps.count).count
      let lines = steps.enumerated().map { index, step in
        let number = String(repeating: " ", count: width - String(index + 1).count) + String(index + 1)
        let mark = marks[index].rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)
        let room = max(ProseRenderer.minimumWidth, self.width - number.count - 17)
        let command = Terminal.visible(step.command.command)
        return (index == current ? "> " : "  ") + "\(number) \(mark) "
          + (command.count > room ? command.prefix(room - 1) + "…" : command)
      }
      return Reply(text: lines.joined(separator: "\n") + "\n")
    case .hint:
      guard let command = suggestedCommand else { return Reply(text: "there is no step left\n") }
      return Reply(text: "the page's command (\(file):\(steps[current].command.line)): \(Terminal.visible(command))\n")
    case .help:
      let width = Verb.all.map(\.usage.count).max() ?? 0
      return Reply(
        text: Verb.all.map { $0.usage.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.meaning + "\n" }
          .joined() + "Enter runs the command at the prompt; Ctrl-C abandons a line; Tab completes.\n")
    case .quit:
      return Reply(text: summary(), finished: true)
    }
  }

  /// A line of at most 200 characters: a pasted megabyte is not listed whole.
  static func shortened(_ line: String) -> String {
    line.count <= 200 ? line : line.prefix(199) + "…"
  }

  private func stepIndex(_ number: Int?, default index: Int) -> Int? {
    guard let number else { return index }
    return (1...steps.count).contains(number) ? number - 1 : nil
  }

  private func noSuchStep(_ number: Int?) -> Reply {
    Reply(text: "there is no step \(number ?? 0): the steps go from 1 to \(steps.count)\n")
  }

  private func arrive(at index: Int) {
    current = index
    arrivals[index] = Arrival(checkpoint: page.checkpoint(), recorded: record.count)
  }

  /// Back to step `index`, with everything as it was when the learner came to it.
  private func goBack(to index: Int) {
    guard let arrival = arrivals[index] else { return }
    page.restore(arrival.checkpoint)
    record.removeLast(record.count - arrival.recorded)
    for later in index..<steps.count {
      marks[later] = .notRun
      runs[later] = nil
    }
    if let last = lastRun, last >= index { lastRun = nil }
    current = index
  }

  /// The steps done, those that differed and why, and the learner's own commands.
  public func summary() -> String {
    let counts = [StepMark.done, .differs, .notSimulated, .skipped, .notRun].compactMap { mark -> String? in
      let count = marks.count { $0 == mark }
      return count == 0 ? nil : "\(count) \(mark == .done ? "as the page shows" : mark == .differs ? "differed" : mark.rawValue)"
    }
    var text = style.paint("Summary:", .bold) + " \(counted(steps.count, "step")): \(counts.joined(separator: ", "))"
    text += "; \(counted(ownCommands.count, "command")) of your own.\n"
    for (index, mark) in marks.enumerated() where mark == .differs {
      guard let run = runs[index] else { continue }
      let why = verdict(run).split(separator: "\n").first.map(String.init) ?? ""
      text += "  step \(index + 1) (\(file):\(steps[index].command.line)): \(why)\n"
    }
    if !ownCommands.isEmpty {
      text += "Your own commands:\n" + ownCommands.prefix(20).map { "  \(Terminal.visible(Self.shortened($0)))\n" }.joined()
      if ownCommands.count > 20 { text += "  … and \(ownCommands.count - 20) more\n" }
    }
    return text
  }
}

/// A command as the session ran it, for the record of the session.
public struct RecordedCommand: Sendable {
  /// The step it ran as; `nil` for a command of the learner's own.
  public var step: Int?
  public var line: String
  public var output: CommandResult
  /// The variables the page's directives set before it.
  public var environment: [(name: String, value: String)]
}
