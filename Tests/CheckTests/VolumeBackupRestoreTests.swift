import FakeCloud
import Testing

@testable import Check

/// `volume backup restore` to a new volume, which Cinder's API waits for: the cloud's pending
/// work runs meanwhile, and the restore finds its backup again afterwards.
@Suite struct VolumeBackupRestoreTests {
  @Test func aBackupDeletedDuringTheWaitLeavesTheRestoredOneFound() throws {
    var definition = CloudDefinition.devstack
    definition.volumeBackupHost = "devstack"
    let session = Session(cloud: FakeCloud(definition: definition))
    #expect(session.run("openstack volume create --size 1 data").exitStatus == 0)
    for name in ["first", "second"] {
      try Self.settle(session)
      #expect(session.run("openstack volume backup create --name \(name) data").exitStatus == 0)
    }
    try Self.settle(session)
    // The first backup goes while the restore waits for its new volume: the second one moves
    // up the cloud's list (its place had been taken before the wait, and was out of range after).
    #expect(session.run("openstack volume backup delete first").exitStatus == 0)
    let restore = session.run("openstack volume backup restore second restored -f value -c volume_name")
    #expect(restore.exitStatus == 0, "\(restore.standardError)")
    #expect(restore.standardOutput == "restored\n")
    #expect(session.run("openstack volume backup show second -f value -c status").standardOutput == "restoring\n")
    #expect(session.run("openstack volume backup show first").exitStatus == 1)
  }

  /// Lists until every volume and backup is done being made (each command takes virtual time).
  static func settle(_ session: Session) throws {
    for _ in 0..<30 {
      let statuses = session.run("openstack volume list -f value -c Status").standardOutput
        + session.run("openstack volume backup list -f value -c Status").standardOutput
      if !statuses.contains("creating"), !statuses.contains("backing-up") { return }
    }
    Issue.record("volumes or backups still being made")
  }
}
