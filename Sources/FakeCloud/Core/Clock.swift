import Foundation

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
    let (seconds, micro) = (time / 1_000_000, time % 1_000_000)
    return "\(isoSeconds(seconds)).\(String(format: "%06d", micro))"
  }

  /// `2025-04-22T16:00:19`, without a fraction.
  static func isoSeconds(_ seconds: Int64) -> String {
    var time = time_t(seconds)
    var parts = tm()
    gmtime_r(&time, &parts)
    return String(
      format: "%04d-%02d-%02dT%02d:%02d:%02d", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
      parts.tm_hour, parts.tm_min, parts.tm_sec)
  }
}
