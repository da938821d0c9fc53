import Testing

@testable import OpenStackCLI

/// The commands an API version loads (`Scripts/capture-command-groups.py`); the golden
/// `api-version-command-sets` compares the unloaded sets with the real client.
@Suite struct CommandGroupsTests {
  private func run(_ arguments: [String], environment: [String: String] = [:]) -> CommandResult {
    OpenStackClient(transport: UnreachableCloud(), sleep: { _ in }).run(arguments, environment: environment)
  }

  @Test func theCapturedNamesAreCommandsOfTheClient() {
    let all = Set(CommandNames.all)
    for service in CommandGroups.services {
      let names = service.names.split(separator: "\n").map(String.init)
      #expect(!names.isEmpty && names.allSatisfy(all.contains), "\(service.name)")
    }
  }

  /// Identity v2, image v1 and volume v2 load commands of their own; a version the client warns
  /// of and loads its major for goes on to the service's version discovery.
  @Test(arguments: [
    ["--os-identity-api-version", "2"], ["--os-identity-api-version", "2.0"], ["--os-image-api-version", "1"],
    ["--os-volume-api-version", "2"], ["--os-network-api-version", "2.1"], ["--os-identity-api-version", "3.0"],
  ])
  func otherCommandSetsAreNotSimulated(option: [String]) {
    let result = run(option + ["flavor", "list"])
    #expect(!result.isSimulated)
    #expect(result.standardError == "not simulated: openstack \(option.joined(separator: " ")) is not emulated\n")
  }

  @Test func theEnvironmentsVersionUnloadsToo() {
    let result = run(["server", "list"], environment: ["OS_COMPUTE_API_VERSION": "3"])
    #expect(result.standardOutput.hasPrefix("openstack: 'server list' is not an openstack command."))
    #expect(result.exitStatus == 2)
  }

  @Test func theLoadedMajorsKeepEveryCommand() {
    var versions: [String: String] = [
      "--os-compute-api-version": "2.95", "--os-network-api-version": "2.0", "--os-identity-api-version": "3",
      "--os-image-api-version": "2", "--os-volume-api-version": "3.70",
    ]
    let loading = CommandGroups.loading { option, _ in versions[option] }
    #expect(loading.unloaded.isEmpty && loading.warnings.isEmpty && loading.refused == nil)
    versions["--os-network-api-version"] = "1"
    let warnings = CommandGroups.loading { option, _ in versions[option] }.warnings
    #expect(warnings == "network API version 1 is not in supported versions: 2, 2.0\n")
  }
}
