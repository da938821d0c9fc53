import CloudAPI
import Testing

@testable import FakeCloud

/// Nova's quotas through its REST API: a server past the project's instances is refused with
/// Nova's 403, naming every quota it would exceed; the detailed view counts what servers hold.
@Suite struct QuotaTests {
  typealias Client = ComputeTests.Client

  static func createServer(_ member: Client, name: String) throws -> APIResponse {
    let images = try member.cloud.send(APIRequest(.get, "/v2/images", headers: ["X-Auth-Token": member.token]), to: .image)
    let image = try #require(images.body?["images"]?.array.first?["id"]?.string)
    return try member.send(
      .post, "/v2.1/servers", body: .object(["server": .object(["name": .string(name), "imageRef": .string(image), "flavorRef": "1"])]))
  }

  @Test func aServerPastTheProjectsQuotasIsNovasForbidden() throws {
    let cloud = FakeCloud()
    let member = try Client(cloud, user: "clouduser1", project: "demo")
    let admin = try Client(cloud, user: "admin", project: "admin")
    let project = try #require(member.cloud.state.identity.projects.first { $0.name == "demo" }?.id)
    let set = try admin.send(.put, "/v2.1/os-quota-sets/\(project)", body: .object(["quota_set": .object(["instances": 1, "cores": 1])]), version: "2.56")
    #expect(set.status == 200 && set.body?["quota_set"]?["instances"] == 1)
    #expect(try Self.createServer(member, name: "vm1").status == 202)
    let refused = try Self.createServer(member, name: "vm2")
    #expect(refused.status == 403)
    #expect(
      refused.body?["forbidden"]?["message"]
        == "Quota exceeded for cores, instances: Requested 1, 1, but already used 1, 1 of 1, 1 cores, instances")
    let detail = try member.send(.get, "/v2.1/os-quota-sets/\(project)/detail", version: "2.56")
    #expect(detail.body?["quota_set"]?["ram"] == .object(["limit": 51200, "in_use": 512, "reserved": 0]))
    let lowered = try admin.send(.put, "/v2.1/os-quota-sets/\(project)", body: .object(["quota_set": .object(["instances": 0])]), version: "2.56")
    #expect(lowered.status == 400)
  }
}
