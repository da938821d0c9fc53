import CloudAPI
import Testing

@testable import FakeCloud

/// Nova's `createImage` through the REST API: a queued Glance image made of the server's system
/// metadata at once, uploaded in the cloud's time while the server goes through the snapshot's
/// task states; who may take one, in which states, and with whom it is shared.
@Suite struct ServerSnapshotTests {
  /// An active server of `client`'s, booted from the cloud's image.
  static func server(_ client: ComputeTests.Client) throws -> String {
    let created = try client.send(
      .post, "/v2.1/servers",
      body: .object(["server": .object(["name": "vm1", "imageRef": .string(try image(client)), "flavorRef": "1", "networks": "none"])]))
    let id = try #require(created.body?["server"]?["id"]?.string)
    client.cloud.advanceClock(seconds: 10)
    return id
  }

  static func image(_ client: ComputeTests.Client) throws -> String {
    let images = try client.cloud.send(APIRequest(.get, "/v2/images", headers: ["X-Auth-Token": client.token]), to: .image)
    return try #require(images.body?["images"]?.array.first?["id"]?.string)
  }

  static func snapshot(_ client: ComputeTests.Client, _ server: String, metadata: JSON? = nil, version: String = "2.45") throws -> APIResponse {
    var request: JSONObject = ["name": "snap"]
    if let metadata { request["metadata"] = metadata }
    return try client.send(.post, "/v2.1/servers/\(server)/action", body: .object(["createImage": .object(request)]), version: version)
  }

  static func glanceImage(_ client: ComputeTests.Client, _ id: String) throws -> JSON {
    try #require(try client.cloud.send(APIRequest(.get, "/v2/images/\(id)", headers: ["X-Auth-Token": client.token]), to: .image).body)
  }

  @Test func theImageInheritsTheBootImageAndWhoBootedItThenTheUploadCompletesIt() throws {
    let member = try ComputeTests.Client(FakeCloud(definition: .devstack), user: "clouduser1", project: "demo")
    let server = try Self.server(member)
    let base = try Self.image(member)
    let answer = try Self.snapshot(member, server, metadata: .object(["purpose": "backup"]))
    #expect(answer.status == 202)
    let id = try #require(answer.body?["image_id"]?.string)
    let queued = try Self.glanceImage(member, id)
    #expect(queued["status"] == "queued" && queued["visibility"] == "private" && queued["disk_format"] == JSON.null)
    #expect(queued["min_disk"] == 1 && queued["owner"] == member.cloud.state.compute.servers[0].projectID.json)
    #expect(queued["base_image_ref"] == base.json && queued["owner_user_name"] == "clouduser1")
    #expect(queued["owner_project_name"] == "demo" && queued["boot_roles"] == "member,reader")
    #expect(queued["instance_uuid"] == server.json && queued["image_type"] == "snapshot" && queued["purpose"] == "backup")
    #expect(queued["owner_specified.openstack.object"] == "images/cirros-0.4.0-x86_64-disk")
    #expect(member.cloud.state.compute.servers[0].taskState == "image_snapshot_pending")
    member.cloud.advanceClock(seconds: 10)
    let active = try Self.glanceImage(member, id)
    #expect(active["status"] == "active" && active["disk_format"] == "qcow2" && active["container_format"] == "bare")
    #expect(active["image_location"] == "snapshot" && active["image_state"] == "available")
    #expect(active["size"] != JSON.null && active["checksum"] != JSON.null)
    #expect(member.cloud.state.compute.servers[0].taskState == nil)
    let action = try #require(member.cloud.state.compute.actions.last)
    #expect(action.action == "createImage" && action.events.map(\.name) == ["compute_snapshot_instance"])
  }

  @Test func beforeTwoFortyFiveTheImageIsNamedInTheLocationHeader() throws {
    let member = try ComputeTests.Client(FakeCloud(definition: .devstack), user: "clouduser1", project: "demo")
    let server = try Self.server(member)
    let answer = try Self.snapshot(member, server, version: "2.44")
    #expect(answer.status == 202 && answer.body == nil)
    let id = try #require(member.cloud.state.images.images.last?.id)
    #expect(answer.headers["Location"]?.hasSuffix("/images/\(id)") == true)
  }

  @Test func aLockedServerIsSnapshottedAndItsReasonInheritedButNotTwiceAtOnce() throws {
    let member = try ComputeTests.Client(FakeCloud(definition: .devstack), user: "clouduser1", project: "demo")
    let server = try Self.server(member)
    let lock: JSON = .object(["lock": .object(["locked_reason": "maintenance"])])
    #expect(try member.send(.post, "/v2.1/servers/\(server)/action", body: lock).status == 202)
    let answer = try Self.snapshot(member, server)
    #expect(answer.status == 202)
    let id = try #require(answer.body?["image_id"]?.string)
    #expect(try Self.glanceImage(member, id)["locked_reason"] == "maintenance")
    let again = try Self.snapshot(member, server)
    #expect(again.status == 409)
    #expect(
      again.body?["conflictingRequest"]?["message"]?.string
        == "Cannot 'createImage' instance \(server) while it is in task_state image_snapshot_pending")
  }

  @Test func anotherProjectsSnapshotIsSharedWithTheServersOwner() throws {
    let cloud = FakeCloud(definition: .devstack)
    let member = try ComputeTests.Client(cloud, user: "clouduser1", project: "demo")
    let admin = try ComputeTests.Client(cloud, user: "admin", project: "admin")
    let server = try Self.server(member)
    let id = try #require(try Self.snapshot(admin, server).body?["image_id"]?.string)
    let image = try Self.glanceImage(admin, id)
    #expect(image["visibility"] == "shared" && image["instance_owner"] == nil)
    let project = cloud.state.compute.servers[0].projectID
    #expect(cloud.state.images.members.map { "\($0.imageID) \($0.memberID) \($0.status)" } == ["\(id) \(project) pending"])
  }

  @Test func whatNoSnapshotInheritsIsLeftOutAndARebuildChangesTheBase() throws {
    let cloud = FakeCloud(definition: .devstack)
    let admin = try ComputeTests.Client(cloud, user: "admin", project: "admin")
    let base = try Self.image(admin)
    let patch = APIRequest(
      .patch, "/v2/images/\(base)",
      headers: ["X-Auth-Token": admin.token, "Content-Type": "application/openstack-images-v2.1-json-patch"],
      body: .array([
        .object(["op": "add", "path": "/img_signature", "value": "abc"]), .object(["op": "add", "path": "/cache_in_nova", "value": "True"]),
        .object(["op": "add", "path": "/kernel_id", "value": ""]),
      ]))
    #expect(try cloud.send(patch, to: .image).status == 200)
    let server = try Self.server(admin)
    let id = try #require(try Self.snapshot(admin, server).body?["image_id"]?.string)
    let image = try Self.glanceImage(admin, id)
    #expect(image["img_signature"] == nil && image["cache_in_nova"] == nil && image["kernel_id"] == nil)
    cloud.advanceClock(seconds: 10)
    let rebuild: JSON = .object(["rebuild": .object(["imageRef": .string(id)])])
    #expect(try admin.send(.post, "/v2.1/servers/\(server)/action", body: rebuild).status == 202)
    #expect(cloud.state.compute.servers[0].systemMetadata["image_base_image_ref"] == id)
    #expect(cloud.state.compute.servers[0].systemMetadata["image_image_type"] == "snapshot")
  }

  @Test func aShelvedServerIsKeptAsASnapshotWhichItsUnshelveDeletes() throws {
    let member = try ComputeTests.Client(FakeCloud(definition: .devstack), user: "clouduser1", project: "demo")
    let server = try Self.server(member)
    #expect(try member.send(.post, "/v2.1/servers/\(server)/action", body: .object(["shelve": .null])).status == 202)
    let shelved = try #require(member.cloud.state.images.images.last)
    #expect(shelved.definition.name == "vm1-shelved" && shelved.status == "queued")
    member.cloud.advanceClock(seconds: 10)
    #expect(member.cloud.state.images.images.last?.status == "active")
    #expect(member.cloud.state.compute.servers[0].vmState == "shelved_offloaded")
    #expect(try member.send(.post, "/v2.1/servers/\(server)/action", body: .object(["unshelve": .null])).status == 202)
    member.cloud.advanceClock(seconds: 10)
    #expect(member.cloud.state.compute.servers[0].vmState == "active")
    #expect(!member.cloud.state.images.images.contains { $0.id == shelved.id })
  }

  /// Nova's schema takes string metadata only (`parameter_types.metadata`).
  @Test func metadataThatIsNoStringIsRefused() throws {
    let member = try ComputeTests.Client(FakeCloud(definition: .devstack), user: "clouduser1", project: "demo")
    let server = try Self.server(member)
    let answer = try Self.snapshot(member, server, metadata: .object(["copies": .int(2)]))
    #expect(answer.status == 400)
    #expect(answer.body?["badRequest"]?["message"]?.string == "Invalid input for field/attribute copies. Value: 2. 2 is not of type 'string'")
    #expect(member.cloud.state.images.images.count == 1)
  }

  @Test func aServerBootedFromAVolumeIsNotSnapshotted() throws {
    let member = try ComputeTests.Client(FakeCloud(definition: .devstack), user: "clouduser1", project: "demo")
    let server = try Self.server(member)
    member.cloud.state.compute.servers[0].imageID = ""
    let answer = try Self.snapshot(member, server)
    #expect(answer.status == 501)
  }
}

extension String {
  fileprivate var json: JSON { .string(self) }
}
