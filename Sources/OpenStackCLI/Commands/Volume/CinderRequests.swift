import CloudAPI
import Foundation

/// The openstacksdk Block Storage proxy's requests, as the volume commands make them: paths under
/// the project's endpoint, each resource at its microversion, failures as the SDK's exceptions.
struct Cinder {
  let context: CommandContext

  /// The response, whatever its status.
  func send(_ request: APIRequest, _ resource: VolumeResource = .unversioned) throws -> APIResponse {
    try context.api.send(request, to: .blockStorage, volumeResource: resource)
  }

  /// The body of a successful response; a failure is the SDK's exception.
  @discardableResult
  func call(_ request: APIRequest, _ resource: VolumeResource = .unversioned) throws -> JSON {
    let response = try send(request, resource)
    guard (200..<300).contains(response.status) else { throw error(response, request) }
    return response.body ?? .null
  }

  /// The body of the SDK's `_get` of one resource: a 404 is its `ResourceNotFound`, `No
  /// Attachment found for X: Client Error for url: URL, MESSAGE`.
  func get(_ request: APIRequest, _ resource: VolumeResource, sdkName: String, value: String) throws -> JSON {
    let response = try send(request, resource)
    if response.status == 404 {
      throw CommandFailure(
        message: "No \(sdkName) found for \(value): Client Error for url: \(context.api.volumeEndpoint)\(request.path), "
          + Fault.message(of: response, service: .blockStorage))
    }
    guard (200..<300).contains(response.status) else { throw error(response, request) }
    return response.body ?? .null
  }

  /// openstacksdk's `HttpException` as OSC prints it:
  /// `NotFoundException: 404: Client Error for url: URL, MESSAGE`.
  func error(_ response: APIResponse, _ request: APIRequest) -> CommandFailure {
    let names = [400: "BadRequestException", 403: "ForbiddenException", 404: "NotFoundException", 409: "ConflictException"]
    let kind = response.status >= 500 ? "Server Error" : "Client Error"
    return CommandFailure(
      message: "\(names[response.status] ?? "HttpException"): \(response.status): \(kind) for url: "
        + "\(context.api.volumeEndpoint)\(request.path)\(Self.queryString(request.query)), "
        + Fault.message(of: response, service: .blockStorage))
  }

  /// `?a=b&c=d` as requests encodes it (`urlencode`); empty without a query.
  static func queryString(_ query: [(name: String, value: String)]) -> String {
    guard !query.isEmpty else { return "" }
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "_.-~")
    func encode(_ text: String) -> String {
      (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text).replacingEvery("%20", with: "+")
    }
    return "?" + query.map { "\(encode($0.name))=\(encode($0.value))" }.joined(separator: "&")
  }

  /// openstacksdk's paginated `list`: `limit` and `marker` first (the query mapping's base);
  /// after each page that is not empty, the page Cinder links to (`<collection>_links`), or,
  /// with a limit and no link, the records after the page's last (the SDK tries once more);
  /// `maxItems` records at most (also the page size when no limit is given).
  func list(
    _ path: String, _ collection: String, query: [(name: String, value: String)], limit: Int?, marker: String?,
    maxItems: Int? = nil, _ resource: VolumeResource
  ) throws -> [JSON] {
    var paging: [(name: String, value: String)] = []
    let limit = limit ?? maxItems
    if let limit { paging.append((name: "limit", value: String(limit))) }
    if let marker { paging.append((name: "marker", value: marker)) }
    var request = APIRequest(.get, path, query: paging + query)
    var records: [JSON] = []
    while true {
      let body = try call(request, resource)
      let page = body[collection]?.array ?? []
      for record in page {
        if let maxItems, records.count >= maxItems { return records }
        records.append(record)
      }
      guard let last = page.last?["id"]?.string else { return records }
      // The query left once `marker` and `limit` are dropped, with the link's added to it.
      var next = request.query.filter { $0.name != "marker" && $0.name != "limit" }
      let link = (body["\(collection)_links"]?.array ?? []).first { $0["rel"]?.string == "next" }?["href"]?.string
      if let link, let start = link.firstIndex(of: "?") {
        for parameter in Self.parameters(String(link[link.index(after: start)...])) {
          if let index = next.firstIndex(where: { $0.name == parameter.name }) { next[index] = parameter } else { next.append(parameter) }
        }
      } else if let limit {
        next += [(name: "marker", value: last), (name: "limit", value: String(limit))]
      } else {
        return records
      }
      request = APIRequest(.get, path, query: next)
    }
  }

  /// A link's query, decoded as `parse_qs` decodes it.
  private static func parameters(_ query: String) -> [(name: String, value: String)] {
    query.split(separator: "&").map { pair in
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
        ($0.replacingEvery("+", with: " ").removingPercentEncoding ?? String($0))
      }
      return (name: parts[0], value: parts.count > 1 ? parts[1] : "")
    }
  }

  /// openstacksdk's `find`: the resource fetched by the name or ID given (a 400, 403 or 404
  /// means "not that way"), then the list searched for one exact ID or name:
  /// `No Type found for x`, `More than one Type exists with the name 'x'.`
  func find(_ nameOrID: String, _ kind: CinderKind) throws -> JSON {
    let direct = APIRequest(.get, "\(kind.path)/\(nameOrID)", query: kind.findQuery)
    let response = try send(direct, kind.resource)
    if response.status == 200, let record = response.body?[kind.member] { return record }
    guard [400, 403, 404].contains(response.status) else { throw error(response, direct) }
    var query = kind.findQuery
    if kind.listsByName { query.append((name: "name", value: nameOrID)) }
    let listed = try call(APIRequest(.get, kind.listPath, query: query), kind.resource)
    let matches = (listed[kind.collection]?.array ?? []).filter {
      $0["id"]?.string == nameOrID || $0["name"]?.string == nameOrID
    }
    if matches.count > 1 {
      throw CommandFailure(message: "More than one \(kind.sdkName) exists with the name '\(nameOrID)'.")
    }
    guard let match = matches.first else { throw CommandFailure(message: "No \(kind.sdkName) found for \(nameOrID)") }
    return match
  }
}

/// What `find` needs to know of a Block Storage resource: openstacksdk's class name, paths and keys.
struct CinderKind {
  var sdkName: String
  var path: String
  var listPath: String
  var member: String
  var collection: String
  var resource: VolumeResource
  /// Whether `name` is among the resource's query parameters (then the list is asked by name).
  var listsByName: Bool
  /// What the proxy's `find_*` adds to both requests.
  var findQuery: [(name: String, value: String)] = []

  /// `find_type` asks with `is_public=None` (every type an admin may see).
  static let type = CinderKind(
    sdkName: "Type", path: "/types", listPath: "/types", member: "volume_type", collection: "volume_types",
    resource: .unversioned, listsByName: false, findQuery: [(name: "is_public", value: "none")])
  static let qosSpecs = CinderKind(
    sdkName: "QoSSpec", path: "/qos-specs", listPath: "/qos-specs", member: "qos_specs", collection: "qos_specs",
    resource: .unversioned, listsByName: false)
  static let snapshot = CinderKind(
    sdkName: "Snapshot", path: "/snapshots", listPath: "/snapshots/detail", member: "snapshot", collection: "snapshots",
    resource: .snapshot, listsByName: true)
  static let backup = CinderKind(
    sdkName: "Backup", path: "/backups", listPath: "/backups/detail", member: "backup", collection: "backups",
    resource: .backup, listsByName: true)
  static let volume = CinderKind(
    sdkName: "Volume", path: "/volumes", listPath: "/volumes/detail", member: "volume", collection: "volumes",
    resource: .volume, listsByName: true)
}

extension CommandContext {
  var cinder: Cinder { Cinder(context: self) }
}

/// How OSC's volume commands shape values for cliff.
enum VolumeFormat {
  /// `format_columns.DictColumn`: `key='value', ...` in a table, the dict otherwise.
  static func dict(_ value: JSON, _ context: CommandContext) -> JSON {
    context.isTable ? OSCLib.formatDict(value) : (value == .null ? .object([:]) : value)
  }

  /// An optional text as JSON: `null` when absent.
  static func optional(_ text: String?) -> JSON { text.map(JSON.string) ?? .null }

  /// `format_columns.ListColumn`: items sorted and joined in a table, the list otherwise.
  static func list(_ items: [JSON], _ context: CommandContext) -> JSON {
    context.isTable ? .string(OSCLib.formatList(items)) : .array(items)
  }

  /// cliff's rows of a `ShowOne` whose columns the command sorted (`zip(*sorted(info.items()))`).
  static func sortedShow(_ fields: JSONObject) -> CommandOutput {
    var sorted = fields
    sorted.sort { $0.key.precedesByCodePoint($1.key) }
    return .show(sorted)
  }

  /// The multi-resource commands' ending: `N of M volume types failed to delete.`
  static func failures(_ failed: Int, of total: Int, _ noun: String) throws {
    if failed > 0 { throw CommandFailure(message: "\(failed) of \(total) \(noun) failed to delete.") }
  }
}

/// OSC's volume `set` and `unset` commands: each change tried in turn, a failure logged
/// (`Failed to set volume size: ...`) and the others still made; the command fails at the end.
final class VolumeChanges {
  private let context: CommandContext
  private(set) var failed = false

  init(_ context: CommandContext) {
    self.context = context
  }

  func attempt(_ what: String, _ body: () throws -> Void) throws {
    do { try body() } catch let failure as CommandFailure {
      context.log("\(what): \(failure.message)")
      failed = true
    }
  }

  /// `One or more of the set operations failed`, if one did.
  func finish(_ verb: String) throws {
    if failed { throw CommandFailure(message: "One or more of the \(verb) operations failed") }
  }
}

/// `--limit` and `--max-items` (osc-lib's `NonNegativeAction`, checked as argparse reads
/// them, before the command runs).
enum VolumePaging {
  /// The page size given, 0 included (the SDK sends it).
  static func limit(_ arguments: ParsedArguments, _ syntax: CommandSyntax) throws -> Int? {
    try nonNegative("--limit", arguments, syntax)
  }

  /// `nil` for none or 0, which the SDK takes for no bound.
  static func maxItems(_ arguments: ParsedArguments, _ syntax: CommandSyntax) throws -> Int? {
    try nonNegative("--max-items", arguments, syntax).flatMap { $0 == 0 ? nil : $0 }
  }

  private static func nonNegative(_ option: String, _ arguments: ParsedArguments, _ syntax: CommandSyntax) throws -> Int? {
    guard let value = arguments.value(option).flatMap({ Int($0) }) else { return nil }
    if value < 0 { throw syntax.error("argument \(option): \(option) expected a non-negative integer") }
    return value
  }
}
