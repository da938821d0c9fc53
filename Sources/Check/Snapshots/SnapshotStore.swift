import Documents
import FakeCloud
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A repository's snapshots: `Snapshots/PAGE.snap` under its root for the page at `PAGE` (its
/// path from the root), and beside it `PAGE.snap.new`, a transcript waiting to be accepted.
///
/// Every file is written whole or not at all (a temporary file beside it, then renamed, or
/// exchanged as ``PageWriter`` exchanges a page), a snapshot never over one written since it
/// was read: two runs at once on the same tree write the same bytes, or one says the other won.
public struct SnapshotStore: Sendable {
  /// The repository's root: an absolute path, its symbolic links resolved.
  public let root: String
  public static let directoryName = "Snapshots"
  public static let snapshotExtension = ".snap"
  public static let pendingExtension = ".snap.new"

  /// - Parameter root: the repository's root; it must exist.
  public init(root: String) throws(DocumentError) {
    guard let resolved = Self.realPath(root) else { throw DocumentError(file: root, reason: "no such directory") }
    self.root = resolved
  }

  /// The nearest directory from `directory` up that holds `.git` (a directory, or a worktree's
  /// file): the root snapshots are relative to.
  public static func repositoryRoot(from directory: String = FileManager.default.currentDirectoryPath) -> String? {
    var current = realPath(directory) ?? directory
    while true {
      if FileManager.default.fileExists(atPath: current + "/.git") { return current }
      let parent = (current as NSString).deletingLastPathComponent
      if parent == current || parent.isEmpty { return nil }
      current = parent
    }
  }

  /// The page's path from the root; a page outside the root throws.
  public func relativePath(of page: String) throws(DocumentError) -> String {
    let directory = (page as NSString).deletingLastPathComponent
    guard let real = Self.realPath(directory.isEmpty ? "." : directory) else {
      throw DocumentError(file: page, reason: "no such file or directory")
    }
    let path = real + "/" + (page as NSString).lastPathComponent
    guard path.hasPrefix(root + "/") else {
      throw DocumentError(file: page, reason: "outside the repository (\(root)): its snapshot would have no place under \(Self.directoryName)/")
    }
    return String(path.dropFirst(root.count + 1))
  }

  /// The snapshot of the page at `relative` (its path from the root).
  public func snapshotPath(ofRelative relative: String) -> String {
    "\(root)/\(Self.directoryName)/\(relative)\(Self.snapshotExtension)"
  }

  /// A path as reports show it: from the working directory when it is under it.
  public static func shown(_ path: String) -> String {
    let directory = realPath(FileManager.default.currentDirectoryPath) ?? ""
    return path.hasPrefix(directory + "/") ? String(path.dropFirst(directory.count + 1)) : path
  }

  /// The page's transcript against its snapshot.
  /// - Parameter page: the page's path as given (reports name it so).
  public func compare(page: String, walkthrough: Walkthrough, run: PageRun) throws(DocumentError) -> SnapshotComparison {
    let relative = try relativePath(of: page)
    let transcript = Transcript(page: relative, cloud: try cloudDescription(run.cloudFile), walkthrough: walkthrough, run: run)
    let path = snapshotPath(ofRelative: relative)
    let recorded = try Self.contents(of: path)
    return SnapshotComparison(page: page, snapshotFile: Self.shown(path), transcript: transcript, recorded: recorded)
  }

  /// Reads and runs a page as `check` does and compares its transcript with its snapshot.
  public func compare(file: String, syntax: Syntax?, settings: CheckSettings) throws(DocumentError) -> SnapshotComparison {
    let walkthrough = try WalkthroughReader.read(file: file, syntax: syntax)
    return try compare(page: file, walkthrough: walkthrough, run: try PageCheck.runKeepingOutput(walkthrough, settings: settings))
  }

  /// The cloud file's path from the root (its name alone when it is outside) and digest.
  private func cloudDescription(_ file: String?) throws(DocumentError) -> String {
    guard let file else { return Transcript.cloudDescription(file: nil, digest: nil) }
    let bytes: Data
    do {
      bytes = try SystemCall.contents(of: file)
    } catch {
      throw DocumentError(file: file, reason: "\(error)")
    }
    let path = (try? relativePath(of: file)) ?? (file as NSString).lastPathComponent
    return Transcript.cloudDescription(file: path, digest: SHA224.hexDigest(of: Array(bytes)))
  }

  // MARK: Writing

  /// Writes the transcript as pending beside the snapshot, over an earlier pending one.
  public func writePending(_ comparison: SnapshotComparison) throws(DocumentError) {
    let path = pendingPath(of: comparison)
    try Self.createDirectory(for: path)
    let data = Data(comparison.transcript.text.utf8)
    do {
      let file = try SiblingFile(beside: path, contents: data, mode: 0o666)
      guard rename(file.path, path) == 0 else {
        let error = SystemCallError("rename \(file.path) to \(path)")
        unlink(file.path)
        throw error
      }
    } catch {
      throw DocumentError(file: Self.shown(path), reason: "\(error)")
    }
  }

  /// Removes a pending transcript that the snapshot now records, or that is stale.
  public func removePending(of comparison: SnapshotComparison) {
    unlink(pendingPath(of: comparison))
  }

  /// Records the transcript as the page's snapshot, and drops its pending file.
  public func accept(_ comparison: SnapshotComparison) throws(DocumentError) {
    let path = snapshotPath(of: comparison)
    try Self.record(Data(comparison.transcript.text.utf8), at: path, over: comparison.recordedBytes)
    let pending = pendingPath(of: comparison)
    if (try? SystemCall.contents(of: pending)) == Data(comparison.transcript.text.utf8) { unlink(pending) }
  }

  /// Records the pending transcript at `pending` (a `.snap.new` file) as its snapshot.
  public static func acceptPending(_ pending: String) throws(DocumentError) {
    let path = String(pending.dropLast(".new".count))
    let text: Data
    do {
      text = try SystemCall.contents(of: pending)
    } catch {
      throw DocumentError(file: shown(pending), reason: "\(error)")
    }
    let recorded = try? SystemCall.contents(of: path)
    try record(text, at: path, over: recorded)
    unlink(pending)
  }

  /// Writes `data` as the file at `path`, which must still hold `original` (or still not exist).
  /// Another run that wrote the same bytes meanwhile is no failure.
  private static func record(_ data: Data, at path: String, over original: Data?) throws(DocumentError) {
    try createDirectory(for: path)
    do throws(DocumentError) {
      if let original {
        try PageReplacement(file: path).replace(original: original, with: data)
      } else {
        try create(path, with: data)
      }
    } catch {
      if (try? SystemCall.contents(of: path)) == data { return }
      throw DocumentError(file: shown(path), line: error.line, reason: error.reason)
    }
  }

  /// Creates the file at `path`, whole, unless a file took the name meanwhile.
  private static func create(_ path: String, with data: Data) throws(DocumentError) {
    let file: SiblingFile
    do {
      file = try SiblingFile(beside: path, contents: data, mode: 0o666)
    } catch {
      throw DocumentError(file: path, reason: "\(error)")
    }
    defer { unlink(file.path) }
    guard link(file.path, path) == 0 else {
      let reason = errno == EEXIST ? "the snapshot appeared since it was looked for; not overwritten" : "\(SystemCallError("create the file"))"
      throw DocumentError(file: path, reason: reason)
    }
  }

  private func snapshotPath(of comparison: SnapshotComparison) -> String {
    // The header's first line names the page from the root.
    snapshotPath(ofRelative: String(comparison.transcript.header[0].dropFirst(Transcript.title.count)))
  }

  private func pendingPath(of comparison: SnapshotComparison) -> String {
    snapshotPath(of: comparison) + ".new"
  }

  // MARK: Pending and orphaned files

  /// The snapshot files (recorded and pending) under the snapshots of `directory`, a directory of
  /// the repository, in name order.
  public func files(under directory: String) throws(DocumentError) -> [String] {
    let relative = try relativePath(of: directory)
    let base = "\(root)/\(Self.directoryName)/\(relative)"
    guard let names = FileManager.default.enumerator(atPath: base)?.allObjects as? [String] else { return [] }
    return names.filter { $0.hasSuffix(Self.snapshotExtension) || $0.hasSuffix(Self.pendingExtension) }.sorted().map { base + "/" + $0 }
  }

  /// The page a snapshot file (recorded or pending) is for.
  public func page(of snapshotFile: String) -> String {
    let suffix = snapshotFile.hasSuffix(Self.pendingExtension) ? Self.pendingExtension : Self.snapshotExtension
    let relative = snapshotFile.dropFirst("\(root)/\(Self.directoryName)/".count).dropLast(suffix.count)
    return "\(root)/\(relative)"
  }

  // MARK: Files

  /// The file's bytes; `nil` when there is no file. A file that cannot be read throws.
  static func contents(of path: String) throws(DocumentError) -> Data? {
    guard SystemCall.linkStatus(path) != nil else { return nil }
    do {
      return try SystemCall.contents(of: path)
    } catch {
      throw DocumentError(file: shown(path), reason: "\(error)")
    }
  }

  private static func createDirectory(for path: String) throws(DocumentError) {
    let directory = (path as NSString).deletingLastPathComponent
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw DocumentError(file: shown(directory), reason: "cannot create the directory")
    }
  }

  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
