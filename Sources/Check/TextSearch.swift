extension StringProtocol {
  /// Whether `other`'s bytes occur in the text's: `contains` without Foundation's string search
  /// (CoreFoundation's, which cost a check of a page a sixth of its time) or the standard
  /// library's generic `firstRange(of:)` (slower still, unspecialised).
  func includes(_ other: some StringProtocol) -> Bool {
    includes(bytes: Array(other.utf8))
  }

  /// Whether `needle` occurs in the text's bytes: ``includes(_:)`` for a needle looked for in
  /// many texts, made into bytes once.
  func includes(bytes needle: [UInt8]) -> Bool {
    guard !needle.isEmpty else { return true }
    return utf8.withContiguousStorageIfAvailable { Self.find(needle, in: $0) } ?? Self.find(needle, in: Array(utf8))
  }

  private static func find(_ needle: [UInt8], in haystack: some RandomAccessCollection<UInt8>) -> Bool {
    guard haystack.count >= needle.count else { return false }
    let first = needle[0]
    var start = haystack.startIndex
    let last = haystack.index(haystack.endIndex, offsetBy: -needle.count)
    while start <= last {
      if haystack[start] == first, haystack[start...].starts(with: needle) { return true }
      start = haystack.index(after: start)
    }
    return false
  }
}

/// Lower-case ASCII phrases looked for in texts whatever the case of their ASCII letters:
/// `lowercased().includes(...)` for each phrase without making a lower-case copy of each text,
/// in one pass over it. Each phrase is looked for where its rarest byte is (its anchor: `u` in
/// `not found`, the apostrophe in `doesn't`), so that the spaces, pipes and hexadecimal IDs that
/// most output lines are made of are passed over at once.
struct CaseInsensitivePhrases: Sendable {
  /// For each byte as it is in a text, the phrases anchored at it lowered, with the anchor's
  /// offset in the phrase.
  private let byAnchor: [[(phrase: [UInt8], offset: Int)]]
  /// For each byte as it is, whether a phrase is anchored at it: the test made on every byte of
  /// every output, cheaper than taking the byte's list of phrases to find it empty.
  private let anchors: [Bool]

  /// `phrases`: lower-case ASCII, none empty.
  init(_ phrases: [String]) {
    var byLoweredAnchor = [[(phrase: [UInt8], offset: Int)]](repeating: [], count: 256)
    for phrase in phrases.map({ Array($0.utf8) }) where !phrase.isEmpty {
      let offset = phrase.indices.min { Self.commonness(phrase[$0]) < Self.commonness(phrase[$1]) }!
      byLoweredAnchor[Int(phrase[offset])].append((phrase, offset))
    }
    byAnchor = (0...255).map { byLoweredAnchor[Int(Self.lowered(UInt8($0)))] }
    anchors = byAnchor.map { !$0.isEmpty }
  }

  /// How often a byte is met in command output, roughly: punctuation least, then letters that
  /// are no hexadecimal digit (by English frequency), then hexadecimal digits, then the space.
  private static func commonness(_ byte: UInt8) -> Int {
    switch byte {
    case UInt8(ascii: " "): 4
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"): 3
    case _ where "tonisrhl".utf8.contains(byte): 2
    case UInt8(ascii: "g")...UInt8(ascii: "z"): 1
    default: 0
    }
  }

  /// Whether any of the phrases occurs in `text`.
  func occur(in text: String) -> Bool {
    var text = text
    return text.withUTF8 { text in anchors.withUnsafeBufferPointer { occur(in: text, anchors: $0) } }
  }

  private func occur(in text: UnsafeBufferPointer<UInt8>, anchors: UnsafeBufferPointer<Bool>) -> Bool {
    for index in text.indices where anchors[Int(text[index])] {
      for (phrase, offset) in byAnchor[Int(text[index])] where index >= offset && text.count - (index - offset) >= phrase.count {
        if matches(phrase, text, at: index - offset) { return true }
      }
    }
    return false
  }

  private func matches(_ phrase: [UInt8], _ text: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
    var offset = 0
    while offset < phrase.count {
      if Self.lowered(text[start + offset]) != phrase[offset] { return false }
      offset += 1
    }
    return true
  }

  private static func lowered(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
  }
}
