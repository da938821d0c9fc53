import Testing

@testable import OpenStackCLI

/// `volume message list --limit` below 3.5: Cinder links to a next page it does not serve (it
/// ignores the marker), and the real client would follow the link for ever.
@Suite struct VolumeMessageListTests {
  @Test func aLimitBelow35IsRefusedByName() {
    let bench = OptionCoverageTests.Bench()
    let refused = bench.run(["--os-volume-api-version", "3.3", "volume", "message", "list", "--limit", "2"])
    #expect(refused.exitStatus == 127)
    #expect(refused.standardError.hasPrefix("not simulated: volume message list --limit below --os-volume-api-version 3.5"))
    #expect(bench.run(["--os-volume-api-version", "3.5", "volume", "message", "list", "--limit", "2"]).exitStatus == 0)
    #expect(bench.run(["--os-volume-api-version", "3.3", "volume", "message", "list", "--marker", "x"]).exitStatus == 0)
  }
}
