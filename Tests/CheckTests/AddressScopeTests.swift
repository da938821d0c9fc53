import FakeCloud
import Testing

@testable import Check

/// Neutron's address-scope extension as a network shows it: the scope of the pool its subnets
/// were taken from, per IP version.
@Suite struct AddressScopeTests {
  @Test func aNetworkShowsTheScopeOfItsSubnetsPool() {
    let session = Session(cloud: FakeCloud())
    for line in [
      "openstack address scope create --ip-version 4 scope1", "openstack subnet pool create --address-scope scope1 --pool-prefix 10.50.0.0/16 pool1",
      "openstack network create net1",
    ] {
      #expect(session.run(line).exitStatus == 0, "\(line)")
    }
    let before = session.run("openstack network show net1 -f value -c ipv4_address_scope").standardOutput
    #expect(before == "None\n")
    #expect(session.run("openstack subnet create --network net1 --subnet-pool pool1 --prefix-length 24 s1").exitStatus == 0)
    let scope = session.run("openstack address scope show scope1 -f value -c id").standardOutput
    let shown = session.run("openstack network show net1 -f value -c ipv4_address_scope -c ipv6_address_scope")
    #expect(shown.standardOutput == scope + "None\n")
  }
}
