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
    // Read as the bytes go by, no part cut out: each part one to nine digits.
    var parts = [(value: 0, digits: 0), (value: 0, digits: 0)]
    var part = 0
    for byte in text.utf8 {
      if byte == UInt8(ascii: "."), part == 0 {
        part = 1
        continue
      }
      guard byte &- UInt8(ascii: "0") < 10, parts[part].digits < 9 else { return nil }
      parts[part] = (parts[part].value * 10 + Int(byte &- UInt8(ascii: "0")), parts[part].digits + 1)
    }
    guard part == 1, parts[0].digits > 0, parts[1].digits > 0 else { return nil }
    self.init(parts[0].value, parts[1].value)
  }

  /// Written without interpolation (which formats each number through a protocol): every
  /// answer of Nova, Cinder and Manila carries its version in a header.
  public var description: String { String(major) + "." + String(minor) }

  public static func < (lhs: Microversion, rhs: Microversion) -> Bool {
    (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
  }
}
