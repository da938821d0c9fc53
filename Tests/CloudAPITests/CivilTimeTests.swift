import CloudAPI
import Testing

/// Dates as Python's `datetime` writes and reads them (expected values from CPython 3.11).
@Suite struct CivilTimeTests {
  @Test func isoformatWritesTheFractionOnlyWhenThereIsOne() {
    #expect(CivilTime.isoformat(0) == "1970-01-01T00:00:00")
    #expect(CivilTime.isoformat(1_745_337_619_973_764) == "2025-04-22T16:00:19.973764")
    #expect(CivilTime.isoformat(1_745_337_619_000_001) == "2025-04-22T16:00:19.000001")
    #expect(CivilTime.isoformat(-1) == "1969-12-31T23:59:59.999999")
    #expect(CivilTime.dateText(951_782_400_000_000) == "2000-02-29")
  }

  /// `datetime.strptime(text, '%Y-%m-%d')` for each text, with its error where it has one.
  @Test(arguments: [
    ("2025-4-1", "2025-04-01"), ("2025-04-01", "2025-04-01"), ("2024-02-29", "2024-02-29"), ("2025-04- 1", "2025-04-01"),
    ("2025-02-30", "day is out of range for month"), ("2023-02-29", "day is out of range for month"),
    ("2025-04-31", "day is out of range for month"), ("2025-13-01", "format"), ("22-04-2025", "format"),
    ("2025-00-10", "format"), ("12345-01-01", "format"), ("+2025-04-01", "format"), ("2025-4-00", "format"),
    ("2025-04-01 ", "unconverted data remains:  "), ("2025-04-011", "unconverted data remains: 1"),
    ("2025-4-010", "unconverted data remains: 0"), ("2025-04-1x", "unconverted data remains: x"),
  ])
  func parseDateMatchesStrptime(text: String, expected: String) {
    switch CivilTime.parseDate(text) {
    case .success(let time): #expect(CivilTime.dateText(time) == expected && time % 86_400_000_000 == 0)
    case .failure(.format): #expect(expected == "format")
    case .failure(.unconverted(let rest)): #expect("unconverted data remains: \(rest)" == expected)
    case .failure(.dayOutOfRange): #expect(expected == "day is out of range for month")
    case .failure(.secondOutOfRange): Issue.record("a date has no seconds")
    }
  }

  /// `datetime.strptime(text, '%Y-%m-%dT%H:%M:%S')`, as `application credential create
  /// --expiration` reads its date (expected values from CPython 3.11).
  @Test(arguments: [
    ("2027-01-02T03:04:05", "2027-01-02T03:04:05"), ("2027-1-2t3:4:5", "2027-01-02T03:04:05"),
    ("2027-01-02T23:59:59", "2027-01-02T23:59:59"), ("2027-01-02T24:00:00", "format"), ("2027-01-02", "format"),
    ("2027-01-02T03:04:60", "second must be in 0..59"), ("2027-01-02T03:04:61", "second must be in 0..59"),
    ("2027-01-02T03:04:62", "unconverted data remains: 2"), ("2027-01-02T03:04:05Z", "unconverted data remains: Z"),
    ("2027-02-29T00:00:00", "day is out of range for month"), ("2027-01-02 03:04:05", "format"),
  ])
  func strptimeReadsTimes(text: String, expected: String) {
    switch CivilTime.strptime(text, format: "%Y-%m-%dT%H:%M:%S") {
    case .success(let time): #expect(CivilTime.isoformat(time) == expected)
    case .failure(.format): #expect(expected == "format")
    case .failure(.unconverted(let rest)): #expect("unconverted data remains: \(rest)" == expected)
    case .failure(.dayOutOfRange): #expect(expected == "day is out of range for month")
    case .failure(.secondOutOfRange): #expect(expected == "second must be in 0..59")
    }
  }
}
