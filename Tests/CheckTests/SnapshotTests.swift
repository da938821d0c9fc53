import Documents
import Foundation
import Testing

@testable import Check
import TestScratch

/// Transcripts recorded as snapshots: their text, read back, compared command by command, and
/// written whole beside the repository's pages.
@Suite struct SnapshotTests {
  /// A repository of its own (`.git`, a page, its cloud file), as a path without links.
  func repository(page text: String, named name: String = "docs/page.rst") throws -> (store: SnapshotStore, page: String) {
    let root = try Scratch.directory().path
    try FileManager.default.createDirectory(atPath: root + "/.git", withIntermediateDirectories: true)
    let page = root + "/" + name
    try FileManager.default.createDirectory(atPath: (page as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: page))
    return (try SnapshotStore(root: root), page)
  }

  /// The page's cloud as it is: the share it shows missing stays missing.
  static let settings: CheckSettings = {
    var settings = CheckSettings()
    settings.assumesResources = false
    return settings
  }()

  static let page = """
    .. walkthrough: width 80

    Types::

      $ openstack share type list -f value -c Name
      default

      $ openstack share show nothing

    .. walkthrough: skip needs a real host

    ::

      $ openstack share list

    """

  @Test func recordsEachCommandWithItsLineOutputErrorAndStatus() throws {
    let (store, page) = try repository(page: Self.page)
    let comparison = try store.compare(file: page, syntax: nil, settings: Self.settings)
    #expect(comparison.state == .new)
    #expect(
      comparison.transcript.text == """
        # walkthrough snapshot of docs/page.rst
        # client: python-openstackclient 10.5.0, python-manilaclient 6.3.0
        # cloud: the built-in devstack cloud
        # width: 80

        ## line 5
        $ openstack share type list -f value -c Name
          default
          dhss_false
          dhss_true
        exit status 0

        ## line 8
        $ openstack share show nothing
        ! No share with a name or ID of 'nothing' exists.
        exit status 1

        ## line 14
        $ openstack share list
        skipped: needs a real host

        """)
  }

  @Test func readsBackWhatItWrites() throws {
    let (store, page) = try repository(page: Self.page)
    let transcript = try store.compare(file: page, syntax: nil, settings: Self.settings).transcript
    #expect(try Transcript(parsing: transcript.text, file: "x.snap") == transcript)
  }

  @Test func outputWithoutANewlineAndEmptyLinesAreKept() throws {
    let text = """
      # walkthrough snapshot of a.md
      # client: c
      # cloud: the built-in devstack cloud
      # width: none

      ## line 3
      $ openstack x
        one

      \\ no newline at end
      !
      ! two
      exit status 2

      """
    let transcript = try Transcript(parsing: text, file: "a.md.snap")
    #expect(transcript.entries.map(\.body.count) == [7])
    #expect(transcript.text == text)
  }

  @Test func nonsenseIsAnErrorNamingTheLine() throws {
    let header = "# walkthrough snapshot of a.md\n# client: c\n# cloud: none\n# width: none\n"
    let cases: [(String, Int, String)] = [
      ("hello\n", 1, "expected a line starting '# walkthrough snapshot of '"),
      (header + "\n## line x\n$ ls\nexit status 0\n", 6, "expected '## line N'"),
      (header + "\n## line 3\nls\nexit status 0\n", 7, "expected '$ ' and the command"),
      (header + "\n## line 3\n$ ls\n  out\n", 8, "the command at line 3 has no 'exit status' or 'skipped' line"),
      (header + "\n## line 3\n$ ls\nsomething\nexit status 0\n", 8, "a line that is neither output ('  ', '! '), nor 'exit status N'"),
      (header + "\n## line 3\n$ ls\nexit status zero\n", 8, "the exit status is not a number"),
      (header + "\n## line 3\n$ ls\nexit status 0", 8, "the file does not end with a newline"),
    ]
    for (text, line, reason) in cases {
      #expect(throws: DocumentError(file: "a.snap", line: line, reason: "not a walkthrough snapshot: \(reason) (accept the page's transcript again with --accept)")) {
        try Transcript(parsing: text, file: "a.snap")
      }
    }
  }

  @Test func findsEachChangedCommandWithItsLine() throws {
    let (store, page) = try repository(page: Self.page)
    let first = try store.compare(file: page, syntax: nil, settings: Self.settings)
    try store.accept(first)
    // A command added before the others, another's output changed: one addition, one change,
    // nothing said of the command that only moved.
    let edited = Self.page.replacingOccurrences(of: "Types::\n", with: "Types::\n\n  $ openstack share network list -f value\n")
      .replacingOccurrences(of: "share show nothing", with: "share show nothing2")
    try Data(edited.utf8).write(to: URL(fileURLWithPath: page))
    let second = try store.compare(file: page, syntax: nil, settings: Self.settings)
    #expect(second.state == .changed)
    #expect(second.findings.map(\.kind) == [.added, .changed])
    #expect(second.findings.map(\.line) == [5, 10])
    #expect(
      second.findings[1].diff == [
        "-$ openstack share show nothing", "-! No share with a name or ID of 'nothing' exists.",
        "+$ openstack share show nothing2", "+! No share with a name or ID of 'nothing2' exists.", " exit status 1",
      ])
  }

  @Test func aPageWhoseLinesMovedIsOneFinding() throws {
    let (store, page) = try repository(page: Self.page)
    try store.accept(try store.compare(file: page, syntax: nil, settings: Self.settings))
    try Data(("Intro.\n\n" + Self.page).utf8).write(to: URL(fileURLWithPath: page))
    let moved = try store.compare(file: page, syntax: nil, settings: Self.settings)
    #expect(moved.state == .changed)
    #expect(moved.findings.map(\.kind) == [.moved])
  }

  @Test func acceptsAndWritesPendingBesideTheSnapshotNeverOverIt() throws {
    let (store, page) = try repository(page: Self.page)
    let comparison = try store.compare(file: page, syntax: nil, settings: Self.settings)
    try store.writePending(comparison)
    let snapshot = store.root + "/Snapshots/docs/page.rst.snap"
    #expect(!FileManager.default.fileExists(atPath: snapshot))
    #expect(try String(contentsOfFile: snapshot + ".new", encoding: .utf8) == comparison.transcript.text)
    try store.accept(comparison)
    #expect(try String(contentsOfFile: snapshot, encoding: .utf8) == comparison.transcript.text)
    #expect(!FileManager.default.fileExists(atPath: snapshot + ".new"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: store.root + "/Snapshots/docs") == ["page.rst.snap"])
    #expect(try store.compare(file: page, syntax: nil, settings: Self.settings).state == .unchanged)
  }

  /// Two runs accepting at once: the second finds the same bytes written, which is no failure;
  /// a snapshot someone else wrote differently meanwhile is not overwritten.
  @Test func aSnapshotWrittenMeanwhileIsNotOverwritten() throws {
    let (store, page) = try repository(page: Self.page)
    let comparison = try store.compare(file: page, syntax: nil, settings: Self.settings)
    try store.accept(comparison)
    try store.accept(comparison)
    let snapshot = store.root + "/Snapshots/docs/page.rst.snap"
    try Data("someone else's\n".utf8).write(to: URL(fileURLWithPath: snapshot))
    #expect(throws: DocumentError(file: snapshot, reason: "the snapshot appeared since it was looked for; not overwritten")) {
      try store.accept(comparison)
    }
    #expect(try String(contentsOfFile: snapshot, encoding: .utf8) == "someone else's\n")
  }

  @Test func aSnapshotThatIsNotUTF8IsUnreadableAndCanBeReplaced() throws {
    let (store, page) = try repository(page: Self.page)
    let snapshot = store.root + "/Snapshots/docs/page.rst.snap"
    try FileManager.default.createDirectory(atPath: store.root + "/Snapshots/docs", withIntermediateDirectories: true)
    try Data([0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: snapshot))
    let comparison = try store.compare(file: page, syntax: nil, settings: Self.settings)
    guard case .unreadable(let error) = comparison.state else {
      Issue.record("expected an unreadable snapshot")
      return
    }
    #expect(error.reason.hasPrefix("not a walkthrough snapshot: not UTF-8 text"))
    try store.accept(comparison)
    #expect(try String(contentsOfFile: snapshot, encoding: .utf8) == comparison.transcript.text)
  }

  @Test func theCloudFileIsNamedFromTheRootWithItsDigest() throws {
    let (store, page) = try repository(page: ".. walkthrough: cloud clouds/small.yaml\n\n::\n\n  $ openstack flavor list -f value -c Name\n")
    let cloud = store.root + "/docs/clouds/small.yaml"
    try FileManager.default.createDirectory(atPath: store.root + "/docs/clouds", withIntermediateDirectories: true)
    try Data("default_user: clouduser1\n".utf8).write(to: URL(fileURLWithPath: cloud))
    let transcript = try store.compare(file: page, syntax: nil, settings: Self.settings).transcript
    #expect(transcript.header[2].hasPrefix("# cloud: docs/clouds/small.yaml (sha224 "))
    #expect(transcript.header[2].count == "# cloud: docs/clouds/small.yaml (sha224 )".count + 56)
  }

  @Test func aPageOutsideTheRepositoryHasNoSnapshot() throws {
    let (store, _) = try repository(page: Self.page)
    let outside = Scratch.file("outside.rst").path
    try Data(Self.page.utf8).write(to: URL(fileURLWithPath: outside))
    #expect(throws: DocumentError.self) { try store.compare(file: outside, syntax: nil, settings: Self.settings) }
  }

  @Test func unifiedDiffShowsChangesWithContextAsDiffDoes() {
    let old = (1...20).map { "line \($0)" }
    var new = old
    new[4] = "five"
    new.insert("extra", at: 15)
    #expect(
      UnifiedDiff.render(old: old, new: new, oldName: "a", newName: "b", context: 2) == """
        --- a
        +++ b
        @@ -3,5 +3,5 @@
         line 3
         line 4
        -line 5
        +five
         line 6
         line 7
        @@ -14,4 +14,5 @@
         line 14
         line 15
        +extra
         line 16
         line 17

        """)
    #expect(UnifiedDiff.render(old: old, new: old, oldName: "a", newName: "b").isEmpty)
    #expect(UnifiedDiff.render(old: [], new: ["x"], oldName: "a", newName: "b") == "--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n")
  }

  /// Past the search limit, the middles are replaced whole: quick, and still a true diff.
  @Test func aLargeDiffIsAReplacement() {
    let old = (0..<3000).map { "a\($0)" }
    let new = (0..<3000).map { "b\($0)" }
    let edits = UnifiedDiff.edits(old, new)
    #expect(edits.count == 6000)
    #expect(edits.prefix(3000).allSatisfy { if case .removed = $0 { true } else { false } })
  }
}

/// The committed snapshots of `walkthroughs/` record what the pages print today.
@Suite struct CommittedSnapshotTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  @Test func everyPageOfWalkthroughsHasItsSnapshot() throws {
    let store = try SnapshotStore(root: Self.root)
    let pages = try WalkthroughReader.pages(in: [Self.root + "/walkthroughs"])
    #expect(pages.count >= 4)
    for page in pages {
      let comparison = try store.compare(file: page, syntax: nil, settings: CheckSettings())
      #expect(
        comparison.state == .unchanged,
        "\(page): its snapshot is \(comparison.state); run `swift run walkthrough snapshot --accept --prune walkthroughs/` and review `git diff Snapshots/`"
      )
    }
  }
}
