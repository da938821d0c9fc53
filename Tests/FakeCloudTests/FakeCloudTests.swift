import CloudAPI
import Testing

@testable import FakeCloud

/// `POST /v3/auth/tokens` with the password method, scoped to a project, as the client sends it.
func authenticate(_ cloud: FakeCloud, user: String, project: String, password: String) throws -> APIResponse {
  let body = try JSON(
    parsing: """
      {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "\(user)", "domain": {"name": "Default"}, "password": "\(password)"}}},
        "scope": {"project": {"name": "\(project)", "domain": {"name": "Default"}}}}}
      """)
  return try cloud.send(APIRequest(.post, "/v3/auth/tokens", body: body), to: .identity)
}

@Suite struct FakeCloudTests {
  /// A member's token from a fresh cloud.
  func token(_ cloud: FakeCloud, user: String = "clouduser1", project: String = "demo") throws -> String {
    let response = try authenticate(cloud, user: user, project: project, password: "secret")
    #expect(response.status == 201)
    return try #require(response.headers["X-Subject-Token"])
  }

  func get(_ cloud: FakeCloud, _ path: String, token: String?, version: String? = nil, service: ServiceType = .sharedFileSystem) throws -> APIResponse {
    var request = APIRequest(.get, path)
    request.headers["X-Auth-Token"] = token
    request.headers["X-OpenStack-Manila-API-Version"] = version
    return try cloud.send(request, to: service)
  }

  @Test func everyResponseCarriesARequestID() throws {
    let cloud = FakeCloud()
    let response = try get(cloud, "/v2/types", token: try token(cloud), version: "2.98")
    let id = try #require(response.headers["X-Openstack-Request-Id"])
    #expect(id.hasPrefix("req-") && id.count == 40)
    #expect(response.headers["X-OpenStack-Manila-API-Version"] == "2.98")
    #expect(response.headers["OpenStack-API-Version"] == nil)
    #expect(response.headers["X-Compute-Request-Id"] == id)
  }

  @Test func requestsWithoutAValidTokenAreRefused() throws {
    let cloud = FakeCloud()
    for token in [nil, "not-a-token"] {
      let response = try get(cloud, "/v2/types", token: token)
      #expect(response.status == 401)
      #expect(response.body?["error"]?["message"] == "The request you have made requires authentication.")
    }
  }

  /// Keystone's tokens last an hour.
  @Test func tokensExpireAfterAnHour() throws {
    let cloud = FakeCloud()
    let token = try token(cloud)
    #expect(try get(cloud, "/v2/types", token: token).status == 200)
    #expect(cloud.accepts(token: token))
    cloud.advanceClock(seconds: 3600)
    #expect(!cloud.accepts(token: token))
    #expect(try get(cloud, "/v2/types", token: token).status == 401)
  }

  @Test func microversionsOutOfRangeAreNotAcceptable() throws {
    let cloud = FakeCloud()
    let response = try get(cloud, "/v2/types", token: try token(cloud), version: "2.100")
    #expect(response.status == 406)
    #expect(
      response.body
        == .object([
          "computeFault": .object([
            "code": 406, "message": "Version 2.100 is not supported by the API. Minimum is 2.0 and maximum is 2.99.",
          ])
        ]))
  }

  @Test func theVersionDocumentAnswersWithMultipleChoices() throws {
    let response = try FakeCloud().send(APIRequest(.get, "/"), to: .sharedFileSystem)
    #expect(response.status == 300)
    #expect(response.body?["versions"]?.array.last?["version"] == "2.99")
    #expect(response.body?["versions"]?.array.last?["min_version"] == "2.0")
  }

  /// Fields of `manila/api/views/types.py` by microversion.
  @Test func shareTypeFieldsFollowTheMicroversion() throws {
    let cloud = FakeCloud()
    let token = try token(cloud)
    let old = try get(cloud, "/v2/types", token: token, version: "2.6").body?["share_types"]?.array.first
    #expect(
      old.map { Array($0.object.keys) } == [
        "id", "name", "extra_specs", "required_extra_specs", "os-share-type-access:is_public",
      ])
    let new = try get(cloud, "/v2/types", token: token, version: "2.98").body?["share_types"]?.array.first
    #expect(
      new.map { Array($0.object.keys) } == [
        "id", "name", "extra_specs", "required_extra_specs", "share_type_access:is_public", "description", "is_default",
      ])
    #expect(new?["extra_specs"]?.object.keys.last == "driver_handles_share_servers")
  }

  /// Fields of `manila/api/views/share_networks.py` at 2.98 (subnets last, from 2.78), at 2.70
  /// (subnets after the description) and, before subnets, at 2.50.
  @Test func shareNetworkFieldsFollowTheMicroversion() throws {
    let cloud = FakeCloud()
    var request = APIRequest(.post, "/v2/share-networks", body: .object(["share_network": .object(["name": "n"])]))
    request.headers["X-Auth-Token"] = try token(cloud)
    request.headers["X-OpenStack-Manila-API-Version"] = "2.98"
    let created = try cloud.send(request, to: .sharedFileSystem).body?["share_network"]
    #expect(
      created.map { Array($0.object.keys) } == [
        "id", "name", "project_id", "created_at", "updated_at", "description", "status",
        "security_service_update_support", "network_allocation_update_support", "share_network_subnets",
      ])
    let at270 = try get(cloud, "/v2/share-networks/detail", token: request.headers["X-Auth-Token"], version: "2.70")
    #expect(
      at270.body?["share_networks"]?.array.first.map { Array($0.object.keys) } == [
        "id", "name", "project_id", "created_at", "updated_at", "description", "share_network_subnets", "status",
        "security_service_update_support", "network_allocation_update_support",
      ])
    let old = try get(cloud, "/v2/share-networks/detail", token: request.headers["X-Auth-Token"], version: "2.50")
    #expect(
      old.body?["share_networks"]?.array.first.map { Array($0.object.keys) } == [
        "id", "name", "project_id", "created_at", "updated_at", "neutron_net_id", "neutron_subnet_id", "network_type",
        "segmentation_id", "cidr", "ip_version", "description", "gateway", "mtu",
      ])
  }

  @Test func subnetsComeInIDOrderAndFilterByNetwork() throws {
    let cloud = FakeCloud()
    let token = try token(cloud)
    let subnets = try get(cloud, "/v2.0/subnets", token: token, service: .network).body?["subnets"]?.array ?? []
    #expect(subnets.count == 5)
    let ids = subnets.compactMap { $0["id"]?.string }
    #expect(ids == ids.sorted())
    let names = Set(subnets.compactMap { $0["name"]?.string })
    #expect(names == ["private-subnet", "ipv6-private-subnet", "public-subnet", "ipv6-public-subnet", "shared-subnet"])
    let missing = try get(cloud, "/v2.0/networks/nope", token: token, service: .network)
    #expect(missing.status == 404)
    #expect(missing.body?["NeutronError"]?["type"] == "NetworkNotFound")
  }

  @Test func theSameSeedGivesTheSameCloud() throws {
    func transcript() throws -> [APIResponse] {
      let cloud = FakeCloud()
      let token = try token(cloud)
      return try ["/v2/types", "/v2/share-networks/detail"].map { try get(cloud, $0, token: token, version: "2.98") }
    }
    #expect(try transcript() == transcript())
    #expect(try get(FakeCloud(seed: 2), "/", token: nil).status == 300)
  }

  @Test func unknownPathsAndMethodsGetTheServicesFaults() throws {
    let cloud = FakeCloud()
    let token = try token(cloud)
    #expect(try get(cloud, "/v2/nothing", token: token).status == 404)
    var request = APIRequest(.put, "/v2/types")
    request.headers["X-Auth-Token"] = token
    let response = try cloud.send(request, to: .sharedFileSystem)
    #expect(response.status == 405)
    #expect(response.body?["badMethod"]?["code"] == 405)
  }
}

@Suite struct ClockAndIDTests {
  /// Expected values from Python: datetime.utcfromtimestamp(t).isoformat().
  @Test(arguments: [
    (Int64(1_745_337_600_000_000), "2025-04-22T16:00:00.000000"),
    (Int64(1_745_353_010_207_084), "2025-04-22T20:16:50.207084"),
    (Int64(1_709_164_800_000_001), "2024-02-29T00:00:00.000001"),
    (Int64(0), "1970-01-01T00:00:00.000000"),
    (Int64(4_102_444_799_999_999), "2099-12-31T23:59:59.999999"),
  ])
  func formatsTimesAsPythonDoes(time: Int64, text: String) {
    #expect(VirtualClock.isoMicroseconds(time) == text)
  }

  @Test func uuidsAreVersionFourAndSeeded() {
    var first = IDGenerator(seed: 7)
    var second = IDGenerator(seed: 7)
    let id = first.uuid()
    #expect(id == second.uuid())
    #expect(id.count == 36)
    let characters = Array(id)
    #expect(characters[14] == "4")
    #expect("89ab".contains(characters[19]))
    #expect(first.hex32().count == 32)
  }

  /// SplitMix64's draws, as written by an independent implementation (Python): the bytes of
  /// each pair of draws least significant first, with the version and variant bits set.
  @Test func idsAreTheSeededDrawsInHexadecimal() {
    var ids = IDGenerator(seed: 1)
    #expect(ids.uuid() == "c15c0289-ec2d-4a91-a7ec-8e65a18debbe")
    #expect(ids.hex32() == "5e5532fbeea243f88bc942ee9086c171")
    #expect(ids.token() == "gAAAAAb9b501d1d8544b7180021590ff0b4dc3a53c36d76cec49e0b58527120fbbe785")
  }

  /// Request IDs, Keystone's token IDs and audit IDs are the same draws as UUIDs and `hex32`s,
  /// written in one string: the IDs after them, and every page's bindings, stay as they were.
  @Test func requestTokenAndAuditIDsAreTheDrawsOfUUIDs() {
    var written = IDGenerator(seed: 11)
    var drawn = IDGenerator(seed: 11)
    #expect(written.requestID() == "req-" + drawn.uuid())
    #expect(written.token() == "gAAAAA" + drawn.hex32() + drawn.hex32())
    #expect(written.uuidPrefix(22) == String(drawn.uuid().prefix(22)))
    #expect(written.uuid() == drawn.uuid())
  }

  /// Each command of a session signs in: however long it runs, the expired tokens go, and
  /// rarely enough that sweeping them costs each token a constant share.
  @Test func aLongSessionKeepsAboutAnHourOfTokens() {
    var ids = IDGenerator(seed: 1)
    var identity = IdentityState(definition: .devstack, ids: &ids)
    let caller = Caller(userID: "u", userName: "u", projectID: "p", projectName: "p", roles: [])
    let second: Int64 = 1_000_000
    for issued in Int64(0)..<10_000 {
      identity.issue("t\(issued)", for: caller, now: issued * second, expires: (issued + 3600) * second)
    }
    #expect(identity.tokens.count <= 2 * 3600)
    #expect(identity.caller("t9999", at: 9999 * second) == caller)
    #expect(identity.caller("t6399", at: 9999 * second) == nil)
  }
}
