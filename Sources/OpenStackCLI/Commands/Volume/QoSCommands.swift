import CloudAPI

/// OSC's QoS specification commands (`volume/v3/qos_specs.py`).
enum QoSFormat {
  /// The names of the types a spec is associated with (`GET /qos-specs/{id}/associations`).
  static func associations(_ id: String, _ context: CommandContext) throws -> [JSON] {
    try context.cinder.call(APIRequest(.get, "/qos-specs/\(id)/associations"))["qos_associations"]?.array.map {
      $0["name"] ?? .null
    } ?? []
  }

  /// `consumer`, `id`, `name`, `properties`, with `associations` first when there are any.
  static func show(_ spec: JSON, associations: [JSON], _ context: CommandContext) -> CommandOutput {
    var fields = JSONObject()
    if !associations.isEmpty { fields["associations"] = VolumeFormat.list(associations, context) }
    fields["consumer"] = spec["consumer"] ?? .null
    fields["id"] = spec["id"] ?? .null
    fields["name"] = spec["name"] ?? .null
    fields["properties"] = VolumeFormat.dict(spec["specs"] ?? .null, context)
    return .show(fields)
  }
}

/// `openstack volume qos create`: the consumer (`both` unless told) and the properties in one body.
enum QoSCreate: OpenStackCommand {
  static let name = "volume qos create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(["--property"]),
    types: ["--consumer": .choices(["front-end", "back-end", "both"]), "--property": .keyValue])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var body: JSONObject = [
      "name": .string(arguments.value("<name>") ?? ""), "consumer": .string(arguments.value("--consumer") ?? "both"),
    ]
    for (key, value) in OSCLib.keyValues(arguments.values("--property")) { body[key] = .string(value) }
    let spec = try context.cinder.call(APIRequest(.post, "/qos-specs", body: .object(["qos_specs": .object(body)])))["qos_specs"] ?? .null
    return QoSFormat.show(spec, associations: [], context)
  }
}

/// `openstack volume qos associate`: the spec, then the type, found; then `associate`.
enum QoSAssociate: OpenStackCommand {
  static let name = "volume qos associate"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let spec = try context.cinder.find(arguments.value("<qos-spec>") ?? "", .qosSpecs)
    let type = try context.cinder.find(arguments.value("<volume-type>") ?? "", .type)
    try context.cinder.call(
      APIRequest(
        .get, "/qos-specs/\(spec["id"]?.string ?? "")/associate", query: [(name: "vol_type_id", value: type["id"]?.string ?? "")]))
    return .nothing
  }
}

/// `openstack volume qos disassociate`: from one type, or (`--all`) from every type.
enum QoSDisassociate: OpenStackCommand {
  static let name = "volume qos disassociate"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let spec = try context.cinder.find(arguments.value("<qos-spec>") ?? "", .qosSpecs)
    let id = spec["id"]?.string ?? ""
    if let name = arguments.value("--volume-type") {
      let type = try context.cinder.find(name, .type)
      try context.cinder.call(
        APIRequest(.get, "/qos-specs/\(id)/disassociate", query: [(name: "vol_type_id", value: type["id"]?.string ?? "")]))
    } else if arguments.flag("--all") {
      try context.cinder.call(APIRequest(.get, "/qos-specs/\(id)/disassociate_all"))
    }
    return .nothing
  }
}

/// `openstack volume qos list`: each spec with the types it is associated with (a request each).
enum QoSList: OpenStackCommand {
  static let name = "volume qos list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let specs = try context.cinder.call(APIRequest(.get, "/qos-specs"))["qos_specs"]?.array ?? []
    let rows = try specs.map { spec -> [JSON] in
      let associations = try QoSFormat.associations(spec["id"]?.string ?? "", context)
      return [
        spec["id"] ?? .null, spec["name"] ?? .null, spec["consumer"] ?? .null, VolumeFormat.list(associations, context),
        VolumeFormat.dict(spec["specs"] ?? .null, context),
      ]
    }
    return .list(columns: ["ID", "Name", "Consumer", "Associations", "Properties"], rows: rows, names: .tuple)
  }
}

/// `openstack volume qos show`.
enum QoSShow: OpenStackCommand {
  static let name = "volume qos show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let spec = try context.cinder.find(arguments.value("<qos-spec>") ?? "", .qosSpecs)
    return QoSFormat.show(spec, associations: try QoSFormat.associations(spec["id"]?.string ?? "", context), context)
  }
}

/// `openstack volume qos set`: `--no-property` clears the keys first, `--property` sets keys.
enum QoSSet: OpenStackCommand {
  static let name = "volume qos set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--property"], types: ["--property": .keyValue])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let spec = try context.cinder.find(arguments.value("<qos-spec>") ?? "", .qosSpecs)
    let id = spec["id"]?.string ?? ""
    var failed = false
    if arguments.flag("--no-property") {
      do {
        try context.cinder.call(
          APIRequest(.put, "/qos-specs/\(id)/delete_keys", body: .object(["keys": .array((spec["specs"]?.object.keys ?? []).map(JSON.string))])))
      } catch let failure as CommandFailure {
        context.log("Failed to clean qos properties: \(failure.message)")
        failed = true
      }
    }
    let properties = OSCLib.keyValues(arguments.values("--property"))
    if !properties.isEmpty {
      do {
        let body = JSONObject(uniqueKeysWithValues: properties.map { ($0.key, JSON.string($0.value)) })
        try context.cinder.call(APIRequest(.put, "/qos-specs/\(id)", body: .object(["qos_specs": .object(body)])))
      } catch let failure as CommandFailure {
        context.log("Failed to set qos property: \(failure.message)")
        failed = true
      }
    }
    if failed { throw CommandFailure(message: "One or more of the set operations failed") }
    return .nothing
  }
}

/// `openstack volume qos unset`: the keys deleted in one request.
enum QoSUnset: OpenStackCommand {
  static let name = "volume qos unset"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--property"])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let spec = try context.cinder.find(arguments.value("<qos-spec>") ?? "", .qosSpecs)
    let keys = arguments.values("--property")
    if !keys.isEmpty {
      try context.cinder.call(
        APIRequest(.put, "/qos-specs/\(spec["id"]?.string ?? "")/delete_keys", body: .object(["keys": .array(keys.map(JSON.string))])))
    }
    return .nothing
  }
}

/// `openstack volume qos delete`: each spec found, then deleted (`force` as the flag says).
enum QoSDelete: OpenStackCommand {
  static let name = "volume qos delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let names = arguments.values("<qos-spec>")
    var failed = 0
    for name in names {
      do {
        let spec = try context.cinder.find(name, .qosSpecs)
        try context.cinder.call(
          APIRequest(
            .delete, "/qos-specs/\(spec["id"]?.string ?? "")",
            query: [(name: "force", value: arguments.flag("--force") ? "True" : "False")]))
      } catch let failure as CommandFailure {
        failed += 1
        context.log("Failed to delete QoS specification with name or ID '\(name)': \(failure.message)")
      }
    }
    if failed > 0 { throw CommandFailure(message: "\(failed) of \(names.count) QoS specifications failed to delete.") }
    return .nothing
  }
}
