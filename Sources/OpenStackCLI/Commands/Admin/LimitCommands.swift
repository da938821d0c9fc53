import CloudAPI

/// What the registered limit and limit commands share (`identity/v3/registered_limit.py`,
/// `unified_limit.py` in openstackclient 10.5): their columns, and the service and region
/// options, found as `find_service_sdk` and `get_region` find them.
enum UnifiedLimitCommands {
  /// `_format_registered_limit`.
  static let registeredColumns = ["default_limit", "description", "id", "region_id", "resource_name", "service_id"]
  /// `_format_limit`.
  static let limitColumns = ["description", "id", "project_id", "region_id", "resource_limit", "resource_name", "service_id"]

  static func show(_ record: JSON, _ columns: [String]) -> CommandOutput {
    Keystone.show(record, columns.map { ($0, $0) })
  }

  /// `--service` and `--region` as the IDs they name, under the body's names.
  static func serviceAndRegion(_ arguments: ParsedArguments, in context: CommandContext) throws -> JSONObject {
    var found: JSONObject = [:]
    if let service = arguments.value("--service"), !service.isEmpty {
      found["service_id"] = try Catalog.service(service, in: context)["id"] ?? .null
    }
    if let region = arguments.value("--region"), !region.isEmpty {
      found["region_id"] = try Keystone.get("regions", "region", region, in: context)["id"] ?? .null
    }
    return found
  }

  /// `--default-limit` / `--resource-limit` as the integer argparse made of it.
  static func integer(_ option: String, in arguments: ParsedArguments) -> JSON? {
    arguments.value(option).flatMap { Int($0) }.map(JSON.int)
  }

  /// The list's filters in the order the SDK's query mapping gives them.
  static func query(_ filters: JSONObject, order: [String]) -> [(name: String, value: String)] {
    order.compactMap { name in filters[name]?.string.map { (name: name, value: $0) } }
  }

  /// The SDK's `_update` with nothing to change commits nothing: the resource shows only its ID.
  static func unchanged(_ id: String, _ columns: [String]) -> CommandOutput {
    show(.object(["id": .string(id)]), columns)
  }
}

/// `openstack registered limit create` (`CreateRegisteredLimit`): a batch of one, as the SDK
/// sends it.
enum RegisteredLimitCreate: OpenStackCommand {
  static let name = "registered limit create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating, types: ["--default-limit": .int])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var body: JSONObject = [:]
    if let description = arguments.value("--description"), !description.isEmpty { body["description"] = .string(description) }
    let found = try UnifiedLimitCommands.serviceAndRegion(arguments, in: context)
    body["service_id"] = found["service_id"] ?? .null
    if let region = found["region_id"] { body["region_id"] = region }
    body["resource_name"] = .string(arguments.value("<resource-name>") ?? "")
    body["default_limit"] = UnifiedLimitCommands.integer("--default-limit", in: arguments) ?? .null
    let created = try Keystone.call(.post, "/registered_limits", body: .object(["registered_limits": .array([.object(body)])]), in: context)
    return UnifiedLimitCommands.show(created["registered_limits"]?.array.first ?? .null, UnifiedLimitCommands.registeredColumns)
  }
}

/// `openstack registered limit list` (`ListRegisteredLimit`).
enum RegisteredLimitList: OpenStackCommand {
  static let name = "registered limit list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var filters = try UnifiedLimitCommands.serviceAndRegion(arguments, in: context)
    if let resource = arguments.value("--resource-name"), !resource.isEmpty { filters["resource_name"] = .string(resource) }
    let query = UnifiedLimitCommands.query(filters, order: ["service_id", "region_id", "resource_name"])
    let records = try Keystone.call(.get, "/registered_limits", query: query, in: context)["registered_limits"]?.array ?? []
    return .list(
      columns: ["ID", "Service ID", "Resource Name", "Default Limit", "Description", "Region ID"],
      rows: Keystone.rows(records, ["id", "service_id", "resource_name", "default_limit", "description", "region_id"]),
      names: .tuple)
  }
}

/// `openstack registered limit show` (`ShowRegisteredLimit`).
enum RegisteredLimitShow: OpenStackCommand {
  static let name = "registered limit show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let id = arguments.value("<registered-limit-id>") ?? ""
    let record = try Keystone.get("registered_limits", "registered_limit", id, in: context)
    return UnifiedLimitCommands.show(record, UnifiedLimitCommands.registeredColumns)
  }
}

/// `openstack registered limit set` (`SetRegisteredLimit`): what was given, where Python finds
/// it true (a default limit of 0 is not sent).
enum RegisteredLimitSet: OpenStackCommand {
  static let name = "registered limit set"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating, types: ["--default-limit": .int])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let id = arguments.value("<registered-limit-id>") ?? ""
    var body: JSONObject = [:]
    let found = try UnifiedLimitCommands.serviceAndRegion(arguments, in: context)
    if let service = found["service_id"] { body["service_id"] = service }
    if let resource = arguments.value("--resource-name"), !resource.isEmpty { body["resource_name"] = .string(resource) }
    if let limit = UnifiedLimitCommands.integer("--default-limit", in: arguments), limit != .int(0) { body["default_limit"] = limit }
    if let description = arguments.value("--description"), !description.isEmpty { body["description"] = .string(description) }
    if let region = found["region_id"] { body["region_id"] = region }
    guard !body.isEmpty else { return UnifiedLimitCommands.unchanged(id, UnifiedLimitCommands.registeredColumns) }
    let updated = try Keystone.call(.patch, "/registered_limits/\(id)", body: .object(["registered_limit": .object(body)]), in: context)
    return UnifiedLimitCommands.show(updated["registered_limit"] ?? .null, UnifiedLimitCommands.registeredColumns)
  }
}

/// `openstack registered limit delete` (`DeleteRegisteredLimit`): each failure's exception
/// class is pretty-printed on standard output before it is logged.
enum RegisteredLimitDelete: OpenStackCommand {
  static let name = "registered limit delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try DeleteEach(
      failure: { "Failed to delete registered limit with ID '\($0)': \($1)" },
      summary: { "\($0) of \($1) registered limits failed to delete." }
    ).run(arguments.values("<registered-limits>")) { id in
      let path = "/registered_limits/\(id)"
      let response = try context.api.send(APIRequest(.delete, "/v3" + path), to: .identity)
      guard (200..<300).contains(response.status) else {
        let failure = Keystone.sdkError(response, path: path)
        let exception = failure.message.prefix { $0 != ":" }
        context.written.text += "<class 'openstack.exceptions.\(exception)'>\n"
        throw failure
      }
      return true
    }
    return .nothing
  }
}

/// `openstack limit create` (`CreateLimit`).
enum LimitCreate: OpenStackCommand {
  static let name = "limit create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating, types: ["--resource-limit": .int])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var body: JSONObject = [
      "resource_name": .string(arguments.value("<resource-name>") ?? ""),
      "resource_limit": UnifiedLimitCommands.integer("--resource-limit", in: arguments) ?? .null,
    ]
    if let description = arguments.value("--description"), !description.isEmpty { body["description"] = .string(description) }
    let project = try IdentityLookup.project.id("--project", domain: "--project-domain", in: arguments, context: context, sdk: true)
    body["project_id"] = project.map(JSON.string) ?? .null
    let found = try UnifiedLimitCommands.serviceAndRegion(arguments, in: context)
    body["service_id"] = found["service_id"] ?? .null
    if let region = found["region_id"] { body["region_id"] = region }
    let created = try Keystone.call(.post, "/limits", body: .object(["limits": .array([.object(body)])]), in: context)
    return UnifiedLimitCommands.show(created["limits"]?.array.first ?? .null, UnifiedLimitCommands.limitColumns)
  }
}

/// `openstack limit list` (`ListLimit`).
enum LimitList: OpenStackCommand {
  static let name = "limit list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var filters = try UnifiedLimitCommands.serviceAndRegion(arguments, in: context)
    if let project = try IdentityLookup.project.id("--project", domain: "--project-domain", in: arguments, context: context, sdk: true) {
      filters["project_id"] = .string(project)
    }
    if let resource = arguments.value("--resource-name"), !resource.isEmpty { filters["resource_name"] = .string(resource) }
    let query = UnifiedLimitCommands.query(filters, order: ["service_id", "region_id", "resource_name", "project_id"])
    let records = try Keystone.call(.get, "/limits", query: query, in: context)["limits"]?.array ?? []
    return .list(
      columns: ["ID", "Project ID", "Service ID", "Resource Name", "Resource Limit", "Description", "Region ID"],
      rows: Keystone.rows(records, ["id", "project_id", "service_id", "resource_name", "resource_limit", "description", "region_id"]),
      names: .tuple)
  }
}

/// `openstack limit show` (`ShowLimit`).
enum LimitShow: OpenStackCommand {
  static let name = "limit show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let record = try Keystone.get("limits", "limit", arguments.value("<limit-id>") ?? "", in: context)
    return UnifiedLimitCommands.show(record, UnifiedLimitCommands.limitColumns)
  }
}

/// `openstack limit set` (`SetLimit`): a description Python finds true; any value given.
enum LimitSet: OpenStackCommand {
  static let name = "limit set"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating, types: ["--resource-limit": .int])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let id = arguments.value("<limit-id>") ?? ""
    var body: JSONObject = [:]
    if let description = arguments.value("--description"), !description.isEmpty { body["description"] = .string(description) }
    if let limit = UnifiedLimitCommands.integer("--resource-limit", in: arguments) { body["resource_limit"] = limit }
    guard !body.isEmpty else { return UnifiedLimitCommands.unchanged(id, UnifiedLimitCommands.limitColumns) }
    let updated = try Keystone.call(.patch, "/limits/\(id)", body: .object(["limit": .object(body)]), in: context)
    return UnifiedLimitCommands.show(updated["limit"] ?? .null, UnifiedLimitCommands.limitColumns)
  }
}

/// `openstack limit delete` (`DeleteLimit`): the SDK's delete ignores a limit that is not there.
enum LimitDelete: OpenStackCommand {
  static let name = "limit delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try DeleteEach(
      failure: { "Failed to delete limit with ID '\($0)': \($1)" },
      summary: { "\($0) of \($1) limits failed to delete." }
    ).run(arguments.values("<limit-id>")) { id in
      let path = "/limits/\(id)"
      let response = try context.api.send(APIRequest(.delete, "/v3" + path), to: .identity)
      guard (200..<300).contains(response.status) || response.status == 404 else { throw Keystone.sdkError(response, path: path) }
      return true
    }
    return .nothing
  }
}
