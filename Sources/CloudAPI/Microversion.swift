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
    let parts = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    guard parts.count == 2, let major = Self.decimal(parts[0]), let minor = Self.decimal(parts[1]) else { return nil }
    self.init(major, minor)
  }

  private static func decimal(_ digits: Substring.UTF8View) -> Int? {
    guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) else { return nil }
    return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
  }

  public var description: String { "\(major).\(minor)" }

  public static func < (lhs: Microversion, rhs: Microversion) -> Bool {
    (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
  }
}
