/// A command's arguments after parsing, read by option name (`--share-type`) or positional
/// metavar (`<share>`).
struct ParsedArguments {
  /// The options and positionals given, each with its values in order, and the flags given. A
  /// line gives a few and a command asks for many it was not given: scanned, not hashed (hashing
  /// every name asked for had cost more than the rest of a short command's parse).
  private var given: [(name: String, values: [String])] = []
  private var flags: [String] = []
  /// Records every name the command asks for, when a test watches (`nil` otherwise): the proof
  /// that a command reads each option it does not refuse.
  var reads: ArgumentReads?

  func value(_ name: String) -> String? {
    reads?.names.insert(name)
    return index(of: name).flatMap { given[$0].values.last }
  }

  func values(_ name: String) -> [String] {
    reads?.names.insert(name)
    return index(of: name).map { given[$0].values } ?? []
  }

  func flag(_ name: String) -> Bool {
    reads?.names.insert(name)
    return flags.contains(name)
  }

  /// Whether the command line gave the option (a flag, a value, or a list of none).
  func contains(_ name: String) -> Bool { flags.contains(name) || index(of: name) != nil }

  /// Whether the command line gave an option or positional whose name satisfies `predicate`.
  func gives(where predicate: (String) -> Bool) -> Bool {
    flags.contains(where: predicate) || given.contains { predicate($0.name) }
  }

  /// The values given, by option or positional name.
  var givenValues: [String: [String]] { Dictionary(uniqueKeysWithValues: given.map { ($0.name, $0.values) }) }

  private func index(of name: String) -> Int? { given.firstIndex { $0.name == name } }

  fileprivate mutating func add(_ value: String, to name: String, replacing: Bool) {
    guard let index = index(of: name) else { return given.append((name, [value])) }
    if replacing { given[index].values = [value] } else { given[index].values.append(value) }
  }

  /// An `nargs='*'` option is given even with no value.
  fileprivate mutating func addList(_ name: String) {
    if index(of: name) == nil { given.append((name, [])) }
  }

  fileprivate mutating func set(_ name: String) {
    if !flags.contains(name) { flags.append(name) }
  }
}

/// The option and positional names a command asked its arguments for.
final class ArgumentReads {
  var names: Set<String> = []
}

/// argparse's error: the usage, then `PROG: error: MESSAGE`, on standard error, exit status 2.
struct UsageError: Error {
  var usage: String
  var program: String
  var message: String

  var text: String { "\(usage)\n\(program): error: \(message)\n" }
}

extension CommandSyntax {
  /// Parses arguments as argparse does: options anywhere, `--opt=value` and `-fvalue`, unique
  /// prefixes of long options, `--` ending options, positionals in order.
  /// Whether argparse reads a word as an option: it begins with `-` and is more than `-`, and is
  /// not a negative number (`-1`, `-.5`: none of the commands has an option that looks like
  /// one, so argparse takes such a word as a value or positional).
  static func looksLikeOption(_ word: String) -> Bool {
    guard word.hasPrefix("-"), word != "-" else { return false }
    let rest = word.utf8.dropFirst()
    let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    if !rest.isEmpty, rest.allSatisfy(isDigit) { return false }
    // `-\d*\.\d+`
    if let dot = rest.firstIndex(of: UInt8(ascii: ".")), rest[..<dot].allSatisfy(isDigit),
      !rest[rest.index(after: dot)...].isEmpty, rest[rest.index(after: dot)...].allSatisfy(isDigit)
    {
      return false
    }
    return true
  }

  func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
    var parsed = ParsedArguments()
    var positionalWords: [String] = []
    var unrecognized: [String] = []
    var index = 0
    var optionsEnded = false
    while index < arguments.count {
      let word = arguments[index]
      index += 1
      if optionsEnded || !Self.looksLikeOption(word) {
        positionalWords.append(word)
        continue
      }
      if word == "--" {
        optionsEnded = true
        continue
      }
      guard let (option, attached) = try match(word) else {
        unrecognized.append(word)
        continue
      }
      try checkExclusion(of: option, given: parsed)
      guard option.metavar != nil else {
        if attached != nil {
          throw error("argument \(option.displayName): ignored explicit argument '\(attached!)'")
        }
        parsed.set(option.key)
        continue
      }
      if option.takesList {
        parsed.addList(option.key)
        while index < arguments.count, !Self.looksLikeOption(arguments[index]) {
          parsed.add(arguments[index], to: option.key, replacing: false)
          index += 1
        }
        continue
      }
      var value: String
      if let attached {
        value = attached
      } else {
        guard index < arguments.count, !Self.looksLikeOption(arguments[index]) else {
          throw error("argument \(option.displayName): expected one argument")
        }
        value = arguments[index]
        index += 1
      }
      if let type = option.type {
        do {
          value = try type.convert(value)
        } catch {
          throw self.error("argument \(option.displayName): \(error.message)")
        }
      }
      if let choices = option.choices, !choices.contains(value) {
        let list = choices.map { "'\($0)'" }.joined(separator: ", ")
        throw error("argument \(option.displayName): invalid choice: '\(value)' (choose from \(list))")
      }
      parsed.add(value, to: option.key, replacing: !option.repeats)
    }
    try assign(positionalWords, to: &parsed, unrecognized: &unrecognized)
    let missingOptions = options.filter { $0.required && !parsed.contains($0.key) }
    if !missingOptions.isEmpty {
      throw error(
        "the following arguments are required: "
          + missingOptions.map { $0.displayName }.joined(separator: ", "))
    }
    for group in requiredGroups where !group.contains(where: { parsed.contains($0.key) }) {
      throw error("one of the arguments \(group.map { $0.displayName }.joined(separator: " ")) is required")
    }
    if !unrecognized.isEmpty {
      throw error("unrecognized arguments: \(unrecognized.joined(separator: " "))")
    }
    return parsed
  }

  private func assign(
    _ words: [String], to parsed: inout ParsedArguments, unrecognized: inout [String]
  ) throws(UsageError) {
    var remaining = words[...]
    var missing: [String] = []
    for (position, positional) in positionals.enumerated() {
      // Positionals take words in order; one that repeats leaves a word for each required one
      // after it.
      let laterRequired = positionals[(position + 1)...].filter { !$0.optional }.count
      let count = positional.repeats ? max(0, remaining.count - laterRequired) : min(1, remaining.count)
      if count == 0 {
        if !positional.optional { missing.append(positional.metavar) }
        continue
      }
      for word in remaining.prefix(count) { parsed.add(word, to: positional.metavar, replacing: false) }
      remaining = remaining.dropFirst(count)
    }
    if !missing.isEmpty {
      throw error("the following arguments are required: \(missing.joined(separator: ", "))")
    }
    unrecognized += remaining
  }

  /// argparse's mutually exclusive groups: an option of a group another of its options already
  /// took.
  private func checkExclusion(of option: Option, given parsed: ParsedArguments) throws(UsageError) {
    for group in exclusiveGroups where group.contains(where: { $0.key == option.key }) {
      if let other = group.first(where: { $0.key != option.key && parsed.contains($0.key) }) {
        throw error("argument \(option.displayName): not allowed with argument \(other.displayName)")
      }
    }
  }

  /// The option `word` names, and a value attached to it (`--name=x`, `-fjson`).
  private func match(_ word: String) throws(UsageError) -> (Option, String?)? {
    if let option = options.first(where: { $0.names.contains(word) }) { return (option, nil) }
    if word.hasPrefix("--") {
      let (name, attached): (String, String?) =
        if let equals = word.firstIndex(of: "=") {
          (String(word[..<equals]), String(word[word.index(after: equals)...]))
        } else {
          (word, nil)
        }
      if let option = options.first(where: { $0.names.contains(name) }) { return (option, attached) }
      let candidates = options.filter { $0.names.contains { $0.hasPrefix("--") && $0.hasPrefix(name) } }
      if candidates.count == 1 { return (candidates[0], attached) }
      if candidates.count > 1 {
        let spellings = candidates.flatMap { $0.names.filter { $0.hasPrefix(name) } }
        throw error("ambiguous option: \(name) could match \(spellings.joined(separator: ", "))")
      }
      return nil
    }
    let short = String(word.prefix(2))
    if let option = options.first(where: { $0.names.contains(short) }), option.metavar != nil {
      return (option, String(word.dropFirst(2)))
    }
    return nil
  }

  func error(_ message: String) -> UsageError {
    UsageError(usage: usage, program: program, message: message)
  }
}
