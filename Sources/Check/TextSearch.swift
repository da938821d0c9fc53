extension StringProtocol {
  /// Whether `other`'s bytes occur in the text's: `contains` without Foundation's string search
  /// (CoreFoundation's, which cost a check of a page a sixth of its time) or the standard
  /// library's generic `firstRange(of:)` (slower still, unspecialised).
  func includes(_ other: some StringProtocol) -> Bool {
    let needle = Array(other.utf8)
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

/// Lower-case ASCII text looked for in texts whatever the case of their ASCII letters:
/// `lowercased().includes(...)` without making a lower-case copy of each text searched.
struct CaseInsensitivePhrase: Sendable {
  private let bytes: [UInt8]

  /// `phrase`: lower-case ASCII.
  init(_ phrase: String) { bytes = Array(phrase.utf8) }

  func occurs(in text: String) -> Bool {
    var text = text
    return text.withUTF8 { occurs(in: $0) }
  }

  private func occurs(in text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard text.count >= bytes.count else { return false }
    candidates: for start in 0...(text.count - bytes.count) {
      for offset in 0..<bytes.count where Self.lowered(text[start + offset]) != bytes[offset] { continue candidates }
      return true
    }
    return false
  }

  private static func lowered(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
  }
}
