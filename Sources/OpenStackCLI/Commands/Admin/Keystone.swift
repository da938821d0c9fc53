import CloudAPI

/// How the identity commands reach Keystone through openstacksdk: requests, the SDK's
/// exceptions, `find_*` and `_find_sdk_id`.
enum Keystone {
  static let endpoint = "http://devstack/identity/v3"

  /// A request to Keystone; a fault is the SDK's `HttpException`, quoting the URL.
  @discardableResult
  static func call(
    _ method: HTTPMethod, _ path: String, query: [(name: String, value: String)] = [], body: JSON? = nil,
    in context: CommandContext
  ) throws -> JSON {
    let response = try context.api.send(APIRequest(method, "/v3" + path, query: query, body: body), to: .identity)
    guard (200..<300).contains(response.status) else { throw sdkError(response, path: path, query: query) }
    return response.body ?? .null
  }

  static func sdkError(_ response: APIResponse, path: String, query: [(name: String, value: String)] = []) -> CommandFailure {
    let names = [400: "BadRequestException", 403: "ForbiddenException", 404: "NotFoundException", 409: "ConflictException"]
    let message = response.body?["error"]?["message"]?.string ?? "Unknown Error"
    let url = endpoint + path + (query.isEmpty ? "" : "?" + query.map { "\($0.name)=\($0.value)" }.joined(separator: "&"))
    let kind = response.status >= 500 ? "Server Error" : "Client Error"
    return CommandFailure(message: "\(names[response.status] ?? "HttpException"): \(response.status): \(kind) for url: \(url), \(message)")
  }

  /// The proxy's `get_<member>(id)`: any failure (not found, forbidden) is `No Member found for
  /// ID: DETAILS`, after the SDK resource's class (`RegisteredLimit` for `registered_limit`):
  /// `_get` gives `fetch` that message for every error.
  static func get(_ collection: String, _ member: String, _ id: String, in context: CommandContext) throws -> JSON {
    let path = "/\(collection)/\(id)"
    let response = try context.api.send(APIRequest(.get, "/v3" + path), to: .identity)
    if !(200..<300).contains(response.status) {
      let details = sdkError(response, path: path).message.split(separator: " ", maxSplits: 2).last.map(String.init) ?? ""
      let resource = member.split(separator: "_").map { PythonText.title(String($0)) }.joined()
      throw CommandFailure(message: "No \(resource) found for \(id): \(details)")
    }
    return response.body?[member] ?? .null
  }

  /// openstacksdk's `find_<member>(name_or_id, ignore_missing=False)`: the record by ID, then
  /// the list by name (in the domain given) for an exact match. Not found is `nil`; a forbidden
  /// look is thrown as the SDK's exception.
  /// `expanding` are parameters the direct look alone sends (the list drops them).
  static func find(
    _ collection: String, _ member: String, _ nameOrID: String, domainID: String? = nil,
    expanding: [(name: String, value: String)] = [], in context: CommandContext
  ) throws -> JSON? {
    // The SDK's `find` passes its filters to the direct look too.
    let domainQuery = domainID.map { [(name: "domain_id", value: $0)] } ?? []
    let direct = try context.api.send(
      APIRequest(.get, "/v3/\(collection)/\(nameOrID)", query: domainQuery + expanding), to: .identity)
    if direct.status == 200, let record = direct.body?[member] { return record }
    guard [400, 403, 404].contains(direct.status) else {
      throw sdkError(direct, path: "/\(collection)/\(nameOrID)", query: domainQuery + expanding)
    }
    // The list is searched by name where the SDK's resource has that filter (endpoints have
    // none), after the domain, in the order of the resource's query mapping.
    let query = domainQuery + (collection == "endpoints" ? [] : [(name: "name", value: nameOrID)])
    let records = try call(.get, "/\(collection)", query: query, in: context)[collection]?.array ?? []
    let matches = records.filter { $0["id"]?.string == nameOrID || $0["name"]?.string == nameOrID }
    if matches.count > 1 {
      throw CommandFailure(message: "More than one \(PythonText.title(member)) exists with the name '\(nameOrID)'.")
    }
    return matches.first
  }

  /// The same, as `find_*(ignore_missing=False)` raises it: `No Member found for x`.
  static func required(
    _ collection: String, _ member: String, _ nameOrID: String, domainID: String? = nil,
    expanding: [(name: String, value: String)] = [], in context: CommandContext
  ) throws -> JSON {
    guard let record = try find(collection, member, nameOrID, domainID: domainID, expanding: expanding, in: context) else {
      throw CommandFailure(message: "No \(PythonText.title(member)) found for \(nameOrID)")
    }
    return record
  }

  /// openstackclient's `_find_sdk_id`: the ID; a forbidden look is the name given, a record not
  /// found a `CommandError` without a message.
  /// With `mustExist` false (`validate_actor_existence=False`), a record not found is the name
  /// given too.
  static func id(
    _ collection: String, _ member: String, _ nameOrID: String, domainID: String? = nil, in context: CommandContext,
    mustExist: Bool = true
  ) throws -> String {
    do {
      guard let record = try find(collection, member, nameOrID, domainID: domainID, in: context) else {
        if !mustExist { return nameOrID }
        throw CommandFailure(message: "")
      }
      return record["id"]?.string ?? nameOrID
    } catch let failure as CommandFailure where failure.message.hasPrefix("ForbiddenException") {
      return nameOrID
    }
  }

  /// The domain's ID when the option names one.
  static func domainID(_ option: String, in arguments: ParsedArguments, context: CommandContext, mustExist: Bool = true) throws -> String? {
    try arguments.value(option).map { try id("domains", "domain", $0, in: context, mustExist: mustExist) }
  }

  /// `utils.get_item_properties`: the attributes in order, under the headers given.
  static func show(_ record: JSON, _ columns: [(header: String, key: String)]) -> CommandOutput {
    .show(JSONObject(uniqueKeys: columns.map(\.header), values: columns.map { record[$0.key] ?? .null }))
  }

  /// `get_osc_show_columns_for_sdk_resource`: the SDK's attributes (`is_enabled` as `enabled`),
  /// sorted by their displayed name.
  static func showSorted(_ record: JSON, attributes: [String]) -> CommandOutput {
    let names = attributes.sorted { $0.precedesByCodePoint($1) }
    return .show(JSONObject(uniqueKeys: names, values: names.map { record[$0] ?? .null }))
  }

  static func rows(_ records: [JSON], _ keys: [String]) -> [[JSON]] {
    records.map { record in keys.map { record[$0] ?? .null } }
  }
}
