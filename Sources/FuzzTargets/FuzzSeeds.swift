import Check
import CloudAPI
import Documents
import FakeCloud
import Foundation
import OpenStackCLI

/// A target's first inputs, made from the project's own pages, goldens and cloud files at run
/// time (so that they follow the project), and the small hand-made seeds in `Tests/FuzzCorpus`.
public struct FuzzSeeds {
  /// The project's root directory.
  public var root: URL

  public init(root: URL) {
    self.root = root
  }

  /// The seeds of `target`, each once.
  public func seeds(for target: FuzzTarget) -> [[UInt8]] {
    var seen = Set<[UInt8]>()
    return (handMade(for: target) + generated(for: target)).filter { !$0.isEmpty && seen.insert($0).inserted }
  }

  /// The files under `Tests/FuzzCorpus/<target>/`.
  public func handMade(for target: FuzzTarget) -> [[UInt8]] {
    files(under: "Tests/FuzzCorpus/\(target.rawValue)").compactMap { try? Array(Data(contentsOf: $0)) }
  }

  private func generated(for target: FuzzTarget) -> [[UInt8]] {
    switch target {
    case .rst: pageFiles(.rst).compactMap(bytes)
    case .markdown, .check: pageFiles(.markdown).compactMap(bytes)
    case .console: pages().flatMap { $0.blocks.filter(ConsoleBlock.isConsole) }.map { Array($0.text.utf8) }
    case .openstack:
      // Each script whole (commands that build on each other), and each command alone.
      scripts(pages()).flatMap { [$0.joined(separator: "\n")] + $0 }.map { Array($0.utf8) }
    case .table, .json, .yaml: outputs(as: target, pages: pages())
    case .cloudFile: files(under: "walkthroughs").filter { $0.pathExtension == "yaml" }.compactMap(bytes)
        + files(under: "Tests").filter { $0.lastPathComponent.hasSuffix(".cloud.yaml") }.compactMap(bytes)
    case .gateway: requests(scripts(pages()))
    }
  }

  // MARK: - The project's files

  private func files(under directory: String) -> [URL] {
    let base = root.appending(path: directory)
    guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
    // Saved crashers are replayed, not mutated: most of them stop a run at once.
    return enumerator.compactMap { $0 as? URL }.filter { !$0.path.contains("/FuzzCrashers/") && !$0.hasDirectoryPath }
      .sorted { $0.path < $1.path }
  }

  private func pageFiles(_ syntax: Syntax) -> [URL] {
    (files(under: "walkthroughs") + files(under: "Tests")).filter {
      Syntax(pathExtension: $0.pathExtension) == syntax && !$0.path.contains("/FuzzCorpus/")
    }
  }

  private func bytes(_ file: URL) -> [UInt8]? {
    try? Array(Data(contentsOf: file))
  }

  private func pages() -> [Walkthrough] {
    (pageFiles(.rst) + pageFiles(.markdown)).compactMap { try? WalkthroughReader.read(file: $0.path) }
  }

  /// The command lines of each page, and of each goldens' `.commands` file, in order.
  private func scripts(_ pages: [Walkthrough]) -> [[String]] {
    pages.map { $0.steps.map(\.command.command) }
      + files(under: "Tests").filter { $0.pathExtension == "commands" }.compactMap {
        try? String(contentsOf: $0, encoding: .utf8).split(separator: "\n").map(String.init)
      }
  }

  // MARK: - Outputs and requests

  /// The outputs of the format `target` reads: those the pages document and those the emulation
  /// prints for the scripts' commands.
  private func outputs(as target: FuzzTarget, pages: [Walkthrough]) -> [[UInt8]] {
    var outputs = pages.flatMap(\.steps).map { (command: $0.command.command, text: $0.command.output.joined(separator: "\n")) }
    for script in scripts(pages) {
      let session = Session(cloud: FakeCloud(definition: .devstack))
      for line in script {
        outputs.append((line, session.run(line).standardOutput))
      }
    }
    return outputs.filter { Self.format(of: $0.command, output: $0.text) == target }.map { Array($0.text.utf8) }
  }

  /// The format a command's output is in, as far as its options and first character tell.
  private static func format(of command: String, output: String) -> FuzzTarget? {
    let words = command.split(separator: " ")
    for (word, next) in zip(words, words.dropFirst() + [""]) {
      if (word == "-f" || word == "--format") && next == "json" || word == "-fjson" || word == "--format=json" { return .json }
      if (word == "-f" || word == "--format") && next == "yaml" || word == "-fyaml" || word == "--format=yaml" { return .yaml }
    }
    return output.hasPrefix("+-") ? .table : nil
  }

  /// The REST requests the scripts' commands send, one seed a command, written as the HTTP/1.1
  /// a client sends to `walkthrough serve`.
  private func requests(_ scripts: [[String]]) -> [[UInt8]] {
    var seeds: [[UInt8]] = []
    for script in scripts {
      let cloud = FakeCloud(definition: .devstack)
      let requests = RequestLog(cloud)
      let client = OpenStackClient(transport: requests, sleep: { cloud.advanceClock(seconds: $0) })
      let environment = [
        "OS_USERNAME": "clouduser1", "OS_PASSWORD": "secret", "OS_PROJECT_NAME": "demo",
        "OS_USER_DOMAIN_NAME": "Default", "OS_PROJECT_DOMAIN_NAME": "Default",
      ]
      for line in script where line.hasPrefix("openstack ") {
        requests.sent = []
        _ = client.run(line.split(separator: " ").dropFirst().map(String.init), environment: environment)
        seeds.append(requests.sent.flatMap { Self.http($0.request, to: $0.service) })
      }
    }
    return seeds
  }

  /// The requests a client sends, kept as they pass on to the cloud.
  private final class RequestLog: CloudTransport {
    let next: any CloudTransport
    var sent: [(request: APIRequest, service: ServiceType)] = []

    init(_ next: any CloudTransport) { self.next = next }

    func send(_ request: APIRequest, to service: ServiceType) throws -> APIResponse {
      sent.append((request, service))
      return try next.send(request, to: service)
    }
  }

  /// The path each service answers under on `walkthrough serve`.
  private static let prefixes: [ServiceType: String] = [
    .identity: "/identity", .compute: "/compute", .image: "/image", .network: "/networking", .sharedFileSystem: "/share",
    .blockStorage: "/volume",
  ]

  static func http(_ request: APIRequest, to service: ServiceType) -> [UInt8] {
    var allowed = CharacterSet.urlQueryAllowed
    allowed.remove(charactersIn: "&=+")
    func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text }
    let query = request.query.map { encoded($0.name) + "=" + encoded($0.value) }.joined(separator: "&")
    let body = request.body?.pythonJSONBytes() ?? []
    var head = "\(request.method.rawValue) \(prefixes[service] ?? "")\(request.path)\(query.isEmpty ? "" : "?" + query) HTTP/1.1\r\n"
    head += "Host: 127.0.0.1\r\n"
    for (name, value) in request.headers.fields { head += "\(name): \(value)\r\n" }
    head += "Content-Length: \(body.count)\r\n\r\n"
    return Array(head.utf8) + body
  }
}

extension FuzzSeeds {
  /// Writes the seeds of `target` into `directory`, each named by a hash of its bytes (as
  /// libFuzzer names the inputs it keeps), and returns how many there are.
  @discardableResult
  public func write(for target: FuzzTarget, into directory: URL) throws -> Int {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let seeds = seeds(for: target)
    for seed in seeds {
      // FNV-1a: stable across runs, unlike `Hasher`.
      let hash = seed.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
      try Data(seed).write(to: directory.appending(path: "seed-" + String(hash, radix: 16)))
    }
    return seeds.count
  }
}
