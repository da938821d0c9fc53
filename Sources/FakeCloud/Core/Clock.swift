import CloudAPI

/// The cloud's virtual time: a fixed start and microsecond steps, so that timestamps are the
/// same on every run.
struct VirtualClock {
  /// Microseconds since the Unix epoch.
  private(set) var now: Int64

  /// 2025-04-22T16:00:00Z, the day of the Shared File Systems walkthrough.
  init(start: Int64 = 1_745_337_600_000_000) {
    now = start
  }

  mutating func advance(microseconds: Int64) {
    now += max(0, microseconds)
  }

  /// Sets the time, for work that happened at a moment between two requests.
  mutating func set(_ time: Int64) {
    now = time
  }

  /// `2025-04-22T16:00:19.973764`, as Manila and Neutron's oslo serialisation print times;
  /// `suffix` (`Z`) written after it, in the same string.
  static func isoMicroseconds(_ time: Int64, suffix: StaticString = "") -> String {
    iso(seconds: time / 1_000_000, microseconds: Int(time % 1_000_000), suffix: suffix)
  }

  /// `2025-04-22T16:00:19`, without a fraction (UTC, proleptic Gregorian calendar); `suffix`
  /// (`Z`, `.000000`) written after it, in the same string.
  static func isoSeconds(_ seconds: Int64, suffix: StaticString = "") -> String {
    iso(seconds: seconds, microseconds: nil, suffix: suffix)
  }

  private static func iso(seconds: Int64, microseconds: Int?, suffix: StaticString) -> String {
    let second = Int(seconds % 86_400)
    let (year, month, day) = CivilTime.date(days: Int(seconds / 86_400))
    // Timestamps are made for every view: written straight into the string's storage (41 bytes
    // at most: a year of 19 digits and the rest), the suffix too (appending it had cost a
    // fifth of the timestamp).
    return String(unsafeUninitializedCapacity: 41 + suffix.utf8CodeUnitCount) { text in
      var end = 0
      write(year, width: 4, into: text, at: &end, after: nil)
      write(month, width: 2, into: text, at: &end, after: "-")
      write(day, width: 2, into: text, at: &end, after: "-")
      write(second / 3600, width: 2, into: text, at: &end, after: "T")
      write(second / 60 % 60, width: 2, into: text, at: &end, after: ":")
      write(second % 60, width: 2, into: text, at: &end, after: ":")
      if let microseconds { write(microseconds, width: 6, into: text, at: &end, after: ".") }
      for byte in UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount) {
        text[end] = byte
        end += 1
      }
      return end
    }
  }

  /// A separator, then the value in decimal, zero-padded to `width` digits (more if it needs).
  private static func write(
    _ value: Int, width: Int, into text: UnsafeMutableBufferPointer<UInt8>, at end: inout Int,
    after separator: Unicode.Scalar?
  ) {
    if let separator {
      text[end] = UInt8(ascii: separator)
      end += 1
    }
    var count = 1
    var bound = 10
    while value >= bound {
      count += 1
      bound *= 10
    }
    // From the right, zeros where the value has no more digits.
    var rest = value
    var index = end + max(width, count)
    end = index
    while index > end - max(width, count) {
      index -= 1
      text[index] = rest > 0 ? UInt8(ascii: "0") + UInt8(rest % 10) : UInt8(ascii: "0")
      rest /= 10
    }
  }
}
