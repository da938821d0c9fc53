import CloudAPI
import Testing

@testable import FakeCloud

/// Nova's shelve through the REST API, in the cloud's time: the task states `server show` gives
/// at each step, the snapshot, the instance actions and their events, the ports, and Nova's
/// refusals.
@Suite struct ServerShelveTests {
  typealias Client = ComputeTests.Client

  /// An active server of `client`'s on the private network, booted from the cloud's image (or
  /// from a volume made of it).
  static func server(_ client: Client, name: String = "vm1", fromVolume: Bool = false) throws -> String {
    let image = try ServerSnapshotTests.image(client)
    let network = try #require(
      try client.cloud.send(
        APIRequest(.get, "/v2.0/networks", query: [(name: "name", value: "private")], headers: ["X-Auth-Token": client.token]),
        to: .network
      ).body?["networks"]?.array.first?["id"]?.string)
    var server: JSONObject = [
      "name": .string(name), "flavorRef": "1", "networks": .array([.object(["uuid": .string(network)])]),
    ]
    if fromVolume {
      server["block_device_mapping_v2"] = .array([
        .object([
          "uuid": .string(image), "source_type": "image", "destination_type": "volume", "volume_size": 1, "boot_index": 0,
          "delete_on_termination": true,
        ])
      ])
    } else {
      server["imageRef"] = .string(image)
    }
    let created = try client.send(.post, "/v2.1/servers", body: .object(["server": .object(server)]))
    let id = try #require(created.body?["server"]?["id"]?.string, "\(created.body ?? .null)")
    client.cloud.advanceClock(seconds: 10)
    #expect(try Self.show(client, id)["status"] == "ACTIVE")
    return id
  }

  static func show(_ client: Client, _ id: String) throws -> JSON {
    try #require(try client.send(.get, "/v2.1/servers/\(id)").body?["server"])
  }

  static func act(_ client: Client, _ id: String, _ body: JSON, version: String = "2.100") throws -> APIResponse {
    try client.send(.post, "/v2.1/servers/\(id)/action", body: body, version: version)
  }

  /// The events of the server's newest action: each one's result, `running` while it runs.
  static func events(_ cloud: FakeCloud, _ id: String) -> [String: String] {
    let action = cloud.state.compute.actions.last { $0.serverID == id }
    return Dictionary(uniqueKeysWithValues: (action?.events ?? []).map { ($0.name, $0.result ?? "running") })
  }

  static func ports(_ client: Client, _ id: String) throws -> [JSON] {
    try #require(
      try client.cloud.send(
        APIRequest(.get, "/v2.0/ports", query: [(name: "device_id", value: id)], headers: ["X-Auth-Token": client.token]), to: .network
      ).body?["ports"]?.array)
  }

  /// What `server show` gives: status, task state, VM state.
  static func states(_ client: Client, _ id: String) throws -> [String?] {
    let server = try show(client, id)
    return [server["status"]?.string, server["OS-EXT-STS:task_state"]?.string, server["OS-EXT-STS:vm_state"]?.string]
  }

  @Test func aServerBootedFromAnImageGoesThroughTheShelvingTaskStatesAndIsOffloadedAtOnce() throws {
    let admin = try Client(FakeCloud(definition: .devstack), user: "admin", project: "admin")
    let cloud = admin.cloud
    let id = try Self.server(admin)
    #expect(try Self.act(admin, id, .object(["shelve": .null])).status == 202)
    #expect(try Self.states(admin, id) == ["ACTIVE", "shelving", "active"])
    let image = try #require(cloud.state.images.images.last)
    #expect(image.definition.name == "vm1-shelved" && image.status == "queued")
    #expect(image.definition.properties.contains { $0 == ("image_type", "snapshot") })
    #expect(image.definition.properties.contains { $0 == ("instance_uuid", id) })
    #expect(Self.events(cloud, id) == ["compute_shelve_instance": "running"])
    #expect(try Self.act(admin, id, .object(["shelve": .null])).body?["conflictingRequest"]?["message"]
      == .string("Cannot 'shelve' instance \(id) while it is in task_state shelving"))
    cloud.advanceClock(seconds: 2.5)
    #expect(try Self.states(admin, id) == ["ACTIVE", "shelving_image_pending_upload", "active"])
    // The guest is off, but Nova saves its power state at the end.
    #expect(try Self.show(admin, id)["OS-EXT-STS:power_state"] == 1)
    cloud.advanceClock(seconds: 0.5)
    #expect(try Self.states(admin, id) == ["ACTIVE", "shelving_image_uploading", "active"])
    #expect(cloud.state.images.images.last?.status == "saving")
    cloud.advanceClock(seconds: 4.5)
    #expect(try Self.states(admin, id) == ["SHELVED", "shelving_offloading", "shelved"])
    #expect(cloud.state.images.images.last?.status == "active")
    #expect(try Self.show(admin, id)["OS-EXT-SRV-ATTR:host"] == "devstack")
    #expect(cloud.state.compute.servers[0].systemMetadata["shelved_image_id"] == image.id)
    #expect(cloud.state.compute.servers[0].systemMetadata["shelved_host"] == "devstack")
    #expect(try Self.ports(admin, id).map { $0["status"] } == ["ACTIVE"])
    cloud.advanceClock(seconds: 1)
    #expect(try Self.states(admin, id) == ["SHELVED_OFFLOADED", nil, "shelved_offloaded"])
    let server = try Self.show(admin, id)
    #expect(server["OS-EXT-SRV-ATTR:host"] == .null && server["OS-EXT-STS:power_state"] == 4)
    #expect(server["OS-EXT-AZ:availability_zone"] == "nova")
    #expect(Self.events(cloud, id) == ["compute_shelve_instance": "Success"])
    let port = try #require(try Self.ports(admin, id).first)
    #expect(port["status"] == "DOWN" && port["binding:host_id"] == "" && port["binding:vif_type"] == "unbound")
    #expect(port["device_id"] == .string(id))
    let action = try #require(cloud.state.compute.actions.last)
    #expect(action.action == "shelve" && action.events[0].finish == action.start + 8_400_000)
  }

  @Test func aServerBootedFromAVolumeIsOffloadedWithoutAnImage() throws {
    let member = try Client(FakeCloud(definition: .devstack), user: "clouduser1", project: "demo")
    let cloud = member.cloud
    let id = try Self.server(member, fromVolume: true)
    let images = cloud.state.images.images.count
    #expect(try Self.act(member, id, .object(["shelve": .null])).status == 202)
    #expect(cloud.state.images.images.count == images)
    cloud.advanceClock(seconds: 3)
    #expect(try Self.states(member, id) == ["ACTIVE", "shelving", "active"])
    #expect(Self.events(cloud, id) == ["compute_shelve_offload_instance": "running"])
    cloud.advanceClock(seconds: 0.5)
    #expect(try Self.states(member, id) == ["SHELVED_OFFLOADED", nil, "shelved_offloaded"])
    #expect(Self.events(cloud, id) == ["compute_shelve_offload_instance": "Success"])
    #expect(cloud.state.compute.servers[0].systemMetadata["shelved_at"] == nil)
    // Its unshelve has no snapshot to look up.
    #expect(try Self.act(member, id, .object(["unshelve": .null])).status == 202)
    cloud.advanceClock(seconds: 10)
    #expect(try Self.states(member, id) == ["ACTIVE", nil, "active"])
    #expect(Self.events(cloud, id) == ["schedule_instances": "Success", "compute_unshelve_instance": "Success"])
  }

  @Test func anOffloadedServerIsScheduledSpawnedAndItsSnapshotDeleted() throws {
    let member = try Client(FakeCloud(definition: .devstack), user: "clouduser1", project: "demo")
    let cloud = member.cloud
    let id = try Self.server(member)
    let boot = cloud.state.compute.servers[0].imageID
    #expect(try Self.act(member, id, .object(["shelve": .null])).status == 202)
    cloud.advanceClock(seconds: 10)
    let snapshot = try #require(cloud.state.compute.servers[0].systemMetadata["shelved_image_id"])
    #expect(try Self.act(member, id, .object(["unshelve": .null])).status == 202)
    #expect(try Self.states(member, id) == ["SHELVED_OFFLOADED", "unshelving", "shelved_offloaded"])
    cloud.advanceClock(seconds: 1.2)
    // The claim saves the snapshot as the server's image until the spawn is done.
    #expect(try Self.states(member, id) == ["SHELVED_OFFLOADED", "spawning", "shelved_offloaded"])
    #expect(try Self.show(member, id)["image"]?["id"] == .string(snapshot))
    #expect(Self.events(cloud, id) == ["get_image_info": "Success", "schedule_instances": "Success", "compute_unshelve_instance": "running"])
    cloud.advanceClock(seconds: 5.3)
    #expect(try Self.states(member, id) == ["ACTIVE", nil, "active"])
    #expect(try Self.show(member, id)["image"]?["id"] == .string(boot))
    #expect(Self.events(cloud, id)["compute_unshelve_instance"] == "Success")
    #expect(!cloud.state.images.images.contains { $0.id == snapshot })
    #expect(cloud.state.compute.servers[0].systemMetadata["shelved_image_id"] == nil)
    #expect(try Self.ports(member, id).map { $0["status"] } == ["ACTIVE"])
  }

  @Test func nova409sForTheWrongState() throws {
    let admin = try Client(FakeCloud(definition: .devstack), user: "admin", project: "admin")
    let id = try Self.server(admin)
    func message(_ body: JSON) throws -> String? {
      let answer = try Self.act(admin, id, body)
      #expect(answer.status == 409)
      return answer.body?["conflictingRequest"]?["message"]?.string
    }
    #expect(try message(.object(["unshelve": .null])) == "Cannot 'unshelve' instance \(id) while it is in vm_state active")
    #expect(try message(.object(["shelveOffload": .null])) == "Cannot 'shelveOffload' instance \(id) while it is in vm_state active")
    #expect(try Self.act(admin, id, .object(["shelve": .null])).status == 202)
    admin.cloud.advanceClock(seconds: 10)
    #expect(try message(.object(["shelve": .null])) == "Cannot 'shelve' instance \(id) while it is in vm_state shelved_offloaded")
    #expect(
      try message(.object(["shelveOffload": .null])) == "Cannot 'shelveOffload' instance \(id) while it is in vm_state shelved_offloaded")
  }

  @Test func onlyAnAdminOffloadsEvenALockedServer() throws {
    var definition = CloudDefinition.devstack
    definition.shelvedOffloadTime = -1
    let member = try Client(FakeCloud(definition: definition), user: "clouduser1", project: "demo")
    let id = try Self.server(member)
    #expect(try Self.act(member, id, .object(["shelve": .null])).status == 202)
    member.cloud.advanceClock(seconds: 10)
    #expect(try Self.states(member, id) == ["SHELVED", nil, "shelved"])
    #expect(Self.events(member.cloud, id) == ["compute_shelve_instance": "Success"])
    #expect(try Self.act(member, id, .object(["lock": .null])).status == 202)
    let refused = try Self.act(member, id, .object(["shelveOffload": .null]))
    #expect(refused.status == 403)
    #expect(refused.body?["forbidden"]?["message"] == "Policy doesn't allow os_compute_api:os-shelve:shelve_offload to be performed.")
    #expect(try Self.act(member, id, .object(["unlock": .null])).status == 202)
    let admin = try Client(member.cloud, user: "admin", project: "admin")
    #expect(try Self.act(admin, id, .object(["shelveOffload": .null])).status == 202)
    #expect(try Self.states(member, id) == ["SHELVED", "shelving_offloading", "shelved"])
    member.cloud.advanceClock(seconds: 1)
    #expect(try Self.states(member, id) == ["SHELVED_OFFLOADED", nil, "shelved_offloaded"])
    #expect(member.cloud.state.compute.actions.last?.action == "shelveOffload")
    #expect(Self.events(member.cloud, id) == ["compute_shelve_offload_instance": "Success"])
  }

  /// A server kept on its host is started there again (`powering-on`, `compute_start_instance`),
  /// its snapshot deleted; a zone or a host is only for an offloaded one.
  @Test func aShelvedServerIsStartedWhereItIs() throws {
    var definition = CloudDefinition.devstack
    definition.shelvedOffloadTime = -1
    let member = try Client(FakeCloud(definition: definition), user: "clouduser1", project: "demo")
    let cloud = member.cloud
    let id = try Self.server(member)
    #expect(try Self.act(member, id, .object(["shelve": .null])).status == 202)
    cloud.advanceClock(seconds: 10)
    let snapshot = try #require(cloud.state.compute.servers[0].systemMetadata["shelved_image_id"])
    let zone = try Self.act(member, id, .object(["unshelve": .object(["availability_zone": "nova"])]))
    #expect(zone.status == 409)
    #expect(
      zone.body?["conflictingRequest"]?["message"]
        == .string(
          "Specifying an availability zone or a host when unshelving server \"\(id)\" with status \"shelved\" is not supported. The server status must be SHELVED_OFFLOADED."
        ))
    #expect(try Self.act(member, id, .object(["unshelve": .null])).status == 202)
    cloud.advanceClock(seconds: 1)
    #expect(try Self.states(member, id) == ["SHELVED", "powering-on", "shelved"])
    cloud.advanceClock(seconds: 2.5)
    #expect(try Self.states(member, id) == ["ACTIVE", nil, "active"])
    #expect(Self.events(cloud, id) == ["compute_start_instance": "Success"])
    #expect(!cloud.state.images.images.contains { $0.id == snapshot })
  }

  /// The body by microversion: ignored before 2.77; a zone from 2.77; a host, or a zone of
  /// `null` to unpin the server, from 2.91.
  @Test func theUnshelveBodyByMicroversion() throws {
    var definition = CloudDefinition.devstack
    definition.computeHosts.append(CloudDefinition.ComputeHost(name: "compute2", availabilityZone: "az2", vcpus: 8, memory: 7680, disk: 80))
    let admin = try Client(FakeCloud(definition: definition), user: "admin", project: "admin")
    let cloud = admin.cloud
    let id = try Self.server(admin)
    #expect(try Self.act(admin, id, .object(["shelve": .null])).status == 202)
    cloud.advanceClock(seconds: 10)
    func answer(_ body: JSON, _ version: String) throws -> (Int, String?) {
      let answer = try Self.act(admin, id, .object(["unshelve": body]), version: version)
      return (answer.status, answer.body?.object.values.first?["message"]?.string)
    }
    #expect(
      try answer(.object(["host": "compute2"]), "2.77")
        == (400, "Invalid input for field/attribute unshelve. Value: {'host': 'compute2'}. 'availability_zone' is a required property"))
    #expect(
      try answer(.object(["availability_zone": .null]), "2.90")
        == (400, "Invalid input for field/attribute availability_zone. Value: None. None is not of type 'string'"))
    #expect(
      try answer(.object(["zone": "az2"]), "2.91")
        == (400, "Invalid input for field/attribute unshelve. Value: {'zone': 'az2'}. Additional properties are not allowed ('zone' was unexpected)"))
    #expect(try answer(.object(["availability_zone": "nowhere"]), "2.91") == (400, "The requested availability zone is not available"))
    #expect(try answer(.object(["host": "nowhere"]), "2.91") == (400, "Compute host nowhere could not be found."))
    #expect(
      try answer(.object(["availability_zone": "nova", "host": "compute2"]), "2.91")
        == (409, "Host \"compute2\" is not in the availability zone \"nova\"."))
    // Before 2.77 the body is not read: the server goes where the scheduler puts it.
    #expect(try answer(.object(["availability_zone": "az2"]), "2.76").0 == 202)
    cloud.advanceClock(seconds: 10)
    #expect(try Self.show(admin, id)["OS-EXT-AZ:availability_zone"] == "nova")
    #expect(try Self.show(admin, id)["pinned_availability_zone"] == .null)
    for zone in ["az2", "nova"] {
      #expect(try Self.act(admin, id, .object(["shelve": .null])).status == 202)
      cloud.advanceClock(seconds: 10)
      #expect(try answer(.object(["availability_zone": .string(zone)]), "2.77").0 == 202)
      cloud.advanceClock(seconds: 10)
      let server = try Self.show(admin, id)
      #expect(server["OS-EXT-AZ:availability_zone"] == .string(zone) && server["pinned_availability_zone"] == .string(zone))
      #expect(server["OS-EXT-SRV-ATTR:host"] == (zone == "az2" ? "compute2" : "devstack"))
    }
    #expect(try Self.act(admin, id, .object(["shelve": .null])).status == 202)
    cloud.advanceClock(seconds: 10)
    #expect(try answer(.object(["availability_zone": .null, "host": "compute2"]), "2.91").0 == 202)
    cloud.advanceClock(seconds: 10)
    let server = try Self.show(admin, id)
    #expect(server["OS-EXT-SRV-ATTR:host"] == "compute2" && server["pinned_availability_zone"] == .null)
  }

  @Test func aMemberMayNotUnshelveToAHost() throws {
    let member = try Client(FakeCloud(definition: .devstack), user: "clouduser1", project: "demo")
    let id = try Self.server(member)
    #expect(try Self.act(member, id, .object(["shelve": .null])).status == 202)
    member.cloud.advanceClock(seconds: 10)
    let answer = try Self.act(member, id, .object(["unshelve": .object(["host": "devstack"])]))
    #expect(answer.status == 403)
    #expect(answer.body?["forbidden"]?["message"] == "Policy doesn't allow os_compute_api:os-shelve:unshelve_to_host to be performed.")
  }

  /// `NoValidHost` in the conductor: the server stays offloaded, its task cleared, the
  /// `schedule_instances` event and the action in error; no fault.
  @Test func anUnshelveNoHostCanTakeLeavesTheServerOffloaded() throws {
    let cloud = ComputeTests.smallCloud()
    let member = try Client(cloud, user: "clouduser1", project: "demo")
    let id = try Self.server(member)
    #expect(try Self.act(member, id, .object(["shelve": .null])).status == 202)
    cloud.advanceClock(seconds: 10)
    // The host's two vCPUs go to two other servers.
    _ = try Self.server(member, name: "vm2")
    _ = try Self.server(member, name: "vm3")
    #expect(try Self.act(member, id, .object(["unshelve": .null])).status == 202)
    cloud.advanceClock(seconds: 10)
    #expect(try Self.states(member, id) == ["SHELVED_OFFLOADED", nil, "shelved_offloaded"])
    #expect(try Self.show(member, id)["fault"] == nil)
    #expect(Self.events(cloud, id) == ["get_image_info": "Success", "schedule_instances": "Error"])
    let action = try #require(cloud.state.compute.actions.last { $0.serverID == id })
    #expect(action.message == "Error")
    #expect(action.events[1].traceback?.hasSuffix("return cctxt.call(ctxt, 'select_destinations', **msg_args)\n") == true)
  }

  @Test func aServerWithAShareIsNotShelved() throws {
    let cloud = FakeCloud(definition: .devstack)
    let member = try Client(cloud, user: "clouduser1", project: "demo")
    let id = try Self.server(member)
    cloud.state.compute.shareMappings.append(
      ComputeState.ShareMapping(uuid: "m", serverID: id, shareID: "s", status: "active", tag: "s", exportLocation: "x", proto: "NFS"))
    let answer = try Self.act(member, id, .object(["shelve": .null]))
    #expect(answer.status == 409)
    #expect(answer.body?["conflictingRequest"]?["message"] == "Feature not supported with instances that have shares.")
  }

  @Test func aCloudFileKeepsShelvedServersOrOffloadsThemButHasNoPeriodicOffload() throws {
    #expect(try CloudDefinition(yaml: "shelved_offload_time: -1\n", file: "c.yaml").shelvedOffloadTime == -1)
    #expect(try CloudDefinition(yaml: "shelved_offload_time: 0\n", file: "c.yaml").shelvedOffloadTime == 0)
    #expect(throws: CloudFileError.self) { try CloudDefinition(yaml: "shelved_offload_time: 3600\n", file: "c.yaml") }
  }
}
