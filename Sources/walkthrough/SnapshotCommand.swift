import ArgumentParser
import Check
import Documents
import Foundation
import Synchronization

/// `walkthrough snapshot`: each page's whole transcript against its recorded snapshot under
/// `Snapshots/`, a change written as a pending file for review, never over the snapshot.
struct SnapshotCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "snapshot", _superCommandName: "walkthrough",
    abstract: "Compare each page's whole transcript with its snapshot under Snapshots/; review and accept changes.",
    discussion: """
      Each page runs as check runs it; its transcript (each command as it ran, its standard \
      output, standard error and exit status) is compared with Snapshots/PAGE.snap, PAGE being \
      the page's path from the repository root (the nearest directory with .git, or --root). A \
      new or changed transcript is written beside it as PAGE.snap.new; --accept records it, \
      --review walks the pending ones on a terminal. When CI is set, nothing is written.

      Exit status: 0 when every snapshot records its page's transcript (or was accepted), 1 when \
      one is missing, changed or has no page any more, 2 for bad usage, a page that cannot be \
      read or run, or a snapshot file that is not a snapshot.
      """
  )

  @OptionGroup var pages: PageOptions

  @OptionGroup var defaults: RunOptions

  @Flag(help: "Record every new or changed transcript as the page's snapshot.")
  var accept = false

  @Flag(help: "Walk the pending snapshots one by one on a terminal: the diff, then accept, reject, skip or quit.")
  var review = false

  @Flag(help: "Remove the snapshots (and pending files) of pages that are gone, under the directories given.")
  var prune = false

  @Option(
    help: ArgumentHelp("The repository root snapshots are relative to (default: the nearest directory with .git).", valueName: "dir"),
    completion: .directory)
  var root: String?

  @Option(help: "Colour the diffs: auto (on a terminal, unless NO_COLOR is set), always or never.")
  var color: CheckCommand.Colour = .auto

  /// `CI` set to anything but empty, `0` or `false`, as CI services set it.
  static func isCI(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
    guard let value = environment["CI"] else { return false }
    return !["", "0", "false"].contains(value.lowercased())
  }

  func validate() throws {
    if Self.isCI() && (accept || review || prune) {
      throw ValidationError("CI is set: snapshot writes nothing there; --accept, --review and --prune are for a working copy")
    }
    if accept && review { throw ValidationError("--accept records every change; --review asks about each: give one") }
  }

  func run() throws {
    if review { try SnapshotReview.requireTerminal() }
    let store = try Self.repositoryStore(root: root)
    let files = try WalkthroughReader.pages(in: pages.paths, syntax: pages.syntax)
    guard !files.isEmpty else {
      throw DocumentError(file: pages.paths.joined(separator: " "), reason: "no page found (.rst, .md, .markdown)")
    }
    let settings = try defaults.settings()
    let text = TextReport(colour: color == .always || color == .auto && TextReport.colourByDefault())
    let settling = Settling(store: store, writes: !Self.isCI(), accepts: accept, reviews: review, text: text)
    // Pages run as check runs them, several at once; each is settled in page order.
    let state = Mutex(Tally())
    PageRunner.run(files, syntax: pages.syntax, settings: settings, snapshots: store) { report in
      state.withLock { settling.settle(report, tally: &$0) }
    }
    var tally = state.withLock { $0 }
    try settleOrphans(in: store, tally: &tally)
    if review {
      try SnapshotReview(text: text).run(&tally)
    }
    print(tally.summary(pages: files.count))
    if tally.unreadable > 0 { throw ExitCode(2) }
    if tally.failing > 0 { throw ExitCode(1) }
  }

  /// The snapshots of the repository at `root`, or of the one the working directory is in.
  static func repositoryStore(root: String?) throws -> SnapshotStore {
    if let root { return try SnapshotStore(root: root) }
    guard let found = SnapshotStore.repositoryRoot() else {
      throw DocumentError(
        file: FileManager.default.currentDirectoryPath, reason: "not in a repository (no .git here or above): give --root")
    }
    return try SnapshotStore(root: found)
  }

  /// The snapshots, under the directories given, whose page is gone: listed, or removed with
  /// `--prune`.
  private func settleOrphans(in store: SnapshotStore, tally: inout Tally) throws {
    let directories = pages.paths.filter { path in
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
    for directory in directories {
      for file in try store.files(under: directory) where !FileManager.default.fileExists(atPath: store.page(of: file)) {
        let shown = SnapshotStore.shown(file)
        let page = SnapshotStore.shown(store.page(of: file))
        if prune {
          guard unlink(file) == 0 || errno == ENOENT else {
            throw DocumentError(file: shown, reason: "cannot be removed (\(String(cString: strerror(errno))))")
          }
          print("\(shown): removed: its page \(page) is gone")
          tally.pruned += 1
        } else {
          print("\(shown): its page \(page) is gone (moved or deleted): --prune removes the snapshot")
          tally.orphaned += 1
        }
      }
    }
  }
}

/// What a snapshot run does with each page's comparison: reports it, and writes what the run
/// writes (a pending file, or the snapshot with `--accept`).
struct Settling: Sendable {
  var store: SnapshotStore
  /// `false` under CI.
  var writes: Bool
  var accepts: Bool
  /// The diffs wait for the review.
  var reviews: Bool
  var text: TextReport

  func settle(_ report: PageReport, tally: inout Tally) {
    do {
      if let error = report.error { throw error }
      guard let comparison = report.snapshot else { return }
      try settle(comparison, tally: &tally)
    } catch {
      FileHandle.standardError.write("walkthrough: \(error)\n")
      tally.unreadable += 1
    }
  }

  private func settle(_ comparison: SnapshotComparison, tally: inout Tally) throws {
    let page = comparison.page
    if comparison.state == .unchanged {
      if writes { store.removePending(of: comparison) }
      tally.unchanged += 1
      return
    }
    if accepts {
      try store.accept(comparison)
      print("\(page): snapshot \(comparison.state == .new ? "recorded" : "accepted") (\(comparison.snapshotFile))")
      tally.accepted += 1
      return
    }
    let pending = comparison.snapshotFile + ".new"
    switch comparison.state {
    case .unreadable(let error):
      FileHandle.standardError.write("walkthrough: \(error)\n")
      tally.unreadable += 1
    case .new:
      print("\(page): no snapshot (\(comparison.snapshotFile))")
      tally.new += 1
    default:
      if !reviews { for finding in comparison.findings { print(text.render(finding, page: page)) } }
      tally.changed += 1
    }
    if !reviews {
      print(text.painted(diff: comparison.diff(newName: writes ? pending : "the page's transcript")), terminator: "")
    }
    if writes {
      try store.writePending(comparison)
      tally.pending.append(pending)
      print("\(page): pending \(pending)\(reviews ? "" : ": walkthrough snapshot --review or --accept")")
    }
  }
}

/// How a snapshot run's pages ended, for its closing line and exit status.
struct Tally {
  var unchanged = 0
  var new = 0
  var changed = 0
  var accepted = 0
  /// The pending files this run wrote, and of them those accepted or rejected in review.
  var pending: [String] = []
  var reviewed = 0
  var rejected = 0
  var orphaned = 0
  var pruned = 0
  var unreadable = 0

  /// Snapshots that do not record their page (a rejected change still does not).
  var failing: Int { new + changed + orphaned - (reviewed - rejected) }

  func summary(pages: Int) -> String {
    let parts = [
      (unchanged, "unchanged"), (new, "new"), (changed, "changed"), (accepted, "accepted"), (rejected, "rejected"),
      (orphaned, "without a page"), (pruned, "pruned"), (unreadable, "unreadable"),
    ].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
    return "\(counted(pages, "page")), snapshots: \(parts.isEmpty ? "none" : parts.joined(separator: ", "))"
  }
}
