import Documents
import Foundation

/// A page's transcript against its recorded snapshot.
public struct SnapshotComparison: Sendable {
  public enum State: Equatable, Sendable {
    /// The snapshot records exactly this transcript.
    case unchanged
    /// There is no snapshot for the page.
    case new
    /// The snapshot records another transcript.
    case changed
    /// The snapshot file is not a transcript (edited by hand, cut short): the error names its line.
    case unreadable(DocumentError)
  }

  /// A command whose recorded transcript differs, or a change of the header.
  public struct Finding: Equatable, Sendable {
    public enum Kind: String, Sendable {
      /// The command printed or ended otherwise.
      case changed
      /// The command is not in the snapshot.
      case added = "not in the snapshot"
      /// The snapshot records a command the page no longer has; `line` is the snapshot's.
      case gone = "no longer on the page"
      /// The header differs: client, cloud file, width; `line` is `nil`.
      case header
      /// The commands and what they printed are the same; their lines on the page moved.
      case moved = "lines moved"
      /// There is no snapshot; `line` is `nil`.
      case missing = "no snapshot"
      /// The snapshot file is not a snapshot; `line` is the file's, the diff the reason.
      case unreadable = "not a snapshot"
    }

    public var kind: Kind
    /// The command's line on the page.
    public var line: Int?
    /// The command as it ran.
    public var command: String
    /// `-` recorded, `+` new lines, with a line of context, as in a unified diff.
    public var diff: [String]
  }

  public var page: String
  /// The snapshot's path, as reports show it.
  public var snapshotFile: String
  public var transcript: Transcript
  /// The snapshot's bytes as read; `nil` when there is none.
  public var recordedBytes: Data?
  /// The snapshot's text; `nil` when there is none, or it is not UTF-8.
  public var recorded: String? { recordedBytes.flatMap { String(data: $0, encoding: .utf8) } }
  public var state: State
  public var findings: [Finding]

  public init(page: String, snapshotFile: String, transcript: Transcript, recorded: Data?) {
    self.page = page
    self.snapshotFile = snapshotFile
    self.transcript = transcript
    self.recordedBytes = recorded
    findings = []
    guard let recorded else {
      state = .new
      return
    }
    guard let recorded = String(data: recorded, encoding: .utf8) else {
      state = .unreadable(
        DocumentError(file: snapshotFile, reason: "not a walkthrough snapshot: not UTF-8 text (accept the page's transcript again with --accept)"))
      return
    }
    guard recorded != transcript.text else {
      state = .unchanged
      return
    }
    do {
      let old = try Transcript(parsing: recorded, file: snapshotFile)
      state = .changed
      findings = Self.findings(from: old, to: transcript)
    } catch {
      state = .unreadable(error)
    }
  }

  /// The whole snapshot's diff, `diff -u` style, from the recorded text to the new one.
  public func diff(newName: String) -> String {
    UnifiedDiff.render(
      old: UnifiedDiff.lines(of: recorded ?? ""), new: UnifiedDiff.lines(of: transcript.text), oldName: recordedBytes == nil ? "/dev/null" : snapshotFile,
      newName: newName)
  }

  /// The commands that differ, in page order: entries are matched by their text (command,
  /// output, status), so a command added to the page does not make every later one a change.
  static func findings(from old: Transcript, to new: Transcript) -> [Finding] {
    var findings: [Finding] = []
    if old.header != new.header {
      let diff = UnifiedDiff.hunks(UnifiedDiff.edits(old.header, new.header), context: 0).flatMap { $0.dropFirst() }
      findings.append(Finding(kind: .header, line: nil, command: "", diff: diff))
    }
    let keys = { (transcript: Transcript) in transcript.entries.map { $0.body.joined(separator: "\n") } }
    let edits = UnifiedDiff.edits(keys(old), keys(new))
    var (oldIndex, newIndex) = (0, 0)
    var removed: [Transcript.Entry] = []
    var added: [Transcript.Entry] = []
    func flush() {
      for (gone, came) in zip(removed, added) {
        let diff = UnifiedDiff.hunks(UnifiedDiff.edits(gone.body, came.body), context: 1).flatMap { $0.dropFirst() }
        findings.append(Finding(kind: .changed, line: came.line, command: came.command, diff: diff))
      }
      for came in added.dropFirst(removed.count) {
        findings.append(Finding(kind: .added, line: came.line, command: came.command, diff: came.body.map { "+" + $0 }))
      }
      for gone in removed.dropFirst(added.count) {
        findings.append(Finding(kind: .gone, line: gone.line, command: gone.command, diff: gone.body.map { "-" + $0 }))
      }
      removed = []
      added = []
    }
    for edit in edits {
      switch edit {
      case .same:
        flush()
        oldIndex += 1
        newIndex += 1
      case .removed:
        removed.append(old.entries[oldIndex])
        oldIndex += 1
      case .added:
        added.append(new.entries[newIndex])
        newIndex += 1
      }
    }
    flush()
    // The same commands printing the same: what differs is where they stand on the page.
    if findings.isEmpty {
      findings.append(Finding(kind: .moved, line: nil, command: "", diff: []))
    }
    return findings
  }
}
