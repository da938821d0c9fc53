import CloudAPI
import Testing

@testable import FakeCloud

/// The fake Cinder: its scheduler's extra-spec matching, what each caller sees of a type, the
/// user message a volume no back end takes leaves, and the cloud file's volume sections.
@Suite struct BlockStorageTests {
  /// A request to Cinder under the caller's project, with a token.
  struct Client {
    let cloud: FakeCloud
    let token: String
    let project: String

    init(_ cloud: FakeCloud, user: String = "clouduser1", project: String = "demo") throws {
      self.cloud = cloud
      let response = try authenticate(cloud, user: user, project: project, password: "secret")
      token = try #require(response.headers["X-Subject-Token"])
      self.project = try #require(response.body?["token"]?["project"]?["id"]?.string)
    }

    func send(_ method: HTTPMethod, _ path: String, _ body: JSON? = nil, version: String? = nil) throws -> APIResponse {
      // `path?a=b&c=d`: the query as the client would send it.
      let parts = path.split(separator: "?", maxSplits: 1)
      let pairs = parts.count > 1 ? parts[1].split(separator: "&") : []
      let query: [(name: String, value: String)] = pairs.map { pair in
        let nameValue = pair.split(separator: "=", maxSplits: 1)
        return (name: String(nameValue[0]), value: nameValue.count > 1 ? String(nameValue[1]) : "")
      }
      var request = APIRequest(method, "/v3/\(project)\(parts.first ?? "")", query: query, body: body)
      request.headers["X-Auth-Token"] = token
      request.headers["OpenStack-API-Version"] = version.map { "volume \($0)" }
      return try cloud.send(request, to: .blockStorage)
    }
  }

  @Test(arguments: [
    ("True", "<is> True", true), ("False", "<is> True", false), ("iSCSI", "<in> SCSI", true), ("24", ">= 10", true),
    ("24", "<= 10", false), ("24", "== 24.0", true), ("thin", "<or> thick <or> thin", true),
    ("thick", "<or> thin <or> dedup", false), ("abc", "s< abd", true), ("lvmdriver-1", "lvmdriver-1", true),
    ("lvmdriver-1", "ssd", false),
  ])
  func extraSpecsMatchAsTheCapabilitiesFilterMatches(value: String, requirement: String, matches: Bool) {
    #expect(BlockStorageScheduler.matches(value, requirement) == matches)
  }

  @Test func specsOfADriversScopePassAndMissingCapabilitiesFail() {
    let capabilities = [("volume_backend_name", "ssd"), ("QoS_support", "True")]
    #expect(BlockStorageScheduler.satisfies(capabilities, [("vendor:tier", "gold"), ("capabilities:QoS_support", "<is> True")]))
    #expect(!BlockStorageScheduler.satisfies(capabilities, [("replication_enabled", "<is> True")]))
  }

  @Test func aMemberSeesOnlyTheUserVisibleSpecsAndNoQoSID() throws {
    let cloud = FakeCloud()
    let admin = try Client(cloud, user: "admin", project: "admin")
    let body = try JSON(parsing: #"{"volume_type": {"name": "gold"}}"#)
    let created = try admin.send(.post, "/types", body)
    let id = try #require(created.body?["volume_type"]?["id"]?.string)
    _ = try admin.send(
      .post, "/types/\(id)/extra_specs",
      try JSON(parsing: #"{"extra_specs": {"volume_backend_name": "lvmdriver-1", "multiattach": "<is> True"}}"#))
    let member = try Client(cloud)
    let seen = try member.send(.get, "/types/\(id)").body?["volume_type"]
    #expect(seen?["extra_specs"] == .object(["multiattach": "<is> True"]))
    #expect(seen?["qos_specs_id"] == nil)
    #expect(try admin.send(.get, "/types/\(id)").body?["volume_type"]?["qos_specs_id"] == .null)
    #expect(try member.send(.post, "/types", body).status == 403)
  }

  @Test func aVolumeNoBackEndTakesEndsInErrorWithAUserMessage() throws {
    let cloud = FakeCloud()
    let admin = try Client(cloud, user: "admin", project: "admin")
    let type = try admin.send(
      .post, "/types", try JSON(parsing: #"{"volume_type": {"name": "replicated", "extra_specs": {"replication_enabled": "<is> True"}}}"#))
    #expect(type.status == 200)
    let member = try Client(cloud)
    let created = try member.send(.post, "/volumes", try JSON(parsing: #"{"volume": {"size": 1, "volume_type": "replicated"}}"#), version: "3.71")
    #expect(created.status == 202)
    #expect(created.body?["volume"]?["status"] == "creating")
    let id = try #require(created.body?["volume"]?["id"]?.string)
    cloud.advanceClock(seconds: 5)
    #expect(try member.send(.get, "/volumes/\(id)", version: "3.71").body?["volume"]?["status"] == "error")
    #expect(try member.send(.get, "/messages").status == 404)
    let message = try member.send(.get, "/messages", version: "3.3").body?["messages"]?.array.first
    #expect(message?["resource_uuid"] == .string(id))
    #expect(message?["event_id"] == "VOLUME_VOLUME_001_003")
    #expect(message?["user_message"] == "schedule allocate volume:Could not find any available weighted backend.")
    #expect(message?["request_id"] == .string(created.headers["X-Openstack-Request-Id"] ?? ""))
  }

  /// Cinder reads a messages list's filters and paging from 3.5 only; its view links to a next
  /// page whenever a `limit` is reached, at any version.
  @Test func messagesAreFilteredAndPagedFrom35() throws {
    let cloud = FakeCloud()
    let admin = try Client(cloud, user: "admin", project: "admin")
    let member = try Client(cloud)
    let type = #"{"volume_type": {"name": "replicated", "extra_specs": {"replication_enabled": "<is> True"}}}"#
    #expect(try admin.send(.post, "/types", try JSON(parsing: type)).status == 200)
    for client in [admin, admin, member] {
      let body = try JSON(parsing: #"{"volume": {"size": 1, "volume_type": "replicated"}}"#)
      #expect(try client.send(.post, "/volumes", body, version: "3.71").status == 202)
    }
    cloud.advanceClock(seconds: 5)
    func ids(_ client: Client, _ query: String, _ version: String) throws -> [String]? {
      try client.send(.get, "/messages" + query, version: version).body?["messages"]?.array.compactMap { $0["id"]?.string }
    }
    let all = try #require(try ids(admin, "", "3.5"))
    #expect(all.count == 3)
    #expect(try ids(admin, "?project_id=\(member.project)", "3.3")?.count == 3)
    #expect(try ids(admin, "?project_id=\(member.project)", "3.5")?.count == 1)
    #expect(try ids(admin, "?nosuch=1", "3.5") == [])
    #expect(try ids(admin, "?limit=2", "3.5") == Array(all.prefix(2)))
    #expect(try ids(admin, "?limit=2&marker=\(all[1])", "3.5") == [all[2]])
    #expect(try ids(admin, "?limit=2&marker=\(all[1])", "3.3") == all)
    let linked = try admin.send(.get, "/messages?limit=2", version: "3.3").body?["messages_links"]?.array.first?["href"]?.string
    #expect(linked?.hasSuffix("/messages?limit=2&marker=\(all[2])") == true)
    #expect(try admin.send(.get, "/messages?marker=nosuch", version: "3.5").status == 404)
    #expect(try ids(member, "?project_id=\(admin.project)", "3.5") == [])
  }

  @Test func badSizesAndUnknownTypesAreCindersFaults() throws {
    let member = try Client(FakeCloud())
    let zero = try member.send(.post, "/volumes", try JSON(parsing: #"{"volume": {"size": 0}}"#))
    #expect(zero.status == 400)
    #expect(zero.body?["badRequest"]?["message"] == "Invalid input for field/attribute size. Value: 0. 0 is less than the minimum of 1")
    let type = try member.send(.post, "/volumes", try JSON(parsing: #"{"volume": {"size": 1, "volume_type": "nosuch"}}"#))
    #expect(type.body?["itemNotFound"]?["message"] == "Volume type with name nosuch could not be found.")
    let quota = try member.send(.post, "/volumes", try JSON(parsing: #"{"volume": {"size": 1001}}"#))
    #expect(quota.status == 413)
  }

  @Test func theCloudFileNamesBackEndsTypesAndTheDefaultType() throws {
    let definition = try CloudDefinition(
      yaml: """
        volume_backends:
          - {host: "lab@ssd#ssd", capacity: 10, capabilities: {volume_backend_name: ssd}}
        volume_types:
          - {name: fast, extra_specs: {volume_backend_name: ssd}}
        default_volume_type: fast
        """, file: "lab.yaml")
    #expect(definition.volumeBackends.map(\.host) == ["lab@ssd#ssd"])
    #expect(definition.volumeBackends.first?.availabilityZone == "nova")
    #expect(definition.volumeTypes.map(\.name) == ["fast"])
    #expect(definition.defaultVolumeType == "fast")
    #expect(throws: CloudFileError(file: "lab.yaml", line: 2, reason: "the default volume type 'lvmdriver-1' is not among the volume types")) {
      try CloudDefinition(yaml: "volume_types:\n  - {name: fast}\n", file: "lab.yaml")
    }
  }
}
