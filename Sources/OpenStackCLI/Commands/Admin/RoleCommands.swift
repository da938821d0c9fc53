import CloudAPI

/// `openstack role add` and `role remove` (`AddRole`, `RemoveRole`): a user's or group's role
/// on a project or domain, each found as `_find_sdk_id` finds it.
enum RoleGrant {
  static let refused: Set<String> = ["--system", "--inherited"]

  /// `AddRole` and `RemoveRole`: a user, group, project or domain must be given, then the role
  /// is found, then the actor and the target (`_process_identity_and_resource_options`); the
  /// SDK's `assign_*_role_to_*` and `unassign_...` report nothing of the answer, so a refused or
  /// missing assignment goes unsaid, as in the real client.
  static func run(_ method: HTTPMethod, noTarget: String, _ arguments: ParsedArguments, in context: CommandContext) throws {
    let (user, group) = (arguments.value("--user"), arguments.value("--group"))
    let (project, domain) = (arguments.value("--project"), arguments.value("--domain"))
    guard user != nil || group != nil || project != nil || domain != nil else { throw CommandFailure(message: noTarget) }
    let roleDomain = try Keystone.domainID("--role-domain", in: arguments, context: context)
    let role = try Keystone.id("roles", "role", arguments.value("<role>") ?? "", domainID: roleDomain, in: context)
    let domains = (user: arguments.value("--user-domain"), group: arguments.value("--group-domain"), project: arguments.value("--project-domain"))
    guard user != nil || group != nil, project != nil || domain != nil else {
      throw CommandFailure(message: "Role not added, incorrect set of arguments provided. See openstack --help for more details")
    }
    let actor: String
    if let user {
      let userDomain = try domains.user.map { try Keystone.id("domains", "domain", $0, in: context) }
      actor = "users/" + (try Keystone.id("users", "user", user, domainID: userDomain, in: context))
    } else {
      let groupDomain = try domains.group.map { try Keystone.id("domains", "domain", $0, in: context) }
      actor = "groups/" + (try Keystone.id("groups", "group", group ?? "", domainID: groupDomain, in: context))
    }
    let target: String
    if let domain {
      target = "domains/" + (try Keystone.id("domains", "domain", domain, in: context))
    } else {
      let projectDomain = try domains.project.map { try Keystone.id("domains", "domain", $0, in: context) }
      target = "projects/" + (try Keystone.id("projects", "project", project ?? "", domainID: projectDomain, in: context))
    }
    _ = try context.api.send(APIRequest(method, "/v3/\(target)/\(actor)/roles/\(role)"), to: .identity)
  }
}

enum RoleAdd: OpenStackCommand {
  static let name = "role add"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions = RoleGrant.refused

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try RoleGrant.run(
      .put, noTarget: "Role not added, incorrect set of arguments provided. See openstack --help for more details", arguments,
      in: context)
    return .nothing
  }
}

enum RoleRemove: OpenStackCommand {
  static let name = "role remove"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions = RoleGrant.refused

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try RoleGrant.run(
      .delete, noTarget: "Incorrect set of arguments provided. See openstack --help for more details", arguments, in: context)
    return .nothing
  }
}

/// `openstack role list` (`ListRole`): the global roles, or a domain's own (found with
/// `find_domain`), each with the domain's name.
enum RoleList: OpenStackCommand {
  static let name = "role list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    if let name = arguments.value("--domain") {
      let domain = try Keystone.required("domains", "domain", name, in: context)
      let query = [(name: "domain_id", value: domain["id"]?.string ?? "")]
      let roles = try Keystone.call(.get, "/roles", query: query, in: context)["roles"]?.array ?? []
      return .list(
        columns: ["ID", "Name", "Domain"], rows: Keystone.rows(roles, ["id", "name"]).map { $0 + [domain["name"] ?? .null] },
        names: .tuple)
    }
    let roles = try Keystone.call(.get, "/roles", in: context)["roles"]?.array ?? []
    return .list(columns: ["ID", "Name"], rows: Keystone.rows(roles, ["id", "name"]), names: .tuple)
  }
}

/// `openstack role create` (`CreateRole`).
enum RoleCreate: OpenStackCommand {
  static let name = "role create"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []
  static let columns: [(header: String, key: String)] = [
    ("id", "id"), ("name", "name"), ("domain_id", "domain_id"), ("description", "description"),
  ]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let name = arguments.value("<role-name>") ?? ""
    var body: JSONObject = [:]
    // A domain's own role: the domain found by `_find_sdk_id`.
    if let domain = arguments.value("--domain") { body["domain_id"] = .string(try Keystone.id("domains", "domain", domain, in: context)) }
    body["name"] = .string(name)
    if let description = arguments.value("--description"), !description.isEmpty { body["description"] = .string(description) }
    if let immutable = ProjectOptions.immutable(arguments) { body["options"] = .object(["immutable": .bool(immutable)]) }
    let orShow = arguments.flag("--or-show")
    let role: JSON
    do {
      role = try Keystone.call(.post, "/roles", body: .object(["role": .object(body)]), in: context)["role"] ?? .null
    } catch let failure as CommandFailure where orShow && failure.message.hasPrefix("ConflictException") {
      // `find_role(name, domain_id=parsed_args.domain)`: the domain as given, not its ID.
      role = try Keystone.required("roles", "role", name, domainID: arguments.value("--domain"), in: context)
    }
    return Keystone.show(role, columns)
  }
}

/// `openstack role show` (`ShowRole`): `find_role`, in the domain given.
enum RoleShow: OpenStackCommand {
  static let name = "role show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let domain = try Keystone.domainID("--domain", in: arguments, context: context)
    let role = try Keystone.required("roles", "role", arguments.value("<role>") ?? "", domainID: domain, in: context)
    return Keystone.show(role, RoleCreate.columns)
  }
}

/// `openstack role assignment list` (`ListRoleAssignment`): by role, user and project, with
/// names as `name@Domain`.
enum RoleAssignmentList: OpenStackCommand {
  static let name = "role assignment list"
  /// `--user` and `--group` are exclusive too, which the usage does not show.
  static let syntax: CommandSyntax = {
    var syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
    syntax.exclusiveGroups.append(syntax.options.filter { $0.names.contains("--user") || $0.names.contains("--group") })
    return syntax
  }()
  static let refusedOptions: Set<String> = ["--system"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var query: [(name: String, value: String)] = []
    /// `_find_sdk_id` for the option's value, in the domain another option names.
    func id(_ option: String, _ collection: String, _ member: String, domain: String? = nil, _ given: String? = nil) throws -> String? {
      let domainID = try domain.flatMap { try Keystone.domainID($0, in: arguments, context: context) }
      return try (given ?? arguments.value(option)).map { try Keystone.id(collection, member, $0, domainID: domainID, in: context) }
    }
    let role = try id("--role", "roles", "role", domain: "--role-domain")
    var user = try id("--user", "users", "user", domain: "--user-domain")
    if user == nil, arguments.flag("--auth-user") {
      user = try id("--auth-user", "users", "user", try context.api.userID())
    }
    let domain = try id("--domain", "domains", "domain")
    var project = try id("--project", "projects", "project", domain: "--project-domain")
    if project == nil, arguments.flag("--auth-project") {
      project = try id("--auth-project", "projects", "project", try context.api.signedInProjectID())
    }
    let group = try id("--group", "groups", "group", domain: "--group-domain")
    // The SDK's query, in its mapping's order.
    for (name, value) in [("group.id", group), ("role.id", role), ("scope.domain.id", domain), ("scope.project.id", project), ("user.id", user)] {
      if let value { query.append((name: name, value: value)) }
    }
    if arguments.flag("--effective") { query.append((name: "effective", value: "True")) }
    let names = arguments.flag("--names")
    if names { query.append((name: "include_names", value: "True")) }
    if arguments.flag("--inherited") { query.append((name: "scope.OS-INHERIT:inherited_to", value: "projects")) }
    let assignments = try Keystone.call(.get, "/role_assignments", query: query, in: context)["role_assignments"]?.array ?? []
    /// `_get_names` (`name@Domain`) or `_get_ids`.
    func shown(_ value: JSON?) -> JSON {
      guard let value, value != .null else { return "" }
      guard names else { return value["id"] ?? "" }
      let domain = value["domain"]?["name"]?.string.map { "@" + $0 } ?? ""
      return .string((value["name"]?.string ?? "") + domain)
    }
    let rows = assignments.map { assignment -> [JSON] in
      [
        shown(assignment["role"]), shown(assignment["user"]), shown(assignment["group"]),
        shown(assignment["scope"]?["project"]), shown(assignment["scope"]?["domain"]),
        assignment["scope"]?["system"] == nil ? "" : "all",
        .bool(assignment["scope"]?["OS-INHERIT:inherited_to"] == "projects"),
      ]
    }
    return .list(columns: ["Role", "User", "Group", "Project", "Domain", "System", "Inherited"], rows: rows, names: .tuple)
  }
}
