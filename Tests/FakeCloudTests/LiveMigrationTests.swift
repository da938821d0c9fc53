import CloudAPI
import Testing

@testable import FakeCloud

/// Nova's live migration through the REST API: the server moves in the cloud's time with the
/// compute hosts' events; a refusal by the conductor leaves the server where it was, its task
/// state reset and the fault recorded, and the conductor's event failed with its frames.
@Suite struct LiveMigrationTests {
  static func twoHosts() -> FakeCloud {
    var definition = CloudDefinition.devstack
    definition.computeHosts = ["compute1", "compute2"].map { CloudDefinition.ComputeHost(name: $0, vcpus: 4, memory: 4096, disk: 40) }
    return FakeCloud(definition: definition)
  }

  /// An active server of the admin's, on compute1 (the first host with room).
  static func server(_ admin: ComputeTests.Client) throws -> String {
    let images = try admin.cloud.send(APIRequest(.get, "/v2/images", headers: ["X-Auth-Token": admin.token]), to: .image)
    let image = try #require(images.body?["images"]?.array.first?["id"]?.string)
    let created = try admin.send(
      .post, "/v2.1/servers",
      body: .object(["server": .object(["name": "vm1", "imageRef": .string(image), "flavorRef": "1", "networks": "none"])]))
    let id = try #require(created.body?["server"]?["id"]?.string)
    admin.cloud.advanceClock(seconds: 10)
    return id
  }

  static func migrate(_ host: String?) -> JSON {
    .object(["os-migrateLive": .object(["host": host.map(JSON.string) ?? .null, "block_migration": "auto"])])
  }

  @Test func theServerMovesWhileMigratingAndTheHostsRecordTheirSteps() throws {
    let admin = try ComputeTests.Client(Self.twoHosts(), user: "admin", project: "admin")
    let id = try Self.server(admin)
    let started = try admin.send(.post, "/v2.1/servers/\(id)/action", body: Self.migrate(nil), version: "2.30")
    #expect(started.status == 202)
    let migrating = try admin.send(.get, "/v2.1/servers/\(id)").body?["server"]
    #expect(migrating?["status"] == "MIGRATING" && migrating?["OS-EXT-SRV-ATTR:host"] == "compute1")
    admin.cloud.advanceClock(seconds: 6)
    let moved = try admin.send(.get, "/v2.1/servers/\(id)").body?["server"]
    #expect(moved?["status"] == "ACTIVE" && moved?["OS-EXT-SRV-ATTR:host"] == "compute2")
    let action = try #require(admin.cloud.state.compute.actions.last)
    #expect(action.action == "live-migration")
    #expect(
      action.events.map { "\($0.name)@\($0.host ?? "")" } == [
        "conductor_migrate_server@compute1", "compute_check_can_live_migrate_destination@compute2",
        "compute_check_can_live_migrate_source@compute1", "compute_pre_live_migration@compute2",
        "compute_live_migration@compute1", "compute_post_live_migration_at_destination@compute2",
      ])
  }

  @Test func theSourceAskedForIsNoDestination() throws {
    let admin = try ComputeTests.Client(Self.twoHosts(), user: "admin", project: "admin")
    let id = try Self.server(admin)
    let refused = try admin.send(.post, "/v2.1/servers/\(id)/action", body: Self.migrate("compute1"), version: "2.30")
    #expect(refused.status == 400)
    #expect(refused.body?["badRequest"]?["message"] == "No valid host was found. There are not enough hosts available.")
    let server = try #require(admin.cloud.state.compute.servers.first { $0.id == id })
    #expect(server.taskState == nil && server.host == "compute1")
    #expect(server.fault?.details.hasSuffix("nova.exception.NoValidHost: No valid host was found. There are not enough hosts available.\n") == true)
    let event = try #require(admin.cloud.state.compute.actions.last?.events.first)
    #expect(event.name == "conductor_migrate_server" && event.result == "Error")
    #expect(event.traceback?.contains("in _find_destination") == true)
  }

  @Test func aStoppedServerDoesNotMove() throws {
    let admin = try ComputeTests.Client(Self.twoHosts(), user: "admin", project: "admin")
    let id = try Self.server(admin)
    _ = try admin.send(.post, "/v2.1/servers/\(id)/action", body: .object(["os-stop": .null]))
    admin.cloud.advanceClock(seconds: 10)
    let stopped = try admin.send(.post, "/v2.1/servers/\(id)/action", body: Self.migrate(nil), version: "2.30")
    #expect(stopped.status == 409)
    let message = "Cannot 'os-migrateLive' instance \(id) while it is in vm_state stopped"
    #expect(stopped.body?["conflictingRequest"]?["message"]?.string == message)
  }

  /// Before 2.30 a named host is forced past the scheduler: the conductor's own check refuses the
  /// source (`_check_destination_is_not_source`) rather than the scheduler.
  @Test func beforeTwoThirtyANamedHostIsForced() throws {
    let admin = try ComputeTests.Client(Self.twoHosts(), user: "admin", project: "admin")
    let id = try Self.server(admin)
    let refused = try admin.send(.post, "/v2.1/servers/\(id)/action", body: Self.migrate("compute1"), version: "2.25")
    #expect(refused.body?["badRequest"]?["message"]?.string == "Unable to migrate instance (\(id)) to current host (compute1).")
    let moved = try admin.send(.post, "/v2.1/servers/\(id)/action", body: Self.migrate("compute2"), version: "2.25")
    #expect(moved.status == 202)
  }
}
