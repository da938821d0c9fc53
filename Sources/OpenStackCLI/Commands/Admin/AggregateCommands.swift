import CloudAPI

/// What the aggregate commands share: openstacksdk's `find_aggregate` and the aggregate as
/// `_get_aggregate_columns` shows it.
enum Aggregates {
  /// A request at the aggregate's microversion; the actions (`_action`) go without one.
  @discardableResult
  static func call(_ method: HTTPMethod, _ path: String, body: JSON? = nil, in context: CommandContext) throws -> JSON {
    let resource: ComputeResource = path.hasSuffix("/action") ? .unversioned : .aggregate
    let response = try context.api.send(APIRequest(method, "/v2.1" + path, body: body), to: .compute, computeResource: resource)
    guard (200..<300).contains(response.status) else { throw ComputeLookup.sdkError(response, path: path) }
    return response.body ?? .null
  }

  /// The aggregate by ID, else the one of that name or ID in the list (which only admins read).
  static func find(_ nameOrID: String, in context: CommandContext) throws -> JSON {
    let direct = try context.api.send(APIRequest(.get, "/v2.1/os-aggregates/\(nameOrID)"), to: .compute, computeResource: .aggregate)
    if direct.status == 200, let aggregate = direct.body?["aggregate"] { return aggregate }
    let listed = try call(.get, "/os-aggregates", in: context)
    return try ComputeLookup.exactMatch(listed["aggregates"]?.array ?? [], nameOrID, kind: "Aggregate")
  }

  /// `hosts` a `ListColumn` and `metadata` (as `properties`) a `DictColumn`; the zone left out
  /// of the properties where the command pops it.
  static func display(_ aggregate: JSON, withoutZone: Bool = false, in context: CommandContext) -> CommandOutput {
    var metadata = aggregate["metadata"]
    if withoutZone, case .object(var fields)? = metadata {
      fields["availability_zone"] = nil
      metadata = .object(fields)
    }
    let hosts = aggregate["hosts"] ?? .null
    let hostsShown: JSON = context.isTable ? .string(hosts == .null ? "" : OSCLib.formatList(hosts.array)) : .array(hosts.array)
    // Nova's create answers without `metadata`: `DictColumn(None)` reads `None` in a table.
    let propertiesShown: JSON =
      context.isTable
      ? (metadata.flatMap { $0 == .null ? nil : OSCLib.formatDict($0) } ?? .null) : .object(metadata?.object ?? [:])
    var fields: JSONObject = [:]
    for key in ["availability_zone", "created_at", "deleted_at"] { fields[key] = aggregate[key] ?? .null }
    fields["hosts"] = hostsShown
    fields["id"] = aggregate["id"] ?? .null
    fields["is_deleted"] = aggregate["deleted"] ?? .null
    fields["name"] = aggregate["name"] ?? .null
    fields["properties"] = propertiesShown
    for key in ["updated_at", "uuid"] { fields[key] = aggregate[key] ?? .null }
    return .show(fields)
  }

  static func setMetadata(_ id: String, _ metadata: JSONObject, in context: CommandContext) throws -> JSON {
    try call(.post, "/os-aggregates/\(id)/action", body: .object(["set_metadata": .object(["metadata": .object(metadata)])]), in: context)["aggregate"] ?? .null
  }

  static func properties(_ arguments: ParsedArguments) -> JSONObject {
    JSONObject(uniqueKeysWithValues: OSCLib.keyValues(arguments.values("--property")).map { ($0.key, .string($0.value)) })
  }
}

/// `openstack aggregate show` (`ShowAggregate`).
enum AggregateShow: OpenStackCommand {
  static let name = "aggregate show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    Aggregates.display(try Aggregates.find(arguments.value("<aggregate>") ?? "", in: context), withoutZone: true, in: context)
  }
}

/// `openstack aggregate create` (`CreateAggregate`): the aggregate, then its properties.
enum AggregateCreate: OpenStackCommand {
  static let name = "aggregate create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(["--property"]),
    types: ["--property": .keyValue])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var body: JSONObject = ["name": .string(arguments.value("<name>") ?? "")]
    if let zone = arguments.value("--zone"), !zone.isEmpty { body["availability_zone"] = .string(zone) }
    var aggregate = try Aggregates.call(.post, "/os-aggregates", body: .object(["aggregate": .object(body)]), in: context)["aggregate"] ?? .null
    if arguments.contains("--property") {
      aggregate = try Aggregates.setMetadata(PythonText.str(aggregate["id"] ?? .null), Aggregates.properties(arguments), in: context)
    }
    return Aggregates.display(aggregate, in: context)
  }
}

/// `openstack aggregate set` (`SetAggregate`): name and zone, then the properties (all of
/// them cleared first with `--no-property`, the zone kept).
enum AggregateSet: OpenStackCommand {
  static let name = "aggregate set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--property"], types: ["--property": .keyValue])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let aggregate = try Aggregates.find(arguments.value("<aggregate>") ?? "", in: context)
    let id = PythonText.str(aggregate["id"] ?? .null)
    var changes: JSONObject = [:]
    if let name = arguments.value("--name"), !name.isEmpty { changes["name"] = .string(name) }
    if let zone = arguments.value("--zone"), !zone.isEmpty { changes["availability_zone"] = .string(zone) }
    if !changes.isEmpty { try Aggregates.call(.put, "/os-aggregates/\(id)", body: .object(["aggregate": .object(changes)]), in: context) }
    var metadata: JSONObject = [:]
    if arguments.flag("--no-property") {
      for key in aggregate["metadata"]?.object.keys ?? [] where key != "availability_zone" { metadata[key] = .null }
    }
    for (key, value) in Aggregates.properties(arguments) { metadata[key] = value }
    if !metadata.isEmpty { _ = try Aggregates.setMetadata(id, metadata, in: context) }
    return .nothing
  }
}

/// `openstack aggregate unset` (`UnsetAggregate`): each property set to `None`.
enum AggregateUnset: OpenStackCommand {
  static let name = "aggregate unset"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--property"])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let aggregate = try Aggregates.find(arguments.value("<aggregate>") ?? "", in: context)
    let metadata = JSONObject(uniqueKeysWithValues: Set(arguments.values("--property")).sorted().map { ($0, JSON.null) })
    if !metadata.isEmpty { _ = try Aggregates.setMetadata(PythonText.str(aggregate["id"] ?? .null), metadata, in: context) }
    return .nothing
  }
}

/// `openstack aggregate add host` and `remove host`: the aggregate after the change.
enum AggregateHostChange {
  static func run(_ action: String, _ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let aggregate = try Aggregates.find(arguments.value("<aggregate>") ?? "", in: context)
    let body = JSON.object([action: .object(["host": .string(arguments.value("<host>") ?? "")])])
    let changed = try Aggregates.call(.post, "/os-aggregates/\(PythonText.str(aggregate["id"] ?? .null))/action", body: body, in: context)
    return Aggregates.display(changed["aggregate"] ?? .null, in: context)
  }
}

enum AggregateAddHost: OpenStackCommand {
  static let name = "aggregate add host"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try AggregateHostChange.run("add_host", arguments, in: context)
  }
}

enum AggregateRemoveHost: OpenStackCommand {
  static let name = "aggregate remove host"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try AggregateHostChange.run("remove_host", arguments, in: context)
  }
}

/// `openstack aggregate list` (`ListAggregate`): filtered by zone and host on the client's side.
enum AggregateList: OpenStackCommand {
  static let name = "aggregate list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var aggregates = try Aggregates.call(.get, "/os-aggregates", in: context)["aggregates"]?.array ?? []
    if let zone = arguments.value("--availability-zone") {
      aggregates = aggregates.filter { $0["availability_zone"]?.string == zone }
    }
    if let host = arguments.value("--host") {
      aggregates = aggregates.filter { $0["hosts"]?.array.contains(.string(host)) ?? false }
    }
    var columns = try context.api.supportsComputeVersion(Microversion(2, 41)) ? ["ID", "UUID"] : ["ID"]
    columns += ["Name", "Availability Zone"]
    let long = arguments.flag("--long")
    if long { columns += ["Properties", "Hosts"] }
    let rows = aggregates.map { aggregate -> [JSON] in
      var row = [aggregate["id"] ?? .null]
      if columns.contains("UUID") { row.append(aggregate["uuid"] ?? .null) }
      row += [aggregate["name"] ?? .null, aggregate["availability_zone"] ?? .null]
      if long {
        var metadata = aggregate["metadata"]?.object ?? [:]
        metadata["availability_zone"] = nil
        let hosts = aggregate["hosts"]?.array ?? []
        row += context.isTable
          ? [OSCLib.formatDict(.object(metadata)), .string(OSCLib.formatList(hosts))] : [.object(metadata), .array(hosts)]
      }
      return row
    }
    return .list(columns: columns, rows: rows, names: .tuple)
  }
}

/// `openstack aggregate delete` (`DeleteAggregate`): each found and deleted, failures logged.
enum AggregateDelete: OpenStackCommand {
  static let name = "aggregate delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let names = arguments.values("<aggregate>")
    var failed = 0
    for name in names {
      do {
        let aggregate = try Aggregates.find(name, in: context)
        try Aggregates.call(.delete, "/os-aggregates/\(PythonText.str(aggregate["id"] ?? .null))", in: context)
      } catch let failure as CommandFailure {
        context.log("Failed to delete aggregate with name or ID '\(name)': \(failure.message)")
        failed += 1
      }
    }
    if failed > 0 { throw CommandFailure(message: "\(failed) of \(names.count) aggregates failed to delete.") }
    return .nothing
  }
}
