import CloudAPI

/// Who the client acts as: the `OS_*` settings and the `--os-*` options that override them.
struct Credentials: Equatable {
  var username: String?
  var password: String?
  var projectName: String?
  /// The project to scope to by ID (`--os-project-id`), which wins over its name, as in
  /// keystoneauth.
  var projectID: String? = nil
  var userDomainName: String
  var projectDomainName: String
}

/// The client's side of the wire for one invocation: it authenticates with Keystone, negotiates
/// microversions, and turns fault responses into the errors the real clients raise.
final class APIClient {
  private let transport: any CloudTransport
  private let credentials: Credentials
  private let tokenRequests: TokenRequests
  private let requestedShareVersion: Microversion?
  private let requestedComputeVersion: Microversion?
  private let requestedVolumeVersion: Microversion?
  private var token: String?
  /// The version headers' values of the requests before.
  private var computeTexts = VersionHeaderTexts(service: "compute ")
  private var volumeTexts = VersionHeaderTexts(service: "volume ")
  private var shareTexts = VersionHeaderTexts(service: "shared-file-system ")
  /// The token's project: Cinder's endpoint names it.
  private var projectID = ""
  private var shareVersion: Microversion?
  /// The cloud's compute microversions, from its version document.
  private var computeRange: ClosedRange<Microversion>?
  /// The cloud's Block Storage microversions, from its version document.
  private var volumeRange: ClosedRange<Microversion>?

  init(
    transport: any CloudTransport, credentials: Credentials, tokenRequests: TokenRequests = TokenRequests(),
    shareVersion: Microversion?, computeVersion: Microversion? = nil, volumeVersion: Microversion? = nil
  ) {
    self.transport = transport
    self.credentials = credentials
    self.tokenRequests = tokenRequests
    self.requestedShareVersion = shareVersion
    self.requestedComputeVersion = computeVersion
    self.requestedVolumeVersion = volumeVersion
  }

  /// Sends a request with the token, and with the negotiated microversion for services that
  /// have one. A compute request is sent at `computeResource`'s version (openstacksdk: the
  /// lower of the resource's maximum and the server's, unless the user named one).
  func send(
    _ request: APIRequest, to service: ServiceType, computeResource: ComputeResource = .server,
    volumeResource: VolumeResource = .unversioned
  ) throws -> APIResponse {
    var request = request
    request.headers["X-Auth-Token"] = try authenticate()
    if service == .blockStorage {
      // Paths are the project's: `/types` is `/v3/{project_id}/types`.
      request.path = "/v3/\(projectID)" + request.path
      if let version = try volumeVersion(for: volumeResource) {
        request.headers["OpenStack-API-Version"] = volumeTexts.texts(for: version).named
      }
    }
    if service == .sharedFileSystem {
      let texts = shareTexts.texts(for: try negotiatedShareVersion())
      request.headers["X-OpenStack-Manila-API-Version"] = texts.plain
      request.headers["OpenStack-API-Version"] = texts.named
    }
    if service == .compute {
      let texts = computeTexts.texts(for: try computeVersion(for: computeResource))
      request.headers["OpenStack-API-Version"] = texts.named
      request.headers["X-OpenStack-Nova-API-Version"] = texts.plain
    }
    return try transport.send(request, to: service)
  }

  /// The compute microversion a request about `resource` is sent at.
  func computeVersion(for resource: ComputeResource) throws -> Microversion {
    if case .pinned(let version) = resource { return version }
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

  /// Cinder's endpoint as the SDK quotes it in an error: devstack's, with the token's project.
  var volumeEndpoint: String { "http://devstack/volume/v3/\(projectID)" }

  /// The Block Storage microversion a request about `resource` is sent at: the one the user
  /// named, else the lower of the resource's maximum and the cloud's; none for a resource
  /// without microversions.
  func volumeVersion(for resource: VolumeResource) throws -> Microversion? {
    let supported = try supportedVolumeVersions()
    guard let requested = requestedVolumeVersion else { return resource.maximum.map { min($0, supported.upperBound) } }
    guard supported.contains(requested) else {
      throw CommandFailure(
        message: "A default microversion for service block-storage of \(requested) was requested, but the cloud only"
          + " supports a minimum of \(supported.lowerBound) and a maximum of \(supported.upperBound). The default microversion"
          + " was set because a microversion formatted version string, '\(requested)', was passed for the api_version of the"
          + " service. If it was not intended to set a default microversion please remove anything other than an integer"
          + " major version from the version setting for the service.")
    }
    return requested
  }

  /// Whether the cloud and the user's setting allow `version` (openstacksdk's
  /// `supports_microversion`).
  func supportsVolumeVersion(_ version: Microversion) throws -> Bool {
    let supported = try supportedVolumeVersions()
    return supported.contains(version) && (requestedVolumeVersion.map { version <= $0 } ?? true)
  }

  /// keystoneauth reads Cinder's `/v3` version list once, without a token.
  private func supportedVolumeVersions() throws -> ClosedRange<Microversion> {
    if let volumeRange { return volumeRange }
    let version = try transport.send(APIRequest(.get, "/v3"), to: .blockStorage).body?["versions"]?.array.first
    let minimum = version?["min_version"]?.string.flatMap(Microversion.init) ?? Microversion(3, 0)
    let maximum = version?["version"]?.string.flatMap(Microversion.init) ?? Microversion(3, 0)
    let range = minimum...max(minimum, maximum)
    volumeRange = range
    return range
  }

  /// Whether the cloud and the user's setting allow a compute `version` (openstacksdk's
  /// `supports_microversion`).
  func supportsComputeVersion(_ version: Microversion) throws -> Bool {
    let supported = try supportedComputeVersions()
    return supported.contains(version) && (requestedComputeVersion.map { version <= $0 } ?? true)
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
    discovery.headers["OpenStack-API-Version"] = EmulatedClient.shareMaxMicroversion.text(after: "shared-file-system ")
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
    let request = try tokenRequests.request(for: credentials).get()
    let response = try transport.send(request, to: .identity)
    projectID = response.body?["token"]?["project"]?["id"]?.string ?? ""
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

  /// The token and its body (`auth_ref`), signing in first if need be.
  func signIn() throws -> (token: String, body: JSON) {
    let token = try authenticate()
    return (token, authorization ?? .null)
  }

  /// The signed-in project's ID (`auth_ref.project_id`), signing in first if need be.
  func tokenProjectID() throws -> String {
    _ = try authenticate()
    return projectID
  }

  /// The signed-in user's ID, signing in first if need be.
  func userID() throws -> String {
    _ = try authenticate()
    return authorization?["user"]?["id"]?.string ?? ""
  }

  /// The signed-in project's ID.
  func signedInProjectID() throws -> String {
    _ = try authenticate()
    return authorization?["project"]?["id"]?.string ?? ""
  }
}

/// keystoneauth's password sign-in request (`POST /v3/auth/tokens`) for the credentials, made
/// once for the commands that sign in the same way: every command signs in, and building and
/// then destroying the request's nested body had cost more than reading the answer.
final class TokenRequests {
  private var last: (credentials: Credentials, request: Result<APIRequest, CommandFailure>)?

  /// The request, or why the credentials cannot make one.
  func request(for credentials: Credentials) -> Result<APIRequest, CommandFailure> {
    if let last, last.credentials == credentials { return last.request }
    let request = Result { () throws(CommandFailure) in try Self.make(for: credentials) }
    last = (credentials, request)
    return request
  }

  private static func make(for credentials: Credentials) throws(CommandFailure) -> APIRequest {
    guard let username = credentials.username else {
      throw CommandFailure(message: "Missing value username required for auth plugin password")
    }
    let project: JSON
    if let projectID = credentials.projectID {
      project = .object(["id": .string(projectID)])
    } else if let projectName = credentials.projectName {
      project = .object(["name": .string(projectName), "domain": .object(["name": .string(credentials.projectDomainName)])])
    } else {
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
        "scope": .object(["project": project]),
      ])
    ])
    return APIRequest(.post, "/v3/auth/tokens", body: body)
  }
}

/// The openstacksdk compute resources, each with the newest microversion it knows
/// (`_max_microversion`).
enum ComputeResource {
  case server
  case flavor
  case serverAction
  case aggregate
  case volumeAttachment
  case serverInterface
  case service
  case hypervisor
  case quotaSet
  case keypair
  case serverGroup
  case shareMapping
  case usage
  case remoteConsole
  /// `Migration` and `ServerMigration`.
  case migration
  /// A request the SDK sends without a microversion (the API's 2.1, or the one the user named).
  case unversioned
  /// No resource: the session's own version, what `supports_microversion` compares with.
  case session
  /// A request the client sends at a version of its own (`microversion='2.1'`), whatever the
  /// user named.
  case pinned(Microversion)

  var maximum: Microversion {
    switch self {
    case .session: Microversion(Int.max, 0)
    case .volumeAttachment: Microversion(2, 89)
    case .serverInterface: Microversion(2, 70)
    case .server: Microversion(2, 100)
    case .flavor: Microversion(2, 61)
    case .serverAction: Microversion(2, 84)
    case .aggregate: Microversion(2, 81)
    case .service: Microversion(2, 69)
    case .hypervisor: Microversion(2, 88)
    case .quotaSet: Microversion(2, 56)
    case .keypair: Microversion(2, 10)
    case .serverGroup: Microversion(2, 64)
    case .shareMapping: Microversion(2, 97)
    case .usage: Microversion(2, 75)
    case .remoteConsole: Microversion(2, 99)
    case .migration: Microversion(2, 80)
    case .unversioned: Microversion(2, 1)
    case .pinned(let version): version
    }
  }
}

/// The openstacksdk Block Storage resources, each with the newest microversion it knows
/// (`_max_microversion`); those without one are sent without a microversion.
enum VolumeResource {
  /// Types, QoS specs: no microversion.
  case unversioned
  case volume
  case service
  case snapshot
  case transfer
  case limits
  case backup
  case attachment

  var maximum: Microversion? {
    switch self {
    case .unversioned: nil
    case .volume: Microversion(3, 71)
    case .service: Microversion(3, 32)
    case .snapshot: Microversion(3, 65)
    case .transfer: Microversion(3, 55)
    case .limits: Microversion(3, 39)
    case .backup: Microversion(3, 64)
    case .attachment: Microversion(3, 71)
    }
  }
}
