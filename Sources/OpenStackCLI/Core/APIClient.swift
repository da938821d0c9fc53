import CloudAPI

/// Who the client acts as: the `OS_*` settings and the `--os-*` options that override them.
struct Credentials {
  var username: String?
  var password: String?
  var projectName: String?
  var userDomainName: String
  var projectDomainName: String
}

/// The client's side of the wire for one invocation: it authenticates with Keystone, negotiates
/// microversions, and turns fault responses into the errors the real clients raise.
final class APIClient {
  private let transport: any CloudTransport
  private let credentials: Credentials
  private let requestedShareVersion: Microversion?
  private let requestedComputeVersion: Microversion?
  private var token: String?
  private var shareVersion: Microversion?
  /// The cloud's compute microversions, from its version document.
  private var computeRange: ClosedRange<Microversion>?

  init(transport: any CloudTransport, credentials: Credentials, shareVersion: Microversion?, computeVersion: Microversion? = nil) {
    self.transport = transport
    self.credentials = credentials
    self.requestedShareVersion = shareVersion
    self.requestedComputeVersion = computeVersion
  }

  /// Sends a request with the token, and with the negotiated microversion for services that
  /// have one. A compute request is sent at `computeResource`'s version (openstacksdk: the
  /// lower of the resource's maximum and the server's, unless the user named one).
  func send(_ request: APIRequest, to service: ServiceType, computeResource: ComputeResource = .server) throws -> APIResponse {
    var request = request
    request.headers["X-Auth-Token"] = try authenticate()
    if service == .sharedFileSystem {
      let version = try negotiatedShareVersion()
      request.headers["X-OpenStack-Manila-API-Version"] = version.description
      request.headers["OpenStack-API-Version"] = "shared-file-system \(version)"
    }
    if service == .compute {
      let version = try computeVersion(for: computeResource)
      request.headers["OpenStack-API-Version"] = "compute \(version)"
      request.headers["X-OpenStack-Nova-API-Version"] = version.description
    }
    return try transport.send(request, to: service)
  }

  /// The compute microversion a request about `resource` is sent at.
  func computeVersion(for resource: ComputeResource) throws -> Microversion {
    let supported = try supportedComputeVersions()
    guard let requested = requestedComputeVersion else { return min(resource.maximum, supported.upperBound) }
    guard supported.contains(requested) else {
      throw CommandFailure(
        message: "A default microversion for service compute of \(requested) was requested, but the cloud only supports"
          + " a minimum of \(supported.lowerBound) and a maximum of \(supported.upperBound). The default microversion was"
          + " set because a microversion formatted version string, '\(requested)', was passed for the api_version of the"
          + " service. If it was not intended to set a default microversion please remove anything other than an integer"
          + " major version from the version setting for the service.")
    }
    return requested
  }

  /// openstacksdk's `supports_microversion`: the version the user asked for, or else the
  /// cloud's latest, is `version` or later.
  func supportsCompute(_ version: Microversion) throws -> Bool {
    try computeVersion(for: .session) >= version
  }

  /// openstacksdk reads the version document once, without a token.
  private func supportedComputeVersions() throws -> ClosedRange<Microversion> {
    if let computeRange { return computeRange }
    let version = try transport.send(APIRequest(.get, "/v2.1/"), to: .compute).body?["version"]
    let minimum = version?["min_version"]?.string.flatMap(Microversion.init) ?? Microversion(2, 1)
    let maximum = version?["version"]?.string.flatMap(Microversion.init) ?? Microversion(2, 1)
    let range = minimum...max(minimum, maximum)
    computeRange = range
    return range
  }

  /// The negotiated Shared File Systems microversion: python-manilaclient asks the unversioned
  /// endpoint with its own maximum and settles on the lower of the two maximums; a version the
  /// user asked for is used as given.
  func negotiatedShareVersion() throws -> Microversion {
    if let shareVersion { return shareVersion }
    if let requestedShareVersion {
      shareVersion = requestedShareVersion
      return requestedShareVersion
    }
    var discovery = APIRequest(.get, "/")
    discovery.headers["X-Auth-Token"] = try authenticate()
    discovery.headers["X-OpenStack-Manila-API-Version"] = EmulatedClient.shareMaxMicroversion.description
    discovery.headers["OpenStack-API-Version"] = "shared-file-system \(EmulatedClient.shareMaxMicroversion)"
    let response = try transport.send(discovery, to: .sharedFileSystem)
    let serverMaximum = Self.maximumVersion(in: response.body) ?? EmulatedClient.shareMaxMicroversion
    let version = min(serverMaximum, EmulatedClient.shareMaxMicroversion)
    shareVersion = version
    return version
  }

  /// The highest `version` of the current API in a versions document.
  private static func maximumVersion(in body: JSON?) -> Microversion? {
    guard case .object(let document)? = body, case .array(let versions)? = document["versions"] else {
      return nil
    }
    return versions.compactMap { version -> Microversion? in
      guard case .object(let fields) = version, case .string(let text)? = fields["version"] else {
        return nil
      }
      return Microversion(text)
    }.max()
  }

  /// A Keystone token for the credentials, obtained once per invocation as the real client does.
  private func authenticate() throws -> String {
    if let token { return token }
    guard let username = credentials.username else {
      throw CommandFailure(message: "Missing value username required for auth plugin password")
    }
    guard let projectName = credentials.projectName else {
      throw CommandFailure(message: "Missing value project_name required for auth plugin password")
    }
    let body: JSON = .object([
      "auth": .object([
        "identity": .object([
          "methods": .array([.string("password")]),
          "password": .object([
            "user": .object([
              "name": .string(username),
              "domain": .object(["name": .string(credentials.userDomainName)]),
              "password": .string(credentials.password ?? ""),
            ])
          ]),
        ]),
        "scope": .object([
          "project": .object([
            "name": .string(projectName),
            "domain": .object(["name": .string(credentials.projectDomainName)]),
          ])
        ]),
      ])
    ])
    let response = try transport.send(APIRequest(.post, "/v3/auth/tokens", body: body), to: .identity)
    guard response.status == 201, let token = response.headers["X-Subject-Token"] else {
      throw CommandFailure(
        message:
          "The request you have made requires authentication. (HTTP 401) (Request-ID: \(response.headers["X-Openstack-Request-Id"] ?? ""))"
      )
    }
    self.token = token
    authorization = response.body?["token"]
    return token
  }

  /// The token's body (`auth_ref`): who the client signed in as, on which project.
  private(set) var authorization: JSON?

  /// The signed-in user's ID, signing in first if need be.
  func userID() throws -> String {
    _ = try authenticate()
    return authorization?["user"]?["id"]?.string ?? ""
  }
}

/// The openstacksdk compute resources, each with the newest microversion it knows
/// (`_max_microversion`).
enum ComputeResource {
  case server
  case flavor
  case serverAction
  case aggregate
  case service
  case hypervisor
  /// A request the SDK sends without a microversion (the API's 2.1, or the one the user named).
  case unversioned
  /// No resource: the session's own version, what `supports_microversion` compares with.
  case session

  var maximum: Microversion {
    switch self {
    case .session: Microversion(Int.max, 0)
    case .server: Microversion(2, 100)
    case .flavor: Microversion(2, 61)
    case .serverAction: Microversion(2, 84)
    case .aggregate: Microversion(2, 81)
    case .service: Microversion(2, 69)
    case .hypervisor: Microversion(2, 88)
    case .unversioned: Microversion(2, 1)
    }
  }
}
