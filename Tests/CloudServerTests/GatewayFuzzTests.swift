import CloudAPI
import FakeCloud
import Foundation
import Testing

@testable import CloudServer

/// Random requests, seeded so that a failure can be replayed: the server answers every one with
/// an HTTP status and a request ID, and never crashes.
@Suite struct GatewayFuzzTests {
  /// SplitMix64, for requests that are the same on every run.
  struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
  }

  static let segments = [
    "identity", "compute", "image", "networking", "share", "v3", "v2.1", "v2", "v2.0", "auth", "tokens", "servers",
    "detail", "flavors", "images", "networks", "subnets", "shares", "messages", "types", "share-networks", "action",
    "os-instance-actions", "os-aggregates", "", "..", "%00", "é", "1", "m1.tiny", "req-00000000-0000-0000-0000-000000000000",
    String(repeating: "x", count: 300),
  ]
  static let bodies = [
    "", "{", "null", "[]", "{}", #"{"server": {}}"#, #"{"server": {"name": "vm", "flavorRef": "1", "imageRef": "x"}}"#,
    #"{"resize": {"flavorRef": "2"}}"#, #"{"share": {"share_proto": "NFS", "size": 1}}"#, #"{"auth": 1}"#,
    #"{"share_network": {"name": 7}}"#, "\u{FFFF}\u{0}", #"{"confirmResize": null}"#,
  ]

  @Test(arguments: [1, 2, 3, 4])
  func everyRequestGetsAnAnswer(seed: UInt64) throws {
    let gateway = CloudGateway(definition: .devstack, baseURL: "http://127.0.0.1:1")
    var random = Random(state: seed)
    for _ in 0..<500 {
      let path = "/" + (0..<Int(random.next() % 6)).map { _ in random.pick(Self.segments) }.joined(separator: "/")
      let method = random.pick(["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "BREW"])
      let query = random.pick(["", "name=vm", "all_tenants=1&is_public=None", "id=in:a,b", "%zz", "limit=-1"])
      let headers: [(name: String, value: String)] = [
        (name: "X-Auth-Token", value: random.pick(["notused", "forged", ""])),
        (name: "OpenStack-API-Version", value: random.pick(["compute 2.100", "compute 9.9", "compute latest", "shared-file-system 2.65", "x"])),
        (name: "X-OpenStack-Manila-API-Version", value: random.pick(["2.98", "1.0", "2.x", "latest"])),
        (name: "X-Openstack-Request-Id", value: random.pick(["req-11111111-2222-4333-8444-555555555555", "nonsense"])),
      ]
      let exchange = gateway.respond(
        method: method, path: path, query: query, headers: headers, body: Data(random.pick(Self.bodies).utf8))
      #expect((200..<600).contains(exchange.status), "\(method) \(path)")
      if CloudGateway.route(path) != nil, HTTPMethod(rawValue: method) != nil, exchange.status != 400 {
        #expect(exchange.headers.contains { $0.name == "X-Openstack-Request-Id" }, "\(method) \(path) \(exchange.status)")
      }
    }
  }
}
