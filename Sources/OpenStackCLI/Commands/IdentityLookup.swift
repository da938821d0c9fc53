import CloudAPI

/// How the clients find a project, user or domain in Keystone by name or ID: the record by ID,
/// then a list by name. Where Keystone forbids the caller to look (a member listing projects),
/// the name given is used as the ID, as both clients do.
struct IdentityLookup {
  /// `projects`, `users`, `domains`.
  var collection: String
  /// `project`, `user`, `domain`.
  var member: String

  static let project = IdentityLookup(collection: "projects", member: "project")
  static let user = IdentityLookup(collection: "users", member: "user")
  static let domain = IdentityLookup(collection: "domains", member: "domain")

  /// The ID `option` names (`--project`), found the SDK's way or keystoneclient's, in the domain
  /// `domainOption` names; `nil` without the option (the domain option alone does nothing).
  func id(
    _ option: String, domain domainOption: String, in arguments: ParsedArguments, context: CommandContext, sdk: Bool
  ) throws -> String? {
    let domain = arguments.value(domainOption)
    guard let nameOrID = arguments.value(option) else { return nil }
    return try sdk
      ? sdkID(nameOrID, domain: domain, in: context) : keystoneID(nameOrID, domain: domain, in: context)
  }

  /// openstackclient's `find_*_id_sdk` (openstacksdk's `find`, `ignore_missing=False`), in the
  /// domain `domain` names when given. What is not found is osc-lib's `CommandError` without a
  /// message.
  func sdkID(_ nameOrID: String, domain: String?, in context: CommandContext) throws -> String {
    let domainID = try domain.map { try Self.domain.sdkID($0, domain: nil, in: context) }
    // The SDK fetches the record with the same parameters it lists with.
    let query = domainID.map { [(name: "domain_id", value: $0)] } ?? []
    let direct = try context.api.send(APIRequest(.get, "/v3/\(collection)/\(nameOrID)", query: query), to: .identity)
    if direct.status == 200, let id = direct.body?[member]?["id"]?.string { return id }
    let listed = try list(nameOrID, domainID: domainID, in: context)
    guard let records = listed else { return nameOrID }
    let matches = records.filter { $0["id"]?.string == nameOrID || $0["name"]?.string == nameOrID }
    guard matches.count < 2 else {
      throw CommandFailure(message: "More than one \(PythonText.title(member)) exists with the name '\(nameOrID)'.")
    }
    guard let id = matches.first?["id"]?.string else { throw CommandFailure(message: "") }
    return id
  }

  /// openstackclient's `find_project` / `find_user` / `find_domain` through keystoneclient
  /// (osc-lib's `find_resource`): the ID of the record, in the domain `domain` names when given.
  func keystoneID(_ nameOrID: String, domain: String?, in context: CommandContext) throws -> String {
    let domainID = try domain.map { try Self.domain.keystoneID($0, domain: nil, in: context) }
    let direct = try context.api.send(APIRequest(.get, "/v3/\(collection)/\(nameOrID)"), to: .identity)
    if direct.status == 200, let id = direct.body?[member]?["id"]?.string { return id }
    guard let records = try list(nameOrID, domainID: domainID, in: context) else { return nameOrID }
    // keystoneclient's `find`: the records of that name.
    guard records.count < 2 else {
      throw CommandFailure(message: "More than one \(member) exists with the name '\(nameOrID)'.")
    }
    guard let id = records.first?["id"]?.string else {
      throw CommandFailure(message: "No \(member) with a name or ID of '\(nameOrID)' exists.")
    }
    return id
  }

  /// The records of that name, or `nil` when Keystone forbids the caller to list them.
  private func list(_ name: String, domainID: String?, in context: CommandContext) throws -> [JSON]? {
    var query = [(name: "name", value: name)]
    if let domainID { query.append((name: "domain_id", value: domainID)) }
    let response = try context.api.send(APIRequest(.get, "/v3/\(collection)", query: query), to: .identity)
    if response.status == 403 { return nil }
    guard response.status == 200 else { throw CommandFailure(message: Fault.message(of: response, service: .identity)) }
    return response.body?[collection]?.array ?? []
  }
}
