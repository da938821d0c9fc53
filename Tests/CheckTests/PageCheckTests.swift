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
    var settings = CheckSettings()
    settings.assumesResources = false
    let page = WalkthroughReader.parse("Show::\n\n  $ openstack share show nothing\n  +----+\n", file: "page.rst", syntax: .rst)
    let results = try PageCheck.run(page, settings: settings)
    #expect(
      results.map(\.outcome) == [.failed(status: 1, message: "No share with a name or ID of 'nothing' exists.")])
  }

  /// A page that shows the cloud a moment later than a second after the command before (a
  /// server shut off after its stop; a second reboot once the first is done) is run again after
  /// the cloud's work in progress, with a note; what no wait changes stays drift.
  @Test func outputTheCloudShowsAMomentLaterMatchesAfterAWait() throws {
    let page = """
      Stop::

        $ openstack server create --flavor m1.tiny --image cirros-0.4.0-x86_64-disk --network private --wait vm1 -f value -c status
        ACTIVE
        $ openstack server stop vm1
        $ openstack server show vm1 -f value -c status
        SHUTOFF
        $ openstack server start vm1
        $ openstack server reboot vm1
        $ openstack server show vm1 -f value -c name
        vm2
      """
    let results = try check(page)
    #expect(results.map(\.outcome.kind) == [.matched, .matched, .matched, .matched, .matched, .drift])
    #expect(results[2].notes.contains { $0.hasPrefix("matched after a wait of 3 s for the cloud's work in progress") })
    #expect(results[4].notes.contains { $0.hasPrefix("matched after a wait of 3 s") })
    #expect(!results[5].notes.contains { $0.contains("after a wait") })
  }

  /// A failure names what the page names: the cloud's IDs bound to the page's are written back.
  @Test func aFailureQuotesThePagesIDsForTheCloudsBoundToThem() throws {
    let page = """
      Networks::

        $ openstack network create lab -c id -f value
        3f1b2a4c-1111-4222-8333-444455556666
        $ openstack network delete 3f1b2a4c-1111-4222-8333-444455556666
        $ openstack network show 3f1b2a4c-1111-4222-8333-444455556666 -c id -f value
        3f1b2a4c-1111-4222-8333-444455556666
      """
    let results = try check(page)
    #expect(results.last?.outcome == .failed(status: 1, message: "No Network found for 3f1b2a4c-1111-4222-8333-444455556666"))
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
        "118: 163: fields printed, not on the page: metadata, encryption_key_ref",
        "207: failed 2: openstack: 'share message-show 8fe74a26-f57d-4961-8435-5ea8ccf05946' is not an openstack command. See 'openstack --help'.",
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

/// Checked without a width, the page's wrapped tables are the same tables (not drift), and the
/// width they were captured at is inferred from their columns.
@Suite struct WidthInferenceTests {
  @Test func infersTheSeedsWidthFromItsWrappedTables() throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("DocumentsTests/Fixtures/manila-troubleshooting.rst").path
    let results = try PageCheck.run(try WalkthroughReader.read(file: path))
    let inferred = results.filter { result in result.notes.contains { $0.contains("columns wide") } }
    #expect(inferred.map(\.step.command.line) == [187, 310, 395])
    #expect(inferred.first?.notes.last == "the page's table was wrapped for a terminal 228 columns wide (`width 228` reproduces it)")
    // The drift is the same as at width 228.
    #expect(results.filter { $0.outcome.kind.fails }.map(\.step.command.line) == [118, 207, 254, 333, 411])
  }
}

/// Nova's faults guide (its console blocks at their lines), checked against a devstack whose one
/// host has room for an m1.tiny and no more: the failed resize goes as the guide tells, and what
/// drifts is what the current client prints differently.
@Suite struct PublishedNovaPageTests {
  @Test func findsTheRealDriftAndNothingElse() throws {
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    let page = try WalkthroughReader.read(file: fixtures.appendingPathComponent("DocumentsTests/Fixtures/nova-faults-replica.rst").path)
    let cloud = try CloudDefinition(
      contentsOfFile: fixtures.appendingPathComponent("CheckTests/Goldens/compute-failed-resize.cloud.yaml").path)
    let results = try PageCheck.run(page, settings: CheckSettings(cloud: cloud))
    func explanations(_ line: Int) -> [String] {
      guard case .drift(let differences)? = results.first(where: { $0.step.command.line == line })?.outcome else { return [] }
      return differences.filter { $0.side == .explained }.map { "\($0.line): \($0.text)" }
    }
    // The resize itself, the event list and the request IDs bind and match.
    #expect(results.filter { $0.outcome.kind == .matched }.map(\.step.command.line) == [127, 144, 200])
    #expect(results.filter { $0.outcome.kind == .drift }.map(\.step.command.line) == [89, 135, 157, 177, 201])
    // `server create --wait` today: the fields of microversion 2.100, the flavor as a dict, and
    // the values the create response lacked shown as None.
    #expect(
      Array(explanations(89).prefix(6)) == [
        "100: field accessIPv4: page \"\", printed \"None\"", "101: field accessIPv6: page \"\", printed \"None\"",
        "104: field config_drive: page \"\", printed \"None\"",
        "106: field flavor: page \"m1.tiny (1)\", printed \"description=, disk='1', ephemeral='0', extra_specs.hw_rng:allowed='True', id='m1.tiny', is_disabled=, is_public='True', location=, name='m1.tiny', original_name='m1.tiny', ram='512', rxtx_factor=, swap='0', vcpus='1'\"",
        "112: field progress: page \"0\", printed \"None\"", "114: field properties: page \"\", printed \"None\"",
      ])
    #expect(
      explanations(157) == [
        "162: field instance_uuid: on the page, not printed", "168: fields printed, not on the page: events, id",
      ])
    #expect(Array(explanations(177).prefix(4)) == [
      "178: .events[0].details: printed, not on the page", "178: .events[0].host: printed, not on the page",
      "178: .events[0].host_id: printed, not on the page", "178: .events[0].traceback: printed, not on the page",
    ])
  }
}

/// The pages of walkthroughs/ at the narrow widths of a person's terminal: where the client cuts a
/// field name or an ID over lines of their own, the table is the same table.
@Suite struct NarrowTerminalTests {
  static let pages: [String] = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return (try? WalkthroughReader.pages(in: [root.appendingPathComponent("walkthroughs").path])) ?? []
  }()

  @Test(arguments: [60, 80])
  func everyPageMatchesAtTheWidth(_ width: Int) throws {
    #expect(Self.pages.count >= 8)
    for page in Self.pages {
      let results = try PageCheck.run(try WalkthroughReader.read(file: page), settings: CheckSettings(terminalWidth: width))
      let failing = results.filter { $0.outcome != .matched && $0.outcome != .ran }.map { "\(page):\($0.step.command.line): \($0.outcome)" }
      #expect(failing.isEmpty, "\(failing)")
    }
  }

  /// Cliff's `source_share_group_snapshot_member_i` and `d` on the next line, at 80 columns.
  @Test func aFieldNameCutOverTwoLinesIsOneField() {
    let printed = CliffTable.parse([
      "+--------------------------------------+-------+", "| Field                                | Value |",
      "+--------------------------------------+-------+", "| source_share_group_snapshot_member_i | None  |",
      "| d                                    |       |", "+--------------------------------------+-------+",
    ])
    let rejoined = printed?.rejoiningKeys(in: 0, ["source_share_group_snapshot_member_id"])
    #expect(rejoined?.rows.map(\.cells) == [["source_share_group_snapshot_member_id", "None"]])
  }
}

extension PageCheckTests {
  /// Pages of one check start from copies of one fresh cloud: what one page made is not there
  /// for the next, and each prints what a cloud made for it alone prints.
  @Test func eachPageStartsFromAFreshCloud() throws {
    let page = try WalkthroughReader.parse(
      "Make::\n\n  $ openstack share create NFS 1 --name s1 -f value -c id\n  $ openstack share list -f value -c Name\n",
      file: "page.rst", syntax: .rst)
    let settings = CheckSettings()
    let first = try PageCheck.runKeepingOutput(page, settings: settings)
    let second = try PageCheck.runKeepingOutput(page, settings: settings)
    let alone = try PageCheck.runKeepingOutput(page, settings: CheckSettings())
    #expect(second.printed == first.printed)
    #expect(alone.printed == first.printed)
    #expect(first.printed.last == ["s1"])
  }

  /// A check whose cloud is changed makes the new cloud, not a copy of the old one.
  @Test func aChangedCloudIsMadeAnew() throws {
    let page = try WalkthroughReader.parse("List::\n\n  $ openstack network list -f value -c Name\n", file: "page.rst", syntax: .rst)
    var settings = CheckSettings()
    _ = try PageCheck.runKeepingOutput(page, settings: settings)
    settings.cloud.networks.removeAll { $0.name == "shared" }
    let printed = try PageCheck.runKeepingOutput(page, settings: settings).printed.first ?? nil
    #expect(printed?.contains("shared") == false)
    #expect(printed?.isEmpty == false)
  }
}

extension PageCheckTests {
  /// Install guides leave a blank line between a command and its table.
  @Test func aBlankLineBeforeTheOutputIsLayout() throws {
    let results = try check("Types::\n\n  $ openstack share type list -f value -c Name\n\n  default\n  dhss_false\n  dhss_true\n")
    #expect(results.map(\.outcome) == [.matched])
    // An empty first value prints a blank line: then the page's blank line is output.
    let shown = "Show::\n\n  $ openstack network show private -f value -c description -c name\n"
    #expect(try check(shown + "\n  private\n").map(\.outcome) == [.matched])
    #expect(try check(shown + "  private\n").map(\.outcome.kind) == [.drift])
  }
}
