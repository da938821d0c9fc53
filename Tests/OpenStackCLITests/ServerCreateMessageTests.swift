import Testing

@testable import OpenStackCLI

/// What `server create` says before it asks Nova for anything, in the real client's words.
@Suite struct ServerCreateMessageTests {
  func run(_ line: String) -> CommandResult {
    OptionCoverageTests.Bench().run(line.split(separator: " ").map(String.init))
  }

  @Test func anUnknownNetworkIsTheSDKsNotFound() {
    let result = run("server create --flavor m1.tiny --image cirros-0.4.0-x86_64-disk --network nosuch vm")
    #expect(result.standardError == "No Network found for nosuch\n")
    #expect(result.exitStatus == 1)
  }

  /// The flavor is looked up before the missing image is noticed.
  @Test func withoutAnImageTheFlavorIsLookedUpFirst() {
    #expect(
      run("server create --flavor m1.tiny --network private vm").standardError
        == "An image (--image, --image-property) or bootable volume (--volume, --snapshot, --block-device) is required\n")
    #expect(run("server create --flavor m1.nosuch vm").standardError == "No Flavor found for m1.nosuch\n")
  }
}
