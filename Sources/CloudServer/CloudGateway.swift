import CloudAPI
import FakeCloud
import Foundation
import Synchronization

/// The fake cloud behind one HTTP endpoint, the way devstack lays its services out behind one
/// host: `/identity`, `/compute`, `/image`, `/networking`, `/share`, `/volume`. It turns an HTTP request into
/// the REST-shaped request the cloud answers, and the answer back; requests are served one at a
/// time, and the cloud's clock moves on with them and with the time a client waits, so that a
/// client's `--wait` sees work finish.
public final class CloudGateway: Sendable {
  /// Bodies over this size are refused (413), as the services' request size limit does.
  public static let maximumBodySize = 1 << 20

  private struct State {
    var cloud: FakeCloud
    /// The URL clients reach the server at, without a final `/`.
    var baseURL: String
    var lastRequest: ContinuousClock.Instant?
    /// The default user's token, for clients without authentication (`auth_type: none`),
    /// issued anew once it expires.
    var noAuthToken: String?
  }

  /// The shortest pause between two requests that is a client waiting (osc-lib polls every 5
  /// seconds, openstacksdk's delete every 2) rather than a client working between two requests.
  static let shortestWait = 1.9

  /// What keystoneauth sends as the token when the client authenticates with nothing
  /// (`auth_type: none` and endpoint overrides): the services then act as with `noauth`, for the
  /// cloud's default user.
  static let noAuthToken = "notused"

  private let state: Mutex<State>

  /// - Parameter baseURL: the URL clients reach the server at (`http://127.0.0.1:8774`); the
  ///   catalog lists the services under it.
  public init(definition: CloudDefinition, baseURL: String) {
    state = Mutex(State(cloud: FakeCloud(definition: definition, endpoints: Self.endpoints(baseURL)), baseURL: baseURL))
  }

  /// Lists the services under `baseURL` from now on: the port is known once the server listens.
  public func use(baseURL: String) {
    state.withLock { state in
      state.cloud.use(endpoints: Self.endpoints(baseURL))
      state.baseURL = baseURL
    }
  }

  /// Where the cloud links to itself in process: devstack's host, its services under the paths
  /// this server serves them at.
  static let inProcessBase = DevstackLayout.inProcessBase + "/"

  /// `json` with every link to the cloud in process (Nova's version documents, servers' and
  /// flavors' links, Glance's versions) made a link to this server.
  static func linkingTo(_ baseURL: String, _ json: JSON) -> JSON {
    switch json {
    case .string(let text) where text.hasPrefix(inProcessBase):
      .string(baseURL + "/" + text.dropFirst(inProcessBase.count))
    case .array(let elements):
      .array(elements.map { linkingTo(baseURL, $0) })
    case .object(let object):
      .object(object.mapValues { linkingTo(baseURL, $0) })
    default:
      json
    }
  }

  private static func endpoints(_ baseURL: String) -> [ServiceType: String] {
    DevstackLayout.endpoints(baseURL)
  }

  /// An HTTP exchange: the method, the path with its query, the headers, the body.
  public struct HTTPExchange: Sendable, Equatable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data

    public static func == (lhs: HTTPExchange, rhs: HTTPExchange) -> Bool {
      lhs.status == rhs.status && lhs.body == rhs.body
        && lhs.headers.map { "\($0.name): \($0.value)" } == rhs.headers.map { "\($0.name): \($0.value)" }
    }
  }

  /// Answers one HTTP request.
  public func respond(
    method: String, path: String, query: String, headers: [(name: String, value: String)], body: Data
  ) -> HTTPExchange {
    guard let (service, servicePath) = Self.route(path) else {
      return Self.json(404, .object(["error": .object(["code": 404, "title": "Not Found", "message": "The resource could not be found."])]))
    }
    guard let httpMethod = HTTPMethod(rawValue: method) else {
      return Self.json(405, .object(["badMethod": .object(["code": 405, "message": "The method specified is not allowed for this resource."])]))
    }
    var request = APIRequest(httpMethod, servicePath, query: Self.queryItems(query))
    for (name, value) in headers { request.headers.append(name, value) }
    if !body.isEmpty {
      guard let text = String(data: body, encoding: .utf8), let json = try? JSON(parsing: text) else {
        return Self.fault(400, "badRequest", "Malformed request body")
      }
      request.body = json
    }
    let (response, baseURL) = state.withLock { state -> (APIResponse, String) in
      // Time goes on as it does in process, so that a page gives the same times both ways: a
      // second for each command (each `openstack` run starts by reading Keystone's versions:
      // it signs in several times), and the whole seconds a
      // client waits between requests (`--wait` polling); each request's own few milliseconds
      // the cloud adds itself. Other pauses are the client working, and do not count.
      let now = ContinuousClock.now
      if service == .identity && httpMethod == .get && servicePath == "/" {
        state.cloud.advanceClock(seconds: 1)
      } else if let last = state.lastRequest, (now - last).seconds >= Self.shortestWait {
        state.cloud.advanceClock(seconds: (now - last).seconds.rounded(.down))
      }
      state.lastRequest = now
      if request.headers["X-Auth-Token"] == Self.noAuthToken {
        let current = state.noAuthToken.flatMap { state.cloud.accepts(token: $0) ? $0 : nil }
        request.headers["X-Auth-Token"] = current ?? Self.defaultUserToken(&state)
      }
      return ((try? state.cloud.send(request, to: service)) ?? APIResponse(status: 500), state.baseURL)
    }
    let responseBody = response.body.map { Data(Self.linkingTo(baseURL, $0).pythonJSONBytes()) } ?? Data()
    var responseHeaders = response.headers.fields
    if response.body != nil, !responseHeaders.contains(where: { $0.name.lowercased() == "content-type" }) {
      responseHeaders.append((name: "Content-Type", value: "application/json"))
    }
    return HTTPExchange(status: response.status, headers: responseHeaders, body: responseBody)
  }

  /// A token for the cloud's default user.
  private static func defaultUserToken(_ state: inout State) -> String? {
    let definition = state.cloud.definition
    guard let entry = definition.defaultCloud, let user = definition.users.first(where: { $0.name == entry.user }) else {
      return nil
    }
    let credentials: JSON = .object([
      "auth": .object([
        "identity": .object([
          "methods": .array(["password"]),
          "password": .object([
            "user": .object(["name": .string(user.name), "domain": .object(["name": "Default"]), "password": .string(user.password)])
          ]),
        ]),
        "scope": .object(["project": .object(["name": .string(entry.project), "domain": .object(["name": "Default"])])]),
      ])
    ])
    let token = (try? state.cloud.send(APIRequest(.post, "/v3/auth/tokens", body: credentials), to: .identity))?
      .headers["X-Subject-Token"]
    state.noAuthToken = token
    return token
  }

  /// The service a path belongs to and the path below the service's root.
  static func route(_ path: String) -> (ServiceType, String)? {
    for (prefix, service, _) in DevstackLayout.services where path == prefix || path.hasPrefix(prefix + "/") {
      let rest = String(path.dropFirst(prefix.count))
      return (service, rest.isEmpty ? "/" : rest)
    }
    return nil
  }

  /// `a=1&b=two%20words` as name and value pairs, percent-decoded.
  static func queryItems(_ query: String) -> [(name: String, value: String)] {
    query.split(separator: "&").map { item in
      let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      func decoded(_ text: Substring) -> String {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
      }
      return (decoded(parts[0]), parts.count > 1 ? decoded(parts[1]) : "")
    }
  }

  /// An OpenStack fault body: `{"badRequest": {"code": 400, "message": "..."}}`.
  static func fault(_ status: Int, _ name: String, _ message: String) -> HTTPExchange {
    json(status, .object([name: .object(["code": .int(status), "message": .string(message)])]))
  }

  /// What a request the HTTP parser cannot read gets: a malformed request line, header or chunk.
  static let malformedRequest = fault(400, "badRequest", "Malformed request")
  static let tooLarge = fault(413, "overLimit", "Request is too large.")
  /// What a connection gets when the server is full and every connection it has is being answered.
  static let serverFull: HTTPExchange = {
    var exchange = fault(503, "serviceUnavailable", "Too many connections; try again.")
    exchange.headers.append((name: "Retry-After", value: "1"))
    return exchange
  }()

  private static func json(_ status: Int, _ body: JSON) -> HTTPExchange {
    HTTPExchange(status: status, headers: [(name: "Content-Type", value: "application/json")], body: Data(body.pythonJSONBytes()))
  }
}

extension Duration {
  fileprivate var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }
}
