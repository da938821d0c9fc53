import CloudAPI

/// Keystone v3: projects and users with 32-hex IDs, password authentication, tokens, roles and
/// their assignments, services, endpoints and regions.
struct IdentityState {
  struct Project {
    var id: String
    var name: String
    var description = ""
    var enabled = true
    var domainID = "default"
    /// The project above it; none for a project at the top, whose parent is its domain.
    var parentID: String? = nil
    var tags: [String] = []
    /// Its resource options (`immutable`).
    var options: JSONObject = [:]
    /// What else it was given (Keystone keeps it, and shows it beside the rest).
    var extra: JSONObject = [:]
  }

  struct User {
    var id: String
    var name: String
    var password: String
    /// The default project's name; empty for none.
    var projectName: String
    var roles: [String]
    var email: String? = nil
    var description: String? = nil
    var enabled = true
    var domainID = "default"
  }

  /// A role a user (or, with `groupID`, a group: `userID` empty) has on a project (or, with
  /// `domainID`, a domain: `projectID` empty).
  struct Assignment: Equatable {
    var roleID: String
    var userID: String
    var projectID: String
    var groupID: String? = nil
    var domainID: String? = nil
  }

  /// A user's membership of a group.
  struct Membership: Equatable {
    var groupID: String
    var userID: String
  }

  var projects: [Project] = [] { didSet { revision &+= 1 } }
  var users: [User] = [] { didSet { revision &+= 1 } }
  var assignments: [Assignment] = [] { didSet { revision &+= 1 } }
  var memberships: [Membership] = [] { didSet { revision &+= 1 } }
  /// The records of the table-driven collections (`KeystoneTable`), by collection.
  var tables: [String: [JSONObject]] = [:] { didSet { revision &+= 1 } }
  /// The users' application credentials (`ApplicationCredentials`): no token is made from
  /// them, so a change leaves the revision as it is.
  var applicationCredentials: [JSONObject] = []
  /// Counts the changes to projects, users, roles and who has which: what was made from them
  /// for an earlier count (a token's body) is out of date.
  private(set) var revision = 0
  /// The IDs of what is created through the API: a stream of their own, so that the cloud's
  /// other IDs stay as they were.
  var ids: IDGenerator
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
    latest = (token, caller, expires)
  }

  /// The token issued or looked up last, which the requests after it nearly all carry (a
  /// command signs in, then sends them): compared, where looking a token up hashes its 70 bytes.
  private var latest: (token: String, caller: Caller, expires: Int64)?

  /// Who a token stands for, while it has not expired. Mutating: it remembers the token as the
  /// latest, and so is reached in place (a read through the cloud had copied the whole identity
  /// state for every request).
  mutating func caller(_ token: String?, at time: Int64) -> Caller? {
    guard let token else { return nil }
    if latest?.token != token {
      guard let entry = tokens[token] else { return nil }
      latest = (token, entry.caller, entry.expires)
    }
    guard let latest, latest.expires > time else { return nil }
    return latest.caller
  }

  /// The roles Keystone's bootstrap and devstack create.
  static let defaultRoles = ["admin", "manager", "member", "reader", "service"]

  init(definition: CloudDefinition, ids: inout IDGenerator, seed: UInt64 = 1) {
    for name in definition.users.map(\.project) where !projects.contains(where: { $0.name == name }) {
      projects.append(Project(id: ids.hex32(), name: name))
    }
    users = definition.users.map {
      User(id: ids.hex32(), name: $0.name, password: $0.password, projectName: $0.project, roles: $0.roles)
    }
    self.ids = IDGenerator(seed: seed ^ 0x6964_656E_7469_7479)
    // devstack's project for the services' users.
    if project(named: "service") == nil { projects.append(Project(id: self.ids.hex32(), name: "service")) }
    var roleNames = Self.defaultRoles
    for name in definition.users.flatMap(\.roles) where !roleNames.contains(name) { roleNames.append(name) }
    tables["roles"] = roleNames.map { name in
      ["id": .string(self.ids.hex32()), "name": .string(name), "domain_id": .null, "description": .null, "options": .object([:])]
    }
    tables["regions"] = [["id": "RegionOne", "description": "", "parent_region_id": .null]]
    tables["domains"] = [
      ["id": "default", "name": "Default", "description": "The default domain", "enabled": true, "tags": .array([]), "options": .object([:])]
    ]
    for (user, defined) in zip(users, definition.users) {
      for (projectName, roles) in [(user.projectName, user.roles)] + defined.otherProjects.map({ ($0.project, $0.roles) }) {
        guard let projectID = project(named: projectName)?.id else { continue }
        for role in roles {
          guard let roleID = roleID(named: role) else { continue }
          assignments.append(Assignment(roleID: roleID, userID: user.id, projectID: projectID))
        }
      }
    }
  }

  func project(named name: String) -> Project? { projects.first { $0.name == name } }

  func roleID(named name: String) -> String? {
    // A global role: a domain's own roles are never a token's.
    tables["roles"]?.first { $0["name"]?.string == name && ($0["domain_id"] ?? .null) == .null }?["id"]?.string
  }

  /// The names of the roles a user has on a project, its own and its groups', in the roles' order.
  func roleNames(of userID: String, on projectID: String) -> [String] {
    // A handful of each: scanned, not hashed (every token asks).
    let groups = memberships.filter { $0.userID == userID }.map(\.groupID)
    let held = assignments.filter { $0.projectID == projectID && ($0.userID == userID || groups.contains($0.groupID ?? "")) }
      .map(\.roleID)
    return (tables["roles"] ?? []).filter { held.contains($0["id"]?.string ?? "") }.compactMap { $0["name"]?.string }
  }
}

extension CloudState {
  /// A table's records: for services and endpoints, those of the cloud's own services first.
  func keystoneRecords(_ collection: String) -> [JSONObject] {
    let stored = identity.tables[collection] ?? []
    switch collection {
    case "services": return IdentityService.builtInServices() + stored
    case "endpoints": return IdentityService.builtInEndpoints(catalogEndpoints) + stored
    default: return stored
    }
  }
}

enum IdentityService {
  static let router: Router<CloudState> = {
    var router = Router<CloudState>()
    router.add(.get, "/v3", versionDocument)
    router.add(.post, "/v3/auth/tokens", issueToken)
    for directory in IdentityDirectory.all { directory.register(in: &router) }
    for table in KeystoneTable.all { table.register(in: &router) }
    RoleAssignments.register(in: &router)
    GroupMemberships.register(in: &router)
    UserPassword.register(in: &router)
    ApplicationCredentials.register(in: &router)
    UnifiedLimits.register(in: &router)
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

  /// Every service with its public endpoint: under devstack's host in process (where the client
  /// reaches each service by its type), under the server's URL when served over HTTP.
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

  /// The catalog a token carries: each endpoint's URL formatted with the token's project and
  /// user (`$(project_id)s` in Cinder's), an endpoint whose URL does not format left out, as
  /// Keystone's `get_v3_catalog` does.
  static func catalog(_ catalog: JSON, project: String, user: String) -> JSON {
    .array(
      catalog.array.map { service in
        var service = service.object
        let endpoints = service["endpoints"]?.array.compactMap { endpoint -> JSON? in
          var endpoint = endpoint.object
          guard let url = endpoint["url"]?.string else { return .object(endpoint) }
          guard let formatted = EndpointURL.catalogURL(url, project: project, user: user) else { return nil }
          endpoint["url"] = .string(formatted)
          return .object(endpoint)
        }
        if let endpoints { service["endpoints"] = .array(endpoints) }
        return .object(service)
      })
  }

  /// The catalog with the services and endpoints created through the API: the cloud's own
  /// services first, each with its endpoints.
  static func catalog(_ state: CloudState) -> JSON {
    let stored = state.identity.tables["endpoints"] ?? []
    guard !stored.isEmpty || !(state.identity.tables["services"] ?? []).isEmpty else { return catalog(state.catalogEndpoints) }
    // A disabled service is not in the catalog, nor are its endpoints.
    let services = (builtInServices() + (state.identity.tables["services"] ?? [])).filter { $0["enabled"] != false }
    let endpoints = builtInEndpoints(state.catalogEndpoints) + stored
    return .array(
      services.map { service in
        let id = service["id"] ?? .null
        let own = endpoints.filter { $0["service_id"] == id && $0["enabled"] != false }.map { endpoint -> JSON in
          .object([
            "id": endpoint["id"] ?? .null, "interface": endpoint["interface"] ?? .null,
            "region": endpoint["region_id"] ?? .null, "region_id": endpoint["region_id"] ?? .null,
            "url": endpoint["url"] ?? .null,
          ])
        }
        return .object(["endpoints": .array(own), "id": id, "type": service["type"] ?? .null, "name": service["name"] ?? .null])
      })
  }

  /// The cloud's own services as Keystone records.
  static func builtInServices() -> [JSONObject] {
    ServiceType.allCases.map { service in
      [
        "id": .string(catalogIDs[service]!.service), "type": .string(service.rawValue),
        "name": .string(serviceNames[service] ?? service.rawValue), "description": "", "enabled": true,
      ]
    }
  }

  /// Their public endpoints, when the cloud is served over HTTP.
  static func builtInEndpoints(_ endpoints: [ServiceType: String]) -> [JSONObject] {
    ServiceType.allCases.compactMap { service in
      endpoints[service].map { url in
        [
          "id": .string(catalogIDs[service]!.endpoint), "interface": "public", "region_id": "RegionOne",
          "service_id": .string(catalogIDs[service]!.service), "url": .string(url), "enabled": true,
        ]
      }
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
    let scope = auth?["scope"]?["project"]
    let projectName = scope?["name"]?.string
    // A user signs in to a project it has a role on.
    guard let name = user?["name"]?.string,
      let account = state.identity.users.first(where: { $0.name == name && $0.enabled }),
      user?["password"]?.string == account.password,
      // A scope by ID (none found: no token) wins over one by name, as in keystoneauth.
      let project = scope?["id"]?.string.map({ id in state.identity.projects.first { $0.id == id } })
        ?? state.identity.project(named: projectName ?? account.projectName),
      case let signIn = state.signIn(account, to: project), !signIn.roles.isEmpty
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
    let tokenID = state.requestIDs.token()
    let caller = Caller(
      userID: account.id, userName: account.name, projectID: project.id, projectName: project.name, roles: signIn.roles)
    state.identity.issue(tokenID, for: caller, now: state.clock.now, expires: state.clock.now + tokenLifetime)
    let issued = state.clock.now
    var token = signIn.body
    token["audit_ids"] = .array([.string(state.requestIDs.uuidPrefix(22))])
    token["expires_at"] = .string(VirtualClock.isoMicroseconds(issued + tokenLifetime, suffix: "Z"))
    token["issued_at"] = .string(VirtualClock.isoMicroseconds(issued, suffix: "Z"))
    var response = APIResponse.json(201, .object(["token": .object(token)]))
    response.headers["X-Subject-Token"] = tokenID
    return response
  }
}
