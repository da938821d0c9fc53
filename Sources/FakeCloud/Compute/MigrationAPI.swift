import CloudAPI
import Foundation

/// Nova's migrations APIs: `GET /os-migrations` (`migrations.py`), every record, for admins; and
/// a server's in-progress live migrations (`server_migrations.py`): list, show, abort (2.24) and
/// force complete (2.22). The policies are `nova/policies/migrations.py` and
/// `servers_migrations.py`: admins, or managers of the server's project (of their own project's
/// records in the list).
enum MigrationAPI {
  static func register(in router: inout Router<CloudState>) {
    router.add(.get, "/v2.1/os-migrations", list)
    router.add(.get, "/v2.1/servers/{id}/migrations", listOfServer)
    router.add(.get, "/v2.1/servers/{id}/migrations/{migration}", show)
    router.add(.delete, "/v2.1/servers/{id}/migrations/{migration}", abort)
    router.add(.post, "/v2.1/servers/{id}/migrations/{migration}/action", action)
  }

  private static func policyFault(_ rule: String) -> APIResponse {
    .fault(403, "Policy doesn't allow os_compute_api:\(rule) to be performed.")
  }

  /// `PROJECT_MANAGER_OR_ADMIN` on `project`.
  private static func managesOrAdministers(_ caller: Caller, _ project: String) -> Bool {
    caller.isAdmin || (caller.roles.contains("manager") && caller.projectID == project)
  }

  // MARK: os-migrations

  /// `MigrationsController.index`: the records the filters keep (`host` either end, else
  /// `source_compute`; `status`, `migration_type`, `instance_uuid`, `user_id`, `project_id`), in
  /// the table's order; from 2.59 newest first (`created_at`, `id`), paged by `limit` and a
  /// record's `uuid` as `marker`, and `changes-since` (2.59) and `changes-before` (2.66) on
  /// `updated_at`.
  static func list(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    let version = state.computeVersion
    guard managesOrAdministers(caller, caller.projectID) else { return policyFault("os-migrations:index") }
    if call.query("project_id") != caller.projectID, !caller.isAdmin { return policyFault("os-migrations:index:all_projects") }
    func time(_ parameter: String, from minimum: Microversion) -> Result<Int64?, FaultResponse> {
      guard version >= minimum, let text = call.query(parameter) else { return .success(nil) }
      guard let time = VirtualClock.parseISO(text) else {
        return .failure(
          FaultResponse(.fault(400, "Invalid input for query parameters \(parameter). Value: \(text). '\(text)' is not a 'date-time'")))
      }
      return .success(time)
    }
    let since: Int64?
    let before: Int64?
    switch (time("changes-since", from: Microversion(2, 59)), time("changes-before", from: Microversion(2, 66))) {
    case (.failure(let fault), _), (_, .failure(let fault)): return fault.response
    case (.success(let first), .success(let second)): (since, before) = (first, second)
    }
    if let since, let before, before < since {
      return .fault(400, "The value of changes-since must be less than or equal to changes-before.")
    }
    var kept = state.compute.migrations.filter { migration in
      func matches(_ parameter: String, _ value: String?) -> Bool { call.query(parameter).map { $0 == value } ?? true }
      let host = call.query("host").map { $0 == migration.sourceCompute || $0 == migration.destCompute }
      // `updated_at` compared in the database, to the second; a record never saved again has none.
      let updated = migration.updated.map { $0 / 1_000_000 * 1_000_000 }
      return matches("status", migration.status) && (host ?? matches("source_compute", migration.sourceCompute))
        && matches("migration_type", migration.type) && matches("instance_uuid", migration.serverID)
        && matches("user_id", migration.userID) && matches("project_id", migration.projectID)
        && since.map { since in updated.map { $0 >= since } ?? false } ?? true
        && before.map { before in updated.map { $0 <= before } ?? false } ?? true
    }
    var links: [JSON] = []
    if version >= Microversion(2, 59) {
      // Sorted by `created_at` (whole seconds in the database), then `id`, both descending.
      func key(_ migration: ComputeState.Migration) -> (Int64, Int) { (migration.created / 1_000_000, migration.id) }
      kept.sort { key($0) > key($1) }
      var limit = 1000
      if let text = call.query("limit") {
        guard let number = Int(text), number >= 0, text.utf8.allSatisfy({ (48...57).contains($0) }) else {
          return .fault(400, "Invalid input for query parameters limit. Value: \(text). '\(text)' does not match '^[0-9]*$'")
        }
        limit = min(number, 1000)
      }
      if let marker = call.query("marker") {
        guard let found = state.compute.migrations.first(where: { $0.uuid == marker }) else {
          return .fault(400, "Marker \(marker) could not be found.")
        }
        kept = kept.filter { key($0) < key(found) }
      }
      kept = Array(kept.prefix(limit))
      if limit > 0, kept.count == limit, let last = kept.last {
        let endpoint = state.endpoints[.compute] ?? ServerView.endpoint
        links = [.object(["rel": "next", "href": .string(nextLink(call, marker: last.uuid, endpoint: endpoint))])]
      }
    }
    let isAdmin = caller.isAdmin
    var body: JSONObject = ["migrations": .array(kept.map { JSON.object(listView($0, version, showsHosts: isAdmin)) })]
    if !links.isEmpty { body["migrations_links"] = .array(links) }
    return .json(200, .object(body))
  }

  /// `_get_next_link`, `marker` the last record's UUID, under the compute endpoint the cloud is
  /// served at.
  private static func nextLink(_ call: Call, marker: String, endpoint: String) -> String {
    endpoint + "/v2.1/os-migrations?" + NovaNextLink.query(call, marker: marker)
  }

  /// `MigrationsController._output`: the record's columns but the progress; `migration_type`
  /// and an in-progress live migration's `links` from 2.23, `uuid` from 2.59, `user_id` and
  /// `project_id` from 2.80; the hosts for admins only (`index:host`).
  private static func listView(_ migration: ComputeState.Migration, _ version: Microversion, showsHosts: Bool) -> JSONObject {
    var body: JSONObject = [
      "id": .int(migration.id), "instance_uuid": .string(migration.serverID), "status": .string(migration.status),
      "source_compute": .orNull(showsHosts ? migration.sourceCompute : nil),
      "source_node": .orNull(showsHosts ? migration.sourceNode : nil),
      "dest_compute": .orNull(showsHosts ? migration.destCompute : nil),
      "dest_node": .orNull(showsHosts ? migration.destNode : nil), "dest_host": .orNull(showsHosts ? migration.destHost : nil),
      "old_instance_type_id": migration.oldFlavor.map(JSON.int) ?? .null,
      "new_instance_type_id": migration.newFlavor.map(JSON.int) ?? .null,
      "created_at": .string(VirtualClock.isoDatabase(migration.created)),
      "updated_at": migration.updated.map { .string(VirtualClock.isoDatabase($0)) } ?? .null,
    ]
    if version >= Microversion(2, 23) {
      body["migration_type"] = .string(migration.type)
      if migration.isLiveInProgress {
        body["links"] = ServerView.links("servers/\(migration.serverID)/migrations", String(migration.id), bookmarkOnly: false)
      }
    }
    if version >= Microversion(2, 59) { body["uuid"] = .string(migration.uuid) }
    if version >= Microversion(2, 80) {
      body["user_id"] = .string(migration.userID)
      body["project_id"] = .string(migration.projectID)
    }
    return body
  }

  // MARK: A server's live migrations

  /// The server (404 below `minimum`, or when there is none) and the caller.
  private static func server(
    _ state: CloudState, _ call: Call, from minimum: Microversion
  ) -> Result<(server: ComputeState.Server, caller: Caller), FaultResponse> {
    guard let caller = call.caller else { return .failure(FaultResponse(.unauthenticated())) }
    guard state.computeVersion >= minimum else { return .failure(FaultResponse(.fault(404, "The resource could not be found."))) }
    guard let server = ComputeService.server(state, call) else {
      return .failure(FaultResponse(ComputeService.instanceNotFound(call)))
    }
    return .success((server, caller))
  }

  /// `server_migrations.output`: the progress in bytes, `uuid` from 2.59, `user_id` and
  /// `project_id` from 2.80, the hosts when `showsHosts`.
  private static func serverView(_ migration: ComputeState.Migration, _ version: Microversion, showsHosts: Bool) -> JSONObject {
    var body: JSONObject = [
      "id": .int(migration.id), "server_uuid": .string(migration.serverID), "status": .string(migration.status),
      "source_compute": .orNull(showsHosts ? migration.sourceCompute : nil),
      "source_node": .orNull(showsHosts ? migration.sourceNode : nil),
      "dest_compute": .orNull(showsHosts ? migration.destCompute : nil),
      "dest_node": .orNull(showsHosts ? migration.destNode : nil), "dest_host": .orNull(showsHosts ? migration.destHost : nil),
      "memory_total_bytes": migration.memory.map { .int($0.total) } ?? .null,
      "memory_processed_bytes": migration.memory.map { .int($0.processed) } ?? .null,
      "memory_remaining_bytes": migration.memory.map { .int($0.remaining) } ?? .null,
      "disk_total_bytes": migration.disk.map { .int($0.total) } ?? .null,
      "disk_processed_bytes": migration.disk.map { .int($0.processed) } ?? .null,
      "disk_remaining_bytes": migration.disk.map { .int($0.remaining) } ?? .null,
      "created_at": .string(VirtualClock.isoDatabase(migration.created)),
      "updated_at": migration.updated.map { .string(VirtualClock.isoDatabase($0)) } ?? .null,
    ]
    if version >= Microversion(2, 59) { body["uuid"] = .string(migration.uuid) }
    if version >= Microversion(2, 80) {
      body["user_id"] = .string(migration.userID)
      body["project_id"] = .string(migration.projectID)
    }
    return body
  }

  /// `ServerMigrationsController.index` (2.23): the server's in-progress live migrations.
  static func listOfServer(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch server(state, call, from: Microversion(2, 23)) {
    case .failure(let fault): return fault.response
    case .success(let (server, caller)):
      guard managesOrAdministers(caller, server.projectID) else { return policyFault("servers:migrations:index") }
      let running = state.compute.migrations.filter { $0.serverID == server.id && $0.isLiveInProgress }
      let version = state.computeVersion
      return .json(200, .object(["migrations": .array(running.map { .object(serverView($0, version, showsHosts: caller.isAdmin)) })]))
    }
  }

  /// `ServerMigrationsController.show` (2.23, admins): an in-progress live migration.
  static func show(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch server(state, call, from: Microversion(2, 23)) {
    case .failure(let fault): return fault.response
    case .success(let (server, caller)):
      guard caller.isAdmin else { return policyFault("servers:migrations:show") }
      let id = call.parameters["migration"] ?? ""
      guard let migration = record(id, of: server.id, in: state) else {
        return .fault(404, "In-progress live migration \(id) is not found for server \(server.id).")
      }
      guard migration.type == "live-migration" else {
        return .fault(404, "Migration \(id) for server \(server.id) is not live-migration.")
      }
      guard migration.isLiveInProgress else { return .fault(404, "Live migration \(id) for server \(server.id) is not in progress.") }
      return .json(200, .object(["migration": .object(serverView(migration, state.computeVersion, showsHosts: true))]))
    }
  }

  /// The server's record of that ID (`Migration.get_by_id_and_instance`).
  private static func record(_ id: String, of serverID: String, in state: CloudState) -> ComputeState.Migration? {
    guard let number = Int(id) else { return nil }
    return state.compute.migrations.first { $0.id == number && $0.serverID == serverID }
  }

  /// The checks of `live_migrate_abort` and `live_migrate_force_complete`, in their order: the
  /// lock, the server's state, the record; then the record's own status.
  private static func check(
    _ server: ComputeState.Server, _ caller: Caller, migrationID id: String, operation: String, method: String,
    vmStates: Set<String>?, statuses: Set<String>, notFoundStatus: Int, in state: CloudState
  ) -> Result<ComputeState.Migration, FaultResponse> {
    if server.locked, !caller.isAdmin { return .failure(FaultResponse(.fault(409, "Instance \(server.id) is locked"))) }
    if let vmStates, !vmStates.contains(server.vmState) {
      return .failure(
        FaultResponse(.fault(409, "Cannot '\(operation)' instance \(server.id) while it is in vm_state \(server.vmState)")))
    }
    guard server.taskState == "migrating" else {
      return .failure(
        FaultResponse(
          .fault(409, "Cannot '\(operation)' instance \(server.id) while it is in task_state \(server.taskState ?? "None")")))
    }
    guard let migration = record(id, of: server.id, in: state) else {
      return .failure(FaultResponse(.fault(notFoundStatus, "Migration \(id) not found for instance \(server.id)")))
    }
    guard statuses.contains(migration.status) else {
      return .failure(
        FaultResponse(
          .fault(
            400,
            "Migration \(id) state of instance \(server.id) is \(migration.status). Cannot \(method) while the migration is in this state."
          )))
    }
    return .success(migration)
  }

  /// `DELETE /servers/{id}/migrations/{migration}` (2.24): a running live migration aborted, and
  /// from 2.65 a queued or preparing one; the server stays on its host, the record `cancelled`.
  static func abort(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch server(state, call, from: Microversion(2, 24)) {
    case .failure(let fault): return fault.response
    case .success(let (server, caller)):
      guard managesOrAdministers(caller, server.projectID) else { return policyFault("servers:migrations:delete") }
      let statuses: Set<String> = state.computeVersion >= Microversion(2, 65) ? ["running", "queued", "preparing"] : ["running"]
      switch check(
        server, caller, migrationID: call.parameters["migration"] ?? "", operation: "abort live migration",
        method: "abort live migration", vmStates: nil, statuses: statuses, notFoundStatus: 404, in: state)
      {
      case .failure(let fault): return fault.response
      case .success(let migration):
        let start = state.clock.now
        recordAction("live_migration_cancel", server, caller, call, in: &state)
        MigrationRecords.update(migration.id, in: &state) { $0.status = "cancelled" }
        if let index = state.compute.servers.firstIndex(where: { $0.id == server.id }) {
          state.compute.servers[index].taskState = nil
          state.compute.servers[index].updated = state.clock.now
        }
        ComputeService.finish(
          server.id, action: "live_migration_cancel", event: "compute_live_migration_abort", start: start, host: server.host,
          traceback: nil, in: &state)
        return APIResponse(status: 202)
      }
    }
  }

  /// `POST /servers/{id}/migrations/{migration}/action` `{"force_complete": null}` (2.22): a
  /// running live migration of an active server completes within a second (libvirt pauses the
  /// guest so that the copy converges).
  static func action(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch server(state, call, from: Microversion(2, 22)) {
    case .failure(let fault): return fault.response
    case .success(let (server, caller)):
      let action = call.request.body?.object.keys.first ?? ""
      guard action == "force_complete" else { return .fault(400, "There is no such action: \(action)") }
      guard managesOrAdministers(caller, server.projectID) else { return policyFault("servers:migrations:force_complete") }
      switch check(
        server, caller, migrationID: call.parameters["migration"] ?? "", operation: "force_complete",
        method: "force complete", vmStates: ["active"], statuses: ["running"], notFoundStatus: 400, in: state)
      {
      case .failure(let fault): return fault.response
      case .success(let migration):
        recordAction("live_migration_force_complete", server, caller, call, in: &state)
        let start = state.compute.actions.last { $0.serverID == server.id && $0.action == "live-migration" }?.start ?? migration.created
        let (id, target) = (server.id, migration.destCompute ?? "")
        state.after(1_000_000) { state in
          LiveMigration.complete(id, migration: migration.id, from: migration.sourceCompute, to: target, start: start, in: &state)
        }
        return APIResponse(status: 202)
      }
    }
  }

  private static func recordAction(_ action: String, _ server: ComputeState.Server, _ caller: Caller, _ call: Call, in state: inout CloudState) {
    state.compute.actions.append(
      ComputeState.Action(
        action: action, serverID: server.id, requestID: call.requestID, globalRequestID: call.globalRequestID,
        userID: caller.userID, projectID: caller.projectID, start: state.clock.now, updated: state.clock.now, message: nil))
  }
}
