import ArgumentParser
import Documents
import Foundation

@main
struct WalkthroughCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "walkthrough",
    abstract: "Keeps cloud documentation honest: reads console walkthroughs and checks what they claim.",
    version: "walkthrough 0.1.0 (emulates python-openstackclient 10.5.0 with python-manilaclient 6.3.0)",
    subcommands: [
      CheckCommand.self, UpdateCommand.self, SnapshotCommand.self, CoverageCommand.self, ListCommand.self, RunCommand.self,
      TutorCommand.self, ServeCommand.self,
    ]
  )

  /// Runs a command. Bad usage and unreadable input exit with status 2 (argument-parser's own
  /// default for usage errors is 64), with a message on standard error.
  ///
  /// The process runs synchronously: no command needs Swift's concurrency runtime (`serve`
  /// becomes `walkthrough-server`), and starting it would cost every command (and keep valgrind
  /// from following the process).
  static func main(_ arguments: [String]?) {
    // The bare `--help` prints what argument-parser prints for it, without first trying the
    // line as a request for a completion script: that attempt costs a third of the process.
    if let only = (arguments ?? Array(CommandLine.arguments.dropFirst())).onlyElement, only == "--help" || only == "-h" {
      print(helpMessage())
      return
    }
    do {
      let arguments = arguments ?? Array(CommandLine.arguments.dropFirst())
      var command = try parsedAsSubcommand(arguments) ?? parseAsRoot(arguments)
      try command.run()
    } catch let code as ExitCode {
      // A status and no message: argument-parser would first build the command's help to find
      // that out (some 3 M instructions, on every check of a page that drifts).
      Foundation.exit(code.rawValue)
    } catch let error as DocumentError {
      FileHandle.standardError.write("walkthrough: \(error)\n")
      Foundation.exit(2)
    } catch {
      if exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(fullMessage(for: error) + "\n")
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }

  static func main() { main(nil) }

  /// The command line parsed by the subcommand it names first, as if it were the root: the
  /// root's parse reflects over both commands' arguments again and again (a quarter of a page's
  /// check). Only a line the subcommand accepts is taken; any other, help requests included, is
  /// the root's to parse, so that messages and usage stay argument-parser's own.
  ///
  /// Each subcommand names `walkthrough` as its super-command, which is all that tells
  /// argument-parser it is not a root of its own: its parse then skips the check for a request
  /// of a completion script (two more commands parsed, some 2 M instructions). The root's
  /// parse still makes that check, for every line a subcommand refuses.
  private static func parsedAsSubcommand(_ arguments: [String]) -> (any ParsableCommand)? {
    guard let name = arguments.first, let subcommand = configuration.subcommands.first(where: { $0._commandName == name })
    else { return nil }
    // A request for help parses as argument-parser's own help command: not taken.
    guard let parsed = try? subcommand.parseAsRoot(Array(arguments.dropFirst())), type(of: parsed) == subcommand
    else { return nil }
    return parsed
  }
}

extension Array {
  /// The element of a one-element array; `nil` for any other count.
  fileprivate var onlyElement: Element? { count == 1 ? first : nil }
}
