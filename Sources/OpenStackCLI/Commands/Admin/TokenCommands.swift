import CloudAPI

/// `openstack token issue` (`IssueToken`): the token the client signed in with, as
/// `auth_ref` holds it, its fields sorted by name; no request but the sign-in.
enum TokenIssue: OpenStackCommand {
  static let name = "token issue"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let (token, body) = try context.api.signIn()
    var fields: JSONObject = ["id": .string(token)]
    // keystoneauth reads `expires_at` into a datetime in UTC; the client writes it with
    // `%Y-%m-%dT%H:%M:%S%z`.
    if let expires = body["expires_at"]?.string { fields["expires"] = .string(expires.prefix(19) + "+0000") }
    for (field, owner) in [("project_id", "project"), ("user_id", "user"), ("domain_id", "domain")] {
      if let id = body[owner]?["id"]?.string, !id.isEmpty { fields[field] = .string(id) }
    }
    fields.sort { $0.key.precedesByCodePoint($1.key) }
    return .show(fields)
  }
}
