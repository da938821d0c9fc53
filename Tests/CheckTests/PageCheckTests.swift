import Documents
import Foundation
import Testing

@testable import Check
@testable import FakeCloud

@Suite struct PageCheckTests {
  func check(_ page: String) throws -> [StepResult] {
    try PageCheck.run(WalkthroughReader.parse(page, file: "page.rst", syntax: .rst))
  }

  /// What `openstack share network list` prints on a fresh cloud: the empty list's single line.
  @Test func outputThatMatchesIsMatched() throws {
    let results = try check("Networks::\n\n  $ openstack share network list\n")
    #expect(results.map(\.outcome) == [.matched])
  }

  @Test func aChangedLineIsDriftAtItsLine() throws {
    let page = """
      Types::

        $ openstack share type list -f value -c Name
        default
        dhss_maybe
        dhss_true
      """
    let results = try check(page)
    #expect(
      results.map(\.outcome) == [
        .drift([
          LineDifference(side: .documented, line: 5, text: "dhss_maybe"),
          LineDifference(side: .actual, line: 2, text: "dhss_false"),
        ])
      ])
  }

  @Test func aCommandThatFailsWhereThePageShowsOutputFailed() throws {
    let results = try check("Show::\n\n  $ openstack share show nothing\n  +----+\n")
    #expect(
      results.map(\.outcome) == [.failed(status: 1, message: "No share with a name or ID of 'nothing' exists.")])
  }

  @Test func otherProgramsAreNotSimulated() throws {
    let results = try check("List::\n\n  $ ls -l\n  total 0\n")
    #expect(results.map(\.outcome) == [.notSimulated(reason: "walkthrough: not run: the line 'ls' is not simulated.")])
  }

  @Test func pagesRunInOneSession() throws {
    let page = """
      Create::

        $ openstack share network create --name n -f value -c name
        n

      List::

        $ openstack share network list -f value -c Name
        n
      """
    #expect(try check(page).map(\.outcome) == [.matched, .matched])
  }
}

/// The published troubleshooting page (its console blocks verbatim), checked at the width its
/// tables were captured at: what drifts is what a faithful client prints differently.
@Suite struct PublishedManilaPageTests {
  @Test func findsTheRealDriftAndNothingElse() throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("DocumentsTests/Fixtures/manila-troubleshooting.rst").path
    let results = try PageCheck.run(try WalkthroughReader.read(file: path), settings: CheckSettings(terminalWidth: 228))
    let drifting = results.filter { $0.outcome != .matched }.map(\.step.command.line)
    // 118, 254, 333: `share create` prints the API's fields in API order (cliff 4.9 and later),
    // with encryption_key_ref, and a new share is `creating` without export locations; 207:
    // `share message-show` is not a command; 411: an empty list prints one empty line.
    #expect(drifting == [118, 207, 254, 333, 411])
    #expect(results.allSatisfy { if case .failed = $0.outcome { false } else { true } })
  }
}

@Suite struct ElisionTests {
  @Test func aLineOfDotsStandsForAnyLines() {
    #expect(Elision.matches(documented: ["a", "...", "z"], printed: ["a", "b", "c", "z"]))
    #expect(Elision.matches(documented: ["a", "...", "z"], printed: ["a", "z"]))
    #expect(Elision.matches(documented: ["[snip]"], printed: ["x", "y"]))
    #expect(!Elision.matches(documented: ["a", "...", "z"], printed: ["a", "b"]))
  }

  @Test func dotsInsideALineStandForAnyText() {
    #expect(Elision.lineMatches("| id | ... |", "| id | 6c8f1db2 |"))
    #expect(Elision.lineMatches("created ... at ...Z", "created on 2025 at 16:00Z"))
    #expect(!Elision.lineMatches("| id | ... |", "| name | x |"))
  }

  @Test func aPageWithElisionsMatches() throws {
    let page = "Types::\n\n  $ openstack share type list -f value -c Name\n  default\n  ...\n"
    let results = try PageCheck.run(WalkthroughReader.parse(page, file: "page.rst", syntax: .rst))
    #expect(results.map(\.outcome) == [.matched])
  }
}
