/// A shell prompt at the start of a transcript line.
///
/// Recognised forms, each optionally preceded by a virtualenv marker such as `(venv) `:
/// `$ `, `# ` (root), `user@host:path$ `, `user@host:path# `, `user@host$ `, `[user@host dir]$ `
/// and `[user@host dir]# `. Any number of spaces may follow the prompt character.
public struct Prompt: Equatable, Sendable {
  /// The prompt as written, without the spaces that follow it (`clouduser1@client:~$`).
  public var text: String
  /// Whether the prompt ends in `#`, the root prompt.
  public var isRoot: Bool
  /// The command typed after the prompt.
  public var command: Substring

  /// Matches a prompt at the very start of `line`, or returns `nil`.
  public init?(_ line: Substring) {
    guard let (promptEnd, commandStart) = line.withUTF8Bytes(Self.bounds) else { return nil }
    let utf8 = line.utf8
    text = String(Substring(utf8[utf8.startIndex..<utf8.index(utf8.startIndex, offsetBy: promptEnd + 1)]))
    isRoot = text.hasSuffix("#")
    command = Substring(utf8[utf8.index(utf8.startIndex, offsetBy: commandStart)...])
  }

  /// The offsets of the prompt's last character and of the command, in `bytes`.
  private static func bounds(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
    // Most lines of a transcript are output: reject them on their first byte.
    guard let first = bytes.first,
      first == UInt8(ascii: "$") || first == UInt8(ascii: "#") || first == UInt8(ascii: "(")
        || first == UInt8(ascii: "[") || isNameCharacter(first)
    else { return nil }
    var index = 0
    if bytes.first == UInt8(ascii: "(") {
      guard let close = bytes.firstIndex(of: UInt8(ascii: ")")), close > 1,
        !bytes[1..<close].contains(where: Self.isSpace)
      else { return nil }
      index = close + 1
      while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
    }
    guard let promptEnd = Self.promptCharacter(in: bytes, from: index) else { return nil }
    // A prompt character must be followed by a space and a command.
    var commandStart = promptEnd + 1
    guard commandStart < bytes.count, bytes[commandStart] == UInt8(ascii: " ") else { return nil }
    while commandStart < bytes.count, bytes[commandStart] == UInt8(ascii: " ") { commandStart += 1 }
    guard commandStart < bytes.count else { return nil }
    return (promptEnd, commandStart)
  }

  /// The index of the `$` or `#` that ends a prompt starting at `start`.
  private static func promptCharacter(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard start < bytes.count else { return nil }
    let first = bytes[start]
    if first == UInt8(ascii: "$") || first == UInt8(ascii: "#") { return start }
    if first == UInt8(ascii: "[") {
      // [user@host dir]$
      guard let close = bytes[start...].firstIndex(of: UInt8(ascii: "]")), close > start + 1,
        close + 1 < bytes.count, isPromptCharacter(bytes[close + 1])
      else { return nil }
      return close + 1
    }
    // user@host:path$ or user@host$
    var index = start
    while index < bytes.count, isNameCharacter(bytes[index]) { index += 1 }
    guard index > start, index < bytes.count, bytes[index] == UInt8(ascii: "@") else { return nil }
    index += 1
    let hostStart = index
    while index < bytes.count, isNameCharacter(bytes[index]) { index += 1 }
    guard index > hostStart, index < bytes.count else { return nil }
    if bytes[index] == UInt8(ascii: ":") {
      index += 1
      while index < bytes.count, !isSpace(bytes[index]), !isPromptCharacter(bytes[index]) { index += 1 }
    }
    guard index < bytes.count, isPromptCharacter(bytes[index]) else { return nil }
    return index
  }

  private static func isPromptCharacter(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "$") || byte == UInt8(ascii: "#")
  }

  private static func isNameCharacter(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."):
      return true
    default: return false
    }
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
  }
}
