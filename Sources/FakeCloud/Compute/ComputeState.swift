import CloudAPI

/// Nova's records: flavors, hosts, servers, their instance actions and events, faults.
struct ComputeState {
  struct Flavor {
    var definition: CloudDefinition.Flavor
    var id: String { definition.id }
    /// The flavor's row in Nova's `flavors` table (`Flavor.id`, not `flavorid`): what migrations
    /// name as `old_instance_type_id` and `new_instance_type_id`. The cloud's flavors are made in
    /// the order the cloud lists them; a flavor created later takes the next.
    var databaseID: Int
    /// The projects a private flavor is open to (`os-flavor-access`).
    var accessProjects: [String] = []
    /// A deleted flavor stays for the servers that were built with it, as Nova keeps a copy in
    /// each instance.
    var deleted = false
  }

  struct Host {
    var definition: CloudDefinition.ComputeHost
    var name: String { definition.name }
  }

  /// An address of the server: a fixed IP of one of its ports, or a floating IP mapped to one.
  struct Address {
    var network: String
    var version: Int
    var address: String
    var mac: String
    var type = "fixed"
  }

  /// A port of the server, in Nova's network info cache: made by Nova (from a network) or given
  /// to it (`preexisting`), which Nova unbinds rather than deletes.
  struct Interface {
    var portID: String
    var preexisting: Bool
    /// The device tag an attach gave it (2.49), shown from 2.70.
    var tag: String? = nil
  }

  /// An instance fault (`nova.objects.InstanceFault`).
  struct Fault {
    var code: Int
    var created: Int64
    var message: String
    var details: String
  }

  struct Server {
    var id: String
    var name: String
    var projectID: String
    var userID: String
    var flavorID: String
    var imageID: String
    var vmState: String
    var taskState: String?
    var powerState: Int
    var host: String?
    var availabilityZone: String?
    var created: Int64
    var updated: Int64
    var launched: Int64?
    /// When the server was deleted (`terminated_at`); a deleted server stays for its usage.
    var terminated: Int64? = nil
    /// The server's ports, in the order they were attached.
    var interfaces: [Interface] = []
    /// Nova's network info cache: the addresses of the ports (`ServerPorts.refreshNetworkInfo`).
    var addresses: [Address] = []
    var fault: Fault?
    var reservationID: String
    var instanceName: String
    /// The flavor a resize waits to confirm or revert.
    var oldFlavorID: String?
    /// What the create request asked for besides image, flavor and networks (`ServerRequest`).
    var request = ServerRequest()
    var metadata: JSONObject = [:]
    var description: String? = nil
    var tags: [String] = []
    var lockedReason: String? = nil
    var locked = false
    /// The host a migration or a resize left, until it is confirmed or reverted.
    var sourceHost: String? = nil
    /// What Nova keeps of the boot image and the booting user, which snapshots inherit.
    var systemMetadata = SystemMetadata()

    /// The API's status, from the VM and task states (`nova/api/openstack/common.py`).
    var status: String {
      switch (vmState, taskState) {
      case ("building", _): return "BUILD"
      case ("active", "resize_prep"), ("active", "resize_migrating"), ("active", "resize_migrated"),
        ("active", "resize_finish"):
        return "RESIZE"
      case ("active", "deleting"), ("error", "deleting"): return "ACTIVE"
      case ("active", "rebuilding"), ("stopped", "rebuilding"), ("error", "rebuilding"): return "REBUILD"
      case ("active", "rebooting"), ("active", "reboot_pending"), ("active", "reboot_started"): return "REBOOT"
      case ("active", "migrating"), ("paused", "migrating"): return "MIGRATING"
      case (_, "rebooting_hard"), (_, "reboot_pending_hard"), (_, "reboot_started_hard"): return "HARD_REBOOT"
      case ("active", _): return "ACTIVE"
      case ("resized", _): return "VERIFY_RESIZE"
      case ("rescued", _): return "RESCUE"
      case ("shelved_offloaded", _): return "SHELVED_OFFLOADED"
      case ("stopped", _): return "SHUTOFF"
      case ("error", _): return "ERROR"
      case ("deleted", _): return "DELETED"
      default: return vmState.uppercased()
      }
    }
  }

  struct Event {
    var name: String
    var start: Int64
    var finish: Int64?
    var result: String?
    var traceback: String?
    var host: String?
  }

  /// An instance action: one API request that changed the server, with its events.
  struct Action {
    var action: String
    var serverID: String
    var requestID: String
    /// The caller's global request ID, which the services that carry the action on log.
    var globalRequestID: String? = nil
    var userID: String
    var projectID: String
    var start: Int64
    var updated: Int64
    var message: String?
    var events: [Event] = []
  }

  /// A Manila share mapped into a server (`ServerShareAPI`).
  struct ShareMapping {
    var uuid: String
    var serverID: String
    var shareID: String
    /// `attaching`, `inactive`, `active`, `detaching`, `error`.
    var status: String
    var tag: String
    var exportLocation: String?
    var proto: String
  }

  var flavors: [Flavor]
  var hosts: [Host]
  /// Host aggregates, oldest first (`ComputeAdmin`).
  var aggregates: [Aggregate] = []
  /// The nova-compute services an admin disabled or forced down, by host.
  var serviceChanges: [String: ServiceChange] = [:]
  var servers: [Server] = []
  /// Newest last.
  var actions: [Action] = []
  /// Key pairs, oldest first (`ComputeKeypairs`).
  var keypairs: [Keypair] = []
  /// Server groups, oldest first (`ServerGroups`).
  var serverGroups: [ServerGroup] = []
  /// Shares mapped into servers, oldest first.
  var shareMappings: [ShareMapping] = []
  /// Migration records (`MigrationRecords`), oldest first: their IDs count from 1.
  var migrations: [Migration] = []
  /// `[DEFAULT] shelved_offload_time`: 0 offloads a shelved server at once, a negative value
  /// never (`ServerShelve`).
  var shelvedOffloadTime = 0

  init(definition: CloudDefinition) {
    // Nova lists flavors by `flavorid` as a string: 1, 2, 3, 4, 42, 5, 84, c1, ...
    flavors = definition.flavors.enumerated().map { Flavor(definition: $1, databaseID: $0 + 1) }.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
    hosts = definition.computeHosts.map(Host.init)
    shelvedOffloadTime = definition.shelvedOffloadTime
  }

  /// The flavor of that ID that has not been deleted.
  func flavor(_ id: String) -> Flavor? { flavors.first { $0.id == id && !$0.deleted } }

  /// The flavor a server was built with, deleted or not (the newest of that ID).
  func embeddedFlavor(_ id: String) -> Flavor? { flavors.last { $0.id == id } }

  /// What a host's servers take: vCPUs, MiB of RAM, GiB of disk.
  func usage(of host: String, excluding excluded: String? = nil) -> (vcpus: Int, memory: Int, disk: Int) {
    var usage = (vcpus: 0, memory: 0, disk: 0)
    for server in servers where server.host == host && server.vmState != "deleted" && server.id != excluded {
      for flavorID in [server.flavorID] + (server.oldFlavorID.map { [$0] } ?? []) {
        guard let flavor = embeddedFlavor(flavorID)?.definition else { continue }
        usage.vcpus += flavor.vcpus
        usage.memory += flavor.ram
        usage.disk += flavor.disk + flavor.ephemeral
      }
    }
    return usage
  }

  /// The hosts a flavor fits on, as placement and the scheduler's filters find them.
  func hosts(fitting flavor: CloudDefinition.Flavor, besides server: Server? = nil) -> [Host] {
    hosts.filter { host in
      // The ComputeFilter passes only hosts whose service is enabled and up.
      if let change = serviceChanges[host.name], change.disabled || change.forcedDown { return false }
      let used = usage(of: host.name)
      return used.vcpus + flavor.vcpus <= host.definition.vcpus && used.memory + flavor.ram <= host.definition.memory
        && used.disk + flavor.disk + flavor.ephemeral <= host.definition.disk
    }
  }
}

extension VirtualClock {
  /// `2019-12-02T19:14:42Z`: `utils.isotime`, what Nova prints for `created` and `updated`.
  static func isoZulu(_ time: Int64) -> String {
    isoSeconds(time / 1_000_000, suffix: "Z")
  }

  /// `2019-12-02T19:15:35.000000`: a naive datetime from a MySQL `DATETIME` column (whole
  /// seconds) as `jsonutils` prints it.
  static func isoDatabase(_ time: Int64) -> String {
    isoSeconds(time / 1_000_000, suffix: ".000000")
  }
}
