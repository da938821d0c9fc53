import CloudAPI
import FakeCloud
import Testing

@testable import OpenStackCLI

/// The rule that keeps the emulation honest about options: every option of an implemented
/// command's real usage text is either read by the command (or by cliff's display layer) or
/// refused by name, so that a command line never has an option silently ignored. A command added
/// later is walked the same way.
@Suite struct OptionCoverageTests {
  /// A command line on which each command succeeds against the default cloud, run as its
  /// administrator after the setup lines; `{}` stands for what the last setup line printed.
  struct Baseline {
    var setup: [String] = []
    var arguments: String
  }

  static let baselines: [String: Baseline] = [
    "share type list": Baseline(arguments: ""),
    "share network create": Baseline(arguments: "--name n"),
    "share network list": Baseline(arguments: ""),
    "share network show": Baseline(setup: ["share network create --name n"], arguments: "n"),
    "share network delete": Baseline(setup: ["share network create --name n"], arguments: "n"),
    "share create": Baseline(arguments: "nfs 1 --share-type dhss_false"),
    "share list": Baseline(arguments: ""),
    "share show": Baseline(setup: [shareCreate], arguments: "s"),
    "share delete": Baseline(setup: [shareCreate], arguments: "s"),
    "share message list": Baseline(arguments: ""),
    "share message show": Baseline(setup: failedShare, arguments: "{}"),
    "share message delete": Baseline(setup: failedShare, arguments: "{}"),
    "network list": Baseline(arguments: ""),
    "subnet list": Baseline(arguments: ""),
    "subnet show": Baseline(arguments: "private-subnet"),
    "server create": Baseline(arguments: "--flavor m1.tiny --image cirros-0.4.0-x86_64-disk --network private vm"),
    "server show": Baseline(setup: [serverCreate], arguments: "vm"),
    "server list": Baseline(setup: [serverCreate], arguments: ""),
    "server delete": Baseline(setup: [serverCreate], arguments: "vm"),
    "server resize": Baseline(setup: [serverCreate], arguments: "--flavor m1.small vm"),
    "server event list": Baseline(setup: [serverCreate], arguments: "vm"),
    "server event show": Baseline(
      setup: [serverCreate, "server event list vm -f value -c request_id"], arguments: "vm {}"),
    "flavor list": Baseline(arguments: ""),
    "flavor show": Baseline(arguments: "m1.tiny"),
    "image list": Baseline(arguments: ""),
    "image show": Baseline(arguments: "cirros-0.4.0-x86_64-disk"),
    "aggregate show": Baseline(arguments: "agg"),
    "volume type create": Baseline(arguments: "t"),
    "volume type set": Baseline(arguments: "lvmdriver-1"),
    "volume type unset": Baseline(arguments: "lvmdriver-1"),
    "volume type list": Baseline(arguments: ""),
    "volume type show": Baseline(arguments: "lvmdriver-1"),
    "volume type delete": Baseline(setup: ["volume type create t"], arguments: "t"),
    "volume qos create": Baseline(arguments: "q"),
    "volume qos associate": Baseline(setup: ["volume qos create q"], arguments: "q lvmdriver-1"),
    "volume qos disassociate": Baseline(setup: ["volume qos create q"], arguments: "q"),
    "volume qos list": Baseline(arguments: ""),
    "volume qos show": Baseline(setup: ["volume qos create q"], arguments: "q"),
    "volume qos set": Baseline(setup: ["volume qos create q"], arguments: "q"),
    "volume qos unset": Baseline(setup: ["volume qos create q"], arguments: "q"),
    "volume qos delete": Baseline(setup: ["volume qos create q"], arguments: "q"),
    "volume create": Baseline(arguments: "--size 1 v"),
    "volume list": Baseline(arguments: ""),
    "volume show": Baseline(setup: [volumeCreate], arguments: "v"),
    "volume set": Baseline(setup: availableVolume, arguments: "v"),
    "volume unset": Baseline(setup: [volumeCreate], arguments: "v"),
    "volume delete": Baseline(setup: availableVolume, arguments: "v"),
    "volume service list": Baseline(arguments: ""),
    "volume migrate": Baseline(setup: availableVolume, arguments: "--host devstack@lvmdriver-1 v"),
    "volume service set": Baseline(arguments: "devstack@lvmdriver-1 cinder-volume"),
    "volume message list": Baseline(arguments: ""),
    "volume snapshot create": Baseline(setup: availableVolume, arguments: "--volume v s"),
    "volume snapshot list": Baseline(arguments: ""),
    "volume transfer request create": Baseline(setup: availableVolume, arguments: "v"),
    "volume transfer request accept": Baseline(
      setup: availableVolume + ["volume transfer request create v --name t -f value -c auth_key"], arguments: "t --auth-key {}"),
    "volume transfer request list": Baseline(arguments: ""),
    "volume transfer request show": Baseline(setup: availableVolume + ["volume transfer request create v -f value -c id"], arguments: "{}"),
    "volume transfer request delete": Baseline(
      setup: availableVolume + ["volume transfer request create v -f value -c id"], arguments: "{}"),
    "volume snapshot show": Baseline(setup: availableVolume + [snapshotCreate], arguments: "s"),
    "volume snapshot delete": Baseline(setup: availableVolume + [snapshotCreate, "volume list", "volume list"], arguments: "s"),
    "volume snapshot set": Baseline(setup: availableVolume + [snapshotCreate], arguments: "s"),
    "volume snapshot unset": Baseline(setup: availableVolume + [snapshotCreate], arguments: "s"),
    "server add volume": Baseline(setup: [serverCreate] + availableVolume, arguments: "vm v"),
    "server remove volume": Baseline(setup: [serverCreate] + availableVolume + ["server add volume vm v"], arguments: "vm v"),
    "server volume list": Baseline(setup: [serverCreate], arguments: "vm"),
  ]
  static let volumeCreate = "volume create --size 1 v"
  static let snapshotCreate = "volume snapshot create --volume v s"
  /// Scheduled and made a few seconds later.
  static let availableVolume = [volumeCreate, "volume list", "volume list", "volume list"]
  static let shareCreate = "share create nfs 1 --name s --share-type dhss_false"
  /// The scheduler fails the share a moment later, and leaves a message.
  static let failedShare = [
    "share network create --name n", "share create nfs 1 --share-type dhss_true --share-network n", "share list",
    "share message list -f value -c ID",
  ]
  static let serverCreate = "server create --flavor m1.tiny --image cirros-0.4.0-x86_64-disk --network private --wait vm"

  /// A value each option accepts, by its metavar; any text for the others.
  static func value(for option: CommandSyntax.Option) -> String? {
    guard let metavar = option.metavar else { return nil }
    if let choices = option.choices { return choices[0] }
    switch option.type {
    case .int?: return "1"
    case .intChoices(let choices)?: return String(choices[0])
    case .choices(let choices)?, .loweredChoices(let choices)?: return choices[0]
    case .keyValue?: return "a=b"
    case nil: break
    }
    switch metavar {
    case "<integer>", "<limit>", "<num-shares>", "<count>", "<max-items>", "<volume-size>", "<swap>": return "1"
    case "COLUMN", "SORT_COLUMN": return "ID"
    default: return option.takesList ? "a=b" : "x"
    }
  }

  /// A client signed in as the default cloud's administrator, on a fresh cloud, with the setup
  /// lines run.
  final class Bench {
    let cloud = FakeCloud()
    let client: OpenStackClient
    var requests = 0
    let environment = ["OS_CLOUD": "devstack-admin"]

    init() {
      let definition = cloud.definition
      var clouds: [String: CloudCredentials] = [:]
      for entry in definition.clouds {
        let password = definition.users.first { $0.name == entry.user }?.password ?? ""
        clouds[entry.name] = CloudCredentials(username: entry.user, password: password, projectName: entry.project)
      }
      let counter = CountingTransport(cloud)
      client = OpenStackClient(transport: counter, sleep: { [cloud] in cloud.advanceClock(seconds: $0) }, clouds: clouds)
      counter.onSend = { [unowned self] in requests += 1 }
    }

    func run(_ words: [String]) -> CommandResult {
      cloud.advanceClock(seconds: 1)
      return client.run(words, environment: environment)
    }

    /// Runs the baseline's setup lines; the arguments, with `{}` replaced by the last one's output.
    func prepare(_ baseline: Baseline) -> [String] {
      var printed = ""
      for line in baseline.setup {
        printed = run(line.split(separator: " ").map(String.init)).standardOutput
      }
      let output = String(printed.prefix { $0 != "\n" })
      return baseline.arguments.split(separator: " ").map { $0 == "{}" ? output : String($0) }
    }
  }

  final class CountingTransport: CloudTransport {
    let cloud: FakeCloud
    var onSend: () -> Void = {}
    init(_ cloud: FakeCloud) { self.cloud = cloud }
    func send(_ request: APIRequest, to service: ServiceType) throws -> APIResponse {
      onSend()
      return try cloud.send(request, to: service)
    }
  }

  @Test func everyImplementedCommandHasABaseline() {
    #expect(Set(Self.baselines.keys) == Set(Commands.implemented.keys))
  }

  @Test(arguments: Commands.implemented.keys.sorted())
  func theBaselineSucceeds(command name: String) throws {
    let bench = Bench()
    let baseline = try #require(Self.baselines[name])
    let result = bench.run(name.split(separator: " ").map(String.init) + bench.prepare(baseline))
    // aggregate show: the default cloud has no aggregates; its only options are cliff's.
    // volume message list: Cinder lists messages from 3.3, which the client sends only when told.
    #expect(result.exitStatus == (["aggregate show", "volume message list"].contains(name) ? 1 : 0), "\(result.standardError)")
  }

  /// cliff's display options, read for every command by the display layer.
  @Test(arguments: Commands.implemented.keys.sorted())
  func theDisplayLayerReadsEveryDisplayOption(command name: String) throws {
    let command = try #require(Commands.implemented[name])
    let baseline = try #require(Self.baselines[name])
    var parsed = try command.syntax.parse(baseline.arguments.split(separator: " ").map(String.init))
    let reads = ArgumentReads()
    parsed.reads = reads
    _ = DisplaySettings(parsed, environment: [:])
    let display = Set(command.syntax.options.map(\.key)).intersection(DisplayOptions.all)
    #expect(display.subtracting(reads.names).isEmpty, "unread: \(display.subtracting(reads.names).sorted())")
  }

  /// Each option of the command's usage, given on its own beside the baseline: refused (named,
  /// and nothing sent to the cloud) or read.
  @Test(arguments: Commands.implemented.keys.sorted())
  func everyOptionIsReadOrRefused(command name: String) throws {
    let command = try #require(Commands.implemented[name])
    let baseline = try #require(Self.baselines[name])
    var unread: [String] = []
    for option in command.syntax.options where !DisplayOptions.all.contains(option.key) {
      let bench = Bench()
      var arguments = bench.prepare(baseline)
      // An option excludes the baseline's options of its group.
      for group in command.syntax.exclusiveGroups where group.contains(where: { $0.key == option.key }) {
        for other in group where other.key != option.key {
          if let index = arguments.firstIndex(where: { other.names.contains($0) }) {
            arguments.removeSubrange(index...(other.metavar == nil ? index : index + 1))
          }
        }
      }
      arguments += [option.key] + (Self.value(for: option).map { [$0] } ?? [])
      let words = name.split(separator: " ").map(String.init) + arguments
      if command.refusedOptions.contains(option.key) || RefusedEverywhere.options.contains(option.key) {
        let sent = bench.requests
        let result = bench.run(words)
        #expect(!result.isSimulated, "\(words)")
        #expect(result.standardError == "not simulated: \(name) \(option.key) is not emulated\n")
        #expect(result.exitStatus == 127)
        #expect(bench.requests == sent, "\(words) reached the cloud")
        continue
      }
      let reads = ArgumentReads()
      bench.client.argumentReads = reads
      _ = bench.run(words)
      if !reads.names.contains(option.key) { unread.append(option.key) }
    }
    #expect(unread.isEmpty, "\(name) ignores \(unread)")
  }
}
