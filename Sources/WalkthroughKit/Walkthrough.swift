import Check
import Dispatch
import Documents
import FakeCloud

/// Documentation pages checked from Swift: read a page, run it against a fake cloud, check it and
/// get the findings, as `walkthrough check` does.
///
/// ```swift
/// import Testing
/// import WalkthroughKit
///
/// @Test func theDocsShowWhatTheClientPrints() async throws {
///   let report = try await Walkthrough.check("docs/")
///   #expect(report.isClean, "\(report)")
/// }
/// ```
public enum Walkthrough {
  /// Reads one page: its console commands, with their lines and documented output.
  /// - Throws: ``WalkthroughError`` naming the file (and line) when it cannot be read.
  public static func read(_ file: String, syntax: Page.Syntax? = nil) throws(WalkthroughError) -> Page {
    do {
      return Page(try WalkthroughReader.read(file: file, syntax: syntax.map(\.documents)))
    } catch {
      throw WalkthroughError(error)
    }
  }

  /// Runs a page's commands, one after another, against a fresh fake cloud (the page's `cloud`
  /// directive's, or `options.cloud`), and returns what each printed.
  public static func run(_ page: Page, options: CheckOptions = CheckOptions()) throws(WalkthroughError) -> [CommandRun] {
    do {
      let run = try PageCheck.runKeepingOutput(page.walkthrough, settings: options.settings)
      return zip(run.results, run.ran).map { result, ran in
        CommandRun(
          line: result.step.command.line, command: ran?.line ?? result.step.command.command,
          standardOutput: ran?.result.standardOutput ?? "", standardError: ran?.result.standardError ?? "",
          exitStatus: ran?.result.exitStatus, outcome: result.outcome.kind)
      }
    } catch {
      throw WalkthroughError(error)
    }
  }

  /// Checks one page that was read: each command's outcome, and a finding for each that does not
  /// match.
  public static func check(_ page: Page, options: CheckOptions = CheckOptions()) -> PageCheckResult {
    PageCheckResult(PageRunner.check(page.walkthrough, settings: options.settings))
  }

  /// Checks every page under `paths` (files, or directories searched for `.rst`, `.md` and
  /// `.markdown`), several at once, each in its own cloud; the pages in name order.
  /// - Throws: ``WalkthroughError`` when a path does not exist, or holds no page.
  public static func check(_ paths: String..., options: CheckOptions = CheckOptions()) async throws(WalkthroughError)
    -> CheckReport
  {
    try await check(paths, options: options)
  }

  /// ``check(_:options:)-(String...)`` for an array of paths.
  public static func check(_ paths: [String], options: CheckOptions = CheckOptions()) async throws(WalkthroughError)
    -> CheckReport
  {
    let files: [String]
    do {
      files = try WalkthroughReader.pages(in: paths)
    } catch {
      throw WalkthroughError(error)
    }
    guard !files.isEmpty else {
      throw WalkthroughError(file: paths.joined(separator: " "), line: nil, reason: "no page found (.rst, .md, .markdown)")
    }
    let settings = options.settings
    let jobs = options.jobs
    let reports = await withCheckedContinuation { continuation in
      // The runner blocks while its threads work: off the cooperative pool.
      DispatchQueue.global().async {
        let collected = Collected()
        PageRunner.run(files, syntax: nil, settings: settings, jobs: jobs) { collected.append($0) }
        continuation.resume(returning: collected.reports)
      }
    }
    return CheckReport(reports)
  }
}

/// Page reports handed over by the runner, in order (it never calls twice at once).
private final class Collected: @unchecked Sendable {
  var reports: [PageReport] = []
  func append(_ report: PageReport) { reports.append(report) }
}

extension PageRunner {
  /// A page already read, checked as ``check(_:syntax:settings:snapshots:)`` checks a file.
  static func check(_ walkthrough: Documents.Walkthrough, settings: CheckSettings) -> PageReport {
    let start = ContinuousClock.now
    do {
      let results = try PageCheck.run(walkthrough, settings: settings)
      return PageReport(file: walkthrough.file, results: results, seconds: (ContinuousClock.now - start).seconds)
    } catch {
      return PageReport(file: walkthrough.file, results: [], seconds: (ContinuousClock.now - start).seconds, error: error)
    }
  }
}
