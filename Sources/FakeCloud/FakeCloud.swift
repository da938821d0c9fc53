import CloudAPI

/// Everything a cloud holds.
struct CloudState {
  var clock: VirtualClock
  /// The IDs of what the cloud holds.
  var ids: IDGenerator
  /// Request IDs and tokens: a stream of their own, so that the IDs of resources depend only on
  /// what was created, not on how many requests a client made (the real client makes more than
  /// the emulation), and the same page gives the same resources on both.
  var requestIDs: IDGenerator
  /// The UUIDs of Nova's migration records: a stream of their own, so that moving a server
  /// changes no other resource's ID.
  var migrationIDs = IDGenerator(seed: 0)
  var identity: IdentityState
  var network: NetworkState
  var manila: ManilaState
  var compute: ComputeState
  var images: ImageState
  var blockStorage: BlockStorageState
  /// The quotas set through Nova's, Cinder's and Neutron's APIs.
  var quotas = QuotaState()
  /// The ID the next resource created takes instead of a drawn one (``FakeCloud/createNext(withID:)``).
  var presetID: String?

  /// The IDs ``newResourceID()`` gave out.
  private(set) var issuedIDs: Set<String> = []

  /// The ID of a new resource: the preset one, if any and not given out already, else a drawn
  /// one (drawn either way, so that the IDs drawn after it are the same). Two resources of one ID
  /// would each answer for the other: the second's creation, found by its ID, would never end.
  mutating func newResourceID() -> String {
    defer { presetID = nil }
    let id = presetID.flatMap { issuedIDs.contains($0) ? nil : $0 }.drawing(&ids)
    issuedIDs.insert(id)
    return id
  }

  /// Keystone's ID of a new record: the preset one (``FakeCloud/createNext(withID:)``), if any and
  /// not `taken`, else `drawn` (drawn either way, as ``newResourceID()`` draws).
  mutating func identityID(drawn: String, taken: (String) -> Bool) -> String {
    defer { presetID = nil }
    guard let preset = presetID, !taken(preset) else { return drawn }
    return preset
  }

  /// The Shared File Systems microversion of the request being handled.
  var shareVersion = ManilaService.minimumVersion
  /// The Compute microversion of the request being handled.
  var computeVersion = ComputeService.minimumVersion
  /// The Block Storage microversion of the request being handled.
  var volumeVersion = BlockStorageService.minimumVersion
  var pending: [PendingWork] = []
  /// Whether the services' log is kept: only when someone reads it (`walkthrough run --log`),
  /// as writing a record for every request is a tenth of a command's time.
  var keepsLog = false
  /// The log records, oldest first; a long-lived cloud loses the oldest once there are twice
  /// ``logLimit`` (in one move, not one at a time).
  var log: [LogRecord] = []
  static let logLimit = 10_000

  mutating func record(_ record: LogRecord) {
    guard keepsLog else { return }
    if log.count >= 2 * Self.logLimit { log.removeFirst(Self.logLimit) }
    log.append(record)
  }
  /// Each service's public URL when the cloud is served over HTTP; empty in process.
  var endpoints: [ServiceType: String] = [:] {
    didSet { refreshCatalog() }
  }
  /// Each service's public URL as the catalog lists it: devstack's in process.
  var catalogEndpoints: [ServiceType: String] { endpoints.isEmpty ? DevstackLayout.inProcessEndpoints : endpoints }
  /// The service catalog every token carries, made anew only when the services or endpoints
  /// change.
  private(set) var catalog = IdentityService.catalog(DevstackLayout.inProcessEndpoints) {
    didSet { signIns = [] }
  }
  /// Each project's and user's sign-in, made once and kept until the catalog or who may sign in
  /// to what changes: every command signs in. A cloud has a handful: scanned, not hashed. The
  /// catalog as its token carries it outlives changes of who may sign in: formatting it for the
  /// project and user costs more than the rest of the token.
  private(set) var signIns: [(projectID: String, userID: String, revision: Int, signIn: SignIn, catalog: JSON)] = []

  /// What every token of one user on one project holds.
  struct SignIn {
    /// The user's roles on the project, its groups' included; none: no token.
    var roles: [String]
    /// The token's body but for its times and audit ID (null here, in their places).
    var body: JSONObject
  }

  mutating func refreshCatalog() {
    catalog = IdentityService.catalog(self)
  }

  /// The sign-in of `user` to `project`.
  mutating func signIn(_ user: IdentityState.User, to project: IdentityState.Project) -> SignIn {
    let kept = signIns.firstIndex { $0.projectID == project.id && $0.userID == user.id }
    if let kept, signIns[kept].revision == identity.revision { return signIns[kept].signIn }
    let roles = identity.roleNames(of: user.id, on: project.id)
    let tokenCatalog = kept.map { signIns[$0].catalog } ?? IdentityService.catalog(catalog, project: project.id, user: user.id)
    let domain: JSON = .object(["id": "default", "name": "Default"])
    let body: JSONObject = [
      "methods": .array(["password"]),
      "user": .object(["domain": domain, "id": .string(user.id), "name": .string(user.name), "password_expires_at": .null]),
      "audit_ids": .null,
      "expires_at": .null,
      "issued_at": .null,
      "project": .object(["domain": domain, "id": .string(project.id), "name": .string(project.name)]),
      "is_domain": false,
      "roles": .array(roles.map { .object(["name": .string($0)]) }),
      "catalog": tokenCatalog,
    ]
    let signIn = SignIn(roles: roles, body: body)
    let entry = (projectID: project.id, userID: user.id, revision: identity.revision, signIn: signIn, catalog: tokenCatalog)
    if let kept { signIns[kept] = entry } else { signIns.append(entry) }
    return signIn
  }

  func version(_ call: Call) -> Microversion { shareVersion }
}

/// A deterministic simulation of an OpenStack cloud (Keystone, Neutron, Manila) that answers
/// REST-shaped requests as the real services do. The same definition and seed give the same
/// answers, byte for byte, on every run.
public final class FakeCloud: CloudTransport {
  public let definition: CloudDefinition
  var state: CloudState
  /// The version headers' values of the answers before.
  private var computeTexts = VersionHeaderTexts(service: "compute ")
  private var volumeTexts = VersionHeaderTexts(service: "volume ")
  private var shareTexts = VersionHeaderTexts(service: "shared-file-system ")

  init(definition: CloudDefinition, state: CloudState) {
    self.definition = definition
    self.state = state
  }

  /// - Parameters:
  ///   - endpoints: each service's public URL, for the catalog and version documents, when the
  ///     cloud is served over HTTP.
  ///   - keepsLog: whether to keep what the services log, for ``log``.
  public init(
    definition: CloudDefinition = .devstack, seed: UInt64 = 1, endpoints: [ServiceType: String] = [:],
    keepsLog: Bool = false
  ) {
    self.definition = definition
    var ids = IDGenerator(seed: seed)
    let clock = VirtualClock()
    let identity = IdentityState(definition: definition, ids: &ids, seed: seed)
    let network = NetworkState(definition: definition, identity: identity, ids: &ids, clock: clock, seed: seed)
    let manila = ManilaState(definition: definition, ids: &ids)
    // Images draw their IDs from a stream of their own, so that adding images to a cloud
    // changes no other ID.
    var imageIDs = IDGenerator(seed: seed ^ 0x696D_6167_6573)
    let images = ImageState(definition: definition, identity: identity, ids: &imageIDs, clock: clock)
    // Cinder's types draw from a stream of their own too: the default cloud's other IDs stay.
    var volumeIDs = IDGenerator(seed: seed ^ 0x766F_6C75_6D65)
    let blockStorage = BlockStorageState(definition: definition, ids: &volumeIDs, now: clock.now)
    state = CloudState(
      clock: clock, ids: ids, requestIDs: IDGenerator(seed: seed ^ 0x7265_7175_6573_7473), identity: identity,
      network: network, manila: manila, compute: ComputeState(definition: definition), images: images,
      blockStorage: blockStorage)
    state.endpoints = endpoints
    state.keepsLog = keepsLog
    state.migrationIDs = IDGenerator(seed: seed ^ 0x6D69_6772_6174_696F)
    state.compute.importKeypairs(definition.keypairs, identity: identity, now: clock.now)
  }

  /// Makes `id` the ID of the next share, share network, share snapshot, server, volume, volume
  /// snapshot, image or Neutron resource the cloud creates: a resource a page names by an ID, and
  /// assumes the cloud has, is created with that ID (unless the cloud gave it out already). `nil`
  /// forgets an ID no creation took.
  public func createNext(withID id: String?) {
    state.presetID = id
  }

  /// Whether a token is one the cloud issued and has not expired.
  public func accepts(token: String) -> Bool {
    state.identity.caller(token, at: state.clock.now) != nil
  }

  /// Lists the services at these URLs in the catalog and version documents.
  public func use(endpoints: [ServiceType: String]) {
    state.endpoints = endpoints
  }

  /// The cloud's time, in microseconds since the epoch: the clock of the machine its client runs on.
  public var now: Int64 { state.clock.now }

  /// Moves virtual time on, as between two commands a person types.
  public func advanceClock(seconds: Double) {
    state.clock.advance(microseconds: Int64(seconds * 1_000_000))
    state.runDueWork()
  }

  /// Whether any of the services' background work is still to run.
  public var hasPendingWork: Bool { !state.pending.isEmpty }

  /// Moves virtual time on to the next background work due within `seconds`, and runs it:
  /// how many seconds passed, or `nil` when none is due so soon (the clock then stays).
  public func advanceToNextWork(within seconds: Double) -> Double? {
    let now = state.clock.now
    guard let due = state.pending.map(\.due).filter({ $0 > now }).min(), due - now <= Int64(seconds * 1_000_000) else {
      return nil
    }
    state.clock.advance(microseconds: due - now)
    state.runDueWork()
    return Double(due - now) / 1_000_000
  }

  /// What the services logged, oldest first: the newest ten thousand records at least; empty
  /// unless the cloud was made to keep its log.
  public var log: [LogRecord] { state.log }

  /// The process and the logger that log each service's requests.
  private static let requestLoggers: [ServiceType: (process: String, logger: String)] = [
    .compute: ("nova-api", "nova.api.openstack.requestlog"), .sharedFileSystem: ("manila-api", "manila.api.openstack.wsgi"),
    .network: ("neutron-server", "neutron.wsgi"), .image: ("glance-api", "eventlet.wsgi.server"),
    .blockStorage: ("cinder-api", "cinder.api.openstack.wsgi"),
  ]

  /// The API service's request log line: `"GET /v2.1/servers/detail" status: 200 len: 0 microversion: 2.100`.

  private func logRequest(_ request: APIRequest, service: ServiceType, requestID: String, status: Int) {
    guard state.keepsLog, let (name, logger) = Self.requestLoggers[service] else { return }
    let caller = state.identity.caller(request.headers["X-Auth-Token"], at: state.clock.now)
    let query = request.query.isEmpty ? "" : "?" + request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    var message = "\"\(request.method.rawValue) \(request.path)\(query)\" status: \(status)"
    if service == .compute, !["/", "/v2.1", "/v2.1/"].contains(request.path) { message += " microversion: \(state.computeVersion)" }
    if service == .blockStorage, !["/", "/v3", "/v3/"].contains(request.path) { message += " microversion: \(state.volumeVersion)" }
    state.record(
      LogRecord(
        time: state.clock.now, service: name, level: "INFO", logger: logger,
        globalRequestID: LogRecord.globalRequestID(request.headers["X-Openstack-Request-Id"]), requestID: requestID,
        userID: caller?.userID, projectID: caller?.projectID, message: message))
  }

  public func send(_ request: APIRequest, to service: ServiceType) throws -> APIResponse {
    // Each request takes a few milliseconds of virtual time.
    state.clock.advance(microseconds: 3_217)
    state.runDueWork()
    let requestID = state.requestIDs.requestID()
    var response = handle(request, service: service, requestID: requestID)
    logRequest(request, service: service, requestID: requestID, status: response.status)
    response.headers["X-Openstack-Request-Id"] = requestID
    // Nova's and Manila's request-ID middleware also answer in the header Nova named.
    if service == .sharedFileSystem || service == .compute { response.headers["X-Compute-Request-Id"] = requestID }
    return response
  }

  private func handle(_ request: APIRequest, service: ServiceType, requestID: String) -> APIResponse {
    let router: Router<CloudState>
    switch service {
    case .identity:
      if request.path == "/" || request.path.isEmpty { return IdentityService.versions(state.endpoints) }
      router = IdentityService.router
    case .network:
      if request.path == "/" || request.path.isEmpty { return NetworkService.versions(state.endpoints) }
      router = NetworkService.router
    case .sharedFileSystem:
      if request.path == "/" || request.path.isEmpty { return ManilaService.versions() }
      switch ManilaService.requestedVersion(request) {
      case .success(let version): state.shareVersion = version
      case .failure(let fault): return fault.response
      }
      router = ManilaService.router
    case .compute:
      // The version documents need no token.
      if request.path == "/" || request.path.isEmpty { return ComputeService.versions() }
      if request.path == "/v2.1/" || request.path == "/v2.1" { return ComputeService.versionDocument() }
      switch ComputeService.requestedVersion(request) {
      case .success(let version): state.computeVersion = version
      case .failure(let fault): return fault.response
      }
      router = ComputeService.router
    case .image:
      if request.path == "/" || request.path.isEmpty { return ImageService.versions() }
      router = ImageService.router
    case .blockStorage:
      // The version documents need no token.
      if request.path == "/" || request.path.isEmpty { return BlockStorageService.versions() }
      if request.path == "/v3/" || request.path == "/v3" { return BlockStorageService.versionDocument(&state, Call(request: request, caller: nil, parameters: [:], requestID: requestID)) }
      switch BlockStorageService.requestedVersion(request) {
      case .success(let version): state.volumeVersion = version
      case .failure(let fault): return fault.response
      }
      router = BlockStorageService.router
    }
    let caller = state.identity.caller(request.headers["X-Auth-Token"], at: state.clock.now)
    if service != .identity && caller == nil { return .unauthenticated() }
    var response: APIResponse
    switch router.route(request.method, request.path) {
    case .found(let handler, let parameters):
      let globalRequestID = LogRecord.globalRequestID(request.headers["X-Openstack-Request-Id"])
      let call = Call(
        request: request, caller: caller, parameters: parameters, requestID: requestID, globalRequestID: globalRequestID)
      response = handler(&state, call)
    case .methodNotAllowed:
      response = .fault(405, "The method specified is not allowed for this resource.")
    case .notFound:
      response = .fault(404, "The resource could not be found.")
    }
    if service == .sharedFileSystem {
      response.headers["X-OpenStack-Manila-API-Version"] = shareTexts.texts(for: state.shareVersion).plain
      response.headers["Vary"] = "X-OpenStack-Manila-API-Version"
    }
    if service == .blockStorage {
      response.headers["OpenStack-API-Version"] = volumeTexts.texts(for: state.volumeVersion).named
      response.headers["Vary"] = "OpenStack-API-Version"
    }
    if service == .compute {
      let texts = computeTexts.texts(for: state.computeVersion)
      response.headers["OpenStack-API-Version"] = texts.named
      response.headers["X-OpenStack-Nova-API-Version"] = texts.plain
      response.headers.append("Vary", "OpenStack-API-Version")
      response.headers.append("Vary", "X-OpenStack-Nova-API-Version")
    }
    return response
  }
}
