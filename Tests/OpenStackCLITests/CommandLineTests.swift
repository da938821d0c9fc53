import CloudAPI
import Foundation
import Testing

@testable import OpenStackCLI

/// A cloud that must not be reached: usage errors and unknown commands end before any request.
final class UnreachableCloud: CloudTransport {
  struct Reached: Error {}
  func send(_ request: APIRequest, to service: ServiceType) throws -> APIResponse { throw Reached() }
}

/// The client's command line against the real client's answers, recorded with
/// `Scripts/osc-replay` (python-openstackclient 10.5.0, python-manilaclient 6.3.0).
@Suite struct CommandLineTests {
  static func golden(_ name: String) throws -> String {
    let url = try #require(Bundle.module.url(forResource: "Goldens/\(name)", withExtension: nil))
    return try String(contentsOf: url, encoding: .utf8)
  }

  struct Recorded: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var standardOutput: String
    var standardError: String
    var exitStatus: Int32
    var testDescription: String { arguments.joined(separator: " ") }
  }

  /// The recorded runs that ended in a usage error (status 2), before reaching the cloud.
  static let usageErrors: [Recorded] = {
    guard let text = try? golden("usage-errors.jsonl") else { return [] }
    return text.split(separator: "\n").compactMap { line in
      guard let run = try? JSON(parsing: String(line)), case .int(let status)? = run["exit_code"], status == 2
      else { return nil }
      return Recorded(
        arguments: Array(run["argv"]!.array.compactMap(\.string).dropFirst()),
        standardOutput: run["stdout"]?.string ?? "", standardError: run["stderr"]?.string ?? "",
        exitStatus: Int32(status))
    }
  }()

  /// argparse takes a word that looks like a negative number for a value or a positional: none
  /// of the commands has an option that looks like one.
  @Test func negativeNumbersAreValues() throws {
    #expect(try ShareCreate.syntax.parse(["nfs", "-1"]).value("<size>") == "-1")
    #expect(try ShareList.syntax.parse(["--limit", "-1"]).value("--limit") == "-1")
    #expect(try ShareList.syntax.parse(["--name", "-.5"]).value("--name") == "-.5")
    #expect(throws: UsageError.self) { try ShareList.syntax.parse(["--name", "-x"]) }
  }

  @Test func recordedUsageErrorsAreThere() {
    #expect(Self.usageErrors.count == 13)
  }

  @Test(arguments: usageErrors)
  func usageErrorsAreArgparses(_ recorded: Recorded) {
    let result = OpenStackClient(transport: UnreachableCloud(), sleep: { _ in }).run(recorded.arguments, environment: [:])
    #expect(result.standardError == recorded.standardError)
    #expect(result.standardOutput == recorded.standardOutput)
    #expect(result.exitStatus == recorded.exitStatus)
  }

  @Test func anUnknownCommandGetsCliffsSuggestions() throws {
    let result = OpenStackClient(transport: UnreachableCloud(), sleep: { _ in }).run(
      ["share", "message-show", "8fe74a26-f57d-4961-8435-5ea8ccf05946"], environment: [:])
    #expect(result.standardOutput == (try Self.golden("unknown-command-share-message-show.txt")))
    #expect(result.standardError == "")
    #expect(result.exitStatus == 2)
  }

  @Test func aRealCommandThatIsNotEmulatedIsReportedAsNotSimulated() {
    let result = OpenStackClient(transport: UnreachableCloud(), sleep: { _ in }).run(["volume", "group", "list"], environment: [:])
    #expect(!result.isSimulated)
    #expect(result.standardError == "walkthrough: 'openstack volume group list' is not simulated.\n")
  }

  /// An option the emulation does not run ends the command before any request, named, as a line
  /// the check reports as not simulated.
  @Test func anOptionThatIsNotEmulatedIsRefusedByName() {
    let result = OpenStackClient(transport: UnreachableCloud(), sleep: { _ in }).run(
      ["server", "create", "--flavor", "m1.tiny", "--image", "cirros", "--user-data", "data.txt", "vm1"], environment: [:])
    #expect(!result.isSimulated)
    #expect(result.standardError == "not simulated: server create --user-data is not emulated\n")
    #expect(result.standardOutput == "")
    #expect(result.exitStatus == 127)
  }

  /// `-h` is the global parser's: the help comes before the command's parser misses a required
  /// argument.
  @Test func helpComesBeforeMissingArguments() {
    let result = OpenStackClient(transport: UnreachableCloud(), sleep: { _ in }).run(["server", "create", "-h"], environment: [:])
    #expect(result.standardOutput.hasPrefix("usage: openstack server create [-h]"))
    #expect(result.exitStatus == 0)
  }

  /// A usage's hidden long spelling is the option's name (`-n` is `--no-name-lookup`).
  @Test func aHiddenLongSpellingNamesTheOption() throws {
    let option = try #require(ServerList.syntax.options.first { $0.names.contains("-n") })
    #expect(option.key == "--no-name-lookup")
    #expect(option.displayName == "-n/--no-name-lookup")
  }

  /// Distances printed by cliff 4.17.0's `utils.damerau_levenshtein(a, b, utils.COST)`.
  @Test(arguments: [
    ("share", "share", 0), ("server", "share", 7), ("sever", "server", 1), ("shrae", "share", 0),
    ("share", "server", 5), ("flavour", "flavor", 3),
  ])
  func weighsEditsAsCliffDoes(word: String, other: String, distance: Int) {
    #expect(CommandNames.damerauLevenshtein(Array(word.unicodeScalars), Array(other.unicodeScalars)) == distance)
  }

  @Test func readsOptionsFromTheRealUsage() throws {
    let syntax = ShareCreate.syntax
    #expect(syntax.program == "openstack share create")
    #expect(syntax.positionals.map(\.metavar) == ["<share_protocol>", "<size>"])
    let format = try #require(syntax.options.first { $0.key == "--format" })
    #expect(format.names == ["-f", "--format"])
    #expect(format.choices == ["json", "shell", "table", "value", "yaml"])
    let parsed = try syntax.parse(["nfs", "1", "--share-net=mynet", "-fjson", "--property", "a=1", "--property", "b=2"])
    #expect(parsed.value("<share_protocol>") == "nfs")
    #expect(parsed.value("--share-network") == "mynet")
    #expect(parsed.value("--format") == "json")
    #expect(parsed.values("--property") == ["a=1", "b=2"])
    let delete = try ShareDelete.syntax.parse(["a", "b", "--force", "c"])
    #expect(delete.values("<share>") == ["a", "b", "c"])
    #expect(delete.flag("--force"))
  }

  /// cliff's suggestions as trying every command gives them: the commands that start with the
  /// word, then those whose first word is nearest.
  static func suggestionsTryingEveryCommand(_ word: String) -> [String] {
    let scalars = Array(word.unicodeScalars)
    var distances: [Substring: Int] = [:]
    let scored = CommandNames.all.map { candidate -> (Int, String) in
      if candidate.hasPrefix(word) { return (0, candidate) }
      let first = candidate.prefix { $0 != " " }
      let distance = distances[first] ?? CommandNames.damerauLevenshtein(scalars, Array(first.unicodeScalars))
      distances[first] = distance
      return (distance + 1, candidate)
    }
    .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    let nearest = scored.first { $0.0 > 0 }?.0
    return scored.filter { $0.0 == 0 || $0.0 == nearest }.map(\.1)
  }

  /// Words are skipped only when their lower bound puts them beyond the nearest: the same
  /// suggestions, in the same order.
  @Test(arguments: ["shar", "sever", "flavour", "netwrk", "zzzz", "a", "", "image-list", "xyzzy-plugh", "ssssssssssss", "sevrer", "qutoa",
    String(repeating: "a", count: 200), String(repeating: "x", count: 100) + "server",
  ])
  func suggestsAsTryingEveryCommandDoes(word: String) {
    #expect(CommandNames.fuzzyMatches(for: word) == Self.suggestionsTryingEveryCommand(word))
  }
}
