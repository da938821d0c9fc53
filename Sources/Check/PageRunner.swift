import Dispatch
import Documents
import Foundation
import Synchronization

/// Checks pages on several threads, each page in its own session and cloud, and hands the
/// reports over in page order, each as soon as it and every page before it are done, so that
/// output reads as if the pages ran one after another.
public enum PageRunner {
  /// - Parameters:
  ///   - files: the pages, in the order reports are wanted.
  ///   - jobs: how many pages run at once; by default as many as there are processors, counted
  ///     only when there are two pages or more (counting reads the control group's CPU quota from
  ///     its files, some 0.4 M instructions of a one-page check).
  ///   - report: called once per page, in order, never twice at the same time.
  ///   - snapshots: given, each page's transcript is also compared with its snapshot there.
  public static func run(
    _ files: [String], syntax: Syntax?, settings: CheckSettings, jobs: Int? = nil, snapshots: SnapshotStore? = nil,
    report: @escaping @Sendable (PageReport) -> Void
  ) {
    struct Progress {
      var nextToStart = 0
      var nextToReport = 0
      var done: [Int: PageReport] = [:]
    }
    let progress = Mutex(Progress())
    let workers = files.count < 2 ? 1 : max(1, min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, files.count))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        let index = progress.withLock { state -> Int? in
          guard state.nextToStart < files.count else { return nil }
          defer { state.nextToStart += 1 }
          return state.nextToStart
        }
        guard let index else { return }
        let page = check(files[index], syntax: syntax, settings: settings, snapshots: snapshots)
        progress.withLock { state in
          state.done[index] = page
          while let ready = state.done.removeValue(forKey: state.nextToReport) {
            report(ready)
            state.nextToReport += 1
          }
        }
      }
    }
  }

  /// Reads and checks one page; a page that cannot be read or checked becomes a report of why.
  public static func check(_ file: String, syntax: Syntax?, settings: CheckSettings, snapshots: SnapshotStore? = nil)
    -> PageReport
  {
    let start = ContinuousClock.now
    do {
      let walkthrough = try WalkthroughReader.read(file: file, syntax: syntax)
      let run = try PageCheck.runKeepingOutput(walkthrough, settings: settings)
      var report = PageReport(file: file, results: run.results, seconds: 0)
      report.snapshot = try snapshots?.compare(page: file, walkthrough: walkthrough, run: run)
      report.seconds = (ContinuousClock.now - start).seconds
      return report
    } catch {
      return PageReport(file: file, results: [], seconds: (ContinuousClock.now - start).seconds, error: error)
    }
  }

  /// The pages of shard `index` (1-based) of `count`: every `count`-th page from the `index`-th,
  /// in the given order, so that shards are disjoint, cover every page and are the same on every
  /// machine for the same pages.
  public static func shard(_ files: [String], index: Int, of count: Int) -> [String] {
    files.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
  }
}
