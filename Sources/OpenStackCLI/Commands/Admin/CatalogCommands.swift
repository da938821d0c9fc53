import CloudAPI

/// What the service and endpoint commands share: `find_service_sdk` (by ID or name, then by
/// type) and the endpoint as `_format_endpoint` shows it.
enum Catalog {
  static func service(_ nameTypeOrID: String, in context: CommandContext) throws -> JSON {
    if let service = try Keystone.find("services", "service", nameTypeOrID, in: context) { return service }
    let typed = try Keystone.call(.get, "/services", query: [(name: "type", value: nameTypeOrID)], in: context)["services"]?.array ?? []
    guard let service = typed.first else {
      throw CommandFailure(message: "No service with a type, name or ID of '\(nameTypeOrID)' exists.")
    }
    guard typed.count == 1 else {
      throw CommandFailure(message: "Multiple service matches found for '\(nameTypeOrID)', use an ID to be more specific.")
    }
    return service
  }

  /// `_format_service`.
  static func show(_ service: JSON) -> CommandOutput {
    Keystone.show(service, [("id", "id"), ("name", "name"), ("type", "type"), ("enabled", "enabled"), ("description", "description")])
  }

  static func endpoint(_ endpoint: JSON, service: JSON) -> CommandOutput {
    .show([
      "enabled": endpoint["enabled"] ?? .null, "id": endpoint["id"] ?? .null, "interface": endpoint["interface"] ?? .null,
      "region": endpoint["region_id"] ?? .null, "region_id": endpoint["region_id"] ?? .null,
      "service_id": endpoint["service_id"] ?? .null, "url": endpoint["url"] ?? .null,
      "service_name": service["name"] ?? "", "service_type": service["type"] ?? .null,
    ])
  }
}

/// `openstack service create` (`CreateService`).
enum ServiceCreate: OpenStackCommand {
  static let name = "service create"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let body: JSONObject = [
      "name": arguments.value("--name").map(JSON.string) ?? .null, "type": .string(arguments.value("<type>") ?? ""),
      "description": arguments.value("--description").map(JSON.string) ?? .null,
      "enabled": .bool(arguments.flag("--enable") || !arguments.flag("--disable")),
    ]
    let service = try Keystone.call(.post, "/services", body: .object(["service": .object(body)]), in: context)["service"] ?? .null
    return Catalog.show(service)
  }
}

/// `openstack service show` (`ShowService`): found by ID, name or type.
enum ServiceShow: OpenStackCommand {
  static let name = "service show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    Catalog.show(try Catalog.service(arguments.value("<service>") ?? "", in: context))
  }
}

/// `openstack service set` (`SetService`): found, then only what was given sent.
enum ServiceSet: OpenStackCommand {
  static let name = "service set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let service = try Catalog.service(arguments.value("<service>") ?? "", in: context)
    var body: JSONObject = [:]
    for (option, key) in [("--type", "type"), ("--name", "name"), ("--description", "description")] {
      if let value = arguments.value(option), !value.isEmpty { body[key] = .string(value) }
    }
    if arguments.flag("--enable") { body["enabled"] = true }
    if arguments.flag("--disable") { body["enabled"] = false }
    guard !body.isEmpty else { return .nothing }
    _ = try Keystone.call(.patch, "/services/\(service["id"]?.string ?? "")", body: .object(["service": .object(body)]), in: context)
    return .nothing
  }
}

/// `openstack service delete` (`DeleteService`): each found and deleted, failures logged (as a
/// "consumer", the client's wording), then counted.
enum ServiceDelete: OpenStackCommand {
  static let name = "service delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try DeleteEach(
      failure: { "Failed to delete consumer with type, name or ID '\($0)': \($1)" },
      summary: { "\($0) of \($1) services failed to delete." }
    ).run(arguments.values("<service>")) { name in
      let service = try Catalog.service(name, in: context)
      try Keystone.call(.delete, "/services/\(service["id"]?.string ?? name)", in: context)
      return true
    }
    return .nothing
  }
}

/// `openstack service list` (`ListService`).
enum ServiceList: OpenStackCommand {
  static let name = "service list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let services = try Keystone.call(.get, "/services", in: context)["services"]?.array ?? []
    guard arguments.flag("--long") else {
      return .list(columns: ["ID", "Name", "Type"], rows: Keystone.rows(services, ["id", "name", "type"]), names: .tuple)
    }
    return .list(
      columns: ["ID", "Name", "Type", "Description", "Enabled"],
      rows: Keystone.rows(services, ["id", "name", "type", "description", "enabled"]), names: .tuple)
  }
}

/// `openstack endpoint create` (`CreateEndpoint`): the service found by ID, name or type, the
/// region fetched when given.
enum EndpointCreate: OpenStackCommand {
  static let name = "endpoint create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating,
    types: ["<interface>": .choices(["admin", "public", "internal"])])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let service = try Catalog.service(arguments.value("<service>") ?? "", in: context)
    var body: JSONObject = [
      "service_id": service["id"] ?? .null, "url": .string(arguments.value("<url>") ?? ""),
      "interface": .string(arguments.value("<interface>") ?? ""),
      "enabled": .bool(arguments.flag("--enable") || !arguments.flag("--disable")),
    ]
    if let region = arguments.value("--region"), !region.isEmpty {
      body["region_id"] = try Keystone.get("regions", "region", region, in: context)["id"] ?? .null
    }
    let endpoint = try Keystone.call(.post, "/endpoints", body: .object(["endpoint": .object(body)]), in: context)["endpoint"] ?? .null
    return Catalog.endpoint(endpoint, service: service)
  }
}

/// `openstack endpoint list` (`ListEndpoint`): each endpoint with its service's name and type.
enum EndpointList: OpenStackCommand {
  static let name = "endpoint list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating,
    types: ["--interface": .choices(["admin", "public", "internal"])])
  static let refusedOptions: Set<String> = ["--endpoint", "--project", "--project-domain"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var query: [(name: String, value: String)] = []
    if let service = arguments.value("--service") {
      query.append((name: "service_id", value: try Catalog.service(service, in: context)["id"]?.string ?? ""))
    }
    if let interface = arguments.value("--interface") { query.append((name: "interface", value: interface)) }
    if let region = arguments.value("--region") {
      let id = try Keystone.get("regions", "region", region, in: context)["id"]?.string ?? region
      query.append((name: "region_id", value: id))
    }
    let endpoints = try Keystone.call(.get, "/endpoints", query: query, in: context)["endpoints"]?.array ?? []
    let rows = try endpoints.map { endpoint -> [JSON] in
      let service = try Keystone.required("services", "service", endpoint["service_id"]?.string ?? "", in: context)
      return [
        endpoint["id"] ?? .null, endpoint["region_id"] ?? .null, service["name"] ?? "", service["type"] ?? .null,
        endpoint["enabled"] ?? .null, endpoint["interface"] ?? .null, endpoint["url"] ?? .null,
      ]
    }
    return .list(
      columns: ["ID", "Region", "Service Name", "Service Type", "Enabled", "Interface", "URL"], rows: rows, names: .tuple)
  }
}

/// `openstack endpoint show` (`ShowEndpoint`).
enum EndpointShow: OpenStackCommand {
  static let name = "endpoint show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let endpoint = try Keystone.required("endpoints", "endpoint", arguments.value("<endpoint>") ?? "", in: context)
    let service = try Catalog.service(endpoint["service_id"]?.string ?? "", in: context)
    return Catalog.endpoint(endpoint, service: service)
  }
}

/// `openstack endpoint delete` (`DeleteEndpoint`): each found and deleted, failures logged.
enum EndpointDelete: OpenStackCommand {
  static let name = "endpoint delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let ids = arguments.values("<endpoint-id>")
    var failed = 0
    for id in ids {
      do {
        let endpoint = try Keystone.required("endpoints", "endpoint", id, in: context)
        try Keystone.call(.delete, "/endpoints/\(endpoint["id"]?.string ?? id)", in: context)
      } catch let failure as CommandFailure {
        context.log("Failed to delete endpoint with ID '\(id)': \(failure.message)")
        failed += 1
      }
    }
    if failed > 0 { throw CommandFailure(message: "\(failed) of \(ids.count) endpoints failed to delete.") }
    return .nothing
  }
}

/// The service catalog as the token carries it (`auth_ref.service_catalog`): the catalog
/// commands make no request but the sign-in.
enum TokenCatalog {
  static func services(in context: CommandContext) throws -> [JSON] {
    try context.api.signIn().body["catalog"]?.array ?? []
  }

  /// `EndpointsColumn`: in a table, each endpoint's region (`<none>` without one) and a line
  /// `  interface: url`, each line ended; in other formats the endpoints as they are.
  static func endpoints(_ value: JSON, in context: CommandContext) -> JSON {
    guard context.isTable else { return value }
    return .string(
      value.array.map { endpoint in
        let region = [endpoint["region_id"], endpoint["region"]].lazy.compactMap { $0?.string }.first { !$0.isEmpty } ?? "<none>"
        return region + "\n  \(endpoint["interface"]?.string ?? ""): \(endpoint["url"]?.string ?? "")\n"
      }.joined())
  }
}

/// `openstack catalog list` (`ListCatalog`).
enum CatalogList: OpenStackCommand {
  static let name = "catalog list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let rows = try TokenCatalog.services(in: context).map { service -> [JSON] in
      [service["name"] ?? "", service["type"] ?? "", TokenCatalog.endpoints(service["endpoints"] ?? "", in: context)]
    }
    return .list(columns: ["Name", "Type", "Endpoints"], rows: rows, names: .tuple)
  }
}

/// `openstack catalog show` (`ShowCatalog`): the first service of that name or type, its fields
/// sorted; none is an error logged, and nothing shown.
enum CatalogShow: OpenStackCommand {
  static let name = "catalog show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let wanted = arguments.value("<service>") ?? ""
    guard
      let service = try TokenCatalog.services(in: context).first(where: {
        $0["name"]?.string == wanted || $0["type"]?.string == wanted
      })?.object
    else {
      context.log("service \(wanted) not found\n")
      return .show([:])
    }
    var fields = service.filter { $0.key != "links" }
    if let endpoints = fields["endpoints"] { fields["endpoints"] = TokenCatalog.endpoints(endpoints, in: context) }
    fields.sort { $0.key.precedesByCodePoint($1.key) }
    return .show(fields)
  }
}
