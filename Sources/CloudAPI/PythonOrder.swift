#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension String {
  /// Whether the string sorts before `other` as Python sorts `str`: by code point. UTF-8 keeps
  /// that order in its bytes, so the bytes are compared, without String's Unicode comparison (a
  /// show command sorts a few dozen keys, and comparing their scalars cost a tenth of it).
  public func precedesByCodePoint(_ other: String) -> Bool {
    var first = self
    var second = other
    return first.withUTF8 { left in
      second.withUTF8 { right in
        let common = Swift.min(left.count, right.count)
        let order = common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
        return order != 0 ? order < 0 : left.count < right.count
      }
    }
  }
}
