/// The values a page cannot know in advance — IDs, request IDs, timestamps — and the cloud's
/// values they stand for. The first time a documented value meets an actual one in the same place
/// they are bound, one to one, for the whole page; later commands that name the documented value
/// run with the bound actual one.
public struct Bindings: Sendable {
  private(set) var actualFor: [String: String] = [:]
  private var documentedFor: [String: String] = [:]
  /// The bound timestamps in the order they were bound.
  private var timestamps: [BoundTime] = []
  /// Values bound by the field they are in (a password, an address), which no pattern finds in
  /// a line: the cloud's, and the page's each stands for.
  private var fieldValues: [(actual: String, documented: String)] = []

  public init() {}

  /// A line cut into literal text and volatile values.
  struct Pattern: Equatable {
    enum Part: Equatable {
      case text(Substring)
      case value(Substring)
    }
    var parts: [Part]

    var hasValues: Bool {
      parts.contains { if case .value = $0 { true } else { false } }
    }

    /// The line with its values blanked.
    var skeleton: String {
      parts.map { part -> String in
        switch part {
        case .text(let text): return String(text)
        case .value(let value): return "\u{0}\(value.utf8.count)\u{0}"
        }
      }.joined()
    }
  }

  /// UUIDs (with dashes, or with underscores as in the dummy driver's paths), 56-hex host IDs,
  /// 32-hex IDs and ISO 8601 timestamps.
  static func pattern(of line: String) -> Pattern {
    // Scanned in the string's own buffer: every line of every output goes through here, most
    // of them without a value.
    var text = line
    let values = text.withUTF8(valueRanges(in:))
    guard !values.isEmpty else { return Pattern(parts: line.isEmpty ? [] : [.text(line[...])]) }
    let utf8 = line.utf8
    func slice(_ range: Range<Int>) -> Substring {
      Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
    }
    var parts: [Pattern.Part] = []
    parts.reserveCapacity(values.count * 2 + 1)
    var textStart = 0
    for value in values {
      if textStart < value.lowerBound { parts.append(.text(slice(textStart..<value.lowerBound))) }
      parts.append(.value(slice(value)))
      textStart = value.upperBound
    }
    if textStart < utf8.count { parts.append(.text(slice(textStart..<utf8.count))) }
    return Pattern(parts: parts)
  }

  /// Where the volatile values of a line's bytes are: each starts and ends where no other
  /// hexadecimal digit touches it.
  private static func valueRanges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var values: [Range<Int>] = []
    var index = 0
    while index < bytes.count {
      if isHex(bytes[index]), index == 0 || !isHex(bytes[index - 1]), let length = volatileLength(bytes, at: index),
        index + length == bytes.count || !isHex(bytes[index + length])
      {
        values.append(index..<(index + length))
        index += length
      } else {
        index += 1
      }
    }
    return values
  }

  /// A line with its volatile values blanked: lines with the same skeleton differ only in IDs and
  /// times.
  static func skeleton(of line: String) -> String {
    pattern(of: line).skeleton
  }

  /// Binds the values of documented lines to those of printed lines: line by line when the
  /// outputs are as long, and otherwise (rows in another order, rows added) each documented line
  /// to the one printed line of the same skeleton, where there is exactly one. Lines without
  /// volatile values have nothing to bind.
  mutating func bind(documented: [String], printed: [String]) {
    let pagePatterns = documented.map(Self.pattern(of:))
    let printedPatterns = printed.map(Self.pattern(of:))
    if documented.count == printed.count {
      for (page, actual) in zip(pagePatterns, printedPatterns) where page.hasValues {
        _ = match(page, actual)
      }
    }
    // Each skeleton made once: making one is most of what pairing the lines costs.
    var printedBySkeleton: [String: [Pattern]] = [:]
    for pattern in printedPatterns where pattern.hasValues { printedBySkeleton[pattern.skeleton, default: []].append(pattern) }
    let pageSkeletons = pagePatterns.filter(\.hasValues).map { ($0, $0.skeleton) }
    var documentedCount: [String: Int] = [:]
    for (_, skeleton) in pageSkeletons { documentedCount[skeleton, default: 0] += 1 }
    for (pattern, skeleton) in pageSkeletons {
      guard documentedCount[skeleton] == 1, let candidates = printedBySkeleton[skeleton], candidates.count == 1 else { continue }
      _ = match(pattern, candidates[0])
    }
  }

  /// Binds a documented value to an actual one that the context says the cloud made up (a
  /// generated password, an allocated address), one to one as every binding; whether it could.
  mutating func bind(documented: String, actual: String) -> Bool {
    if let bound = actualFor[documented] { return bound == actual }
    if let other = documentedFor[actual] { return other == documented }
    actualFor[documented] = actual
    documentedFor[actual] = documented
    if !Self.pattern(of: actual).hasValues { fieldValues.append((actual, documented)) }
    return true
  }

  /// Whether the documented line and the printed one are the same but for volatile values that
  /// are, or can be, bound to each other; binds the new ones when they are.
  mutating func match(documented: String, actual: String) -> Bool {
    match(Self.pattern(of: documented), Self.pattern(of: actual))
  }

  /// Whether the documented line and the printed one are the same but for volatile values that
  /// are, or can be, bound to each other; binds the new ones when they are.
  private mutating func match(_ left: Pattern, _ right: Pattern) -> Bool {
    guard left.parts.count == right.parts.count else { return false }
    var proposed: [(String, String)] = []
    for (a, b) in zip(left.parts, right.parts) {
      switch (a, b) {
      case (.text(let x), .text(let y)) where x == y: continue
      case (.value(let x), .value(let y)) where x.utf8.count == y.utf8.count:
        let (doc, act) = (String(x), String(y))
        if let bound = actualFor[doc] {
          if bound != act { return false }
        } else if let other = documentedFor[act], other != doc {
          return false
        } else if let earlier = proposed.first(where: { $0.0 == doc || $0.1 == act }), earlier != (doc, act) {
          return false
        } else {
          proposed.append((doc, act))
        }
      default: return false
      }
    }
    // Times keep their order: a page that shows one event before another cannot bind them to
    // times the other way round.
    let times = proposed.filter { Self.isTimestamp($0.0) }.map(BoundTime.init)
    for time in times {
      for other in timestamps + times where other.page != time.page {
        let pageOrder = time.pageInstant < other.pageInstant
        let printedOrder = time.cloudInstant < other.cloudInstant
        guard pageOrder == printedOrder || time.pageInstant == other.pageInstant else { return false }
      }
    }
    for (doc, act) in proposed {
      actualFor[doc] = act
      documentedFor[act] = doc
    }
    timestamps += times
    return true
  }

  /// A page's timestamp bound to the cloud's, each with its instant, worked out once: every
  /// later time a page binds is set against it.
  private struct BoundTime {
    var page: String
    var pageInstant: String
    var cloudInstant: String

    init(page: String, cloud: String) {
      self.page = page
      pageInstant = Bindings.instant(page)
      cloudInstant = Bindings.instant(cloud)
    }
  }

  /// A timestamp (the volatile values that start with a year).
  private static func isTimestamp(_ value: String) -> Bool {
    value.utf8.count >= 19 && value.utf8.dropFirst(4).first == UInt8(ascii: "-") && !value.utf8.contains(UInt8(ascii: "_"))
      && value.utf8.dropFirst(10).first == UInt8(ascii: "T")
  }

  /// A timestamp as text that sorts in time order whatever its format: the seconds, then the
  /// fraction to six digits.
  private static func instant(_ value: String) -> String {
    let seconds = value.prefix(19)
    let fraction = value.dropFirst(19).drop { $0 == "." }.prefix { $0.isNumber }
    return seconds + fraction.prefix(6) + String(repeating: "0", count: max(0, 6 - fraction.count))
  }

  /// The documented text with every bound value replaced by the cloud's.
  public func substituted(_ text: String) -> String {
    let pattern = Self.pattern(of: text)
    guard pattern.hasValues else { return text }
    return pattern.parts.map { part -> Substring in
      switch part {
      case .text(let text): return text
      case .value(let value): return actualFor[String(value)].map { Substring($0) } ?? value
      }
    }.joined()
  }

  /// The page's values in `lines` that stand for other values of the cloud's, each once, in the
  /// order the lines show them, with the cloud's value.
  public func boundValues(in lines: [String]) -> [(page: String, cloud: String)] {
    var seen: Set<String> = []
    var values: [(page: String, cloud: String)] = []
    for line in lines {
      for case .value(let value) in Self.pattern(of: line).parts {
        let page = String(value)
        guard let cloud = actualFor[page], cloud != page, seen.insert(page).inserted else { continue }
        values.append((page, cloud))
      }
    }
    return values
  }

  /// A printed line with every bound value of the cloud's replaced by the page's, so that
  /// regenerated output keeps the page's IDs and times; values never bound stay as printed.
  public func documented(_ line: String) -> String {
    var text = Self.pattern(of: line).parts.map { part -> Substring in
      switch part {
      case .text(let text): return text
      case .value(let value): return documentedFor[String(value)].map { Substring($0) } ?? value
      }
    }.joined()
    for (actual, documented) in fieldValues { text = Self.replacingWholeValue(actual, with: documented, in: text) }
    return text
  }

  /// `text` with each occurrence of `value` that is a value of its own (not part of a longer
  /// word, number or address) replaced.
  private static func replacingWholeValue(_ value: String, with replacement: String, in text: String) -> String {
    guard !value.isEmpty, text.contains(value) else { return text }
    let continues = { (character: Character?) in
      character.map { $0.isLetter || $0.isNumber || ".:-_".contains($0) } ?? false
    }
    var result = ""
    var rest = text[...]
    while let range = rest.range(of: value) {
      let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
      let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
      result += rest[..<range.lowerBound]
      result += continues(before) || continues(after) ? value : replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }

  /// A lower-case hexadecimal digit: what volatile values are made of, so what must not touch
  /// them.
  private static func isHex(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte)
  }

  /// The length of the volatile value starting at `start`, if one does.
  private static func volatileLength(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
    guard isHex(bytes[start]) else { return nil }
    func hexRun(_ from: Int, _ count: Int) -> Bool {
      start + from + count <= bytes.count && bytes[(start + from)..<(start + from + count)].allSatisfy(isHex)
    }
    func byte(_ offset: Int) -> UInt8? { start + offset < bytes.count ? bytes[start + offset] : nil }
    // 8-4-4-4-12 with dashes or underscores.
    if let separator = byte(8), separator == UInt8(ascii: "-") || separator == UInt8(ascii: "_"), hexRun(0, 8),
      hexRun(9, 4), byte(13) == separator, hexRun(14, 4), byte(18) == separator, hexRun(19, 4), byte(23) == separator,
      hexRun(24, 12)
    {
      return 36
    }
    // Nova's hostId (sha224, 56 hex digits), then Keystone's 32-hex IDs.
    if hexRun(0, 56) { return 56 }
    if hexRun(0, 32) { return 32 }
    // 2025-04-22T16:00:19(.973764)(Z)
    func digits(_ from: Int, _ count: Int) -> Bool {
      start + from + count <= bytes.count && bytes[(start + from)..<(start + from + count)].allSatisfy { (0x30...0x39).contains($0) }
    }
    guard digits(0, 4), byte(4) == 0x2D, digits(5, 2), byte(7) == 0x2D, digits(8, 2), byte(10) == UInt8(ascii: "T"),
      digits(11, 2), byte(13) == 0x3A, digits(14, 2), byte(16) == 0x3A, digits(17, 2)
    else { return nil }
    var length = 19
    if byte(length) == UInt8(ascii: ".") {
      length += 1
      while let next = byte(length), (0x30...0x39).contains(next) { length += 1 }
    }
    if byte(length) == UInt8(ascii: "Z") { length += 1 }
    return length
  }
}
