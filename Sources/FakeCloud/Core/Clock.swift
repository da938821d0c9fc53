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

  /// `2025-04-22T16:00:19.973764`, as Manila and Neutron's oslo serialisation print times.
  static func isoMicroseconds(_ time: Int64) -> String {
    iso(seconds: time / 1_000_000, microseconds: Int(time % 1_000_000))
  }

  /// `2025-04-22T16:00:19`, without a fraction (UTC, proleptic Gregorian calendar).
  static func isoSeconds(_ seconds: Int64) -> String {
    iso(seconds: seconds, microseconds: nil)
  }

  private static func iso(seconds: Int64, microseconds: Int?) -> String {
    let second = Int(seconds % 86_400)
    let (year, month, day) = CivilTime.date(days: Int(seconds / 86_400))
    // Timestamps are made for every view: bytes, not string concatenation.
    var text: [UInt8] = []
    text.reserveCapacity(26)
    appendDigits(year, width: 4, to: &text, after: nil)
    appendDigits(month, width: 2, to: &text, after: "-")
    appendDigits(day, width: 2, to: &text, after: "-")
    appendDigits(second / 3600, width: 2, to: &text, after: "T")
    appendDigits(second / 60 % 60, width: 2, to: &text, after: ":")
    appendDigits(second % 60, width: 2, to: &text, after: ":")
    if let microseconds { appendDigits(microseconds, width: 6, to: &text, after: ".") }
    return String(decoding: text, as: UTF8.self)
  }

  /// A separator, then the value in decimal, zero-padded to `width` digits (more if it needs).
  private static func appendDigits(_ value: Int, width: Int, to text: inout [UInt8], after separator: Unicode.Scalar?) {
    if let separator { text.append(UInt8(ascii: separator)) }
    var count = 1
    var bound = 10
    while value >= bound {
      count += 1
      bound *= 10
    }
    // Zeros first, then the digits written over them from the right: no array of digits.
    text.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(width, count)))
    var rest = value
    var index = text.count - 1
    while rest > 0 {
      text[index] = UInt8(ascii: "0") + UInt8(rest % 10)
      rest /= 10
      index -= 1
    }
  }
}
