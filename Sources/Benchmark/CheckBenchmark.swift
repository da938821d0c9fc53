import ArgumentParser
import Check
import Documents
import Foundation
import Synchronization

/// `Benchmark check`: checks the pages in walkthroughs/, then generated sets of 100 and 1,000
/// pages (copies of those pages with IDs of their own, which the check must bind), with one job
/// and with two, and prints pages/s, commands/s, how
/// the time grows from 100 to 1,000 pages, the speed-up of two jobs, and the peak memory.
struct CheckBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "check", abstract: "Time walkthrough check.")

  @Option(name: .customLong("repeat"), help: "Runs to take the best of.")
  var runs = 3

  @Option(help: "How many pages the large set has.")
  var pages = 1000

  @Argument(help: "The pages to check and to copy (default: walkthroughs).")
  var paths: [String] = ["walkthroughs"]

  func run() throws {
    let files = try WalkthroughReader.pages(in: paths)
    let commandsPerPage = try files.reduce(0) { $0 + (try WalkthroughReader.read(file: $1).steps.count) } / max(1, files.count)
    print("check benchmark: best of \(runs) runs; pages of \(commandsPerPage) commands; \(ProcessInfo.processInfo.activeProcessorCount) processors")
    _ = measure("walkthroughs", files, jobs: 1)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("walkthrough-check-benchmark-\(getpid())")
    defer { try? FileManager.default.removeItem(at: directory) }
    let small = try copies(of: files, count: pages / 10, in: directory.appendingPathComponent("small"))
    let large = try copies(of: files, count: pages, in: directory.appendingPathComponent("large"))
    let smallSerial = measure("\(small.count) pages", small, jobs: 1)
    let largeSerial = measure("\(large.count) pages", large, jobs: 1)
    let largeParallel = measure("\(large.count) pages", large, jobs: 2)
    print(
      String(
        format: "growth: %d× the pages took %.2f× the time; --jobs 2 is %.2f× as fast as --jobs 1; peak memory %.1f MB",
        large.count / max(1, small.count), largeSerial / smallSerial, largeSerial / largeParallel, Timing.peakMegabytes))
  }

  /// Checks the pages as `walkthrough check` does, reports kept, and prints the rates.
  private func measure(_ label: String, _ files: [String], jobs: Int) -> Double {
    var commands = 0
    var failing = 0
    let timing = Timing.best(of: runs) {
      // What `walkthrough check` does with each page without --junit: its text report, counts.
      let counts = Mutex((commands: 0, failing: 0))
      PageRunner.run(files, syntax: nil, settings: CheckSettings(), jobs: jobs) { page in
        _ = TextReport(colour: false).render(page)
        counts.withLock { $0 = ($0.commands + page.results.count, $0.failing + (page.fails || page.error != nil ? 1 : 0)) }
      }
      (commands, failing) = counts.withLock { $0 }
    }
    print(
      String(
        format: "%-14@ --jobs %d: %.3f s | %7.0f pages/s %8.0f commands/s%@", label, jobs, timing.best,
        Double(files.count) / timing.best, Double(commands) / timing.best, failing > 0 ? " (\(failing) pages failing)" : ""))
    return timing.best
  }

  /// `count` pages, copies of `files` in turn, in a new directory; with their cloud files.
  private func copies(of files: [String], count: Int, in directory: URL) throws -> [String] {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for source in Set(files.map { ($0 as NSString).deletingLastPathComponent }) {
      let clouds = (source as NSString).appendingPathComponent("clouds")
      if FileManager.default.fileExists(atPath: clouds) {
        try? FileManager.default.copyItem(atPath: clouds, toPath: directory.appendingPathComponent("clouds").path)
      }
    }
    let texts = try files.map { try Self.withOwnIDs(String(contentsOfFile: $0, encoding: .utf8)) }
    return try (0..<count).map { index in
      let source = files[index % files.count]
      let page = directory.appendingPathComponent(String(format: "page-%04d.", index) + (source as NSString).pathExtension)
      try Data(texts[index % files.count].utf8).write(to: page)
      return page.path
    }
  }

  /// The page with IDs of its own, as a page captured on another cloud has, so that the check
  /// binds every one of them: each hexadecimal digit of a UUID moved on by one.
  static func withOwnIDs(_ text: String) -> String {
    let uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/
    return text.replacing(uuid) { match in
      String(match.output.map { character in
        guard let digit = character.hexDigitValue else { return character }
        return Character(String((digit + 1) % 16, radix: 16))
      })
    }
  }
}
