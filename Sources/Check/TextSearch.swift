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
/// in one pass over it (a byte that begins no phrase is passed over at once).
struct CaseInsensitivePhrases: Sendable {
  /// For each byte, lowered, the phrases that begin with it (most bytes begin none).
  private let byFirstByte: [[[UInt8]]]
  /// For each byte as it is, whether a phrase begins with it lowered: the test made on every
  /// byte of every output, cheaper than taking the byte's list of phrases to find it empty.
  private let begins: [Bool]

  /// `phrases`: lower-case ASCII, none empty.
  init(_ phrases: [String]) {
    var byFirstByte = [[[UInt8]]](repeating: [], count: 256)
    for phrase in phrases.map({ Array($0.utf8) }) {
      if let first = phrase.first { byFirstByte[Int(first)].append(phrase) }
    }
    self.byFirstByte = byFirstByte
    begins = (0...255).map { !byFirstByte[Int(Self.lowered(UInt8($0)))].isEmpty }
  }

  /// Whether any of the phrases occurs in `text`.
  func occur(in text: String) -> Bool {
    var text = text
    return text.withUTF8 { occur(in: $0) }
  }

  private func occur(in text: UnsafeBufferPointer<UInt8>) -> Bool {
    for start in text.indices where begins[Int(text[start])] {
      let candidates = byFirstByte[Int(Self.lowered(text[start]))]
      for phrase in candidates where phrase.count <= text.count - start && matches(phrase, text, at: start) { return true }
    }
    return false
  }

  private func matches(_ phrase: [UInt8], _ text: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
    var offset = 1
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
