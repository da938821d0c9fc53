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
          Difference(side: .documented, line: 5, text: "dhss_maybe"),
          Difference(side: .actual, line: 2, text: "dhss_false"),
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
/// tables were captured at: what drifts is what a faithful client prints differently, each
/// explained; what only differs in order is a note.
@Suite struct PublishedManilaPageTests {
  @Test func findsTheRealDriftAndNothingElse() throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("DocumentsTests/Fixtures/manila-troubleshooting.rst").path
    let results = try PageCheck.run(try WalkthroughReader.read(file: path), settings: CheckSettings(terminalWidth: 228))
    let findings = results.flatMap { result -> [String] in
      let line = result.step.command.line
      switch result.outcome {
      case .matched: return []
      case .drift(let differences): return differences.map { "\(line): \($0.line): \($0.text)" }
      case .failed(let status, let message): return ["\(line): failed \(status): \(message)"]
      default: return ["\(line): \(result.outcome.kind)"]
      }
    }
    #expect(
      findings == [
        // The first share fails in the scheduler: `share create` answers `creating`, with no zone,
        // no export locations and no progress yet, and the fields of API 2.90 and later.
        "118: 124: field availability_zone: page \"manila-zone-2\", printed \"None\"",
        "118: 128: field export_locations: on the page, not printed",
        "118: 143: field progress: page \"100%\", printed \"None\"",
        "118: 145: field properties: on the page, not printed",
        "118: 159: field status: page \"available\", printed \"creating\"",
        "118: 163: field metadata: printed, not on the page",
        "118: 163: field encryption_key_ref: printed, not on the page",
        "207: failed 2: openstack: 'share message-show 6c8f1db2-15c3-49d9-bb51-eb792a02e6e8' is not an openstack command. See 'openstack --help'.",
        "254: 290: field encryption_key_ref: printed, not on the page",
        "333: 369: field encryption_key_ref: printed, not on the page",
        "411: 412: the page shows an empty table; for an empty list the client prints only an empty line (the header needs --print-empty)",
      ])
    // cliff 4.9 and later keep the API's field order; the share list's rows come sorted by name,
    // newest first among equal names; the subnets in the order of their IDs.
    #expect(results.filter { !$0.notes.isEmpty }.map(\.step.command.line) == [56, 73, 118, 254, 301, 333, 378])
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
