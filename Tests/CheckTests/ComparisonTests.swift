import CloudAPI
import Documents
import FakeCloud
import Foundation
import Testing

@testable import Check

/// How printed tables and data compare with the page's: the differences explained at the level
/// of a row, a column, a cell or a member.
@Suite struct ComparisonTests {
  /// What a fresh session prints for the commands, one after the other.
  static func printed(_ commands: [String]) -> [String] {
    let session = Session(cloud: FakeCloud())
    return commands.map { session.run($0).standardOutput }
  }

  /// A page that shows each command with the given output.
  static func page(_ steps: [(command: String, output: String)]) -> Walkthrough {
    let text = steps.map { command, output in
      "::\n\n  $ \(command)\n" + output.split(separator: "\n", omittingEmptySubsequences: false).map { "  \($0)\n" }.joined()
        + "\n"
    }.joined()
    return WalkthroughReader.parse(text, file: "page.rst", syntax: .rst)
  }

  static func explanations(_ result: StepResult) -> [String] {
    guard case .drift(let differences) = result.outcome else { return [] }
    return differences.map { "\($0.line): \($0.text)" }
  }

  @Test func aCellThatDiffersIsNamedByRowAndColumn() throws {
    let create = "openstack share network create --name mynet"
    let list = "openstack share network list"
    let outputs = Self.printed([create, list])
    let page = Self.page([(create, outputs[0]), (list, outputs[1].replacingOccurrences(of: "| mynet |", with: "| yours |"))])
    let results = try PageCheck.run(page)
    #expect(results[0].outcome == .matched)
    let id = try #require(outputs[1].split(separator: "\n")[3].split(separator: " ").dropFirst().first)
    #expect(Self.explanations(results[1]) == ["\(page.steps[1].command.line + 4): row \(id.prefix(8))…, column Name: page \"yours\", printed \"mynet\""])
  }

  /// A page that shows `--password-prompt`'s prompts shows a person typing at them: the
  /// command runs with a password typed, its output compared without the prompts (which went to
  /// the terminal); a page that shows nothing has the person type too. Without a terminal (the
  /// page shows the prompts not answered, but a table) the client refuses to ask.
  @Test func passwordPromptsThePageShowsAreAnswered() throws {
    let create = "openstack user create --password-prompt --or-show carol"
    let table = Self.printed(["source openrc admin admin", "openstack user create --password secret --or-show carol"])[1]
    let results = try PageCheck.run(
      Self.page([
        ("source openrc admin admin", ""), (create, "\nUser Password:\nRepeat User Password:\n" + table),
        ("openstack user set --password-prompt carol", ""), ("openstack user create --password-prompt dave", table),
      ]))
    #expect(results[1].outcome == .matched)
    #expect(results[2].outcome == .matched)
    guard case .failed(_, let message) = results[3].outcome else { Issue.record("\(results[3].outcome)"); return }
    #expect(message == "No terminal detected attempting to read password")
  }

  /// A published `token issue` shows another cloud's token, project, user and expiry: each is
  /// bound to this cloud's (the token by its field: a Fernet token is no ID of a known shape).
  @Test func aTokenTheCloudIssuedIsBoundByItsField() throws {
    let issue = "openstack token issue"
    let page = Self.page([
      (
        issue,
        """
        +------------+-----------------------------------------------------------------------------------------+
        | Field      | Value                                                                                   |
        +------------+-----------------------------------------------------------------------------------------+
        | expires    | 2016-02-05T00:26:32+0000                                                                |
        | id         | gAAAAABWs0V4dBmYFUtvhl4qL-x2zw-K0QBhiCtSGa1Sb-Hkq2iD7jdDA8S1LbB3Ef_n7g7eUDqFq3q8Ew6SDUJ |
        | project_id | 6f3e7e8d1c6a4b2f9d0a7e5c3b1f2a4d                                                        |
        | user_id    | 0b8e4f3b1f4d4b5d9e2c7a6f1d3b2c4e                                                        |
        +------------+-----------------------------------------------------------------------------------------+
        """
      )
    ])
    #expect(try PageCheck.run(page)[0].outcome == .matched)
  }

  @Test func rowsMissingOrAddedAreNamed() throws {
    let list = "openstack subnet list -c ID -c Name"
    let lines = Self.printed([list])[0].split(separator: "\n").map(String.init)
    // The page lacks the second subnet and shows one that does not exist.
    var shown = lines
    let missing = shown.remove(at: 4)
    shown.insert("| 00000000-0000-4000-8000-000000000000 | gone-subnet         |", at: 4)
    let page = Self.page([(list, shown.joined(separator: "\n"))])
    let explanations = Self.explanations(try PageCheck.run(page)[0])
    let missingID = missing.split(separator: " ")[1]
    #expect(
      explanations == [
        "8: row 00000000…: on the page, not printed", "12: row \(missingID.prefix(8))…: printed, not on the page",
      ])
  }

  @Test func rowsInAnotherOrderAreANoteUnlessTheCommandSorts() throws {
    let unsorted = "openstack subnet list -c ID -c Name"
    let sorted = "openstack subnet list -c ID -c Name --sort-column Name"
    let outputs = Self.printed([unsorted, sorted])
    func swapped(_ output: String) -> String {
      var lines = output.split(separator: "\n").map(String.init)
      lines.swapAt(3, 4)
      return lines.joined(separator: "\n")
    }
    let page = Self.page([(unsorted, swapped(outputs[0])), (sorted, swapped(outputs[1]))])
    let results = try PageCheck.run(page)
    #expect(results[0].outcome == .matched)
    #expect(results[0].notes == ["rows in another order than the page shows"])
    let table = try #require(page.steps[1].command.outputLines).lowerBound
    #expect(Self.explanations(results[1]) == ["\(table): rows in another order than the page shows"])
    let strict = try PageCheck.run(
      Self.page([(unsorted, swapped(outputs[0]))]), settings: CheckSettings(strictOrder: true))
    #expect(strict[0].outcome.kind == .drift)
  }

  @Test func jsonComparesAsDataWithKeyOrderANote() throws {
    let command = "openstack share type list -f json -c Name -c Visibility"
    let printed = Self.printed([command])[0]
    let reordered = printed.replacingOccurrences(of: "\"Name\": \"default\",\n    \"Visibility\": \"public\"", with: "\"Visibility\": \"public\",\n    \"Name\": \"default\"")
    let changed = printed.replacingOccurrences(of: "\"dhss_true\"", with: "\"dhss_maybe\"")
    #expect(reordered != printed && changed != printed)
    let results = try PageCheck.run(Self.page([(command, reordered), (command, changed)]))
    #expect(results[0].outcome == .matched)
    #expect(results[0].notes == ["keys in another order than the page shows at [0]"])
    #expect(Self.explanations(results[1]).map { $0.split(separator: ":", maxSplits: 1)[1] } == [#" [2].Name: page "dhss_maybe", printed "dhss_true""#])
  }

  @Test func yamlComparesAsData() throws {
    let command = "openstack share type list -f yaml -c Name -c Visibility"
    let printed = Self.printed([command])[0]
    let changed = printed.replacingOccurrences(of: "Name: dhss_false", with: "Name: dhss_maybe")
    let results = try PageCheck.run(Self.page([(command, printed), (command, changed)]))
    #expect(results[0].outcome == .matched)
    #expect(Self.explanations(results[1]).map { $0.split(separator: ":", maxSplits: 1)[1] } == [#" [1].Name: page "dhss_maybe", printed "dhss_false""#])
  }

  @Test func volatileValuesInJSONBindAndSubstitute() throws {
    let create = "openstack share network create --name mynet -f json"
    let printed = Self.printed([create])[0]
    let id = try #require(printed.split(separator: "\"").first { $0.count == 36 })
    let page = Self.page([
      (create, printed.replacingOccurrences(of: String(id), with: "11111111-2222-4333-8444-555555555555")),
      ("openstack share network show 11111111-2222-4333-8444-555555555555 -f value -c name", "mynet"),
    ])
    #expect(try PageCheck.run(page).map(\.outcome) == [.matched, .matched])
  }

  /// Documented data nested or aliased beyond what is read is reported as unreadable, at the
  /// line where reading stopped; reading it never exhausts the stack or memory.
  @Test func dataTooDeepOrStandingForTooMuchIsUnreadable() throws {
    let json = "openstack share type list -f json"
    let yaml = "openstack share type list -f yaml"
    let page = Self.page([
      (json, "[\n" + String(repeating: "[", count: 75_000)),
      (yaml, Self.laughs(levels: 8)),
      (yaml, "x: &a [1]\n? *a\n: 1"),
      (yaml, String(repeating: "[", count: 2_000)),
    ])
    let results = try PageCheck.run(page)
    #expect(
      Self.explanations(results[0])
        == ["\(page.steps[0].command.line + 2): the page's JSON output cannot be read: it is nested deeper than 512 levels (column 512)"])
    #expect(
      Self.explanations(results[1])
        == ["\(page.steps[1].command.line + 1): the page's YAML output cannot be read: its aliases stand for more than 100000 values"])
    #expect(
      Self.explanations(results[2])
        == ["\(page.steps[2].command.line + 1): the page's YAML output cannot be read: it has aliases and a mapping key that is not a plain value"])
    #expect(Self.explanations(results[3]).first?.contains("the page's YAML output cannot be read: it is nested deeper than 1000 levels") == true)
  }

  /// A "billion laughs": each level's list names the previous one ten times.
  static func laughs(levels: Int) -> String {
    let names = "abcdefghij".prefix(levels).map(String.init)
    var lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for (name, previous) in zip(names.dropFirst(), names) {
      lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]")
    }
    return lines.joined(separator: "\n")
  }

  /// Aliases are read as the values they name, their expansion counted before it is made.
  @Test func aliasesReadAsTheValuesTheyName() throws {
    let list: JSON = .array([1, .object(["b": 2])])
    #expect(try DataFormat.yaml.parse("a: &x [1, {b: 2}]\nc: *x") == .object(["a": list, "c": list]))
    // Four levels: the mapping and its 4 keys, then lists of 11, 111, 1111 and 11111 values.
    #expect(try DataFormat.yaml.parse(Self.laughs(levels: 4))?["d"]?.array.count == 10)
    #expect(throws: DataFormat.Unreadable.self) { try DataFormat.yaml.parse(Self.laughs(levels: 5)) }
  }
}

/// Bindings across a page: the page's IDs stand for the cloud's in later commands, and a page
/// that uses one ID for two of the cloud's is caught.
@Suite struct PageBindingTests {
  /// The seed's failed share and its message, as the troubleshooting page shows them, with the
  /// page's own IDs: `message show` with the page's message ID shows the cloud's message.
  @Test func theSeedsMessageIDResolvesToTheCloudsMessage() throws {
    let network = "openstack share network create --name mynet --neutron-net-id private --neutron-subnet-id private-subnet -f value -c name"
    let create = "openstack share create nfs 1 --name software_share --share-network mynet --share-type dhss_true -f value -c id"
    let list = "openstack share message list -f value -c ID -c \"Resource ID\""
    let show = "openstack share message show MESSAGE -f value -c resource_id -c detail_id"
    let session = Session(cloud: FakeCloud())
    _ = session.run(network)
    let share = session.run(create).standardOutput.trimmingCharacters(in: .newlines)
    let message = String(session.run(list).standardOutput.prefix(36))
    let pageShare = "18b84ece-fb8e-438c-b89b-bb2e7c69a5a0"
    let pageMessage = "8fe74a26-f57d-4961-8435-5ea8ccf05946"
    #expect(share.count == 36 && message.count == 36 && share != pageShare)
    let page = ComparisonTests.page([
      (network, "mynet"), (create, pageShare), (list, "\(pageMessage) \(pageShare)"),
      (show.replacingOccurrences(of: "MESSAGE", with: pageMessage), "\(pageShare)\n008"),
    ])
    #expect(try PageCheck.run(page).map(\.outcome) == [.matched, .matched, .matched, .matched])
  }

  @Test func onePageIDForTwoOfTheCloudsIsDrift() throws {
    let create = "openstack share network create --name NAME -f value -c id"
    let pageID = "0bea5e39-81ce-4d6f-845d-ce5e87dad7d3"
    let page = ComparisonTests.page([
      (create.replacingOccurrences(of: "NAME", with: "one"), pageID),
      (create.replacingOccurrences(of: "NAME", with: "two"), pageID),
    ])
    let results = try PageCheck.run(page)
    #expect(results[0].outcome == .matched)
    #expect(results[1].outcome.kind == .drift)
  }

  /// An elided line is matched as bytes: the pieces around `...` in order, the first at the start
  /// and the last at the end (a line and a pattern that break into characters differently once
  /// trapped the check: Tests/FuzzCrashers/json/).
  @Test func anElidedLineMatchesByBytes() {
    #expect(Elision.lineMatches("| id ... | ... |", "| id  | 4f0a | x |"))
    #expect(Elision.lineMatches("e...", "e\u{301}x"))
    #expect(!Elision.lineMatches("ab...ba", "aba"))
    #expect(Elision.lineMatches("[snip] {\u{0}...", " {\u{0}\u{0}"))
    #expect(!Elision.lineMatches("x...y...z", "xzy"))
  }

  /// A YAML scalar with colons is a base-60 integer only in PyYAML's form, and one too large for
  /// an integer here is text, not a trap (Yams's own reading overflowed: Tests/FuzzCrashers/yaml/).
  @Test func sexagesimalIntegersAreReadAsPyYAMLReadsThem() {
    #expect(DocumentedYAML.sexagesimal("190:20:30") == .some(685_230))
    #expect(DocumentedYAML.sexagesimal("-1_0:05") == .some(-605))
    #expect(DocumentedYAML.sexagesimal("1:60") == nil)
    #expect(DocumentedYAML.sexagesimal("01:30") == nil)
    #expect(DocumentedYAML.sexagesimal("10:30:") == nil)
    #expect(DocumentedYAML.sexagesimal("9999999999999999999:1") == .some(nil))
    #expect(DocumentedYAML.sexagesimal("100000000:0000000000000000800000000000000:00000000:0") == nil)
  }
}
