import Testing

@testable import Check
@testable import FakeCloud

/// Nova's server shares and the Manila access they need (`server_shares.py`, the compute
/// manager's `allow_share`/`deny_share`/`_check_share_usage`).
@Suite struct ServerShareTests {
  /// devstack with file-backed guest memory, read from a cloud file as a user would write it.
  static func cloud() throws -> CloudDefinition {
    try CloudDefinition(
      yaml: "compute_hosts:\n  - {name: devstack, vcpus: 8, memory: 7680, disk: 80, file_backed_memory: true}\n",
      file: "file-backed.yaml")
  }

  /// Runs the lines, waiting out the host's work after each (a few cheap commands).
  static func run(_ session: Session, _ lines: [String]) -> [String] {
    lines.map { line in
      let result = session.run(line)
      for _ in 0..<3 { _ = session.run("openstack share list -f value -c ID") }
      return result.standardOutput + result.standardError
    }
  }

  static func rules(_ session: Session) -> String {
    session.run("openstack share access list data -f value -c \"Access To\" -c State").standardOutput
  }

  @Test func theCloudFileSaysWhichHostsBackMemoryWithFiles() throws {
    #expect(try Self.cloud().computeHosts.map(\.fileBackedMemory) == [true])
    #expect(CloudDefinition.devstack.computeHosts.map(\.fileBackedMemory) == [false])
    #expect(throws: CloudFileError.self) {
      try CloudDefinition(yaml: "compute_hosts:\n  - {name: h, vcpus: 1, memory: 1, disk: 1, file_backed_memory: maybe}\n", file: "f")
    }
  }

  /// Two servers of one host share one rule for the host's address: it stays while either
  /// still maps the share, and goes with the last.
  @Test func theHostsRuleGoesWithItsLastMapping() throws {
    let session = Session(cloud: FakeCloud(definition: try Self.cloud()))
    let server = "openstack server create --flavor m1.tiny --image cirros-0.4.0-x86_64-disk --network private --wait"
    _ = Self.run(session, [
      "source openrc clouduser1 demo", "\(server) one", "\(server) two", "openstack share create NFS 1 --name data --wait",
      "openstack server stop one two",
    ])
    let added = Self.run(session, ["openstack server add share one data -f value -c Status", "openstack server add share two data -f value -c Status"])
    #expect(added == ["attaching\n", "attaching\n"])
    #expect(Self.rules(session) == "10.0.0.11 active\n")
    _ = Self.run(session, ["openstack server remove share one data"])
    #expect(Self.rules(session) == "10.0.0.11 active\n")
    _ = Self.run(session, ["openstack server remove share two data"])
    #expect(Self.rules(session) == "")
    #expect(session.run("openstack server share list two -f value").standardOutput == "")
  }

  /// The default devstack host does not back memory with files: a flavor asking for a page
  /// size is what lets its servers take shares.
  @Test func withoutFileBackedMemoryTheFlavorMustSetAPageSize() {
    let session = Session(cloud: FakeCloud())
    let server = "openstack server create --image cirros-0.4.0-x86_64-disk --network private --wait"
    let output = Self.run(session, [
      "source openrc admin admin",
      "openstack flavor create --ram 512 --disk 1 --vcpus 1 --property hw:mem_page_size=small paged",
      "\(server) --flavor m1.tiny plain", "\(server) --flavor paged hugepages", "openstack share create NFS 1 --name data --wait",
      "openstack server stop plain hugepages", "openstack server add share plain data", "openstack server add share hugepages data -f value -c Status",
    ])
    #expect(output[6].hasSuffix("Feature not supported because either compute or instance are not configured correctly.\n"))
    #expect(output[7] == "attaching\n")
  }

  /// Starting the server mounts its shares, stopping it unmounts them.
  @Test func theMappingFollowsThePowerOfItsServer() throws {
    let session = Session(cloud: FakeCloud(definition: try Self.cloud()))
    _ = Self.run(session, [
      "source openrc clouduser1 demo",
      "openstack server create --flavor m1.tiny --image cirros-0.4.0-x86_64-disk --network private --wait vm",
      "openstack share create CEPHFS 1 --name data --wait", "openstack server stop vm", "openstack server add share vm data",
    ])
    let status = "openstack server share list vm -f value -c Status"
    #expect(Self.run(session, [status, "openstack server start vm", status, "openstack server stop vm", status]) == [
      "inactive\n", "", "active\n", "", "inactive\n",
    ])
    #expect(Self.rules(session) == "nova active\n")
  }

  /// A deleted server's shares are denied as its host shuts it down (`_shutdown_instance`): the
  /// rule goes, and the event joins the delete's action.
  @Test func aDeletedServerGivesItsAccessBack() throws {
    let session = Session(cloud: FakeCloud(definition: try Self.cloud()))
    _ = Self.run(session, [
      "source openrc clouduser1 demo",
      "openstack server create --flavor m1.tiny --image cirros-0.4.0-x86_64-disk --network private --wait vm",
      "openstack share create NFS 1 --name data --wait", "openstack server stop vm", "openstack server add share vm data",
    ])
    #expect(Self.rules(session) == "10.0.0.11 active\n")
    _ = Self.run(session, ["openstack server delete --wait vm"])
    #expect(Self.rules(session) == "")
  }
}
