import CloudAPI
import Foundation

/// A request as a service handler sees it: the wire request, who sent it, the path's
/// placeholders, and the request ID the cloud gave it.
struct Call {
  var request: APIRequest
  var caller: Caller?
  var parameters: [String: String]
  var requestID: String
  /// The caller's valid `X-Openstack-Request-Id`, which the services log beside their own.
  var globalRequestID: String? = nil

  /// The first value of a query parameter.
  func query(_ name: String) -> String? { request.query.first { $0.name == name }?.value }
}

/// Who a token stands for.
struct Caller: Equatable {
  var userID: String
  var userName: String
  var projectID: String
  var projectName: String
  var roles: [String]

  var isAdmin: Bool { roles.contains("admin") }
}

/// `/v2/shares/{id}`: literal segments and `{name}` placeholders.
struct PathPattern: Sendable {
  /// Each segment: its literal bytes, or the name of the placeholder it is.
  private let segments: [(literal: [UInt8], placeholder: String?)]

  init(_ pattern: String) {
    segments = pattern.split(ascii: "/").map { segment in
      segment.hasPrefix("{") ? ([], String(segment.dropFirst().dropLast())) : (Array(segment.utf8), nil)
    }
  }

  var segmentCount: Int { segments.count }

  /// The placeholders' values when `parts` (a path split at `/`) fits the pattern.
  func match(_ parts: [Substring]) -> [String: String]? {
    guard parts.count == segments.count,
      zip(segments, parts).allSatisfy({ segment, part in
        // Byte equality: paths are ASCII, and `==` on strings compares canonical equivalence.
        segment.placeholder != nil || segment.literal.bytesEqual(part.utf8)
      })
    else { return nil }
    var parameters: [String: String] = [:]
    for (segment, part) in zip(segments, parts) {
      if let name = segment.placeholder { parameters[name] = String(part) }
    }
    return parameters
  }
}

/// A service's routes, tried in order.
struct Router<State>: Sendable {
  typealias Handler = @Sendable (inout State, Call) -> APIResponse

  private var methods: [HTTPMethod] = []
  private var patterns: [PathPattern] = []
  private var handlers: [Handler] = []
  /// The routes of each number of path segments, in the order they were added: a path is tried
  /// only against the patterns of its length (a service has hundreds of routes).
  private var routesOfLength: [[Int]] = []

  mutating func add(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping Handler) {
    let pattern = PathPattern(pattern)
    while routesOfLength.count <= pattern.segmentCount { routesOfLength.append([]) }
    routesOfLength[pattern.segmentCount].append(patterns.count)
    methods.append(method)
    patterns.append(pattern)
    handlers.append(handler)
  }

  /// The handler for a request and the path's placeholders; `.methodNotAllowed` when the path
  /// is known but not with this method.
  func route(_ method: HTTPMethod, _ path: String) -> RouteMatch<Handler> {
    var pathKnown = false
    let parts = path.split(ascii: "/")
    guard parts.count < routesOfLength.count else { return .notFound }
    // By index, in place: copying each route out retained its pattern and handler.
    for index in routesOfLength[parts.count] {
      guard let parameters = patterns[index].match(parts) else { continue }
      if methods[index] == method { return .found(handlers[index], parameters) }
      pathKnown = true
    }
    return pathKnown ? .methodNotAllowed : .notFound
  }
}

extension [UInt8] {
  /// `elementsEqual`, compared as memory when the other's bytes are contiguous (a native
  /// string's are): every request compares its path with a dozen patterns.
  fileprivate func bytesEqual(_ other: Substring.UTF8View) -> Bool {
    guard count == other.count else { return false }
    guard !isEmpty else { return true }
    let equal: Bool? = other.withContiguousStorageIfAvailable { bytes in
      withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes.baseAddress!, count) == 0 }
    }
    return equal ?? elementsEqual(other)
  }
}

enum RouteMatch<Handler> {
  case found(Handler, [String: String])
  case methodNotAllowed
  case notFound
}
