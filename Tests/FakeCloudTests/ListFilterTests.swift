import CloudAPI
import Testing

@testable import FakeCloud

/// The list filters each service applies, declared as tables of `QueryFilter`s: each value read
/// as the service reads it, and the service's own fault for one it cannot read.
@Suite struct ListFilterTests {
  let cloud = FakeCloud()

  func send(
    _ path: String, _ query: [(name: String, value: String)], to service: ServiceType, as user: String = "clouduser1",
    method: HTTPMethod = .get, body: JSON? = nil, shareVersion: String = "2.92"
  ) throws -> APIResponse {
    let project = user == "admin" ? "admin" : "demo"
    let auth = try authenticate(cloud, user: user, project: project, password: "secret")
    var request = APIRequest(method, path, query: query, body: body)
    request.headers["X-Auth-Token"] = auth.headers["X-Subject-Token"]
    request.headers["X-OpenStack-Manila-API-Version"] = shareVersion
    return try cloud.send(request, to: service)
  }

  func names(_ response: APIResponse, _ collection: String) -> [String] {
    (response.body?[collection]?.array ?? []).compactMap { $0["name"]?.string }
  }

  @Test func neutronReadsBooleansStrictlyAndAnswersInvalidInput() throws {
    let external = try send("/v2.0/networks", [("router:external", "True")], to: .network)
    #expect(names(external, "networks") == ["public"])
    let unshared = try send("/v2.0/networks", [("shared", "no"), ("router:external", "0")], to: .network)
    #expect(names(unshared, "networks") == ["private"])
    #expect(names(try send("/v2.0/networks", [("status", "DOWN")], to: .network), "networks").isEmpty)
    let invalid = try send("/v2.0/networks", [("shared", "maybe")], to: .network)
    #expect(invalid.status == 400)
    #expect(invalid.body?["NeutronError"]?["message"] == "Invalid input for operation: 'maybe' cannot be converted to boolean.")
  }

  @Test func subnetsFilterByVersionGatewayAndDHCP() throws {
    let six = try send("/v2.0/subnets", [("ip_version", "6")], to: .network)
    #expect(Set(names(six, "subnets")) == ["ipv6-private-subnet", "ipv6-public-subnet"])
    #expect(names(try send("/v2.0/subnets", [("gateway_ip", "10.0.0.1")], to: .network), "subnets") == ["private-subnet"])
    #expect(names(try send("/v2.0/subnets", [("enable_dhcp", "False")], to: .network), "subnets").isEmpty)
    let invalid = try send("/v2.0/subnets", [("ip_version", "four")], to: .network)
    #expect(invalid.body?["NeutronError"]?["message"] == "Invalid input for operation: 'four' is not an integer.")
  }

  @Test func novaKeepsFlavorsOfAtLeastTheRamAndDiskAskedFor() throws {
    let flavors = try send("/v2.1/flavors/detail", [("minRam", "4096"), ("minDisk", "40")], to: .compute)
    #expect(names(flavors, "flavors") == ["m1.medium", "m1.large", "m1.xlarge"])
    let invalid = try send("/v2.1/flavors/detail", [("minRam", "lots")], to: .compute)
    #expect(invalid.status == 400)
    #expect(invalid.body?["badRequest"]?["message"] == "Invalid minRam filter [lots]")
  }

  /// Only an admin's `is_public` counts: a member always sees the public flavors.
  @Test func isPublicIsAnAdminsFilter() throws {
    #expect(names(try send("/v2.1/flavors/detail", [("is_public", "False")], to: .compute), "flavors").count == 12)
    #expect(names(try send("/v2.1/flavors/detail", [("is_public", "False")], to: .compute, as: "admin"), "flavors").isEmpty)
    #expect(names(try send("/v2.1/flavors/detail", [("is_public", "None")], to: .compute, as: "admin"), "flavors").count == 12)
    let invalid = try send("/v2.1/flavors/detail", [("is_public", "all")], to: .compute, as: "admin")
    #expect(invalid.body?["badRequest"]?["message"] == "Invalid is_public filter [all]")
  }

  @Test func glanceFiltersByVisibilityAndRefusesAnUnknownOne() throws {
    #expect(names(try send("/v2/images", [("visibility", "private")], to: .image), "images").isEmpty)
    #expect(names(try send("/v2/images", [("visibility", "all")], to: .image), "images").count == 1)
    #expect(names(try send("/v2/images", [("tag", "gold")], to: .image), "images").isEmpty)
    let invalid = try send("/v2/images", [("visibility", "secret")], to: .image)
    #expect(invalid.status == 400)
    #expect(invalid.body == .string("400 Bad Request\n\nInvalid visibility value: secret\n\n   "))
  }

  @Test func manilaMatchesMetadataAndPatternsFrom236() throws {
    for (name, metadata) in [("alpha", ["team": "a"]), ("beta", [:])] {
      let share: JSON = .object([
        "share": .object([
          "share_proto": "NFS", "size": 1, "name": .string(name), "share_type": "dhss_false",
          "metadata": .object(JSONObject(uniqueKeysWithValues: metadata.map { ($0, JSON.string($1)) })),
        ])
      ])
      #expect(try send("/v2/shares", [], to: .sharedFileSystem, method: .post, body: share).status == 200)
    }
    func shares(_ query: [(name: String, value: String)], version: String = "2.92") throws -> [String] {
      names(try send("/v2/shares/detail", query, to: .sharedFileSystem, shareVersion: version), "shares")
    }
    #expect(try shares([("metadata", "{'team': 'a'}")]) == ["alpha"])
    #expect(try shares([("metadata", "{'team': 'b'}")]).isEmpty)
    #expect(try shares([("name~", "^AL")]) == ["alpha"])
    // Below 2.36 Manila drops the pattern.
    #expect(try shares([("name~", "^AL")], version: "2.35").count == 2)
    let unreadable = try send("/v2/shares/detail", [("metadata", "{team")], to: .sharedFileSystem)
    #expect(unreadable.status == 500)
  }

  @Test func shareNetworksAreSearchedByTheirFieldsAndTheirSubnets() throws {
    let network: JSON = .object([
      "share_network": .object(["name": "net1", "description": "lab network", "neutron_net_id": "n-1"])
    ])
    #expect(try send("/v2/share-networks", [], to: .sharedFileSystem, method: .post, body: network).status == 200)
    func found(_ query: [(name: String, value: String)]) throws -> [String] {
      names(try send("/v2/share-networks/detail", query, to: .sharedFileSystem), "share_networks")
    }
    #expect(try found([("description~", "lab")]) == ["net1"])
    #expect(try found([("description~", "Lab")]).isEmpty)
    #expect(try found([("neutron_net_id", "n-1")]) == ["net1"])
    #expect(try found([("cidr", "10.0.0.0/24")]).isEmpty)
    // A key no attribute has matches nothing.
    #expect(try found([("security_service", "x")]).isEmpty)
    #expect(try found([("created_since", "2000-1-1")]) == ["net1"])
    let invalid = try send("/v2/share-networks/detail", [("created_since", "2020-13-01")], to: .sharedFileSystem)
    #expect(invalid.body?["badRequest"]?["message"] == "2020-13-01 is not in yyyy-mm-dd format.")
  }

  @Test func pythonDictLiteralsAreReadAsASTDoes() {
    #expect(PythonDictLiteral.parse("{'a': 'b', \"c\": 'it\\'s',}")?.map(\.value) == ["b", "it's"])
    #expect(PythonDictLiteral.parse("{}")?.isEmpty == true)
    for text in ["{'a'}", "{'a': 'b'", "['a']", "{'a': 'b'} x", "{,}"] {
      #expect(PythonDictLiteral.parse(text) == nil, "\(text)")
    }
  }
}
