import Testing

@testable import Check
@testable import FakeCloud

/// Locks on access rules (2.82) on devstack: what they keep from happening, whom they hide a
/// rule from, and that they go with the rule.
@Suite struct ShareAccessLockTests {
  /// A member's available share `s` with a rule for 10.0.0.5 that the member locked against
  /// deletion, and its ID.
  static func lockedRule() -> (Session, String) {
    let session = Session(cloud: FakeCloud(definition: .devstack))
    _ = session.run("openstack share create nfs 1 --name s --wait")
    let id = session.run("openstack share access create s ip 10.0.0.5 --lock-deletion -f value -c id").standardOutput
    return (session, id.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  static func locks(_ session: Session) -> String {
    session.run("openstack share lock list --all-projects -f value -c \"Resource Type\" -c \"Resource Action\"").standardOutput
  }

  /// The rule's deletion lock and the share's lock it placed keep both; `--unrestrict` drops the
  /// locks with the rule once the driver has denied it.
  @Test func aDeletionLockKeepsRuleAndShareUntilUnrestricted() {
    let (session, id) = Self.lockedRule()
    #expect(Self.locks(session) == "share delete\naccess_rule delete\n")
    #expect(session.run("openstack share delete s").exitStatus == 1)
    #expect(session.run("openstack share access delete s \(id)").standardError.contains("since it has been locked"))
    #expect(session.run("openstack share access delete s \(id) --unrestrict").exitStatus == 0)
    _ = session.run("sleep 2")
    #expect(Self.locks(session) == "")
    #expect(session.run("openstack share delete s").exitStatus == 0)
  }

  /// An admin's visibility lock hides the rule's target from the member, who cannot search for
  /// it either; the admin sees it.
  @Test func anAdminsVisibilityLockHidesTheRuleFromMembers() {
    let (session, _) = Self.lockedRule()
    _ = session.run("source openrc admin admin")
    let id = session.run("openstack share access create s ip 10.0.0.9 --lock-visibility -f value -c id").standardOutput
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let targets = "openstack share access list s -f value -c \"Access To\""
    #expect(session.run(targets).standardOutput == "10.0.0.5\n10.0.0.9\n")
    _ = session.run("source openrc demo demo")
    #expect(session.run(targets).standardOutput == "10.0.0.5\n******\n")
    #expect(session.run("openstack share access show \(id) -f value -c access_to").standardOutput == "******\n")
    #expect(session.run("openstack share access list s --access-type ip --access-to 10.0.0.9 -f value -c ID").standardOutput == "")
  }
}
