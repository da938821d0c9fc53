import Documents
import FakeCloud
import Foundation
import Testing

@testable import Check
import TestScratch

/// What the author directives do to a page's check.
@Suite struct DirectiveTests {
  func check(_ page: String, file: String = "page.rst") throws -> [StepResult] {
    try PageCheck.run(WalkthroughReader.parse(page, file: file, syntax: .rst))
  }

  func planError(_ page: String) -> DocumentError? {
    do {
      _ = try PagePlan(WalkthroughReader.parse(page, file: "page.rst", syntax: .rst))
      return nil
    } catch {
      return error
    }
  }

  @Test func skipLeavesTheNextConsoleBlockUnrun() throws {
    let page = """
      .. walkthrough: skip needs a second region

      ::

        $ openstack share network create --name x
        whatever it printed

      ::

        $ openstack share network list
      """
    let results = try check(page)
    #expect(results.map(\.outcome) == [.skipped(reason: "needs a second region"), .matched])
  }

  @Test func expectedDriftIsReportedAsExpectedAndFailsOnceItIsGone() throws {
    let page = """
      .. walkthrough: expect-drift captured before 2.90

      ::

        $ openstack share type list -f value -c Name
        default

      .. walkthrough: expect-drift this one matches

      ::

        $ openstack share network list
      """
    let results = try check(page)
    guard case .expectedDrift(let reason, .drift(let differences)) = results[0].outcome else {
      Issue.record("not expected drift: \(results[0].outcome)")
      return
    }
    #expect(reason == "captured before 2.90")
    #expect(differences.map(\.text) == ["dhss_false", "dhss_true"])
    #expect(results[1].outcome == .driftGone(reason: "this one matches"))
  }

  @Test func widthWrapsTablesAsAPageCapturedThereShowsThem() throws {
    let command = "openstack share type list -c Name -c \"Optional Extra Specs\""
    let wrapped = Session(cloud: FakeCloud(), terminalWidth: 40).run(command).standardOutput
    let page = ".. walkthrough: width 40\n\n::\n\n  $ \(command)\n" + wrapped.split(separator: "\n").map { "  \($0)\n" }.joined()
    #expect(wrapped.split(separator: "\n").allSatisfy { $0.count <= 40 })
    #expect(try check(page).map(\.outcome) == [.matched])
    // Without the width the table is the same, wrapped elsewhere: not drift unless the layout
    // must be the same.
    let unwrapped = WalkthroughReader.parse(String(page.drop { $0 != "\n" }), file: "page.rst", syntax: .rst)
    #expect(try PageCheck.run(unwrapped).map(\.outcome) == [.matched])
    #expect(try PageCheck.run(unwrapped, settings: CheckSettings(strictLayout: true)).map(\.outcome.kind) == [.drift])
  }

  @Test func envSetsVariablesForTheCommandsAfterIt() throws {
    let message = "API version '2.1' is not supported on 'manilaclient.v2.messages.MessageManager.list' method."
    let page = """
      ::

        $ openstack share message list
        \(message)

      .. walkthrough: env OS_SHARE_API_VERSION=2.1

      ::

        $ openstack share message list
        \(message)
      """
    let results = try check(page)
    #expect(results[0].outcome.kind == .drift)
    #expect(results[1].outcome == .matched)
  }

  @Test func cloudNamesAFileBesideThePage() throws {
    let directory = try Scratch.directory()
    try Data("share_types:\n  - {name: gold, driver_handles_share_servers: false}\n".utf8)
      .write(to: directory.appendingPathComponent("gold.yaml"))
    let page = ".. walkthrough: cloud gold.yaml\n\n::\n\n  $ openstack share type list -f value -c Name\n  gold\n"
    let file = directory.appendingPathComponent("page.rst").path
    #expect(try check(page, file: file).map(\.outcome) == [.matched])
    let missing = ".. walkthrough: cloud nothing.yaml\n\n::\n\n  $ openstack share type list\n"
    let named = directory.appendingPathComponent("nothing.yaml").path
    #expect(throws: DocumentError(file: file, line: 1, reason: "cannot read the cloud file '\(named)' (No such file or directory)")) {
      try check(missing, file: file)
    }
  }

  @Test(arguments: [
    (".. walkthrough: colour red\n", 1, "unknown walkthrough directive 'colour' (known: cloud, width, env, skip, expect-drift)"),
    ("Text.\n\n.. walkthrough: width wide\n", 3, "'width' needs a number of columns, such as 'width 228'"),
    (".. walkthrough: width 80\n.. walkthrough: width 100\n", 2, "the page gives its width twice"),
    (".. walkthrough: cloud\n", 1, "'cloud' needs the path of a cloud file"),
    (".. walkthrough: env OS_CLOUD\n", 1, "'env' needs NAME=VALUE"),
    (".. walkthrough: skip\n", 1, "'skip' has no console block after it"),
    (".. walkthrough: expect-drift\n\n::\n\n  $ ls\n", 1, "'expect-drift' needs a reason, so that readers of the report know why"),
  ])
  func aBadDirectiveIsAnErrorAtItsLine(page: String, line: Int, reason: String) {
    #expect(planError(page) == DocumentError(file: "page.rst", line: line, reason: reason))
  }
}
