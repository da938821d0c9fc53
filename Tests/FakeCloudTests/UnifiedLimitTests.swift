import CloudAPI
import Testing

@testable import FakeCloud

/// Keystone's unified limits: a limit takes its service, region and resource from a registered
/// limit, which it then holds in place; a deleted project's limits go with it.
@Suite struct UnifiedLimitTests {
  let cloud = FakeCloud()

  func send(_ method: HTTPMethod, _ path: String, _ body: JSON? = nil, as user: String = "admin") throws -> APIResponse {
    let auth = try authenticate(cloud, user: user, project: user == "admin" ? "admin" : "demo", password: "secret")
    var request = APIRequest(method, path, body: body)
    request.headers["X-Auth-Token"] = auth.headers["X-Subject-Token"]
    return try cloud.send(request, to: .identity)
  }

  var computeService: String { IdentityService.builtInServices().first { $0["type"] == "compute" }?["id"]?.string ?? "" }

  func registered(_ resource: String, _ value: Int, region: JSON = .null) throws -> JSON {
    let body: JSON = .object([
      "registered_limits": .array([
        .object(["service_id": .string(computeService), "resource_name": .string(resource), "default_limit": .int(value), "region_id": region])
      ])
    ])
    let created = try send(.post, "/v3/registered_limits", body)
    #expect(created.status == 201)
    return created.body?["registered_limits"]?.array.first ?? .null
  }

  func limit(_ resource: String, _ value: Int, project: String) -> JSON {
    .object([
      "limits": .array([
        .object([
          "service_id": .string(computeService), "resource_name": .string(resource), "resource_limit": .int(value),
          "project_id": .string(project),
        ])
      ])
    ])
  }

  @Test func aLimitShowsItsRegisteredLimitsServiceRegionAndResource() throws {
    _ = try registered("class:VCPU", 20, region: "RegionOne")
    _ = try registered("servers", 10)
    let project = try #require(cloud.state.identity.project(named: "demo")?.id)
    let created = try send(.post, "/v3/limits", limit("servers", 4, project: project))
    let view = try #require(created.body?["limits"]?.array.first)
    #expect(view["service_id"]?.string == computeService && view["region_id"] == .null && view["resource_name"] == "servers")
    // Without a registered limit of that resource (in no region), Keystone refuses.
    let orphan = try send(.post, "/v3/limits", limit("class:VCPU", 4, project: project))
    #expect(orphan.status == 403)
  }

  @Test func aReferencedRegisteredLimitNeitherChangesNorGoes() throws {
    let servers = try #require(try registered("servers", 10)["id"]?.string)
    let project = try #require(cloud.state.identity.project(named: "demo")?.id)
    #expect(try send(.post, "/v3/limits", limit("servers", 4, project: project)).status == 201)
    let change: JSON = .object(["registered_limit": .object(["default_limit": 11])])
    #expect(try send(.patch, "/v3/registered_limits/\(servers)", change).status == 403)
    #expect(try send(.delete, "/v3/registered_limits/\(servers)").status == 403)
  }

  @Test func aDeletedProjectsLimitsGoWithIt() throws {
    _ = try registered("servers", 10)
    let made = try send(.post, "/v3/projects", .object(["project": .object(["name": "render"])]))
    let project = try #require(made.body?["project"]?["id"]?.string)
    #expect(try send(.post, "/v3/limits", limit("servers", 40, project: project)).status == 201)
    #expect(try send(.delete, "/v3/projects/\(project)").status == 204)
    #expect(try send(.get, "/v3/limits").body?["limits"]?.array.isEmpty == true)
  }

  @Test func aMemberListsOnlyTheirProjectsLimits() throws {
    _ = try registered("servers", 10)
    let demo = try #require(cloud.state.identity.project(named: "demo")?.id)
    let admin = try #require(cloud.state.identity.project(named: "admin")?.id)
    #expect(try send(.post, "/v3/limits", limit("servers", 4, project: demo)).status == 201)
    #expect(try send(.post, "/v3/limits", limit("servers", 8, project: admin)).status == 201)
    let seen = try send(.get, "/v3/limits", as: "clouduser1").body?["limits"]?.array ?? []
    #expect(seen.map { $0["project_id"]?.string } == [demo])
  }

  /// Keystone's validator: an item's properties first, then what it may not have, then what it
  /// requires, each named by the item's index with its value (`validators.py`).
  @Test func aMalformedBatchIsRefusedAsKeystonesSchemaReportsIt() throws {
    func refusal(_ item: JSONObject) throws -> String? {
      try send(.post, "/v3/registered_limits", .object(["registered_limits": .array([.object(item)])])).body?["error"]?["message"]?.string
    }
    let service = JSON.string(computeService)
    #expect(
      try refusal(["service_id": service, "resource_name": "servers", "default_limit": "ten"])
        == "Invalid input for field/attribute default_limit. Value: ten. 'ten' is not of type 'integer'")
    #expect(
      try refusal(["service_id": service, "resource_name": "servers", "default_limit": 1, "scope": "x"])
        == "Invalid input for field/attribute 0. Value: {'service_id': '\(computeService)', 'resource_name': 'servers', 'default_limit': 1, 'scope': 'x'}. Additional properties are not allowed ('scope' was unexpected)")
    #expect(
      try refusal(["service_id": service, "default_limit": 1])
        == "Invalid input for field/attribute 0. Value: {'service_id': '\(computeService)', 'default_limit': 1}. 'resource_name' is a required property")
    let empty = try send(.post, "/v3/registered_limits", .object(["registered_limits": .array([])]))
    #expect(empty.status == 400 && empty.body?["error"]?["message"] == "Invalid input for field/attribute registered_limits. Value: []. [] should be non-empty")
  }
}
