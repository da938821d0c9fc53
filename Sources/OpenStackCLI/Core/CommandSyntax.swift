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
  private static let longSpellings = ["-h": "--help", "-f": "--format", "-c": "--column"]

  /// - Parameters:
  ///   - repeating: the options declared with `action='append'`, which argparse's usage does not
  ///     show.
  ///   - spellings: long spellings of short options that the usage does not show either
  ///     (`-n` is also `--no-name-lookup`).
  ///   - types: the options' `type=` and `choices=` that the usage does not show (a metavar
  ///     stands in their place).
  init(
    usage: String, repeating: Set<String> = [], spellings: [String: String] = [:], types: [String: ValueType] = [:]
  ) {
    self.usage = usage
    let words = usage.split(whereSeparator: \.isWhitespace).map(String.init)
    program = ""
    // "usage: openstack share create [-h] ..." — the program runs up to the first argument.
    var index = 1
    var programWords: [String] = []
    while index < words.count, !words[index].hasPrefix("["), !words[index].hasPrefix("<"),
      !words[index].hasPrefix("-"), !words[index].hasPrefix("(")
    {
      programWords.append(words[index])
      index += 1
    }
    program = programWords.joined(separator: " ")
    let arguments = words[index...].joined(separator: " ")
    let names = Self.longSpellings.merging(spellings) { _, given in given }
    parseArguments(arguments[...], required: true, repeating: repeating, spellings: names)
    for index in options.indices { options[index].type = types[options[index].key] }
  }

  private mutating func parseArguments(
    _ text: Substring, required: Bool, repeating: Set<String>, spellings: [String: String]
  ) {
    var rest = text.drop { $0 == " " }
    while let first = rest.first {
      if first == "[" || first == "(" {
        let close = Self.matchingClose(in: rest)
        let inner = rest[rest.index(after: rest.startIndex)..<close]
        rest = rest[rest.index(after: close)...].drop { $0 == " " }
        // `[<share> ...]` after `<share>`: the positional repeats.
        if inner.hasSuffix(" ..."), inner.hasPrefix("<"), let last = positionals.indices.last,
          inner.dropLast(4) == positionals[last].metavar
        {
          positionals[last].repeats = true
          continue
        }
        let alternatives = Self.alternatives(inner)
        // `(--flavor <flavor> | --confirm | --revert)`: one of them is required, none alone.
        let isRequiredGroup = first == "(" && alternatives.count > 1
        let optionsBefore = options.count
        for alternative in alternatives {
          parseArguments(
            alternative, required: first == "(" && !isRequiredGroup, repeating: repeating, spellings: spellings)
        }
        if isRequiredGroup { requiredGroups.append(Array(options[optionsBefore...])) }
        if alternatives.count > 1 { exclusiveGroups.append(Array(options[optionsBefore...])) }
        continue
      }
      let word = rest.prefix { $0 != " " }
      rest = rest.dropFirst(word.count).drop { $0 == " " }
      if word.hasPrefix("-") {
        var option = Option(names: [String(word)])
        if let long = spellings[String(word)] { option.names.append(long) }
        option.required = required
        option.repeats = repeating.contains(option.key)
        if rest.hasPrefix("{") {
          let close = rest.firstIndex(of: "}")!
          option.choices = rest[rest.index(after: rest.startIndex)..<close].split(separator: ",").map(String.init)
          option.metavar = String(rest[...close])
          rest = rest[rest.index(after: close)...].drop { $0 == " " }
        } else if rest.hasPrefix("[") {
          let close = Self.matchingClose(in: rest)
          option.metavar = String(rest[rest.index(after: rest.startIndex)..<close].dropLast(4))
          option.takesList = true
          rest = rest[rest.index(after: close)...].drop { $0 == " " }
        } else if let next = rest.first, next != "[", next != "(", next != "-", next != "|" {
          let metavar = rest.prefix { $0 != " " }
          option.metavar = String(metavar)
          rest = rest.dropFirst(metavar.count).drop { $0 == " " }
        }
        options.append(option)
      } else {
        positionals.append(Positional(metavar: String(word), optional: !required))
      }
    }
  }

  private static func matchingClose(in text: Substring) -> Substring.Index {
    var depth = 0
    var index = text.startIndex
    while index < text.endIndex {
      switch text[index] {
      case "[", "(", "{": depth += 1
      case "]", ")", "}":
        depth -= 1
        if depth == 0 { return index }
      default: break
      }
      index = text.index(after: index)
    }
    return text.index(before: text.endIndex)
  }

  /// `a | b` at the top level of a group (a `|` inside a metavar, `<volume>|True`, has no
  /// spaces around it).
  private static func alternatives(_ text: Substring) -> [Substring] {
    var parts: [Substring] = []
    var depth = 0
    var start = text.startIndex
    var index = text.startIndex
    while index < text.endIndex {
      switch text[index] {
      case "[", "(", "{": depth += 1
      case "]", ")", "}": depth -= 1
      case "|" where depth == 0 && text[..<index].hasSuffix(" ") && text[text.index(after: index)...].hasPrefix(" "):
        parts.append(text[start..<index])
        start = text.index(after: index)
      default: break
      }
      index = text.index(after: index)
    }
    parts.append(text[start...])
    return parts.map { $0.drop { $0 == " " } }
  }
}

/// An option's argparse `type=` and `choices=`, checked as argparse checks them: converted
/// first, then looked for among the choices.
enum ValueType {
  /// `type=int`.
  case int
  /// `type=float`.
  case float
  /// `type=int, choices=[...]`.
  case intChoices([Int])
  /// `choices=[...]`.
  case choices([String])
  /// `type=lambda s: s.lower(), choices=[...]`.
  case loweredChoices([String])
  /// osc-lib's `KeyValueAction`: `key=value`, the key not empty.
  case keyValue

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
    }
  }

  private static func chosen(_ value: String, from choices: [String]) throws(InvalidValue) -> String {
    guard choices.contains(value) else {
      throw InvalidValue(message: "invalid choice: '\(value)' (choose from \(choices.map { "'\($0)'" }.joined(separator: ", ")))")
    }
    return value
  }
}
