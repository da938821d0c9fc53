import Documents
import Foundation
import Testing

@testable import Check
@testable import FakeCloud

/// The pages in `walkthroughs/` document exactly what the emulation prints for their cloud.
@Suite struct WalkthroughPagesTests {
  static let walkthroughs = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("walkthroughs")

  /// Every page, with its cloud file: every command matches.
  @Test(arguments: ["manila-troubleshooting.rst", "nova-failed-resize.md", "nova-faults.md"])
  func everyPageChecksClean(page name: String) throws {
    let page = try WalkthroughReader.read(file: Self.walkthroughs.appendingPathComponent(name).path)
    let results = try PageCheck.run(page)
    #expect(results.count >= 9)
    for result in results {
      #expect(result.outcome == .matched, "line \(result.step.command.line): \(result.outcome)")
    }
  }

  @Test func theTroubleshootingPageShowsWhatTheCommandsPrint() throws {
    let page = try WalkthroughReader.read(file: Self.walkthroughs.appendingPathComponent("manila-troubleshooting.rst").path)
    #expect(page.steps.count == 18)
    let session = Session(cloud: FakeCloud())
    for step in page.steps {
      let result = session.run(step.command.command)
      #expect(result.exitStatus == 0, "line \(step.command.line): \(result.standardError)")
      var printed = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      while printed.last?.isEmpty == true { printed.removeLast() }
      #expect(printed == step.command.output, "line \(step.command.line)")
    }
  }
}
