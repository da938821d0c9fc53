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
