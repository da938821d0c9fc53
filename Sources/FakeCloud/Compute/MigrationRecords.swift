import CloudAPI

extension ComputeState {
  /// A migration record (`nova.objects.Migration`): one for each time a server moves, whatever
  /// moved it, kept once the move is over. `user_id` and `project_id` are the requester's, not
  /// the server's (`Migration.create` takes them from the request's context).
  struct Migration {
    var id: Int
    var uuid: String
    /// `migration` (cold), `resize`, `live-migration` or `evacuation`.
    var type: String
    var serverID: String
    var status: String
    var sourceCompute: String?
    var sourceNode: String?
    var destCompute: String?
    var destNode: String?
    /// The destination's IP address, which its resource tracker sets when it claims the server
    /// (`_claim_existing_migration`, `_create_migration`); a live migration claims none.
    var destHost: String?
    /// The flavors' rows (``Flavor/databaseID``); an evacuation names none.
    var oldFlavor: Int?
    var newFlavor: Int?
    var userID: String
    var projectID: String
    var created: Int64
    /// `nil` until the record is saved again after its creation.
    var updated: Int64?
    /// What libvirt's monitor reports of a running live migration, in bytes; `nil` before.
    var memory: Progress?
    var disk: Progress?

    struct Progress {
      var total: Int
      var processed: Int
      var remaining: Int { total - processed }
    }

    /// `migration_get_in_progress_by_instance`'s statuses: the live migrations the server
    /// migrations API shows.
    static let inProgress: Set<String> = ["queued", "preparing", "running", "post-migrating"]

    var isLiveInProgress: Bool { type == "live-migration" && Self.inProgress.contains(status) }
  }
}

/// The migration records the moves keep (`nova/conductor/tasks/migrate.py`, `live_migrate.py`,
/// `compute/api.py`'s `evacuate`, the compute manager's `_set_migration_status`), and how each
/// one's status goes: a cold migration or resize `pre-migrating`, then `finished` on its new host
/// (`confirmed` or `reverted` once decided); a live migration `queued`, `preparing`, `running`,
/// `completed` (or `cancelled` when aborted); an evacuation `accepted`, then `done`; any of them
/// `error` when no host takes the server.
enum MigrationRecords {
  /// A new record (`Migration.create`), its ID the next of the cell's table. The conductor's
  /// record of a live migration names the source node only once its task runs
  /// (`LiveMigrationTask._execute`); a destination is named at once when the request forced one.
  static func open(
    _ type: String, of server: ComputeState.Server, status: String, flavors: (old: String, new: String)?,
    destination: String? = nil, userID: String, projectID: String, in state: inout CloudState
  ) -> Int {
    let id = (state.compute.migrations.last?.id ?? 0) + 1
    let compute = state.compute
    let row = { (flavorID: String) in compute.embeddedFlavor(flavorID)?.databaseID }
    state.compute.migrations.append(
      ComputeState.Migration(
        id: id, uuid: state.migrationIDs.uuid(), type: type, serverID: server.id, status: status,
        sourceCompute: server.host, sourceNode: type == "live-migration" ? nil : server.host, destCompute: destination,
        oldFlavor: flavors.flatMap { row($0.old) }, newFlavor: flavors.flatMap { row($0.new) }, userID: userID,
        projectID: projectID, created: state.clock.now))
    return id
  }

  /// Changes a record and saves it (`updated_at` now).
  static func update(_ id: Int, in state: inout CloudState, _ change: (inout ComputeState.Migration) -> Void) {
    guard let index = state.compute.migrations.firstIndex(where: { $0.id == id }) else { return }
    change(&state.compute.migrations[index])
    state.compute.migrations[index].updated = state.clock.now
  }

  /// The destination's resource tracker claims the server: its host, node (devstack's node is
  /// named as its host) and IP address.
  static func claim(_ id: Int, on host: String, status: String, in state: inout CloudState) {
    let address = state.compute.hosts.firstIndex { $0.name == host }.map(ComputeState.hostIP)
    update(id, in: &state) {
      $0.destCompute = host
      $0.destNode = host
      $0.destHost = address
      $0.status = status
    }
  }

  /// The newest record of a resize or cold migration of the server waiting to be confirmed or
  /// reverted (`get_by_instance_and_status(..., 'finished')`).
  static func finished(of serverID: String, in state: CloudState) -> Int? {
    state.compute.migrations.last { $0.serverID == serverID && $0.status == "finished" }?.id
  }

  // MARK: Live migration

  /// The steps of a live migration from its start, in the cloud's time, as the live migration's
  /// events go (`LiveMigration.complete`): the source queues it, the destination prepares
  /// (`pre_live_migration`) at 1 s, libvirt copies the memory from 2 s to 4 s, reporting
  /// halfway at 3 s.
  static func followLiveMigration(_ id: Int, memoryMiB: Int, in state: inout CloudState) {
    let total = memoryMiB * 1_048_576
    let steps: [(offset: Int64, from: String, to: String, processed: Int?)] = [
      (1_000_000, "queued", "preparing", nil), (2_000_000, "preparing", "running", 0),
      (3_000_000, "running", "running", total / 2), (4_000_000, "running", "running", total),
    ]
    for step in steps {
      state.after(step.offset) { state in
        guard state.compute.migrations.first(where: { $0.id == id })?.status == step.from else { return }
        update(id, in: &state) { migration in
          migration.status = step.to
          if let processed = step.processed {
            migration.memory = .init(total: total, processed: processed)
            migration.disk = .init(total: 0, processed: 0)
          }
        }
      }
    }
  }
}
