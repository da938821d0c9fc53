/// The real client's help texts of the implemented commands (``texts``, captured by
/// `Scripts/capture-help.py`): what `openstack help COMMAND` and `openstack COMMAND --help` print.
/// Their usage parts are the commands' usage texts, which every command reads its options from;
/// the rest is printed only when help is asked.
enum RealHelp {
  /// The help of `name` as argparse prints it for the parser cliff names `program`: the words
  /// typed, which may abbreviate the command's (`openstack shar lis`), and the usage wrapped
  /// again around them. `nil` for a command whose help is not kept.
  static func text(of name: String, program: String) -> String? {
    guard let text = texts[name] else { return nil }
    let (usage, rest) = parts(of: text)
    return ArgparseUsage.rewrapped(String(usage), program: "openstack " + name, as: program) + rest + "\n"
  }

  /// The usage of `name`: the first part of its help, which is what argparse prints with a
  /// usage error too, and what the emulation reads the command's options from. Empty for a
  /// command whose help is not kept (`HelpTests` sees that every implemented command's is).
  static func usage(of name: String) -> String {
    texts[name].map { String(parts(of: $0).usage) } ?? ""
  }

  private static let newline = UInt8(ascii: "\n")

  /// The help's usage (up to the first empty line) and the rest. Looked for in the text's
  /// buffer: the `utf8` view's indices cost several times as much a byte.
  static func parts(of text: String) -> (usage: Substring, rest: Substring) {
    var contiguous = text
    let offset = contiguous.withUTF8 { bytes in
      bytes.indices.dropLast().first { bytes[$0] == newline && bytes[$0 + 1] == newline } ?? bytes.count
    }
    let end = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
    return (text[..<end], text[end...])
  }
}
