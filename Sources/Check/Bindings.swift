/// The values a page cannot know in advance — IDs, request IDs, timestamps — and the cloud's
/// values they stand for. The first time a documented value meets an actual one in the same place
/// they are bound, one to one, for the whole page; later commands that name the documented value
/// run with the bound actual one.
public struct Bindings: Sendable {
  private(set) var actualFor: [String: String] = [:]
  private var documentedFor: [String: String] = [:]
  /// The bound timestamps, page's first, in the order they were bound.
  private var timestamps: [(String, String)] = []

  public init() {}

  /// A line cut into literal text and volatile values.
  struct Pattern: Equatable {
    enum Part: Equatable {
      case text(Substring)
      case value(Substring)
    }
    var parts: [Part]
  }

  /// UUIDs (with dashes, or with underscores as in the dummy driver's paths), 56-hex host IDs,
  /// 32-hex IDs and ISO 8601 timestamps.
  static func pattern(of line: String) -> Pattern {
    var parts: [Pattern.Part] = []
    var index = line.startIndex
    var textStart = line.startIndex
    while index < line.endIndex {
      if let end = volatileEnd(in: line, at: index), isBoundary(line, before: index), isBoundary(line, after: end) {
        if textStart < index { parts.append(.text(line[textStart..<index])) }
        parts.append(.value(line[index..<end]))
        index = end
        textStart = end
      } else {
        index = line.index(after: index)
      }
    }
    if textStart < line.endIndex { parts.append(.text(line[textStart...])) }
    return Pattern(parts: parts)
  }

  /// A line with its volatile values blanked: lines with the same skeleton differ only in IDs and
  /// times.
  static func skeleton(of line: String) -> String {
    pattern(of: line).parts.map { part -> String in
      switch part {
      case .text(let text): return String(text)
      case .value(let value): return "\u{0}\(value.count)\u{0}"
      }
    }.joined()
  }

  /// Binds the values of documented lines to those of printed lines: line by line when the
  /// outputs are as long, and otherwise (rows in another order, rows added) each documented line
  /// to the one printed line of the same skeleton, where there is exactly one.
  mutating func bind(documented: [String], printed: [String]) {
    if documented.count == printed.count {
      for (documentedLine, printedLine) in zip(documented, printed) {
        _ = match(documented: documentedLine, actual: printedLine)
      }
    }
    var printedBySkeleton: [String: [String]] = [:]
    for line in printed { printedBySkeleton[Self.skeleton(of: line), default: []].append(line) }
    var documentedCount: [String: Int] = [:]
    for line in documented { documentedCount[Self.skeleton(of: line), default: 0] += 1 }
    for line in documented {
      let skeleton = Self.skeleton(of: line)
      guard documentedCount[skeleton] == 1, let candidates = printedBySkeleton[skeleton], candidates.count == 1 else {
        continue
      }
      _ = match(documented: line, actual: candidates[0])
    }
  }

  /// Whether the documented line and the printed one are the same but for volatile values that
  /// are, or can be, bound to each other; binds the new ones when they are.
  mutating func match(documented: String, actual: String) -> Bool {
    let (left, right) = (Self.pattern(of: documented), Self.pattern(of: actual))
    guard left.parts.count == right.parts.count else { return false }
    var proposed: [(String, String)] = []
    for (a, b) in zip(left.parts, right.parts) {
      switch (a, b) {
      case (.text(let x), .text(let y)) where x == y: continue
      case (.value(let x), .value(let y)) where x.count == y.count:
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
    let times = proposed.filter { Self.isTimestamp($0.0) }
    for (doc, act) in times {
      for (otherDoc, otherAct) in timestamps + times where otherDoc != doc {
        let pageOrder = Self.instant(doc) < Self.instant(otherDoc)
        let printedOrder = Self.instant(act) < Self.instant(otherAct)
        guard pageOrder == printedOrder || Self.instant(doc) == Self.instant(otherDoc) else { return false }
      }
    }
    for (doc, act) in proposed {
      actualFor[doc] = act
      documentedFor[act] = doc
    }
    timestamps += times
    return true
  }

  /// A timestamp (the volatile values that start with a year).
  private static func isTimestamp(_ value: String) -> Bool {
    value.utf8.count >= 19 && value.utf8.dropFirst(4).first == UInt8(ascii: "-") && !value.contains("_")
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
  func substituted(_ text: String) -> String {
    Self.pattern(of: text).parts.map { part -> Substring in
      switch part {
      case .text(let text): return text
      case .value(let value): return actualFor[String(value)].map { Substring($0) } ?? value
      }
    }.joined()
  }

  private static func isBoundary(_ line: String, before index: String.Index) -> Bool {
    index == line.startIndex || !isHex(line[line.index(before: index)])
  }

  private static func isBoundary(_ line: String, after index: String.Index) -> Bool {
    index == line.endIndex || !isHex(line[index])
  }

  private static func isHex(_ character: Character) -> Bool {
    character.isASCII && character.isHexDigit && !character.isUppercase
  }

  /// The end of a volatile value starting at `index`.
  private static func volatileEnd(in line: String, at index: String.Index) -> String.Index? {
    let rest = line[index...].utf8.prefix(64)
    let bytes = Array(rest)
    func hexRun(_ from: Int, _ count: Int) -> Bool {
      from + count <= bytes.count
        && bytes[from..<(from + count)].allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
    // 8-4-4-4-12 with dashes or underscores.
    for separator in [UInt8(ascii: "-"), UInt8(ascii: "_")] {
      if hexRun(0, 8), bytes.count >= 36, bytes[8] == separator, hexRun(9, 4), bytes[13] == separator, hexRun(14, 4),
        bytes[18] == separator, hexRun(19, 4), bytes[23] == separator, hexRun(24, 12)
      {
        return line.utf8.index(index, offsetBy: 36)
      }
    }
    // Nova's hostId (sha224, 56 hex digits), then Keystone's 32-hex IDs.
    if hexRun(0, 56) { return line.utf8.index(index, offsetBy: 56) }
    if hexRun(0, 32) { return line.utf8.index(index, offsetBy: 32) }
    // 2025-04-22T16:00:19(.973764)(Z)
    func digits(_ from: Int, _ count: Int) -> Bool {
      from + count <= bytes.count && bytes[from..<(from + count)].allSatisfy { (0x30...0x39).contains($0) }
    }
    if digits(0, 4), bytes.count >= 19, bytes[4] == 0x2D, digits(5, 2), bytes[7] == 0x2D, digits(8, 2),
      bytes[10] == UInt8(ascii: "T"), digits(11, 2), bytes[13] == 0x3A, digits(14, 2), bytes[16] == 0x3A, digits(17, 2)
    {
      var end = 19
      if end < bytes.count, bytes[end] == UInt8(ascii: ".") {
        end += 1
        while end < bytes.count, (0x30...0x39).contains(bytes[end]) { end += 1 }
      }
      if end < bytes.count, bytes[end] == UInt8(ascii: "Z") { end += 1 }
      return line.utf8.index(index, offsetBy: end)
    }
    return nil
  }
}
