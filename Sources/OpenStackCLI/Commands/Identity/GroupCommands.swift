import CloudAPI

/// `openstack group ...` (`identity/v3/group.py`): groups, found as `find_group_id_sdk` finds
/// them, and their members.
enum GroupCreate: OpenStackCommand {
  static let name = "group create"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []
  /// `_format_group`'s columns.
  static let columns: [(header: String, key: String)] = [
    ("description", "description"), ("domain_id", "domain_id"), ("id", "id"), ("name", "name"),
  ]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let name = arguments.value("<group-name>") ?? ""
    var body: JSONObject = [:]
    if !name.isEmpty { body["name"] = .string(name) }
    if let description = arguments.value("--description"), !description.isEmpty { body["description"] = .string(description) }
    let domain = try Keystone.domainID("--domain", in: arguments, context: context)
    if let domain { body["domain_id"] = .string(domain) }
    let orShow = arguments.flag("--or-show")
    let group: JSON
    do {
      group = try Keystone.call(.post, "/groups", body: .object(["group": .object(body)]), in: context)["group"] ?? .null
    } catch let failure as CommandFailure where orShow && failure.message.hasPrefix("ConflictException") {
      // The client passes the domain as given, name or ID, to `find_group`.
      group = try Keystone.required("groups", "group", name, domainID: arguments.value("--domain"), in: context)
    }
    return Keystone.show(group, columns)
  }
}

enum GroupList: OpenStackCommand {
  static let name = "group list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let domain = try Keystone.domainID("--domain", in: arguments, context: context)
    let groups: [JSON]
    if let user = arguments.value("--user") {
      let userDomain = try Keystone.domainID("--user-domain", in: arguments, context: context)
      let userID = try Keystone.id("users", "user", user, domainID: userDomain, in: context)
      // The API has no domain filter here: `--domain` is looked up and goes unused, as in the client.
      groups = try Keystone.call(.get, "/users/\(userID)/groups", in: context)["groups"]?.array ?? []
    } else {
      _ = arguments.value("--user-domain")
      groups = try Keystone.call(.get, "/groups", query: domain.map { [(name: "domain_id", value: $0)] } ?? [], in: context)["groups"]?.array ?? []
    }
    var columns = ["ID", "Name"]
    var keys = ["id", "name"]
    if arguments.flag("--long") {
      columns += ["Domain ID", "Description"]
      keys += ["domain_id", "description"]
    }
    return .list(columns: columns, rows: Keystone.rows(groups, keys), names: .tuple)
  }
}

enum GroupShow: OpenStackCommand {
  static let name = "group show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let domain = try Keystone.domainID("--domain", in: arguments, context: context)
    let group = try Keystone.required("groups", "group", arguments.value("<group>") ?? "", domainID: domain, in: context)
    return Keystone.show(group, GroupCreate.columns)
  }
}

enum GroupSet: OpenStackCommand {
  static let name = "group set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let domain = try Keystone.domainID("--domain", in: arguments, context: context)
    let group = try Keystone.id("groups", "group", arguments.value("<group>") ?? "", domainID: domain, in: context)
    var body: JSONObject = [:]
    if let name = arguments.value("--name"), !name.isEmpty { body["name"] = .string(name) }
    if let description = arguments.value("--description"), !description.isEmpty { body["description"] = .string(description) }
    // The SDK commits only when something changed.
    if !body.isEmpty { try Keystone.call(.patch, "/groups/\(group)", body: .object(["group": .object(body)]), in: context) }
    return .nothing
  }
}

enum GroupDelete: OpenStackCommand {
  static let name = "group delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try DeleteEach(
      failure: { "Failed to delete group with name or ID '\($0)': \($1)" },
      summary: { "\($0) of \($1) groups failed to delete." }
    ).run(arguments.values("<group>")) { name in
      let domain = try Keystone.domainID("--domain", in: arguments, context: context)
      let group = try Keystone.id("groups", "group", name, domainID: domain, in: context)
      try Keystone.call(.delete, "/groups/\(group)", in: context)
      return true
    }
    return .nothing
  }
}

/// `group add user` and `group remove user`: the group, then each user; a user that fails is
/// logged and counted.
enum GroupMembership {
  static func run(
    _ method: HTTPMethod, verb: String, _ arguments: ParsedArguments, in context: CommandContext
  ) throws -> CommandOutput {
    let groupName = arguments.value("<group>") ?? ""
    let groupDomain = try Keystone.domainID("--group-domain", in: arguments, context: context)
    let group = try Keystone.id("groups", "group", groupName, domainID: groupDomain, in: context)
    let users = arguments.values("<user>")
    var failed = 0
    for user in users {
      do {
        let userDomain = try Keystone.domainID("--user-domain", in: arguments, context: context)
        let userID = try Keystone.id("users", "user", user, domainID: userDomain, in: context)
        try Keystone.call(method, "/groups/\(group)/users/\(userID)", in: context)
      } catch let failure as CommandFailure {
        context.log("\(user) not \(verb) group \(groupName): \(failure.message)")
        failed += 1
      }
    }
    if failed > 0 { throw CommandFailure(message: "\(failed) of \(users.count) users not \(verb) group \(groupName).") }
    return .nothing
  }
}

enum GroupAddUser: OpenStackCommand {
  static let name = "group add user"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try GroupMembership.run(.put, verb: "added to", arguments, in: context)
  }
}

enum GroupRemoveUser: OpenStackCommand {
  static let name = "group remove user"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try GroupMembership.run(.delete, verb: "removed from", arguments, in: context)
  }
}

/// `group contains user`: the user and the group found without insisting they exist, then
/// `HEAD`; a 404 or a refusal is "not in".
enum GroupContainsUser: OpenStackCommand {
  static let name = "group contains user"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let (groupName, userName) = (arguments.value("<group>") ?? "", arguments.value("<user>") ?? "")
    let userDomain = try Keystone.domainID("--user-domain", in: arguments, context: context, mustExist: false)
    let user = try Keystone.id("users", "user", userName, domainID: userDomain, in: context, mustExist: false)
    let groupDomain = try Keystone.domainID("--group-domain", in: arguments, context: context, mustExist: false)
    let group = try Keystone.id("groups", "group", groupName, domainID: groupDomain, in: context, mustExist: false)
    let response = try context.api.send(APIRequest(.head, "/v3/groups/\(group)/users/\(user)"), to: .identity)
    if response.status == 204 { return .text("\(userName) in group \(groupName)\n") }
    guard [403, 404].contains(response.status) || (200..<300).contains(response.status) else {
      throw Keystone.sdkError(response, path: "/groups/\(group)/users/\(user)")
    }
    context.log("\(userName) not in group \(groupName)")
    return .nothing
  }
}
