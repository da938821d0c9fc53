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

  /// The acceptance: a cell changed in a cloud file fails with a diff naming the page and line,
  /// writes a pending file; `--accept` makes it pass again.
  @Test func aCellChangedInTheCloudFileIsAReviewedChange() throws {
    let root = try repository()
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let cloud = try String(contentsOf: repository.appendingPathComponent("walkthroughs/clouds/devstack-manila.yaml"), encoding: .utf8)
    try Data(cloud.utf8).write(to: URL(fileURLWithPath: root + "/docs/cloud.yaml"))
    try Data((".. walkthrough: cloud cloud.yaml\n\n" + Self.page).utf8).write(to: URL(fileURLWithPath: root + "/docs/types.rst"))
    #expect(try walkthrough(["snapshot", "--accept", "docs"], in: root).status == 0)
    try Data(cloud.replacingOccurrences(of: "{name: dhss_false,", with: "{name: dhss_maybe,").utf8)
      .write(to: URL(fileURLWithPath: root + "/docs/cloud.yaml"))
    let changed = try walkthrough(["snapshot", "docs"], in: root)
    #expect(changed.status == 1)
    #expect(changed.standardOutput.contains("docs/types.rst:5: snapshot changed: openstack share type list -f value -c Name\n"))
    #expect(changed.standardOutput.contains("\n-  dhss_false\n+  dhss_maybe\n"))
    #expect(files(in: root + "/Snapshots/docs") == ["types.rst.snap", "types.rst.snap.new"])
    #expect(try walkthrough(["snapshot", "--accept", "docs"], in: root).status == 0)
    #expect(try walkthrough(["snapshot", "docs"], in: root, ci: true).status == 0)
    #expect(files(in: root + "/Snapshots/docs") == ["types.rst.snap"])
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

/// `walkthrough snapshot --review`, driven on a terminal as a person drives it: tmux runs it in
/// a pane, the test reads the pane and presses the keys.
@Suite struct SnapshotReviewTests {
  static let tmuxPath = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  let commands = SnapshotCommandTests()

  /// Runs tmux on a server of the test's own, its output through a file. Spawned and waited
  /// for directly: the client `new-session` runs forks the server and exits, which Foundation's
  /// `Process` does not always see.
  @discardableResult
  func tmux(_ socket: String, _ arguments: String...) throws -> String {
    let tmux = try #require(Self.tmuxPath)
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
    defer { unlink(output) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    // The server the client forks must hold none of the test process's descriptors: a pipe
    // `swift test` reads to its end would stay open as long as the server runs.
    Self.closeInherited(&actions)
    // Signals as a shell leaves them: the test process ignores some (SIGHUP among them), which
    // its children would inherit, and a pane's program that ignores SIGHUP outlives kill-server.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var all = sigset_t()
    sigfillset(&all)
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    let argv = ([tmux, "-L", socket] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let code = posix_spawn(&pid, tmux, &actions, &attributes, argv, environ)
    try #require(code == 0, "cannot start tmux (\(String(cString: strerror(code))))")
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
  }

  /// Adds to `actions` the closing of every descriptor above standard error: glibc's
  /// `posix_spawn_file_actions_addclosefrom_np` (2.34 and later, found by name, as Swift's Glibc
  /// module does not declare it), or each descriptor open now.
  static func closeInherited(_ actions: inout posix_spawn_file_actions_t) {
    typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    if let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") {
      _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
      return
    }
    for descriptor in Int32(3)..<1024 where fcntl(descriptor, F_GETFD) != -1 {
      posix_spawn_file_actions_addclose(&actions, descriptor)
    }
  }

  /// Waits until the pane shows `text` `count` times; the pane's text.
  func waitFor(_ text: String, count: Int = 1, socket: String) throws -> String {
    let deadline = ContinuousClock.now + .seconds(20)
    while ContinuousClock.now < deadline {
      let pane = try tmux(socket, "capture-pane", "-p", "-S", "-200", "-t", "review")
      if pane.components(separatedBy: text).count - 1 >= count { return pane }
      Thread.sleep(forTimeInterval: 0.05)
    }
    Issue.record("the pane never showed \(text) \(count) times")
    return ""
  }

  @Test(.enabled(if: tmuxPath != nil, "tmux is not installed (Scripts/setup installs it): --review is not driven"))
  func reviewAcceptsRejectsAndSkipsOneByOne() throws {
    let root = try commands.repository()
    for name in ["a-first", "b-second", "c-third"] {
      try Data(SnapshotCommandTests.page.utf8).write(to: URL(fileURLWithPath: "\(root)/docs/\(name).rst"))
    }
    try FileManager.default.removeItem(atPath: root + "/docs/types.rst")
    let binary = try #require(commands.cli.walkthroughProcess([]).executableURL).path
    let socket = "walkthrough-review-\(UUID().uuidString)"
    defer { _ = try? tmux(socket, "kill-server") }
    try tmux(
      socket, "new-session", "-d", "-s", "review", "-x", "160", "-y", "50", "-c", root,
      "env -u CI \(binary) snapshot --review --color always docs; echo \"review ended: $?\"; sleep 10")
    _ = try waitFor("a accept   r reject   s skip   q quit >", socket: socket)
    try tmux(socket, "send-keys", "-t", "review", "a")
    _ = try waitFor("a accept   r reject   s skip   q quit >", count: 2, socket: socket)
    try tmux(socket, "send-keys", "-t", "review", "r")
    _ = try waitFor("a accept   r reject   s skip   q quit >", count: 3, socket: socket)
    try tmux(socket, "send-keys", "-t", "review", "s")
    let pane = try waitFor("review ended:", socket: socket)
    #expect(pane.contains("Snapshot 1 of 3: Snapshots/docs/a-first.rst.snap.new"))
    #expect(pane.contains("accepted: Snapshots/docs/a-first.rst.snap"))
    #expect(pane.contains("rejected: Snapshots/docs/b-second.rst.snap.new removed"))
    #expect(pane.contains("skipped: Snapshots/docs/c-third.rst.snap.new kept"))
    #expect(pane.contains("3 pages, snapshots: 3 new, 1 accepted, 1 rejected\nreview ended: 1\n"))
    #expect(commands.files(in: root + "/Snapshots/docs") == ["a-first.rst.snap", "c-third.rst.snap.new"])
    // The diff was coloured: the escape codes are in the pane's cells, not its text.
    let coloured = try tmux(socket, "capture-pane", "-p", "-e", "-S", "-200", "-t", "review")
    #expect(coloured.contains("\u{1B}[32m+# walkthrough snapshot of docs/a-first.rst"))
  }

  @Test func reviewWithoutATerminalSaysSo() throws {
    let root = try commands.repository()
    let result = try commands.walkthrough(["snapshot", "--review", "docs"], in: root)
    #expect(result.status == 2)
    #expect(result.standardError == "walkthrough: standard input: --review reads keys from a terminal, and this is none; use --accept\n")
  }
}
