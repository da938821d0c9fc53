import ArgumentParser
import Check
import Documents
import FakeCloud

extension Syntax: NamedChoices {}

/// The pages a command works on.
struct PageOptions: ParsableArguments {
  @Argument(
    help: "Pages, or directories to search for .rst, .md and .markdown pages.",
    completion: .file(extensions: ["rst", "md", "markdown"]))
  var paths: [String]

  @Option(help: "Read every page as this syntax (rst or markdown), whatever its extension.")
  var syntax: Syntax?

  /// Reads every page; throws `DocumentError` naming the first file that cannot be read.
  func walkthroughs() throws -> [Walkthrough] {
    try WalkthroughReader.pages(in: paths, syntax: syntax).map {
      try WalkthroughReader.read(file: $0, syntax: syntax)
    }
  }
}

/// A terminal's width, in columns, for `--width`: a number of at least 1, or `none` for output to a
/// pipe, which cliff never wraps (the default).
struct TerminalWidth: ExpressibleByArgument {
  var columns: Int?

  init?(argument: String) {
    if argument == "none" {
      columns = nil
    } else if let columns = Int(argument), columns > 0 {
      self.columns = columns
    } else {
      return nil
    }
  }

  var defaultValueDescription: String { columns.map(String.init) ?? "none" }
}

/// What pages run with when they do not say: the terminal width and the cloud.
struct RunOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The terminal width the pages' output was captured at, for pages that do not give theirs (a number of columns, or none: a pipe, no wrapping).",
      valueName: "columns|none"))
  var width = TerminalWidth(argument: "none")!

  @Option(
    help: "The cloud file for pages that do not name theirs (default: the built-in devstack cloud).",
    completion: .file(extensions: ["yaml", "yml"]))
  var cloud: String?

  @Flag(help: "Do not provide the resources a page names before it creates them: run it on its cloud as it is.")
  var noAssume = false

  @Option(
    name: .customLong("env"),
    help: ArgumentHelp(
      "A variable every page starts with, before its own env directives (repeatable): --env OS_CLOUD=devstack-admin runs an operators' guide as the admin.",
      valueName: "NAME=VALUE"))
  var environment: [Assignment] = []

  /// The settings these options give; an unreadable cloud file throws, naming its line.
  func settings() throws -> CheckSettings {
    var settings = CheckSettings(terminalWidth: width.columns)
    settings.assumesResources = !noAssume
    settings.environment = environment.map { ($0.name, $0.value) }
    if let cloud {
      do {
        settings.cloud = try CloudDefinition(contentsOfFile: cloud)
        settings.cloudFile = cloud
      } catch {
        throw DocumentError(file: error.file, line: error.line, reason: error.reason)
      }
    }
    return settings
  }
}

/// `NAME=VALUE`, as the `env` directive takes it.
struct Assignment: ExpressibleByArgument {
  var name: String
  var value: String

  init?(argument: String) {
    let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty else { return nil }
    (name, value) = (String(parts[0]), String(parts[1]))
  }
}
