import CloudAPI

/// The `openstack` command-line client, as python-openstackclient 10.5.0 with
/// python-manilaclient 6.3.0 behaves, talking to a cloud only through `CloudTransport`.
public final class OpenStackClient {
  private let transport: any CloudTransport
  private let sleep: (Double) -> Void
  private let now: () -> Int64
  private let clouds: [String: CloudCredentials]
  /// The sign-in request of the last credentials, for the commands after it.
  private let tokenRequests = TokenRequests()
  /// Where the next commands record the arguments they read, when a test watches.
  var argumentReads: ArgumentReads?
  /// What a person types at osc-lib's password prompt (`--password-prompt`), both times, for the
  /// next commands; `nil` when standard input is no terminal, where the client refuses to ask.
  public var typedPassword: String?

  /// - Parameters:
  ///   - sleep: how the client waits between the polls of `--wait`; in process, the session
  ///     moves the fake cloud's clock on instead of sleeping.
  ///   - clouds: the entries of the user's `clouds.yaml`, by name, for `--os-cloud`/`OS_CLOUD`.
  ///   - now: the machine's clock, in microseconds since the epoch (what `datetime.now()` reads);
  ///     in process, the fake cloud's clock (the epoch when not given).
  public init(
    transport: any CloudTransport, sleep: @escaping (Double) -> Void, now: @escaping () -> Int64 = { 0 },
    clouds: [String: CloudCredentials] = [:]
  ) {
    self.transport = transport
    self.sleep = sleep
    self.now = now
    self.clouds = clouds
  }

  /// Runs `openstack ARGUMENTS...` with the given environment (`OS_*`, `CLIFF_*`).
  /// `terminalWidth` is the width of the terminal standard output goes to; `nil` when it goes
  /// to a file or a pipe, where cliff does not wrap tables.
  public func run(_ arguments: [String], environment: [String: String], terminalWidth: Int? = nil) -> CommandResult {
    let globals: GlobalOptions
    do {
      globals = try GlobalOptions(arguments, environment: environment, clouds: clouds)
    } catch {
      return CommandResult(standardError: error.message + "\n", exitStatus: error.exitStatus)
    }
    if let option = globals.refused {
      return CommandResult(
        standardError: "not simulated: openstack \(option) is not emulated\n", exitStatus: 127, isSimulated: false)
    }
    guard globals.commands.warnings.isEmpty else {
      // The client warns of an API version while it loads the commands, before any runs.
      var result = run(globals, environment: environment, terminalWidth: terminalWidth)
      result.standardError = globals.commands.warnings + result.standardError
      return result
    }
    return run(globals, environment: environment, terminalWidth: terminalWidth)
  }

  /// Runs the command the words after the global options name, among the commands loaded.
  private func run(_ globals: GlobalOptions, environment: [String: String], terminalWidth: Int?) -> CommandResult {
    let words = globals.remaining
    let unloaded = globals.commands.unloaded
    // cliff turns `openstack WORDS... --help` into `openstack help WORDS...`.
    if globals.help {
      return HelpCommand.run(
        words, program: "openstack help", unloaded: unloaded, environment: environment, terminalWidth: terminalWidth)
    }
    guard let (name, commandWords) = CommandNames.find(in: words, unloaded: unloaded) else {
      return unknownCommand(words, unloaded: unloaded)
    }
    if name == "help" {
      return HelpCommand.run(
        Array(words.dropFirst(commandWords)), program: "openstack " + words.prefix(commandWords).joined(separator: " "),
        unloaded: unloaded, environment: environment, terminalWidth: terminalWidth)
    }
    guard let command = Commands.implemented[name] else {
      return CommandResult(
        standardError: "walkthrough: 'openstack \(name)' is not simulated.\n", exitStatus: 127,
        isSimulated: false)
    }
    let commandArguments = Array(words.dropFirst(commandWords))
    do {
      var parsed = try command.syntax.parse(commandArguments)
      if let option = command.refusedOption(in: parsed) {
        return CommandResult(
          standardError: "not simulated: \(name) \(option) is not emulated\n", exitStatus: 127, isSimulated: false)
      }
      parsed.reads = argumentReads
      let api = APIClient(
        transport: transport, credentials: globals.credentials, tokenRequests: tokenRequests, shareVersion: globals.shareVersion,
        computeVersion: globals.computeVersion, volumeVersion: globals.volumeVersion)
      var context = CommandContext(api: api, format: parsed.value("--format") ?? "table", sleep: sleep)
      context.now = now
      context.typedPassword = typedPassword
      do {
        let output = try command.run(parsed, in: context)
        var display = DisplaySettings(parsed, environment: environment)
        display.options.terminal = terminalWidth
        return CommandResult(standardOutput: context.written.text + (try display.render(output)), standardError: context.errors.text)
      } catch let failure as CommandFailure {
        return CommandResult(
          standardOutput: context.written.text, standardError: context.errors.text + failure.message + "\n",
          exitStatus: failure.exitStatus)
      } catch let refusal as NotEmulated {
        return CommandResult(
          standardError: "not simulated: \(name) \(refusal.what) is not emulated\n", exitStatus: 127, isSimulated: false)
      }
    } catch var error as UsageError {
      // cliff names the parser after the words typed, which may abbreviate the command's.
      let typed = "openstack " + words.prefix(commandWords).joined(separator: " ")
      error.usage = ArgparseUsage.rewrapped(error.usage, program: error.program, as: typed)
      error.program = typed
      return CommandResult(standardError: error.text, exitStatus: 2)
    } catch let failure as CommandFailure {
      return CommandResult(standardError: failure.message + "\n", exitStatus: failure.exitStatus)
    } catch {
      return CommandResult(standardError: "\(error)\n", exitStatus: 1)
    }
  }

  /// cliff's answer to an unknown command, on standard output, exit status 2.
  private func unknownCommand(_ words: [String], unloaded: Set<String>) -> CommandResult {
    var output = "openstack: '\(words.joined(separator: " "))' is not an openstack command. See 'openstack --help'.\n"
    let matches = CommandNames.fuzzyMatches(for: words.first ?? "", unloaded: unloaded)
    if !matches.isEmpty {
      output += "Did you mean one of these?\n" + matches.map { "  \($0)\n" }.joined()
    }
    return CommandResult(standardOutput: output, exitStatus: 2)
  }
}

/// A `clouds.yaml` entry: who `--os-cloud NAME` signs in as.
public struct CloudCredentials: Sendable {
  public var username: String
  public var password: String
  public var projectName: String

  public init(username: String, password: String, projectName: String) {
    self.username = username
    self.password = password
    self.projectName = projectName
  }
}

/// The options python-openstackclient reads before the command name, with the `OS_*`
/// environment variables they default to.
struct GlobalOptions {
  var credentials: Credentials
  var shareVersion: Microversion?
  var computeVersion: Microversion?
  /// The Block Storage microversion asked for (`3.52`); `nil` for none, or for `3`.
  var volumeVersion: Microversion?
  /// The command name and its arguments.
  var remaining: [String] = []
  /// The first option given of those the emulation refuses (`--timing`, `--os-token`).
  var refused: String?
  /// `-h`/`--help`, which the real client's global parser takes from anywhere on the line.
  var help = false
  /// The commands the API versions asked for load.
  var commands = CommandGroups.Loading()

  /// The options read, and the options this emulation has always let through (one cloud, one
  /// region, no TLS): the rest of the real client's global options are refused by name.
  static let valued: Set<String> = [
    "--os-cloud", "--os-auth-url", "--os-auth-type", "--os-username", "--os-password",
    "--os-project-name", "--os-project-id", "--os-user-domain-name", "--os-project-domain-name",
    "--os-user-domain-id", "--os-project-domain-id", "--os-region-name", "--os-interface",
    "--os-share-api-version", "--os-compute-api-version", "--os-network-api-version",
    "--os-image-api-version", "--os-identity-api-version", "--os-endpoint", "--os-token", "--os-volume-api-version",
    // osc-lib's hidden spellings of old (`dest='os_project_name'`): openstacksdk's config strips
    // the `os_` and lets them win over `--os-project-name` and `--os-project-id`.
    "--os-tenant-name", "--os-tenant-id",
  ]
  static let flags: Set<String> = ["--debug", "-v", "--verbose", "-q", "--quiet", "--insecure"]
  /// The real client's other global options (`openstack --help`), which take a value.
  private static let refusedValued: Set<String> = [
    "--log-file", "--os-accelerator-api-version", "--os-access-token", "--os-access-token-endpoint",
    "--os-access-token-type", "--os-application-credential-id", "--os-application-credential-name",
    "--os-application-credential-secret", "--os-auth-methods", "--os-cacert", "--os-cert", "--os-client-id",
    "--os-client-secret", "--os-code", "--os-code-challenge-method", "--os-default-domain", "--os-default-domain-id",
    "--os-default-domain-name", "--os-device-authorization-endpoint", "--os-discovery-endpoint", "--os-domain-id",
    "--os-domain-name", "--os-endpoint-override", "--os-identity-provider", "--os-idp-otp-key", "--os-key",
    "--os-login-timeout", "--os-oauth2-client-id", "--os-oauth2-client-secret", "--os-oauth2-endpoint",
    "--os-object-api-version", "--os-openid-scope", "--os-passcode", "--os-protocol", "--os-redirect-host",
    "--os-redirect-port", "--os-redirect-uri", "--os-remote-project-domain-id", "--os-remote-project-domain-name",
    "--os-remote-project-id", "--os-remote-project-name", "--os-service-provider", "--os-system-scope",
    "--os-trust-id", "--os-user-id",
  ]
  /// `--os-share-api-version`'s choices (`API_VERSIONS`).
  private static let shareVersionChoices = Set((0...EmulatedClient.shareMaxMicroversion.minor).map { "2.\($0)" })
  private static let refusedFlags: Set<String> = ["--verify", "--timing", "--os-beta-command"]
  private static let osPrefix = Array("--os-".utf8)
  /// The global options that do not begin `--os-` (`--log-file` may also be given `=x`).
  private static let otherGlobals = flags.union(refusedFlags).union(valued.union(refusedValued).filter { !$0.hasPrefix("--os-") })

  /// cliff reads its global options with `parse_known_args` over the whole command line: before
  /// the command words or after them (`server list --os-cloud x`); the other words are the
  /// command's, in their order. Everything after `--` is the command's.
  init(_ arguments: [String], environment: [String: String], clouds: [String: CloudCredentials]) throws(CommandFailure) {
    var settings: [String: String] = [:]
    remaining.reserveCapacity(arguments.count)
    var index = 0
    while index < arguments.count {
      let word = arguments[index]
      // Command words and values, most of a line, are no option: no set is searched for them.
      guard word.utf8.first == UInt8(ascii: "-") else {
        remaining.append(word)
        index += 1
        continue
      }
      if word == "--" {
        remaining += arguments[index...]
        break
      }
      // `--help` and what argparse takes for its abbreviation (no other global option begins `--h`).
      if word == "-h" || (word.hasPrefix("--h") && "--help".hasPrefix(word)) {
        help = true
        index += 1
        continue
      }
      // `--help=x` is the global parser's usage error, which lists the global options in an
      // order that changes from run to run.
      if word.hasPrefix("--h"), let equals = word.firstIndex(of: "="), "--help".hasPrefix(word[..<equals]) {
        refused = refused ?? "--help=..."
        index += 1
        continue
      }
      // Every global option with a value begins `--os-` but `--log-file`: the command's own
      // options (most of a line's) are told apart without a set's hashing.
      guard word.utf8.starts(with: Self.osPrefix) || Self.otherGlobals.contains(word) || word.hasPrefix("--log-file=") else {
        remaining.append(word)
        index += 1
        continue
      }
      if Self.flags.contains(word) || Self.refusedFlags.contains(word) {
        if Self.refusedFlags.contains(word) { refused = refused ?? word }
        index += 1
        continue
      }
      let (name, attached): (String, String?) =
        if word.hasPrefix("--"), let equals = word.utf8.firstIndex(of: UInt8(ascii: "=")) {
          (String(word[..<equals]), String(word[word.utf8.index(after: equals)...]))
        } else {
          (word, nil)
        }
      let refusedOption = Self.refusedValued.contains(name)
      guard Self.valued.contains(name) || refusedOption else {
        remaining.append(word)
        index += 1
        continue
      }
      if refusedOption { refused = refused ?? name }
      if let attached {
        settings[name] = attached
        index += 1
      } else {
        // argparse's "expected one argument" when no value follows is cliff's usage error,
        // which the emulation leaves to the command's parser.
        settings[name] = index + 1 < arguments.count ? arguments[index + 1] : nil
        index += 2
      }
    }
    let variables = OSVariables(environment)
    func setting(_ option: String, _ variable: String) -> String? {
      // Most command lines give no global option: nothing to hash the name for.
      (settings.isEmpty ? nil : settings[option]) ?? variables[variable]
    }
    // openstacksdk's config: the named cloud's values, overridden by the options, which take
    // their defaults from the environment (so `OS_USERNAME` beats the cloud's user).
    var cloud: CloudCredentials?
    if let name = setting("--os-cloud", "OS_CLOUD"), !name.isEmpty {
      guard let entry = clouds[name] else { throw CommandFailure(message: "Cloud \(name) was not found.") }
      cloud = entry
    }
    credentials = Credentials(
      username: setting("--os-username", "OS_USERNAME") ?? cloud?.username,
      password: setting("--os-password", "OS_PASSWORD") ?? cloud?.password,
      projectName: settings["--os-tenant-name"] ?? setting("--os-project-name", "OS_PROJECT_NAME") ?? variables["OS_TENANT_NAME"]
        ?? cloud?.projectName,
      projectID: settings["--os-tenant-id"] ?? setting("--os-project-id", "OS_PROJECT_ID") ?? variables["OS_TENANT_ID"],
      userDomainName: setting("--os-user-domain-name", "OS_USER_DOMAIN_NAME") ?? "Default",
      projectDomainName: setting("--os-project-domain-name", "OS_PROJECT_DOMAIN_NAME") ?? "Default"
    )
    shareVersion = setting("--os-share-api-version", "OS_SHARE_API_VERSION").flatMap(Microversion.init)
    // manilaclient's choices are `2.0` to its maximum, as written: anything else is argparse's
    // usage error, which lists the global options in an order that changes from run to run.
    if let text = setting("--os-share-api-version", "OS_SHARE_API_VERSION"), !Self.shareVersionChoices.contains(text) {
      refused = refused ?? "--os-share-api-version"
    }
    computeVersion = setting("--os-compute-api-version", "OS_COMPUTE_API_VERSION").flatMap(Microversion.init)
    commands = CommandGroups.loading(setting)
    refused = refused ?? commands.refused
    // Block Storage v3, with or without a microversion (other majors load other commands).
    if let text = setting("--os-volume-api-version", "OS_VOLUME_API_VERSION"),
      text.hasPrefix("3.") || text.hasPrefix("3_")
    {
      volumeVersion = Microversion(text)
      if volumeVersion == nil { refused = refused ?? "--os-volume-api-version" }
    }
  }
}

/// The environment's `OS_` variables, found by scanning the few there are: the global options
/// read some eighteen on every command, and hashing each name had cost more than the scan.
private struct OSVariables {
  private var entries: [(name: String, value: String)] = []

  init(_ environment: [String: String]) {
    entries.reserveCapacity(environment.count)
    for (name, value) in environment where name.hasPrefix("OS_") {
      entries.append((name: name, value: value))
    }
  }

  /// Lengths compared first: most names differ in theirs, and comparing a long name with a
  /// short one as strings is the slow way.
  subscript(name: String) -> String? {
    let length = name.utf8.count
    // A loop over the buffer: `first` copies out each entry it tries (a command reads some
    // twenty names).
    return entries.withUnsafeBufferPointer { entries in
      for entry in entries.indices where entries[entry].name.utf8.count == length && entries[entry].name == name {
        return entries[entry].value
      }
      return nil
    }
  }
}
