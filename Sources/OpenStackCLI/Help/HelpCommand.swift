/// cliff's `help` command: `openstack help share list`, and `openstack share list --help`, which
/// cliff turns into it (python-openstackclient defers `-h`/`--help` to it: its global parser
/// takes the option from anywhere on the line, and cliff puts `help` before the other words).
enum HelpCommand {
  /// The usage of `help`'s own parser, under its full name.
  private static let usage = "usage: openstack help [-h] [cmd ...]"

  /// What `openstack help ARGUMENTS...` prints; `program` is `openstack` and the words typed for
  /// `help` (`openstack hel` abbreviates it); `unloaded`, the commands the API versions asked for
  /// do not load.
  static func run(
    _ arguments: [String], program: String, unloaded: Set<String>, environment: [String: String], terminalWidth: Int?
  ) -> CommandResult {
    let (words, unrecognized) = Self.parse(arguments)
    if !unrecognized.isEmpty {
      let error = UsageError(
        usage: ArgparseUsage.rewrapped(usage, program: "openstack help", as: program), program: program,
        message: "unrecognized arguments: " + unrecognized.joined(separator: " "))
      return CommandResult(standardError: error.text, exitStatus: 2)
    }
    guard !words.isEmpty else {
      // The global help lists the global options in an order that changes from run to run.
      return notSimulated("not simulated: openstack help without a command is not emulated\n")
    }
    guard let (name, count) = CommandNames.find(in: words, unloaded: unloaded) else {
      return noCommand(words, unloaded: unloaded)
    }
    let typed = "openstack " + words.prefix(count).joined(separator: " ")
    guard name == "help" || Commands.implemented[name] != nil, let text = RealHelp.text(of: name, program: typed) else {
      return notSimulated("walkthrough: 'openstack help \(name)' is not simulated.\n")
    }
    if let refusal = refusal(environment: environment, terminalWidth: terminalWidth) {
      return notSimulated(refusal)
    }
    return CommandResult(standardOutput: text)
  }

  /// argparse over `[cmd ...]`: the first run of words that are no option is `cmd` (`--` is
  /// dropped, and ends the options); every other word is unrecognized, in the order given.
  private static func parse(_ arguments: [String]) -> (words: [String], unrecognized: [String]) {
    var words: [String] = []
    var unrecognized: [String] = []
    var optionsEnded = false
    var wordsEnded = false
    for word in arguments {
      if word == "--", !optionsEnded {
        optionsEnded = true
        continue
      }
      // argparse takes a word with a space for a positional, whatever it begins with.
      let isOption = !optionsEnded && CommandSyntax.looksLikeOption(word) && !word.contains(" ")
      if isOption {
        wordsEnded = !words.isEmpty
        unrecognized.append(word)
      } else if wordsEnded {
        unrecognized.append(word)
      } else {
        words.append(word)
      }
    }
    return (words, unrecognized)
  }

  /// No command the words name: the commands whose names begin with the first word, or cliff's
  /// error when none does.
  private static func noCommand(_ words: [String], unloaded: Set<String>) -> CommandResult {
    let first = words[0]
    let matches = CommandNames.all.filter { $0.hasPrefix(first) && !unloaded.contains($0) }
    guard !matches.isEmpty else {
      let list = "[" + words.map { PythonText.repr($0) }.joined(separator: ", ") + "]"
      return CommandResult(standardError: "Unknown command \(list)\n", exitStatus: 1)
    }
    return CommandResult(standardOutput: "Command \"\(first)\" matches:\n" + matches.map { "  \($0)\n" }.joined())
  }

  /// argparse wraps help to the width `shutil.get_terminal_size` finds: `COLUMNS` when it is a
  /// positive number, else the terminal's, else 80. The texts are kept at 80 columns; and in a
  /// terminal the client pages the help and colours it.
  private static func refusal(environment: [String: String], terminalWidth: Int?) -> String? {
    if terminalWidth != nil { return "not simulated: openstack help in a terminal is not emulated\n" }
    guard let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0, columns != 80 else { return nil }
    return "not simulated: openstack help at COLUMNS=\(columns) is not emulated\n"
  }

  private static func notSimulated(_ message: String) -> CommandResult {
    CommandResult(standardError: message, exitStatus: 127, isSimulated: false)
  }
}
