import Testing

@testable import Documents

/// The failed-resize walkthrough of nova's faults guide (a replica: its blocks as published).
@Suite struct NovaFaultsPageTests {
  @Test func findsTheFailedResizeWalkthrough() throws {
    let walkthrough = try WalkthroughReader.read(file: Fixture.path("nova-faults-replica.rst"))
    let steps = walkthrough.steps.map(\.command)
    #expect(steps.map(\.line) == [89, 127, 135, 144, 157, 177, 200, 201])
    #expect(
      steps.map(\.command) == [
        "openstack server create --flavor m1.tiny --image cirros-0.4.0-x86_64-disk --wait vm1",
        "openstack server resize --flavor m1.small --wait vm1",
        "openstack server show vm1 -f value -c status -c flavor",
        "openstack server event list vm1",
        "openstack server event show vm1 req-ea1b0dfc-3186-42a9-84ff-c4f4fb130fae",
        "openstack --os-compute-api-version 2.51 server event show vm1 req-ea1b0dfc-3186-42a9-84ff-c4f4fb130fae -f json -c events",
        "source openrc admin admin",
        "openstack --os-compute-api-version 2.51 server event show 344174b8-34fd-4017-ae29-b9084dcf3861 req-ea1b0dfc-3186-42a9-84ff-c4f4fb130fae -f json -c events",
      ])
    #expect(steps[1].output == ["Complete"])
    #expect(steps[2].output == ["m1.tiny (1)", "ACTIVE"])
    #expect(steps[6].outputLines == nil)
  }

  @Test func theBlockWithoutALanguageIsAConsoleBlock() throws {
    let walkthrough = try WalkthroughReader.read(file: Fixture.path("nova-faults-replica.rst"))
    let block = try #require(walkthrough.blocks.first { $0.line == 135 })
    #expect(block.kind == .codeBlock)
    #expect(block.language == nil)
    #expect(ConsoleBlock.isConsole(block))
  }
}
