/// What an `openstack` command line names, read as the client reads it but not run: the command
/// and the values of its options and positionals. Tools that reason about a page before running
/// it (which resources its commands name) read its lines through this.
public struct CommandLineReading: Sendable {
  /// `server create`.
  public var command: String
  /// Values by option (`--flavor`) or positional metavar (`<server-name>`), in the order given.
  public var values: [String: [String]]

  /// The reading of `openstack ARGUMENTS...`; `nil` for a command the emulation does not run, a
  /// line the client would refuse, or one with an option the emulation refuses.
  public init?(_ arguments: [String]) {
    guard let globals = try? GlobalOptions(arguments, environment: [:], clouds: [:]), globals.refused == nil,
      let (name, count) = CommandNames.find(in: globals.remaining),
      let command = Commands.implemented[name],
      let parsed = try? command.syntax.parse(Array(globals.remaining.dropFirst(count))),
      command.refusedOption(in: parsed) == nil
    else { return nil }
    self.command = name
    values = parsed.givenValues
  }

  /// What the client's parser says when it refuses `openstack ARGUMENTS...` (an unknown option,
  /// a missing value) for a command the emulation runs: the line fails before any request.
  /// `nil` when it does not refuse it.
  public static func usageError(_ arguments: [String]) -> String? {
    guard let globals = try? GlobalOptions(arguments, environment: [:], clouds: [:]), globals.refused == nil,
      let (name, count) = CommandNames.find(in: globals.remaining),
      let command = Commands.implemented[name]
    else { return nil }
    do {
      _ = try command.syntax.parse(Array(globals.remaining.dropFirst(count)))
      return nil
    } catch {
      return error.message
    }
  }
}
