import Testing

@testable import Check
@testable import FakeCloud

/// Manila's share migration on devstack's two dummy back ends, followed in the cloud's time with
/// `sleep`, as a page would follow it.
@Suite struct ShareMigrationTests {
  static let flags = "--preserve-metadata False --preserve-snapshots False --writable False --nondisruptive False"

  /// An admin's session with an available share `s` on `devstack@beta` (the back end with more
  /// room).
  static func session() -> Session {
    let session = Session(cloud: FakeCloud(definition: .devstack))
    _ = session.run("source openrc admin admin")
    _ = session.run("openstack share create nfs 1 --name s --share-type dhss_false --wait")
    return session
  }

  static func field(_ session: Session, _ name: String) -> String {
    session.run("openstack share show s -f value -c \(name)").standardOutput
  }

  /// The dummy driver reports 50% a minute; the share stays where it is until an admin completes
  /// the migration, then it is on the new pool with new export locations.
  @Test func theDriverCopiesInTwoMinutesAndCompletingMovesTheShare() throws {
    let session = Self.session()
    #expect(Self.field(session, "host") == "devstack@beta#fake_pool_beta\n")
    let before = session.run("openstack share export location list s -f value -c Path").standardOutput
    #expect(session.run("openstack share migration start s devstack@alpha#fake_pool_alpha \(Self.flags)").exitStatus == 0)
    #expect(Self.field(session, "status") == "migrating\n")
    #expect(Self.field(session, "task_state") == "migration_driver_in_progress\n")
    let progress = { session.run("openstack share migration show s -f value -c total_progress").standardOutput }
    #expect(progress() == "0\n")
    #expect(session.run("sleep 1m").exitStatus == 0)
    #expect(progress() == "50\n")
    _ = session.run("sleep 60")
    #expect(Self.field(session, "task_state") == "migration_driver_phase1_done\n")
    #expect(Self.field(session, "host") == "devstack@beta#fake_pool_beta\n")
    #expect(session.run("openstack share migration complete s").exitStatus == 0)
    _ = session.run("sleep 1")
    #expect(Self.field(session, "host") == "devstack@alpha#fake_pool_alpha\n")
    #expect(Self.field(session, "availability_zone") == "manila-zone-0\n")
    #expect(Self.field(session, "task_state") == "migration_success\n")
    let after = session.run("openstack share export location list s -f value -c Path").standardOutput
    #expect(!after.isEmpty && after != before)
  }

  /// What the dummy driver cannot do (keep clients connected) the data service cannot do either
  /// when the request forbids it: the migration errs and the share is available where it was.
  @Test func aNondisruptiveMigrationErrs() {
    let session = Self.session()
    let flags = Self.flags.replacingOccurrences(of: "--nondisruptive False", with: "--nondisruptive True")
    #expect(session.run("openstack share migration start s devstack@alpha#fake_pool_alpha \(flags)").exitStatus == 0)
    _ = session.run("sleep 2")
    #expect(Self.field(session, "task_state") == "migration_error\n")
    #expect(Self.field(session, "status") == "available\n")
    #expect(Self.field(session, "host") == "devstack@beta#fake_pool_beta\n")
  }

  /// A forced host-assisted migration has the data service copy the (empty) share in seconds;
  /// cancelling then leaves the share where it was.
  @Test func theDataServiceCopiesAndACancelKeepsTheShare() {
    let session = Self.session()
    let start = "openstack share migration start s devstack@alpha#fake_pool_alpha --force-host-assisted-migration True \(Self.flags)"
    #expect(session.run(start).exitStatus == 0)
    _ = session.run("sleep 5")
    #expect(Self.field(session, "task_state") == "data_copying_completed\n")
    #expect(session.run("openstack share migration cancel s").exitStatus == 0)
    _ = session.run("sleep 1")
    #expect(Self.field(session, "task_state") == "migration_cancelled\n")
    #expect(Self.field(session, "status") == "available\n")
    #expect(Self.field(session, "host") == "devstack@beta#fake_pool_beta\n")
  }

  /// `sleep`'s operands, as coreutils reads them; anything else is not simulated.
  @Test func sleepFollowsCoreutilsIntervals() {
    let expected: Double = 1.5 + 120 + 3600 + 86400
    #expect(SleepInterval.seconds(["1.5", "2m", "1h", "1d"]) == expected)
    #expect(SleepInterval.seconds([]) == nil)
    #expect(SleepInterval.seconds(["x"]) == nil)
    #expect(SleepInterval.seconds(["-1"]) == nil)
    #expect(Self.session().run("sleep soon").isSimulated == false)
    #expect(Self.session().run("sleep 99999999999999999999").isSimulated == false)
    #expect(Self.session().run("sleep 365d").isSimulated == true)
  }
}
