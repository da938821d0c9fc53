import OpenStackCLI

/// What Tab offers for the word before the cursor: `openstack` and the tutorial's moves first;
/// then the client's command words, one word at a time; the options of the command (from its
/// usage text) after a `-`; and the names and IDs of the learner's resources after a whole
/// command.
struct Completion {
  /// The names and IDs of what the learner's cloud holds, with their kinds, read when asked.
  var resourceNames: () -> [(kind: String, name: String)]

  /// The kind of resource an option names.
  static let optionKinds = [
    "--flavor": "flavor", "--image": "image", "--network": "network", "--neutron-net-id": "network",
    "--neutron-subnet-id": "subnet", "--subnet": "subnet", "--share-network": "share network",
    "--share-type": "share type",
  ]

  static let firstWords = ["openstack", "source", "export", "unset"] + Verb.all.map { String($0.usage.prefix { $0 != " " }) }

  func candidates(before text: String) -> [String] {
    var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    let partial = words.removeLast()
    let typed = words.filter { !$0.isEmpty }
    guard let first = typed.first else { return Self.firstWords.filter { $0.hasPrefix(partial) } }
    guard first == "openstack" else { return [] }
    let arguments = Array(typed.dropFirst())
    let commandWords = Array(arguments.prefix { !$0.hasPrefix("-") })
    let command = CommandVocabulary.command(in: commandWords)
    if partial.hasPrefix("-") {
      return sorted(CommandVocabulary.options(of: command?.name ?? "").filter { $0.hasPrefix(partial) })
    }
    if commandWords.count == arguments.count {
      let next = CommandVocabulary.commands.compactMap { name -> String? in
        let parts = name.split(separator: " ").map(String.init)
        guard parts.count > commandWords.count, Array(parts.prefix(commandWords.count)) == commandWords,
          parts[commandWords.count].hasPrefix(partial)
        else { return nil }
        return parts[commandWords.count]
      }
      if !next.isEmpty { return sorted(next) }
    }
    guard let command else { return [] }
    // After an option, what it names; after the command, what the command is about (the longest
    // kind its name starts with: `share network show` is about share networks).
    let kind =
      Self.optionKinds[typed.last ?? ""]
      ?? resourceNames().map(\.kind).filter { command.name.hasPrefix($0 + " ") }.max { $0.count < $1.count }
    let names = resourceNames().filter { kind == nil || $0.kind == kind }.map(\.name)
    return sorted(names.filter { $0.hasPrefix(partial) && !$0.contains(" ") })
  }

  private func sorted(_ words: [String]) -> [String] { Array(Set(words)).sorted() }
}
