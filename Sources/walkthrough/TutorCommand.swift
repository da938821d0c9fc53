import ArgumentParser
import Check
import Documents
import FakeCloud
import Foundation
import Tutor

/// `walkthrough tutor`: a page done step by step against a fake cloud of the learner's own.
struct TutorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tutor", _superCommandName: "walkthrough",
    abstract: "Follow a walkthrough step by step against a fake cloud of your own.",
    discussion: """
      Each step shows the page's prose and its command, ready to run or edit; after it, what the \
      command printed and how it compares with the page. :help lists the moves (:back, :goto N, \
      :diff...). On a terminal it edits lines with history and completion; otherwise it reads \
      commands and moves from standard input, a line each, and writes plain text.
      """
  )

  @Argument(help: "The page (.rst, .md or .markdown).")
  var page: String

  @Option(help: "Read the page as this syntax (rst or markdown), whatever its extension.")
  var syntax: Syntax?

  @Option(help: "The cloud file, for a page that does not name its own (default: the built-in devstack cloud).")
  var cloud: String?

  @Option(help: "The terminal width to write for (prose and tables); the terminal's own by default.")
  var width: Int?

  @Option(help: "When the tutorial ends, write the session to this file as a walkthrough page (Markdown).")
  var record: String?

  func validate() throws {
    if let width, width < 1 { throw ValidationError("--width needs a number of columns of at least 1") }
  }

  func run() throws {
    let (walkthrough, text) = try WalkthroughReader.readKeepingText(file: page, syntax: syntax)
    var settings = CheckSettings()
    if let cloud {
      do {
        settings.cloud = try CloudDefinition(contentsOfFile: cloud)
      } catch {
        throw DocumentError(file: error.file, line: error.line, reason: error.reason)
      }
    }
    let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    // A terminal that reports no width gets 80 columns.
    let columns = width ?? (interactive ? Terminal.size()?.columns ?? 80 : 80)
    let tutorial = try Tutorial(
      walkthrough, text: text, settings: settings, width: columns, commandWidth: interactive ? columns : width,
      style: interactive ? .forOutput() : TerminalStyle(colour: false))
    if let record { try checkWritable(record) }
    if interactive {
      InteractiveTutor(tutorial: tutorial, fixedWidth: width, historyFile: TutorHistory.file(for: page)).run()
    } else {
      ScriptedTutor.run(tutorial, readLine: { readLine(strippingNewline: true) }) { text in
        FileHandle.standardOutput.write(text)
      }
    }
    if let record { try write(tutorial, to: record, cloud: cloud) }
  }

  /// Refuses, before the session, a record file that could not be written.
  private func checkWritable(_ path: String) throws {
    let directory = (path as NSString).deletingLastPathComponent
    guard access(directory.isEmpty ? "." : directory, W_OK) == 0 else {
      throw DocumentError(file: path, reason: "cannot be written (\(String(cString: strerror(errno))))")
    }
  }

  private func write(_ tutorial: Tutorial, to path: String, cloud: String?) throws {
    do {
      try Data(tutorial.sessionRecord(cloudFile: cloud).markdown.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw DocumentError(file: path, reason: "cannot be written")
    }
  }
}
