/// The words of a documented command that stand for a value the reader is to supply rather than
/// being one: `<share-id>`, `SERVER_ID`, `...`, a usage synopsis's `[--name <name>]`. Running such a
/// line would only test that the cloud has no resource called `<share-id>`, so the session
/// reports it as not simulated instead. (`$NAME` with no value on the page is found when the
/// line's words are expanded: ``ShellWords``.)
enum Placeholders {
  /// The first placeholder among the words of `line` after its program's name, if any.
  static func first(in line: String) -> String? {
    all(in: line, stoppingAtFirst: true).first
  }

  /// Every placeholder among the words of `line` after its program's name, in their order.
  static func all(in line: String, stoppingAtFirst: Bool = false) -> [String] {
    guard mayHold(line) else { return [] }
    var found: [String] = []
    var previous: Substring = ""
    for word in words(of: line).dropFirst() {
      defer { previous = word }
      // A column's name (`-c ID`) is the client's word, not the reader's.
      if columnOptions.contains(previous) || !mayHold(word) { continue }
      if let placeholder = placeholder(in: word) {
        found.append(placeholder)
        if stoppingAtFirst { break }
      }
    }
    return found
  }

  private static let columnOptions: Set<Substring> = ["-c", "--column", "--sort-column"]

  /// The line's words between blanks, cut by bytes: splitting by characters costs more than
  /// the rest of the search. An angled placeholder of several words (`<volume type name>`) stays
  /// in one word: to the shell its `<` is a redirection.
  private static func words(of line: String) -> [Substring] {
    var words: [Substring] = []
    var start: String.Index?
    var angled = false
    let utf8 = line.utf8
    var index = utf8.startIndex
    while index < utf8.endIndex {
      let byte = utf8[index]
      let isBlank = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
      if byte == UInt8(ascii: "<") {
        angled = true
      } else if byte == UInt8(ascii: ">") {
        angled = false
      }
      if isBlank, let begun = start, !(angled && closesAngle(utf8[utf8.index(after: index)...])) {
        words.append(line[begun..<index])
        start = nil
        angled = false
      } else if !isBlank, start == nil {
        start = index
      }
      utf8.formIndex(after: &index)
    }
    if let begun = start { words.append(line[begun...]) }
    return words
  }

  /// Whether the rest of an angled placeholder's words reach its `>` with nothing but what a
  /// placeholder's name is made of.
  private static func closesAngle(_ rest: Substring.UTF8View) -> Bool {
    for byte in rest {
      if byte == UInt8(ascii: ">") { return true }
      let isName =
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: " ")
        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
      if !isName { return false }
    }
    return false
  }

  /// Whether the line (or word) has any of what a placeholder is made of (`<`, `[`, `...`, a
  /// capital, or anything beyond ASCII): most have none, and reading them by characters costs more.
  private static func mayHold(_ line: some StringProtocol) -> Bool {
    // Over contiguous bytes where the text has them (a UTF-8 view's iterator costs more).
    line.utf8.withContiguousStorageIfAvailable { mayHoldBytes($0) } ?? mayHoldBytes(line.utf8)
  }

  private static func mayHoldBytes(_ bytes: some Sequence<UInt8>) -> Bool {
    var dots = 0
    for byte in bytes {
      if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "[") || byte &- UInt8(ascii: "A") < 26 || byte >= 0x80 { return true }
      dots = byte == UInt8(ascii: ".") ? dots + 1 : 0
      if dots == 3 { return true }
    }
    return false
  }

  private static func placeholder(in word: Substring) -> String? {
    if word == "..." || word == "…" { return String(word) }
    if word.hasPrefix("[-") { return String(word) }
    if let angled = angled(in: word) { return angled }
    if isCapitalisedName(word) || isNamedUUID(word) { return String(word) }
    // A value after `=` (`--hint group=SERVER_GROUP_UUID`, `--property key=VALUE`), or a list's
    // item (`same_host="[Volume_A-UUID,`).
    if word.utf8.contains(UInt8(ascii: "=")), let equals = word.lastIndex(of: "=") {
      let value = word[word.index(after: equals)...].trimmingPrefix { "\"'[".contains($0) }
      let item = value.prefix { !",]\"'".contains($0) }
      if isCapitalisedName(item) || isNamedUUID(item) { return String(item) }
    }
    return nil
  }

  /// `Volume_A-UUID`, `server-UUID`: a name the reader gives, for the UUID of one of theirs.
  private static func isNamedUUID(_ word: Substring) -> Bool {
    // Its last bytes first: few words end so, and counting characters costs more.
    guard word.utf8.last == UInt8(ascii: "D"), word.count > 5, word.hasSuffix("-UUID") || word.hasSuffix("_UUID"),
      word.first?.isLetter == true
    else { return false }
    return word.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" || $0 == "-" }
  }

  /// `<share-id>` or `<name>` anywhere in the word, except the capability operators of Cinder's and
  /// Manila's extra specs (`'<is> True'`, `'<in> gold'`), which are values.
  private static func angled(in word: Substring) -> String? {
    guard word.utf8.contains(UInt8(ascii: "<")) else { return nil }
    var rest = word[...]
    while let open = rest.firstIndex(of: "<") {
      let inside = rest[rest.index(after: open)...].prefix { $0 != ">" }
      let close = inside.endIndex
      guard close < rest.endIndex else { return nil }
      if let first = inside.first, first.isLetter, !operators.contains(String(inside)),
        inside.allSatisfy({ $0.isLetter || $0.isNumber || "-_ .:".contains($0) })
      {
        return String(rest[open...close])
      }
      rest = rest[rest.index(after: close)...]
    }
    return nil
  }

  private static let operators: Set<String> = ["is", "in", "or", "all-in"]

  /// `SERVER`, `SERVER_ID`, `PRIVATE_NETWORK_ID`, `QUOTA_VALUE`: capitals and underscores ending in
  /// a word that names a kind of value. Other capitalised words are often real values (`NFS`,
  /// `CEPHFS`, a volume type called `POWERMAX_FC_DIAMOND`, a trait such as `HW_CPU_X86_AVX2`).
  private static func isCapitalisedName(_ word: Substring) -> Bool {
    // An ASCII small letter rules a word out before its characters are counted.
    guard !word.utf8.contains(where: { $0 &- UInt8(ascii: "a") < 26 }), word.count >= 2,
      word.allSatisfy({ ($0.isASCII && $0.isUppercase) || $0.isNumber || $0 == "_" }),
      let last = word.split(separator: "_").last
    else { return false }
    return valueKinds.contains(String(last))
  }

  private static let valueKinds: Set<String> = [
    "ID", "IDS", "UUID", "NAME", "IP", "ADDRESS", "SIZE", "VALUE", "CIDR", "KEY", "SERVER", "INSTANCE", "FLAVOR",
    "IMAGE", "NETWORK", "SUBNET", "PORT", "ROUTER", "PROJECT", "USER", "HOST", "VOLUME", "SNAPSHOT", "BACKUP", "SHARE",
  ]
}
