// Runs the commands of the pages in walkthroughs/ (or the pages given) against the in-process fake
// cloud and prints the time per command: parsing argv, the REST round trips, formatting. Run it
// in a release build:
//
//   swift run -c release EmulationBenchmark [--repeat N] [PAGE...]
import Check
import Documents
import FakeCloud
import Foundation

var arguments = Array(CommandLine.arguments.dropFirst())
var repeatCount = 200
if let index = arguments.firstIndex(of: "--repeat"), index + 1 < arguments.count, let value = Int(arguments[index + 1]) {
  repeatCount = max(1, value)
  arguments.removeSubrange(index...(index + 1))
}
let runs = repeatCount
let paths = arguments.isEmpty ? ["walkthroughs"] : arguments

let commands: [String]
do {
  commands = try WalkthroughReader.pages(in: paths).flatMap {
    try WalkthroughReader.read(file: $0).steps.map(\.command.command)
  }
} catch {
  FileHandle.standardError.write(Data("EmulationBenchmark: \(error)\n".utf8))
  exit(2)
}
guard !commands.isEmpty else {
  FileHandle.standardError.write(Data("EmulationBenchmark: no commands in \(paths)\n".utf8))
  exit(2)
}

/// Each run replays every page's commands in a fresh session, timing each command.
var perCommand: [Double] = []
var pageTimes: [Double] = []
var bytes = 0
for _ in 0..<runs {
  let session = Session(cloud: FakeCloud())
  let pageStart = ContinuousClock.now
  for command in commands {
    let start = ContinuousClock.now
    bytes += session.run(command).standardOutput.utf8.count
    let elapsed = ContinuousClock.now - start
    perCommand.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
  }
  let elapsed = ContinuousClock.now - pageStart
  pageTimes.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
}
perCommand.sort()
pageTimes.sort()
func percentile(_ values: [Double], _ p: Double) -> Double { values[min(values.count - 1, Int(Double(values.count) * p))] }
print("emulation benchmark: \(commands.count) commands from \(paths.joined(separator: " ")), \(runs) runs, \(bytes / runs) bytes printed per run")
print(
  String(
    format: "per command: median %.1f µs, p90 %.1f µs, p99 %.1f µs, max %.1f µs | %.0f commands/s",
    percentile(perCommand, 0.5), percentile(perCommand, 0.9), percentile(perCommand, 0.99), perCommand.last!,
    1e6 / (perCommand.reduce(0, +) / Double(perCommand.count))))
print(String(format: "per walkthrough (fresh cloud and session included): median %.2f ms", percentile(pageTimes, 0.5) / 1000))
