import Testing

@testable import OpenStackCLI

/// cliff reads the global options anywhere on the command line; the emulation runs those it
/// models and refuses the others by name.
@Suite struct GlobalOptionsTests {
  func run(_ line: String) -> CommandResult {
    OptionCoverageTests.Bench().run(line.split(separator: " ").map(String.init))
  }

  @Test func globalOptionsAreReadAfterTheCommandWordsToo() throws {
    let globals = try GlobalOptions(
      ["server", "list", "--os-cloud", "x", "--long", "--os-compute-api-version=2.60"], environment: [:],
      clouds: ["x": CloudCredentials(username: "u", password: "p", projectName: "p")])
    #expect(globals.remaining == ["server", "list", "--long"])
    #expect(globals.computeVersion?.description == "2.60")
    #expect(run("server list --os-cloud nosuch").standardError == "Cloud nosuch was not found.\n")
  }

  /// The project a token is scoped to: an ID before a name (keystoneauth), and osc-lib's hidden
  /// `--os-tenant-*` spellings over both (openstacksdk's config strips their `os_`); the
  /// command's own options pass through, with or without a value after `=`.
  @Test func theTenantSpellingsWinOverTheProjectOptions() throws {
    let globals = try GlobalOptions(
      ["--os-tenant-name", "demo", "--os-project-name", "admin", "--log-file=x", "server", "list", "--name=vm", "--long"],
      environment: ["OS_PROJECT_ID": "p1"], clouds: [:])
    #expect(globals.credentials.projectName == "demo")
    #expect(globals.credentials.projectID == "p1")
    #expect(globals.remaining == ["server", "list", "--name=vm", "--long"])
    #expect(globals.refused == "--log-file")
    let byTenantID = try GlobalOptions(
      ["--os-tenant-id", "t1", "--os-project-id", "p2", "token", "issue"], environment: ["OS_TENANT_ID": "t0"], clouds: [:])
    #expect(byTenantID.credentials.projectID == "t1")
  }

  /// Everything after `--` is the command's.
  @Test func aDoubleDashEndsTheGlobalOptions() throws {
    let globals = try GlobalOptions(["share", "show", "--", "--debug"], environment: [:], clouds: [:])
    #expect(globals.remaining == ["share", "show", "--", "--debug"])
  }

  @Test func otherGlobalOptionsAreRefusedByName() {
    let result = run("flavor list --timing")
    #expect(result.standardError == "not simulated: openstack --timing is not emulated\n")
    #expect(result.exitStatus == 127)
    #expect(run("--os-cacert ca.pem flavor list").standardError == "not simulated: openstack --os-cacert is not emulated\n")
  }

  /// openstacksdk refuses a default microversion outside the cloud's range.
  @Test func aComputeMicroversionTheCloudLacksIsRefused() {
    let result = run("flavor list --os-compute-api-version 2.200")
    #expect(result.standardError.hasPrefix(
      "A default microversion for service compute of 2.200 was requested, but the cloud only supports a minimum of 2.1 and a maximum of 2.104."))
    #expect(result.exitStatus == 1)
    #expect(run("--os-compute-api-version 2.60 flavor list -f value -c Name --min-ram 16000").standardOutput == "m1.xlarge\n")
  }

  /// manilaclient's choices are `2.0` to `2.98` as written; the usage error for any other value
  /// lists the global options in an order that changes from run to run.
  @Test func aShareAPIVersionOutsideTheClientsChoicesIsRefused() {
    for version in ["2.200", "abc", "2.05", "3.0"] {
      let result = run("share type list --os-share-api-version \(version)")
      #expect(result.standardError == "not simulated: openstack --os-share-api-version is not emulated\n")
      #expect(result.exitStatus == 127)
    }
    #expect(run("--os-share-api-version 2.98 share type list -f value -c Name").exitStatus == 0)
    #expect(run("--os-share-api-version 2.0 share type list -f value -c Name").exitStatus == 0)
  }

  @Test func resizeConfirmWarnsThatItIsDeprecated() {
    let bench = OptionCoverageTests.Bench()
    _ = bench.run(OptionCoverageTests.serverCreate.split(separator: " ").map(String.init))
    let result = bench.run(["server", "resize", "--confirm", "vm"])
    #expect(result.standardError.hasPrefix(
      "The --confirm option has been deprecated. Please use the 'openstack server resize confirm' command instead.\n"))
  }
}
