import Foundation
import FuzzTargets
import Testing

/// The inputs saved under `Tests/FuzzCrashers/<target>/` (what `Scripts/fuzz` found, and the
/// reproducers of known failures), replayed through their targets on every `swift test`: each
/// must now run through without a crash.
@Suite struct FuzzReplayTests {
  static let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Saved crashers whose fix has not landed yet: replaying one would crash or hang `swift test`.
  /// Delete a name here once its fix is in, so that the crasher is replayed from then on.
  static let pending: Set<String> = []

  struct Crasher: CustomTestStringConvertible, Sendable {
    var target: FuzzTarget
    var file: URL
    /// `<target>/<file name>`, as ``pending`` names it.
    var name: String { "\(target.rawValue)/\(file.lastPathComponent)" }
    var testDescription: String { name }
  }

  static let crashers: [Crasher] = FuzzTarget.allCases.flatMap { target in
    let directory = root.appending(path: "Tests/FuzzCrashers/\(target.rawValue)")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().map { Crasher(target: target, file: directory.appending(path: $0)) }
  }

  @Test(arguments: crashers.filter { !pending.contains($0.name) })
  func savedCrasherRunsThrough(_ crasher: Crasher) throws {
    crasher.target.run(Array(try Data(contentsOf: crasher.file)))
  }

  @Test func pendingNamesASavedCrasher() {
    let names = Set(Self.crashers.map(\.name))
    for name in Self.pending.sorted() {
      #expect(names.contains(name), "\(name) is listed as pending but is not in Tests/FuzzCrashers")
    }
  }

  /// The hand-made seeds run through too, so that every target runs here even with no crasher.
  @Test(arguments: FuzzTarget.allCases)
  func handMadeSeedsRunThrough(_ target: FuzzTarget) {
    let seeds = FuzzSeeds(root: Self.root).handMade(for: target)
    #expect(!seeds.isEmpty, "Tests/FuzzCorpus/\(target.rawValue) has no seed")
    for seed in seeds { target.run(seed) }
  }

  /// The targets whose seeds are files or read from them; the others' run every page's commands
  /// (too slow for a debug build), and `Scripts/fuzz` fails when a target has no seed.
  @Test(arguments: [FuzzTarget.rst, .markdown, .console, .check, .openstack, .cloudFile])
  func seedsAreMadeFromTheProject(_ target: FuzzTarget) {
    let seeds = FuzzSeeds(root: Self.root)
    #expect(seeds.seeds(for: target).count > seeds.handMade(for: target).count)
  }
}
