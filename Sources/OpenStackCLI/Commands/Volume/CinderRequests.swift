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
      (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text).replacingOccurrences(of: "%20", with: "+")
    }
    return "?" + query.map { "\(encode($0.name))=\(encode($0.value))" }.joined(separator: "&")
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
    sorted.sort { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
    return .show(sorted)
  }

  /// The multi-resource commands' ending: `N of M volume types failed to delete.`
  static func failures(_ failed: Int, of total: Int, _ noun: String) throws {
    if failed > 0 { throw CommandFailure(message: "\(failed) of \(total) \(noun) failed to delete.") }
  }
}
