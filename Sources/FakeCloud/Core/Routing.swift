import CloudAPI
import Foundation

/// A request as a service handler sees it: the wire request, who sent it, the path's
/// placeholders, and the request ID the cloud gave it.
struct Call {
  var request: APIRequest
  var caller: Caller?
  var parameters: PathParameters
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

/// The values of a path's placeholders, by name: a route has one or two, which a scan finds
/// sooner than a hash table is made (every request is routed).
struct PathParameters: Equatable, ExpressibleByDictionaryLiteral {
  fileprivate var values: [(name: String, value: String)] = []

  init(dictionaryLiteral elements: (String, String)...) {
    values = elements.map { (name: $0.0, value: $0.1) }
  }

  subscript(name: String) -> String? { values.first { $0.name == name }?.value }

  static func == (lhs: PathParameters, rhs: PathParameters) -> Bool {
    lhs.values.elementsEqual(rhs.values) { $0 == $1 }
  }
}

/// What a route keeps of its pattern (`/v2/shares/{id}`): its placeholders' names, each with the
/// index of the path segment it stands for. Its literal segments are in the router's tree only,
/// where routes that share them share one copy (a copy for every segment of every route had been
/// most of the routes' making, and a tenth of a page's check's memory).
private struct PathPattern: Sendable {
  let placeholders: [(segment: Int, name: String)]

  /// The placeholders' values in `parts`, the ranges of a path's segments in its bytes, which
  /// fit the pattern.
  func parameters(_ parts: UnsafeBufferPointer<Range<Int>>, of path: UnsafeBufferPointer<UInt8>) -> PathParameters {
    var parameters = PathParameters()
    for (segment, name) in placeholders {
      parameters.values.append((name: name, value: String(decoding: UnsafeBufferPointer(rebasing: path[parts[segment]]), as: UTF8.self)))
    }
    return parameters
  }
}

/// A service's routes: the first route added that fits a request's path and method answers it.
struct Router<State>: Sendable {
  typealias Handler = @Sendable (inout State, Call) -> APIResponse

  private var methods: [HTTPMethod] = []
  private var patterns: [PathPattern] = []
  private var handlers: [Handler] = []
  /// The patterns as a tree of segments, the root first: a path walks down the literal
  /// segments it has and the placeholders, instead of being compared with every pattern (a
  /// service has hundreds of routes, and every request is routed).
  private var nodes = [Node()]

  private struct Node {
    /// The children of a literal segment.
    var literals: [(segment: [UInt8], node: Int)] = []
    /// The child of a placeholder.
    var placeholder: Int?
    /// The routes whose pattern ends here, by index.
    var routes: [Int] = []
  }

  /// Adds a route: `pattern` is literal segments and `{name}` placeholders, cut in its buffer
  /// (empty segments skipped), since every route of every service is read at each start.
  mutating func add(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping Handler) {
    var pattern = pattern
    var placeholders: [(segment: Int, name: String)] = []
    let node = pattern.withUTF8 { bytes in
      var (node, segment, start) = (0, 0, 0)
      for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "/") {
        let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
        start = index + 1
        guard !text.isEmpty else { continue }
        if text.first == UInt8(ascii: "{") {
          placeholders.append((segment, String(decoding: UnsafeBufferPointer(rebasing: text.dropFirst().dropLast()), as: UTF8.self)))
          node = placeholderChild(of: node)
        } else {
          node = literalChild(of: node, text)
        }
        segment += 1
      }
      return node
    }
    nodes[node].routes.append(patterns.count)
    methods.append(method)
    patterns.append(PathPattern(placeholders: placeholders))
    handlers.append(handler)
  }

  /// The node under `node` for a placeholder, added when there is none.
  private mutating func placeholderChild(of node: Int) -> Int {
    if let child = nodes[node].placeholder { return child }
    nodes.append(Node())
    nodes[node].placeholder = nodes.count - 1
    return nodes.count - 1
  }

  /// The node under `node` for a literal segment, added when there is none.
  private mutating func literalChild(of node: Int, _ segment: UnsafeBufferPointer<UInt8>) -> Int {
    if let child = nodes[node].literals.first(where: { $0.segment.bytesEqual(segment) }) { return child.node }
    nodes.append(Node())
    nodes[node].literals.append((Array(segment), nodes.count - 1))
    return nodes.count - 1
  }

  /// The handler for a request and the path's placeholders; `.methodNotAllowed` when the path
  /// is known but not with this method.
  func route(_ method: HTTPMethod, _ path: String) -> RouteMatch<Handler> {
    var path = path
    path.makeContiguousUTF8()
    return path.utf8.withContiguousStorageIfAvailable { route(method, $0) }!
  }

  /// The path read as bytes, its segments as ranges of them (empty ones skipped, as
  /// `split(separator:)` skips them): no string is made but the placeholders' values. The
  /// segments and the walk's pending nodes are kept on the stack: every request is routed, and
  /// their arrays had been three allocations of each.
  private func route(_ method: HTTPMethod, _ path: UnsafeBufferPointer<UInt8>) -> RouteMatch<Handler> {
    let most = path.count / 2 + 1
    return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: most) { parts in
      var count = 0
      var start = 0
      for index in 0...path.count where index == path.count || path[index] == UInt8(ascii: "/") {
        if start < index {
          parts[count] = start..<index
          count += 1
        }
        start = index + 1
      }
      return route(method, path, parts: UnsafeBufferPointer(rebasing: parts[..<count]))
    }
  }

  private func route(
    _ method: HTTPMethod, _ path: UnsafeBufferPointer<UInt8>, parts: UnsafeBufferPointer<Range<Int>>
  ) -> RouteMatch<Handler> {
    var pathKnown = false
    var first: Int?
    // Every pattern the path fits (a literal and a placeholder may both), the earliest added
    // with the method winning. A node's literals differ, so a step down adds at most two nodes
    // for the one it takes: the pending nodes never outnumber the segments by more than one.
    let found = withUnsafeTemporaryAllocation(of: (node: Int, depth: Int).self, capacity: parts.count + 2) { pending in
      pending[0] = (0, 0)
      var count = 1
      while count > 0 {
        count -= 1
        let (node, depth) = pending[count]
        guard depth < parts.count else {
          for index in nodes[node].routes {
            pathKnown = true
            if methods[index] == method, index < first ?? .max { first = index }
          }
          continue
        }
        let part = UnsafeBufferPointer(rebasing: path[parts[depth]])
        for literal in nodes[node].literals where literal.segment.bytesEqual(part) {
          pending[count] = (literal.node, depth + 1)
          count += 1
        }
        if let child = nodes[node].placeholder {
          pending[count] = (child, depth + 1)
          count += 1
        }
      }
      return first
    }
    guard let found else { return pathKnown ? .methodNotAllowed : .notFound }
    return .found(handlers[found], patterns[found].parameters(parts, of: path))
  }
}

extension [UInt8] {
  /// Compared as memory: every request compares its path's segments with several.
  fileprivate func bytesEqual(_ other: UnsafeBufferPointer<UInt8>) -> Bool {
    guard count == other.count else { return false }
    guard !isEmpty else { return true }
    return withUnsafeBufferPointer { memcmp($0.baseAddress!, other.baseAddress!, count) == 0 }
  }
}

enum RouteMatch<Handler> {
  case found(Handler, PathParameters)
  case methodNotAllowed
  case notFound
}
