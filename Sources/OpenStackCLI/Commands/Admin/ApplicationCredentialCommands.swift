import CloudAPI

/// The application credential commands (`application_credential.py`, through openstacksdk): the
/// signed-in user's credentials under `/users/{user_id}/application_credentials`.
enum ApplicationCredentials {
  /// The columns of a credential, in the client's order, with the secret's after a create.
  static let columns = [
    ("ID", "id"), ("Name", "name"), ("Description", "description"), ("Project ID", "project_id"), ("Roles", "roles"),
    ("Unrestricted", "unrestricted"), ("Access Rules", "access_rules"), ("Expires At", "expires_at"),
  ]

  static func path(_ userID: String) -> String { "/users/\(userID)/application_credentials" }

  /// A row of the credential: `RolesColumn` the roles' names (osc-lib's `format_list`, sorted)
  /// in a table, the records themselves otherwise.
  static func values(_ credential: JSON, secret: Bool, in context: CommandContext) -> [JSON] {
    var keys = columns.map(\.1)
    if secret { keys.append("secret") }
    return keys.map { key in
      let value = credential[key] ?? .null
      guard key == "roles", context.isTable else { return value }
      return .string(OSCLib.formatList(value.array.map { $0["name"] ?? .null }))
    }
  }

  static func show(_ credential: JSON, secret: Bool, in context: CommandContext) -> CommandOutput {
    let headers = columns.map(\.0) + (secret ? ["Secret"] : [])
    return .show(JSONObject(uniqueKeys: headers, values: values(credential, secret: secret, in: context)))
  }

  /// `find_application_credential(user_id, name_or_id)`: the ID fetched, then the user's list
  /// (the resource has no `name` filter) by ID or name.
  static func find(_ nameOrID: String, userID: String, in context: CommandContext) throws -> JSON {
    let direct = try context.api.send(APIRequest(.get, "/v3" + path(userID) + "/" + nameOrID), to: .identity)
    if direct.status == 200, let credential = direct.body?["application_credential"] { return credential }
    guard [400, 403, 404].contains(direct.status) else {
      throw Keystone.sdkError(direct, path: path(userID) + "/" + nameOrID)
    }
    let listed = try Keystone.call(.get, path(userID), in: context)["application_credentials"]?.array ?? []
    return try ComputeLookup.exactMatch(listed, nameOrID, kind: "ApplicationCredential")
  }
}

/// `openstack application credential create` (`CreateApplicationCredential`): for the signed-in
/// user, roles by ID (a UUID) or by name, the secret shown once.
enum ApplicationCredentialCreate: OpenStackCommand {
  static let name = "application credential create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(["--role"]))
  /// Access rules are records of their own, not in the cloud.
  static let refusedOptions: Set<String> = ["--access-rules"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let userID = try context.api.userID()
    let roles: [JSON] = arguments.values("--role").map { role in
      .object(ManilaFormat.isUUIDLike(role) ? ["id": .string(role)] : ["name": .string(role)])
    }
    // `strptime(expiration, '%Y-%m-%dT%H:%M:%S')`, sent as the naive `datetime`'s `isoformat()`.
    var expiry = JSON.null
    if let text = arguments.value("--expiration"), !text.isEmpty {
      let format = "%Y-%m-%dT%H:%M:%S"
      switch CivilTime.strptime(text, format: format) {
      case .success(let time): expiry = .string(CivilTime.isoformat(time))
      case .failure(let error): throw CommandFailure(message: error.message(text: text, format: format))
      }
    }
    // `--restricted` wins; without either, restricted.
    let unrestricted = !arguments.flag("--restricted") && arguments.flag("--unrestricted")
    let body: JSONObject = [
      "name": .string(arguments.value("<name>") ?? ""), "roles": .array(roles), "expires_at": expiry,
      "description": arguments.value("--description").map(JSON.string) ?? .null,
      "secret": arguments.value("--secret").map(JSON.string) ?? .null, "unrestricted": .bool(unrestricted),
      "access_rules": .array([]),
    ]
    let created = try Keystone.call(
      .post, ApplicationCredentials.path(userID), body: .object(["application_credential": .object(body)]), in: context)
    // The SDK's resource keeps what it sent where the answer is silent: Keystone leaves out
    // `access_rules` when there are none, and the client shows the `[]` it sent.
    var credential = body
    for (key, value) in created["application_credential"]?.object ?? [:] { credential[key] = value }
    return ApplicationCredentials.show(.object(credential), secret: true, in: context)
  }
}

/// `openstack application credential show` (`ShowApplicationCredential`).
enum ApplicationCredentialShow: OpenStackCommand {
  static let name = "application credential show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let credential = try ApplicationCredentials.find(
      arguments.value("<application-credential>") ?? "", userID: try context.api.userID(), in: context)
    return ApplicationCredentials.show(credential, secret: false, in: context)
  }
}

/// `openstack application credential list` (`ListApplicationCredential`): the signed-in user's,
/// or `--user`'s.
enum ApplicationCredentialList: OpenStackCommand {
  static let name = "application credential list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let userID =
      try IdentityLookup.user.id("--user", domain: "--user-domain", in: arguments, context: context, sdk: true)
      ?? context.api.userID()
    let listed = try Keystone.call(.get, ApplicationCredentials.path(userID), in: context)["application_credentials"]?.array ?? []
    return .list(
      columns: ApplicationCredentials.columns.map(\.0),
      rows: listed.map { ApplicationCredentials.values($0, secret: false, in: context) }, names: .tuple)
  }
}

/// `openstack application credential delete` (`DeleteApplicationCredential`): each found and
/// deleted, the failures logged and counted.
enum ApplicationCredentialDelete: OpenStackCommand {
  static let name = "application credential delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let userID = try context.api.userID()
    try DeleteEach(
      failure: { "Failed to delete application credential with name or ID '\($0)': \($1)" },
      summary: { "\($0) of \($1) application credentials failed to delete." }
    ).run(arguments.values("<application-credential>")) { name in
      let credential = try ApplicationCredentials.find(name, userID: userID, in: context)
      try Keystone.call(.delete, ApplicationCredentials.path(userID) + "/" + (credential["id"]?.string ?? ""), in: context)
      return true
    }
    return .nothing
  }
}
