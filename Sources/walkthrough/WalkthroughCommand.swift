import ArgumentParser
import Documents
import Foundation

@main
struct WalkthroughCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "walkthrough",
    abstract: "Keeps cloud documentation honest: reads console walkthroughs and checks what they claim.",
    version: "walkthrough 0.1.0 (emulates python-openstackclient 10.5.0 with python-manilaclient 6.3.0)",
    subcommands: [
      CheckCommand.self, UpdateCommand.self, CoverageCommand.self, ListCommand.self, RunCommand.self, TutorCommand.self,
      ServeCommand.self,
    ]
  )

  /// Runs a command. Bad usage and unreadable input exit with status 2 (argument-parser's own
  /// default for usage errors is 64), with a message on standard error.
  static func main(_ arguments: [String]?) async {
    do {
      var command = try parseAsRoot(arguments)
      if var asynchronous = command as? any AsyncParsableCommand {
        try await asynchronous.run()
      } else {
        try command.run()
      }
    } catch let error as DocumentError {
      FileHandle.standardError.write(Data("walkthrough: \(error)\n".utf8))
      exit(withError: ExitCode(2))
    } catch {
      if exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        exit(withError: ExitCode(2))
      }
      exit(withError: error)
    }
  }

  static func main() async { await main(nil) }
}
