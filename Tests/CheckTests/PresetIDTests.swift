import FakeCloud
import Testing

@testable import Check

/// An assumed resource takes the ID its page shows, unless the cloud gave that ID out already.
@Suite struct PresetIDTests {
  @Test func anIDTheCloudGaveOutIsNotGivenTwice() throws {
    let session = Session(cloud: FakeCloud())
    let create = "openstack server create --flavor m1.tiny --image cirros-0.4.0-x86_64-disk --network private -f value -c id"
    let first = session.run("\(create) first").standardOutput.trimmingCharacters(in: .newlines)
    session.cloud.createNext(withID: first)
    let second = session.run("\(create) second").standardOutput.trimmingCharacters(in: .newlines)
    #expect(!second.isEmpty && second != first)
    session.cloud.advanceClock(seconds: 60)
    // Each found by its own ID: both built (a second server of the first's ID never was).
    let statuses = session.run("openstack server list -f value -c ID -c Status").standardOutput
    #expect(statuses.split(separator: "\n").sorted() == ["\(first) ACTIVE", "\(second) ACTIVE"].sorted())
  }

  @Test func anIDANeutronRecordHasIsNotGivenTwice() throws {
    let session = Session(cloud: FakeCloud())
    let first = session.run("openstack network create first -f value -c id").standardOutput.trimmingCharacters(in: .newlines)
    session.cloud.createNext(withID: first)
    let second = session.run("openstack network create second -f value -c id").standardOutput.trimmingCharacters(in: .newlines)
    #expect(!second.isEmpty && second != first)
    #expect(session.run("openstack network show \(first) -f value -c name").standardOutput == "first\n")
  }
}
