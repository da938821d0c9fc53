import Foundation
import Testing

/// `walkthrough snapshot` and `check --snapshots`, run as a doc team runs them, in a repository
/// of their own.
@Suite struct SnapshotCommandTests {
  let cli = WalkthroughCommandTests()

  static let page = "Types::\n\n  $ openstack share type list -f value -c Name\n  default\n"

  /// A repository (`.git`) with `docs/types.rst`; its root, without symbolic links.
  func repository() throws -> String {
    let root = try cli.directory()
    try FileManager.default.createDirectory(atPath: root + "/.git", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: root + "/docs", withIntermediateDirectories: true)
    try Data(Self.page.utf8).write(to: URL(fileURLWithPath: root + "/docs/types.rst"))
    return URL(fileURLWithPath: root).resolvingSymlinksInPath().path
  }

  /// Runs `walkthrough` in `directory`, `CI` set or not.
  func walkthrough(_ arguments: [String], in directory: String, ci: Bool = false) throws -> WalkthroughCommandTests.Result {
    let process = try cli.walkthroughProcess(arguments)
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var environment = ProcessInfo.processInfo.environment
    environment["CI"] = ci ? "true" : nil
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return .init(
      status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
      standardError: String(decoding: errorData, as: UTF8.self))
  }

  func files(in directory: String) -> [String] {
    ((FileManager.default.enumerator(atPath: directory)?.allObjects as? [String]) ?? []).sorted()
  }

  @Test func aNewTranscriptIsPendingUntilAcceptedThenPasses() throws {
    let root = try repository()
    let first = try walkthrough(["snapshot", "docs"], in: root)
    #expect(first.status == 1)
    #expect(first.standardOutput.hasPrefix("docs/types.rst: no snapshot (Snapshots/docs/types.rst.snap)\n--- /dev/null\n+++ Snapshots/docs/types.rst.snap.new\n"))
    #expect(first.standardOutput.hasSuffix("docs/types.rst: pending Snapshots/docs/types.rst.snap.new: walkthrough snapshot --review or --accept\n1 page, snapshots: 1 new\n"))
    #expect(files(in: root + "/Snapshots") == ["docs", "docs/types.rst.snap.new"])
    let accepted = try walkthrough(["snapshot", "--accept", "docs"], in: root)
    #expect(accepted.status == 0)
    #expect(files(in: root + "/Snapshots") == ["docs", "docs/types.rst.snap"])
    let again = try walkthrough(["snapshot", "docs"], in: root)
    #expect(again.status == 0)
    #expect(again.standardOutput == "1 page, snapshots: 1 unchanged\n")
    let checked = try walkthrough(["check", "--snapshots", "docs"], in: root)
    #expect(checked.status == 1)  // the page itself drifts
    #expect(!checked.standardOutput.contains("snapshot"))
  }

  @Test func underCINothingIsWrittenAndAChangeFailsWithTheDiff() throws {
    let root = try repository()
    _ = try walkthrough(["snapshot", "--accept", "docs"], in: root)
    let snapshot = root + "/Snapshots/docs/types.rst.snap"
    let recorded = try String(contentsOfFile: snapshot, encoding: .utf8)
    try Data(recorded.replacingOccurrences(of: "  dhss_false\n", with: "  dhss_maybe\n").utf8).write(to: URL(fileURLWithPath: snapshot))
    let result = try walkthrough(["snapshot", "docs"], in: root, ci: true)
    #expect(result.status == 1)
    #expect(
      result.standardOutput == """
        docs/types.rst:3: snapshot changed: openstack share type list -f value -c Name
             default
          -  dhss_maybe
          +  dhss_false
             dhss_true
        --- Snapshots/docs/types.rst.snap
        +++ the page's transcript
        @@ -6,6 +6,6 @@
         ## line 3
         $ openstack share type list -f value -c Name
           default
        -  dhss_maybe
        +  dhss_false
           dhss_true
         exit status 0
        1 page, snapshots: 1 changed

        """)
    #expect(files(in: root + "/Snapshots") == ["docs", "docs/types.rst.snap"])
    let refused = try walkthrough(["snapshot", "--accept", "docs"], in: root, ci: true)
    #expect(refused.status == 2)
    #expect(refused.standardError.contains("CI is set"))
    let checked = try walkthrough(["check", "--snapshots", "--format", "github", "docs"], in: root, ci: true)
    #expect(checked.standardOutput.contains("::error file=docs/types.rst,line=3::snapshot Snapshots/docs/types.rst.snap changed: openstack share type list -f value -c Name (changed)%0A"))
  }

  @Test func aMovedPageLeavesASnapshotWithoutAPageThatPruneRemoves() throws {
    let root = try repository()
    _ = try walkthrough(["snapshot", "--accept", "docs"], in: root)
    try FileManager.default.moveItem(atPath: root + "/docs/types.rst", toPath: root + "/docs/share-types.rst")
    let moved = try walkthrough(["snapshot", "docs"], in: root, ci: true)
    #expect(moved.status == 1)
    #expect(moved.standardOutput.contains("docs/share-types.rst: no snapshot (Snapshots/docs/share-types.rst.snap)\n"))
    #expect(moved.standardOutput.contains("Snapshots/docs/types.rst.snap: its page docs/types.rst is gone (moved or deleted): --prune removes the snapshot\n"))
    let pruned = try walkthrough(["snapshot", "--accept", "--prune", "docs"], in: root)
    #expect(pruned.status == 0)
    #expect(files(in: root + "/Snapshots") == ["docs", "docs/share-types.rst.snap"])
  }

  @Test func aSnapshotEditedIntoNonsenseIsAnErrorNamingItsLine() throws {
    let root = try repository()
    try FileManager.default.createDirectory(atPath: root + "/Snapshots/docs", withIntermediateDirectories: true)
    try Data("# walkthrough snapshot of docs/types.rst\nnonsense\n".utf8).write(to: URL(fileURLWithPath: root + "/Snapshots/docs/types.rst.snap"))
    let result = try walkthrough(["snapshot", "docs"], in: root, ci: true)
    #expect(result.status == 2)
    #expect(
      result.standardError
        == "walkthrough: Snapshots/docs/types.rst.snap:2: not a walkthrough snapshot: expected a line starting '# client: ' (accept the page's transcript again with --accept)\n"
    )
    let accepted = try walkthrough(["snapshot", "--accept", "docs"], in: root)
    #expect(accepted.status == 0)
    #expect(try walkthrough(["snapshot", "docs"], in: root, ci: true).status == 0)
  }

  /// Runs at once on the same tree write the same bytes, whole: never a partial or stray file.
  @Test func runsAtOnceOnTheSameTreeAgree() throws {
    let root = try repository()
    let processes = try (0..<2).map { _ in
      let process = try cli.walkthroughProcess(["snapshot", "--accept", "docs"])
      process.currentDirectoryURL = URL(fileURLWithPath: root)
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      return process
    }
    for process in processes { try process.run() }
    for process in processes { process.waitUntilExit() }
    #expect(processes.allSatisfy { $0.terminationStatus == 0 })
    #expect(try walkthrough(["snapshot", "docs"], in: root, ci: true).status == 0)
    #expect(files(in: root + "/Snapshots").allSatisfy { !$0.contains(".walkthrough-") })
  }

  @Test func outsideARepositoryItAsksForTheRoot() throws {
    let directory = try cli.directory()
    try Data(Self.page.utf8).write(to: URL(fileURLWithPath: directory + "/types.rst"))
    let result = try walkthrough(["snapshot", "types.rst"], in: directory)
    #expect(result.status == 2)
    #expect(result.standardError.hasSuffix(": not in a repository (no .git here or above): give --root\n"))
    #expect(try walkthrough(["snapshot", "--root", ".", "--accept", "types.rst"], in: directory).status == 0)
    #expect(FileManager.default.fileExists(atPath: directory + "/Snapshots/types.rst.snap"))
  }
}
