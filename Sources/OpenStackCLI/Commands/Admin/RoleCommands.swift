import CloudAPI

/// `openstack role add` and `role remove` (`AddRole`, `RemoveRole`): a user's role on a
/// project, found as `_find_sdk_id` finds each.
enum RoleGrant {
  static let refused: Set<String> = ["--system", "--domain", "--group", "--group-domain", "--inherited"]

  /// `AddRole` and `RemoveRole`: a user or project must be given, then the role is found, then
  /// both must be; the SDK's `assign_project_role_to_user` and `unassign_...` report nothing of
  /// the answer, so a refused or missing assignment goes unsaid, as in the real client.
  static func run(_ method: HTTPMethod, noTarget: String, _ arguments: ParsedArguments, in context: CommandContext) throws {
    let user = arguments.value("--user")
    let project = arguments.value("--project")
    guard user != nil || project != nil else { throw CommandFailure(message: noTarget) }
    let roleDomain = try Keystone.domainID("--role-domain", in: arguments, context: context)
    let role = try Keystone.id("roles", "role", arguments.value("<role>") ?? "", domainID: roleDomain, in: context)
    let userDomainName = arguments.value("--user-domain")
    let projectDomainName = arguments.value("--project-domain")
    guard let user, let project else {
      throw CommandFailure(message: "Role not added, incorrect set of arguments provided. See openstack --help for more details")
    }
    let userDomain = try userDomainName.map { try Keystone.id("domains", "domain", $0, in: context) }
    let userID = try Keystone.id("users", "user", user, domainID: userDomain, in: context)
    let projectDomain = try projectDomainName.map { try Keystone.id("domains", "domain", $0, in: context) }
    let projectID = try Keystone.id("projects", "project", project, domainID: projectDomain, in: context)
    _ = try context.api.send(APIRequest(method, "/v3/projects/\(projectID)/users/\(userID)/roles/\(role)"), to: .identity)
  }
}

enum RoleAdd: OpenStackCommand {
  static let name = "role add"
  static let syntax = CommandSyntax(usage: RealUsage.roleAdd)
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
  static let syntax = CommandSyntax(usage: RealUsage.roleRemove)
  static let refusedOptions = RoleGrant.refused

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try RoleGrant.run(
      .delete, noTarget: "Incorrect set of arguments provided. See openstack --help for more details", arguments, in: context)
    return .nothing
  }
}

/// `openstack role list` (`ListRole`): the global roles.
enum RoleList: OpenStackCommand {
  static let name = "role list"
  static let syntax = CommandSyntax(usage: RealUsage.roleList, repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = ["--domain"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let roles = try Keystone.call(.get, "/roles", in: context)["roles"]?.array ?? []
    return .list(columns: ["ID", "Name"], rows: Keystone.rows(roles, ["id", "name"]), names: .tuple)
  }
}

/// `openstack role create` (`CreateRole`).
enum RoleCreate: OpenStackCommand {
  static let name = "role create"
  static let syntax = CommandSyntax(usage: RealUsage.roleCreate, repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = ["--domain", "--immutable", "--no-immutable"]
  static let columns: [(header: String, key: String)] = [
    ("id", "id"), ("name", "name"), ("domain_id", "domain_id"), ("description", "description"),
  ]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let name = arguments.value("<role-name>") ?? ""
    var body: JSONObject = ["name": .string(name)]
    if let description = arguments.value("--description"), !description.isEmpty { body["description"] = .string(description) }
    let orShow = arguments.flag("--or-show")
    let role: JSON
    do {
      role = try Keystone.call(.post, "/roles", body: .object(["role": .object(body)]), in: context)["role"] ?? .null
    } catch let failure as CommandFailure where orShow && failure.message.hasPrefix("ConflictException") {
      role = try Keystone.required("roles", "role", name, in: context)
    }
    return Keystone.show(role, columns)
  }
}

/// `openstack role show` (`ShowRole`): `find_role`, in the domain given.
enum RoleShow: OpenStackCommand {
  static let name = "role show"
  static let syntax = CommandSyntax(usage: RealUsage.roleShow, repeating: DisplayOptions.showRepeating)
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
  static let syntax = CommandSyntax(usage: RealUsage.roleAssignmentList, repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = [
    "--effective", "--group", "--group-domain", "--domain", "--system", "--inherited", "--auth-user", "--auth-project",
  ]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var query: [(name: String, value: String)] = []
    let roleDomain = try Keystone.domainID("--role-domain", in: arguments, context: context)
    if let role = arguments.value("--role") {
      query.append((name: "role.id", value: try Keystone.id("roles", "role", role, domainID: roleDomain, in: context)))
    }
    let userDomain = try Keystone.domainID("--user-domain", in: arguments, context: context)
    if let user = arguments.value("--user") {
      query.append((name: "user.id", value: try Keystone.id("users", "user", user, domainID: userDomain, in: context)))
    }
    let projectDomain = try Keystone.domainID("--project-domain", in: arguments, context: context)
    if let project = arguments.value("--project") {
      query.append(
        (name: "scope.project.id", value: try Keystone.id("projects", "project", project, domainID: projectDomain, in: context)))
    }
    let names = arguments.flag("--names")
    if names { query.append((name: "include_names", value: "True")) }
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
