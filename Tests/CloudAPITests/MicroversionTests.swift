import CloudAPI
import Testing

/// Microversions as the services' `APIVersionRequest` reads them: `MAJOR.MINOR`, decimal digits
/// only, compared as numbers.
@Suite struct MicroversionTests {
  @Test(arguments: [("2.51", 2, 51), ("2.0", 2, 0), ("3.9", 3, 9), ("02.010", 2, 10), ("123456789.987654321", 123_456_789, 987_654_321)])
  func readsMajorAndMinor(text: String, major: Int, minor: Int) {
    #expect(Microversion(text) == Microversion(major, minor))
  }

  @Test(arguments: ["", "2", "2.", ".1", "2.5.1", "2..5", "2.x", "latest", "1234567890.1", "1.1234567890", "+2.1", " 2.1", "2.1 ", "٢.١"])
  func refusesAnythingElse(text: String) {
    #expect(Microversion(text) == nil)
  }

  @Test func writesAndOrdersAsNumbers() {
    #expect(Microversion(2, 104).description == "2.104")
    #expect(Microversion(2, 9) < Microversion(2, 10))
  }
}
