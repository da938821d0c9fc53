import Testing

@testable import OpenStackCLI

/// cliff's `find_command`: a command is named by its words or by a beginning of each that fits
/// one command only, the longest run of words before the first option tried first.
@Suite struct CommandAbbreviationTests {
  @Test func aBeginningOfEachWordNamesTheOneCommandItFits() {
    #expect(CommandNames.find(in: ["shar", "list"])?.name == "share list")
    #expect(CommandNames.find(in: ["subn", "sho", "private-subnet"])! == (name: "subnet show", count: 2))
    #expect(CommandNames.find(in: ["share", "mess", "list", "-f", "json"])! == (name: "share message list", count: 3))
    #expect(CommandNames.find(in: ["server", "list", "--name", "vm"])! == (name: "server list", count: 2))
  }

  /// `flavor s` fits `flavor set` and `flavor show`: no command, and then none of one word.
  @Test func aBeginningThatFitsSeveralNamesNone() {
    #expect(CommandNames.find(in: ["flavor", "s", "m1.nano"]) == nil)
    #expect(CommandNames.find(in: ["s", "list"]) == nil)
  }

  /// Words after the first option are never command words.
  @Test func optionsEndTheCommandWords() {
    #expect(CommandNames.find(in: ["--debug", "share", "list"]) == nil)
  }
}

extension CommandAbbreviationTests {
  /// `find` searches the names by their bytes' order.
  @Test func theNamesAreSortedByTheirBytes() {
    #expect(CommandNames.all == CommandNames.all.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
  }
}

extension CommandAbbreviationTests {
  /// cliff's `find_command` and `_get_commands_by_partial_name` as Python writes them: for each
  /// run of words before the first option, longest first, the name they join to, or else the one
  /// name of as many words that each begins.
  static func cliffFind(_ words: [String], names: [String], parts: [[Substring]], known: Set<String>) -> (name: String, count: Int)? {
    let start = words.firstIndex { $0.hasPrefix("-") } ?? words.count
    for count in stride(from: start, to: 0, by: -1) {
      let typed = Array(words.prefix(count))
      let joined = typed.joined(separator: " ")
      if known.contains(joined) { return (joined, count) }
      let candidates = names.indices.filter { index in
        parts[index].count == count && zip(parts[index], typed).allSatisfy { $0.hasPrefix($1) }
      }
      if candidates.count == 1 { return (names[candidates[0]], count) }
    }
    return nil
  }

  /// Every name followed by a positional or an option, or joined into one word, and its words
  /// cut to their first one or two letters: found as cliff finds it.
  @Test func everyNameAndItsAbbreviationsAreFoundAsCliffFindsThem() {
    var lines: [[String]] = [[""], ["", "list"], ["share list"], ["share list", "x"], ["help", "share list"]]
    for name in CommandNames.all {
      let words = name.split(separator: " ").map(String.init)
      lines += [words + ["x"], words + ["-f", "json"], [name]]
      for letters in 1...2 { lines.append(words.map { String($0.prefix(letters)) } + ["x"]) }
    }
    let names = CommandNames.all
    let parts = names.map { $0.split(separator: " ") }
    let known = Set(names)
    for words in lines {
      let found = CommandNames.find(in: words)
      let expected = Self.cliffFind(words, names: names, parts: parts, known: known)
      #expect(found?.name == expected?.name && found?.count == expected?.count, "\(words)")
    }
  }
}
