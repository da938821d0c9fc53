import CloudAPI

/// OSC's volume type commands (`volume/v3/volume_type.py`), through openstacksdk's Block Storage
/// proxy.
enum VolumeTypeFormat {
  /// The encryption options' types, as the client declares them.
  static let encryptionTypes: [String: ValueType] = [
    "--encryption-key-size": .int, "--encryption-control-location": .choices(["front-end", "back-end"]),
  ]

  /// `_format_type`: the SDK `Type`'s attributes less `location`, `extra_specs` as `properties`.
  static func fields(_ type: JSON, _ context: CommandContext) -> JSONObject {
    [
      "description": type["description"] ?? .null, "id": type["id"] ?? .null,
      "is_public": type["os-volume-type-access:is_public"] ?? .null, "name": type["name"] ?? .null,
      "properties": VolumeFormat.dict(type["extra_specs"] ?? .object([:]), context),
    ]
  }

  /// The extra specs the property options and their aliases set, in the client's order.
  static func properties(_ arguments: ParsedArguments) -> [(key: String, value: String)] {
    var properties = OSCLib.keyValues(arguments.values("--property"))
    func set(_ key: String, _ value: String) {
      if let index = properties.firstIndex(where: { $0.key == key }) { properties[index].value = value } else {
        properties.append((key, value))
      }
    }
    if arguments.flag("--multiattach") { set("multiattach", "<is> True") }
    if arguments.flag("--cacheable") { set("cacheable", "<is> True") }
    if arguments.flag("--replicated") { set("replication_enabled", "<is> True") }
    let zones = arguments.values("--availability-zone")
    if !zones.isEmpty { set("RESKEY:availability_zones", zones.joined(separator: ",")) }
    return properties
  }

  static func specsBody(_ properties: [(key: String, value: String)]) -> JSON {
    .object(["extra_specs": .object(JSONObject(uniqueKeysWithValues: properties.map { ($0.key, JSON.string($0.value)) }))])
  }
}

/// `openstack volume type create`.
enum VolumeTypeCreate: OpenStackCommand {
  static let name = "volume type create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(["--property", "--availability-zone"]),
    types: VolumeTypeFormat.encryptionTypes.merging(["--property": .keyValue]) { $1 })
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let isPublic: Bool? = arguments.flag("--public") ? true : arguments.flag("--private") ? false : nil
    // The domain alone does nothing, as in the client.
    let domain = arguments.value("--project-domain")
    if arguments.value("--project") != nil, isPublic != false {
      throw CommandFailure(message: "--project is only allowed with --private")
    }
    var body: JSONObject = ["name": .string(arguments.value("<name>") ?? ""), "description": VolumeFormat.optional(arguments.value("--description"))]
    if let isPublic { body["os-volume-type-access:is_public"] = .bool(isPublic) }
    let type = try context.cinder.call(APIRequest(.post, "/types", body: .object(["volume_type": .object(body)])))["volume_type"] ?? .null
    var info = VolumeTypeFormat.fields(type, context)
    let id = type["id"]?.string ?? ""
    if let project = arguments.value("--project") {
      // A project that cannot be given access is logged, and the type stays.
      do {
        let projectID = try IdentityLookup.project.sdkID(project, domain: domain, in: context)
        try context.cinder.call(
          APIRequest(.post, "/types/\(id)/action", body: .object(["addProjectAccess": .object(["project": .string(projectID)])])))
      } catch let failure as CommandFailure {
        context.log("Failed to add project \(project) access to type: \(failure.message)")
      }
    }
    let properties = VolumeTypeFormat.properties(arguments)
    if !properties.isEmpty {
      let result = try context.cinder.call(APIRequest(.post, "/types/\(id)/extra_specs", body: VolumeTypeFormat.specsBody(properties)))
      info["properties"] = VolumeFormat.dict(result["extra_specs"] ?? .object([:]), context)
    }
    if TypeEncryption.isAsked(arguments) {
      do {
        let encryption = try TypeEncryption.create(typeID: id, arguments, context)
        info["encryption"] = VolumeFormat.dict(.object(TypeEncryption.info(encryption)), context)
      } catch let failure as CommandFailure {
        context.log("Failed to set encryption information for this volume type: \(failure.message)")
        // The client then reads the encryption it never got.
        throw CommandFailure(message: "cannot access local variable 'encryption' where it is not associated with a value")
      }
    }
    return VolumeFormat.sortedShow(info)
  }
}

/// `openstack volume type delete`: each type found, then deleted; failures logged and counted.
enum VolumeTypeDelete: OpenStackCommand {
  static let name = "volume type delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let names = arguments.values("<volume-type>")
    var failed = 0
    for name in names {
      do {
        let type = try context.cinder.find(name, .type)
        try context.cinder.call(APIRequest(.delete, "/types/\(type["id"]?.string ?? "")"))
      } catch let failure as CommandFailure {
        failed += 1
        context.log("Failed to delete volume type with name or ID '\(name)': \(failure.message)")
      }
    }
    try VolumeFormat.failures(failed, of: names.count, "volume types")
    return .nothing
  }
}

/// `openstack volume type list`.
enum VolumeTypeList: OpenStackCommand {
  static let name = "volume type list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name),
    repeating: DisplayOptions.listerRepeating.union(["--property", "--availability-zone"]), types: ["--property": .keyValue])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let long = arguments.flag("--long")
    let encrypted = arguments.flag("--encryption-type")
    let columns =
      (long ? ["ID", "Name", "Is Public", "Description", "Properties"] : ["ID", "Name", "Is Public"]) + (encrypted ? ["Encryption"] : [])
    var types: [JSON]
    if arguments.flag("--default") {
      types = [try context.cinder.call(APIRequest(.get, "/types/default"))["volume_type"] ?? .null]
    } else {
      // The property filters are checked against the microversion, then dropped: openstacksdk's
      // `types()` sends no query parameter it does not know.
      if !VolumeTypeFormat.properties(arguments).isEmpty, !(try context.api.supportsVolumeVersion(Microversion(3, 52))) {
        throw CommandFailure(
          message: "--os-volume-api-version 3.52 or greater is required to use the '--property' option or any of the alias options")
      }
      let isPublic = arguments.flag("--public") ? "True" : arguments.flag("--private") ? "False" : "none"
      types = try context.cinder.call(APIRequest(.get, "/types", query: [(name: "is_public", value: isPublic)]))["volume_types"]?.array ?? []
    }
    // Each type's encryption, asked for one by one.
    var encryption: [String: JSONObject] = [:]
    if encrypted {
      for type in types {
        let id = type["id"]?.string ?? ""
        encryption[id] = TypeEncryption.info(try TypeEncryption.fetch(typeID: id, context))
      }
    }
    let rows = types.map { type -> [JSON] in
      var row = [type["id"] ?? .null, type["name"] ?? .null, type["os-volume-type-access:is_public"] ?? .null]
      if long { row += [type["description"] ?? .null, VolumeFormat.dict(type["extra_specs"] ?? .object([:]), context)] }
      if encrypted {
        // `EncryptionInfoColumn`: the specs, or `-` in a table for a type without.
        let info = encryption[type["id"]?.string ?? ""] ?? [:]
        row.append(context.isTable ? (info.isEmpty ? "-" : OSCLib.formatDict(.object(info))) : .object(info))
      }
      return row
    }
    return .list(columns: columns, rows: rows)
  }
}

/// `openstack volume type show`: with the projects a private type is shared with.
enum VolumeTypeShow: OpenStackCommand {
  static let name = "volume type show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let type = try context.cinder.find(arguments.value("<volume-type>") ?? "", .type)
    var info = VolumeTypeFormat.fields(type, context)
    var access: JSON = .null
    if type["os-volume-type-access:is_public"] != .bool(true) {
      let id = type["id"]?.string ?? ""
      do {
        let projects = try context.cinder.call(APIRequest(.get, "/types/\(id)/os-volume-type-access"))["volume_type_access"]?
          .array.map { $0["project_id"] ?? .null } ?? []
        access = VolumeFormat.list(projects, context)
      } catch let failure as CommandFailure {
        context.log("Failed to get access project list for volume type \(id): \(failure.message)")
      }
    }
    info["access_project_ids"] = access
    if arguments.flag("--encryption-type") {
      do {
        let encryption = try TypeEncryption.fetch(typeID: type["id"]?.string ?? "", context)
        info["encryption"] = VolumeFormat.dict(.object(TypeEncryption.info(encryption)), context)
      } catch let failure as CommandFailure {
        context.log("Failed to display the encryption information of this volume type: \(failure.message)")
      }
    }
    return VolumeFormat.sortedShow(info)
  }
}

/// `openstack volume type set`: each change tried in turn; a failure is logged and the command
/// fails at the end.
enum VolumeTypeSet: OpenStackCommand {
  static let name = "volume type set"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: ["--property", "--availability-zone"],
    types: VolumeTypeFormat.encryptionTypes.merging(["--property": .keyValue]) { $1 })
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let domain = arguments.value("--project-domain")
    let type = try context.cinder.find(arguments.value("<volume-type>") ?? "", .type)
    let id = type["id"]?.string ?? ""
    var failed = false
    var changes = JSONObject()
    if let name = arguments.value("--name"), !name.isEmpty { changes["name"] = .string(name) }
    if let description = arguments.value("--description"), !description.isEmpty { changes["description"] = .string(description) }
    if arguments.flag("--public") || arguments.flag("--private") { changes["is_public"] = .bool(arguments.flag("--public")) }
    if !changes.isEmpty {
      do {
        try context.cinder.call(APIRequest(.put, "/types/\(id)", body: .object(["volume_type": .object(changes)])))
      } catch let failure as CommandFailure {
        context.log("Failed to update volume type name or description: \(failure.message)")
        failed = true
      }
    }
    let properties = VolumeTypeFormat.properties(arguments)
    if !properties.isEmpty {
      do {
        try context.cinder.call(APIRequest(.post, "/types/\(id)/extra_specs", body: VolumeTypeFormat.specsBody(properties)))
      } catch let failure as CommandFailure {
        context.log("Failed to set volume type properties: \(failure.message)")
        failed = true
      }
    }
    if let project = arguments.value("--project") {
      do {
        let projectID = try IdentityLookup.project.sdkID(project, domain: domain, in: context)
        try context.cinder.call(
          APIRequest(.post, "/types/\(id)/action", body: .object(["addProjectAccess": .object(["project": .string(projectID)])])))
      } catch let failure as CommandFailure {
        context.log("Failed to set volume type access to project: \(failure.message)")
        failed = true
      }
    }
    if TypeEncryption.isAsked(arguments) {
      do {
        try TypeEncryption.set(typeID: id, arguments, context)
      } catch let failure as CommandFailure {
        context.log("Failed to set encryption information for this volume type: \(failure.message)")
        failed = true
      }
    }
    if failed { throw CommandFailure(message: "Command Failed: One or more of the operations failed") }
    return .nothing
  }
}

/// `openstack volume type unset`: each property deleted (a request a key), the project's access
/// removed.
enum VolumeTypeUnset: OpenStackCommand {
  static let name = "volume type unset"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--property"])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let domain = arguments.value("--project-domain")
    let type = try context.cinder.find(arguments.value("<volume-type>") ?? "", .type)
    let id = type["id"]?.string ?? ""
    var failed = false
    let keys = arguments.values("--property")
    if !keys.isEmpty {
      do {
        for key in keys { try context.cinder.call(APIRequest(.delete, "/types/\(id)/extra_specs/\(key)")) }
      } catch let failure as CommandFailure {
        context.log("Failed to unset volume type properties: \(failure.message)")
        failed = true
      }
    }
    if let project = arguments.value("--project") {
      do {
        let projectID = try IdentityLookup.project.sdkID(project, domain: domain, in: context)
        try context.cinder.call(
          APIRequest(.post, "/types/\(id)/action", body: .object(["removeProjectAccess": .object(["project": .string(projectID)])])))
      } catch let failure as CommandFailure {
        context.log("Failed to remove volume type access from project: \(failure.message)")
        failed = true
      }
    }
    if arguments.flag("--encryption-type") {
      do {
        try TypeEncryption.delete(typeID: id, context)
      } catch let failure as CommandFailure {
        context.log("Failed to remove the encryption type for this volume type: \(failure.message)")
        failed = true
      }
    }
    if failed { throw CommandFailure(message: "Command Failed: One or more of the operations failed") }
    return .nothing
  }
}
