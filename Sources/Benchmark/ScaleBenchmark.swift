import ArgumentParser
import Check
import FakeCloud

/// `Benchmark scale`: how a list grows with the cloud. For each size, a cloud with that many
/// networks (made through the emulation, as the admin, the quota lifted), then `network list`
/// timed with a filter the fake applies (`--name`, keeping one network) and without one (every
/// network printed). The fake's filter walks the networks once: its time grows with their
/// number, linearly.
struct ScaleBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "scale", abstract: "Time network lists over clouds of growing size.")

  @Option(help: "The numbers of networks, comma-separated.")
  var networks = "100,1000,10000"

  @Option(name: .customLong("repeat"), help: "How many times to run each list.")
  var runs = 20

  func run() throws {
    let sizes = networks.split(separator: ",").compactMap { Int($0) }
    guard !sizes.isEmpty, sizes.allSatisfy({ $0 > 0 }) else { throw ValidationError("--networks takes positive numbers, such as 100,1000") }
    print("scale benchmark: network list over clouds of N networks, best and median of \(runs) runs")
    for size in sizes {
      let session = try Self.session(networks: size)
      let lists = [
        ("--name (the fake keeps one)", "openstack network list --name net-\(size / 2)"),
        ("every network (-f value -c ID)", "openstack network list -f value -c ID"),
      ]
      for (label, line) in lists {
        guard session.run(line).exitStatus == 0 else { throw ValidationError("\(line) failed") }
        let (best, median) = Timing.best(of: runs) { _ = session.run(line) }
        print(String(format: "  %6d networks, %@: best %.2f ms, median %.2f ms", size, label, best * 1e3, median * 1e3))
      }
    }
  }

  /// A session on devstack's cloud, as its admin, with `networks` more networks.
  static func session(networks: Int) throws -> Session {
    let session = Session(cloud: FakeCloud(definition: .devstack))
    for line in ["export OS_CLOUD=devstack-admin", "openstack quota set --networks -1 admin"] {
      guard session.run(line).exitStatus == 0 else { throw ValidationError("\(line) failed") }
    }
    for index in 0..<networks {
      let line = "openstack network create net-\(index)"
      guard session.run(line).exitStatus == 0 else { throw ValidationError("\(line) failed") }
    }
    return session
  }
}
