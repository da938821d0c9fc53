import CloudAPI
import Foundation

/// openstacksdk's `find_*` for compute and image resources: the resource fetched by the name or
/// ID given (a 400, 403 or 404 means "not that way"), then a list searched for an exact ID or
/// name.
enum ComputeLookup {
  /// Where the emulated cloud's services answer, for the messages that quote a URL.
  static let computeEndpoint = "http://devstack/compute/v2.1"

  /// `find_server`: `GET /servers/X`, then `GET /servers/detail?name=X` (or the plain list,
  /// as `server start` and `stop` use it). The found row is the server: nothing is fetched again.
  /// With `allProjects`, the list is every project's (`all_tenants`).
  static func server(
    _ nameOrID: String, in context: CommandContext, detailed: Bool = true, allProjects: Bool = false
  ) throws -> JSON {
    let direct = try context.api.send(APIRequest(.get, "/v2.1/servers/\(nameOrID)"), to: .compute)
    if direct.status == 200, let server = direct.body?["server"] { return server }
    try swallowOnlyMisses(direct, path: "/servers/\(nameOrID)")
    let list = detailed ? "/v2.1/servers/detail" : "/v2.1/servers"
    let query = [(name: "name", value: nameOrID)] + (allProjects ? [(name: "all_tenants", value: "True")] : [])
    let listed = try context.call(.compute, APIRequest(.get, list, query: query))
    return try exactMatch(listed["servers"]?.array ?? [], nameOrID, kind: "Server")
  }

  /// `find_flavor`: `GET /flavors/X`, then every flavor (`is_public=None`).
  static func flavor(_ nameOrID: String, in context: CommandContext) throws -> JSON {
    let direct = try context.api.send(APIRequest(.get, "/v2.1/flavors/\(nameOrID)"), to: .compute, computeResource: .flavor)
    if direct.status == 200, let flavor = direct.body?["flavor"] { return flavor }
    try swallowOnlyMisses(direct, path: "/flavors/\(nameOrID)")
    let listed = try context.api.send(
      APIRequest(.get, "/v2.1/flavors/detail", query: [(name: "is_public", value: "None")]), to: .compute,
      computeResource: .flavor)
    return try exactMatch(listed.body?["flavors"]?.array ?? [], nameOrID, kind: "Flavor")
  }

  /// `find_image`: `GET /v2/images/X`, then `?name=X`, then the hidden images too.
  static func image(_ nameOrID: String, in context: CommandContext) throws -> JSON {
    let direct = try context.api.send(APIRequest(.get, "/v2/images/\(nameOrID)"), to: .image)
    if direct.status == 200, let image = direct.body { return image }
    // The visible images by name, then the hidden ones; two of the same name are the SDK's
    // `DuplicateResource` in either.
    for query in [[(name: "name", value: nameOrID)], [(name: "os_hidden", value: "True")]] {
      let listed = try context.call(.image, APIRequest(.get, "/v2/images", query: query))["images"]?.array ?? []
      if listed.contains(where: { $0["id"]?.string == nameOrID || $0["name"]?.string == nameOrID }) {
        return try exactMatch(listed, nameOrID, kind: "Image")
      }
    }
    throw CommandFailure(message: "No Image found for \(nameOrID)")
  }

  /// The one record whose `id` or `name` is exactly `nameOrID`.
  static func exactMatch(_ records: [JSON], _ nameOrID: String, kind: String) throws -> JSON {
    let matches = records.filter { $0["id"]?.string == nameOrID || $0["name"]?.string == nameOrID }
    if matches.count > 1 { throw CommandFailure(message: "More than one \(kind) exists with the name '\(nameOrID)'.") }
    guard let match = matches.first else { throw CommandFailure(message: "No \(kind) found for \(nameOrID)") }
    return match
  }

  /// The SDK's `find` goes on to the list only after a 400, 403 or 404.
  private static func swallowOnlyMisses(_ response: APIResponse, path: String) throws {
    guard [400, 403, 404].contains(response.status) else { throw sdkError(response, path: path) }
  }

  /// A compute request as the SDK sends it for `resource`: the body, or its `HttpException`
  /// naming the URL with its query (`servers/detail?deleted=False&all_tenants=True`).
  static func sdkCall(_ request: APIRequest, resource: ComputeResource = .server, in context: CommandContext) throws -> JSON {
    let response = try context.api.send(request, to: .compute, computeResource: resource)
    guard (200..<300).contains(response.status) else { throw sdkError(response, path: pathWithQuery(request)) }
    return response.body ?? .null
  }

  /// A compute request's path as the SDK's error quotes it, with its query
  /// (`/servers/detail?deleted=False&all_tenants=True`).
  private static func pathWithQuery(_ request: APIRequest) -> String {
    let path = String(request.path.dropFirst("/v2.1".count))
    let query = request.query.map { "\(PythonURL.quotePlus($0.name))=\(PythonURL.quotePlus($0.value))" }
    return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
  }

  /// openstacksdk's `HttpException` as OSC prints it:
  /// `ForbiddenException: 403: Client Error for url: URL, MESSAGE`.
  static func sdkError(_ response: APIResponse, path: String) -> CommandFailure {
    let names = [400: "BadRequestException", 403: "ForbiddenException", 404: "NotFoundException", 409: "ConflictException"]
    return CommandFailure(
      message: "\(names[response.status] ?? "HttpException"): \(response.status): \(errorDetails(response, path: path))")
  }

  /// The SDK's details of a failed request: `Client Error for url: URL, MESSAGE`.
  static func errorDetails(_ response: APIResponse, path: String) -> String {
    let kind = response.status >= 500 ? "Server Error" : "Client Error"
    return "\(kind) for url: \(computeEndpoint)\(path), \(Fault.message(of: response, service: .compute))"
  }
}

/// Python's `urllib.parse`, as `requests` builds a URL's query.
enum PythonURL {
  /// `quote_plus`: letters, digits and `_.-~` as they are, a space as `+`, every other byte of
  /// the UTF-8 as `%XX`.
  static func quotePlus(_ text: String) -> String {
    var quoted = ""
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "~"):
        quoted.unicodeScalars.append(Unicode.Scalar(byte))
      case UInt8(ascii: " "): quoted += "+"
      default: quoted += String(format: "%%%02X", byte)
      }
    }
    return quoted
  }
}
