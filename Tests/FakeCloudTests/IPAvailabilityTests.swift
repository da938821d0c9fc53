import CloudAPI
import Testing

@testable import FakeCloud

/// Neutron's network IP availability: an IPv6 network counts more addresses than `Int` holds,
/// and a subnet's total is its pools' sizes, its used addresses every allocation in it.
@Suite struct IPAvailabilityTests {
  @Test func countsAddressesBeyondSixtyFourBits() throws {
    let first = try #require(IPValue("2001:db8::2"))
    let last = try #require(IPValue("2001:db8::ffff:ffff:ffff:ffff"))
    let slash64 = AddressCount(from: first, to: last)
    #expect(slash64.decimal == "18446744073709551614")
    #expect(slash64.json == .largeInt("18446744073709551614"))
    #expect((slash64 + slash64 + AddressCount(high: 0, low: 4)).decimal == "36893488147419103232")
    #expect(AddressCount(high: .max, low: .max).decimal == "340282366920938463463374607431768211455")
    let v4 = AddressCount(from: try #require(IPValue("10.0.0.2")), to: try #require(IPValue("10.0.0.254")))
    #expect(v4.json == .int(253))
  }

  @Test func aMemberSeesNoAvailability() throws {
    let cloud = FakeCloud()
    let auth = try authenticate(cloud, user: "clouduser1", project: "demo", password: "secret")
    var request = APIRequest(.get, "/v2.0/network-ip-availabilities")
    request.headers["X-Auth-Token"] = auth.headers["X-Subject-Token"]
    let listed = try cloud.send(request, to: .network)
    #expect(listed.status == 200 && listed.body?["network_ip_availabilities"]?.array.isEmpty == true)
  }
}
