import Foundation
import Testing

/// `walkthrough tutor` as a teacher scripts it: standard input not a terminal.
@Suite struct TutorCommandTests {
  let cli = WalkthroughCommandTests()
  static let manila = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("walkthroughs/manila-troubleshooting.rst").path

  /// A script of Enters: every step, plain text (no escape codes), the summary, exit status 0;
  /// the record checks clean.
  @Test func aScriptedSessionAndItsRecord() throws {
    let record = try cli.directory() + "/session.md"
    let input = String(repeating: "\n", count: 18) + "openstack share list\n"
    let result = try cli.walkthrough(["tutor", Self.manila, "--record", record], input: input)
    #expect(result.status == 0)
    #expect(!result.standardOutput.contains("\u{1B}"))
    #expect(result.standardOutput.contains("step 18/18 · Steps\n$ openstack share message list\n"))
    #expect(result.standardOutput.hasSuffix("Summary: 18 steps: 18 as the page shows; 1 command of your own.\nYour own commands:\n  openstack share list\n"))
    let check = try cli.walkthrough("check", record)
    #expect(check.status == 0)
    #expect(check.standardOutput.hasPrefix("\(record): 19 commands: 19 matched ("))
  }

  @Test func aPageWithNoConsoleBlocksExitsWithStatusTwo() throws {
    let page = try cli.page("# Prose only\n\nNothing to type.\n", named: "prose.md")
    let result = try cli.walkthrough(["tutor", page], input: "")
    #expect(result.status == 2)
    #expect(result.standardError.hasPrefix("walkthrough: \(page): has no console blocks: "))
    #expect(result.standardOutput.isEmpty)
  }

  @Test func closedStandardInputEndsTheTutorial() throws {
    let result = try cli.walkthrough(["tutor", Self.manila], input: nil)
    #expect(result.status == 0)
    #expect(result.standardOutput.hasSuffix("Summary: 18 steps: 18 not run; 0 commands of your own.\n"))
  }

  @Test func badArgumentsExitWithStatusTwo() throws {
    #expect(try cli.walkthrough(["tutor", Self.manila, "--width", "0"], input: "").status == 2)
    let unwritable = try cli.walkthrough(["tutor", Self.manila, "--record", "/nonexistent/dir/x.md"], input: "")
    #expect(unwritable.status == 2)
    #expect(unwritable.standardError.hasPrefix("walkthrough: /nonexistent/dir/x.md: cannot be written"))
  }
}
