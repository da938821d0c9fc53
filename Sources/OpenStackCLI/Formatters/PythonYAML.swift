import CloudAPI
import Foundation

/// PyYAML's `safe_dump(value, default_flow_style=False)` as cliff calls it: block style, keys
/// sorted, sequences in mappings not indented, scalars plain where PyYAML allows and otherwise
/// single-quoted (double-quoted when they hold characters that need escapes), long scalars folded
/// at spaces past column 80.
enum PythonYAML {
  static func dump(_ value: JSON) -> String {
    var writer = Writer()
    writer.node(value, indent: 0, inSequence: false, isKey: false)
    return writer.output.hasSuffix("\n") ? writer.output : writer.output + "\n"
  }

  private struct Writer {
    var output = ""
    var column = 0
    let bestWidth = 80

    mutating func write(_ text: String) {
      output += text
      column += text.count
    }

    mutating func newline(indent: Int) {
      output += "\n" + String(repeating: " ", count: indent)
      column = indent
    }

    mutating func node(_ value: JSON, indent: Int, inSequence: Bool, isKey: Bool) {
      switch value {
      case .object(let fields) where !fields.isEmpty:
        let keys = fields.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        for (position, key) in keys.enumerated() {
          if position > 0 || !inSequence {
            if !output.isEmpty { newline(indent: indent) }
          }
          scalar(key, indent: indent, isKey: true)
          write(":")
          let child = fields[key]!
          switch child {
          case .object(let nested) where !nested.isEmpty:
            node(child, indent: indent + 2, inSequence: false, isKey: false)
          case .array(let items) where !items.isEmpty:
            node(child, indent: indent, inSequence: false, isKey: false)
          default:
            write(" ")
            node(child, indent: indent + 2, inSequence: false, isKey: false)
          }
        }
      case .array(let items) where !items.isEmpty:
        for item in items {
          if !output.isEmpty { newline(indent: indent) }
          write("- ")
          node(item, indent: indent + 2, inSequence: true, isKey: false)
        }
      case .object: write("{}")
      case .array: write("[]")
      case .null: write("null")
      case .bool(let flag): write(flag ? "true" : "false")
      case .int(let number): write(String(number))
      case .double(let number):
        // SafeRepresenter.represent_float: repr, lower case, `1e-05` as `1.0e-05`.
        let text = JSON.pythonFloat(number)
        write(
          number.isNaN ? ".nan" : number.isInfinite ? (number < 0 ? "-.inf" : ".inf")
            : text.contains(".") || !text.contains("e") ? text : text.replacingOccurrences(of: "e", with: ".0e"))
      case .string(let text): scalar(text, indent: indent, isKey: isKey)
      }
    }

    /// `choose_scalar_style`, then `write_plain`, `write_single_quoted` or `write_double_quoted`.
    mutating func scalar(_ text: String, indent: Int, isKey: Bool) {
      let analysis = Analysis(text)
      if analysis.allowsPlain && !Self.resolvesToOtherType(text) && !(isKey && analysis.multiline) {
        folded(text, indent: indent, split: !isKey)
      } else if analysis.allowsSingleQuoted && !(isKey && analysis.multiline) {
        write("'")
        folded(text, indent: indent, split: !isKey, quoted: true)
        write("'")
      } else {
        doubleQuoted(text)
      }
    }

    /// `write_double_quoted` without `allow_unicode`: escapes for control characters, the quote,
    /// the backslash and everything outside printable ASCII.
    mutating func doubleQuoted(_ text: String) {
      let named: [Unicode.Scalar: String] = [
        "\0": "0", "\u{07}": "a", "\u{08}": "b", "\t": "t", "\n": "n", "\u{0B}": "v", "\u{0C}": "f",
        "\r": "r", "\u{1B}": "e", "\"": "\"", "\\": "\\", "\u{85}": "N", "\u{A0}": "_", "\u{2028}": "L",
        "\u{2029}": "P",
      ]
      var result = "\""
      for scalar in text.unicodeScalars {
        if let name = named[scalar] {
          result += "\\" + name
        } else if (0x20...0x7E).contains(scalar.value) {
          result.unicodeScalars.append(scalar)
        } else {
          let (prefix, digits) = scalar.value <= 0xFF ? ("x", 2) : scalar.value <= 0xFFFF ? ("u", 4) : ("U", 8)
          let hex = String(scalar.value, radix: 16, uppercase: true)
          result += "\\" + prefix + String(repeating: "0", count: digits - hex.count) + hex
        }
      }
      write(result + "\"")
    }

    /// Writes `text` breaking at single spaces once past the best width (PyYAML's folding of
    /// plain and single-quoted scalars); in single quotes, `'` doubles and a line break becomes a
    /// blank line.
    mutating func folded(_ text: String, indent: Int, split: Bool, quoted: Bool = false) {
      let characters = Array(text)
      var index = 0
      while index < characters.count {
        let character = characters[index]
        if character == " " {
          let single = (index + 1 == characters.count || characters[index + 1] != " ")
            && (index == 0 || characters[index - 1] != " ")
          if single, split, column > bestWidth, index != 0, index != characters.count - 1 {
            newline(indent: indent)
          } else {
            write(" ")
          }
        } else if character == "\n" {
          output += "\n"
          newline(indent: indent)
        } else if character == "'" && quoted {
          write("''")
        } else {
          write(String(character))
        }
        index += 1
      }
    }

    /// Strings PyYAML's implicit resolvers would read back as another type.
    static func resolvesToOtherType(_ text: String) -> Bool {
      let patterns = [
        "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$",
        "^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$",
        "^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$",
        "^(?:<<|~|null|Null|NULL|=)$",
        "^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$",
      ]
      return patterns.contains { text.range(of: $0, options: .regularExpression) != nil }
    }
  }

  /// The parts of PyYAML's `analyze_scalar` that decide the style of the strings the client
  /// prints.
  private struct Analysis {
    var allowsPlain = true
    var allowsSingleQuoted = true
    var multiline = false

    init(_ text: String) {
      guard !text.isEmpty else {
        allowsPlain = false
        return
      }
      let scalars = Array(text.unicodeScalars)
      if "#,[]{}&*!|>'\"%@`".unicodeScalars.contains(scalars[0]) { allowsPlain = false }
      if "-?:".unicodeScalars.contains(scalars[0]), scalars.count == 1 || scalars[1] == " " { allowsPlain = false }
      if scalars.first == " " || scalars.last == " " { allowsPlain = false }
      for (index, scalar) in scalars.enumerated() {
        let next = index + 1 < scalars.count ? scalars[index + 1] : nil
        if scalar == ":" && (next == nil || next == " ") { allowsPlain = false }
        if scalar == "#" && index > 0 && scalars[index - 1] == " " { allowsPlain = false }
        if scalar == "\n" {
          multiline = true
          allowsPlain = false
        }
        // Without `allow_unicode`, everything outside printable ASCII needs an escape.
        if scalar != "\n" && !(0x20...0x7E).contains(scalar.value) {
          allowsPlain = false
          allowsSingleQuoted = false
        }
      }
      // A space before a line break, or a break before a space, forbids single quotes too.
      if text.contains(" \n") || text.contains("\n ") { allowsSingleQuoted = false }
    }
  }
}
