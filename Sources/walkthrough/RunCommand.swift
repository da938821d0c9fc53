import ArgumentParser
import Check
import CloudAPI
import Documents
import FakeCloud
import Foundation

/// `walkthrough run`: commands against a fresh fake cloud, printed as the emulated client prints
/// them, for exploring by hand.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", _superCommandName: "walkthrough",
    abstract: "Run commands against a fresh fake cloud and print what the emulated client prints.",
    discussion: """
      Each argument is one command line (`"openstack share type list"`); with none, lines are read \
      from standard input and each runs as soon as it is read. The exit status is the last \
      command's.
      """
  )

  enum Format: String, NamedChoices {
    /// What the client writes, to standard output and standard error.
    case text
    /// A JSON object a line for each command: the command, its output, error output and status.
    case json
  }

  @Option(help: "A cloud file (YAML) describing the cloud to start; devstack's by default.", completion: .file(extensions: ["yaml", "yml"]))
  var cloud: String?

  @Option(
    help: ArgumentHelp(
      "The terminal width to print for (cliff wraps tables to it): a number of columns, or none (a pipe, no wrapping).",
      valueName: "columns|none"))
  var width = TerminalWidth(argument: "none")!

  @Option(help: "Write the REST exchanges (requests and the cloud's answers) to this file, as JSON.", completion: .file())
  var record: String?

  @Flag(help: "After the commands, print what the cloud's services logged, with the request IDs.")
  var log = false

  @Option(help: "text: what the client prints; json: a line for each command, for programs driving the session.")
  var format: Format = .text

  @Argument(help: "Command lines, such as \"openstack subnet list\".")
  var commands: [String] = []

  func run() throws {
    // Each exchange goes to the file as it happens: a long session keeps none in memory.
    let replayFile = try record.map { path in try unwritable(path) { try ReplayFile(path: path) } }
    let session = Session(
      cloud: FakeCloud(definition: try definition(), keepsLog: log), terminalWidth: width.columns, recording: replayFile?.append)
    // Lines from standard input run as they come, so that a program can drive the session a
    // command at a time and read each answer before it sends the next.
    var arguments = commands.makeIterator()
    let nextLine = commands.isEmpty ? { readLine() } : { arguments.next() }
    var status: Int32 = 0
    while let line = nextLine() {
      guard !line.allSatisfy(\.isWhitespace) else { continue }
      let result = session.run(line)
      switch format {
      case .text:
        FileHandle.standardOutput.write(result.standardOutput)
        FileHandle.standardError.write(result.standardError)
      case .json:
        let entry: JSON = .object([
          "command": .string(line), "stdout": .string(result.standardOutput), "stderr": .string(result.standardError),
          "exit_status": .int(Int(result.exitStatus)), "simulated": .bool(result.isSimulated),
        ])
        FileHandle.standardOutput.write(entry.pythonCompact + "\n")
      }
      status = result.exitStatus
    }
    if log {
      FileHandle.standardOutput.write(session.cloud.log.map { $0.line + "\n" }.joined())
    }
    if let record, let replayFile { try unwritable(record) { try replayFile.close() } }
    if status != 0 { throw ExitCode(status) }
  }

  /// `work`'s result; an error writing the file at `path` exits with status 2.
  private func unwritable<T>(_ path: String, _ work: () throws -> T) throws -> T {
    do {
      return try work()
    } catch {
      throw DocumentError(file: path, reason: "cannot be written")
    }
  }

  /// The cloud file's definition; an unreadable or invalid file exits with status 2.
  private func definition() throws -> CloudDefinition {
    guard let cloud else { return .devstack }
    do {
      return try CloudDefinition(contentsOfFile: cloud)
    } catch {
      throw DocumentError(file: error.file, line: error.line, reason: error.reason)
    }
  }
}
