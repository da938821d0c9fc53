import CloudAPI
import Foundation

/// What a doc tree exercises, for a doc team deciding what to trust: per directory, its pages,
/// console steps, `openstack` lines and their outcomes; the lines that were not simulated, grouped
/// by reason and by command; the options refused; the resources assumed. Built one page report
/// at a time, so that it holds counts, never a tree's results.
public struct Coverage: Sendable {
  /// The counts of one directory (or of everything).
  public struct Tally: Sendable {
    public var pages = 0
    public var unreadablePages = 0
    public var steps = 0
    public var openstackLines = 0
    /// How the `openstack` lines ended.
    public var outcomes: [OutcomeKind: Int] = [:]

    /// The `openstack` lines that ran (every outcome but not simulated and skipped).
    public var executed: Int {
      outcomes.filter { $0.key != .notSimulated && $0.key != .skipped }.values.reduce(0, +)
    }

    mutating func add(_ other: Tally) {
      pages += other.pages
      unreadablePages += other.unreadablePages
      steps += other.steps
      openstackLines += other.openstackLines
      outcomes.merge(other.outcomes, uniquingKeysWith: +)
    }
  }

  /// A group of lines, how many, and the first one met.
  public struct Group: Sendable {
    public var count = 0
    public var example = ""
  }

  /// Why lines were not simulated, in words that group them.
  public enum Reason: String, CaseIterable, Sendable {
    case commandNotEmulated = "openstack command not emulated"
    case optionNotEmulated = "option not emulated"
    case placeholder = "placeholder"
    case otherProgram = "other program"
    case shellSyntax = "shell syntax"
    case other = "other"
  }

  public private(set) var directories: [String: Tally] = [:]
  public private(set) var total = Tally()
  public private(set) var reasons: [Reason: Group] = [:]
  /// Not-simulated lines by command: `openstack share type create`, `sudo`.
  public private(set) var commands: [String: Group] = [:]
  /// Refused options by command and option: `server create --key-name`.
  public private(set) var options: [String: Group] = [:]
  /// Assumed resources by kind: `network`, `share`.
  public private(set) var assumed: [String: Group] = [:]

  public init() {}

  public mutating func add(_ page: PageReport) {
    var tally = Tally(pages: 1)
    defer {
      directories[(page.file as NSString).deletingLastPathComponent, default: Tally()].add(tally)
      total.add(tally)
    }
    guard page.error == nil else {
      tally.unreadablePages = 1
      return
    }
    tally.steps = page.results.count
    for result in page.results {
      let command = result.step.command.command
      let place = "\(page.file):\(result.step.command.line)"
      for note in result.notes {
        if let kind = Self.assumedKind(note) { count(&assumed, kind, place) }
      }
      let isOpenStack = command.hasPrefix("openstack ") || command == "openstack"
      if isOpenStack {
        tally.openstackLines += 1
        tally.outcomes[result.outcome.kind, default: 0] += 1
      }
      guard case .notSimulated(let text) = result.outcome else { continue }
      let reason = Self.reason(text)
      count(&reasons, reason, place)
      count(&commands, Self.commandName(command, isOpenStack: isOpenStack), place)
      if reason == .optionNotEmulated, let option = Self.refusedOption(text) { count(&options, option, place) }
    }
  }

  private func count<Key: Hashable>(_ groups: inout [Key: Group], _ key: Key, _ place: String) {
    groups[key, default: Group(example: place)].count += 1
  }

  /// The kind of a note `assumed network 5edf25ef-… (line 1082), not created by the page`.
  static func assumedKind(_ note: String) -> String? {
    guard note.hasPrefix("assumed ") else { return nil }
    return note.dropFirst("assumed ".count).split(separator: " ").first.map(String.init)
  }

  static func reason(_ text: String) -> Reason {
    if text.contains(" is not emulated") { return .optionNotEmulated }
    if text.contains("has a placeholder") { return .placeholder }
    if text.contains("'openstack ") && text.contains("is not simulated") { return .commandNotEmulated }
    if text.contains("the line uses ") || text.contains("unterminated quote") { return .shellSyntax }
    if text.contains("the line '") || text.contains("sources a file") { return .otherProgram }
    return .other
  }

  /// `server create --key-name` from `… server create --key-name is not emulated`.
  static func refusedOption(_ text: String) -> String? {
    guard let end = text.range(of: " is not emulated") else { return nil }
    let words = text[..<end.lowerBound].split(separator: " ")
    guard let option = words.lastIndex(where: { $0.hasPrefix("-") }) else { return nil }
    let command = words[..<option].reversed().prefix { !$0.hasSuffix(":") }.reversed()
    return (command + [words[option]]).joined(separator: " ")
  }

  /// `openstack share type create` (the words before the first option or argument that is not a
  /// lowercase word), or the program's name.
  static func commandName(_ line: String, isOpenStack: Bool) -> String {
    let words = line.split(separator: " ")
    guard isOpenStack else { return words.first.map(String.init) ?? "" }
    let name = words.prefix { word in word.allSatisfy { $0.isLowercase || $0 == "-" } && !word.hasPrefix("-") }
    return name.prefix(5).joined(separator: " ")
  }
}

extension Coverage {
  /// The report for people: a table of the directories that have console steps (or unreadable
  /// pages), then the groups, largest first, at most `rows` of each.
  public func text(rows: Int = 40) -> String {
    var lines = ["| directory | pages | steps | openstack | executed | " + Self.shownOutcomes.map(\.rawValue).joined(separator: " | ") + " |"]
    lines.append("|---" + String(repeating: "|---:", count: 4 + Self.shownOutcomes.count) + "|")
    let shown = directories.filter { $0.value.steps > 0 || $0.value.unreadablePages > 0 }
    for (name, tally) in shown.sorted(by: { $0.key < $1.key }) + [("all", total)] {
      lines.append("| \(name) | " + Self.figures(tally).map(String.init).joined(separator: " | ") + " |")
    }
    let quiet = directories.count - shown.count
    if quiet > 0 { lines.append("(\(quiet) directories of pages without console steps not shown)") }
    if total.unreadablePages > 0 { lines.append("\(total.unreadablePages) pages could not be read (check reports why)") }
    func section(_ title: String, _ groups: [(String, Group)]) {
      guard !groups.isEmpty else { return }
      lines.append("")
      lines.append(title)
      let sorted = groups.sorted { ($1.1.count, $0.0) < ($0.1.count, $1.0) }
      for (name, group) in sorted.prefix(rows) {
        lines.append("  \(group.count)  \(name)  (\(group.example))")
      }
      if sorted.count > rows { lines.append("  … and \(sorted.count - rows) more (--format json lists them all)") }
    }
    section("not simulated, by reason:", reasons.map { ($0.key.rawValue, $0.value) })
    section("not simulated, by command:", commands.map { ($0.key, $0.value) })
    section("options not emulated:", options.map { ($0.key, $0.value) })
    section("resources assumed, by kind:", assumed.map { ($0.key, $0.value) })
    return lines.joined(separator: "\n") + "\n"
  }

  /// One JSON object: `directories` (each with its counts), `total`, `not_simulated_reasons`,
  /// `not_simulated_commands`, `options_not_emulated`, `assumed`.
  public func json() -> String {
    func tally(_ tally: Tally) -> JSON {
      var object: JSONObject = [
        "pages": .int(tally.pages), "unreadable_pages": .int(tally.unreadablePages), "steps": .int(tally.steps),
        "openstack_lines": .int(tally.openstackLines), "executed": .int(tally.executed),
      ]
      for kind in OutcomeKind.allCases { object[kind.rawValue] = .int(tally.outcomes[kind] ?? 0) }
      return .object(object)
    }
    func groups(_ groups: [String: Group]) -> JSON {
      var object = JSONObject()
      for (name, group) in groups.sorted(by: { $0.key < $1.key }) {
        object[name] = .object(["count": .int(group.count), "example": .string(group.example)])
      }
      return .object(object)
    }
    var directories = JSONObject()
    for (name, value) in self.directories.sorted(by: { $0.key < $1.key }) { directories[name] = tally(value) }
    let object: JSONObject = [
      "directories": .object(directories), "total": tally(total),
      "not_simulated_reasons": groups(Dictionary(uniqueKeysWithValues: reasons.map { ($0.key.rawValue, $0.value) })),
      "not_simulated_commands": groups(commands), "options_not_emulated": groups(options), "assumed": groups(assumed),
    ]
    return JSON.object(object).pythonCompact + "\n"
  }

  private static let shownOutcomes: [OutcomeKind] = [.matched, .ran, .drift, .failed, .notSimulated, .skipped, .expectedDrift]

  private static func figures(_ tally: Tally) -> [Int] {
    [tally.pages, tally.steps, tally.openstackLines, tally.executed] + shownOutcomes.map { tally.outcomes[$0] ?? 0 }
  }
}
