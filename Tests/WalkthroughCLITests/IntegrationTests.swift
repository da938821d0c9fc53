import Foundation
import Synchronization
import Testing
import Yams

@testable import walkthrough
import TestScratch

/// What users of a command-line tool expect of it: completions their shell loads, a progress line
/// on a terminal only, one closing line.
@Suite struct IntegrationTests {
  let cli = WalkthroughCommandTests()

  static func shell(_ name: String) -> String? {
    ["/bin/\(name)", "/usr/bin/\(name)", "/usr/local/bin/\(name)"].first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Runs a shell on a script; its status and what it printed.
  func run(_ shell: String, _ arguments: [String], in directory: String? = nil) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: shell)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// Each shell that is installed loads its script without a syntax error (Scripts/setup
  /// installs zsh and fish; a shell that is missing is named in the test's comment).
  @Test(arguments: [("bash", ["-n"]), ("zsh", ["-n"]), ("fish", ["--no-execute"])])
  func completionScriptsLoadInTheirShells(shell name: String, check: [String]) throws {
    guard let shell = Self.shell(name) else {
      withKnownIssue("\(name) is not installed: its completion script is not loaded") { Issue.record("no \(name)") }
      return
    }
    let script = try cli.walkthrough("--generate-completion-script", name)
    #expect(script.status == 0)
    #expect(script.standardOutput.contains("snapshot"))
    let path = Scratch.file("completion.\(name)").path
    try Data(script.standardOutput.utf8).write(to: URL(fileURLWithPath: path))
    let (status, output) = try run(shell, check + [path])
    #expect(status == 0, "\(output)")
  }

  /// bash completes `--cloud` with YAML files and directories, not other files.
  @Test(.enabled(if: shell("bash") != nil)) func bashCompletesCloudFiles() throws {
    let directory = try cli.directory()
    for name in ["a.yaml", "b.txt", "c.rst"] { FileManager.default.createFile(atPath: "\(directory)/\(name)", contents: nil) }
    try FileManager.default.createDirectory(atPath: directory + "/docs", withIntermediateDirectories: true)
    let script = try cli.walkthrough("--generate-completion-script", "bash").standardOutput
    let path = directory + "/completion.bash"
    try Data(script.utf8).write(to: URL(fileURLWithPath: path))
    let (status, output) = try run(
      try #require(Self.shell("bash")),
      [
        "-c",
        #"source "$0"; COMP_WORDS=(walkthrough check --cloud ""); COMP_CWORD=3; COMP_LINE="walkthrough check --cloud "; COMP_POINT=${#COMP_LINE}; _walkthrough walkthrough "" --cloud; printf '%s\n' "${COMPREPLY[@]}" | sort"#,
        path,
      ], in: directory)
    #expect(status == 0)
    #expect(output == "a.yaml\ndocs\n")
  }

  @Test func theProgressLineIsDrawnOnATerminalForMoreThanAFewPages() {
    let written = Mutex("")
    let progress = ProgressLine("check", total: 6, isTerminal: true) { text in written.withLock { $0 += text } }
    for _ in 0..<6 { progress.pageDone { written.withLock { $0 += "[page]" } } }
    progress.finish()
    let clear = "\r\u{1B}[K"
    #expect(
      written.withLock { $0 }
        == (1...5).map { "\(clear)[page]check: \($0)/6 pages" }.joined() + "\(clear)[page]" + clear)
    // Not on a terminal, or for a few pages: nothing but the pages' own output.
    for (total, isTerminal) in [(6, false), (5, true)] {
      let quiet = Mutex("")
      let line = ProgressLine("check", total: total, isTerminal: isTerminal) { text in quiet.withLock { $0 += text } }
      line.pageDone { quiet.withLock { $0 += "[page]" } }
      line.finish()
      #expect(quiet.withLock { $0 } == "[page]")
    }
  }

  /// Captured output has no progress line, and the check of several pages closes with one line.
  @Test func checkClosesWithOneLineAcrossPagesAndNoProgressInCapturedOutput() throws {
    let directory = try cli.directory()
    for index in 1...6 {
      try Data("::\n\n  $ openstack share type list -f value -c Name\n  default\n  dhss_false\n  dhss_true\n".utf8)
        .write(to: URL(fileURLWithPath: "\(directory)/p\(index).rst"))
    }
    let result = try cli.walkthrough("check", directory)
    #expect(result.status == 0)
    #expect(result.standardError.isEmpty)
    let last = try #require(result.standardOutput.split(separator: "\n").last)
    #expect(last.hasPrefix("6 pages, 6 commands: 6 matched ("))
    #expect(last.hasSuffix(" s)"))
    let one = try cli.walkthrough("check", directory + "/p1.rst")
    #expect(!one.standardOutput.contains("1 page,"))
  }
}

/// The CI integrations the repository ships: read as their tools read them, and checked for
/// what those tools require (no schema validator or schema is at hand offline, so the required
/// structure is checked here).
@Suite struct CIIntegrationTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  func yaml(_ path: String) throws -> Any? {
    try Yams.load(yaml: String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8))
  }

  /// GitHub's workflow syntax: `on`, and jobs that each run somewhere and have steps that each
  /// run a command or use an action; the check writes annotations and the JUnit report the
  /// upload step uploads.
  @Test func theGitHubWorkflowAnnotatesAndUploadsTheJUnitReport() throws {
    let workflow = try #require(try yaml(".github/workflows/walkthrough.yml") as? [String: Any])
    #expect(workflow["name"] is String)
    #expect(workflow["on"] != nil)
    let jobs = try #require(workflow["jobs"] as? [String: Any])
    #expect(!jobs.isEmpty)
    var runs: [String] = []
    var uploads: [[String: Any]] = []
    for (name, value) in jobs {
      let job = try #require(value as? [String: Any], "job \(name)")
      #expect(job["runs-on"] is String, "job \(name)")
      let steps = try #require(job["steps"] as? [[String: Any]], "job \(name)")
      for step in steps {
        #expect((step["run"] is String) != (step["uses"] is String), "a step runs a command or uses an action: \(step)")
        let allowed: Set<String> = ["name", "run", "uses", "with", "if", "env", "id", "shell", "working-directory", "continue-on-error", "timeout-minutes"]
        #expect(Set(step.keys).isSubset(of: allowed), "\(step.keys)")
        if let run = step["run"] as? String { runs.append(run) }
        if let uses = step["uses"] as? String, uses.hasPrefix("actions/upload-artifact@") { uploads.append(step) }
      }
    }
    let check = try #require(runs.first { $0.contains("walkthrough check") })
    #expect(check.contains("--format github"))
    let junit = try #require(check.split(separator: " ").drop { $0 != "--junit" }.dropFirst().first)
    let upload = try #require(uploads.first)
    #expect(upload["if"] as? String == "always()")
    #expect((upload["with"] as? [String: Any])?["path"] as? String == String(junit))
  }

  /// pre-commit's hook manifest: a list of hooks with `id`, `name`, `entry` and a `language` it
  /// knows; `files` a regular expression that takes pages and leaves other files.
  @Test func thePreCommitHookChecksThePagesACommitTouches() throws {
    let hooks = try #require(try yaml(".pre-commit-hooks.yaml") as? [[String: Any]])
    #expect(hooks.count == 1)
    let hook = hooks[0]
    for key in ["id", "name", "entry", "language"] { #expect(hook[key] is String, "\(key)") }
    let known: Set<String> = [
      "conda", "coursier", "dart", "docker", "docker_image", "dotnet", "fail", "golang", "haskell", "lua", "node", "perl",
      "python", "r", "ruby", "rust", "swift", "pygrep", "script", "system", "julia",
    ]
    #expect(known.contains(hook["language"] as? String ?? ""))
    let allowed: Set<String> = [
      "id", "name", "entry", "language", "files", "exclude", "types", "types_or", "exclude_types", "always_run", "fail_fast",
      "verbose", "pass_filenames", "require_serial", "description", "language_version", "minimum_pre_commit_version", "args",
      "stages", "additional_dependencies", "log_file",
    ]
    #expect(Set(hook.keys).isSubset(of: allowed))
    #expect(hook["entry"] as? String == "walkthrough check")
    let files = try NSRegularExpression(pattern: try #require(hook["files"] as? String))
    func matches(_ path: String) -> Bool { files.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil }
    #expect(matches("doc/source/admin/shares.rst") && matches("docs/guide.md") && matches("a.markdown"))
    #expect(!matches("setup.py") && !matches("clouds/devstack.yaml"))
  }
}
