import CloudAPI

/// One entry of a server's `block_device_mapping_v2`, as Nova keeps it once checked
/// (`BlockDeviceMapping`): where its data comes from, where it goes, and the Cinder volume
/// behind it once there is one.
struct BlockDevice: Sendable {
  /// `image`, `volume`, `snapshot` or `blank`.
  var source: String
  /// `local` (the hypervisor's disk) or `volume` (Cinder's).
  var destination: String
  var uuid: String?
  /// GiB (MiB for swap).
  var size: Int?
  var bootIndex: Int?
  var deleteOnTermination: Bool
  /// `/dev/vdb`, as given (with `/dev/` put before a bare name).
  var deviceName: String?
  var volumeType: String?
  var tag: String?
  var guestFormat: String?
  /// The volume given, or the one Nova had Cinder make.
  var volumeID: String?

  /// Nova has Cinder make a volume for it: from an image, a snapshot or blank.
  var makesVolume: Bool { destination == "volume" && source != "volume" }
}

/// `block_device_mapping_v2` as Nova reads it at `POST /servers`: the schema
/// (`schemas/servers.py`), `BlockDeviceDict.from_api`, the boot source's image metadata
/// (`get_bdm_image_metadata`) and `compute/api.py`'s `_validate_bdm`, each with its fault; then,
/// while the server builds, the volumes made and attached as `virt/block_device.py` does it.
enum BlockDeviceMappings {
  typealias Failure = FaultResponse

  private static func bad(_ message: String) -> Failure { FaultResponse(.fault(400, message)) }
  private static func invalid(_ key: String, _ value: JSON, _ reason: String) -> Failure {
    bad("Invalid input for field/attribute \(key). Value: \(PythonValue.str(value)). \(reason)")
  }

  /// `parameter_types.boolean`'s enum, as jsonschema prints it.
  private static let booleans: [JSON] = [
    true, "True", "TRUE", "true", "1", "ON", "On", "on", "YES", "Yes", "yes",
    false, "False", "FALSE", "false", "0", "OFF", "Off", "off", "NO", "No", "no",
  ]
  /// `fields.DiskBus.ALL`.
  private static let diskBuses: Set<String> = ["fdc", "ide", "sata", "scsi", "usb", "virtio", "xen", "lxc", "uml"]
  /// `[DEFAULT] max_local_block_devices`.
  private static let maximumLocalDevices = 3

  /// The mappings checked in Nova's order; `imageRef` is the request's (empty when booting
  /// from a volume).
  static func read(
    _ mappings: [JSON], imageRef: String, flavor: CloudDefinition.Flavor, caller: Caller, state: CloudState
  ) -> Result<[BlockDevice], Failure> {
    var devices: [BlockDevice] = []
    for mapping in mappings {
      switch schema(mapping) {
      case .failure(let fault): return .failure(fault)
      case .success(let device): devices.append(device)
      }
    }
    for device in devices {
      if let fault = fromAPI(device, imageGiven: !imageRef.isEmpty) { return .failure(fault) }
    }
    if imageRef.isEmpty, let fault = bootSource(devices, caller: caller, state: state) { return .failure(fault) }
    // `_check_and_transform_bdm`: an image with no boot device given boots from a local copy.
    if !imageRef.isEmpty, !devices.contains(where: { $0.bootIndex == 0 }) {
      devices.insert(
        BlockDevice(source: "image", destination: "local", uuid: imageRef, bootIndex: 0, deleteOnTermination: true), at: 0)
    }
    return validate(devices, flavor: flavor, caller: caller, state: state)
  }

  /// The JSON schema of one mapping, for the keys a client sends.
  private static func schema(_ mapping: JSON) -> Result<BlockDevice, Failure> {
    var device = BlockDevice(source: "", destination: "", deleteOnTermination: false)
    if let size = mapping["volume_size"] {
      switch size {
      case .int(let number):
        if number < 1 { return .failure(invalid("volume_size", size, "\(number) is less than the minimum of 1")) }
        if number > 0x7FFF_FFFF { return .failure(invalid("volume_size", size, "\(number) is greater than the maximum of 2147483647")) }
        device.size = number
      case .string(let text):
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
          return .failure(invalid("volume_size", size, "\(PythonValue.repr(size)) does not match '^[0-9]+$'"))
        }
        // A string is not held to the minimum: `"0"` passes, and counts as no size.
        device.size = Int(text).flatMap { $0 == 0 ? nil : $0 }
      default: return .failure(invalid("volume_size", size, "\(PythonValue.repr(size)) is not of type 'integer', 'string'"))
      }
    }
    if let name = mapping["device_name"] {
      guard let text = name.string else { return .failure(invalid("device_name", name, "\(PythonValue.repr(name)) is not of type 'string'")) }
      if text.isEmpty { return .failure(invalid("device_name", name, "'' is too short")) }
      guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._/-".contains($0)) }) else {
        return .failure(invalid("device_name", name, "\(PythonValue.repr(name)) does not match '^[a-zA-Z0-9._/-]*$'"))
      }
      device.deviceName = text.hasPrefix("/dev/") ? text : "/dev/" + text
    }
    if let value = mapping["delete_on_termination"] {
      guard booleans.contains(value) else {
        return .failure(invalid("delete_on_termination", value, "\(PythonValue.repr(value)) is not one of \(PythonValue.repr(.array(booleans)))"))
      }
      device.deleteOnTermination = value.isTruthyBool ?? false
    }
    if let source = mapping["source_type"] {
      guard let text = source.string, ["volume", "image", "snapshot", "blank"].contains(text) else {
        return .failure(invalid("source_type", source, "\(PythonValue.repr(source)) is not one of ['volume', 'image', 'snapshot', 'blank']"))
      }
      device.source = text
    }
    if let uuid = mapping["uuid"] {
      guard let text = uuid.string, !text.isEmpty,
        text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
      else { return .failure(invalid("uuid", uuid, "\(PythonValue.repr(uuid)) does not match '^[a-zA-Z0-9._-]*$'")) }
      device.uuid = text
    }
    if let destination = mapping["destination_type"] {
      guard let text = destination.string, ["local", "volume"].contains(text) else {
        return .failure(invalid("destination_type", destination, "\(PythonValue.repr(destination)) is not one of ['local', 'volume']"))
      }
      device.destination = text
    }
    device.guestFormat = mapping["guest_format"]?.string
    if let index = mapping["boot_index"] {
      switch index {
      case .int(let number): device.bootIndex = number
      case .string(let text):
        guard let number = Int(text) else {
          return .failure(invalid("boot_index", index, "\(PythonValue.repr(index)) does not match '^-?[0-9]+$'"))
        }
        device.bootIndex = number
      default: break
      }
    }
    device.tag = mapping["tag"]?.string
    device.volumeType = mapping["volume_type"]?.string
    if let bus = mapping["disk_bus"]?.string, !diskBuses.contains(bus) {
      // `InvalidBDMDiskBus` misspells its `msg_fmt`, so it says what `InvalidBDM` says.
      return .failure(bad("Block Device Mapping is Invalid."))
    }
    return .success(device)
  }

  /// `BlockDeviceDict.from_api`: a UUID where the source needs one, none for a blank one.
  private static func fromAPI(_ device: BlockDevice, imageGiven: Bool) -> Failure? {
    func format(_ details: String) -> Failure { bad("Block Device Mapping is Invalid: \(details)") }
    if device.source == "blank", device.uuid != nil { return format("Invalid device UUID.") }
    if device.source != "blank", device.uuid == nil { return format("Missing device UUID.") }
    if device.source == "image", device.destination == "local", !(imageGiven && device.bootIndex == 0) {
      return format("Mapping image to local is not supported.")
    }
    if device.destination == "local", device.volumeType != nil {
      return format("Specifying a volume_type with destination_type=local is not supported.")
    }
    if device.source == "volume", device.volumeType != nil {
      return format("Specifying volume type to existing volume is not supported.")
    }
    return nil
  }

  /// `get_bdm_image_metadata`: without `imageRef`, the boot device's image, snapshot or
  /// volume must be there, and the volume bootable.
  private static func bootSource(_ devices: [BlockDevice], caller: Caller, state: CloudState) -> Failure? {
    guard let root = devices.first(where: { $0.bootIndex == 0 }), let uuid = root.uuid else { return nil }
    var volumeID = root.source == "volume" ? uuid : nil
    if root.source == "snapshot" {
      guard let snapshot = visibleSnapshot(uuid, caller: caller, state: state) else { return bad("Snapshot \(uuid) could not be found.") }
      volumeID = snapshot.volumeID
    }
    if root.source == "image" {
      guard state.images.images.contains(where: { $0.id == uuid }) else {
        return bad("Block Device Mapping is Invalid: failed to get image \(uuid).")
      }
    } else if let volumeID {
      guard let volume = visibleVolume(volumeID, caller: caller, state: state) else {
        return bad("Block Device Mapping is Invalid: failed to get volume \(volumeID).")
      }
      if !volume.bootable { return bad("Block Device \(volumeID) is not bootable.") }
    }
    return nil
  }

  /// `_get_volumes_for_bdms` then `_validate_bdm`: the boot order, the volume types, each
  /// source, then the flavor's ephemeral and swap room and the number of local disks.
  private static func validate(
    _ given: [BlockDevice], flavor: CloudDefinition.Flavor, caller: Caller, state: CloudState
  ) -> Result<[BlockDevice], Failure> {
    var devices = given
    for device in devices where device.source == "volume" {
      let id = device.uuid ?? ""
      if visibleVolume(id, caller: caller, state: state) == nil { return .failure(bad("Volume \(id) could not be found.")) }
    }
    let indexes = devices.compactMap(\.bootIndex).filter { $0 >= 0 }.sorted()
    if indexes.isEmpty || indexes.enumerated().contains(where: { $0.offset != $0.element }) {
      return .failure(
        bad("Block Device Mapping is Invalid: Boot sequence for the instance and image/block device mapping combination is not valid."))
    }
    for index in devices.indices {
      let device = devices[index]
      if let type = device.volumeType {
        guard let found = state.blockStorage.type(named: type), state.blockStorage.typeVisible(found, to: caller) else {
          return .failure(bad("Volume type \(type) could not be found."))
        }
      }
      let uuid = device.uuid ?? ""
      switch device.source {
      case "image":
        guard state.images.images.contains(where: { $0.id == uuid }) else {
          return .failure(bad("Block Device Mapping is Invalid: failed to get image \(uuid)."))
        }
        if device.destination == "volume", device.size == nil {
          return .failure(bad("Images with destination_type 'volume' need to have a non-zero size specified"))
        }
      case "volume":
        guard let volume = visibleVolume(uuid, caller: caller, state: state) else { continue }
        guard volume.status == "available" else {
          return .failure(bad("Invalid volume: volume '\(uuid)' status must be 'available'. Currently in '\(volume.status)'"))
        }
        devices[index].size = volume.size
        devices[index].volumeID = volume.id
      case "snapshot":
        guard let snapshot = visibleSnapshot(uuid, caller: caller, state: state) else {
          return .failure(bad("Block Device Mapping is Invalid: failed to get snapshot \(uuid)."))
        }
        devices[index].size = device.size ?? snapshot.size
      default:
        if device.destination == "volume", device.size == nil {
          return .failure(bad("Blank volumes (source: 'blank', dest: 'volume') need to have non-zero size"))
        }
      }
    }
    let ephemeral = devices.filter { $0.source == "blank" && $0.destination == "local" && $0.guestFormat != "swap" }
    if ephemeral.reduce(0, { $0 + ($1.size ?? flavor.ephemeral) }) > flavor.ephemeral {
      return .failure(
        bad("Ephemeral disks requested are larger than the instance type allows. If no size is given in one block device mapping, flavor ephemeral size will be used."))
    }
    let swaps = devices.filter { $0.source == "blank" && $0.destination == "local" && $0.guestFormat == "swap" }
    if swaps.count > 1 { return .failure(bad("Block Device Mapping is Invalid: More than one swap drive requested.")) }
    if let swap = swaps.first, (swap.size ?? 0) > flavor.swap {
      return .failure(bad("Swap drive requested is larger than instance type allows."))
    }
    if devices.filter({ $0.destination == "local" }).count > maximumLocalDevices {
      return .failure(bad("Block Device Mapping is Invalid: You specified more local devices than the limit allows"))
    }
    return .success(devices)
  }

  private static func visibleVolume(_ id: String, caller: Caller, state: CloudState) -> BlockStorageState.Volume? {
    state.blockStorage.volumes.first { $0.id == id && (caller.isAdmin || $0.projectID == caller.projectID) }
  }

  private static func visibleSnapshot(_ id: String, caller: Caller, state: CloudState) -> BlockStorageState.Snapshot? {
    state.blockStorage.snapshots.first { $0.id == id && (caller.isAdmin || $0.projectID == caller.projectID) }
  }

  // MARK: Building

  /// At the API: the volumes given are reserved for the server.
  static func reserve(_ devices: [BlockDevice], in state: inout CloudState) {
    for device in devices where device.source == "volume" {
      guard let index = state.blockStorage.volumes.firstIndex(where: { $0.id == device.volumeID }) else { continue }
      state.blockStorage.volumes[index].status = "reserved"
    }
  }

  /// The server found no host: its volumes are free again.
  static func release(_ devices: [BlockDevice], in state: inout CloudState) {
    for device in devices where device.source == "volume" {
      guard let index = state.blockStorage.volumes.firstIndex(where: { $0.id == device.volumeID }) else { continue }
      state.blockStorage.volumes[index].status = "available"
    }
  }

  /// On the compute host (`_prep_block_device`): the volumes given are attached at once; the
  /// others are asked of Cinder (named as `DriverBlankBlockDevice` names a blank one), each
  /// scheduled as Cinder schedules any. `nil`, or why the build is aborted (Cinder's quota).
  static func prepare(serverID: String, host: String, in state: inout CloudState) -> String? {
    guard let server = state.compute.servers.firstIndex(where: { $0.id == serverID }) else { return nil }
    var devices = state.compute.servers[server].request.blockDevices
    for index in devices.indices where devices[index].makesVolume {
      let device = devices[index]
      let size = device.size ?? 1
      var typeName = device.volumeType ?? state.blockStorage.defaultTypeName
      var snapshot: BlockStorageState.Snapshot?
      var imageMetadata: [(String, String)] = []
      if device.source == "snapshot" {
        snapshot = state.blockStorage.snapshots.first { $0.id == device.uuid }
        // `DriverVolSnapshotBlockDevice`: the snapshot's volume's type unless one is named.
        if device.volumeType == nil, let origin = state.blockStorage.volumes.first(where: { $0.id == snapshot?.volumeID }),
          let type = state.blockStorage.types.first(where: { $0.id == origin.typeID })
        {
          typeName = type.name
        }
      }
      guard let type = state.blockStorage.type(named: typeName) else { continue }
      let project = state.compute.servers[server].projectID
      if let fault = CinderQuotaAPI.checkVolume(state, project: project, size: size, typeName: type.name) {
        return fault.body?["overLimit"]?["message"]?.string ?? ""
      }
      let origin = state.blockStorage.volumes.first { $0.id == snapshot?.volumeID }
      if device.source == "image", let image = state.images.images.first(where: { $0.id == device.uuid }) {
        imageMetadata = VolumeAPI.imageMetadata(image)
      }
      var volume = BlockStorageState.Volume(
        id: state.newResourceID(), name: device.source == "blank" ? "\(serverID)-blank-vol" : "", description: "", size: size,
        status: "creating", typeID: type.id, availabilityZone: state.blockStorage.availabilityZones.first ?? "nova", host: nil,
        projectID: project, userID: state.compute.servers[server].userID, metadata: [], snapshotID: snapshot?.id,
        createdAt: state.clock.now / 1_000_000, updatedAt: nil)
      volume.multiattach = type.extraSpecs.contains { $0.0 == "multiattach" && $0.1 == "<is> True" }
      volume.encrypted = type.encryption != nil
      if let origin {
        volume.bootable = origin.bootable
        volume.imageMetadata = origin.imageMetadata
        imageMetadata = origin.imageMetadata
      }
      state.blockStorage.volumes.append(volume)
      devices[index].volumeID = volume.id
      let (id, metadata) = (volume.id, imageMetadata)
      state.after(VolumeAPI.schedulingDelay) { state in
        BlockStorageScheduler.schedule(&state, volumeID: id, imageMetadata: metadata, requestID: "")
      }
    }
    state.compute.servers[server].request.blockDevices = devices
    for device in devices where device.source == "volume" { attach(device, to: serverID, host: host, in: &state) }
    return nil
  }

  /// Once the host has waited for them (`_await_block_device_map_created`, every three seconds):
  /// the volumes made are attached, or why the build is aborted.
  static func attachMade(serverID: String, host: String, waited seconds: Int, in state: inout CloudState) -> String? {
    guard let server = state.compute.servers.first(where: { $0.id == serverID }) else { return nil }
    for device in server.request.blockDevices where device.makesVolume {
      guard let volume = state.blockStorage.volumes.first(where: { $0.id == device.volumeID }) else { continue }
      guard volume.status == "available" else {
        return "Volume \(volume.id) did not finish being created even after we waited \(seconds) seconds or \(seconds / 3 + 1) attempts. And its status is \(volume.status)."
      }
      attach(device, to: serverID, host: host, in: &state)
    }
    return nil
  }

  /// Cinder's attachment and Nova's mapping: `in-use`, on the device named or the next free one.
  private static func attach(_ device: BlockDevice, to serverID: String, host: String, in state: inout CloudState) {
    guard let index = state.blockStorage.volumes.firstIndex(where: { $0.id == device.volumeID }) else { return }
    let used = Set(VolumeAttachmentAPI.attachments(state, serverID: serverID).map(\.attachment.device))
    let name =
      device.deviceName
      ?? (device.bootIndex == 0 ? "/dev/vda" : nil)
      ?? "bcdefghijklmnopqrstuvwxyz".lazy.map { "/dev/vd\($0)" }.first { !used.contains($0) } ?? "/dev/vdz"
    state.blockStorage.volumes[index].attachments.append(
      BlockStorageState.Attachment(
        id: state.ids.uuid(), serverID: serverID, device: name, host: host, attachedAt: state.clock.now,
        bdmID: state.ids.uuid(), tag: device.tag, deleteOnTermination: device.deleteOnTermination))
    state.blockStorage.volumes[index].status = "in-use"
    state.blockStorage.volumes[index].updatedAt = state.clock.now / 1_000_000
  }
}

extension BlockDeviceMappings {
  /// `BuildAbortException`: the server in `error` with the reason as its fault, its volumes
  /// given back (`_cleanup_volumes` deletes those to be deleted on termination).
  static func abortBuild(_ id: String, reason: String, start: Int64, host: String, in state: inout CloudState) {
    guard let index = state.compute.servers.firstIndex(where: { $0.id == id }) else { return }
    let message = "Build of instance \(id) aborted: \(reason)"
    state.compute.servers[index].vmState = "error"
    state.compute.servers[index].taskState = nil
    state.compute.servers[index].updated = state.clock.now
    state.compute.servers[index].fault = ComputeState.Fault(
      code: 500, created: state.clock.now, message: message,
      details: "Traceback (most recent call last):\n" + buildEvent + "nova.exception.BuildAbortException: \(message)\n")
    VolumeAttachmentAPI.serverDeleted(&state, serverID: id)
    ComputeService.finish(
      id, action: "create", event: "compute__do_build_and_run_instance", start: start, host: host, traceback: buildEvent, in: &state)
  }

  /// `compute__do_build_and_run_instance` when preparing the block devices failed.
  private static let buildEvent = """
      File "/opt/stack/nova/nova/compute/manager.py", line 2502, in _do_build_and_run_instance
        self._build_and_run_instance(context, instance, image,
      File "/opt/stack/nova/nova/compute/manager.py", line 2670, in _build_and_run_instance
        with self._build_resources(context, instance,
      File "/usr/lib/python3.12/contextlib.py", line 137, in __enter__
        return next(self.gen)
      File "/opt/stack/nova/nova/compute/manager.py", line 2930, in _build_resources
        raise exception.BuildAbortException(instance_uuid=instance.uuid,

    """
}
