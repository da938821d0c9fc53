import CloudAPI

/// The options `subnet pool create` and `subnet pool set` share (`_get_attrs`).
private func poolAttributes(_ arguments: ParsedArguments, in context: CommandContext) throws -> NeutronAttributes {
  var attributes = NeutronAttributes(arguments)
  attributes.text("--name", "name")
  if arguments.contains("--pool-prefix") { attributes.fields["prefixes"] = .array(arguments.values("--pool-prefix").map(JSON.string)) }
  for (option, key) in [
    ("--default-prefix-length", "default_prefixlen"), ("--min-prefix-length", "min_prefixlen"),
    ("--max-prefix-length", "max_prefixlen"), ("--default-quota", "default_quota"),
  ] {
    if let value = arguments.value(option).flatMap({ Int($0) }) { attributes.fields[key] = .int(value) }
  }
  try attributes.reference("--address-scope", "address_scope_id", .addressScope, in: context)
  if arguments.flag("--no-address-scope") { attributes.fields["address_scope_id"] = .null }
  attributes.flags("--default", "--no-default", "is_default")
  attributes.flags("--share", "--no-share", "shared")
  try attributes.project(in: context)
  attributes.text("--description", "description")
  return attributes
}

private let poolTypes: [String: ValueType] = [
  "--default-prefix-length": .int, "--min-prefix-length": .int, "--max-prefix-length": .int, "--default-quota": .int,
]

/// `openstack subnet pool create` (`CreateSubnetPool`).
enum SubnetPoolCreate: OpenStackCommand {
  static let name = "subnet pool create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(["--pool-prefix", "--tag"]),
    types: poolTypes)
  static let refusedOptions: Set<String> = ["--extra-property"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var attributes = try poolAttributes(arguments, in: context)
    attributes.fields["name"] = .string(arguments.value("<name>") ?? "")
    if attributes.fields["prefixes"] == nil { attributes.fields["prefixes"] = .array([]) }
    let kind = NeutronResourceKind.subnetPool
    return kind.show(try NeutronTagOptions.set(try kind.create(attributes.fields, in: context), kind, arguments, in: context), in: context)
  }
}

/// `openstack subnet pool show` (`ShowSubnetPool`).
enum SubnetPoolShow: OpenStackCommand {
  static let name = "subnet pool show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let kind = NeutronResourceKind.subnetPool
    return kind.show(try kind.find(arguments.value("<subnet-pool>") ?? "", in: context), in: context)
  }
}

/// `openstack subnet pool set` (`SetSubnetPool`): new prefixes are added to the pool's.
enum SubnetPoolSet: OpenStackCommand {
  static let name = "subnet pool set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--pool-prefix", "--tag"], types: poolTypes)
  static let refusedOptions: Set<String> = ["--extra-property"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let kind = NeutronResourceKind.subnetPool
    let pool = try kind.find(arguments.value("<subnet-pool>") ?? "", in: context)
    var attributes = try poolAttributes(arguments, in: context)
    if let prefixes = attributes.fields["prefixes"] { attributes.fields["prefixes"] = .array(prefixes.array + (pool["prefixes"]?.array ?? [])) }
    try kind.update(pool, attributes.fields, in: context)
    _ = try NeutronTagOptions.set(pool, kind, arguments, in: context)
    return .nothing
  }
}

/// `openstack subnet pool list` (`ListSubnetPool`).
enum SubnetPoolList: OpenStackCommand {
  static let name = "subnet pool list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating, types: NeutronPaging.types)
  /// The client sends `shared` and `is_shared` both, which the SDK turns into one filter given
  /// twice; not modelled.
  static let refusedOptions: Set<String> = ["--share", "--no-share"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var query: [(name: String, value: String)] = []
    if arguments.flag("--default") || arguments.flag("--no-default") {
      query.append((name: "is_default", value: arguments.flag("--default") ? "True" : "False"))
    }
    if let project = try IdentityLookup.project.id(
      "--project", domain: "--project-domain", in: arguments, context: context, sdk: true)
    {
      query.append((name: "project_id", value: project))
    }
    if let name = arguments.value("--name") { query.append((name: "name", value: name)) }
    if let scope = arguments.value("--address-scope") {
      query.append((name: "address_scope_id", value: try NeutronResourceKind.addressScope.findID(scope, in: context)))
    }
    query += NeutronTags.query(arguments)
    var columns: [(String, String, NeutronColumnFormat)] = [("ID", "id", .plain), ("Name", "name", .plain), ("Prefixes", "prefixes", .list)]
    if arguments.flag("--long") {
      columns += [
        ("Default Prefix Length", "default_prefixlen", .plain), ("Address Scope", "address_scope_id", .plain),
        ("Default Subnet Pool", "is_default", .plain), ("Shared", "shared", .plain), ("Tags", "tags", .list),
      ]
    }
    let pools = try NeutronResourceKind.subnetPool.list(query, paging: arguments, in: context)
    return .list(
      columns: columns.map(\.0),
      rows: pools.map { pool in columns.map { $0.2.format(pool[$0.1] ?? .null, table: context.isTable) } }, names: .tuple)
  }
}

/// `openstack subnet pool delete` (`DeleteSubnetPool`).
enum SubnetPoolDelete: OpenStackCommand {
  static let name = "subnet pool delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try NeutronResourceKind.subnetPool.delete(arguments.values("<subnet-pool>"), noun: "subnet pool", in: context)
  }
}

/// `openstack address scope create` (`CreateAddressScope`): IPv4 unless told.
enum AddressScopeCreate: OpenStackCommand {
  static let name = "address scope create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating, types: ["--ip-version": .intChoices([4, 6])])
  static let refusedOptions: Set<String> = ["--extra-property"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var attributes = NeutronAttributes(arguments)
    attributes.fields["name"] = .string(arguments.value("<name>") ?? "")
    attributes.fields["ip_version"] = .int(Int(arguments.value("--ip-version") ?? "4") ?? 4)
    attributes.flags("--share", "--no-share", "shared")
    try attributes.project(in: context)
    let kind = NeutronResourceKind.addressScope
    return kind.show(try kind.create(attributes.fields, in: context), in: context)
  }
}

/// `openstack address scope show` (`ShowAddressScope`).
enum AddressScopeShow: OpenStackCommand {
  static let name = "address scope show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let kind = NeutronResourceKind.addressScope
    return kind.show(try kind.find(arguments.value("<address-scope>") ?? "", in: context), in: context)
  }
}

/// `openstack address scope list` (`ListAddressScope`).
enum AddressScopeList: OpenStackCommand {
  static let name = "address scope list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating, types: NeutronPaging.types)
  static let refusedOptions: Set<String> = ["--share", "--no-share"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var query: [(name: String, value: String)] = []
    if let name = arguments.value("--name") { query.append((name: "name", value: name)) }
    if let version = arguments.value("--ip-version") { query.append((name: "ip_version", value: version)) }
    if let project = try IdentityLookup.project.id(
      "--project", domain: "--project-domain", in: arguments, context: context, sdk: true)
    {
      query.append((name: "project_id", value: project))
    }
    let columns = [("ID", "id"), ("Name", "name"), ("IP Version", "ip_version"), ("Shared", "shared"), ("Project", "project_id")]
    let scopes = try NeutronResourceKind.addressScope.list(query, paging: arguments, in: context)
    return .list(columns: columns.map(\.0), rows: scopes.map { scope in columns.map { scope[$0.1] ?? .null } }, names: .tuple)
  }
}

/// `openstack address scope delete` (`DeleteAddressScope`).
enum AddressScopeDelete: OpenStackCommand {
  static let name = "address scope delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try NeutronResourceKind.addressScope.delete(arguments.values("<address-scope>"), noun: "address scope", in: context)
  }
}
