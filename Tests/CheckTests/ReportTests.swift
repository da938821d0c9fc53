import Documents
import Foundation
import Testing

@testable import Check
import TestScratch

/// The reports, on one page with an outcome of every kind.
@Suite struct ReportTests {
  static let page = """
    .. walkthrough: expect-drift captured at an older release

    ::

      $ openstack share type list -f value -c Name
      default

    ::

      $ openstack share type list -f value -c Name
      default
      dhss_maybe
      dhss_true

    .. walkthrough: skip needs a real network

    ::

      $ openstack share network list

    ::

      $ ls & rm -rf /
      $ openstack share show nothing
      +-------+
      | share |
      +-------+
    """

  static func report() throws -> PageReport {
    let walkthrough = WalkthroughReader.parse(page, file: "docs/page.rst", syntax: .rst)
    // The share the page shows is not assumed: the report shows a command that fails.
    var settings = CheckSettings()
    settings.assumesResources = false
    return PageReport(file: walkthrough.file, results: try PageCheck.run(walkthrough, settings: settings), seconds: 0.25)
  }

  /// The reports' times: as `%.2f` and `%.6f` print them, whole and fraction padded.
  @Test(arguments: [0.0, 0.004, 0.016, 1.234567, 9.999, 12.5, 61.049, 123456.789012, 3e-7])
  func secondsPrintAsPrintfDoes(value: Double) {
    #expect(Seconds.text(value, places: 2) == String(format: "%.2f", value))
    #expect(Seconds.text(value, places: 6) == String(format: "%.6f", value))
    #expect(Seconds.text(-value, places: 2) == String(format: "%.2f", -value).replacingOccurrences(of: "-0.00", with: "0.00"))
  }

  @Test func textNamesEveryFindingWithItsFileAndLine() throws {
    #expect(
      TextReport(colour: false).render(try Self.report()) == """
        docs/page.rst:5: expected drift: openstack share type list -f value -c Name (captured at an older release)
        docs/page.rst:10: drift: openstack share type list -f value -c Name
          - docs/page.rst:12: dhss_maybe
          + printed line 2: dhss_false
        docs/page.rst:19: skipped: openstack share network list (needs a real network)
        docs/page.rst:23: not simulated: ls & rm -rf / (walkthrough: not run: the line uses '&'.)
        docs/page.rst:24: failed: openstack share show nothing exited with status 1: No share with a name or ID of 'nothing' exists.
        docs/page.rst: 5 commands: 1 drift, 1 failed, 1 expected drift, 1 skipped, 1 not simulated (0.25 s)

        """)
  }

  @Test func colourMarksFailuresRedAndNotesYellow() throws {
    let lines = TextReport(colour: true).render(try Self.report()).split(separator: "\n")
    #expect(lines[0].hasPrefix("\u{1B}[33mdocs/page.rst:5: expected drift:\u{1B}[0m "))
    #expect(lines[1] == "\u{1B}[31mdocs/page.rst:10: drift:\u{1B}[0m openstack share type list -f value -c Name")
    #expect(lines[2] == "\u{1B}[31m  - docs/page.rst:12: dhss_maybe\u{1B}[0m")
    #expect(lines[3] == "\u{1B}[32m  + printed line 2: dhss_false\u{1B}[0m")
    #expect(lines.last?.hasPrefix("\u{1B}[31mdocs/page.rst: 5 commands:") == true)
  }

  @Test func colourIsOffWhenNoColorIsSetOrOutputIsNotATerminal() {
    // The tests' standard output is not a terminal, so colour is off whatever the variables say.
    #expect(!TextReport.colourByDefault(environment: [:]))
    #expect(!TextReport.colourByDefault(environment: ["NO_COLOR": "1", "TERM": "xterm-256color"]))
  }

  @Test func jsonLinesCarryTheOutcomeOfEachCommand() throws {
    let lines = JSONLinesReport.render(try Self.report()).split(separator: "\n").map(String.init)
    #expect(lines.count == 5)
    #expect(
      lines[0]
        == #"{"file": "docs/page.rst", "line": 5, "command": "openstack share type list -f value -c Name", "outcome": "expected drift", "reason": "captured at an older release", "differences": [{"side": "printed", "line": 2, "text": "dhss_false"}, {"side": "printed", "line": 3, "text": "dhss_true"}]}"#
    )
    #expect(
      lines[2]
        == #"{"file": "docs/page.rst", "line": 19, "command": "openstack share network list", "outcome": "skipped", "reason": "needs a real network"}"#
    )
  }

  @Test func githubAnnotatesFailuresAsErrorsAndExpectedDriftAsNotices() throws {
    #expect(
      GitHubReport.render(try Self.report()) == """
        ::notice file=docs/page.rst,line=5::expected drift: captured at an older release
        ::error file=docs/page.rst,line=10::openstack share type list -f value -c Name: output drifts from the page (1 documented line differs, 1 printed line differs)
        ::error file=docs/page.rst,line=24::openstack share show nothing exited with status 1: No share with a name or ID of 'nothing' exists.

        """)
  }

  /// The report replaces its file whole, through a symbolic link; a path it cannot write says why.
  @Test func junitIsWrittenWholeOrSaysWhyNot() throws {
    let directory = try Scratch.directory()
    let target = directory.appendingPathComponent("target.xml").path
    let link = directory.appendingPathComponent("report.xml").path
    try Data("old".utf8).write(to: URL(fileURLWithPath: target))
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.xml")
    let report = try Self.report()
    try JUnitReport.write([report], to: link)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == JUnitReport.render([report]))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["report.xml", "target.xml"])
    #expect(throws: DocumentError(file: directory.path, reason: "cannot write the JUnit report (Is a directory)")) {
      try JUnitReport.write([], to: directory.path)
    }
    let missing = directory.appendingPathComponent("no/report.xml").path
    #expect(throws: DocumentError(file: missing, reason: "cannot write the JUnit report (No such file or directory)")) {
      try JUnitReport.write([], to: missing)
    }
  }

  /// `check --snapshots --junit`: each snapshot finding is a failing test case, and the report
  /// stays valid.
  @Test func snapshotFindingsAreJUnitFailures() throws {
    let page = "::\n\n  $ openstack share type list -f value -c Name\n  default\n  dhss_false\n  dhss_true\n"
    let root = try Scratch.directory().path
    try FileManager.default.createDirectory(atPath: root + "/Snapshots", withIntermediateDirectories: true)
    try Data(page.utf8).write(to: URL(fileURLWithPath: root + "/page.rst"))
    let store = try SnapshotStore(root: root)
    let comparison = try store.compare(file: root + "/page.rst", syntax: nil, settings: CheckSettings())
    try Data(comparison.transcript.text.replacingOccurrences(of: "  dhss_true\n", with: "  dhss_maybe\n").utf8)
      .write(to: URL(fileURLWithPath: root + "/Snapshots/page.rst.snap"))
    var report = PageRunner.check(root + "/page.rst", syntax: nil, settings: CheckSettings(), snapshots: store)
    report.seconds = 0
    #expect(report.fails)
    let xml = JUnitReport.render([report])
    #expect(xml.contains(#"<testsuites name="walkthrough check" tests="2" failures="1" errors="0""#))
    #expect(xml.contains(#"line 3: openstack share type list -f value -c Name (changed)" classname="#))
    #expect(xml.contains(#"type="snapshot changed">   dhss_false"#))
    let file = Scratch.file("junit.xml")
    try Data(xml.utf8).write(to: file)
    let schema = try #require(Bundle.module.url(forResource: "Fixtures/junit", withExtension: "xsd"))
    let validation = try Self.xmllint(["--noout", "--schema", schema.path, file.path])
    #expect(validation.status == 0, "\(validation.output)")
  }

  @Test func junitIsValidAgainstTheSchemaCIServersRead() throws {
    let unreadable = PageReport(
      file: "docs/bad & <odd>.rst", results: [], seconds: 0,
      error: DocumentError(file: "docs/bad & <odd>.rst", line: 3, reason: "unknown walkthrough directive 'x\u{1B}'"))
    let xml = JUnitReport.render([try Self.report(), unreadable])
    let file = Scratch.file("junit.xml")
    try Data(xml.utf8).write(to: file)
    let schema = try #require(Bundle.module.url(forResource: "Fixtures/junit", withExtension: "xsd"))
    let validation = try Self.xmllint(["--noout", "--schema", schema.path, file.path])
    #expect(validation.status == 0, "\(validation.output)")
    #expect(xml.contains(#"<testsuites name="walkthrough check" tests="6" failures="2" errors="1" time="0.250000">"#))
    #expect(
      xml.contains(
        #"<testsuite name="docs/page.rst" tests="5" failures="2" errors="0" skipped="2" time="0.250000" file="docs/page.rst">"#))
    #expect(xml.contains(#"<skipped message="skipped: needs a real network"/>"#))
    #expect(xml.contains(#"<failure message="output drifts from the page" type="drift">- docs/page.rst:12: dhss_maybe"#))
    #expect(
      xml.contains(
        "<error message=\"unknown walkthrough directive 'x\u{FFFD}'\" type=\"unreadable\">docs/bad &amp; &lt;odd&gt;.rst:3: unknown walkthrough directive 'x\u{FFFD}'</error>"
      ))
  }

  /// xmllint, which Scripts/setup installs.
  static func xmllint(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
  }
}
