import CloudAPI

/// `openstack project create` (`CreateProject`).
enum ProjectCreate: OpenStackCommand {
  static let name = "project create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(["--tag", "--property"]),
    types: ["--property": .keyValue])
  static let refusedOptions: Set<String> = []
  /// The SDK project's attributes, as `_format_project` shows them.
  static let attributes = ["description", "domain_id", "enabled", "id", "is_domain", "name", "options", "parent_id", "tags"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let name = arguments.value("<project-name>") ?? ""
    // The properties first, as the client starts its arguments from them; `is_domain` read as
    // a flag.
    var body = ProjectOptions.properties(arguments)
    if let isDomain = body["is_domain"]?.string {
      switch isDomain.lowercased() {
      case "true": body["is_domain"] = true
      case "false": body["is_domain"] = false
      case "none": body["is_domain"] = .null
      default: break
      }
    }
    body["name"] = .string(name)
    if let description = arguments.value("--description"), !description.isEmpty { body["description"] = .string(description) }
    let domain = try Keystone.domainID("--domain", in: arguments, context: context)
    if let domain { body["domain_id"] = .string(domain) }
    // `find_project_id_sdk(parent, domain)`, which looks the domain up again by its ID.
    if let parent = arguments.value("--parent") {
      let inDomain = try domain.map { try Keystone.id("domains", "domain", $0, in: context) }
      body["parent_id"] = .string(try Keystone.id("projects", "project", parent, domainID: inDomain, in: context))
    }
    body["enabled"] = .bool(arguments.flag("--enable") || !arguments.flag("--disable"))
    let tags = arguments.values("--tag")
    if !tags.isEmpty { body["tags"] = .array(Array(Set(tags)).sorted().map(JSON.string)) }
    if let immutable = ProjectOptions.immutable(arguments) { body["options"] = .object(["immutable": .bool(immutable)]) }
    let orShow = arguments.flag("--or-show")
    let project: JSON
    do {
      project = try Keystone.call(.post, "/projects", body: .object(["project": .object(body)]), in: context)["project"] ?? .null
    } catch let failure as CommandFailure where orShow && failure.message.hasPrefix("ConflictException") {
      project = try Keystone.required("projects", "project", name, domainID: domain, in: context)
    }
    return Keystone.showSorted(project, attributes: ProjectOptions.shown(project))
  }
}

/// What projects take beyond their own attributes: `--property` (Keystone keeps it as the
/// project's extra, and the SDK shows it beside the rest) and `--immutable`.
enum ProjectOptions {
  static func properties(_ arguments: ParsedArguments) -> JSONObject {
    JSONObject(uniqueKeysWithValues: OSCLib.keyValues(arguments.values("--property")).map { ($0.key, JSON.string($0.value)) })
  }

  /// `--immutable` or `--no-immutable`, if either was given.
  static func immutable(_ arguments: ParsedArguments) -> Bool? {
    arguments.flag("--immutable") ? true : arguments.flag("--no-immutable") ? false : nil
  }

  /// The SDK project's attributes and the extra ones of the record.
  static func shown(_ project: JSON) -> [String] {
    let known = Set(ProjectCreate.attributes + ["links"])
    return ProjectCreate.attributes + project.object.keys.filter { !known.contains($0) }
  }
}

/// `openstack project list` (`ListProject`): an admin's list; a member, refused it, gets the
/// projects of its own user, as the client falls back to.
enum ProjectList: OpenStackCommand {
  static let name = "project list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = [
    "--user", "--my-projects", "--tags", "--tags-any", "--not-tags", "--not-tags-any", "--limit", "--marker",
    "--max-items",
  ]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var query: [(name: String, value: String)] = []
    let domain = try Keystone.domainID("--domain", in: arguments, context: context)
    if let domain { query.append((name: "domain_id", value: domain)) }
    // `find_project_id_sdk(parent, domain)`, which looks the domain up again by its ID.
    if let parent = arguments.value("--parent") {
      let inDomain = try domain.map { try Keystone.id("domains", "domain", $0, in: context) }
      query.append((name: "parent_id", value: try Keystone.id("projects", "project", parent, domainID: inDomain, in: context)))
    }
    if arguments.flag("--enabled") { query.append((name: "enabled", value: "True")) }
    if arguments.flag("--disabled") { query.append((name: "enabled", value: "False")) }
    var projects: [JSON]
    let response = try context.api.send(APIRequest(.get, "/v3/projects", query: query), to: .identity)
    if response.status == 403, query.isEmpty {
      let user = try context.api.userID()
      projects = try Keystone.call(.get, "/users/\(user)/projects", in: context)["projects"]?.array ?? []
    } else {
      guard response.status == 200 else { throw Keystone.sdkError(response, path: "/projects", query: query) }
      projects = response.body?["projects"]?.array ?? []
    }
    if let sort = arguments.value("--sort") { projects = try OSCLib.sorted(projects, by: sort) }
    var keys = ["id", "name"]
    var columns = ["ID", "Name"]
    if arguments.flag("--long") {
      keys += ["domain_id", "description", "enabled"]
      columns += ["Domain ID", "Description", "Enabled"]
    }
    return .list(columns: columns, rows: Keystone.rows(projects, keys), names: .tuple)
  }
}

/// `openstack project show` (`ShowProject`).
enum ProjectShow: OpenStackCommand {
  static let name = "project show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let domain = try Keystone.domainID("--domain", in: arguments, context: context)
    // The ID first (the name given when there is none), then the project by that ID, as
    // `find_project` with the domain.
    let name = arguments.value("<project>") ?? ""
    // `find_project_id_sdk` looks the domain up again, by the ID found.
    let inDomain = try domain.map { try Keystone.id("domains", "domain", $0, in: context, mustExist: false) }
    let id = try Keystone.find("projects", "project", name, domainID: inDomain, in: context)?["id"]?.string ?? name
    // `find_project(id, parents_as_ids=True, subtree_as_ids=True)`: the SDK passes them to the
    // direct look, where Keystone adds `parents` and `subtree` (nested IDs, shown as the
    // project's extra attributes), and not to the list.
    let expanding = [("--parents", "parents_as_ids"), ("--children", "subtree_as_ids")].filter { arguments.flag($0.0) }
      .map { (name: $0.1, value: "True") }
    let project = try Keystone.required("projects", "project", id, domainID: domain, expanding: expanding, in: context)
    return Keystone.showSorted(project, attributes: ProjectOptions.shown(project))
  }
}

/// `openstack user create` (`CreateUser`).
enum UserCreate: OpenStackCommand {
  static let name = "user create"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = [
    "--ignore-lockout-failure-attempts", "--no-ignore-lockout-failure-attempts", "--ignore-password-expiry",
    "--no-ignore-password-expiry", "--ignore-change-password-upon-first-use",
    "--no-ignore-change-password-upon-first-use", "--enable-lock-password", "--disable-lock-password",
    "--enable-multi-factor-auth", "--disable-multi-factor-auth", "--multi-factor-auth-rule",
  ]
  static let columns: [(header: String, key: String)] = [
    ("default_project_id", "default_project_id"), ("domain_id", "domain_id"), ("email", "email"), ("enabled", "enabled"),
    ("id", "id"), ("name", "name"), ("description", "description"), ("password_expires_at", "password_expires_at"),
    ("options", "options"),
  ]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let name = arguments.value("<name>") ?? ""
    var body: JSONObject = [:]
    let domain = try arguments.value("--domain").map { try Keystone.required("domains", "domain", $0, in: context)["id"] ?? .null }
    if let domain { body["domain_id"] = domain }
    if let project = arguments.value("--project") {
      let projectDomain = try arguments.value("--project-domain").map {
        try Keystone.required("domains", "domain", $0, in: context)["id"]?.string ?? $0
      }
      body["default_project_id"] = try Keystone.required("projects", "project", project, domainID: projectDomain, in: context)["id"]
    } else {
      _ = arguments.value("--project-domain")
    }
    if let description = arguments.value("--description"), !description.isEmpty { body["description"] = .string(description) }
    if let email = arguments.value("--email"), !email.isEmpty { body["email"] = .string(email) }
    let enabled = arguments.flag("--enable") || !arguments.flag("--disable")
    var password = arguments.value("--password") ?? ""
    let prompt = arguments.flag("--password-prompt")
    // A password given wins; else osc-lib's `get_password` asks, on a terminal only.
    if password.isEmpty, prompt { password = try context.promptedPassword() }
    if password.isEmpty {
      context.log("No password was supplied, authentication will fail when a user does not have a password.")
    } else {
      body["password"] = .string(password)
      password = ""
    }
    body["enabled"] = .bool(enabled)
    body["name"] = .string(name)
    let orShow = arguments.flag("--or-show")
    let user: JSON
    do {
      user = try Keystone.call(.post, "/users", body: .object(["user": .object(body)]), in: context)["user"] ?? .null
    } catch let failure as CommandFailure where orShow && failure.message.hasPrefix("ConflictException") {
      user = try Keystone.required("users", "user", name, domainID: domain?.string, in: context)
    }
    return Keystone.show(user, columns)
  }
}

/// `openstack user list` (`ListUser`): a domain's users, a group's, or (`--project`) the users
/// with a role on the project, each fetched; the client gathers those in a Python set, whose
/// order changes from run to run: here they come in the order of their first assignment.
enum UserList: OpenStackCommand {
  static let name = "user list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = ["--limit", "--marker", "--max-items"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var query: [(name: String, value: String)] = []
    let domain = try arguments.value("--domain").map { try Keystone.required("domains", "domain", $0, in: context)["id"]?.string ?? $0 }
    if let domain { query.append((name: "domain_id", value: domain)) }
    // The client passes the domain as given, name or ID, to `find_group`, before anything else.
    let groupID = try arguments.value("--group").map {
      try Keystone.required("groups", "group", $0, domainID: arguments.value("--domain"), in: context)["id"]?.string ?? $0
    }
    let users: [JSON]
    if let project = arguments.value("--project") {
      let projectID = try Keystone.required("projects", "project", project, domainID: domain, in: context)["id"]?.string ?? project
      let assignments = try Keystone.call(.get, "/role_assignments", query: [(name: "scope.project.id", value: projectID)], in: context)
      var ids: [String] = []
      for assignment in assignments["role_assignments"]?.array ?? [] {
        if let id = assignment["user"]?["id"]?.string, !ids.contains(id) { ids.append(id) }
      }
      // The flags go unused on this way.
      _ = (arguments.flag("--enabled"), arguments.flag("--disabled"))
      users = try ids.map { try Keystone.required("users", "user", $0, in: context) }
    } else if let groupID {
      _ = (arguments.flag("--enabled"), arguments.flag("--disabled"))
      users = try Keystone.call(.get, "/groups/\(groupID)/users", query: query, in: context)["users"]?.array ?? []
    } else {
      if arguments.flag("--enabled") { query.append((name: "enabled", value: "True")) }
      if arguments.flag("--disabled") { query.append((name: "enabled", value: "False")) }
      users = try Keystone.call(.get, "/users", query: query, in: context)["users"]?.array ?? []
    }
    guard arguments.flag("--long") else { return .list(columns: ["ID", "Name"], rows: Keystone.rows(users, ["id", "name"]), names: .tuple) }
    return .list(
      columns: ["ID", "Name", "Project", "Domain", "Description", "Email", "Enabled"],
      rows: Keystone.rows(users, ["id", "name", "default_project_id", "domain_id", "description", "email", "enabled"]),
      names: .tuple)
  }
}

/// `openstack user show` (`ShowUser`).
enum UserShow: OpenStackCommand {
  static let name = "user show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let domain = try arguments.value("--domain").map { try Keystone.required("domains", "domain", $0, in: context)["id"]?.string ?? $0 }
    let user = try Keystone.required("users", "user", arguments.value("<user>") ?? "", domainID: domain, in: context)
    return Keystone.show(user, UserCreate.columns)
  }
}
