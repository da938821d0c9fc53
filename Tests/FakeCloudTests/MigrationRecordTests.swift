import CloudAPI
import Testing

@testable import FakeCloud

/// Nova's migration records through the REST API: each move keeps one of its type, its status
/// goes on in the cloud's time, `GET /os-migrations` filters and pages them by microversion, and
/// a running live migration can be aborted or forced to complete.
@Suite struct MigrationRecordTests {
  typealias Client = ComputeTests.Client

  /// An admin on two hosts, with an active server on compute1.
  static func setUp() throws -> (admin: Client, server: String) {
    let admin = try Client(LiveMigrationTests.twoHosts(), user: "admin", project: "admin")
    return (admin, try LiveMigrationTests.server(admin))
  }

  static func list(_ admin: Client, _ query: [(name: String, value: String)] = [], version: String = "2.100") throws -> APIResponse {
    var request = APIRequest(.get, "/v2.1/os-migrations", query: query)
    request.headers["X-Auth-Token"] = admin.token
    request.headers["OpenStack-API-Version"] = "compute \(version)"
    return try admin.cloud.send(request, to: .compute)
  }

  static func records(_ admin: Client) -> [ComputeState.Migration] { admin.cloud.state.compute.migrations }

  static func action(_ admin: Client, _ server: String, _ body: JSON, version: String = "2.100") throws -> APIResponse {
    try admin.send(.post, "/v2.1/servers/\(server)/action", body: body, version: version)
  }

  @Test func eachMoveKeepsARecordOfItsType() throws {
    let (admin, server) = try Self.setUp()
    _ = try Self.action(admin, server, .object(["migrate": .null]))
    admin.cloud.advanceClock(seconds: 2)
    let cold = try #require(Self.records(admin).last)
    #expect(cold.type == "migration" && cold.status == "finished" && cold.id == 1)
    #expect(cold.sourceCompute == "compute1" && cold.destCompute == "compute2" && cold.destHost == "10.0.0.12")
    #expect(cold.oldFlavor == cold.newFlavor && cold.oldFlavor == admin.cloud.state.compute.flavor("1")?.databaseID)
    _ = try Self.action(admin, server, .object(["confirmResize": .null]))
    #expect(Self.records(admin).last?.status == "confirmed")

    _ = try Self.action(admin, server, .object(["resize": .object(["flavorRef": "2"])]))
    admin.cloud.advanceClock(seconds: 2)
    let resize = try #require(Self.records(admin).last)
    #expect(resize.type == "resize" && resize.status == "finished")
    #expect(resize.newFlavor == admin.cloud.state.compute.flavor("2")?.databaseID && resize.newFlavor != resize.oldFlavor)
    _ = try Self.action(admin, server, .object(["revertResize": .null]))
    #expect(Self.records(admin).last?.status == "reverted")

    _ = try Self.action(admin, server, LiveMigrationTests.migrate(nil), version: "2.30")
    #expect(Self.records(admin).last?.type == "live-migration")
    admin.cloud.advanceClock(seconds: 6)
    #expect(Self.records(admin).last?.status == "completed")

    let host = try #require(admin.cloud.state.compute.servers.first { $0.id == server }?.host)
    // Its host down, as `compute service set --down` leaves it.
    admin.cloud.state.compute.serviceChanges[host] = ComputeState.ServiceChange(disabledReason: nil, forcedDown: true)
    _ = try Self.action(admin, server, .object(["evacuate": .object([:])]))
    let evacuation = try #require(Self.records(admin).last)
    #expect(evacuation.type == "evacuation" && evacuation.status == "accepted" && evacuation.updated == nil)
    #expect(evacuation.oldFlavor == nil && evacuation.sourceCompute == host)
    admin.cloud.advanceClock(seconds: 60)
    #expect(Self.records(admin).last?.status == "done" && Self.records(admin).last?.destCompute != host)
    #expect(Self.records(admin).map(\.id) == [1, 2, 3, 4])
  }

  @Test func aLiveMigrationGoesThroughItsStatusesInTheCloudsTime() throws {
    let (admin, server) = try Self.setUp()
    _ = try Self.action(admin, server, LiveMigrationTests.migrate(nil), version: "2.30")
    var statuses: [String] = []
    for _ in 0..<6 {
      statuses.append(Self.records(admin).last?.status ?? "")
      if Self.records(admin).last?.status == "running" {
        let shown = try admin.send(.get, "/v2.1/servers/\(server)/migrations").body?["migrations"]?.array.first
        #expect(shown?["memory_total_bytes"] == .int(512 * 1_048_576))
        let listed = try Self.list(admin).body?["migrations"]?.array.first
        #expect(listed?["links"]?.array.count == 2 && listed?["memory_total_bytes"] == nil)
      }
      admin.cloud.advanceClock(seconds: 1)
    }
    #expect(statuses == ["queued", "preparing", "running", "running", "running", "completed"])
    #expect(try admin.send(.get, "/v2.1/servers/\(server)/migrations").body?["migrations"]?.array.isEmpty == true)
    let listed = try Self.list(admin).body?["migrations"]?.array.first
    #expect(listed?["links"] == nil && listed?["status"] == "completed")
  }

  @Test func theListFiltersAndPagesByMicroversion() throws {
    let (admin, server) = try Self.setUp()
    _ = try Self.action(admin, server, .object(["migrate": .null]))
    admin.cloud.advanceClock(seconds: 2)
    _ = try Self.action(admin, server, .object(["confirmResize": .null]))
    _ = try Self.action(admin, server, LiveMigrationTests.migrate(nil), version: "2.30")
    admin.cloud.advanceClock(seconds: 6)
    func ids(_ response: APIResponse) -> [JSON] { response.body?["migrations"]?.array.compactMap { $0["id"] } ?? [] }
    #expect(ids(try Self.list(admin)) == [2, 1])
    #expect(ids(try Self.list(admin, version: "2.58")) == [1, 2])
    #expect(try Self.list(admin, version: "2.58").body?["migrations"]?.array.first?["uuid"] == nil)
    #expect(ids(try Self.list(admin, [(name: "migration_type", value: "live-migration")])) == [2])
    #expect(ids(try Self.list(admin, [(name: "source_compute", value: "compute2")])) == [2])
    #expect(ids(try Self.list(admin, [(name: "host", value: "compute2")])) == [2, 1])
    #expect(ids(try Self.list(admin, [(name: "instance_uuid", value: "nosuch")])) == [])
    let page = try Self.list(admin, [(name: "limit", value: "1")])
    #expect(ids(page) == [2])
    let next = try #require(page.body?["migrations_links"]?.array.first?["href"]?.string)
    let newest = try #require(Self.records(admin).last?.uuid)
    #expect(next == "http://devstack/compute/v2.1/os-migrations?limit=1&marker=\(newest)")
    #expect(ids(try Self.list(admin, [(name: "limit", value: "1"), (name: "marker", value: newest)])) == [1])
    #expect(try Self.list(admin, [(name: "marker", value: "nosuch")]).status == 400)
    let late = VirtualClock.isoZulu(try #require(Self.records(admin).last?.updated))
    #expect(ids(try Self.list(admin, [(name: "changes-since", value: late)])) == [2])
    let member = try Client(admin.cloud, user: "clouduser1", project: "demo")
    #expect(try Self.list(member).status == 403)
  }

  /// `PROJECT_MANAGER_OR_ADMIN`: a manager lists the records of their own project only, asked by
  /// its ID, and without the hosts (`index:host` is an admin's).
  @Test func aProjectManagerListsTheirProjectsRecordsWithoutHosts() throws {
    let admin = try Client(LiveMigrationTests.twoHosts(), user: "admin", project: "admin")
    let identity = admin.cloud.state.identity
    let project = try #require(identity.projects.first { $0.name == "demo" }?.id)
    let user = try #require(identity.users.first { $0.name == "clouduser1" }?.id)
    let role = try #require(identity.tables["roles"]?.first { $0["name"] == "manager" }?["id"]?.string)
    var grant = APIRequest(.put, "/v3/projects/\(project)/users/\(user)/roles/\(role)")
    grant.headers["X-Auth-Token"] = admin.token
    #expect(try admin.cloud.send(grant, to: .identity).status == 204)
    let manager = try Client(admin.cloud, user: "clouduser1", project: "demo")
    let server = try LiveMigrationTests.server(manager)
    _ = try Self.action(manager, server, .object(["resize": .object(["flavorRef": "2"])]))
    admin.cloud.advanceClock(seconds: 2)
    let everyone = try Self.list(manager)
    #expect(everyone.status == 403)
    let refusal = "Policy doesn't allow os_compute_api:os-migrations:index:all_projects to be performed."
    #expect(everyone.body?["forbidden"]?["message"] == .string(refusal))
    let own = try #require(try Self.list(manager, [(name: "project_id", value: project)]).body?["migrations"]?.array)
    #expect(own.count == 1 && own.first?["migration_type"] == "resize")
    #expect(own.first?["source_compute"] == .null && own.first?["dest_host"] == .null)
    #expect(try Self.list(admin).body?["migrations"]?.array.first?["source_compute"] == "compute1")
  }

  @Test func aRunningLiveMigrationIsAbortedOrForcedToComplete() throws {
    let (admin, server) = try Self.setUp()
    _ = try Self.action(admin, server, LiveMigrationTests.migrate(nil), version: "2.30")
    let path = "/v2.1/servers/\(server)/migrations/1"
    // Queued: only from 2.65.
    #expect(try admin.send(.delete, path, version: "2.64").status == 400)
    #expect(try admin.send(.delete, path, version: "2.65").status == 202)
    #expect(Self.records(admin).last?.status == "cancelled")
    admin.cloud.advanceClock(seconds: 6)
    let stayed = try #require(admin.cloud.state.compute.servers.first { $0.id == server })
    #expect(stayed.host == "compute1" && stayed.taskState == nil)
    let over = try admin.send(.delete, path)
    #expect(over.status == 409)
    #expect(over.body?["conflictingRequest"]?["message"] == .string("Cannot 'abort live migration' instance \(server) while it is in task_state None"))

    _ = try Self.action(admin, server, LiveMigrationTests.migrate(nil), version: "2.30")
    let second = "/v2.1/servers/\(server)/migrations/2"
    let early = try admin.send(.post, second + "/action", body: .object(["force_complete": .null]))
    #expect(early.status == 400)
    admin.cloud.advanceClock(seconds: 2)
    #expect(try admin.send(.post, second + "/action", body: .object(["force_complete": .null])).status == 202)
    admin.cloud.advanceClock(seconds: 1)
    #expect(Self.records(admin).last?.status == "completed")
    #expect(admin.cloud.state.compute.servers.first { $0.id == server }?.host == "compute2")
    #expect(admin.cloud.state.compute.actions.suffix(2).map(\.action) == ["live-migration", "live_migration_force_complete"])
  }
}
