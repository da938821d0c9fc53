import ArgumentParser
import Check
import Documents
import Foundation

/// `walkthrough update`: rewrites the documented output of the commands that drift with what
/// they print, in place, touching nothing else.
struct UpdateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "update", _superCommandName: "walkthrough",
    abstract: "Rewrite the documented output of drifting commands with what they print, in place.",
    discussion: """
      Each page runs as check runs it. The output of every command that drifts or fails is \
      replaced by what it printed, with the page's own IDs and times where they were bound, \
      indented as the command is, its tables wrapped at the width the page captured them at. \
      Commands that match, are skipped, are not simulated or are expected to drift stay as they \
      are, and so does everything else on the page. A page is written whole or not at all, and \
      not when it changed since it was read.

      Exit status: 0 when every drifting command was rewritten (or none drifted), 1 when some \
      could not be, 2 for bad usage or a page that cannot be read or written.
      """
  )

  @OptionGroup var pages: PageOptions

  @OptionGroup var defaults: RunOptions

  @Flag(help: "Print what would change, and write nothing.")
  var dryRun = false

  func run() throws {
    let settings = try defaults.settings()
    var unreadable = false
    var refused = false
    let files = try WalkthroughReader.pages(in: pages.paths, syntax: pages.syntax)
    let progress = ProgressLine("update", total: files.count)
    for file in files {
      do {
        let (rewrite, original) = try Self.rewrite(file, syntax: pages.syntax, settings: settings)
        if !dryRun && rewrite.text != original { try PageWriter.replace(file, original: original, with: rewrite.text) }
        progress.pageDone { report(rewrite, file: file, original: original) }
        refused = refused || !rewrite.refused.isEmpty
      } catch {
        progress.pageDone { FileHandle.standardError.write("\(error)\n") }
        unreadable = true
      }
    }
    progress.finish()
    if unreadable { throw ExitCode(2) }
    if refused { throw ExitCode(1) }
  }

  /// Runs the page and rewrites its text; the text it was read from too.
  private static func rewrite(_ file: String, syntax: Syntax?, settings: CheckSettings) throws(DocumentError)
    -> (PageRewrite, original: String)
  {
    let (walkthrough, text) = try WalkthroughReader.readKeepingText(file: file, syntax: syntax)
    return (try PageRewrite.rewriting(walkthrough, text: text, settings: settings), text)
  }

  private func report(_ rewrite: PageRewrite, file: String, original: String) {
    for refusal in rewrite.refused {
      print("\(file):\(refusal.line): not rewritten: \(refusal.reason)")
    }
    guard !rewrite.changes.isEmpty || !rewrite.removedDirectives.isEmpty else {
      if rewrite.refused.isEmpty { print("\(file): up to date") }
      return
    }
    if dryRun {
      print(
        UnifiedDiff.render(
          old: UnifiedDiff.lines(of: original), new: UnifiedDiff.lines(of: rewrite.text), oldName: file, newName: file + " (updated)"),
        terminator: "")
    }
    func lines(_ numbers: [Int]) -> String {
      (numbers.count == 1 ? "line " : "lines ") + numbers.map(String.init).joined(separator: ", ")
    }
    if !rewrite.changes.isEmpty {
      let what = "the output of \(counted(rewrite.changes.count, "command")) (\(lines(rewrite.changes.map(\.line))))"
      print("\(file): \(dryRun ? "would rewrite" : "rewrote") \(what)")
    }
    if !rewrite.removedDirectives.isEmpty {
      let count = rewrite.removedDirectives.count
      let what = "\(count == 1 ? "the expect-drift directive" : "\(count) expect-drift directives") whose drift is gone (\(lines(rewrite.removedDirectives)))"
      print("\(file): \(dryRun ? "would remove" : "removed") \(what)")
    }
  }
}
