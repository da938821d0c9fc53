import ArgumentParser
import Foundation

/// The benchmarks, one subcommand each. Run them in a release build:
///
///     swift run -c release Benchmark reader|emulation|check [--repeat N] [PATH...]
@main
struct Benchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "How fast walkthrough reads pages, runs commands and checks pages.",
    subcommands: [
      ReaderBenchmark.self, EmulationBenchmark.self, CheckBenchmark.self, CoverageBenchmark.self, LoadBenchmark.self,
      ProcessBenchmark.self, TutorBenchmark.self, ScaleBenchmark.self,
    ]
  )
}

/// The timing helpers the benchmarks share.
enum Timing {
  /// The seconds `work` took.
  static func seconds(_ work: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try work()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }

  /// The best and the median of `runs` timings of `work`, in seconds.
  static func best(of runs: Int, _ work: () throws -> Void) rethrows -> (best: Double, median: Double) {
    var timings: [Double] = []
    for _ in 0..<max(1, runs) { timings.append(try seconds(work)) }
    timings.sort()
    return (timings[0], timings[timings.count / 2])
  }

  /// The value at fraction `p` of sorted `values`.
  static func percentile(_ values: [Double], _ p: Double) -> Double {
    values[min(values.count - 1, Int(Double(values.count) * p))]
  }

  /// The process's peak resident memory so far, in megabytes.
  static var peakMegabytes: Double {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
  }
}
