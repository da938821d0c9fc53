import CloudAPI

/// A command's arguments, read from the usage text the real client prints for it. The usage
/// (argparse's own, at the 80-column width argparse assumes without a terminal) is kept verbatim,
/// so that usage errors come out byte for byte; the options and positionals are parsed from it,
/// so that they cannot disagree with it.
struct CommandSyntax {
  struct Option {
    /// Every spelling: `-c` and `--column`.
    var names: [String] {
      didSet { key = Self.key(of: names) }
    }
    /// `nil` for a flag.
    var metavar: String?
    var choices: [String]?
    /// The `type=` or `choices=` the usage does not show.
    var type: ValueType?
    /// `nargs='*'`: any number of values (`[--extra-specs [<key=value> ...]]`).
    var takesList = false
    var repeats = false
    var required = false
    /// The name the command reads the option by: its first long spelling (kept, not worked out
    /// again: the parser asks for it at every option it meets).
    private(set) var key: String

    init(names: [String]) {
      self.names = names
      key = Self.key(of: names)
    }

    private static func key(of names: [String]) -> String { names.first { $0.hasPrefix("--") } ?? names[0] }
    /// argparse's name in messages: `-f/--format`.
    var displayName: String { names.joined(separator: "/") }
  }

  struct Positional {
    var metavar: String
    /// `nargs='+'`: one or more (`<share> [<share> ...]`).
    var repeats = false
    var optional = false
  }

  /// The program name argparse shows: `openstack share create`.
  var program: String
  /// The usage text, from `usage:` to the last line.
  var usage: String
  var options: [Option] = []
  var positionals: [Positional] = []
  /// Mutually exclusive groups of which one option must be given.
  var requiredGroups: [[Option]] = []
  /// Mutually exclusive groups (`[--public | --private]`, and the required ones).
  var exclusiveGroups: [[Option]] = []

  /// Long spellings that cliff and osc-lib add beside the short one the usage shows.
  private static let longSpellings = ["-h": ["--help"], "-f": ["--format"], "-c": ["--column"]]

  /// - Parameters:
  ///   - repeating: the options declared with `action='append'`, which argparse's usage does not
  ///     show.
  ///   - spellings: other spellings of options that the usage does not show either (`-n` is
  ///     also `--no-name-lookup`; manilaclient's `--lock-reason` also `--lock_reason` and
  ///     `--reason`).
  ///   - types: the options' `type=` and `choices=` that the usage does not show (a metavar
  ///     stands in their place).
  init(
    usage: String, repeating: Set<String> = [], spellings: [String: [String]] = [:], types: [String: ValueType] = [:]
  ) {
    self.usage = usage
    // Read as bytes: the usage texts are ASCII, and every command line parsed first parses its
    // command's usage.
    let words = Array(usage.utf8).split { $0 == Self.space || $0 == Self.newline }
    // "usage: openstack share create [-h] ..." — the program runs up to the first argument.
    var index = 1
    while index < words.count, let first = words[index].first, !"[<-(".utf8.contains(first) { index += 1 }
    program = words[1..<index].map(Self.text).joined(separator: " ")
    let arguments = Array(words[index...].joined(separator: [Self.space]))
    let names = Self.longSpellings.merging(spellings) { _, given in given }
    parseArguments(arguments[...], required: true, repeating: repeating, spellings: names)
    for index in options.indices { options[index].type = types[options[index].key] }
  }

  private typealias Bytes = ArraySlice<UInt8>
  private static let space = UInt8(ascii: " ")
  private static let newline = UInt8(ascii: "\n")

  private static func text(_ bytes: Bytes) -> String { String(decoding: bytes, as: UTF8.self) }

  private static func trimmingSpaces(_ bytes: Bytes) -> Bytes { bytes.drop { $0 == space } }

  private mutating func parseArguments(_ text: Bytes, required: Bool, repeating: Set<String>, spellings: [String: [String]]) {
    var rest = Self.trimmingSpaces(text)
    while let first = rest.first {
      if first == UInt8(ascii: "[") || first == UInt8(ascii: "(") {
        let close = Self.matchingClose(in: rest)
        let inner = rest[(rest.startIndex + 1)..<close]
        rest = Self.trimmingSpaces(rest[(close + 1)...])
        // `[<share> ...]` after `<share>`: the positional repeats.
        if inner.starts(with: "<".utf8), inner.count > 4, inner.suffix(4).elementsEqual(" ...".utf8),
          let last = positionals.indices.last, inner.dropLast(4).elementsEqual(positionals[last].metavar.utf8)
        {
          positionals[last].repeats = true
          continue
        }
        let alternatives = Self.alternatives(inner)
        // `(--flavor <flavor> | --confirm | --revert)`: one of them is required, none alone.
        let isRequiredGroup = first == UInt8(ascii: "(") && alternatives.count > 1
        let optionsBefore = options.count
        for alternative in alternatives {
          parseArguments(
            alternative, required: first == UInt8(ascii: "(") && !isRequiredGroup, repeating: repeating,
            spellings: spellings)
        }
        if isRequiredGroup { requiredGroups.append(Array(options[optionsBefore...])) }
        if alternatives.count > 1 { exclusiveGroups.append(Array(options[optionsBefore...])) }
        continue
      }
      let word = rest.prefix { $0 != Self.space }
      rest = Self.trimmingSpaces(rest.dropFirst(word.count))
      guard word.first == UInt8(ascii: "-") else {
        positionals.append(Positional(metavar: Self.text(word), optional: !required))
        continue
      }
      let name = Self.text(word)
      var option = Option(names: [name])
      option.names += spellings[name] ?? []
      option.required = required
      option.repeats = repeating.contains(option.key)
      switch rest.first {
      case UInt8(ascii: "{"):
        let close = rest.firstIndex(of: UInt8(ascii: "}")) ?? rest.endIndex - 1
        option.choices = rest[(rest.startIndex + 1)..<close].split(separator: UInt8(ascii: ",")).map(Self.text)
        option.metavar = Self.text(rest[...close])
        rest = Self.trimmingSpaces(rest[(close + 1)...])
      case UInt8(ascii: "["):
        let close = Self.matchingClose(in: rest)
        option.metavar = Self.text(rest[(rest.startIndex + 1)..<close].dropLast(4))
        option.takesList = true
        rest = Self.trimmingSpaces(rest[(close + 1)...])
      case let next? where !"[(-|".utf8.contains(next):
        let metavar = rest.prefix { $0 != Self.space }
        option.metavar = Self.text(metavar)
        rest = Self.trimmingSpaces(rest.dropFirst(metavar.count))
        // `--share-types <share-types> [<share-types> ...]`: `nargs='+'`, one value or more.
        let more = Array("[".utf8) + Array(metavar) + Array(" ...]".utf8)
        if rest.starts(with: more) {
          option.takesList = true
          rest = Self.trimmingSpaces(rest.dropFirst(more.count))
        }
      default: break
      }
      options.append(option)
    }
  }

  private static func matchingClose(in text: Bytes) -> Int {
    var depth = 0
    for index in text.indices {
      switch text[index] {
      case UInt8(ascii: "["), UInt8(ascii: "("), UInt8(ascii: "{"): depth += 1
      case UInt8(ascii: "]"), UInt8(ascii: ")"), UInt8(ascii: "}"):
        depth -= 1
        if depth == 0 { return index }
      default: break
      }
    }
    return text.endIndex - 1
  }

  /// `a | b` at the top level of a group (a `|` inside a metavar, `<volume>|True`, has no
  /// spaces around it).
  private static func alternatives(_ text: Bytes) -> [Bytes] {
    var parts: [Bytes] = []
    var depth = 0
    var start = text.startIndex
    for index in text.indices {
      switch text[index] {
      case UInt8(ascii: "["), UInt8(ascii: "("), UInt8(ascii: "{"): depth += 1
      case UInt8(ascii: "]"), UInt8(ascii: ")"), UInt8(ascii: "}"): depth -= 1
      case UInt8(ascii: "|")
      where depth == 0 && index > text.startIndex && text[index - 1] == space && index + 1 < text.endIndex
        && text[index + 1] == space:
        parts.append(text[start..<index])
        start = index + 1
      default: break
      }
    }
    parts.append(text[start...])
    return parts.map(trimmingSpaces)
  }
}

/// An option's argparse `type=` and `choices=`, checked as argparse checks them: converted
/// first, then looked for among the choices.
enum ValueType {
  /// `type=int`.
  case int
  /// `type=float`.
  case float
  /// `type=int` with osc-lib's `NonNegativeAction`, whose complaint names the option.
  case nonNegativeInt(option: String)
  /// `type=int, choices=[...]`.
  case intChoices([Int])
  /// `choices=[...]`.
  case choices([String])
  /// `type=lambda s: s.lower(), choices=[...]`.
  case loweredChoices([String])
  /// osc-lib's `KeyValueAction`: `key=value`, the key not empty.
  case keyValue
  /// osc-lib's `MultiKeyValueAction`: `key=value,key=value`, with the keys it requires and
  /// allows (the real client names missing and unknown keys in a set's order, which changes
  /// from run to run; here in the declared order).
  case multiKeyValue(required: [String], optional: [String])

  /// argparse's complaint about a value, after `argument X: `.
  struct InvalidValue: Error {
    let message: String
  }

  /// The value as argparse stores it (written back as text).
  func convert(_ text: String) throws(InvalidValue) -> String {
    switch self {
    case .int:
      guard let value = PythonInt.parse(text) else { throw InvalidValue(message: "invalid int value: '\(text)'") }
      return String(value)
    case .float:
      guard let value = Double(PythonText.strip(text)) else { throw InvalidValue(message: "invalid float value: '\(text)'") }
      return JSON.pythonFloat(value)
    case .nonNegativeInt(let option):
      guard let value = PythonInt.parse(text) else { throw InvalidValue(message: "invalid int value: '\(text)'") }
      guard value >= 0 else { throw InvalidValue(message: "\(option) expected a non-negative integer") }
      return String(value)
    case .intChoices(let choices):
      guard let value = PythonInt.parse(text) else { throw InvalidValue(message: "invalid int value: '\(text)'") }
      guard choices.contains(value) else {
        throw InvalidValue(message: "invalid choice: \(value) (choose from \(choices.map(String.init).joined(separator: ", ")))")
      }
      return String(value)
    case .choices(let choices):
      return try Self.chosen(text, from: choices)
    case .loweredChoices(let choices):
      return try Self.chosen(text.lowercased(), from: choices)
    case .keyValue:
      guard let equals = text.firstIndex(of: "=") else { throw InvalidValue(message: "Expected 'key=value' type, but got: \(text)") }
      guard equals != text.startIndex else { throw InvalidValue(message: "Property key must be specified: \(text)") }
      return text
    case .multiKeyValue(let required, let optional):
      var keys: [String] = []
      for pair in text.split(separator: ",", omittingEmptySubsequences: false) {
        guard let equals = pair.firstIndex(of: "=") else {
          throw InvalidValue(message: "Expected comma separated 'key=value' pairs, but got: \(pair)")
        }
        guard equals != pair.startIndex else { throw InvalidValue(message: "Each property key must be specified: \(pair)") }
        keys.append(String(pair[..<equals]))
      }
      let valid = required + optional
      let invalid = keys.filter { !valid.contains($0) }
      if !invalid.isEmpty {
        throw InvalidValue(
          message: "Invalid keys \(invalid.joined(separator: ", ")) specified.\nValid keys are: \(valid.joined(separator: ", "))")
      }
      let missing = required.filter { !keys.contains($0) }
      if !missing.isEmpty {
        throw InvalidValue(
          message: "Missing required keys \(missing.joined(separator: ", ")).\nRequired keys are: \(required.joined(separator: ", "))")
      }
      return text
    }
  }

  /// The pairs of a `MultiKeyValueAction` value (checked as it was parsed), a later key
  /// replacing an earlier one.
  static func pairs(_ text: String) -> JSONObject {
    var fields = JSONObject()
    for pair in text.split(separator: ",", omittingEmptySubsequences: false) {
      guard let equals = pair.firstIndex(of: "=") else { continue }
      fields[String(pair[..<equals])] = .string(String(pair[pair.index(after: equals)...]))
    }
    return fields
  }

  private static func chosen(_ value: String, from choices: [String]) throws(InvalidValue) -> String {
    guard choices.contains(value) else {
      throw InvalidValue(message: "invalid choice: '\(value)' (choose from \(choices.map { "'\($0)'" }.joined(separator: ", ")))")
    }
    return value
  }
}
