import CloudAPI

/// cliff's `YAMLFormatter` (`-f yaml`): `yaml.safe_dump(value, default_flow_style=False)`. A list
/// is dumped as one sequence of mappings keyed by column name; a show is dumped one field at a
/// time, each a mapping of one key (so the fields keep the command's order while PyYAML sorts the
/// keys of every mapping it writes).
public struct YAMLFormatter: CliffListFormatter, CliffSingleFormatter {
  public init() {}

  public func emitList(columns: [String], rows: [[JSON]]) -> String {
    PyYAMLEmitter.safeDump(.array(rows.map { JSONFormatter.object(columns, $0) }))
  }

  public func emitOne(columns: [String], values: [JSON]) -> String {
    zip(columns, values).map { PyYAMLEmitter.safeDump(.object([$0: $1])) }.joined()
  }
}

/// PyYAML 6's pure-Python `SafeDumper` (representer, serializer and emitter) with
/// `default_flow_style=False` and the other defaults: block collections (empty ones in flow
/// style, `[]` and `{}`), mapping keys sorted, sequences inside mappings not indented, scalars
/// plain where PyYAML's analysis and implicit resolvers allow, else single-quoted, else
/// double-quoted with escapes (everything outside printable ASCII, since `allow_unicode` is off),
/// long scalars folded past column 80, keys of 123 characters or more (or multi-line, or empty)
/// written as `? key`.
///
/// The emitter is ported state for state (indent stack, column, `whitespace` and `indention`
/// flags), its event-driven states written as recursion over the value.
struct PyYAMLEmitter {
  /// `yaml.safe_dump(value, default_flow_style=False)`.
  static func safeDump(_ value: JSON) -> String {
    var emitter = PyYAMLEmitter()
    emitter.document(Node(value))
    return emitter.output
  }

  /// A represented node: a scalar's text and whether it may be plain, or a collection.
  indirect enum Node {
    /// `text` as written; `plainImplicit`: PyYAML would read the plain text back as the same
    /// type (`implicit[0]`).
    case scalar(text: String, plainImplicit: Bool)
    case sequence([Node])
    case mapping([(Node, Node)])

    /// `SafeRepresenter`: `null`, `true`, `str(int)`, floats as `repr` in lower case with `.0`
    /// added before a bare exponent, `.inf`, `.nan`; strings that resolve to another type lose
    /// their plain style.
    init(_ value: JSON) {
      switch value {
      case .null: self = .scalar(text: "null", plainImplicit: true)
      case .bool(let flag): self = .scalar(text: flag ? "true" : "false", plainImplicit: true)
      case .int(let number): self = .scalar(text: String(number), plainImplicit: true)
      case .largeInt(let digits): self = .scalar(text: digits, plainImplicit: true)
      case .double(let number):
        var text: String
        if number.isNaN {
          text = ".nan"
        } else if number.isInfinite {
          text = number < 0 ? "-.inf" : ".inf"
        } else {
          text = JSON.pythonFloat(number).lowercased()
          if !text.contains("."), let exponent = text.firstIndex(of: "e") {
            text.replaceSubrange(exponent...exponent, with: ".0e")
          }
        }
        self = .scalar(text: text, plainImplicit: true)
      case .string(let text):
        self = .scalar(text: text, plainImplicit: !YAMLResolver.resolvesToOtherType(text))
      case .array(let items): self = .sequence(items.map(Node.init))
      case .object(let fields):
        let keys = fields.keys.sorted {
          $0.precedesByCodePoint($1)
        }
        self = .mapping(keys.map { (Node(.string($0)), Node(fields[$0]!)) })
      }
    }
  }

  private(set) var output = ""
  private let bestIndent = 2
  private let bestWidth = 80
  private var column = 0
  private var whitespace = true
  private var indention = true
  private var openEnded = false
  private var indent: Int? = nil
  private var indents: [Int?] = []
  private var flowLevel = 0
  private var rootContext = false
  private var sequenceContext = false
  private var mappingContext = false
  private var simpleKeyContext = false

  /// A stream of one implicit document: the node, then a line end (`...` after a plain scalar
  /// at the root).
  private mutating func document(_ node: Node) {
    if case .scalar(let text, _) = node, text.isEmpty {
      // check_empty_document: an empty root scalar makes the document explicit.
      writeIndent()
      writeIndicator("---", needWhitespace: true)
    }
    expectNode(node, root: true)
    writeIndent()
    if openEnded {
      writeIndicator("...", needWhitespace: true)
      writeIndent()
    }
  }

  private mutating func increaseIndent(flow: Bool = false, indentless: Bool = false) {
    indents.append(indent)
    if let current = indent {
      if !indentless { indent = current + bestIndent }
    } else {
      indent = flow ? bestIndent : 0
    }
  }

  private mutating func expectNode(
    _ node: Node, root: Bool = false, sequence: Bool = false, mapping: Bool = false,
    simpleKey: Bool = false
  ) {
    rootContext = root
    sequenceContext = sequence
    mappingContext = mapping
    simpleKeyContext = simpleKey
    switch node {
    case .scalar(let text, let plainImplicit):
      increaseIndent(flow: true)
      processScalar(text, plainImplicit: plainImplicit)
      indent = indents.removeLast()
    case .sequence(let items):
      if flowLevel > 0 || items.isEmpty {
        writeIndicator("[", needWhitespace: true, whitespace: true)
        flowLevel += 1
        increaseIndent(flow: true)
        for (position, item) in items.enumerated() {
          if position > 0 { writeIndicator(",", needWhitespace: false) }
          if column > bestWidth { writeIndent() }
          expectNode(item, sequence: true)
        }
        indent = indents.removeLast()
        flowLevel -= 1
        writeIndicator("]", needWhitespace: false)
      } else {
        increaseIndent(indentless: mappingContext && !indention)
        for item in items {
          writeIndent()
          writeIndicator("-", needWhitespace: true, indention: true)
          expectNode(item, sequence: true)
        }
        indent = indents.removeLast()
      }
    case .mapping(let pairs):
      if flowLevel > 0 || pairs.isEmpty {
        writeIndicator("{", needWhitespace: true, whitespace: true)
        flowLevel += 1
        increaseIndent(flow: true)
        for (position, (key, value)) in pairs.enumerated() {
          if position > 0 { writeIndicator(",", needWhitespace: false) }
          if column > bestWidth { writeIndent() }
          if isSimpleKey(key) {
            expectNode(key, mapping: true, simpleKey: true)
            writeIndicator(":", needWhitespace: false)
          } else {
            writeIndicator("?", needWhitespace: true)
            expectNode(key, mapping: true)
            if column > bestWidth { writeIndent() }
            writeIndicator(":", needWhitespace: true)
          }
          expectNode(value, mapping: true)
        }
        indent = indents.removeLast()
        flowLevel -= 1
        writeIndicator("}", needWhitespace: false)
      } else {
        increaseIndent()
        for (key, value) in pairs {
          writeIndent()
          if isSimpleKey(key) {
            expectNode(key, mapping: true, simpleKey: true)
            writeIndicator(":", needWhitespace: false)
          } else {
            writeIndicator("?", needWhitespace: true, indention: true)
            expectNode(key, mapping: true)
            writeIndent()
            writeIndicator(":", needWhitespace: true, indention: true)
          }
          expectNode(value, mapping: true)
        }
        indent = indents.removeLast()
      }
    }
  }

  /// `check_simple_key`: a scalar that is neither empty nor multi-line and, with its `!!str`
  /// style tag counted (5 characters), under 128; or an empty collection.
  private func isSimpleKey(_ node: Node) -> Bool {
    switch node {
    case .scalar(let text, _):
      let analysis = ScalarAnalysis(text)
      return text.unicodeScalars.count + 5 < 128 && !analysis.empty && !analysis.multiline
    case .sequence(let items): return items.isEmpty
    case .mapping(let pairs): return pairs.isEmpty
    }
  }

  /// `choose_scalar_style` and `process_scalar`.
  private mutating func processScalar(_ text: String, plainImplicit: Bool) {
    let analysis = ScalarAnalysis(text)
    let scalars = Array(text.unicodeScalars)
    let split = !simpleKeyContext
    if plainImplicit, !(simpleKeyContext && (analysis.empty || analysis.multiline)),
      flowLevel > 0 ? analysis.allowFlowPlain : analysis.allowBlockPlain
    {
      writePlain(scalars, split: split)
    } else if analysis.allowSingleQuoted, !(simpleKeyContext && analysis.multiline) {
      writeSingleQuoted(scalars, split: split)
    } else {
      writeDoubleQuoted(scalars, split: split)
    }
  }

  // MARK: Writers

  private mutating func write(_ text: some Sequence<Unicode.Scalar>) {
    for scalar in text {
      output.unicodeScalars.append(scalar)
      column += 1
    }
  }

  private mutating func writeIndicator(
    _ indicator: String, needWhitespace: Bool, whitespace: Bool = false, indention: Bool = false
  ) {
    if !self.whitespace && needWhitespace { write(" ".unicodeScalars) }
    write(indicator.unicodeScalars)
    self.whitespace = whitespace
    self.indention = self.indention && indention
    openEnded = false
  }

  private mutating func writeIndent() {
    let indent = self.indent ?? 0
    if !indention || column > indent || (column == indent && !whitespace) { writeLineBreak() }
    if column < indent {
      whitespace = true
      output += String(repeating: " ", count: indent - column)
      column = indent
    }
  }

  private mutating func writeLineBreak(_ text: Unicode.Scalar = "\n") {
    whitespace = true
    indention = true
    column = 0
    output.unicodeScalars.append(text)
  }

  private static func isBreak(_ scalar: Unicode.Scalar?) -> Bool {
    guard let scalar else { return false }
    return scalar == "\n" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
  }

  /// The line breaks of `text[start..<end]`, an extra one first when they start with `\n`.
  private mutating func writeBreaks(_ text: [Unicode.Scalar], _ start: Int, _ end: Int) {
    if text[start] == "\n" { writeLineBreak() }
    for scalar in text[start..<end] {
      if scalar == "\n" { writeLineBreak() } else { writeLineBreak(scalar) }
    }
  }

  /// `write_plain`: words as they are, a single space between words past the best width
  /// becoming a line break (unless in a simple key).
  private mutating func writePlain(_ text: [Unicode.Scalar], split: Bool) {
    if rootContext { openEnded = true }
    guard !text.isEmpty else { return }
    if !whitespace { write(" ".unicodeScalars) }
    whitespace = false
    indention = false
    var spaces = false
    var breaks = false
    var start = 0
    var end = 0
    while end <= text.count {
      let character: Unicode.Scalar? = end < text.count ? text[end] : nil
      if spaces {
        if character != " " {
          if start + 1 == end && column > bestWidth && split {
            writeIndent()
            whitespace = false
            indention = false
          } else {
            write(text[start..<end])
          }
          start = end
        }
      } else if breaks {
        if !Self.isBreak(character) {
          writeBreaks(text, start, end)
          writeIndent()
          whitespace = false
          indention = false
          start = end
        }
      } else if character == nil || character == " " || Self.isBreak(character) {
        write(text[start..<end])
        start = end
      }
      if let character {
        spaces = character == " "
        breaks = Self.isBreak(character)
      }
      end += 1
    }
  }

  /// `write_single_quoted`: `'` doubled, a line break written as two (a blank line), single
  /// spaces past the best width folded.
  private mutating func writeSingleQuoted(_ text: [Unicode.Scalar], split: Bool) {
    writeIndicator("'", needWhitespace: true)
    var spaces = false
    var breaks = false
    var start = 0
    var end = 0
    while end <= text.count {
      let character: Unicode.Scalar? = end < text.count ? text[end] : nil
      if spaces {
        if character == nil || character != " " {
          if start + 1 == end && column > bestWidth && split && start != 0 && end != text.count {
            writeIndent()
          } else {
            write(text[start..<end])
          }
          start = end
        }
      } else if breaks {
        if character == nil || !Self.isBreak(character) {
          writeBreaks(text, start, end)
          writeIndent()
          start = end
        }
      } else if character == nil || character == " " || Self.isBreak(character) || character == "'"
      {
        if start < end {
          write(text[start..<end])
          start = end
        }
      }
      if character == "'" {
        write("''".unicodeScalars)
        start = end + 1
      }
      if let character {
        spaces = character == " "
        breaks = Self.isBreak(character)
      }
      end += 1
    }
    writeIndicator("'", needWhitespace: false)
  }

  private static let escapes: [Unicode.Scalar: String] = [
    "\0": "0", "\u{07}": "a", "\u{08}": "b", "\u{09}": "t", "\u{0A}": "n", "\u{0B}": "v",
    "\u{0C}": "f",
    "\u{0D}": "r", "\u{1B}": "e", "\"": "\"", "\\": "\\", "\u{85}": "N", "\u{A0}": "_",
    "\u{2028}": "L",
    "\u{2029}": "P",
  ]

  /// `write_double_quoted` without `allow_unicode`: escapes for everything outside printable
  /// ASCII, long lines continued with a trailing `\`.
  private mutating func writeDoubleQuoted(_ text: [Unicode.Scalar], split: Bool) {
    writeIndicator("\"", needWhitespace: true)
    var start = 0
    var end = 0
    while end <= text.count {
      let character: Unicode.Scalar? = end < text.count ? text[end] : nil
      if let character, (0x20...0x7E).contains(character.value), character != "\"",
        character != "\\"
      {
        // A character written as it is.
      } else {
        if start < end {
          write(text[start..<end])
          start = end
        }
        if let character {
          let escaped: String
          if let name = Self.escapes[character] {
            escaped = "\\" + name
          } else {
            let value = character.value
            let (prefix, digits) = value <= 0xFF ? ("x", 2) : value <= 0xFFFF ? ("u", 4) : ("U", 8)
            let hex = String(value, radix: 16, uppercase: true)
            escaped = "\\" + prefix + String(repeating: "0", count: digits - hex.count) + hex
          }
          write(escaped.unicodeScalars)
          start = end + 1
        }
      }
      if end > 0 && end < text.count - 1 && (character == " " || start >= end)
        && column + (end - start) > bestWidth && split
      {
        // Python's text[start:end] is empty when an escape has moved start past end.
        if start < end { write(text[start..<end]) }
        write("\\".unicodeScalars)
        if start < end { start = end }
        writeIndent()
        whitespace = false
        indention = false
        if text[start] == " " { write("\\".unicodeScalars) }
      }
      end += 1
    }
    writeIndicator("\"", needWhitespace: false)
  }
}

/// `Emitter.analyze_scalar`, with `allow_unicode` off: which styles a string may be written in.
struct ScalarAnalysis {
  var empty = false
  var multiline = false
  var allowFlowPlain = true
  var allowBlockPlain = true
  var allowSingleQuoted = true

  init(_ text: String) {
    let scalars = Array(text.unicodeScalars)
    guard !scalars.isEmpty else {
      empty = true
      allowFlowPlain = false
      return
    }
    // Sets of scalars as `switch`es: a string literal's scalars searched for each scalar of each
    // value had been a tenth of a YAML command's formatting.
    func isSpaceOrBreak(_ scalar: Unicode.Scalar) -> Bool {
      switch scalar {
      case "\0", " ", "\t", "\r", "\n", "\u{85}", "\u{2028}", "\u{2029}": true
      default: false
      }
    }
    func isBreak(_ scalar: Unicode.Scalar) -> Bool {
      switch scalar {
      case "\n", "\u{85}", "\u{2028}", "\u{2029}": true
      default: false
      }
    }
    func isIndicator(_ scalar: Unicode.Scalar) -> Bool {
      switch scalar {
      case "#", ",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`": true
      default: false
      }
    }
    func isFlowIndicator(_ scalar: Unicode.Scalar) -> Bool {
      switch scalar {
      case ",", "?", "[", "]", "{", "}": true
      default: false
      }
    }

    var blockIndicators = false
    var flowIndicators = false
    var lineBreaks = false
    var specialCharacters = false
    var leadingSpace = false
    var leadingBreak = false
    var trailingSpace = false
    var trailingBreak = false
    var breakSpace = false
    var spaceBreak = false
    if text.hasPrefix("---") || text.hasPrefix("...") {
      blockIndicators = true
      flowIndicators = true
    }
    var precededByWhitespace = true
    var followedByWhitespace = scalars.count == 1 || isSpaceOrBreak(scalars[1])
    var previousSpace = false
    var previousBreak = false
    for (index, scalar) in scalars.enumerated() {
      if index == 0 {
        if isIndicator(scalar) {
          flowIndicators = true
          blockIndicators = true
        }
        if scalar == "?" || scalar == ":" {
          flowIndicators = true
          if followedByWhitespace { blockIndicators = true }
        }
        if scalar == "-" && followedByWhitespace {
          flowIndicators = true
          blockIndicators = true
        }
      } else {
        if isFlowIndicator(scalar) { flowIndicators = true }
        if scalar == ":" {
          flowIndicators = true
          if followedByWhitespace { blockIndicators = true }
        }
        if scalar == "#" && precededByWhitespace {
          flowIndicators = true
          blockIndicators = true
        }
      }
      if isBreak(scalar) { lineBreaks = true }
      if !(scalar == "\n" || (0x20...0x7E).contains(scalar.value)) {
        // Printable non-ASCII (unicode_characters) needs allow_unicode; the rest is special.
        specialCharacters = true
      }
      if scalar == " " {
        if index == 0 { leadingSpace = true }
        if index == scalars.count - 1 { trailingSpace = true }
        if previousBreak { breakSpace = true }
        previousSpace = true
        previousBreak = false
      } else if isBreak(scalar) {
        if index == 0 { leadingBreak = true }
        if index == scalars.count - 1 { trailingBreak = true }
        if previousSpace { spaceBreak = true }
        previousSpace = false
        previousBreak = true
      } else {
        previousSpace = false
        previousBreak = false
      }
      precededByWhitespace = isSpaceOrBreak(scalar)
      followedByWhitespace = index + 2 >= scalars.count || isSpaceOrBreak(scalars[index + 2])
    }
    if leadingSpace || leadingBreak || trailingSpace || trailingBreak {
      allowFlowPlain = false
      allowBlockPlain = false
    }
    if breakSpace {
      allowFlowPlain = false
      allowBlockPlain = false
      allowSingleQuoted = false
    }
    if spaceBreak || specialCharacters {
      allowFlowPlain = false
      allowBlockPlain = false
      allowSingleQuoted = false
    }
    if lineBreaks {
      allowFlowPlain = false
      allowBlockPlain = false
    }
    if flowIndicators { allowFlowPlain = false }
    if blockIndicators { allowBlockPlain = false }
    multiline = lineBreaks
  }
}

/// PyYAML's implicit resolvers (`yaml.resolver.Resolver`): plain texts it reads as something
/// other than a string, which a string must therefore not be written as.
enum YAMLResolver {
  /// `resolve(ScalarNode, text, (True, False)) != str`: the resolvers registered for the text's
  /// first character, tried as `re.match` tries their patterns (`^(?:...)$`), here by hand over
  /// the bytes (the patterns are ASCII; a regular expression engine took as long for one
  /// scalar as emitting the rest of its document). Python's `$` also matches before a final
  /// line end; such texts are multi-line, never plain, so that case never matters.
  static func resolvesToOtherType(_ text: String) -> Bool {
    guard let first = text.utf8.first else { return true }  // '' is null
    switch first {
    case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"),
      UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"):
      return booleans.contains(text) || ((first == UInt8(ascii: "n") || first == UInt8(ascii: "N")) && nulls.contains(text))
    case UInt8(ascii: "~"): return text == "~"
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      let bytes = Array(text.utf8)
      return isFloat(bytes) || isInt(bytes) || isTimestamp(bytes)
    case UInt8(ascii: "-"), UInt8(ascii: "+"):
      let bytes = Array(text.utf8)
      return isFloat(bytes) || isInt(bytes)
    case UInt8(ascii: "."): return isFloat(Array(text.utf8))
    case UInt8(ascii: "<"): return text == "<<"
    case UInt8(ascii: "="): return text == "="
    default: return false
    }
  }

  /// `bool`: `yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF`.
  private static let booleans: Set<String> = [
    "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off",
    "Off", "OFF",
  ]
  /// `null`: `~|null|Null|NULL|` (the empty text is handled first).
  private static let nulls: Set<String> = ["null", "Null", "NULL"]

  /// `int`: `[-+]?0b[0-1_]+ | [-+]?0[0-7_]+ | [-+]?(?:0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+ |
  /// [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+`.
  static func isInt(_ bytes: [UInt8]) -> Bool {
    var start = ScalarCursor(bytes)
    start.skip(oneOf: "+-")
    var binary = start
    if binary.skip("0b"), binary.skipMany(where: { $0 == 0x30 || $0 == 0x31 || $0 == 0x5F }) > 0, binary.atEnd { return true }
    var octal = start
    if octal.skip("0"), octal.skipMany(where: { (0x30...0x37).contains($0) || $0 == 0x5F }) > 0, octal.atEnd { return true }
    var decimal = start
    if decimal.skip("0"), decimal.atEnd { return true }
    decimal = start
    if decimal.skip(where: { (0x31...0x39).contains($0) }) {
      decimal.skipMany(where: isDigitOrUnderscore)
      if decimal.atEnd { return true }
      if decimal.skipSexagesimal(), decimal.atEnd { return true }
    }
    var hex = start
    return hex.skip("0x") && hex.skipMany(where: { isDigitOrUnderscore($0) || (0x41...0x46).contains($0 & 0xDF) }) > 0 && hex.atEnd
  }

  /// `float`: `[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)? | \.[0-9][0-9_]*(?:[eE][-+][0-9]+)? |
  /// [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]* | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)`.
  static func isFloat(_ bytes: [UInt8]) -> Bool {
    var unsigned = ScalarCursor(bytes)
    var start = unsigned
    start.skip(oneOf: "+-")
    var decimal = start
    if decimal.skip(where: isDigit) {
      decimal.skipMany(where: isDigitOrUnderscore)
      var sexagesimal = decimal
      if decimal.skip("."), decimal.skipExponentTail(), decimal.atEnd { return true }
      if sexagesimal.skipSexagesimal(), sexagesimal.skip(".") {
        sexagesimal.skipMany(where: isDigitOrUnderscore)
        if sexagesimal.atEnd { return true }
      }
    }
    var fraction = unsigned
    if fraction.skip("."), fraction.skip(where: isDigit) {
      fraction.skipMany(where: isDigitOrUnderscore)
      if fraction.skipOptionalExponent(), fraction.atEnd { return true }
    }
    var infinity = start
    if infinity.skip("."), infinity.skip(anyOf: ["inf", "Inf", "INF"]), infinity.atEnd { return true }
    return unsigned.skip(".") && unsigned.skip(anyOf: ["nan", "NaN", "NAN"]) && unsigned.atEnd
  }

  /// `timestamp`: `[0-9]{4}-[0-9]{2}-[0-9]{2} | [0-9]{4}-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)
  /// [0-9][0-9]?:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?`.
  static func isTimestamp(_ bytes: [UInt8]) -> Bool {
    var date = ScalarCursor(bytes)
    guard date.skipDigits(4), date.skip("-") else { return false }
    var short = date
    if date.skipDigits(2), date.skip("-"), date.skipDigits(2), date.atEnd { return true }
    guard short.skipDigits(1) else { return false }
    short.skip(where: isDigit)
    guard short.skip("-"), short.skipDigits(1) else { return false }
    short.skip(where: isDigit)
    let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
    guard short.skip(oneOf: "Tt") || short.skipMany(where: isBlank) > 0 else { return false }
    guard short.skipDigits(1) else { return false }
    short.skip(where: isDigit)
    guard short.skip(":"), short.skipDigits(2), short.skip(":"), short.skipDigits(2) else { return false }
    if short.skip(".") { short.skipMany(where: isDigit) }
    var zone = short
    zone.skipMany(where: isBlank)
    if zone.skip("Z") {
      short = zone
    } else if zone.skip(oneOf: "+-"), zone.skipDigits(1) {
      zone.skip(where: isDigit)
      var minutes = zone
      if minutes.skip(":"), minutes.skipDigits(2) { zone = minutes }
      short = zone
    }
    return short.atEnd
  }

  private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
  private static func isDigitOrUnderscore(_ byte: UInt8) -> Bool { isDigit(byte) || byte == 0x5F }
}

/// A position in a scalar's bytes, moved on by what the resolvers' patterns read there; each
/// `skip` moves only when what it reads is there.
private struct ScalarCursor {
  let bytes: [UInt8]
  var position = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var atEnd: Bool { position == bytes.count }

  @discardableResult
  mutating func skip(where test: (UInt8) -> Bool) -> Bool {
    guard position < bytes.count, test(bytes[position]) else { return false }
    position += 1
    return true
  }

  @discardableResult
  mutating func skip(oneOf characters: StaticString) -> Bool {
    let set = UnsafeBufferPointer(start: characters.utf8Start, count: characters.utf8CodeUnitCount)
    return skip { set.contains($0) }
  }

  /// The literal text, whole.
  mutating func skip(_ literal: StaticString) -> Bool {
    let text = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
    guard bytes.count - position >= text.count, bytes[position..<position + text.count].elementsEqual(text) else { return false }
    position += text.count
    return true
  }

  mutating func skip(anyOf literals: [StaticString]) -> Bool {
    literals.contains { skip($0) }
  }

  /// As many bytes as pass the test; how many.
  @discardableResult
  mutating func skipMany(where test: (UInt8) -> Bool) -> Int {
    let start = position
    while skip(where: test) {}
    return position - start
  }

  /// Exactly `count` ASCII digits.
  mutating func skipDigits(_ count: Int) -> Bool {
    var moved = self
    for _ in 0..<count where !moved.skip(where: { (0x30...0x39).contains($0) }) { return false }
    self = moved
    return true
  }

  /// `(?::[0-5]?[0-9])+`: one or more; two digits where the first is 0 to 5, else one.
  mutating func skipSexagesimal() -> Bool {
    var groups = 0
    while true {
      var next = self
      guard next.skip(":") else { break }
      if next.skip(where: { (0x30...0x35).contains($0) }) {
        var two = next
        if two.skip(where: { (0x30...0x39).contains($0) }) { next = two }
      } else if !next.skip(where: { (0x30...0x39).contains($0) }) {
        break
      }
      self = next
      groups += 1
    }
    return groups > 0
  }

  /// `[0-9_]*(?:[eE][-+][0-9]+)?` after a float's point.
  mutating func skipExponentTail() -> Bool {
    skipMany(where: { (0x30...0x39).contains($0) || $0 == 0x5F })
    return skipOptionalExponent()
  }

  /// `(?:[eE][-+][0-9]+)?`: always true; moves past an exponent when one is whole.
  mutating func skipOptionalExponent() -> Bool {
    var exponent = self
    if exponent.skip(oneOf: "eE"), exponent.skip(oneOf: "+-"), exponent.skipMany(where: { (0x30...0x39).contains($0) }) > 0 {
      self = exponent
    }
    return true
  }
}
