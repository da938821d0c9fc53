import ArgumentParser
import Check
import Documents
import Foundation
import Synchronization

/// `walkthrough coverage`: what a doc tree exercises, read and run as `check` runs it, counted
/// rather than reported command by command.
struct CoverageCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "coverage", _superCommandName: "walkthrough",
    abstract: "Count what the pages exercise: steps, openstack lines and their outcomes, what is not simulated and why.",
    discussion: """
      Runs every page as check does (in parallel, each in its own cloud), then prints per \
      directory the pages, console steps, openstack lines and how they ended; the lines that \
      were not simulated, grouped by reason and by command, each with a count and an example; \
      the options refused; the resources assumed.

      Exit status: 0, whatever the pages do; 2 for bad usage or no page found.
      """
  )

  enum Format: String, NamedChoices {
    /// A table and the groups, largest first.
    case text
    /// One JSON object.
    case json
  }

  @OptionGroup var pages: PageOptions

  @OptionGroup var defaults: RunOptions

  @Option(help: "text: a table and groups; json: one object, for dashboards.")
  var format: Format = .text

  @Option(help: "How many pages to run at once (default: the number of processors).")
  var jobs: Int?

  func validate() throws {
    guard (jobs ?? 1) > 0 else { throw ValidationError("--jobs must be at least 1") }
  }

  func run() throws {
    let files = try WalkthroughReader.pages(in: pages.paths, syntax: pages.syntax)
    guard !files.isEmpty else {
      throw DocumentError(file: pages.paths.joined(separator: " "), reason: "no page found (.rst, .md, .markdown)")
    }
    let coverage = Mutex(Coverage())
    let progress = ProgressLine("coverage", total: files.count)
    PageRunner.run(files, syntax: pages.syntax, settings: try defaults.settings(), jobs: jobs) { page in
      coverage.withLock { $0.add(page) }
      progress.pageDone()
    }
    progress.finish()
    let result = coverage.withLock { $0 }
    print(format == .json ? result.json() : result.text(), terminator: "")
  }
}
