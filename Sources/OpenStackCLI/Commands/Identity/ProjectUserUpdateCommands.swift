import CloudAPI

/// `openstack project set` (`SetProject`): the project found in the domain if there is one
/// (the name itself when it is not found), its tags merged as the client merges them.
enum ProjectSet: OpenStackCommand {
  static let name = "project set"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: ["--tag", "--remove-tag", "--property"], types: ["--property": .keyValue])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let given = arguments.value("<project>") ?? ""
    var body: JSONObject = [:]
    if let name = arguments.value("--name"), !name.isEmpty { body["name"] = .string(name) }
    if let description = arguments.value("--description"), !description.isEmpty { body["description"] = .string(description) }
    if arguments.flag("--enable") { body["enabled"] = true }
    if arguments.flag("--disable") { body["enabled"] = false }
    if let immutable = ProjectOptions.immutable(arguments) { body["options"] = .object(["immutable": .bool(immutable)]) }
    for (key, value) in ProjectOptions.properties(arguments) { body[key] = value }
    let domain = try Keystone.domainID("--domain", in: arguments, context: context, mustExist: false)
    let project = try Keystone.find("projects", "project", given, domainID: domain, in: context)
    let (added, removed) = (arguments.values("--tag"), arguments.values("--remove-tag"))
    if arguments.flag("--clear-tags") {
      body["tags"] = .array([])
    } else if !added.isEmpty || !removed.isEmpty {
      let existing = Set(project?["tags"]?.array.compactMap(\.string) ?? [])
      // `--tag` wins over `--remove-tag` when both are given, as the client computes it.
      let tags = added.isEmpty ? existing.subtracting(removed) : existing.union(added)
      body["tags"] = .array(tags.sorted().map(JSON.string))
    }
    // The SDK commits only when something is to change.
    guard !body.isEmpty else { return .nothing }
    let id = project?["id"]?.string ?? given
    try Keystone.call(.patch, "/projects/\(id)", body: .object(["project": .object(body)]), in: context)
    return .nothing
  }
}

/// `openstack project delete` (`DeleteProject`).
enum ProjectDelete: OpenStackCommand {
  static let name = "project delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try DeleteEach(
      failure: { "Failed to delete project with name or ID '\($0)': \($1)" },
      summary: { "\($0) of \($1) projects failed to delete." }
    ).run(arguments.values("<project>")) { name in
      let domain = try Keystone.domainID("--domain", in: arguments, context: context, mustExist: false)
      let project = try Keystone.id("projects", "project", name, domainID: domain, in: context)
      do {
        try Keystone.call(.delete, "/projects/\(project)", in: context)
      } catch let failure as CommandFailure {
        throw DeleteEach.Renamed(name: project, failure: failure)
      }
      return true
    }
    return .nothing
  }
}

/// `openstack user set` (`SetUser`): the user found (in the domain given), then only what
/// differs from it sent, as the SDK commits a fetched user.
enum UserSet: OpenStackCommand {
  static let name = "user set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--multi-factor-auth-rule"])
  static let refusedOptions: Set<String> = UserCreate.refusedOptions

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var password = arguments.value("--password")
    // osc-lib's `get_password` asks on a terminal only.
    if arguments.flag("--password-prompt") { password = try context.promptedPassword() }
    if password == "" {
      context.log("No password was supplied, authentication will fail when a user does not have a password.")
    }
    let given = arguments.value("<user>") ?? ""
    let domain = try arguments.value("--domain").map { try Keystone.required("domains", "domain", $0, in: context)["id"]?.string ?? $0 }
    let user = try Keystone.required("users", "user", given, domainID: domain, in: context)
    var wanted: JSONObject = [:]
    if let name = arguments.value("--name"), !name.isEmpty { wanted["name"] = .string(name) }
    if let email = arguments.value("--email"), !email.isEmpty { wanted["email"] = .string(email) }
    if let new = password, !new.isEmpty { wanted["password"] = .string(new) }
    password = nil
    if let description = arguments.value("--description"), !description.isEmpty { wanted["description"] = .string(description) }
    if let project = arguments.value("--project") {
      let projectDomain = try arguments.value("--project-domain").map {
        try Keystone.required("domains", "domain", $0, in: context)["id"]?.string ?? $0
      }
      wanted["default_project_id"] = try Keystone.required("projects", "project", project, domainID: projectDomain, in: context)["id"]
    } else {
      _ = arguments.value("--project-domain")
    }
    if arguments.flag("--enable") { wanted["enabled"] = true }
    if arguments.flag("--disable") { wanted["enabled"] = false }
    let changed = wanted.filter { user[$0.key] != $0.value }
    guard !changed.isEmpty else { return .nothing }
    try Keystone.call(.patch, "/users/\(user["id"]?.string ?? given)", body: .object(["user": .object(changed)]), in: context)
    return .nothing
  }
}

/// `openstack user delete` (`DeleteUser`): the domain looked up once (not found is no domain).
enum UserDelete: OpenStackCommand {
  static let name = "user delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let domain = try arguments.value("--domain").flatMap { try Keystone.find("domains", "domain", $0, in: context)?["id"]?.string }
    try DeleteEach(
      failure: { "Failed to delete user with name or ID '\($0)': \($1)" },
      summary: { "\($0) of \($1) users failed to delete." }
    ).run(arguments.values("<user>")) { name in
      let user = try Keystone.required("users", "user", name, domainID: domain, in: context)
      try Keystone.call(.delete, "/users/\(user["id"]?.string ?? name)", in: context)
      return true
    }
    return .nothing
  }
}

/// `openstack user password set` (`SetPasswordUser`): the signed-in user's password, given the
/// original; the client asks for either one that is missing, which needs a terminal.
enum UserPasswordSet: OpenStackCommand {
  static let name = "user password set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    guard let original = arguments.value("--original-password"), let password = arguments.value("--password") else {
      throw CommandFailure(message: "No terminal detected attempting to read password")
    }
    if password.isEmpty {
      context.log("No password was supplied, authentication will fail when a user does not have a password.")
    }
    let user = try context.api.userID()
    try Keystone.call(
      .post, "/users/\(user)/password",
      body: .object(["user": .object(["password": .string(password), "original_password": .string(original)])]), in: context)
    return .nothing
  }
}
