import ArgumentParser
import Foundation

/// `Benchmark process`: what a user waits for, whole `walkthrough` processes with their start:
/// `--help`, `list` and `check` of one page, `check` of walkthroughs/, and of doc trees when given.
/// With valgrind present, each process's instruction count beside its times: the figure that
/// does not move with the machine's load.
struct ProcessBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "process", abstract: "Time whole walkthrough processes, start included, and count their instructions.")

  @Option(name: .customLong("repeat"), help: "Runs of each process; the best and the median are printed.")
  var runs = 20

  @Option(help: "The walkthrough executable to time.")
  var walkthrough = ".build/release/walkthrough"

  @Option(help: "The page to list and check (default: the published Manila troubleshooting page, at its width).")
  var page = "Tests/DocumentsTests/Fixtures/manila-troubleshooting.rst"

  @Option(help: "The width the page is checked at.")
  var width = "228"

  @Option(help: "Doc trees to check as one run (repeated).")
  var tree: [String] = []

  @Flag(inversion: .prefixedNo, help: "Count instructions with callgrind (when valgrind is installed).")
  var instructions = true

  @Option(help: "The real client's virtualenv: the page's commands are timed through it against `walkthrough serve` when it exists.")
  var venv = ".venv-osc"

  func run() throws {
    guard FileManager.default.isExecutableFile(atPath: walkthrough) else {
      throw ValidationError("no executable at \(walkthrough): swift build -c release --product walkthrough")
    }
    let valgrind = instructions ? ExternalProgram.find("valgrind") : nil
    print("process benchmark: \(walkthrough), best and median of \(runs) runs\(valgrind == nil ? "" : ", instructions by callgrind")")
    var cases: [(label: String, arguments: [String])] = [
      ("--help", ["--help"]),
      ("list \(page)", ["list", page]),
      ("check \(page)", ["check", "--width", width, page]),
      ("check walkthroughs", ["check", "walkthroughs"]),
    ]
    if !tree.isEmpty { cases.append(("check \(tree.count) trees", ["check"] + tree)) }
    var pageSeconds = 0.0
    for (label, arguments) in cases {
      let (best, median) = try Timing.best(of: runs) { _ = try ExternalProgram.run(walkthrough, arguments) }
      if arguments.first == "check", arguments.contains(page) { pageSeconds = median }
      var line = String(format: "%-40@ best %7.1f ms, median %7.1f ms", label as NSString, best * 1000, median * 1000)
      if let valgrind {
        let count = try ExternalProgram.instructions(valgrind: valgrind, walkthrough, arguments)
        line += "  " + ExternalProgram.grouped(count) + " instructions"
      }
      print(line)
    }
    if FileManager.default.isExecutableFile(atPath: venv + "/bin/openstack") {
      // The conformance suite runs every command of the page through the real client, a process
      // each as a user runs them, against `walkthrough serve`; the emulation's side costs it
      // milliseconds.
      var result: (status: Int32, output: String) = (0, "")
      let seconds = try Timing.seconds {
        result = try ExternalProgram.run(
          "/usr/bin/env", ["python3", "Scripts/conformance/run.py", "--venv", venv, "--walkthrough", walkthrough, "--width", width, page])
      }
      let summary = result.output.split(separator: "\n").last.map(String.init) ?? ""
      print(
        String(
          format: "the real client on the page (the conformance suite: %@): %.1f s; walkthrough check is %.0f× as fast",
          summary as NSString, seconds, seconds / pageSeconds))
    }
  }
}

/// Other programs the benchmarks start.
enum ExternalProgram {
  /// The program's path on `PATH`.
  static func find(_ name: String) -> String? {
    let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    return directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Runs `program` to its end and returns its standard output; its standard input is empty and
  /// its standard error dropped. Started with posix_spawn and waited for with waitpid: Foundation's
  /// `Process` notices an exit only at its run loop's next turn, tens of milliseconds later.
  @discardableResult
  static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    var output: [Int32] = [0, 0]
    guard pipe(&output) == 0 else { throw POSIXError(.EMFILE) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, output[1], 1)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addclose(&actions, output[0])
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, program, &actions, nil, argv, environ)
    close(output[1])
    defer { close(output[0]) }
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(output[0], $0.baseAddress, $0.count) }
      if count > 0 { bytes += buffer[..<count] } else if count == 0 || errno != EINTR { break }
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    return ((status >> 8) & 0xFF, String(decoding: bytes, as: UTF8.self))
  }

  /// The instructions `program` runs, by callgrind's count (its log's "Collected : N"). Valgrind
  /// 3.19 cannot read the DWARF of Swift 6's builds: it runs a copy without it.
  static func instructions(valgrind: String, _ program: String, _ arguments: [String]) throws -> Int {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("walkthrough-callgrind-\(getpid())")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let copy = scratch.appendingPathComponent(URL(fileURLWithPath: program).lastPathComponent).path
    let log = scratch.appendingPathComponent("callgrind.log").path
    guard let strip = find("strip"), try run(strip, ["--strip-debug", "-o", copy, program]).status == 0 else {
      throw ValidationError("strip (binutils) is needed to count instructions: --no-instructions goes without")
    }
    try run(valgrind, ["--tool=callgrind", "--callgrind-out-file=/dev/null", "--log-file=\(log)", copy] + arguments)
    let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    guard let line = text.split(separator: "\n").last(where: { $0.contains("Collected :") }),
      let count = line.split(separator: " ").last.flatMap({ Int($0) })
    else { throw ValidationError("callgrind counted nothing for \(program) \(arguments.joined(separator: " "))") }
    return count
  }

  /// 1234567 as "1,234,567".
  static func grouped(_ number: Int) -> String {
    let digits = Array(String(number))
    return String(digits.enumerated().flatMap { index, digit in (index > 0 && (digits.count - index) % 3 == 0) ? [",", digit] : [digit] })
  }
}
