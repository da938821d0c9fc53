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
    isoSeconds(time / 1_000_000) + "." + digits(Int(time % 1_000_000), width: 6)
  }

  /// `2025-04-22T16:00:19`, without a fraction (UTC, proleptic Gregorian calendar).
  static func isoSeconds(_ seconds: Int64) -> String {
    let days = Int(seconds / 86_400)
    let second = Int(seconds % 86_400)
    // Howard Hinnant's days-to-civil conversion.
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return digits(year, width: 4) + "-" + digits(month, width: 2) + "-" + digits(day, width: 2) + "T"
      + digits(second / 3600, width: 2) + ":" + digits(second / 60 % 60, width: 2) + ":" + digits(second % 60, width: 2)
  }

  private static func digits(_ value: Int, width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
  }
}
