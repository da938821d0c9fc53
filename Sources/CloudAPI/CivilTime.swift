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
    /// `%S` matched a leap second (60 or 61), which `datetime` refuses: `second must be in 0..59`.
    case secondOutOfRange

  }

  /// `datetime.strptime(text, "%Y-%m-%d")`: midnight of that day.
  public static func parseDate(_ text: String) -> Result<Int64, DateError> {
    strptime(text, format: "%Y-%m-%d")
  }

  /// `_strptime`'s patterns of the directives read here, each a list of alternatives tried in
  /// order, as its regular expression tries them: each alternative a list of byte ranges, one a
  /// byte.
  private static let directives: [Character: [[ClosedRange<UInt8>]]] = {
    let digit: ClosedRange<UInt8> = 48...57
    func one(_ byte: UInt8) -> ClosedRange<UInt8> { byte...byte }
    return [
      "Y": [[digit, digit, digit, digit]],
      "m": [[one(49), 48...50], [one(48), 49...57], [49...57]],
      "d": [[one(51), 48...49], [49...50, digit], [one(48), 49...57], [49...57], [one(32), 49...57]],
      "H": [[one(50), 48...51], [48...49, digit], [digit]],
      "M": [[48...53, digit], [digit]],
      "S": [[one(54), 48...49], [48...53, digit], [digit]],
    ]
  }()

  /// `datetime.strptime(text, format)` for a format of `%Y`, `%m`, `%d`, `%H`, `%M`, `%S` and
  /// plain characters (matched regardless of case, as `_strptime` compiles its expression with
  /// `IGNORECASE`): the first match by the patterns' order, anchored at the start, then nothing
  /// after it; the time in microseconds since the epoch.
  public static func strptime(_ text: String, format: String) -> Result<Int64, DateError> {
    enum Piece {
      case literal(UInt8)
      case directive(Character, [[ClosedRange<UInt8>]])
    }
    var pieces: [Piece] = []
    var characters = Array(format)[...]
    while let character = characters.popFirst() {
      if character == "%", let name = characters.popFirst(), let alternatives = directives[name] {
        pieces.append(.directive(name, alternatives))
      } else {
        pieces.append(contentsOf: String(character).utf8.map(Piece.literal))
      }
    }
    let bytes = Array(text.utf8)
    func folded(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }
    var values: [Character: Int] = [:]
    // The end of the first match of `pieces[index...]` from `position`, the values read.
    func match(_ index: Int, _ position: Int) -> Int? {
      guard index < pieces.count else { return position }
      switch pieces[index] {
      case .literal(let byte):
        guard position < bytes.count, folded(bytes[position]) == folded(byte) else { return nil }
        return match(index + 1, position + 1)
      case .directive(let name, let alternatives):
        for ranges in alternatives where position + ranges.count <= bytes.count {
          let span = bytes[position..<(position + ranges.count)]
          guard zip(span, ranges).allSatisfy({ $1.contains($0) }) else { continue }
          guard let end = match(index + 1, position + ranges.count) else { continue }
          values[name] = span.reduce(0) { $1 == 32 ? $0 : $0 * 10 + Int($1) - 48 }
          return end
        }
        return nil
      }
    }
    guard let end = match(0, 0) else { return .failure(.format) }
    guard end == bytes.count else { return .failure(.unconverted(String(decoding: bytes[end...], as: UTF8.self))) }
    let (year, month, day) = (values["Y"] ?? 1900, values["m"] ?? 1, values["d"] ?? 1)
    guard day <= daysIn(month: month, year: year) else { return .failure(.dayOutOfRange) }
    let second = values["S"] ?? 0
    guard second < 60 else { return .failure(.secondOutOfRange) }
    let seconds = Int64(days(year: year, month: month, day: day)) * 86_400
      + Int64((values["H"] ?? 0) * 3600 + (values["M"] ?? 0) * 60 + second)
    return .success(seconds * 1_000_000)
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
