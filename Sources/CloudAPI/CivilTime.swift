/// Dates of the proleptic Gregorian calendar in UTC, as Python's `datetime` counts them, from and
/// to microseconds since the Unix epoch (Howard Hinnant's civil-date algorithms).
public enum CivilTime {
  /// The day number (days since 1970-01-01) of a date.
  public static func days(year: Int, month: Int, day: Int) -> Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The date of a day number.
  public static func date(days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// `strftime("%Y-%m-%d")` of a time.
  public static func dateText(_ microseconds: Int64) -> String {
    let date = date(days: Int(floorDivide(microseconds, 86_400_000_000)))
    return padded(date.year, 4) + "-" + padded(date.month, 2) + "-" + padded(date.day, 2)
  }

  /// A naive `datetime`'s `isoformat()`: `2025-04-22T16:00:19.973764`, without the fraction
  /// when it is zero.
  public static func isoformat(_ microseconds: Int64) -> String {
    let second = Int(floorDivide(microseconds, 1_000_000) - floorDivide(microseconds, 86_400_000_000) * 86_400)
    let fraction = Int(microseconds - floorDivide(microseconds, 1_000_000) * 1_000_000)
    var text = dateText(microseconds) + "T" + padded(second / 3600, 2) + ":" + padded(second / 60 % 60, 2) + ":"
    text += padded(second % 60, 2)
    return fraction == 0 ? text : text + "." + padded(fraction, 6)
  }

  /// Why `datetime.strptime` refuses a date.
  public enum DateError: Error, Equatable {
    /// The text does not begin with the format: `time data '...' does not match format '%Y-%m-%d'`.
    case format
    /// Text after the date: `unconverted data remains: ...`.
    case unconverted(String)
    /// The format matched a day the month does not have: `day is out of range for month`.
    case dayOutOfRange
  }

  /// `datetime.strptime(text, "%Y-%m-%d")`, with `_strptime`'s patterns: four digits, a dash, a
  /// month (`1[0-2]|0[1-9]|[1-9]`), a dash, a day (`3[01]|[12]\d|0[1-9]|[1-9]| [1-9]`), nothing
  /// after; midnight of that day.
  public static func parseDate(_ text: String) -> Result<Int64, DateError> {
    let bytes = Array(text.utf8)
    func digit(_ index: Int, _ range: ClosedRange<UInt8> = 48...57) -> Bool { index < bytes.count && range.contains(bytes[index]) }
    func value(_ range: Range<Int>) -> Int { bytes[range].reduce(0) { $0 * 10 + Int($1) - 48 } }
    guard bytes.count > 5, (0..<4).allSatisfy({ digit($0) }), bytes[4] == UInt8(ascii: "-") else { return .failure(.format) }
    let year = value(0..<4)
    // The month's alternatives in their order, each followed by the dash.
    let monthLengths = [(digit(5, 49...49) && digit(6, 48...50)) ? 2 : 0, (digit(5, 48...48) && digit(6, 49...57)) ? 2 : 0, digit(5, 49...57) ? 1 : 0]
    guard let monthLength = monthLengths.first(where: { $0 > 0 && 5 + $0 < bytes.count && bytes[5 + $0] == UInt8(ascii: "-") }) else {
      return .failure(.format)
    }
    let month = value(5..<(5 + monthLength))
    let dayStart = 6 + monthLength
    let dayRange: Range<Int>? =
      if digit(dayStart, 51...51) && digit(dayStart + 1, 48...49) { dayStart..<(dayStart + 2) }
      else if digit(dayStart, 49...50) && digit(dayStart + 1) { dayStart..<(dayStart + 2) }
      else if digit(dayStart, 48...48) && digit(dayStart + 1, 49...57) { dayStart..<(dayStart + 2) }
      else if digit(dayStart, 49...57) { dayStart..<(dayStart + 1) }
      else if dayStart < bytes.count, bytes[dayStart] == UInt8(ascii: " "), digit(dayStart + 1, 49...57) { (dayStart + 1)..<(dayStart + 2) }
      else { nil }
    guard let dayRange else { return .failure(.format) }
    guard dayRange.upperBound == bytes.count else {
      return .failure(.unconverted(String(decoding: bytes[dayRange.upperBound...], as: UTF8.self)))
    }
    let day = value(dayRange)
    guard day <= daysIn(month: month, year: year) else { return .failure(.dayOutOfRange) }
    return .success(Int64(days(year: year, month: month, day: day)) * 86_400_000_000)
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    if month == 2 { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28 }
    return [4, 6, 9, 11].contains(month) ? 30 : 31
  }

  private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
    value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
  }

  private static func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
