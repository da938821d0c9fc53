import ArgumentParser
import Check
import Documents
import Foundation
import Tutor

/// `Benchmark tutor`: a page done in the tutor, Enter at every step, N times: the time a step
/// takes to answer (the command, its comparison with the page, the reply with the next step's
/// prose wrapped), and what a checkpoint costs: the time to take one and to go back to it, and the
/// memory the checkpoints keep (pages done in the tutor and kept, less the same pages run without
/// checkpoints, per checkpoint).
struct TutorBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "tutor", abstract: "Time walkthrough tutor's steps and checkpoints.")

  @Option(name: .customLong("repeat"), help: "How many times to do the page.")
  var runs = 20

  @Option(help: "The terminal width, for prose and tables.")
  var width = 80

  @Argument(help: "The page.")
  var page = "walkthroughs/manila-troubleshooting.rst"

  func run() throws {
    let (walkthrough, text) = try WalkthroughReader.readKeepingText(file: page)
    let count = walkthrough.steps.count
    func tutorial() throws -> Tutorial {
      try Tutorial(
        walkthrough, text: text, settings: CheckSettings(), width: width, commandWidth: width, style: TerminalStyle(colour: true))
    }
    print("tutor benchmark: \(page), \(count) steps, \(runs) runs, \(width) columns")
    var steps: [[Double]] = Array(repeating: [], count: count)
    var taking: [Double] = []
    var restoring: [Double] = []
    for _ in 0..<runs {
      let session = try tutorial()
      for index in 0..<count {
        let command = session.suggestedCommand!
        steps[index].append(Timing.seconds { _ = session.handle(command) })
      }
      var checkpoint: PageSteps.Checkpoint?
      taking.append(Timing.seconds { checkpoint = session.page.checkpoint() })
      restoring.append(Timing.seconds { session.page.restore(checkpoint!) })
    }
    let all = steps.flatMap { $0 }.sorted()
    let slowest = steps.indices.max { median(steps[$0]) < median(steps[$1]) }!
    print(
      String(
        format: "step (command, comparison, redraw): median %.2f ms, p90 %.2f ms, max %.2f ms; slowest step by median: %d (%.2f ms), %@",
        Timing.percentile(all, 0.5) * 1e3, Timing.percentile(all, 0.9) * 1e3, all.last! * 1e3, slowest + 1,
        median(steps[slowest]) * 1e3, walkthrough.steps[slowest].command.command))
    let kept = try keptPerCheckpoint(tutorial, walkthrough: walkthrough)
    print(
      String(
        format: "checkpoint: taking one %.1f µs, going back to one %.1f µs (medians); memory kept at most %.1f KB a checkpoint (a page done and kept: %.1f KB in the tutor, with its %d checkpoints, %.1f KB without)",
        median(taking) * 1e6, median(restoring) * 1e6, kept.perCheckpoint / 1024, kept.with / 1024, count + 1,
        kept.without / 1024))
  }

  private func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

  /// The memory kept by pages done to the end and kept: done in the tutor (a checkpoint kept
  /// where each step begins, with the steps' results and the record) and with the same steps run
  /// without checkpoints; the difference, per checkpoint, is what a checkpoint keeps at most.
  private func keptPerCheckpoint(_ tutorial: () throws -> Tutorial, walkthrough: Walkthrough) throws -> (
    perCheckpoint: Double, with: Double, without: Double
  ) {
    let count = walkthrough.steps.count
    let pages = 40
    var plain: [PageSteps] = []
    let start = residentBytes
    for _ in 0..<pages {
      let steps = try PageSteps(walkthrough)
      for index in 0..<count { _ = steps.run(step: index, width: width) }
      plain.append(steps)
    }
    let without = (residentBytes - start) / Double(pages)
    var tutored: [Tutorial] = []
    let middle = residentBytes
    for _ in 0..<pages {
      let session = try tutorial()
      for _ in 0..<count { _ = session.handle(session.suggestedCommand!) }
      tutored.append(session)
    }
    let with = (residentBytes - middle) / Double(pages)
    withExtendedLifetime((plain, tutored)) {}
    return (max(0, with - without) / Double(count + 1), with, without)
  }

  /// The process's resident memory now, in bytes.
  private var residentBytes: Double {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
      let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
    else { return 0 }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE)))
  }
}
