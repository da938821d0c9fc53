import ArgumentParser
import Check
import Documents
import Foundation
import Synchronization

/// `Benchmark coverage TREE...`: `walkthrough coverage` over whole doc trees, as a doc team runs it
/// (every page read, run in its own cloud, counted), with the jobs the machine has: the time of
/// the whole run and the peak memory.
struct CoverageBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "coverage", abstract: "Time walkthrough coverage over doc trees, and its peak memory.")

  @Option(help: "How many runs; the best and the median are printed.")
  var `repeat` = 3

  @Argument(help: "Doc trees (directories of pages).")
  var trees: [String]

  func run() throws {
    let files = try WalkthroughReader.pages(in: trees, syntax: nil)
    let jobs = ProcessInfo.processInfo.activeProcessorCount
    var totals = Coverage().total
    let (best, median) = Timing.best(of: `repeat`) {
      let coverage = Mutex(Coverage())
      PageRunner.run(files, syntax: nil, settings: CheckSettings(), jobs: jobs) { page in
        coverage.withLock { $0.add(page) }
      }
      totals = coverage.withLock { $0.total }
    }
    print(
      String(
        format: "%d pages, %d console steps, %d openstack lines (%d executed), %d jobs: best %.2f s, median %.2f s; peak memory %.1f MB",
        files.count, totals.steps, totals.openstackLines, totals.executed, jobs, best, median, Timing.peakMegabytes))
  }
}
