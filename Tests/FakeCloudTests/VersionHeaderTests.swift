import Testing

@testable import FakeCloud

/// `OpenStack-API-Version` as Nova and Cinder read it: two words, the service's name in any case.
@Suite struct VersionHeaderTests {
  @Test func theSecondWordWhenTheFirstNamesTheService() {
    #expect(VersionHeader.version("compute 2.79", service: "compute") == "2.79")
    #expect(VersionHeader.version("COMPUTE latest", service: "compute") == "latest")
    #expect(VersionHeader.version("  Volume   3.1 ", service: "volume") == "3.1")
    // Longer than a string keeps inline, and not ASCII: the same words.
    #expect(VersionHeader.version("compute   2.79-\u{E9}t\u{E9}-and-more", service: "compute") == "2.79-\u{E9}t\u{E9}-and-more")
  }

  @Test func nothingForAnotherServiceOrAnotherShape() {
    #expect(VersionHeader.version("volume 3.1", service: "compute") == nil)
    #expect(VersionHeader.version("compute", service: "compute") == nil)
    #expect(VersionHeader.version("compute 2.1 2.2", service: "compute") == nil)
    #expect(VersionHeader.version("computer 2.1", service: "compute") == nil)
    #expect(VersionHeader.version("", service: "compute") == nil)
  }
}
