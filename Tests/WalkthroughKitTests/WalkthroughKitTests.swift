import Foundation
import Testing
import WalkthroughKit
import TestScratch

/// The library as a doc team uses it from its own test suite: the README's example first.
@Suite struct WalkthroughKitTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  // The README's example, as it is there (with this repository's pages for `docs/`).
  @Test func theDocsShowWhatTheClientPrints() async throws {
    let report = try await Walkthrough.check(Self.repository + "/walkthroughs/")
    #expect(report.isClean, "\(report)")
    #expect(report.pages.count >= 4)
    #expect(report.summary.hasPrefix("\(report.pages.count) pages, "))
  }

  func page(_ text: String, named name: String = "page.rst") throws -> String {
    let path = Scratch.file(name).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func readsRunsAndChecksAPage() throws {
    let path = try page("Types::\n\n  $ openstack share type list -f value -c Name\n  default\n\n  $ openstack share show nothing\n")
    let page = try Walkthrough.read(path)
    #expect(page.commands.map(\.line) == [3, 6])
    #expect(page.commands[0].documentedOutput == ["default"])
    // On the cloud as it is: the share the page names is not provided.
    let options = CheckOptions(assumesResources: false)
    let runs = try Walkthrough.run(page, options: options)
    #expect(runs.map(\.standardOutput) == ["default\ndhss_false\ndhss_true\n", ""])
    #expect(runs.map(\.exitStatus) == [0, 1])
    let result = Walkthrough.check(page, options: options)
    #expect(!result.isClean)
    #expect(result.outcomes.map(\.outcome) == [.drift, .failed])
    #expect(result.findings.map(\.line) == [3, 6])
    #expect(result.findings[0].description == "\(path):3: drift: openstack share type list -f value -c Name\n  + printed line 2: dhss_false\n  + printed line 3: dhss_true")
  }

  @Test func aMissingPathOrNoPageIsAnError() async throws {
    await #expect(throws: WalkthroughError.self) { try await Walkthrough.check("/no/such/docs") }
    let empty = try Scratch.directory().path
    await #expect(throws: WalkthroughError(file: empty, line: nil, reason: "no page found (.rst, .md, .markdown)")) {
      try await Walkthrough.check(empty)
    }
  }

  @Test func aCloudFileAndAWidthAreOptions() throws {
    let cloud = try page("default_user: clouduser1\n", named: "cloud.yaml")
    let options = CheckOptions(cloud: try Cloud(contentsOfFile: cloud), width: 80, jobs: 1)
    let path = try page("::\n\n  $ openstack share type list -f value -c Name\n  default\n  dhss_false\n  dhss_true\n")
    #expect(Walkthrough.check(try Walkthrough.read(path), options: options).isClean)
    #expect(throws: WalkthroughError.self) { try Cloud(contentsOfFile: cloud + ".gone") }
  }
}
