/// argparse's usage line under another program name. cliff names a command's parser after the
/// words typed (`openstack shar lis`, an abbreviation), and argparse wraps the usage around
/// that name; the usage texts are kept as the real client prints them under the full name, so
/// they are taken apart and wrapped again as Python 3.11's `HelpFormatter._format_usage` wraps
/// them (80 columns, less argparse's 2).
enum ArgparseUsage {
  static let prefix = "usage: "
  static let textWidth = 78

  /// `usage` (the real text, under `program`) as argparse prints it under `newProgram`.
  static func rewrapped(_ usage: String, program: String, as newProgram: String) -> String {
    guard newProgram != program, usage.hasPrefix(prefix + program) else { return usage }
    let body = usage.dropFirst(prefix.count + program.count)
    let parts = Self.parts(of: body)
    let split = positionalStart(parts)
    return format(program: newProgram, optionals: Array(parts[..<split]), positionals: Array(parts[split...]))
  }

  /// argparse's `part_regexp`, `\(.*?\)+(?=\s|$)|\[.*?\]+(?=\s|$)|\S+`, over the usage's words
  /// (argparse breaks lines only between parts, so the lines join back with one space).
  static func parts(of text: Substring) -> [String] {
    let characters = Array(text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
    var parts: [String] = []
    var index = 0
    func endsPart(_ position: Int) -> Bool { position == characters.count || characters[position] == " " }
    while index < characters.count {
      if characters[index] == " " {
        index += 1
        continue
      }
      let start = index
      var end: Int?
      if let close: Character = characters[index] == "(" ? ")" : characters[index] == "[" ? "]" : nil {
        // The shortest bracketed run (closers repeated) that a space or the end follows.
        var probe = index + 1
        while probe < characters.count {
          if characters[probe] == close {
            var last = probe
            while last + 1 < characters.count, characters[last + 1] == close { last += 1 }
            if endsPart(last + 1) {
              end = last + 1
              break
            }
          }
          probe += 1
        }
      }
      if end == nil {
        var stop = index
        while stop < characters.count, characters[stop] != " " { stop += 1 }
        end = stop
      }
      parts.append(String(characters[start..<end!]))
      index = end!
    }
    return parts
  }

  /// Where the positionals' parts begin: after the last option, and after the value of an
  /// option given without brackets (`--flavor <flavor>`, which argparse splits in two parts).
  static func positionalStart(_ parts: [String]) -> Int {
    var start = 0
    for (index, part) in parts.enumerated() {
      if part.hasPrefix("[-") || part.hasPrefix("(-") {
        start = index + 1
      } else if part.hasPrefix("-") {
        start = min(index + 2, parts.count)
      }
    }
    return start
  }

  /// `_format_usage`'s wrapping, for a usage too long for one line.
  static func format(program: String, optionals: [String], positionals: [String]) -> String {
    let whole = ([program] + optionals + positionals).joined(separator: " ")
    guard prefix.count + whole.count > textWidth else { return prefix + whole }
    var lines: [String]
    if Double(prefix.count + program.count) <= 0.75 * Double(textWidth) {
      let indent = String(repeating: " ", count: prefix.count + program.count + 1)
      if !optionals.isEmpty {
        lines = lineBreaks([program] + optionals, indent: indent, prefix: prefix)
        lines += lineBreaks(positionals, indent: indent)
      } else if !positionals.isEmpty {
        lines = lineBreaks([program] + positionals, indent: indent, prefix: prefix)
      } else {
        lines = [program]
      }
    } else {
      let indent = String(repeating: " ", count: prefix.count)
      lines = lineBreaks(optionals + positionals, indent: indent)
      if lines.count > 1 {
        lines = lineBreaks(optionals, indent: indent) + lineBreaks(positionals, indent: indent)
      }
      lines = [program] + lines
    }
    return prefix + lines.joined(separator: "\n")
  }

  /// `get_lines`: parts filled into lines of `textWidth`, each after `indent` (the first after
  /// `prefix` instead, when given).
  private static func lineBreaks(_ parts: [String], indent: String, prefix: String? = nil) -> [String] {
    var lines: [String] = []
    var line: [String] = []
    var length = (prefix?.count ?? indent.count) - 1
    for part in parts {
      if length + 1 + part.count > textWidth, !line.isEmpty {
        lines.append(indent + line.joined(separator: " "))
        line = []
        length = indent.count - 1
      }
      line.append(part)
      length += part.count + 1
    }
    if !line.isEmpty { lines.append(indent + line.joined(separator: " ")) }
    if prefix != nil, !lines.isEmpty { lines[0] = String(lines[0].dropFirst(indent.count)) }
    return lines
  }
}
