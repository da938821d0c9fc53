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

  /// Written digit by digit into the string's own bytes (no number formatted through a protocol,
  /// no pieces joined): every request to Nova, Cinder and Manila and every answer carries its
  /// version in a header or two.
  public var description: String { text(after: "") }

  /// `PREFIX MAJOR.MINOR`, such as `compute 2.79` (`OpenStack-API-Version`'s value), made at
  /// once.
  public func text(after prefix: StaticString) -> String {
    guard major >= 0, minor >= 0 else { return prefix.description + String(major) + "." + String(minor) }
    let majorDigits = Self.digitCount(major)
    let minorDigits = Self.digitCount(minor)
    return String(unsafeUninitializedCapacity: prefix.utf8CodeUnitCount + majorDigits + 1 + minorDigits) { buffer in
      var end = 0
      prefix.withUTF8Buffer { bytes in
        for byte in bytes {
          buffer[end] = byte
          end += 1
        }
      }
      end += majorDigits
      Self.writeDigits(of: major, endingAt: end, in: buffer)
      buffer[end] = UInt8(ascii: ".")
      end += 1 + minorDigits
      Self.writeDigits(of: minor, endingAt: end, in: buffer)
      return end
    }
  }

  private static func digitCount(_ value: Int) -> Int {
    var count = 1
    var rest = value / 10
    while rest > 0 {
      count += 1
      rest /= 10
    }
    return count
  }

  /// The decimal digits of a non-negative `value`, the last one just before `end`.
  private static func writeDigits(of value: Int, endingAt end: Int, in buffer: UnsafeMutableBufferPointer<UInt8>) {
    var rest = value
    var index = end
    repeat {
      index -= 1
      buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
      rest /= 10
    } while rest > 0
  }

  public static func < (lhs: Microversion, rhs: Microversion) -> Bool {
    (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
  }
}

/// A service's version header values for the microversion used last (`2.79` and
/// `compute 2.79`), kept: every request to Nova, Cinder and Manila and every answer names its
/// version, nearly always the same one.
public struct VersionHeaderTexts {
  private let service: StaticString
  private var last: (version: Microversion, plain: String, named: String)?

  /// `service` is the word before the version in `OpenStack-API-Version`, with its space.
  public init(service: StaticString) { self.service = service }

  /// The version as it is (`X-OpenStack-Nova-API-Version`) and after the service's name
  /// (`OpenStack-API-Version`).
  public mutating func texts(for version: Microversion) -> (plain: String, named: String) {
    if let last, last.version == version { return (last.plain, last.named) }
    let texts = (plain: version.description, named: version.text(after: service))
    last = (version, texts.plain, texts.named)
    return texts
  }
}
