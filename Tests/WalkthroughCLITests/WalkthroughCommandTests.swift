import CloudAPI
import Foundation
import Synchronization
import Testing
import TestScratch

/// `walkthrough list` and `walkthrough run`, run as a user runs them.
@Suite struct WalkthroughCommandTests {
  struct Result {
    var status: Int32
    var standardOutput: String
    var standardError: String
  }

  /// Runs the built `walkthrough` executable, which sits beside the test bundle.
  func walkthrough(_ arguments: String...) throws -> Result {
    try walkthrough(arguments, input: nil)
  }

  func walkthrough(_ arguments: [String], input: String?) throws -> Result {
    let process = try walkthroughProcess(arguments)
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    let standardInput = Pipe()
    process.standardInput = standardInput
    try process.run()
    standardInput.fileHandleForWriting.write(Data((input ?? "").utf8))
    try standardInput.fileHandleForWriting.close()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
      standardError: String(decoding: errorData, as: UTF8.self))
  }

  /// The built `walkthrough`, not started yet.
  func walkthroughProcess(_ arguments: [String]) throws -> Process {
    let process = Process()
    let products = Bundle.main.bundleURL.deletingLastPathComponent()
    let candidates = [products, Bundle.main.bundleURL].map { $0.appendingPathComponent("walkthrough") }
    process.executableURL = try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) })
    process.arguments = arguments
    // CI changes what `snapshot` may write: a test that wants it sets it, so that the suite
    // behaves the same on a CI runner (which sets CI) as on a working copy.
    var environment = ProcessInfo.processInfo.environment
    environment["CI"] = nil
    process.environment = environment
    return process
  }

  /// A directory of its own for a test's pages.
  func directory() throws -> String {
    try Scratch.directory().path
  }

  /// `walkthrough serve` started with `arguments`, and what it printed up to `marker`; the
  /// caller stops it.
  func startedServer(_ arguments: [String], printing marker: String) throws -> (process: Process, printed: String) {
    let process = try walkthroughProcess(["serve"] + arguments)
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    var printed = ""
    while !printed.contains(marker) {
      let chunk = output.fileHandleForReading.availableData
      guard !chunk.isEmpty else {
        process.terminate()
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "serve ended before it printed \(marker): \(printed)"])
      }
      printed += String(decoding: chunk, as: UTF8.self)
    }
    return (process, printed)
  }

  func page(_ text: String, named name: String) throws -> String {
    let url = Scratch.file(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  @Test func listsCommandsAsText() throws {
    let path = try page("Intro::\n\n  $ openstack share list\n  +--+\n\n  $ openstack share delete \\\n      one\n", named: "p.rst")
    let result = try walkthrough("list", path)
    #expect(result.status == 0)
    #expect(
      result.standardOutput == """
        \(path):3  openstack share list  (1 output line)
        \(path):6  openstack share delete one  (no output)

        """)
  }

  @Test func listsCommandsAsJSONLines() throws {
    let path = try page("```console\n$ openstack server list\n+--+\n| ID |\n```\n", named: "p.md")
    let result = try walkthrough("list", "--format", "json", path)
    #expect(result.status == 0)
    #expect(
      result.standardOutput
        == #"{"file": "\#(path)", "line": 2, "prompt": "$", "command": "openstack server list", "output_line_count": 2, "output_first_line": 3, "output_last_line": 4}"#
        + "\n")
  }

  @Test func syntaxForcesTheReader() throws {
    let path = try page("::\n\n  $ ls\n", named: "page.txt")
    let unknown = try walkthrough("list", path)
    #expect(unknown.status == 2)
    #expect(
      unknown.standardError
        == "walkthrough: \(path): unknown page syntax: name it with --syntax rst or --syntax markdown\n")
    let forced = try walkthrough("list", "--syntax", "rst", path)
    #expect(forced.status == 0)
    #expect(forced.standardOutput == "\(path):3  ls  (no output)\n")
  }

  @Test func badInputExitsWithStatusTwoAndOneLine() throws {
    let missing = try walkthrough("list", "/no/such/page.rst")
    #expect(missing.status == 2)
    #expect(missing.standardError == "walkthrough: /no/such/page.rst: no such file or directory\n")
    #expect(missing.standardOutput.isEmpty)
    let badOption = try walkthrough("list", "--colour", "x.rst")
    #expect(badOption.status == 2)
    #expect(badOption.standardError.hasPrefix("Error: Unknown option '--colour'"))
    let badSyntax = try walkthrough("list", "--syntax", "asciidoc", "x.rst")
    #expect(badSyntax.status == 2)
    let noPaths = try walkthrough("list")
    #expect(noPaths.status == 2)
  }

  @Test func listsBlocksInTheExtractorsShape() throws {
    let path = try page(".. code-block:: console\n\n   $ ls\n", named: "b.rst")
    let result = try walkthrough("list", "--blocks", "--format", "json", path)
    #expect(result.standardOutput == #"{"file": "\#(path)", "line": 3, "language": "console", "text": "$ ls", "kind": "code-block"}"# + "\n")
  }

  @Test func runPrintsWhatTheClientPrintsAndEndsWithTheLastStatus() throws {
    let empty = try walkthrough("run", "openstack share network list")
    #expect(empty.status == 0)
    #expect(empty.standardOutput == "\n")
    let failed = try walkthrough("run", "openstack share network list", "openstack share show nothing")
    #expect(failed.status == 1)
    #expect(failed.standardError == "No share with a name or ID of 'nothing' exists.\n")
    let unknown = try walkthrough("run", "openstack share nothing")
    #expect(unknown.status == 2)
    #expect(unknown.standardOutput.hasPrefix("openstack: 'share nothing' is not an openstack command."))
  }

  @Test func runReadsCommandsFromStandardInput() throws {
    let result = try walkthrough(["run"], input: "openstack share network list\n\nls -l\n")
    #expect(result.status == 127)
    #expect(result.standardOutput == "\n")
    #expect(result.standardError == "walkthrough: not run: the line 'ls' is not simulated.\n")
  }

  @Test func runPrintsAJSONLineForEachCommand() throws {
    let result = try walkthrough("run", "--format", "json", "openstack share network list", "openstack share show nothing")
    #expect(result.status == 1)
    #expect(
      result.standardOutput == """
        {"command": "openstack share network list", "stdout": "\\n", "stderr": "", "exit_status": 0, "simulated": true}
        {"command": "openstack share show nothing", "stdout": "", "stderr": "No share with a name or ID of 'nothing' exists.\\n", "exit_status": 1, "simulated": true}

        """)
    #expect(result.standardError.isEmpty)
  }

  /// A program drives the session a line at a time: each answer comes before the next line is
  /// written.
  @Test func runAnswersEachLineFromStandardInputAsItComes() throws {
    let process = try walkthroughProcess(["run", "--format", "json"])
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    defer { process.terminate() }
    var answers: [String] = []
    for line in ["openstack share type list -f value -c Name", "openstack share network list -f value"] {
      input.fileHandleForWriting.write(Data((line + "\n").utf8))
      let answer = try #require(Self.readLine(from: output.fileHandleForReading, within: .seconds(20)), "no answer to \(line)")
      answers.append(answer)
    }
    #expect(
      answers == [
        #"{"command": "openstack share type list -f value -c Name", "stdout": "default\ndhss_false\ndhss_true\n", "stderr": "", "exit_status": 0, "simulated": true}"#,
        #"{"command": "openstack share network list -f value", "stdout": "", "stderr": "", "exit_status": 0, "simulated": true}"#,
      ])
  }

  /// A line from `handle`, or nil when none comes in time (the reader is left behind, blocked).
  static func readLine(from handle: FileHandle, within timeout: Duration) -> String? {
    let line = Mutex<String?>(nil)
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      var bytes: [UInt8] = []
      while true {
        let data = handle.readData(ofLength: 1)
        if data.isEmpty || data.first == UInt8(ascii: "\n") { break }
        bytes += data
      }
      line.withLock { $0 = String(decoding: bytes, as: UTF8.self) }
      done.signal()
    }
    guard done.wait(timeout: .now() + .seconds(Int(timeout.components.seconds))) == .success else { return nil }
    return line.withLock { $0 }
  }

  /// `--env` starts every page with a variable: an operators' guide runs as the admin.
  @Test func envStartsEveryPageWithTheVariable() throws {
    let path = try page("Roles::\n\n  $ openstack role show reader -f value -c name\n  reader\n", named: "roles.rst")
    // The default user is refused; a check that names the user keeps it.
    let member = try walkthrough("check", "--env", "OS_CLOUD=devstack", path)
    #expect(member.status == 1)
    let admin = try walkthrough("check", "--env", "OS_CLOUD=devstack-admin", path)
    #expect(admin.status == 0, "\(admin.standardOutput)")
    #expect(try walkthrough("check", "--env", "=x", path).status == 2)
  }

  @Test func updateRewritesDriftInPlaceAndSaysSo() throws {
    let original = "Types::\n\n  $ openstack share type list -f value -c Name\n  default\n"
    let path = try page(original, named: "types.rst")
    let dryRun = try walkthrough("update", "--dry-run", path)
    #expect(dryRun.status == 0)
    #expect(
      dryRun.standardOutput == """
        --- \(path)
        +++ \(path) (updated)
        @@ -2,3 +2,5 @@
         
           $ openstack share type list -f value -c Name
           default
        +  dhss_false
        +  dhss_true
        \(path): would rewrite the output of 1 command (line 3)

        """)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
    let update = try walkthrough("update", path)
    #expect(update.standardOutput == "\(path): rewrote the output of 1 command (line 3)\n")
    #expect(
      try String(contentsOfFile: path, encoding: .utf8)
        == "Types::\n\n  $ openstack share type list -f value -c Name\n  default\n  dhss_false\n  dhss_true\n")
    let again = try walkthrough("update", path)
    #expect(again.status == 0)
    #expect(again.standardOutput == "\(path): up to date\n")
  }

  @Test func updateRemovesTheDirectiveOfADriftThatIsGoneAndCheckThenPasses() throws {
    let path = try page(
      "<!-- walkthrough: expect-drift old -->\n\n```console\n$ openstack share type list -f value -c Name\ndefault\ndhss_false\ndhss_true\n```\n",
      named: "gone.md")
    #expect(try walkthrough("check", path).status == 1)
    let update = try walkthrough("update", path)
    #expect(update.status == 0)
    #expect(update.standardOutput == "\(path): removed the expect-drift directive whose drift is gone (line 1)\n")
    #expect(try walkthrough("check", path).status == 0)
  }

  @Test func updateSaysWhatItCannotRewrite() throws {
    let path = try page(".. parsed-literal::\n\n   $ openstack share type list -f value -c Name\n   *default*\n", named: "p.rst")
    let result = try walkthrough("update", path)
    #expect(result.status == 1)
    #expect(result.standardOutput == "\(path):3: not rewritten: a parsed-literal block's text is rendered from markup\n")
    let missing = try walkthrough("update", path + ".gone")
    #expect(missing.status == 2)
  }

  @Test func runRecordsTheRESTExchanges() throws {
    let path = try page("", named: "traffic.json")
    let result = try walkthrough("run", "--record", path, "openstack share network list")
    #expect(result.status == 0)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let exchanges = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    #expect(exchanges.map { "\($0["method"]!) \($0["path"]!)" } == ["POST /v3/auth/tokens", "GET /", "GET /v2/share-networks/detail"])
    #expect(exchanges.map { $0["status"] as? Int } == [201, 300, 200])
  }

  @Test func aBadCloudFileIsNamedWithItsLine() throws {
    let path = try page("users:\n  - {name: a, project: p, colour: red}\n", named: "cloud.yaml")
    let result = try walkthrough("run", "--cloud", path, "openstack share list")
    #expect(result.status == 2)
    #expect(
      result.standardError
        == "walkthrough: \(path):2: unknown key 'colour' in a user (expected name, password, project, roles)\n")
  }

  @Test func checkReportsDriftWithFileAndLineAndExitsOne() throws {
    let path = try page("Types::\n\n  $ openstack share type list -f value -c Name\n  default\n  dhss_maybe\n  dhss_true\n", named: "drift.rst")
    let result = try walkthrough("check", path)
    #expect(result.status == 1)
    let lines = result.standardOutput.split(separator: "\n").map(String.init)
    #expect(
      Array(lines.prefix(3)) == [
        "\(path):3: drift: openstack share type list -f value -c Name",
        "  - \(path):5: dhss_maybe",
        "  + printed line 2: dhss_false",
      ])
    #expect(lines.last?.hasPrefix("\(path): 1 command: 1 drift (") == true)
  }

  @Test func checkPassesAPageThatShowsWhatItsCommandsPrint() throws {
    let path = try page("List::\n\n  $ openstack share network list\n\nOther::\n\n  $ ls\n", named: "ok.rst")
    let result = try walkthrough("check", path)
    #expect(result.status == 0)
    let lines = result.standardOutput.split(separator: "\n").map(String.init)
    #expect(lines.first == "\(path):7: not simulated: ls (walkthrough: not run: the line 'ls' is not simulated.)")
    #expect(lines.last?.hasPrefix("\(path): 2 commands: 1 matched, 1 not simulated (") == true)
  }

  @Test func coverageCountsOutcomesAndGroupsWhatIsNotSimulated() throws {
    let tree = try directory()
    let page = tree + "/a.rst"
    try Data(
      ("Run::\n\n  $ openstack share type list\n  $ openstack share show myshare\n  +--+\n  $ sudo ls\n"
        + "  $ openstack share create NFS SIZE\n  $ openstack volume group list\n").utf8
    ).write(to: URL(fileURLWithPath: page))
    let text = try walkthrough("coverage", tree)
    #expect(text.status == 0)
    let lines = text.standardOutput.split(separator: "\n").map(String.init)
    #expect(lines.contains("| \(tree) | 1 | 5 | 4 | 2 | 0 | 1 | 1 | 0 | 2 | 0 | 0 |"))
    #expect(lines.contains("  1  placeholder  (\(page):7)"))
    #expect(lines.contains("  1  other program  (\(page):6)"))
    #expect(lines.contains("  1  openstack volume group list  (\(page):8)"))
    #expect(lines.contains("  1  share  (\(page):4)"))
    let json = try walkthrough("coverage", "--format", "json", "--no-assume", tree)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
    let total = try #require(object["total"] as? [String: Int])
    #expect(total["failed"] == 1)
    #expect(total["openstack_lines"] == 4)
    #expect((object["assumed"] as? [String: Any])?.isEmpty == true)
  }

  @Test func coverageOfNoPageIsAnError() throws {
    let result = try walkthrough("coverage", try directory())
    #expect(result.status == 2)
    #expect(result.standardError.contains("no page found"))
  }

  @Test func versionNamesTheEmulatedClient() throws {
    let result = try walkthrough("--version")
    #expect(result.status == 0)
    #expect(result.standardOutput == "walkthrough 0.1.0 (emulates python-openstackclient 10.5.0 with python-manilaclient 6.3.0)\n")
  }

  @Test func checkOfNoPageFailsUnlessAllowed() throws {
    let empty = try Scratch.directory()
    let result = try walkthrough("check", empty.path)
    #expect(result.status == 2)
    #expect(result.standardError == "walkthrough: \(empty.path): no page found (.rst, .md, .markdown); --allow-empty passes\n")
    #expect(try walkthrough("check", "--allow-empty", empty.path).status == 0)
  }

  @Test func anEmptyShardSaysSo() throws {
    let directory = try pages(1)
    let result = try walkthrough("check", "--shard", "2/2", directory.path)
    #expect(result.status == 0)
    #expect(result.standardOutput == "shard 2/2: no page (the paths hold 1 page)\n")
  }

  @Test func widthIsAColumnCountOrNone() throws {
    #expect(try walkthrough("run", "--width", "none", "openstack share network list").status == 0)
    #expect(try walkthrough("run", "--width", "80", "openstack share network list").status == 0)
    let zero = try walkthrough("run", "--width", "0", "openstack share network list")
    #expect(zero.status == 2)
    #expect(zero.standardError.contains("--width"))
  }

  @Test func checkWritesJSONAndGitHubAnnotations() throws {
    let path = try page("Types::\n\n  $ openstack share type list -f value -c Name\n  default\n  dhss_maybe\n  dhss_true\n\nList::\n\n  $ ls\n", named: "formats.rst")
    let json = try walkthrough("check", "--format", "json", path)
    #expect(json.status == 1)
    #expect(
      json.standardOutput == """
        {"file": "\(path)", "line": 3, "command": "openstack share type list -f value -c Name", "outcome": "drift", "differences": [{"side": "documented", "line": 5, "text": "dhss_maybe"}, {"side": "printed", "line": 2, "text": "dhss_false"}]}
        {"file": "\(path)", "line": 10, "command": "ls", "outcome": "not simulated", "reason": "walkthrough: not run: the line 'ls' is not simulated."}

        """)
    let github = try walkthrough("check", "--format", "github", path)
    #expect(github.status == 1)
    #expect(
      github.standardOutput
        == "::error file=\(path),line=3::openstack share type list -f value -c Name: output drifts from the page (1 documented line differs, 1 printed line differs)\n"
    )
  }

  /// A directory of pages: `p00.rst` ... with a command each, the odd ones drifting.
  func pages(_ count: Int) throws -> URL {
    let directory = try Scratch.directory()
    for index in 0..<count {
      let output = index % 2 == 0 ? "" : "  drift\n"
      try Data("P::\n\n  $ openstack share network list\n\(output)".utf8)
        .write(to: directory.appendingPathComponent(String(format: "p%02d.rst", index)))
    }
    return directory
  }

  /// The page files a text report mentions, in the order it mentions them (the closing line
  /// across pages, `12 pages, 12 commands: …`, left out).
  func summaries(_ output: String) -> [String] {
    output.split(separator: "\n").filter { $0.contains(" command: ") || $0.contains(" commands: ") }
      .filter { !($0.first?.isNumber ?? false) }.map { String($0.split(separator: ":")[0]) }
  }

  @Test func parallelPagesReportInPageOrder() throws {
    let directory = try pages(12)
    let serial = try walkthrough("check", "--jobs", "1", directory.path)
    let parallel = try walkthrough("check", "--jobs", "4", directory.path)
    #expect(serial.status == 1 && parallel.status == 1)
    let expected = (0..<12).map { directory.appendingPathComponent(String(format: "p%02d.rst", $0)).path }
    #expect(summaries(serial.standardOutput) == expected)
    #expect(summaries(parallel.standardOutput) == expected)
  }

  @Test func shardsSplitThePagesWithoutOverlap() throws {
    let directory = try pages(7)
    let shards = try (1...3).map { try summaries(walkthrough("check", "--shard", "\($0)/3", directory.path).standardOutput) }
    let all = (0..<7).map { directory.appendingPathComponent(String(format: "p%02d.rst", $0)).path }
    #expect(shards == [[all[0], all[3], all[6]], [all[1], all[4]], [all[2], all[5]]])
    #expect(try walkthrough("check", "--shard", "4/3", directory.path).status == 2)
  }

  @Test func aPageThatCannotBeCheckedExitsTwoAfterTheOthers() throws {
    let directory = try pages(2)
    try Data(".. walkthrough: colour red\n".utf8).write(to: directory.appendingPathComponent("p00.rst"))
    let result = try walkthrough("check", "--color", "never", directory.path)
    #expect(result.status == 2)
    #expect(
      result.standardOutput.hasPrefix(
        "\(directory.path)/p00.rst:1: error: unknown walkthrough directive 'colour' (known: cloud, width, env, skip, expect-drift)\n"
      ))
    #expect(summaries(result.standardOutput) == [directory.appendingPathComponent("p01.rst").path])
  }

  @Test func writesJUnitWhenAskedAndColoursWhenTold() throws {
    let directory = try pages(2)
    let junit = directory.appendingPathComponent("report.xml")
    let result = try walkthrough("check", "--junit", junit.path, "--color", "always", directory.path)
    #expect(result.status == 1)
    let xml = try String(contentsOf: junit, encoding: .utf8)
    #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"walkthrough check\" tests=\"2\" failures=\"1\""))
    #expect(result.standardOutput.contains("\u{1B}[31m\(directory.path)/p01.rst:3: drift:\u{1B}[0m"))
  }

  /// The file is written an exchange at a time, laid out as `json.dumps(entries, indent=1)`.
  @Test func runRecordsAsPythonWritesTheList() throws {
    let path = try page("", named: "layout.json")
    #expect(try walkthrough("run", "--record", path, "openstack share type list", "openstack share list").status == 0)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text == (try JSON(parsing: text)).pythonJSON(indent: 1) + "\n")
    #expect(try walkthrough("run", "--record", path, "export A=1").status == 0)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "[]\n")
    let unwritable = try walkthrough("run", "--record", path + "/no/such/dir", "openstack share list")
    #expect(unwritable.status == 2)
    #expect(unwritable.standardError == "walkthrough: \(path)/no/such/dir: cannot be written\n")
  }

  @Test func aCloudFileTheCloudCannotUseIsNamedWithItsLine() throws {
    let directory = try pages(0)
    try Data("networks:\n  - name: private\n    project: demo\n    subnets:\n      - {name: s, cidr: '', gateway: ''}\n".utf8)
      .write(to: directory.appendingPathComponent("cloud.yaml"))
    let page = directory.appendingPathComponent("p.md")
    try Data("<!-- walkthrough: cloud cloud.yaml -->\n\n```console\n$ openstack server create --flavor m1.tiny --image cirros-0.4.0-x86_64-disk --network private --wait vm1\n```\n".utf8).write(to: page)
    let result = try walkthrough("check", "--color", "never", page.path)
    #expect(result.status == 2)
    #expect(result.standardOutput.hasPrefix("\(directory.path)/cloud.yaml:5: error: 'cidr': '' is not a CIDR"))
  }

  @Test func aCloudDirectiveRunningIntoItsCommentsNextLinesNamesThePageAndLine() throws {
    let directory = try pages(0)
    let page = directory.appendingPathComponent("p.rst")
    try Data(".. walkthrough: cloud cloud.yaml\n   more words\n\n::\n\n  $ openstack share list\n".utf8).write(to: page)
    let result = try walkthrough("check", "--color", "never", page.path)
    #expect(result.status == 2)
    #expect(
      result.standardOutput.hasPrefix(
        "\(page.path):1: error: cannot read the cloud file '\(directory.path)/cloud.yaml more words' (No such file or directory); are the comment's next lines part of the directive?\n"
      ))
  }

  @Test func aYAMLErrorIsOneLineWithItsControlCharactersEscaped() throws {
    let path = try page("users:\n  - {name: a\u{07}\u{1B}[31m, project: p}\n", named: "cloud.yaml")
    let result = try walkthrough("run", "--cloud", path, "openstack share list")
    #expect(result.status == 2)
    #expect(result.standardError == "walkthrough: \(path):2: not YAML: control characters are not allowed (U+0007)\n")
  }

  @Test func updateRefusesAReadOnlyPageAndSaysWhy() throws {
    let original = "Types::\n\n  $ openstack share type list -f value -c Name\n  default\n"
    let path = try page(original, named: "types.rst")
    chmod(path, 0o444)
    let result = try walkthrough("update", path)
    #expect(result.status == 2)
    #expect(result.standardError == "\(path): the file is read-only (mode 0444); not rewritten\n")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
  }

  @Test func aJUnitReportThatCannotBeWrittenSaysWhy() throws {
    let directory = try pages(1)
    let result = try walkthrough("check", "--junit", directory.path, directory.path)
    #expect(result.status == 2)
    #expect(result.standardError == "walkthrough: \(directory.path): cannot write the JUnit report (Is a directory)\n")
  }
}

/// `walkthrough serve`'s connection limits, given on its command line.
@Suite struct ServeLimitsTests {
  let cli = WalkthroughCommandTests()

  @Test(arguments: [["--request-timeout", "0"], ["--idle-timeout", "-1"], ["--request-timeout", "nan"], ["--max-connections", "0"]])
  func aLimitThatCannotBeKeptIsAUsageError(_ option: [String]) throws {
    let result = try cli.walkthrough(["serve", "--port", "0"] + option, input: nil)
    #expect(result.status == 2)
    #expect(result.standardError.contains(option[0]))
  }

  /// A connection that sends nothing is closed after the request timeout given, not the default 10 s.
  @Test func aSilentConnectionIsClosedAfterTheRequestTimeoutGiven() throws {
    let (process, printed) = try cli.startedServer(
      ["--port", "0", "--request-timeout", "0.3", "--max-connections", "4"], printing: "\n")
    defer { process.terminate(); process.waitUntilExit() }
    let port = try #require(printed.split(separator: "\n")[0].split(separator: ":").last.flatMap { Int($0) })
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    try #require(connected == 0)
    var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
    var probe: UInt8 = 0
    #expect(poll(&poller, 1, 5_000) > 0 && recv(socket, &probe, 1, 0) == 0, "still open 5 s after a request timeout of 0.3 s")
  }

  /// SIGTERM and SIGINT stop the server cleanly: it finishes and exits 0.
  @Test(arguments: [SIGTERM, SIGINT])
  func aSignalStopsTheServerCleanly(_ signal: Int32) throws {
    let process = try cli.walkthroughProcess(["serve", "--port", "0"])
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    // Listening once it prints its address.
    #expect(!output.fileHandleForReading.availableData.isEmpty)
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 0)
  }
}
