import Foundation

/// Files and directories a test writes, all under one directory of the test process's own in the
/// system's temporary directory (`walkthrough-tests-<pid>`), removed when the process exits: a
/// run of the tests leaves nothing behind, whichever tests fail.
public enum Scratch {
  /// The process's directory, made on first use (a leftover of an earlier process of the same ID
  /// removed first) and removed at exit.
  static let root: URL = {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("walkthrough-tests-\(getpid())")
    try? FileManager.default.removeItem(at: root)
    do {
      try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    } catch {
      fatalError("cannot make the tests' scratch directory \(root.path): \(error)")
    }
    atexit { try? FileManager.default.removeItem(at: Scratch.root) }
    return root
  }()

  /// A new empty directory.
  public static func directory() throws -> URL {
    let directory = root.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
    return directory
  }

  /// A path no other test uses, ending in `name` (so that its extension tells the page's syntax).
  public static func file(_ name: String) -> URL {
    root.appendingPathComponent("\(UUID().uuidString)-\(name)")
  }
}
