import CloudAPI

/// Keystone v3: projects and users with 32-hex IDs, password authentication, tokens.
struct IdentityState {
  struct Project {
    var id: String
    var name: String
  }

  struct User {
    var id: String
    var name: String
    var password: String
    var projectName: String
    var roles: [String]
  }

  var projects: [Project] = []
  var users: [User] = []
  /// Issued tokens: who each stands for, and when it expires (an hour after it was issued).
  private(set) var tokens: [String: (caller: Caller, expires: Int64)] = [:]
  /// How many tokens are kept before the expired ones go: twice as many as were left the last
  /// time, so that sweeping them costs each token a constant share however long the session.
  private var sweepAt = 1000

  /// Keeps a new token; a long session (each command signs in) drops the expired ones now and then.
  mutating func issue(_ token: String, for caller: Caller, now: Int64, expires: Int64) {
    if tokens.count >= sweepAt {
      tokens = tokens.filter { $0.value.expires > now }
      sweepAt = max(1000, 2 * tokens.count)
    }
    tokens[token] = (caller, expires)
  }

  /// Who a token stands for, while it has not expired.
  func caller(_ token: String?, at time: Int64) -> Caller? {
    guard let token, let entry = tokens[token], entry.expires > time else { return nil }
    return entry.caller
  }

  init(definition: CloudDefinition, ids: inout IDGenerator) {
    for name in definition.users.map(\.project) where !projects.contains(where: { $0.name == name }) {
      projects.append(Project(id: ids.hex32(), name: name))
    }
    users = definition.users.map {
      User(id: ids.hex32(), name: $0.name, password: $0.password, projectName: $0.project, roles: $0.roles)
    }
  }

  func project(named name: String) -> Project? { projects.first { $0.name == name } }
}

enum IdentityService {
  static let router: Router<CloudState> = {
    var router = Router<CloudState>()
    router.add(.get, "/v3", versionDocument)
    router.add(.post, "/v3/auth/tokens", issueToken)
    for directory in IdentityDirectory.all { directory.register(in: &router) }
    return router
  }()

  static func versionDocument(_ state: inout CloudState, _ call: Call) -> APIResponse {
    .json(
      200,
      .object([
        "version": .object([
          "id": "v3.14", "status": "stable", "updated": "2020-04-07T00:00:00Z",
          "links": .array([.object(["rel": "self", "href": .string((state.endpoints[.identity] ?? "") + "/v3/")])]),
          "media-types": .array([
            .object(["base": "application/json", "type": "application/vnd.openstack.identity-v3+json"])
          ]),
        ])
      ]))
  }

  /// Every service; with its public endpoint when the cloud is served over HTTP (in process the
  /// client reaches each service by its type).
  static func catalog(_ endpoints: [ServiceType: String]) -> JSON {
    .array(
      ServiceType.allCases.map { service in
        let endpoint: [JSON] = endpoints[service].map { url in
          [
            .object([
              "id": .string(catalogIDs[service]!.endpoint), "interface": "public",
              "region": "RegionOne", "region_id": "RegionOne", "url": .string(url),
            ])
          ]
        } ?? []
        return .object([
          "endpoints": .array(endpoint), "id": .string(catalogIDs[service]!.service),
          "type": .string(service.rawValue), "name": .string(serviceNames[service] ?? service.rawValue),
        ])
      })
  }

  /// The catalog with `$(project_id)s` in an endpoint (Cinder's) made the token's project, as
  /// Keystone substitutes it.
  static func catalog(_ catalog: JSON, project: String) -> JSON {
    switch catalog {
    case .string(let text) where text.contains("$(project_id)s"):
      .string(text.split(separator: "$(project_id)s", omittingEmptySubsequences: false).joined(separator: project))
    case .array(let items): .array(items.map { Self.catalog($0, project: project) })
    case .object(let fields): .object(fields.mapValues { Self.catalog($0, project: project) })
    default: catalog
    }
  }

  /// Each service's id and its endpoint's, the same in every cloud; worked out once, as every
  /// token carries them.
  private static let catalogIDs: [ServiceType: (endpoint: String, service: String)] = Dictionary(
    uniqueKeysWithValues: ServiceType.allCases.map { service in
      (
        service,
        (
          String(SHA224.hexDigest(service.rawValue).prefix(32)),
          String(SHA224.hexDigest("service " + service.rawValue).prefix(32))
        )
      )
    })

  /// The names devstack registers the services under.
  private static let serviceNames: [ServiceType: String] = [
    .identity: "keystone", .compute: "nova", .image: "glance", .network: "neutron", .sharedFileSystem: "manilav2",
    .blockStorage: "cinder",
  ]

  /// `GET /identity/`: Keystone's versions (300), v3 only.
  static func versions(_ endpoints: [ServiceType: String]) -> APIResponse {
    let href = (endpoints[.identity] ?? "") + "/v3/"
    return .json(
      300,
      .object([
        "versions": .object([
          "values": .array([
            .object([
              "id": "v3.14", "status": "stable", "updated": "2020-04-07T00:00:00Z",
              "links": .array([.object(["rel": "self", "href": .string(href)])]),
              "media-types": .array([
                .object(["base": "application/json", "type": "application/vnd.openstack.identity-v3+json"])
              ]),
            ])
          ])
        ])
      ]))
  }

  /// Keystone's default `[token] expiration`: an hour, in microseconds.
  static let tokenLifetime: Int64 = 3_600_000_000

  /// `POST /v3/auth/tokens` with the password method and a project scope.
  static func issueToken(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let auth = call.request.body?["auth"]
    let user = auth?["identity"]?["password"]?["user"]
    let projectName = auth?["scope"]?["project"]?["name"]?.string
    guard let name = user?["name"]?.string,
      let account = state.identity.users.first(where: { $0.name == name }),
      user?["password"]?.string == account.password,
      let project = state.identity.project(named: projectName ?? account.projectName),
      project.name == account.projectName
    else {
      return .json(
        401,
        .object([
          "error": .object([
            "code": .int(401), "title": .string("Unauthorized"),
            "message": .string("The request you have made requires authentication."),
          ])
        ]))
    }
    let tokenID = "gAAAAA" + state.requestIDs.hex32() + state.requestIDs.hex32()
    let caller = Caller(
      userID: account.id, userName: account.name, projectID: project.id, projectName: project.name,
      roles: account.roles)
    state.identity.issue(tokenID, for: caller, now: state.clock.now, expires: state.clock.now + tokenLifetime)
    let issued = state.clock.now
    let domain: JSON = .object(["id": "default", "name": "Default"])
    let token: JSONObject = [
      "methods": .array(["password"]),
      "user": .object([
        "domain": domain, "id": .string(account.id), "name": .string(account.name), "password_expires_at": .null,
      ]),
      "audit_ids": .array([.string(String(state.requestIDs.uuid().prefix(22)))]),
      "expires_at": .string(VirtualClock.isoMicroseconds(issued + tokenLifetime) + "Z"),
      "issued_at": .string(VirtualClock.isoMicroseconds(issued) + "Z"),
      "project": .object(["domain": domain, "id": .string(project.id), "name": .string(project.name)]),
      "is_domain": false,
      "roles": .array(account.roles.map { .object(["name": .string($0)]) }),
      "catalog": catalog(state.catalog, project: project.id),
    ]
    var response = APIResponse.json(201, .object(["token": .object(token)]))
    response.headers["X-Subject-Token"] = tokenID
    return response
  }
}
