import Foundation
import FuzzTargets

#if FUZZING
  // Built by `Scripts/fuzz` with `-sanitize=fuzzer -DFUZZING`: libFuzzer's `main` calls these.

  /// The target, from `FUZZ_TARGET`, read once.
  private let target: FuzzTarget = {
    guard let name = ProcessInfo.processInfo.environment["FUZZ_TARGET"], let target = FuzzTarget(rawValue: name) else {
      FileHandle.standardError.write(Data("walkthrough-fuzz: FUZZ_TARGET must name a target: \(FuzzEntry.targetNames)\n".utf8))
      exit(2)
    }
    return target
  }()

  /// With `FUZZ_WRITE_SEEDS=DIRECTORY` (and `FUZZ_ROOT`, the project's root, or the working
  /// directory), writes the target's seeds there instead of fuzzing.
  @_cdecl("LLVMFuzzerInitialize")
  public func fuzzerInitialize(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
  ) -> CInt {
    let environment = ProcessInfo.processInfo.environment
    if let directory = environment["FUZZ_WRITE_SEEDS"] {
      exit(FuzzEntry.writeSeeds(target, into: directory, root: environment["FUZZ_ROOT"]))
    }
    _ = target
    return 0
  }

  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    target.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
  }
#else
  // Built by `swift build`: replays saved inputs (to debug a crasher) and writes seeds.
  @main enum Replay {
    static func main() {
      let arguments = Array(CommandLine.arguments.dropFirst())
      if arguments.count == 3, arguments[0] == "seeds", let target = FuzzTarget(rawValue: arguments[1]) {
        exit(FuzzEntry.writeSeeds(target, into: arguments[2], root: nil))
      }
      guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
        print(
          """
          usage: walkthrough-fuzz TARGET FILE|DIRECTORY...   run each input through the target
                 walkthrough-fuzz seeds TARGET DIRECTORY     write the target's seeds (from the working directory's project)
          targets: \(FuzzEntry.targetNames)
          """)
        exit(2)
      }
      var count = 0
      for file in FuzzEntry.inputs(arguments.dropFirst()) {
        print("\(target.rawValue): \(file.path)")
        guard let input = try? Data(contentsOf: file) else {
          print("walkthrough-fuzz: cannot read \(file.path)")
          exit(2)
        }
        target.run(Array(input))
        count += 1
      }
      print("\(count) inputs replayed, none crashed")
    }
  }
#endif

enum FuzzEntry {
  static let targetNames = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")

  static func writeSeeds(_ target: FuzzTarget, into directory: String, root: String?) -> CInt {
    let seeds = FuzzSeeds(root: URL(filePath: root ?? FileManager.default.currentDirectoryPath))
    do {
      let count = try seeds.write(for: target, into: URL(filePath: directory))
      print("\(target.rawValue): \(count) seeds in \(directory)")
      return count > 0 ? 0 : 1
    } catch {
      print("walkthrough-fuzz: cannot write the seeds into \(directory): \(error)")
      return 1
    }
  }

  /// The files given, and the files in the directories given, in name order.
  static func inputs(_ paths: ArraySlice<String>) -> [URL] {
    paths.flatMap { path -> [URL] in
      let url = URL(filePath: path)
      guard url.hasDirectoryPath || (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true else { return [url] }
      let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      return names.filter { !$0.hasPrefix(".") }.sorted().map { url.appending(path: $0) }
    }
  }
}
