import CloudAPI

/// `openstack domain create|list|show|set|delete` (`identity/v3/domain.py`), through the SDK's
/// domain resource.
enum DomainCreate: OpenStackCommand {
  static let name = "domain create"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []
  /// `_format_domain`'s columns under their headers.
  static let columns: [(header: String, key: String)] = [
    ("id", "id"), ("name", "name"), ("enabled", "enabled"), ("description", "description"), ("options", "options"),
  ]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let name = arguments.value("<domain-name>") ?? ""
    // The SDK sends what it was given, `description: null` included, and the options (`{}`
    // without `--immutable` or `--no-immutable`).
    let options: JSONObject = ProjectOptions.immutable(arguments).map { ["immutable": .bool($0)] } ?? [:]
    let body: JSONObject = [
      "name": .string(name), "description": arguments.value("--description").map(JSON.string) ?? .null,
      "options": .object(options), "enabled": .bool(arguments.flag("--enable") || !arguments.flag("--disable")),
    ]
    let orShow = arguments.flag("--or-show")
    let domain: JSON
    do {
      domain = try Keystone.call(.post, "/domains", body: .object(["domain": .object(body)]), in: context)["domain"] ?? .null
    } catch let failure as CommandFailure where orShow && failure.message.hasPrefix("ConflictException") {
      domain = try Keystone.required("domains", "domain", name, in: context)
    }
    return Keystone.show(domain, columns)
  }
}

enum DomainList: OpenStackCommand {
  static let name = "domain list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var query: [(name: String, value: String)] = []
    if let name = arguments.value("--name"), !name.isEmpty { query.append((name: "name", value: name)) }
    if arguments.flag("--enabled") { query.append((name: "enabled", value: "True")) }
    let domains = try Keystone.call(.get, "/domains", query: query, in: context)["domains"]?.array ?? []
    return .list(
      columns: ["ID", "Name", "Enabled", "Description"], rows: Keystone.rows(domains, ["id", "name", "enabled", "description"]),
      names: .tuple)
  }
}

enum DomainShow: OpenStackCommand {
  static let name = "domain show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    Keystone.show(try Keystone.required("domains", "domain", arguments.value("<domain>") ?? "", in: context), DomainCreate.columns)
  }
}

enum DomainSet: OpenStackCommand {
  static let name = "domain set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let domain = try Keystone.required("domains", "domain", arguments.value("<domain>") ?? "", in: context)
    var body: JSONObject = [:]
    if let name = arguments.value("--name"), !name.isEmpty { body["name"] = .string(name) }
    if let description = arguments.value("--description"), !description.isEmpty { body["description"] = .string(description) }
    if arguments.flag("--enable") { body["enabled"] = true }
    if arguments.flag("--disable") { body["enabled"] = false }
    if let immutable = ProjectOptions.immutable(arguments) { body["options"] = .object(["immutable": .bool(immutable)]) }
    // The SDK commits only when something changed.
    if !body.isEmpty {
      try Keystone.call(.patch, "/domains/\(domain["id"]?.string ?? "")", body: .object(["domain": .object(body)]), in: context)
    }
    return .nothing
  }
}

enum DomainDelete: OpenStackCommand {
  static let name = "domain delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try DeleteEach(
      failure: { "Failed to delete domain with name or ID '\($0)': \($1)" },
      summary: { "\($0) of \($1) domains failed to delete." }
    ).run(arguments.values("<domain>")) { name in
      let domain = try Keystone.required("domains", "domain", name, in: context)
      try Keystone.call(.delete, "/domains/\(domain["id"]?.string ?? "")", in: context)
      return true
    }
    return .nothing
  }
}
