import CloudAPI
import FakeCloud
import Foundation
import OpenStackCLI

/// One page's shell: the environment its commands share, and the cloud they talk to. It runs
/// `openstack` through the emulation and understands the few shell commands walkthroughs use to
/// set credentials (`source openrc USER PROJECT`, `export`, `unset`); anything else is reported as
/// not simulated and never executed.
public final class Session {
  public private(set) var environment: [String: String]
  public let cloud: FakeCloud
  private let client: OpenStackClient
  private let terminalWidth: Int?

  /// - Parameters:
  ///   - terminalWidth: the width of the terminal the page's output was captured at; `nil` for
  ///     output to a pipe or file, which cliff does not wrap.
  ///   - recording: given, it is handed every request the session's commands send and the
  ///     cloud's answer, as a canned response (``RecordingTransport``), as each happens.
  public init(cloud: FakeCloud, terminalWidth: Int? = nil, recording: ((JSON) -> Void)? = nil) {
    self.cloud = cloud
    let traffic = recording.map { RecordingTransport(cloud, record: $0) }
    let definition = cloud.definition
    var clouds: [String: CloudCredentials] = [:]
    for entry in definition.clouds {
      let password = definition.users.first { $0.name == entry.user }?.password ?? ""
      clouds[entry.name] = CloudCredentials(username: entry.user, password: password, projectName: entry.project)
    }
    self.client = OpenStackClient(
      transport: traffic ?? cloud, sleep: { cloud.advanceClock(seconds: $0) }, now: { cloud.now }, clouds: clouds)
    self.terminalWidth = terminalWidth
    environment = Self.initialEnvironment(of: definition)
  }

  /// The variables a session starts with: a devstack user's, with `clouds.yaml` and `OS_CLOUD` set
  /// to the default user's cloud, or the default user's `openrc` when the cloud names none.
  static func initialEnvironment(of definition: CloudDefinition) -> [String: String] {
    var environment = ["OS_USER_DOMAIN_NAME": "Default", "OS_PROJECT_DOMAIN_NAME": "Default"]
    if let start = definition.defaultCloud {
      environment["OS_CLOUD"] = start.name
    } else {
      useCredentials(of: definition.defaultUser, project: nil, in: definition, environment: &environment)
    }
    return environment
  }

  /// Takes the credentials of the cloud's first admin, as `source admin-openrc` would: its
  /// `clouds.yaml` entry, else its `openrc`.
  /// - Returns: the entry's name (or the admin's), `nil` if the cloud has no admin.
  func useAdmin() -> String? {
    let definition = cloud.definition
    guard let admin = definition.users.first(where: { $0.roles.contains("admin") }) else { return nil }
    for name in ["OS_CLOUD", "OS_USERNAME", "OS_PASSWORD", "OS_PROJECT_NAME"] { environment.removeValue(forKey: name) }
    if let entry = definition.clouds.first(where: { $0.user == admin.name }) {
      environment["OS_CLOUD"] = entry.name
      return entry.name
    }
    Self.useCredentials(of: admin.name, project: admin.project, in: definition, environment: &environment)
    return admin.name
  }

  /// Runs a line with the admin's credentials, the session's own kept: what an operator made
  /// before the page began. Without an admin, as the session's user.
  func runAsAdmin(_ line: String) -> CommandResult {
    let own = environment
    defer { environment = own }
    _ = useAdmin()
    return run(line)
  }

  /// Runs one command line; `width`, when given, is the terminal's width for this command alone,
  /// and `typedPassword` what a person types at its password prompt.
  public func run(_ line: String, width: Int? = nil, typedPassword: String? = nil) -> CommandResult {
    if line.hasPrefix("openstack "), let placeholder = Placeholders.first(in: line) {
      return notSimulated(line, because: "has a placeholder, \(placeholder)")
    }
    let words: [String]
    do {
      words = try ShellWords.split(line, variables: environment)
    } catch .unsupported(let construct) {
      return notSimulated(line, because: "uses '\(construct)'")
    } catch .unsetVariable(let name) {
      return notSimulated(line, because: "has a placeholder, $\(name), that the page never sets")
    } catch {
      return notSimulated(line, because: "has an unterminated quote")
    }
    guard let command = words.first else { return CommandResult() }
    let arguments = Array(words.dropFirst())
    switch command {
    case "openstack":
      // A person takes a moment between two commands; the cloud's background work goes on.
      cloud.advanceClock(seconds: 1)
      client.typedPassword = typedPassword
      defer { client.typedPassword = nil }
      return client.run(arguments, environment: environment, terminalWidth: width ?? terminalWidth)
    case "source", ".":
      guard let file = arguments.first else { return notSimulated(line, because: "sources no file") }
      let name = (file as NSString).lastPathComponent
      if name == "openrc" {
        if arguments.count > 1 {
          Self.useCredentials(
            of: arguments[1], project: arguments.count > 2 ? arguments[2] : nil, in: cloud.definition,
            environment: &environment)
        }
        return CommandResult()
      }
      // The install guides' `admin-openrc` and `demo-openrc`: one user's credentials each.
      guard let owner = Self.openrcOwner(name) else {
        return notSimulated(line, because: "sources a file other than devstack's openrc or a NAME-openrc")
      }
      guard let account = Self.account(for: owner, in: cloud.definition) else {
        return notSimulated(line, because: "sources \(name), for a user or project the cloud does not have")
      }
      Self.useCredentials(of: account.name, project: account.project, in: cloud.definition, environment: &environment)
      return CommandResult()
    case "export":
      for assignment in arguments {
        let parts = assignment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 2 { export(String(parts[0]), String(parts[1])) }
      }
      return CommandResult()
    case "unset":
      for name in arguments { environment.removeValue(forKey: name) }
      return CommandResult()
    case "sleep":
      // The cloud's background work goes on while the reader waits, in virtual time.
      guard let seconds = SleepInterval.seconds(arguments) else {
        return notSimulated(line, because: "sleeps for something other than coreutils' intervals")
      }
      guard seconds <= SleepInterval.longest else { return notSimulated(line, because: "sleeps for more than a year") }
      cloud.advanceClock(seconds: seconds)
      return CommandResult()
    default:
      return notSimulated(line, because: "'\(command)' is not simulated")
    }
  }

  /// The session at one moment: its cloud and its variables (the client keeps nothing between
  /// commands: each signs in anew).
  public struct Checkpoint {
    let cloud: CloudCheckpoint
    let environment: [String: String]
  }

  public func checkpoint() -> Checkpoint {
    Checkpoint(cloud: cloud.checkpoint(), environment: environment)
  }

  /// Puts the session back as it was at `checkpoint`: what it runs from then on prints what it
  /// would have printed then.
  public func restore(_ checkpoint: Checkpoint) {
    cloud.restore(checkpoint.cloud)
    environment = checkpoint.environment
  }

  /// Sets a variable, as `export NAME=VALUE` does.
  public func export(_ name: String, _ value: String) {
    environment[name] = value
  }

  /// `NAME` of `NAME-openrc` or `NAME-openrc.sh`.
  private static func openrcOwner(_ file: String) -> String? {
    for suffix in ["-openrc", "-openrc.sh"] where file.hasSuffix(suffix) && file.count > suffix.count {
      return String(file.dropLast(suffix.count))
    }
    return nil
  }

  /// Whose credentials `NAME-openrc` holds: the user `NAME`, else the first user of the project
  /// `NAME` (`demo-openrc` on a devstack is its demo project's user).
  private static func account(for name: String, in definition: CloudDefinition) -> CloudDefinition.User? {
    definition.users.first { $0.name == name } ?? definition.users.first { $0.project == name }
  }

  /// devstack's `openrc USER PROJECT`: the user's name, password and project. devstack's own
  /// `demo` user, in a cloud that has no user of that name, is the first user of the project
  /// `demo` (as for `demo-openrc`); a name that is neither stays as given.
  private static func useCredentials(
    of user: String, project: String?, in definition: CloudDefinition, environment: inout [String: String]
  ) {
    let account = account(for: user, in: definition)
    environment["OS_USERNAME"] = account?.name ?? user
    environment["OS_PASSWORD"] = account?.password ?? ""
    environment["OS_PROJECT_NAME"] = project ?? account?.project ?? user
  }

  private func notSimulated(_ line: String, because reason: String) -> CommandResult {
    CommandResult(standardError: "walkthrough: not run: the line \(reason).\n", exitStatus: 127, isSimulated: false)
  }
}

/// coreutils `sleep`'s operands: numbers of seconds, each with an optional `s`, `m`, `h` or `d`,
/// added up.
enum SleepInterval {
  /// The longest sleep the cloud's clock follows: a year (the clock counts microseconds in 64 bits).
  static let longest: Double = 365 * 86400

  static func seconds(_ operands: [String]) -> Double? {
    guard !operands.isEmpty else { return nil }
    var total = 0.0
    for operand in operands {
      let unit: Double
      var number = Substring(operand)
      switch operand.last {
      case "s": unit = 1
      case "m": unit = 60
      case "h": unit = 3600
      case "d": unit = 86400
      default: unit = 1
      }
      if operand.last.map({ "smhd".contains($0) }) == true { number = number.dropLast() }
      guard number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let value = Double(number), value.isFinite
      else { return nil }
      total += value * unit
    }
    return total
  }
}
