import ArgumentParser
import Check
import Documents
import FakeCloud
import Foundation

/// `Benchmark emulation`: runs the commands of the pages in walkthroughs/ (or the pages given)
/// against the in-process fake cloud and prints the time per command: the shell line, parsing
/// argv, authentication, the REST round trips, formatting.
struct EmulationBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "emulation", abstract: "Time the openstack emulation.")

  @Option(name: .customLong("repeat"), help: "How many times to run every page, each in a fresh session.")
  var runs = 200

  @Flag(help: "Also print each command's median time.")
  var byCommand = false

  @Flag(inversion: .prefixedNo, help: "Also count the instructions per command with callgrind (when valgrind is installed).")
  var instructions = true

  @Argument(help: "Pages or directories (default: walkthroughs).")
  var paths: [String] = ["walkthroughs"]

  func run() throws {
    // Each page with the cloud its directives name.
    let pages = try WalkthroughReader.pages(in: paths).map { file -> (commands: [String], cloud: CloudDefinition) in
      let page = try WalkthroughReader.read(file: file)
      let cloud = try PagePlan(page).cloudFile.map { try CloudDefinition(contentsOfFile: $0) } ?? .devstack
      return (page.steps.map(\.command.command), cloud)
    }
    let commands = pages.flatMap(\.commands)
    guard !commands.isEmpty else { throw ValidationError("no commands in \(paths.joined(separator: " "))") }
    // Each run replays every page's commands in a fresh session, timing each command.
    var perCommand: [[Double]] = Array(repeating: [], count: commands.count)
    var pageTimes: [Double] = []
    var bytes = 0
    // The median of each tenth of the runs: the best of them is the figure least disturbed by
    // whatever else the machine is doing.
    var roundMedians: [Double] = []
    var round: [Double] = []
    let roundSize = max(1, runs / 10)
    for run in 0..<max(1, runs) {
      var index = 0
      for page in pages {
        let session = Session(cloud: FakeCloud(definition: page.cloud))
        pageTimes.append(
          Timing.seconds {
            for command in page.commands {
              let seconds = Timing.seconds { bytes += session.run(command).standardOutput.utf8.count }
              perCommand[index].append(seconds)
              round.append(seconds)
              index += 1
            }
          })
      }
      if (run + 1) % roundSize == 0 {
        roundMedians.append(Timing.percentile(round.sorted(), 0.5))
        round.removeAll(keepingCapacity: true)
      }
    }
    let all = perCommand.flatMap { $0 }.sorted()
    pageTimes.sort()
    print("emulation benchmark: \(commands.count) commands from \(paths.joined(separator: " ")), \(runs) runs, \(bytes / runs) bytes printed per run")
    if byCommand {
      for (command, times) in zip(commands, perCommand) {
        print(String(format: "%8.1f µs  ", Timing.percentile(times.sorted(), 0.5) * 1e6) + command.prefix(100))
      }
    }
    print(
      String(
        format: "per command: median %.1f µs, p90 %.1f µs, p99 %.1f µs, max %.1f µs | %.0f commands/s",
        Timing.percentile(all, 0.5) * 1e6, Timing.percentile(all, 0.9) * 1e6, Timing.percentile(all, 0.99) * 1e6,
        all.last! * 1e6, Double(all.count) / all.reduce(0, +)))
    print(
      String(
        format: "median per command in each tenth of the runs: best %.1f µs, worst %.1f µs",
        roundMedians.min()! * 1e6, roundMedians.max()! * 1e6))
    print(String(format: "per page (fresh cloud and session included): median %.2f ms", Timing.percentile(pageTimes, 0.5) * 1000))
    if instructions, let valgrind = ExternalProgram.find("valgrind"), let benchmark = Bundle.main.executablePath {
      // Two runs under callgrind, of one and of six rounds of the pages: their difference is five
      // rounds, without the process's start and the pages' reading.
      let count = { (rounds: Int) in
        try ExternalProgram.instructions(
          valgrind: valgrind, benchmark, ["emulation", "--repeat", "\(rounds)", "--no-instructions"] + paths)
      }
      let perRound = (try count(6) - count(1)) / 5
      print(
        "instructions (callgrind): \(ExternalProgram.grouped(perRound / commands.count)) per command, "
          + "\(ExternalProgram.grouped(perRound / pages.count)) per page (fresh cloud and session included)")
    }
  }
}
