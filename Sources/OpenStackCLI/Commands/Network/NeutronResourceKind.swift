import CloudAPI

/// How a show column's value is written in a table (the client's `_formatters`: cliff's
/// `FormattableColumn.human_readable`); other formats take the value as it is.
enum NeutronColumnFormat: Sendable {
  case plain
  /// `ListColumn`: the items sorted, joined with `, `.
  case list
  /// `UnsortedListColumn`: in their order, joined with `, `.
  case unsortedList
  /// `DictColumn`: `key='value', ...`.
  case dict
  /// `ListDictColumn`: a `DictColumn` line per item.
  case listDict
  /// `AdminStateColumn`: `UP` or `DOWN`.
  case adminState
  /// `RouterExternalColumn`: `External` or `Internal`.
  case routerExternal
  /// `AllocationPoolsColumn`: `start-end` joined with `,`.
  case allocationPools
  /// `HostRoutesColumn` and `RoutesColumn`: `destination='…', gateway='…'` a line.
  case routes
  /// `RouterInfoColumn`: `json.dumps` of the value.
  case json
  /// `NetworkSecurityGroupRulesColumn`: each rule without its empty keys and the group's own.
  case securityGroupRules
  /// `AliveColumn`: `:-)` or `XXX`.
  case alive
  /// A QoS policy's `RulesColumn`: each item's Python `str`, one a line.
  case itemLines
  /// A column the SDK resource has no attribute for: `get_item_properties` gives `''`.
  case absent

  /// The value in a table (`human_readable`); `None` stays `None` where osc-lib's formatter
  /// returns it.
  func humanReadable(_ value: JSON) -> JSON {
    switch self {
    case .plain: return value
    case .absent: return ""
    case .alive: return value.isTruthy ? ":-)" : "XXX"
    case .itemLines: return .string(value.array.map(PythonText.str).joined(separator: "\n"))
    case .list: return .string(OSCLib.formatList(value.array))
    case .unsortedList: return .string(value.array.map(PythonText.str).joined(separator: ", "))
    case .dict: return value == .null ? .null : OSCLib.formatDict(value)
    case .listDict: return .string(value.array.map { OSCLib.formatDict($0).string ?? "" }.joined(separator: "\n"))
    case .adminState: return value.isTruthy ? "UP" : "DOWN"
    case .routerExternal: return value.isTruthy ? "External" : "Internal"
    case .allocationPools:
      return .string(value.array.map { "\($0["start"]?.string ?? "")-\($0["end"]?.string ?? "")" }.joined(separator: ","))
    case .routes:
      return .string(
        value.array.map { route in
          OSCLib.formatDict(.object(route.object.mapKeys { $0 == "nexthop" ? "gateway" : $0 })).string ?? ""
        }.joined(separator: "\n"))
    case .json: return .string(value.pythonCompact)
    case .securityGroupRules:
      return .string(
        value.array.map { rule in
          let kept = rule.object.filter { key, value in
            value.isTruthy && !["security_group_id", "tenant_id", "project_id"].contains(key)
          }
          return OSCLib.formatDict(.object(kept)).string ?? ""
        }.joined(separator: "\n"))
    }
  }
}

extension NeutronColumnFormat {
  /// The value in the other formats (`machine_readable`): osc-lib's list and dict columns give
  /// an empty list or dict for `None`.
  func machineReadable(_ value: JSON) -> JSON {
    switch self {
    case .absent: return ""
    case .list, .listDict: return value == .null ? .array([]) : value
    case .dict: return value == .null ? .object([:]) : value
    default: return value
    }
  }

  func format(_ value: JSON, table: Bool) -> JSON { table ? humanReadable(value) : machineReadable(value) }
}

extension JSONObject {
  /// The same fields under new keys, in their order.
  func mapKeys(_ transform: (String) -> String) -> JSONObject {
    JSONObject(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
  }
}

/// A Neutron resource as openstacksdk and the client's show commands see it: where it lives, the
/// SDK's name for it, and the columns `get_osc_show_columns_for_sdk_resource` makes of its
/// attributes (the client's names, sorted, each with the API field the SDK reads it from and the
/// client's formatter).
struct NeutronResourceKind: Sendable {
  /// `networks`, `security-groups`.
  let path: String
  /// `networks`, `security_groups`: the list's key.
  let collection: String
  /// `network`: the record's key.
  let member: String
  /// `Network`, `SecurityGroup`: the SDK's class, as its `No Network found for x` names it.
  let sdkName: String
  /// (column, API field, format), in the order the client shows them.
  var columns: [(name: String, field: String, format: NeutronColumnFormat)]
  /// Whether the show also has the fields of the answer the SDK resource has no attribute for
  /// (network resources keep them, `get_osc_show_columns_for_sdk_resource` shows them); the
  /// port's columns are a fixed map.
  var responseColumns = true
  /// The API fields the SDK resource has attributes for.
  var sdkFields: Set<String> = []
  /// Whether `find` lists with `name=` (the SDK's query mapping has `name`).
  var listsByName = true
  /// The field the SDK takes for the ID (`alias` for an extension).
  var idField = "id"
  /// The field the SDK takes for the name (a floating IP's address).
  var nameField = "name"

  /// The show command's fields: each column's value as the SDK read it, formatted in a table.
  func show(_ record: JSON, in context: CommandContext) -> CommandOutput {
    var shown = columns
    if responseColumns {
      for key in record.object.keys where !sdkFields.contains(key) && !["location", "tenant_id"].contains(key) {
        // A field the SDK reads under another name (a router's `revision`) shows what the answer has.
        if let index = shown.firstIndex(where: { $0.name == key }) {
          shown[index].field = key
        } else {
          shown.append((key, key, .plain))
        }
      }
      shown.sort { $0.name.precedesByCodePoint($1.name) }
    }
    var fields = JSONObject()
    for column in shown {
      fields[column.name] = column.format.format(record[column.field] ?? .null, table: context.isTable)
    }
    return .show(fields)
  }

  /// openstacksdk's `find_<resource>(name_or_id, ignore_missing=False)`: `GET .../X`, then the
  /// list with `name=X` (and the `query` the command adds), searched for one exact ID or name.
  func find(_ nameOrID: String, query: [(name: String, value: String)] = [], in context: CommandContext) throws -> JSON {
    let direct = try context.api.send(APIRequest(.get, "/v2.0/\(path)/\(nameOrID)"), to: .network)
    if direct.status == 200, let record = direct.body?[member] { return record }
    guard [400, 404].contains(direct.status) else { throw NeutronClient.sdkError(direct, path: "/\(path)/\(nameOrID)") }
    let byName = listsByName ? [(name: "name", value: nameOrID)] : []
    let listed = try NeutronClient.call(context, .get, "/\(path)", query: byName + query)
    let matches = (listed[collection]?.array ?? []).filter { $0[idField]?.string == nameOrID || $0[nameField]?.string == nameOrID }
    if matches.count > 1 { throw CommandFailure(message: "More than one \(sdkName) exists with the name '\(nameOrID)'.") }
    guard let match = matches.first else { throw CommandFailure(message: "No \(sdkName) found for \(nameOrID)") }
    return match
  }

  /// The ID of what `nameOrID` names.
  func findID(_ nameOrID: String, query: [(name: String, value: String)] = [], in context: CommandContext) throws -> String {
    try find(nameOrID, query: query, in: context)["id"]?.string ?? ""
  }

  /// `create_<resource>(**attrs)`: `POST` with the attributes, the created record.
  func create(_ attributes: JSONObject, in context: CommandContext) throws -> JSON {
    try NeutronClient.call(context, .post, "/\(path)", body: .object([member: .object(attributes)]))[member] ?? .null
  }

  /// `update_<resource>(obj, **attrs)`: a `PUT` of the changed attributes (none: no request).
  @discardableResult
  func update(_ record: JSON, _ attributes: JSONObject, in context: CommandContext) throws -> JSON {
    guard !attributes.isEmpty else { return record }
    let id = record["id"]?.string ?? ""
    return try NeutronClient.call(context, .put, "/\(path)/\(id)", body: .object([member: .object(attributes)]))[member] ?? .null
  }

  /// openstacksdk's `list` of the collection: the query's pages, at most `maxItems` items
  /// (see ``NeutronPaging``).
  func list(_ query: [(name: String, value: String)], maxItems: Int? = nil, in context: CommandContext) throws -> [JSON] {
    try NeutronPaging.list(path: path, collection: collection, query: query, maxItems: maxItems, in: context)
  }

  /// The list with the command's `--limit`, `--marker` and `--max-items`.
  func list(_ query: [(name: String, value: String)], paging arguments: ParsedArguments, in context: CommandContext) throws -> [JSON] {
    try list(NeutronPaging.query(arguments) + query, maxItems: NeutronPaging.maxItems(arguments), in: context)
  }

  /// The client's delete loop: each name found and deleted, a failure logged
  /// (`Failed to delete network with name or ID 'x': ...`) and counted
  /// (`1 of 2 networks failed to delete.`).
  func delete(
    _ names: [String], noun: String, plural: String? = nil, by naming: String = "name or ID", in context: CommandContext
  ) throws -> CommandOutput {
    var failures = 0
    for name in names {
      do {
        let id = try findID(name, in: context)
        _ = try NeutronClient.call(context, .delete, "/\(path)/\(id)")
      } catch let failure as CommandFailure {
        failures += 1
        context.log("Failed to delete \(noun) with \(naming) '\(name)': \(failure.message)")
      }
    }
    if failures > 0 {
      throw CommandFailure(message: "\(failures) of \(names.count) \(plural ?? noun + "s") failed to delete.")
    }
    return .nothing
  }

  /// osc-lib's `update_tags_for_set` (`--tag`, `--no-tag`) and `update_tags_for_unset`
  /// (`--tag`, `--all-tag`): the tags sorted, set with one `PUT .../tags` when they change. The
  /// record shows the new tags.
  func updateTags(_ record: JSON, add: [String], clear: Bool, remove: [String] = [], in context: CommandContext) throws -> JSON {
    let current = Set((record["tags"]?.array ?? []).compactMap(\.string))
    var tags = clear ? Set<String>() : current
    tags.formUnion(add)
    tags.subtract(remove)
    guard tags != current else { return record }
    let sorted = tags.sorted()
    let id = record["id"]?.string ?? ""
    _ = try NeutronClient.call(context, .put, "/\(path)/\(id)/tags", body: .object(["tags": .array(sorted.map(JSON.string))]))
    guard case .object(var fields) = record else { return record }
    fields["tags"] = .array(sorted.map(JSON.string))
    return .object(fields)
  }
}

/// The network service as openstacksdk reaches it.
enum NeutronClient {
  /// Where the emulated cloud's network service answers, for the messages that quote a URL.
  static let endpoint = "http://devstack/networking/v2.0"

  /// A request to `/v2.0/PATH`, its body on success, openstacksdk's `HttpException` on a fault.
  static func call(
    _ context: CommandContext, _ method: HTTPMethod, _ path: String, query: [(name: String, value: String)] = [],
    body: JSON? = nil
  ) throws -> JSON {
    let response = try context.api.send(APIRequest(method, "/v2.0" + path, query: query, body: body), to: .network)
    guard (200..<300).contains(response.status) else {
      let shownQuery = query.isEmpty ? "" : "?" + query.map { "\($0.name)=\(URLQuery.encode($0.value))" }.joined(separator: "&")
      throw sdkError(response, path: path + shownQuery)
    }
    return response.body ?? .null
  }

  /// `ConflictException: 409: Client Error for url: URL, MESSAGE`.
  static func sdkError(_ response: APIResponse, path: String) -> CommandFailure {
    let names = [400: "BadRequestException", 403: "ForbiddenException", 404: "NotFoundException", 409: "ConflictException"]
    let kind = response.status >= 500 ? "Server Error" : "Client Error"
    return CommandFailure(
      message:
        "\(names[response.status] ?? "HttpException"): \(response.status): \(kind) for url: \(endpoint)\(path), \(Fault.message(of: response, service: .network))"
    )
  }
}

extension NeutronClient {
  /// The attributes whose failure makes the client look for the extension they need
  /// (`common.check_missing_extension_if_error`), in its order.
  private static let requiredExtensions = [
    ("allowed_address_pairs", "allowed-address-pairs"), ("dns_domain", "dns-integration"), ("dns_name", "dns-integration"),
    ("extra_dhcp_opts", "extra_dhcp_opt"), ("leak_routes", "ovn-bgp"), ("qos_policy_id", "qos"),
    ("security_groups", "security-groups"),
  ]

  /// Runs a create or update; when the cloud refuses it, first finds each extension the
  /// attributes need (`No Extension found for qos` when one is missing), then reports the fault.
  @discardableResult
  static func checkingExtensions<T>(_ attributes: JSONObject, in context: CommandContext, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let failure as CommandFailure {
      for (attribute, alias) in requiredExtensions where attributes[attribute] != nil {
        _ = try NeutronResourceKind.extensionKind.find(alias, in: context)
      }
      throw failure
    }
  }
}

extension NeutronResourceKind {
  /// openstacksdk's `Extension` (found by alias; its list takes no `name`).
  static let extensionKind = NeutronResourceKind(
    path: "extensions", collection: "extensions", member: "extension", sdkName: "Extension", columns: [], listsByName: false,
    idField: "alias")

  /// `find_extension(alias, ignore_missing=True)`: whether the cloud has the extension.
  static func hasExtension(_ alias: String, in context: CommandContext) throws -> Bool {
    (try? extensionKind.find(alias, in: context)) != nil
  }
}

/// `requests`' quoting of a query value.
enum URLQuery {
  static func encode(_ value: String) -> String {
    var text = ""
    for byte in value.utf8 {
      let scalar = Unicode.Scalar(byte)
      if scalar.properties.isASCIIHexDigit || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
        || "-._~".unicodeScalars.contains(scalar)
      {
        text.unicodeScalars.append(scalar)
      } else {
        text += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
      }
    }
    return text
  }
}

/// The client's marker pagination options of a Neutron list (`--limit`, `--marker`,
/// `--max-items`: `pagination.add_marker_pagination_option_to_parser`) and openstacksdk's
/// `Resource.list`, which pages through the collection: after each page that had items it asks
/// for the next one by the page's `<collection>_links` link of `rel` `next` (its parameters
/// taking the place of the query's), or, without a link but with a limit, again with the page's
/// last item as the marker; until a page comes back empty, or without a link when no limit
/// was given, or it has `--max-items` items (the first page's limit when no `--limit`).
enum NeutronPaging {
  /// The options' argument types (argparse's `NonNegativeAction`).
  static let types: [String: ValueType] = [
    "--limit": .nonNegativeInt(option: "--limit"), "--max-items": .nonNegativeInt(option: "--max-items"),
  ]

  /// `limit` and `marker` as the SDK's query mapping puts them, before the command's filters.
  static func query(_ arguments: ParsedArguments) -> [(name: String, value: String)] {
    var query: [(name: String, value: String)] = []
    if let limit = arguments.value("--limit") { query.append((name: "limit", value: String(Int(limit) ?? 0))) }
    if let marker = arguments.value("--marker") { query.append((name: "marker", value: marker)) }
    return query
  }

  /// `--max-items`.
  static func maxItems(_ arguments: ParsedArguments) -> Int? { arguments.value("--max-items").flatMap { Int($0) } }

  /// A parameter of the SDK's query: its values, and whether they came from a link (a list of
  /// `parse_qs`, which the loop's check compares as a list).
  private struct Parameter {
    var name: String
    var values: [String]
    var fromLink = false
  }

  static func list(
    path: String, collection: String, query: [(name: String, value: String)], maxItems: Int?, in context: CommandContext
  ) throws -> [JSON] {
    // The SDK's query is a dictionary: a parameter given several times (`fields`) is one, a list.
    var parameters: [Parameter] = []
    for (name, value) in query {
      if let index = parameters.firstIndex(where: { $0.name == name }) {
        parameters[index].values.append(value)
      } else {
        parameters.append(Parameter(name: name, values: [value]))
      }
    }
    let maxItems = maxItems ?? 0
    // `if max_items and not query_params.get('limit')`: the most items wanted as the page size.
    if maxItems > 0 {
      if let index = parameters.firstIndex(where: { $0.name == "limit" }) {
        if parameters[index].values == ["0"] { parameters[index].values = [String(maxItems)] }
      } else {
        parameters.append(Parameter(name: "limit", values: [String(maxItems)]))
      }
    }
    let limit = parameters.first { $0.name == "limit" }?.values.first.flatMap { $0 == "0" ? nil : $0 }
    var uri = "/\(path)"
    var items: [JSON] = []
    while true {
      let flat = parameters.flatMap { parameter in parameter.values.map { (name: parameter.name, value: $0) } }
      let page = try NeutronClient.call(context, .get, uri, query: flat)
      let lastMarker = parameters.first { $0.name == "marker" }
      parameters.removeAll { $0.name == "marker" || $0.name == "limit" }
      let found = page[collection]?.array ?? []
      guard !found.isEmpty else { return items }
      for item in found {
        if maxItems > 0, items.count >= maxItems { return items }
        items.append(item)
      }
      var next: [Parameter]
      if let link = (page["\(collection)_links"]?.array ?? []).first(where: { $0["rel"]?.string == "next" })?["href"]?.string {
        let (linkPath, linkQuery) = split(link)
        uri = linkPath
        next = []
        for (name, value) in linkQuery {
          if let index = next.firstIndex(where: { $0.name == name }) {
            next[index].values.append(value)
          } else {
            next.append(Parameter(name: name, values: [value], fromLink: true))
          }
        }
      } else if let limit {
        next = [
          Parameter(name: "marker", values: [found.last?["id"]?.string ?? ""]), Parameter(name: "limit", values: [limit]),
        ]
      } else {
        return items
      }
      if let marker = next.first(where: { $0.name == "marker" }), let lastMarker,
        marker.values == lastMarker.values, marker.fromLink == lastMarker.fromLink
      {
        throw CommandFailure(message: "Endless pagination loop detected, aborting")
      }
      // `query_params.update(next_params)`: a parameter it has takes the new values in its place.
      for parameter in next {
        if let index = parameters.firstIndex(where: { $0.name == parameter.name }) {
          parameters[index] = parameter
        } else {
          parameters.append(parameter)
        }
      }
    }
  }

  /// A link's path under `/v2.0` and its query, unquoted, without blank values (`parse_qs`).
  static func split(_ link: String) -> (path: String, query: [(name: String, value: String)]) {
    let parts = link.split(separator: "?", maxSplits: 1).map(String.init)
    var path = parts.first ?? ""
    if let version = path.range(of: "/v2.0/") { path = String(path[path.index(before: version.upperBound)...]) }
    let query = (parts.count > 1 ? parts[1] : "").split(separator: "&").map { pair -> (name: String, value: String) in
      let field = pair.split(separator: "=", maxSplits: 1).map(String.init)
      func unquote(_ text: String) -> String { text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? text }
      return (name: unquote(field[0]), value: field.count > 1 ? unquote(field[1]) : "")
    }
    return (path, query.filter { !$0.value.isEmpty })
  }
}
