import ArgumentParser
import Check
import Documents
import Foundation
import Synchronization

/// `walkthrough check`: runs every page in a fresh cloud and reports where what the commands
/// print differs from what the page shows.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", _superCommandName: "walkthrough",
    abstract: "Run the pages' commands against a fake cloud and report where their output drifts from the page.",
    discussion: """
      Pages may carry directives for the check in comments (.. walkthrough: ... in \
      reStructuredText, <!-- walkthrough: ... --> in Markdown): cloud FILE, width N, \
      env NAME=VALUE, skip [REASON], expect-drift REASON.

      Exit status: 0 when every command printed what its page shows (commands that are not \
      simulated or skipped are listed, not counted as drift), 1 when any drifted or failed, 2 for \
      bad usage or a page, directive or cloud file that cannot be read.
      """
  )

  enum Format: String, NamedChoices {
    /// Findings and a summary line per page.
    case text
    /// One JSON object per command.
    case json
    /// GitHub Actions workflow annotations for drift and failures.
    case github
  }

  enum Colour: String, NamedChoices {
    case auto, always, never
  }

  /// `K/N`: the K-th of N shards.
  struct Shard: ExpressibleByArgument {
    var index: Int
    var count: Int

    init?(argument: String) {
      let parts = argument.split(separator: "/")
      guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count > 0, (1...count).contains(index)
      else { return nil }
      self.index = index
      self.count = count
    }
  }

  @OptionGroup var pages: PageOptions

  @OptionGroup var defaults: RunOptions

  @Flag(help: "Count a table wrapped at another width than the page's as drift.")
  var strictLayout = false

  @Flag(help: "Count rows in another order than the page's as drift, even when the command does not sort.")
  var strictOrder = false

  @Option(help: "text: findings and a summary per page; json: one object per command; github: workflow annotations.")
  var format: Format = .text

  @Option(help: ArgumentHelp("Also write a JUnit XML report to this file.", valueName: "file"), completion: .file(extensions: ["xml"]))
  var junit: String?

  @Option(help: "Colour the text report: auto (on a terminal, unless NO_COLOR is set), always or never.")
  var color: Colour = .auto

  @Option(help: "How many pages to check at once (default: the number of processors).")
  var jobs: Int?

  @Option(help: ArgumentHelp("Check only the K-th of N equal shares of the pages, for a CI matrix.", valueName: "K/N"))
  var shard: Shard?

  @Flag(help: "Also compare each page's whole transcript with its snapshot under Snapshots/ (see walkthrough snapshot); writes nothing.")
  var snapshots = false

  @Flag(help: "Pass when the paths hold no page, instead of failing (a CI job with a wrong path should not pass).")
  var allowEmpty = false

  func validate() throws {
    guard (jobs ?? 1) > 0 else { throw ValidationError("--jobs must be at least 1") }
  }

  func run() throws {
    var files = try WalkthroughReader.pages(in: pages.paths, syntax: pages.syntax)
    if files.isEmpty && !allowEmpty {
      throw DocumentError(file: pages.paths.joined(separator: " "), reason: "no page found (.rst, .md, .markdown); --allow-empty passes")
    }
    if let shard {
      let all = files.count
      files = PageRunner.shard(files, index: shard.index, of: shard.count)
      if files.isEmpty {
        print("shard \(shard.index)/\(shard.count): no page (the paths hold \(counted(all, "page")))")
        return
      }
    }
    var settings = try defaults.settings()
    settings.strictLayout = strictLayout
    settings.strictOrder = strictOrder
    let text = TextReport(colour: color == .always || color == .auto && TextReport.colourByDefault())
    let format = self.format
    // Only the JUnit report needs every page's results; the exit status needs two flags.
    let keepsReports = junit != nil
    let state = Mutex((fails: false, unreadable: false, reports: [PageReport](), summary: RunSummary()))
    let store = try snapshots ? SnapshotCommand.repositoryStore(root: nil) : nil
    let progress = ProgressLine("check", total: files.count)
    let start = ContinuousClock.now
    PageRunner.run(files, syntax: pages.syntax, settings: settings, jobs: jobs, snapshots: store) { page in
      let output =
        switch format {
        case .text: text.render(page)
        case .json: JSONLinesReport.render(page)
        case .github: GitHubReport.render(page)
        }
      progress.pageDone { FileHandle.standardOutput.write(output) }
      state.withLock { state in
        state.fails = state.fails || page.fails
        state.unreadable = state.unreadable || page.error != nil
        state.summary.add(page)
        if keepsReports { state.reports.append(page) }
      }
    }
    progress.finish()
    let (fails, unreadable, reports, summary) = state.withLock { $0 }
    if format == .text && files.count > 1 {
      print(summary.text(seconds: (ContinuousClock.now - start).seconds))
    }
    if let junit { try JUnitReport.write(reports, to: junit) }
    if unreadable { throw ExitCode(2) }
    if fails { throw ExitCode(1) }
  }
}
