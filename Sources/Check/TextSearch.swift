extension StringProtocol {
  /// Whether `other`'s bytes occur in the text's: `contains` without Foundation's string search
  /// (CoreFoundation's, which cost a check of a page a sixth of its time) or the standard
  /// library's generic `firstRange(of:)` (slower still, unspecialised).
  func includes(_ other: some StringProtocol) -> Bool {
    let needle = Array(other.utf8)
    guard !needle.isEmpty else { return true }
    return utf8.withContiguousStorageIfAvailable { Self.find(needle, in: $0) } ?? Self.find(needle, in: Array(utf8))
  }

  /// `includes` with ASCII letters of either case alike: `lowercased` is lower-case ASCII.
  /// (`lowercased().includes(...)` without making a lower-case copy of each text searched.)
  func includes(ignoringASCIICase lowercased: String) -> Bool {
    let needle = Array(lowercased.utf8)
    guard !needle.isEmpty else { return true }
    return utf8.withContiguousStorageIfAvailable { Self.findIgnoringASCIICase(needle, in: $0) }
      ?? Self.findIgnoringASCIICase(needle, in: Array(utf8))
  }

  private static func lowered(_ byte: UInt8) -> UInt8 {
    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
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

  private static func findIgnoringASCIICase(_ needle: [UInt8], in haystack: some RandomAccessCollection<UInt8>) -> Bool {
    guard haystack.count >= needle.count else { return false }
    let first = needle[0]
    var start = haystack.startIndex
    let last = haystack.index(haystack.endIndex, offsetBy: -needle.count)
    while start <= last {
      if lowered(haystack[start]) == first, zip(haystack[start...], needle).allSatisfy({ lowered($0) == $1 }) {
        return true
      }
      start = haystack.index(after: start)
    }
    return false
  }
}
