import CloudAPI
import Testing

/// Microversions as the services read them (Nova's `APIVersionRequest` pattern
/// `^([1-9]\d*)\.([1-9]\d*|0)$`, Cinder's and Manila's alike): two decimal numbers and a dot,
/// compared as numbers. Only the forms every service agrees on are asserted here: the services
/// differ on leading zeros, and Python's `\d` also takes other scripts' digits.
@Suite struct MicroversionTests {
  @Test(arguments: [("2.51", 2, 51), ("2.0", 2, 0), ("3.9", 3, 9), ("2.104", 2, 104)])
  func readsMajorAndMinor(text: String, major: Int, minor: Int) {
    #expect(Microversion(text) == Microversion(major, minor))
  }

  @Test(arguments: ["", "2", "2.", ".1", "2.5.1", "2..5", "2.x", "latest", "+2.1", " 2.1", "2.1 ", "-2.1"])
  func refusesWhatNoServiceReads(text: String) {
    #expect(Microversion(text) == nil)
  }

  @Test func writesAndOrdersAsNumbers() {
    #expect(Microversion(2, 104).description == "2.104")
    #expect(Microversion(2, 0).description == "2.0")
    #expect(Microversion(10, 9).description == "10.9")
    #expect(Microversion(Int.max, 0).description == "\(Int.max).0")
    #expect(Microversion(2, 9) < Microversion(2, 10))
  }

  /// `OpenStack-API-Version`'s value, written with its service's name.
  @Test func writesAfterAServiceName() {
    #expect(Microversion(2, 100).text(after: "compute ") == "compute 2.100")
    #expect(Microversion(3, 71).text(after: "volume ") == "volume 3.71")
    #expect(Microversion(2, 92).text(after: "shared-file-system ") == "shared-file-system 2.92")
    #expect(Microversion(-1, 5).text(after: "x ") == "x -1.5")
  }
}
