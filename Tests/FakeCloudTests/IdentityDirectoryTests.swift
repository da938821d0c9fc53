import CloudAPI
import Testing

@testable import FakeCloud

/// Keystone's project, user and domain lookups with its default policies.
@Suite struct IdentityDirectoryTests {
  let cloud = FakeCloud()

  func get(_ path: String, _ query: [(name: String, value: String)] = [], as user: String) throws -> APIResponse {
    let auth = try authenticate(cloud, user: user, project: user == "admin" ? "admin" : "demo", password: "secret")
    var request = APIRequest(.get, path, query: query)
    request.headers["X-Auth-Token"] = auth.headers["X-Subject-Token"]
    return try cloud.send(request, to: .identity)
  }

  @Test func anAdminFindsProjectsUsersAndDomainsByNameOrID() throws {
    let projects = try get("/v3/projects", [("name", "demo")], as: "admin")
    let demo = try #require(projects.body?["projects"]?.array.first)
    #expect(demo["name"] == "demo" && demo["domain_id"] == "default")
    let id = try #require(demo["id"]?.string)
    #expect(try get("/v3/projects/\(id)", as: "admin").body?["project"]?["name"] == "demo")
    #expect(try get("/v3/users", [("name", "clouduser1")], as: "admin").body?["users"]?.array.count == 1)
    #expect(try get("/v3/domains", [("name", "Default")], as: "admin").body?["domains"]?.array.first?["id"] == "default")
    let missing = try get("/v3/projects/demo", as: "admin")
    #expect(missing.status == 404)
    #expect(missing.body?["error"]?["message"] == "Could not find project: demo.")
  }

  /// A project or user a check assumes under the page's ID takes that ID, as other services'
  /// records do (``FakeCloud/createNext(withID:)``); an ID in use is not taken twice.
  @Test func aProjectAndAUserTakeAPresetID() throws {
    let auth = try authenticate(cloud, user: "admin", project: "admin", password: "secret")
    func create(_ collection: String, _ name: String, id: String) throws -> JSON? {
      cloud.createNext(withID: id)
      var request = APIRequest(.post, "/v3/\(collection)s", body: .object([collection: .object(["name": .string(name)])]))
      request.headers["X-Auth-Token"] = auth.headers["X-Subject-Token"]
      return try cloud.send(request, to: .identity).body?[collection]?["id"]
    }
    let id = "6f88036c45344d9999a1f971e4882723"
    #expect(try create("project", "p1", id: id) == .string(id))
    #expect(try create("project", "p2", id: id) != .string(id))
    #expect(try create("user", "u1", id: id) == .string(id))
  }

  /// A member reads its own project, user and domain by ID; anything else, even what is not
  /// there, is forbidden, and so is every list.
  @Test func aMemberReadsOnlyItsOwn() throws {
    let token = try authenticate(cloud, user: "clouduser1", project: "demo", password: "secret")
    let projectID = try #require(token.body?["token"]?["project"]?["id"]?.string)
    #expect(try get("/v3/projects/\(projectID)", as: "clouduser1").status == 200)
    #expect(try get("/v3/domains/default", as: "clouduser1").status == 200)
    for path in ["/v3/projects/demo", "/v3/projects", "/v3/users", "/v3/domains"] {
      let refused = try get(path, as: "clouduser1")
      #expect(refused.status == 403, "\(path)")
    }
    #expect(
      try get("/v3/projects", as: "clouduser1").body?["error"]?["message"]
        == "You are not authorized to perform the requested action: identity:list_projects.")
  }
}
