import CloudAPI

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
    segments = pattern.split(separator: "/").map { segment in
      segment.hasPrefix("{") ? ([], String(segment.dropFirst().dropLast())) : (Array(segment.utf8), nil)
    }
  }

  /// The placeholders' values when `parts` (a path split at `/`) fits the pattern.
  func match(_ parts: [Substring]) -> [String: String]? {
    guard parts.count == segments.count,
      zip(segments, parts).allSatisfy({ segment, part in
        // Byte equality: paths are ASCII, and `==` on strings compares canonical equivalence.
        segment.placeholder != nil || segment.literal.elementsEqual(part.utf8)
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

  mutating func add(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping Handler) {
    methods.append(method)
    patterns.append(PathPattern(pattern))
    handlers.append(handler)
  }

  /// The handler for a request and the path's placeholders; `.methodNotAllowed` when the path
  /// is known but not with this method.
  func route(_ method: HTTPMethod, _ path: String) -> RouteMatch<Handler> {
    var pathKnown = false
    // Split as bytes: splitting a `String` walks it `Character` by `Character`.
    let parts = path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
    // By index, in place: copying each route out retained its pattern and handler.
    for index in patterns.indices {
      guard let parameters = patterns[index].match(parts) else { continue }
      if methods[index] == method { return .found(handlers[index], parameters) }
      pathKnown = true
    }
    return pathKnown ? .methodNotAllowed : .notFound
  }
}

enum RouteMatch<Handler> {
  case found(Handler, [String: String])
  case methodNotAllowed
  case notFound
}
