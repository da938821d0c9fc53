/// The words a person may type after `openstack`: the real client's command names, and the
/// options of each command's usage text as the emulation keeps it.
public enum CommandVocabulary {
  /// Every command of the real client, in its words (`share type list`), sorted.
  public static var commands: [String] { CommandNames.all }

  /// The command the words start with (the longest run that names one), and how many words it
  /// takes.
  public static func command(in words: [String]) -> (name: String, count: Int)? {
    CommandNames.find(in: words)
  }

  /// Every spelling of the command's options, in its usage's order, and the global options' long
  /// spellings; only the global ones for a command the emulation does not have.
  public static func options(of command: String) -> [String] {
    (Commands.implemented[command]?.syntax.options.flatMap(\.names) ?? []) + GlobalOptions.longNames
  }
}

extension GlobalOptions {
  /// The options python-openstackclient reads before the command name, as a person types them.
  static let longNames = (valued.union(flags)).filter { $0.hasPrefix("--") }.sorted()
}
