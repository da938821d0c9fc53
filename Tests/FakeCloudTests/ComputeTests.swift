import CloudAPI
import Testing

@testable import FakeCloud

/// Nova through its REST API: a server built, a resize that fails with NoValidHost, and what
/// its instance actions show to whom at which microversion.
@Suite struct ComputeTests {
  /// A devstack whose one compute host holds an m1.tiny but not an m1.small beside it.
  static func smallCloud() -> FakeCloud {
    var definition = CloudDefinition.devstack
    definition.computeHosts = [CloudDefinition.ComputeHost(name: "devstack", vcpus: 2, memory: 1536, disk: 20)]
    return FakeCloud(definition: definition, keepsLog: true)
  }

  struct Client {
    var cloud: FakeCloud
    var token: String

    init(_ cloud: FakeCloud, user: String, project: String) throws {
      self.cloud = cloud
      token = try #require(try authenticate(cloud, user: user, project: project, password: "secret").headers["X-Subject-Token"])
    }

    func send(_ method: HTTPMethod, _ path: String, body: JSON? = nil, version: String = "2.100", headers: HTTPHeaders = [:])
      throws -> APIResponse
    {
      var request = APIRequest(method, path, body: body)
      request.headers = headers
      request.headers["X-Auth-Token"] = token
      request.headers["OpenStack-API-Version"] = "compute \(version)"
      return try cloud.send(request, to: .compute)
    }
  }

  /// Creates vm1 (m1.tiny) on the private network, lets it build, asks for m1.small, lets the
  /// conductor fail; returns the server's ID and the resize's request ID.
  static func failedResize(_ member: Client) throws -> (server: String, request: String) {
    let images = try member.cloud.send(APIRequest(.get, "/v2/images", headers: ["X-Auth-Token": member.token]), to: .image)
    let image = try #require(images.body?["images"]?.array.first?["id"]?.string)
    let network = try #require(
      try member.cloud.send(APIRequest(.get, "/v2.0/networks", query: [(name: "name", value: "private")], headers: ["X-Auth-Token": member.token]), to: .network)
        .body?["networks"]?.array.first?["id"]?.string)
    let created = try member.send(
      .post, "/v2.1/servers",
      body: .object([
        "server": .object([
          "name": "vm1", "imageRef": .string(image), "flavorRef": "1", "networks": .array([.object(["uuid": .string(network)])]),
        ])
      ]))
    #expect(created.status == 202)
    #expect(created.body?["server"]?.object.keys == ["id", "links", "OS-DCF:diskConfig", "security_groups", "adminPass"])
    let id = try #require(created.body?["server"]?["id"]?.string)
    member.cloud.advanceClock(seconds: 10)
    #expect(try member.send(.get, "/v2.1/servers/\(id)").body?["server"]?["status"] == "ACTIVE")
    let resize = try member.send(.post, "/v2.1/servers/\(id)/action", body: .object(["resize": .object(["flavorRef": "2"])]))
    #expect(resize.status == 202 && resize.body == nil)
    #expect(try member.send(.get, "/v2.1/servers/\(id)").body?["server"]?["status"] == "RESIZE")
    member.cloud.advanceClock(seconds: 5)
    return (id, try #require(resize.headers["X-Openstack-Request-Id"]))
  }

  @Test func aResizeThatFitsNowhereLeavesTheServerActiveWithItsFlavor() throws {
    let member = try Client(Self.smallCloud(), user: "clouduser1", project: "demo")
    let (id, _) = try Self.failedResize(member)
    let server = try #require(try member.send(.get, "/v2.1/servers/\(id)").body?["server"])
    #expect(server["status"] == "ACTIVE")
    #expect(server["OS-EXT-STS:task_state"] == .null)
    #expect(server["flavor"]?["original_name"] == "m1.tiny")
    // The fault is recorded but shown only for servers in ERROR.
    #expect(server["fault"] == nil)
    let actions = try #require(try member.send(.get, "/v2.1/servers/\(id)/os-instance-actions", version: "2.84").body?["instanceActions"]?.array)
    #expect(actions.map { $0["action"] } == ["resize", "create"])
    #expect(actions.map { $0["message"] } == ["Error", .null])
  }

  /// nova/policies/instance_actions.py with its defaults, member and admin at 2.50, 2.51, 2.62
  /// and 2.84: which event keys each sees.
  @Test func eventsShowWhatThePolicyAllows() throws {
    let cloud = Self.smallCloud()
    let member = try Client(cloud, user: "clouduser1", project: "demo")
    let admin = try Client(cloud, user: "admin", project: "admin")
    let (id, request) = try Self.failedResize(member)
    func eventKeys(_ client: Client, _ version: String) throws -> [[String]]? {
      let action = try client.send(.get, "/v2.1/servers/\(id)/os-instance-actions/\(request)", version: version).body?["instanceAction"]
      return action?["events"].map { $0.array.map(\.object.keys) }
    }
    let basic = ["event", "start_time", "finish_time", "result"]
    #expect(try eventKeys(member, "2.50") == nil)
    #expect(try eventKeys(member, "2.51") == [basic, basic])
    #expect(try eventKeys(member, "2.62") == [basic + ["hostId"], basic + ["hostId"]])
    #expect(try eventKeys(member, "2.84") == [basic + ["hostId"], basic + ["hostId"]])
    #expect(try eventKeys(admin, "2.50") == [basic + ["traceback"], basic + ["traceback"]])
    #expect(try eventKeys(admin, "2.51") == [basic + ["traceback"], basic + ["traceback"]])
    #expect(try eventKeys(admin, "2.62") == [basic + ["traceback", "host", "hostId"], basic + ["traceback", "host", "hostId"]])
    #expect(
      try eventKeys(admin, "2.84") == [
        basic + ["traceback", "host", "hostId", "details"], basic + ["traceback", "host", "hostId", "details"],
      ])
    let events = try #require(
      try admin.send(.get, "/v2.1/servers/\(id)/os-instance-actions/\(request)", version: "2.62").body?["instanceAction"]?["events"]?.array)
    #expect(events.map { $0["event"] } == ["cold_migrate", "conductor_migrate_server"])
    #expect(events.map { $0["result"] } == ["Error", "Error"])
    #expect(events.first?["traceback"]?.string?.hasSuffix("raise exception.NoValidHost(reason=msg)\n") == true)
    let project = try #require(try member.send(.get, "/v2.1/servers/\(id)").body?["server"]?["tenant_id"]?.string)
    #expect(events.first?["hostId"]?.string == SHA224.hexDigest(project + "devstack"))
  }

  @Test func nonIntegerAggregateIDsAreBadRequestsForAdminsAndForbiddenToMembers() throws {
    let cloud = FakeCloud()
    let member = try Client(cloud, user: "clouduser1", project: "demo")
    let admin = try Client(cloud, user: "admin", project: "admin")
    let forbidden = try member.send(.get, "/v2.1/os-aggregates/agg_h1")
    #expect(forbidden.status == 403)
    #expect(forbidden.body?["forbidden"]?["message"] == "Policy doesn't allow os_compute_api:os-aggregates:show to be performed.")
    let bad = try admin.send(.get, "/v2.1/os-aggregates/agg_h1")
    #expect(bad.body == .object(["badRequest": .object(["code": 400, "message": "Invalid input received: id must be an integer"])]))
    #expect(bad.headers["OpenStack-API-Version"] == "compute 2.100")
    #expect(bad.headers.fields.filter { $0.name == "Vary" }.map(\.value) == ["OpenStack-API-Version", "X-OpenStack-Nova-API-Version"])
    #expect(bad.headers["X-Compute-Request-Id"] == bad.headers["X-Openstack-Request-Id"])
  }

  @Test func hashesAsSHA224() {
    #expect(SHA224.hexDigest("abc") == "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7")
    #expect(SHA224.hexDigest("") == "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f")
    #expect(SHA224.hexDigest(String(repeating: "x", count: 1000)) == "3fd1f1f34b2c22d0ca7f496aa180079401d28c7d9dd96dff5ce4d05c")
    // The faults guide's hostId: its project on the host `devstack`.
    #expect(SHA224.hexDigest("b22597ea961545f3bde1b2ede0bd5b91devstack") == "22e88bec09a7e33606348fce0abac0ebbbe091a35e29db1498ec4e14")
    // Around the padding's edges: the length fits the last block, or takes one more (hashlib's).
    let digests = [
      55: "5c2440d904e6c59e26ff4bafbb500394cd5c36648926990014ef7f50",
      56: "df50764461715b7a7128672238a7e968ff496f13c8bb9b219be459e5",
      63: "85514dabb138d5bc9a7cad01461a656bd87bb788fa0e91349d9df58d",
      64: "12beaaab01b6833c201bb6e77e9e5f19a04dce2b3e13741182f4c25c",
      119: "c87f54867fe7347cfe419516bb055e166c901dcaaffffdd849c3b3eb",
      120: "56467c223b14e06ccf4734fc3bde88a28268862cfbe3377dfde73745",
    ]
    for (length, digest) in digests {
      #expect(SHA224.hexDigest(String(repeating: "y", count: length)) == digest, "\(length) bytes")
    }
  }

  /// `sanitize_hostname`: ASCII names (read by bytes) and others (by characters) the same way.
  @Test func makesHostnamesOfServerNames() {
    #expect(ServerView.hostname("Web_Server.01 ") == "web-server-01")
    #expect(ServerView.hostname("--db--") == "db")
    #expect(ServerView.hostname("a b!c?") == "a-bc")
    #expect(ServerView.hostname("ÉCOLE_été") == "école-été")
    #expect(ServerView.hostname("line\r\nbreak") == "linebreak")
    #expect(ServerView.hostname(String(repeating: "x", count: 70)) == String(repeating: "x", count: 63))
    #expect(ServerView.hostname("...") == "")
  }

  @Test func writesAddressesAsPython() {
    #expect(IPAddress.v4("10.0.0.0/26", host: 3) == "10.0.0.3")
    #expect(IPAddress.slaac("fda0:e0c4:2764::/64", mac: "fa:16:3e:03:08:06") == "fda0:e0c4:2764:0:f816:3eff:fe03:806")
    #expect(IPAddress.compressed([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]) == "2001:db8::1")
    #expect(IPAddress.compressed([0, 0, 1, 0, 0, 0, 1, 0]) == "0:0:1::1:0")
    // Python's `ipaddress.IPv6Address(...).compressed` for the run at either end, everywhere, or
    // nowhere long enough.
    #expect(IPAddress.compressed([0, 0, 0, 0, 0, 0, 0, 0]) == "::")
    #expect(IPAddress.compressed([1, 0, 0, 0, 0, 0, 0, 0]) == "1::")
    #expect(IPAddress.compressed([0, 0, 0, 0, 0, 0, 0, 1]) == "::1")
    #expect(IPAddress.compressed([1, 0, 1, 0, 1, 0, 1, 0]) == "1:0:1:0:1:0:1:0")
    #expect(IPAddress.compressed([1, 0, 0, 2, 0, 0, 0, 3]) == "1:0:0:2::3")
    #expect(IPAddress.compressed([0xfe80, 0, 0, 0, 0, 1, 0, 0]) == "fe80::1:0:0")
  }

  /// oslo.middleware keeps a caller's `X-Openstack-Request-Id` as the global request ID when it
  /// is `req-` and a lower-case UUID, and ignores anything else; the services log it beside
  /// their own, from the API to the conductor that failed the resize.
  @Test(arguments: [
    ("req-11111111-2222-4333-8444-555555555555", "req-11111111-2222-4333-8444-555555555555"),
    ("req-11111111-2222-4333-8444-55555555555A", nil), ("11111111-2222-4333-8444-555555555555", nil),
    ("req-not-a-uuid", nil),
  ])
  func aValidGlobalRequestIDIsKeptAndAnyOtherIgnored(sent: String, kept: String?) throws {
    let member = try Client(Self.smallCloud(), user: "clouduser1", project: "demo")
    let (id, _) = try Self.failedResize(member)
    let resize = try member.send(
      .post, "/v2.1/servers/\(id)/action", body: .object(["resize": .object(["flavorRef": "3"])]),
      headers: ["X-Openstack-Request-Id": sent])
    member.cloud.advanceClock(seconds: 5)
    let local = try #require(resize.headers["X-Openstack-Request-Id"])
    #expect(local != sent)
    // The action is the request's own; the API's log line and the conductor's carry both IDs.
    let actions = try #require(try member.send(.get, "/v2.1/servers/\(id)/os-instance-actions").body?["instanceActions"]?.array)
    #expect(actions.first?["request_id"]?.string == local)
    let records = member.cloud.log.filter { $0.requestID == local }
    #expect(records.map(\.service) == ["nova-api", "nova-conductor"])
    #expect(records.allSatisfy { $0.globalRequestID == kept })
    #expect(records.last?.message == "Failed to compute_task_migrate_server: No valid host was found. No valid host found for resize")
    #expect(records.first?.line.contains("[\(kept ?? "None") \(local) ") == true)
  }

  /// The log is kept only when asked for; the same failed resize in a cloud that was not asked
  /// leaves none.
  @Test func keepsNoLogUnlessAsked() throws {
    let logging = Self.smallCloud()
    let silent = FakeCloud(definition: logging.definition)
    for cloud in [logging, silent] {
      let member = try Client(cloud, user: "clouduser1", project: "demo")
      _ = try Self.failedResize(member)
      member.cloud.advanceClock(seconds: 5)
    }
    #expect(logging.log.map(\.service).contains("nova-conductor"))
    #expect(silent.log.isEmpty)
  }
}
