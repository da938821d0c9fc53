import CloudAPI

/// `openstack server create` (`CreateServer`): image (or bootable volume), flavor, networks and
/// ports, security groups and server group looked up, the server requested with what the options
/// add, polled until active with `--wait`, then shown as `_prep_server_detail` shows it.
enum ServerCreate: OpenStackCommand {
  static let name = "server create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name),
    repeating: DisplayOptions.showRepeating.union([
      "--network", "--nic", "--port", "--property", "--security-group", "--hint", "--tag", "--block-device",
      "--block-device-mapping", "--ephemeral", "--file",
    ]),
    types: [
      "--min": .int, "--max": .int, "--property": .keyValue, "--hint": .keyValue, "--boot-from-volume": .int, "--swap": .int,
      "--ephemeral": .multiKeyValue(required: ["size"], optional: ["format"]),
    ])
  /// `--file` and `--user-data` read local files (the emulation reads none); the others ask for
  /// what the fake cloud does not keep.
  static let refusedOptions: Set<String> = [
    "--image-property", "--file", "--user-data", "--host", "--hypervisor-hostname", "--trusted-image-cert",
  ]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let name = arguments.value("<server-name>") ?? ""
    // argparse reads the disks' values before anything is asked of the cloud.
    let (legacyMappings, blockDevices) = try ServerBlockDevices.parse(arguments)
    let version = try context.api.computeVersion(for: .server)
    // The image first, then the volume, then the snapshot, then the flavor; nothing to boot
    // from is refused after.
    // The client tests the size for truth: `--boot-from-volume 0` boots from the image.
    let bootFromVolume = arguments.value("--boot-from-volume").flatMap { Int($0) }.flatMap { $0 == 0 ? nil : $0 }
    var imageID = try arguments.value("--image").map { try ComputeLookup.image($0, in: context)["id"]?.string ?? "" }
    let volumeID = try arguments.value("--volume").map { volume in
      if bootFromVolume != nil { throw CommandFailure(message: "--volume is not allowed with --boot-from-volume") }
      return try context.cinder.find(volume, .volume)["id"]?.string ?? ""
    }
    let deleteOnTermination = arguments.flag("--delete-on-termination")
    if deleteOnTermination, bootFromVolume == nil {
      throw CommandFailure(message: "--delete-on-termination can only be used with --boot-from-volume")
    }
    let snapshotID = try arguments.value("--snapshot").map { snapshot in
      if bootFromVolume != nil { throw CommandFailure(message: "--snapshot is not allowed with --boot-from-volume") }
      return try context.cinder.find(snapshot, .snapshot)["id"]?.string ?? ""
    }
    let flavor = try ComputeLookup.flavor(arguments.value("--flavor") ?? "", in: context)["id"]?.string ?? ""
    let (minimum, maximum) = (Int(arguments.value("--min") ?? "1") ?? 1, Int(arguments.value("--max") ?? "1") ?? 1)
    if minimum > maximum { throw CommandFailure(message: "min instances should be <= max instances") }
    if minimum < 1 { throw CommandFailure(message: "min instances should be > 0") }
    if maximum < 1 { throw CommandFailure(message: "max instances should be > 0") }
    let description = arguments.value("--description").flatMap { $0.isEmpty ? nil : $0 }
    if description != nil, version < Microversion(2, 19) {
      throw CommandFailure(message: "--os-compute-api-version 2.19 or greater is required to support the --description option")
    }
    var mappings = try ServerBlockDevices.root(
      image: imageID, bootFromVolume: bootFromVolume, deleteOnTermination: deleteOnTermination, volume: volumeID,
      snapshot: snapshotID)
    // A volume made of the image boots the server: Nova is given no image.
    if bootFromVolume != nil { imageID = nil }
    mappings += try ServerBlockDevices.others(
      arguments, legacy: legacyMappings, devices: blockDevices, version: version, in: context)
    guard mappings.contains(where: { $0["boot_index"] == .int(0) }) else {
      throw CommandFailure(
        message: "An image (--image, --image-property) or bootable volume (--volume, --snapshot, --block-device) is required")
    }
    var server: JSONObject = [
      "name": .string(name), "imageRef": .string(imageID ?? ""), "flavorRef": .string(flavor),
      "min_count": .int(minimum), "max_count": .int(maximum),
    ]
    if let description { server["description"] = .string(description) }
    if let zone = arguments.value("--availability-zone"), !zone.isEmpty { server["availability_zone"] = .string(zone) }
    if let password = arguments.value("--password"), !password.isEmpty { server["adminPass"] = .string(password) }
    let properties = OSCLib.keyValues(arguments.values("--property"))
    if !properties.isEmpty {
      server["metadata"] = .object(JSONObject(uniqueKeysWithValues: properties.map { ($0.key, JSON.string($0.value)) }))
    }
    if let key = arguments.value("--key-name"), !key.isEmpty { server["key_name"] = .string(key) }
    server["block_device_mapping_v2"] = .array(mappings)
    server["networks"] = try ServerNetworks.requested(arguments, version: version, in: context)
    if let groups = try securityGroups(arguments, in: context) { server["security_groups"] = groups }
    var hints = ServerHints.read(arguments.values("--hint"))
    if let group = arguments.value("--server-group") {
      hints["group"] = .string(try ServerGroupLookup.find(group, in: context)["id"]?.string ?? group)
    }
    if let drive = try configDrive(arguments) { server["config_drive"] = drive }
    let tags = arguments.values("--tag")
    if !tags.isEmpty {
      guard version >= Microversion(2, 52) else {
        throw CommandFailure(message: "--os-compute-api-version 2.52 or greater is required to support the --tag option")
      }
      server["tags"] = .array(tags.map(JSON.string))
    }
    if let hostname = arguments.value("--hostname"), !hostname.isEmpty {
      guard version >= Microversion(2, 90) else {
        throw CommandFailure(message: "--os-compute-api-version 2.90 or greater is required to support the --hostname option")
      }
      server["hostname"] = .string(hostname)
    }
    // openstacksdk sends the hints beside the server, under the response's name for them.
    var request: JSONObject = ["server": .object(server)]
    if !hints.isEmpty { request["OS-SCH-HNT:scheduler_hints"] = .object(hints) }
    var created = try ComputeLookup.sdkCall(APIRequest(.post, "/v2.1/servers", body: .object(request)), in: context)["server"] ?? .null
    // The SDK's server keeps what it sent where the answer has nothing: the hints, as given.
    if !hints.isEmpty, case .object(var fields) = created {
      fields["OS-SCH-HNT:scheduler_hints"] = .object(hints)
      created = .object(fields)
    }
    let id = created["id"]?.string ?? ""
    if arguments.flag("--wait") {
      // The cloud reports no progress while it builds, so the client writes none.
      var progress = ""
      let reached = try Servers.wait(for: id, until: ["active"], in: context, progress: &progress)
      guard reached else { throw CommandFailure(message: "Error creating server: \(name)") }
    }
    let shown = try context.call(.compute, APIRequest(.get, "/v2.1/servers/\(id)"))["server"] ?? .null
    let detail = ServerDetail(context: context, version: version)
    return .show(try detail.fields(of: shown, created: created))
  }

  /// Each group found in Neutron and sent by its ID (`{"name": ID}`); `--no-security-group`
  /// sends none; without either, Nova's default.
  private static func securityGroups(_ arguments: ParsedArguments, in context: CommandContext) throws -> JSON? {
    let groups = arguments.values("--security-group")
    if groups.isEmpty { return arguments.flag("--no-security-group") ? .array([]) : nil }
    return .array(
      try groups.map { group in
        // `find_security_group`: by ID, then the one of that name.
        let direct = try context.api.send(APIRequest(.get, "/v2.0/security-groups/\(group)"), to: .network)
        var found = direct.status == 200 ? direct.body?["security_group"]?["id"]?.string : nil
        if found == nil {
          let listed = try context.api.send(
            APIRequest(.get, "/v2.0/security-groups", query: [(name: "name", value: group)]), to: .network)
          let matches = listed.body?["security_groups"]?.array ?? []
          if matches.count > 1 { throw CommandFailure(message: "More than one SecurityGroup exists with the name '\(group)'.") }
          found = matches.first?["id"]?.string
        }
        guard let id = found else { throw CommandFailure(message: "No SecurityGroup found for \(group)") }
        return .object(["name": .string(id)])
      })
  }

  /// `--use-config-drive`, `--no-config-drive` (nothing sent), or the deprecated
  /// `--config-drive True`; a config drive volume is not emulated.
  private static func configDrive(_ arguments: ParsedArguments) throws -> JSON? {
    if arguments.flag("--use-config-drive") { return true }
    if arguments.flag("--no-config-drive") { return nil }
    guard let value = arguments.value("--config-drive") else { return nil }
    switch value.lowercased() {
    case "true", "1": return true
    case "false", "0", "", "none": return nil
    default: throw NotEmulated(what: "server create --config-drive with a volume")
    }
  }
}

/// `server create`'s networks as `NICAction` reads `--nic`, `--network` and `--port` (the
/// client keeps them in the order given; here `--nic`s first, then networks, then ports), and
/// `--no-network` and `--auto-network`.
enum ServerNetworks {
  static func requested(_ arguments: ParsedArguments, version: Microversion, in context: CommandContext) throws -> JSON {
    var nics: [JSON] = []
    var special: [String] = []
    for nic in arguments.values("--nic") {
      if nic == "auto" || nic == "none" {
        special.append(nic)
      } else {
        nics.append(.object(try parse(nic)))
      }
    }
    for (option, key) in [("--network", "net-id"), ("--port", "port-id")] {
      for value in arguments.values(option) {
        if value.contains(",") || value.contains("=") {
          throw ServerCreate.syntax.error(
            "argument \(option): Invalid argument \(value); characters ',' and '=' are not allowed")
        }
        nics.append(.object(try parse("\(key)=\(value)")))
      }
    }
    if arguments.flag("--no-network") { special.append("none") }
    if arguments.flag("--auto-network") { special.append("auto") }
    if let first = special.first {
      guard nics.isEmpty, special.count == 1 else {
        throw CommandFailure(
          message: "Specifying a --nic of auto or none cannot be used with any other --nic, --network or --port value.")
      }
      guard version >= Microversion(2, 37) else {
        throw CommandFailure(
          message: "--os-compute-api-version 2.37 or greater is required to support explicit auto-allocation of a network or to disable network allocation")
      }
      return .string(first)
    }
    guard !nics.isEmpty else { return version >= Microversion(2, 37) ? "auto" : .array([]) }
    var networks: [JSON] = []
    for nic in nics {
      if nic["tag"] != nil, version < Microversion(2, 43) {
        throw CommandFailure(message: "--os-compute-api-version 2.43 or greater is required to support the --nic tag field")
      }
      var network: JSONObject = [:]
      if let net = nic["net-id"]?.string, !net.isEmpty {
        network["uuid"] = .string(try NeutronLookup.network.sdkFind(net, in: context))
      }
      if let port = nic["port-id"]?.string, !port.isEmpty {
        let lookup = NeutronLookup(collection: "ports", member: "port", noun: "port")
        network["port"] = .string(try lookup.sdkFind(port, in: context))
      }
      if let fixed = nic["v4-fixed-ip"]?.string, !fixed.isEmpty {
        network["fixed_ip"] = .string(fixed)
      } else if let fixed = nic["v6-fixed-ip"]?.string, !fixed.isEmpty {
        network["fixed_ip"] = .string(fixed)
      }
      if let tag = nic["tag"]?.string, !tag.isEmpty { network["tag"] = .string(tag) }
      networks.append(.object(network))
    }
    return .array(networks)
  }

  /// `net-id=...,port-id=...,v4-fixed-ip=...,v6-fixed-ip=...,tag=...`, as `NICAction` checks it.
  private static func parse(_ value: String) throws -> JSONObject {
    var info: JSONObject = ["net-id": "", "port-id": "", "v4-fixed-ip": "", "v6-fixed-ip": ""]
    for pair in value.split(separator: ",", omittingEmptySubsequences: false) {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let key = String(parts[0])
      let given = parts.count > 1 ? String(parts[1]) : ""
      guard ["net-id", "port-id", "v4-fixed-ip", "v6-fixed-ip", "tag"].contains(key), !given.isEmpty else {
        throw ServerCreate.syntax.error(
          "argument --nic: Invalid argument \(value); argument must be of form 'net-id=net-uuid,port-id=port-uuid,v4-fixed-ip=ip-addr,v6-fixed-ip=ip-addr,tag=tag'")
      }
      info[key] = .string(given)
    }
    if info["net-id"]?.string?.isEmpty == false, info["port-id"]?.string?.isEmpty == false {
      throw ServerCreate.syntax.error(
        "argument --nic: Invalid argument \(value); either 'network' or 'port' should be specified but not both")
    }
    if info["v4-fixed-ip"]?.string?.isEmpty == false, info["v6-fixed-ip"]?.string?.isEmpty == false {
      throw ServerCreate.syntax.error(
        "argument --nic: Invalid argument \(value); either 'v4-fixed-ip' or 'v6-fixed-ip' should be specified but not both")
    }
    return info
  }
}

/// `--hint key=value` (`KeyValueAppendAction`): a key given once is a string, given more
/// often a list.
enum ServerHints {
  static func read(_ values: [String]) -> JSONObject {
    var lists: [(key: String, values: [String])] = []
    for text in values {
      let equals = text.firstIndex(of: "=") ?? text.endIndex
      let key = String(text[..<equals])
      let value = equals < text.endIndex ? String(text[text.index(after: equals)...]) : ""
      if let index = lists.firstIndex(where: { $0.key == key }) { lists[index].values.append(value) } else { lists.append((key, [value])) }
    }
    return JSONObject(
      uniqueKeysWithValues: lists.map { ($0.key, $0.values.count == 1 ? JSON.string($0.values[0]) : .array($0.values.map(JSON.string))) })
  }
}

/// `openstack server show` (`ShowServer`): the server as found, by ID or by name; with
/// `--topology`, its NUMA topology beside the rest.
enum ServerShow: OpenStackCommand {
  static let name = "server show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  /// Diagnostics are the hypervisor's live statistics of the guest (libvirt's CPU times, disk
  /// and NIC counters), which the fake cloud does not keep.
  static let refusedOptions: Set<String> = ["--diagnostics"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let server = try ComputeLookup.server(arguments.value("<server>") ?? "", in: context)
    let topology = arguments.flag("--topology") ? try self.topology(of: server["id"]?.string ?? "", in: context) : nil
    let detail = ServerDetail(context: context, version: try context.api.computeVersion(for: .server))
    var fields = try detail.fields(of: server)
    // `if topology:`: an answer with keys, in a `DictColumn`.
    if let topology, !topology.object.isEmpty {
      fields["topology"] = context.isTable ? OSCLib.formatDict(topology) : topology
      fields.sort { $0.key.precedesByCodePoint($1.key) }
    }
    return .show(fields)
  }

  /// The client's check of 2.78, then the SDK's `fetch_topology`: a plain `session.get`, sent
  /// without the resource's microversion (the one the user named, else none: Nova's 2.1, where
  /// the API is not found).
  private static func topology(of id: String, in context: CommandContext) throws -> JSON {
    guard try context.api.supportsComputeVersion(Microversion(2, 78)) else {
      throw CommandFailure(message: "--os-compute-api-version 2.78 or greater is required to support the --topology option")
    }
    let response = try context.api.send(APIRequest(.get, "/v2.1/servers/\(id)/topology"), to: .compute, computeResource: .unversioned)
    guard (200..<300).contains(response.status) else { throw ComputeLookup.sdkError(response, path: "/servers/\(id)/topology") }
    return response.body ?? .null
  }
}

/// `openstack server delete` (`DeleteServer`): each server found (in every project with
/// `--all-projects`) and deleted (with `--force`, the SDK's `force_delete`: the `forceDelete`
/// action), failures logged and counted; with `--wait`, then each deleted one waited for.
enum ServerDelete: OpenStackCommand {
  static let name = "server delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let names = arguments.values("<server>")
    let allProjects = arguments.flag("--all-projects")
    var deleted: [String] = []
    for name in names {
      do {
        let id = try ComputeLookup.server(name, in: context, allProjects: allProjects)["id"]?.string ?? name
        if arguments.flag("--force") {
          try ServerPowerAction.send(.object(["forceDelete": .null]), to: id, in: context)
        } else {
          let response = try context.api.send(APIRequest(.delete, "/v2.1/servers/\(id)"), to: .compute)
          guard (200..<300).contains(response.status) else { throw ComputeLookup.sdkError(response, path: "/servers/\(id)") }
        }
        deleted.append(id)
      } catch let failure as CommandFailure {
        context.log("Failed to delete server with name or ID '\(name)': \(failure.message)")
      }
    }
    // The cloud reports no progress while it deletes, so the client writes none.
    for id in arguments.flag("--wait") ? deleted : [] {
      guard try Servers.waitForDelete(of: id, in: context) else { throw CommandFailure(message: "Error deleting server: \(id)") }
    }
    let failed = names.count - deleted.count
    if failed > 0 { throw CommandFailure(message: "\(failed) of \(names.count) servers failed to delete.") }
    return .nothing
  }
}

/// `openstack server resize` (`ResizeServer`): the resize requested; with `--wait`, polled until
/// the server is active or waits to be confirmed, and `Complete` printed, whether the resize
/// happened or not.
enum ServerResize: OpenStackCommand {
  static let name = "server resize"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let server = try ComputeLookup.server(arguments.value("<server>") ?? "", in: context)
    let id = server["id"]?.string ?? ""
    let body: JSON
    if let flavorName = arguments.value("--flavor") {
      let flavor = try ComputeLookup.flavor(flavorName, in: context)["id"]?.string ?? ""
      body = .object(["resize": .object(["flavorRef": .string(flavor)])])
    } else {
      // argparse lets one of `--flavor`, `--confirm` and `--revert` through, and requires one.
      let confirm = arguments.flag("--confirm") || !arguments.flag("--revert")
      // Logged as a warning, on standard error, before the request.
      context.log(
        "The --\(confirm ? "confirm" : "revert") option has been deprecated. Please use the 'openstack server resize"
          + " \(confirm ? "confirm" : "revert")' command instead.")
      body = .object([confirm ? "confirmResize" : "revertResize": .null])
    }
    let response = try context.api.send(APIRequest(.post, "/v2.1/servers/\(id)/action", body: body), to: .compute)
    guard (200..<300).contains(response.status) else { throw ComputeLookup.sdkError(response, path: "/servers/\(id)/action") }
    guard arguments.value("--flavor") != nil, arguments.flag("--wait") else { return .nothing }
    var progress = ""
    guard try Servers.wait(for: id, until: ["active", "verify_resize"], in: context, progress: &progress) else {
      throw CommandFailure(message: progress + "Error resizing server: \(id)")
    }
    return .text(progress + "Complete\n")
  }
}

enum Servers {
  /// openstacksdk's `wait_for_delete` with its compute proxy's interval and limit: fetched every
  /// 2 seconds, 60 times in its 120 seconds; whether the server went (not found, or `deleted`)
  /// meanwhile. A fetch that fails otherwise is the SDK's error.
  static func waitForDelete(of id: String, in context: CommandContext) throws -> Bool {
    for _ in 0..<60 {
      let response = try context.api.send(APIRequest(.get, "/v2.1/servers/\(id)"), to: .compute)
      if response.status == 404 { return true }
      guard (200..<300).contains(response.status) else { throw ComputeLookup.sdkError(response, path: "/servers/\(id)") }
      if response.body?["server"]?["status"]?.string?.lowercased() == "deleted" { return true }
      context.sleep(2)
    }
    return false
  }

  /// osc-lib's `wait_for_status` with the client's progress callback: fetch at once, stop at a
  /// success status or `error`, else write `\rProgress: N` (when there is progress) and sleep
  /// 5 seconds.
  static func wait(for id: String, until success: Set<String>, in context: CommandContext, progress: inout String) throws -> Bool {
    while true {
      let server = try context.call(.compute, APIRequest(.get, "/v2.1/servers/\(id)"))["server"] ?? .null
      let status = server["status"]?.string?.lowercased() ?? ""
      if let value = server["progress"], value.isTruthy { progress += "\rProgress: \(PythonText.str(value))" }
      if success.contains(status) { return true }
      if status == "error" { return false }
      context.sleep(5)
    }
  }
}
