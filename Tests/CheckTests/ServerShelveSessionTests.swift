import Testing

@testable import Check
@testable import FakeCloud

/// `server unshelve --wait` where Nova's conductor finds no host: the server stays offloaded with
/// no task, and the real client polls for ever, which the emulation refuses to run.
@Suite struct ServerShelveSessionTests {
  @Test func anUnshelveThatFoundNoHostIsNotWaitedForForEver() throws {
    let cloud = try CloudDefinition(
      yaml: "compute_hosts:\n  - {name: devstack, vcpus: 2, memory: 1536, disk: 20}\n", file: "small.yaml")
    let session = Session(cloud: FakeCloud(definition: cloud))
    let create = "openstack server create --flavor m1.tiny --image cirros-0.4.0-x86_64-disk --network private --wait"
    #expect(session.run("\(create) vm1").exitStatus == 0)
    #expect(session.run("openstack server shelve --wait vm1").exitStatus == 0)
    #expect(session.run("\(create) vm2").exitStatus == 0)
    #expect(session.run("\(create) vm3").exitStatus == 0)
    let result = session.run("openstack server unshelve --wait vm1")
    #expect(!result.isSimulated && result.exitStatus == 127)
    #expect(
      result.standardError
        == "not simulated: server unshelve --wait on a server its unshelve left SHELVED_OFFLOADED (the client polls for ever) is not emulated\n")
    #expect(session.run("openstack server show vm1 -f value -c status").standardOutput == "SHELVED_OFFLOADED\n")
  }
}
