import CloudAPI

/// What the image commands share: Glance's requests as openstacksdk sends them and the image as
/// `_format_image` shows it.
enum Images {
  static let endpoint = "http://devstack/image"

  /// A Glance request; a fault is the SDK's exception, naming the URL.
  @discardableResult
  static func call(_ request: APIRequest, in context: CommandContext) throws -> JSON {
    let response = try context.api.send(request, to: .image)
    guard (200..<300).contains(response.status) else { throw sdkError(response, path: request.path) }
    return response.body ?? .null
  }

  static func sdkError(_ response: APIResponse, path: String) -> CommandFailure {
    let names = [400: "BadRequestException", 403: "ForbiddenException", 404: "NotFoundException", 409: "ConflictException"]
    // Glance's faults are webob's plain-text pages: the SDK gives the status's reason.
    let reason = HTTPReason.phrase(response.status)
    return CommandFailure(
      message: "\(names[response.status] ?? "HttpException"): \(response.status): Client Error for url: \(endpoint)\(path), \(reason)")
  }

  /// The SDK's `update_image(id, **attrs)`: a JSON patch of `add` operations, one per attribute,
  /// sorted by path, as the SDK diffs a fresh resource against nothing.
  static func patch(_ id: String, _ changes: [(String, JSON)], in context: CommandContext) throws {
    let operations = changes.sorted { $0.0.precedesByCodePoint($1.0) }.map { key, value in
      JSON.object(["op": "add", "path": .string("/" + key), "value": value])
    }
    try send(id, operations, in: context)
  }

  static func send(_ id: String, _ operations: [JSON], in context: CommandContext) throws {
    try call(
      APIRequest(
        .patch, "/v2/images/\(id)", headers: ["Content-Type": "application/openstack-images-v2.1-json-patch"],
        body: .array(operations)), in: context)
  }

  /// The options that set an attribute the same way in `image create` and `image set`.
  static func sharedChanges(_ arguments: ParsedArguments) -> [(String, JSON)] {
    var changes: [(String, JSON)] = []
    // argparse's ints: `image create` passes a 0 on as not given, `image set` does not.
    for (option, key) in [("--min-disk", "min_disk"), ("--min-ram", "min_ram")] {
      if let value = arguments.value(option).flatMap({ Int($0) }) { changes.append((key, .int(value))) }
    }
    if arguments.flag("--protected") { changes.append(("protected", true)) }
    if arguments.flag("--unprotected") { changes.append(("protected", false)) }
    if let visibility = ["--public", "--private", "--community", "--shared"].first(where: arguments.flag) {
      changes.append(("visibility", .string(String(visibility.dropFirst(2)))))
    }
    // KeyValueAction's dictionary, each value a string.
    for (key, value) in OSCLib.keyValues(arguments.values("--property")) { changes.append((key, .string(value))) }
    return changes
  }

  /// `_format_image`: Glance's fields that are set, the tags, and every other attribute gathered
  /// in `properties`; the columns sorted.
  static func display(_ image: JSON, humanReadable: Bool = false, in context: CommandContext) -> CommandOutput {
    var info: [String: JSON] = [:]
    var properties = JSONObject()
    // The SDK drops what is None, keeps no `self` link, and stores unknown keys as properties.
    for (key, value) in image.object where value != .null && !["tags", "self", "location"].contains(key) {
      if sdkOwnNames.contains(key) { continue }
      if fields.contains(key) {
        info[key] = value
      } else if integerAttributes.contains(key), let number = value.string.flatMap({ Int($0) }) {
        properties[key] = .int(number)
      } else {
        properties[key] = value
      }
    }
    // `to_dict` goes through the SDK's attributes in their order, the properties it does not
    // know (in Glance's order) where its `properties` attribute stands.
    let unknown = attributeOrder.firstIndex(of: "properties") ?? 0
    properties.sort { first, second in
      (attributeOrder.firstIndex(of: first.key) ?? unknown) < (attributeOrder.firstIndex(of: second.key) ?? unknown)
    }
    let tags = image["tags"]?.array ?? []
    info["tags"] = context.isTable ? .string(OSCLib.formatList(tags)) : .array(tags)
    if !properties.isEmpty { info["properties"] = context.isTable ? OSCLib.formatDict(.object(properties)) : .object(properties) }
    if humanReadable {
      var bytes = 0.0
      switch image["size"] {
      case .int(let number)?: bytes = Double(number)
      case .double(let number)?: bytes = number
      default: break
      }
      info["size"] = .string(formatSize(bytes))
    }
    let names = info.keys.sorted { $0.precedesByCodePoint($1) }
    return .show(JSONObject(uniqueKeys: names, values: names.map { info[$0]! }))
  }

  /// osc-lib's `format_size`: powers of 1,000, one decimal, trailing zeros dropped (`12.7M`).
  static func formatSize(_ bytes: Double) -> String {
    let suffixes = ["", "K", "M", "G", "T", "P", "E", "Z"]
    var size = bytes
    var index = 0
    while size >= 1000, index < suffixes.count - 1 {
      index += 1
      size /= 1000
    }
    var text = String(format: "%.1f", size)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text + suffixes[index]
  }

  static let fields: Set<String> = [
    "status", "name", "container_format", "created_at", "size", "disk_format", "updated_at", "visibility", "min_disk",
    "protected", "id", "file", "checksum", "owner", "virtual_size", "min_ram", "schema",
  ]
  /// The SDK's `Image` attributes in the order `to_dict` lists them (by their body keys).
  static let attributeOrder = [
    "os_hidden", "protected", "os_hash_algo", "os_hash_value", "properties", "architecture", "hypervisor_type",
    "instance_type_rxtx_factor", "instance_uuid", "img_config_drive", "kernel_id", "os_distro", "os_version",
    "os_secure_boot", "os_shutdown_timeout", "ramdisk_id", "vm_mode", "hw_cpu_sockets", "hw_cpu_cores", "hw_cpu_threads",
    "hw_disk_bus", "hw_cpu_policy", "hw_cpu_thread_policy", "hw_rng_model", "hw_machine_type", "hw_scsi_model",
    "hw_serial_port_count", "hw_video_model", "hw_video_ram", "hw_watchdog_action", "os_command_line", "hw_vif_model",
    "hw_vif_multiqueue_enabled", "hw_boot_menu", "vmware_adaptertype", "vmware_ostype", "auto_disk_config", "os_type",
    "os_admin_user", "hw_qemu_guest_agent", "os_require_quiesce",
  ]
  /// Properties named as the SDK names an attribute whose key is another (`owner_id` for
  /// `owner`, which Nova sets on every snapshot): the SDK reads them as that attribute, and
  /// Glance's own key, which always follows the extra properties, overwrites them.
  static let sdkOwnNames: Set<String> = ["owner_id", "is_hidden", "is_protected", "hash_algo", "hash_value"]
  /// The SDK's image attributes typed `int`: it reads Glance's strings as numbers.
  static let integerAttributes: Set<String> = [
    "hw_cpu_cores", "hw_cpu_sockets", "hw_cpu_threads", "hw_serial_port_count", "hw_video_ram", "os_shutdown_timeout",
  ]

  /// The body keys the SDK's `Image` knows under the same attribute name, and those
  /// `IMAGE_ATTRIBUTES_CUSTOM_NAMES` maps: `image unset --property` removes these when set, and
  /// other keys only when the image has them as extra properties.
  static let knownKeys: Set<String> = [
    "architecture", "checksum", "container_format", "created_at", "direct_url", "disk_format", "file", "hw_cpu_cores",
    "hw_cpu_policy", "hw_cpu_sockets", "hw_cpu_thread_policy", "hw_cpu_threads", "hw_disk_bus", "hw_machine_type",
    "hw_qemu_guest_agent", "hw_rng_model", "hw_scsi_model", "hw_serial_port_count", "hw_video_model", "hw_video_ram",
    "hw_vif_model", "hw_watchdog_action", "hypervisor_type", "id", "instance_type_rxtx_factor", "instance_uuid",
    "kernel_id", "locations", "metadata", "min_disk", "min_ram", "name", "os_admin_user", "os_command_line", "os_distro",
    "os_require_quiesce", "os_shutdown_timeout", "os_type", "os_version", "ramdisk_id", "schema", "size", "status",
    "store", "tags", "updated_at", "url", "virtual_size", "visibility", "vm_mode", "vmware_adaptertype", "vmware_ostype",
    "os_hidden", "protected", "os_hash_algo", "os_hash_value", "img_config_drive", "os_secure_boot",
    "hw_vif_multiqueue_enabled", "hw_boot_menu", "auto_disk_config",
  ]
}

/// The reason phrases `requests` reports for a status.
enum HTTPReason {
  static func phrase(_ status: Int) -> String {
    [400: "Bad Request", 403: "Forbidden", 404: "Not Found", 409: "Conflict", 415: "Unsupported Media Type"][status]
      ?? "Error"
  }
}

/// `openstack image create` (`CreateImage`) without data: the page's terminal gives none, so
/// Glance keeps the image `queued`.
enum ImageCreate: OpenStackCommand {
  static let name = "image create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(["--property", "--tag"]),
    types: [
      "--min-disk": .int, "--min-ram": .int, "--property": .keyValue,
      "--container-format": .choices(["ami", "ari", "aki", "bare", "docker", "ova", "ovf"]),
      "--disk-format": .choices(["ami", "ari", "aki", "vhd", "vmdk", "raw", "qcow2", "vhdx", "vdi", "iso", "ploop"]),
    ])
  /// Uploading, importing or converting a volume needs data the emulation does not hold.
  static let refusedOptions: Set<String> = ["--file", "--volume", "--force", "--progress", "--import"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    if arguments.value("--size") != nil { throw CommandFailure(message: "--size requires image data via --file or stdin") }
    if arguments.value("--sign-key-path") != nil || arguments.value("--sign-cert-id") != nil {
      throw CommandFailure(
        message: "signing an image requires the --file option, passing files via stdin when signing is not supported.")
    }
    let name = arguments.value("<image-name>") ?? ""
    var body: JSONObject = [
      "disk_format": .string(arguments.value("--disk-format") ?? "raw"),
      "container_format": .string(arguments.value("--container-format") ?? "bare"),
    ]
    let tags = arguments.values("--tag")
    if !tags.isEmpty { body["tags"] = .array(tags.map(JSON.string)) }
    if let id = arguments.value("--id"), !id.isEmpty { body["id"] = .string(id) }
    // The SDK's own properties: no checksums without data, and the object name it would upload.
    body["owner_specified.openstack.md5"] = ""
    body["owner_specified.openstack.sha256"] = ""
    body["owner_specified.openstack.object"] = .string("images/\(name)")
    for (key, value) in Images.sharedChanges(arguments) where !(["min_disk", "min_ram"].contains(key) && value == 0) {
      body[key] = value
    }
    // The domain means nothing without a project.
    let domain = arguments.value("--project-domain")
    if let project = arguments.value("--project") {
      body["owner"] = .string(try Flavors.projectID(project, domain: domain, in: context))
    }
    body["name"] = .string(name)
    let created = try Images.call(APIRequest(.post, "/v2/images", body: .object(body)), in: context)
    let id = created["id"]?.string ?? ""
    // The client shows the image as Glance has it after the create.
    return Images.display(try Images.call(APIRequest(.get, "/v2/images/\(id)"), in: context), in: context)
  }
}

/// `openstack image set` (`SetImage`): one JSON patch with every attribute given.
enum ImageSet: OpenStackCommand {
  static let name = "image set"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: ["--property", "--tag"],
    types: [
      "--min-disk": .int, "--min-ram": .int, "--property": .keyValue,
      "--container-format": .choices(["ami", "ari", "aki", "bare", "docker", "ova", "ovf"]),
      "--disk-format": .choices(["ami", "ari", "aki", "vhd", "vmdk", "raw", "qcow2", "vhdx", "vdi", "iso", "ploop"]),
    ])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let image = try ComputeLookup.image(arguments.value("<image>") ?? "", in: context)
    let id = image["id"]?.string ?? ""
    var changes = Images.sharedChanges(arguments)
    // The domain means nothing without a project.
    let domain = arguments.value("--project-domain")
    let project = try arguments.value("--project").map { try Flavors.projectID($0, domain: domain, in: context) }
    // The activation first, an action of its own (`deactivate_image`, `reactivate_image`): the
    // SDK's `Image._action` posts it and returns the response unchecked, so that Glance's
    // refusal (a 403 for another project's image or one not active) passes unseen.
    for (option, action) in [("--deactivate", "deactivate"), ("--activate", "reactivate")] where arguments.flag(option) {
      _ = try context.api.send(APIRequest(.post, "/v2/images/\(id)/actions/\(action)"), to: .image)
    }
    // The membership of the project given, else the caller's own; the project is then no owner.
    let membership = [("--accept", "accepted"), ("--reject", "rejected"), ("--pending", "pending")].first { arguments.flag($0.0) }?.1
    if let membership {
      let member = try project ?? ImageMembership.currentProject(in: context)
      try Images.call(
        APIRequest(.put, "/v2/images/\(id)/members/\(member)", body: .object(["status": .string(membership)])), in: context)
    } else if let project {
      changes.append(("owner", .string(project)))
    }
    for (option, key) in [
      ("--name", "name"), ("--container-format", "container_format"), ("--disk-format", "disk_format"),
      ("--architecture", "architecture"), ("--instance-id", "instance_id"), ("--kernel-id", "kernel_id"),
      ("--os-distro", "os_distro"), ("--os-version", "os_version"), ("--ramdisk-id", "ramdisk_id"),
    ] {
      if let value = arguments.value(option) { changes.append((key, .string(value))) }
    }
    let added = arguments.values("--tag")
    if !added.isEmpty {
      // The image's tags and the new ones, each once.
      var tags = (image["tags"]?.array ?? []).compactMap(\.string)
      for tag in added where !tags.contains(tag) { tags.append(tag) }
      changes.append(("tags", .array(tags.map(JSON.string))))
    }
    if arguments.flag("--hidden") { changes.append(("os_hidden", true)) }
    if arguments.flag("--unhidden") { changes.append(("os_hidden", false)) }
    // A key given twice (a property named like an option) is set once, the last value winning.
    var merged: [(String, JSON)] = []
    for (key, value) in changes {
      if let index = merged.firstIndex(where: { $0.0 == key }) { merged[index].1 = value } else { merged.append((key, value)) }
    }
    // The SDK commits nothing when nothing changed.
    if !merged.isEmpty { try Images.patch(id, merged, in: context) }
    return .nothing
  }
}

/// `openstack image unset` (`UnsetImage`): tags one by one, then one patch removing the
/// properties the image has.
enum ImageUnset: OpenStackCommand {
  static let name = "image unset"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--property", "--tag"])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let image = try ComputeLookup.image(arguments.value("<image>") ?? "", in: context)
    let id = image["id"]?.string ?? ""
    let tags = arguments.values("--tag")
    var failedTags = 0
    for tag in tags {
      do {
        try Images.call(APIRequest(.delete, "/v2/images/\(id)/tags/\(tag)"), in: context)
      } catch is CommandFailure {
        context.log("tag unset failed, '\(tag)' is a nonexistent tag ")
        failedTags += 1
      }
    }
    let keys = arguments.values("--property")
    var failedProperties = 0
    var removals: [JSON] = []
    for key in keys {
      let isSet = image[key].map { $0 != .null } ?? false
      if Images.knownKeys.contains(key) || isSet {
        // The SDK removes a known attribute only when the image has it.
        if isSet { removals.append(.object(["op": "remove", "path": .string("/" + key)])) }
      } else {
        context.log("property unset failed, '\(key)' is a nonexistent property ")
        failedProperties += 1
      }
    }
    if !removals.isEmpty { try Images.send(id, removals, in: context) }
    switch (failedTags, failedProperties) {
    case (0, 0): return .nothing
    case (let tagFailures, 0):
      throw CommandFailure(message: "Failed to unset \(tagFailures) of \(tags.count) tags.")
    case (0, let propertyFailures):
      throw CommandFailure(message: "Failed to unset \(propertyFailures) of \(keys.count) properties.")
    case (let tagFailures, let propertyFailures):
      throw CommandFailure(
        message:
          "Failed to unset \(tagFailures) of \(tags.count) tags,Failed to unset \(propertyFailures) of \(keys.count) properties.")
    }
  }
}

/// `openstack image delete` (`DeleteImage`): each image in turn; one not found ends the command
/// with the client's multi-store message, as its handler of `ResourceNotFound` has it.
enum ImageDelete: OpenStackCommand {
  static let name = "image delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  /// Glance's stores are not emulated.
  static let refusedOptions: Set<String> = ["--store"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let names = arguments.values("<image>")
    var failed = 0
    for name in names {
      let id: String
      do {
        id = try ComputeLookup.image(name, in: context)["id"]?.string ?? name
      } catch is CommandFailure {
        throw CommandFailure(message: "Multi Backend support not enabled.")
      }
      let response = try context.api.send(APIRequest(.delete, "/v2/images/\(id)"), to: .image)
      if response.status == 404 { throw CommandFailure(message: "Multi Backend support not enabled.") }
      if !(200..<300).contains(response.status) {
        let failure = Images.sdkError(response, path: "/v2/images/\(id)")
        context.log("Failed to delete image with name or ID '\(name)': \(failure.message)")
        failed += 1
      }
    }
    if failed > 0 { throw CommandFailure(message: "Failed to delete \(failed) of \(names.count) images.") }
    return .nothing
  }
}
