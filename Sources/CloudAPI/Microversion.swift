/// An API microversion such as `2.51`: compared numerically, so `2.9` comes before `2.10`.
public struct Microversion: Comparable, Hashable, Sendable, CustomStringConvertible {
  public var major: Int
  public var minor: Int

  public init(_ major: Int, _ minor: Int) {
    self.major = major
    self.minor = minor
  }

  /// Parses `2.51`; `nil` for anything else (`2`, `2.x`, `latest`).
  /// `MAJOR.MINOR` in decimal digits. Read as bytes: every request carries one.
  public init?(_ text: String) {
    // Read as the bytes go by, no part cut out and no array made (every request to Nova, Cinder
    // and Manila names one): each part one to nine digits.
    var major = (value: 0, digits: 0)
    var minor = (value: 0, digits: 0)
    var inMinor = false
    for byte in text.utf8 {
      if byte == UInt8(ascii: "."), !inMinor {
        inMinor = true
        continue
      }
      let digit = byte &- UInt8(ascii: "0")
      guard digit < 10, (inMinor ? minor : major).digits < 9 else { return nil }
      if inMinor {
        minor = (minor.value * 10 + Int(digit), minor.digits + 1)
      } else {
        major = (major.value * 10 + Int(digit), major.digits + 1)
      }
    }
    guard inMinor, major.digits > 0, minor.digits > 0 else { return nil }
    self.init(major.value, minor.value)
  }

  /// Written without interpolation (which formats each number through a protocol): every
  /// answer of Nova, Cinder and Manila carries its version in a header.
  public var description: String { String(major) + "." + String(minor) }

  public static func < (lhs: Microversion, rhs: Microversion) -> Bool {
    (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
  }
}
