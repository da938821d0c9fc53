import CloudAPI

/// Who asks and at which microversion: what a Cinder view shows depends on both.
struct CinderViewContext: ViewAudience {
  var version: Microversion
  var caller: Caller
  /// `http://devstack/volume/v3/{project_id}`: where the views' `self` links point.
  var endpoint: String
  /// The cloud's volume types, whose names volumes' views show.
  var volumeTypes: [BlockStorageState.VolumeType] = []

  var isAdmin: Bool { caller.isAdmin }

  /// A view's `links`, as Cinder's view builders make them: `self` under the endpoint,
  /// `bookmark` under the service's root and the endpoint's project.
  func links(_ collection: String, _ id: String) -> JSON {
    .array([
      .object(["rel": "self", "href": .string(String(concatenating: endpoint, "/", collection, "/", id))]),
      .object(["rel": "bookmark", "href": .string(String(concatenating: BlockStorageService.root, "/", String(project), "/", collection, "/", id))]),
    ])
  }

  /// The endpoint's last path segment, the project in its URL (every view's links name it: cut
  /// by bytes, not split into substrings).
  private var project: Substring {
    var path = endpoint[...]
    while path.utf8.last == UInt8(ascii: "/") { path = path.dropLast() }
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
    return path[path.utf8.index(after: slash)...]
  }
}

/// A field of a Cinder view, for its context.
typealias CinderField<Record> = ViewTableField<Record, CinderViewContext>

/// Cinder's faults: the same bodies as Nova's (`{"itemNotFound": {"code": 404, "message": ...}}`).
enum CinderFault {
  /// oslo.policy's refusal, as Cinder words it (403).
  static func policy(_ rule: String) -> APIResponse {
    .fault(403, "Policy doesn't allow \(rule) to be performed.")
  }

  /// A JSON-schema failure, as `cinder.api.validation` words it (400).
  static func invalidInput(_ field: String, _ value: String, _ reason: String) -> APIResponse {
    .fault(400, "Invalid input for field/attribute \(field). Value: \(value). \(reason)")
  }
}

/// Cinder's API v3 (microversions 3.0 to 3.71) under devstack's `/volume/v3/{project_id}`:
/// volume types with their extra specs and access, QoS specs, volumes scheduled on the cloud's
/// back ends, and the services.
enum BlockStorageService {
  static let minimumVersion = Microversion(3, 0)
  /// `cinder/api/openstack/api_version_request.py`'s `_MAX_API_VERSION`.
  static let maximumVersion = Microversion(3, 71)
  /// Where the views' links point in process.
  static let root = "http://devstack/volume"

  static let router: Router<CloudState> = {
    var router = Router<CloudState>()
    router.add(.get, "/v3", versionDocument)
    VolumeTypeAPI.register(in: &router)
    QoSSpecsAPI.register(in: &router)
    VolumeAPI.register(in: &router)
    SnapshotAPI.register(in: &router)
    TransferAPI.register(in: &router)
    CinderQuotaAPI.register(in: &router)
    BackupAPI.register(in: &router)
    EncryptionAPI.register(in: &router)
    AttachmentAPI.register(in: &router)
    router.add(.get, "/v3/{project_id}/os-services", listServices)
    router.add(.get, "/v3/{project_id}/os-availability-zone", ComputeService.listVolumeZones)
    router.add(.put, "/v3/{project_id}/os-services/{action}", updateService)
    router.add(.get, "/v3/{project_id}/messages", listMessages)
    return router
  }()

  /// The microversion a request asks for (`OpenStack-API-Version: volume X.Y`), 3.0 when it asks
  /// for none; Cinder's fault when it cannot be served.
  static func requestedVersion(_ request: APIRequest) -> Result<Microversion, FaultResponse> {
    guard let header = request.headers["OpenStack-API-Version"], let text = VersionHeader.version(header, service: "volume")
    else { return .success(minimumVersion) }
    guard let version = text == "latest" ? maximumVersion : Microversion(text) else {
      return .failure(
        FaultResponse(.fault(400, "API Version String \(text) is of invalid format. Must be of format MajorNum.MinorNum.")))
    }
    guard version >= minimumVersion, version <= maximumVersion else {
      return .failure(
        FaultResponse(
          .fault(406, "Version \(version) is not supported by the API. Minimum is \(minimumVersion) and maximum is \(maximumVersion).")))
    }
    return .success(version)
  }

  /// `versions.py`'s only version, v3.0, with its microversions.
  private static let version: JSON =
    .object([
      "id": "v3.0", "status": "CURRENT", "version": .string(maximumVersion.description),
      "min_version": .string(minimumVersion.description), "updated": "2023-08-31T00:00:00Z",
      "links": .array([
        .object(["rel": "describedby", "type": "text/html", "href": "https://docs.openstack.org/"]),
        .object(["rel": "self", "href": .string(root + "/v3/")]),
      ]),
      "media-types": .array([.object(["base": "application/json", "type": "application/vnd.openstack.volume+json;version=3"])]),
    ])

  /// `GET /`: every version, 300 Multiple Choices.
  static func versions() -> APIResponse { .json(300, .object(["versions": .array([version])])) }

  /// `GET /v3/`: the same list, 200, which keystoneauth reads the microversions from.
  static func versionDocument(_ state: inout CloudState, _ call: Call) -> APIResponse {
    .json(200, .object(["versions": .array([version])]))
  }

  /// Who asks, at which microversion, and where the links point.
  static func context(_ state: CloudState, _ call: Call) -> CinderViewContext {
    let caller = call.caller ?? Caller(userID: "", userName: "", projectID: "", projectName: "", roles: [])
    return CinderViewContext(
      version: state.volumeVersion, caller: caller, endpoint: "\(root)/v3/\(call.parameters["project_id"] ?? caller.projectID)",
      volumeTypes: state.blockStorage.types)
  }

  /// `views/messages.py`, from 3.3.
  static let messages = ViewTable<BlockStorageState.Message, CinderViewContext>(
    member: "message", collection: "messages",
    fields: [
      CinderField("id") { message, _ in .string(message.id) },
      CinderField("event_id") { message, _ in .string(message.eventID) },
      CinderField("user_message") { message, _ in .string(message.userMessage) },
      CinderField("message_level") { _, _ in "ERROR" },
      CinderField("created_at") { message, _ in VolumeAPI.timestamp(message.createdAt) },
      CinderField("guaranteed_until") { message, _ in
        VolumeAPI.timestamp(message.createdAt + BlockStorageState.messageLifetime)
      },
      CinderField("request_id") { message, _ in .string(message.requestID) },
      CinderField("links") { message, context in context.links("messages", message.id) },
      CinderField("resource_type") { message, _ in .string(message.resourceType) },
      CinderField("resource_uuid") { message, _ in .string(message.resourceUUID) },
    ],
    id: \.id, notFound: { "Message \($0) could not be found." })

  /// `GET /messages` (3.3): the messages of the caller's project (of every project for an
  /// admin), newest first, while they last. From 3.5 the query's other parameters filter by the
  /// message's columns (an unknown one matches nothing) and `marker`/`limit` page; before, they
  /// are not read, yet a `limit` the messages reach still gets a next link.
  static func listMessages(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let context = context(state, call)
    guard context.version >= Microversion(3, 3) else {
      return .fault(404, "API version \(context.version) is not supported on this method.")
    }
    if let fault = CinderPaging.limitFault(call) { return fault }
    let now = state.clock.now / 1_000_000
    let paged = context.version >= Microversion(3, 5)
    let filters = paged ? call.request.query.filter { !CinderPaging.parameters.contains($0.name) } : []
    let visible = state.blockStorage.messages.filter { message in
      message.createdAt + BlockStorageState.messageLifetime > now
        && (context.isAdmin || message.projectID == context.caller.projectID)
    }.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
    let kept = visible.filter { message in
      filters.allSatisfy { filter in messageColumns[filter.name].map { $0(message) == filter.value } ?? false }
    }
    let marker = call.query("marker") ?? ""
    return CinderPaging.page(
      messages.list(kept, call, context), collection: "messages", order: visible.map(\.id),
      known: { id in visible.contains { $0.id == id } }, notFound: "Message \(marker) could not be found.",
      call: call, context: context, applies: paged)
  }

  /// The message's columns a list filters by (`filter_by`, after `is_valid_model_filters`).
  private static let messageColumns: [String: @Sendable (BlockStorageState.Message) -> String] = [
    "project_id": { $0.projectID }, "request_id": { $0.requestID }, "resource_uuid": { $0.resourceUUID },
    "resource_type": { $0.resourceType }, "event_id": { $0.eventID }, "message_level": { _ in "ERROR" },
  ]

  /// The scheduler on the first back end's host, the backup service if the cloud runs one, and a
  /// volume service per back end host, in the order devstack starts them.
  static func services(_ storage: BlockStorageState) -> [(binary: String, host: String, zone: String)] {
    var hosts: [(binary: String, host: String, zone: String)] = []
    if let first = storage.backends.first {
      hosts.append(("cinder-scheduler", String(first.definition.serviceHost.split(separator: "@").first ?? ""), first.definition.availabilityZone))
    }
    if let backup = storage.backupService { hosts.append(("cinder-backup", backup.host, backup.zone)) }
    for backend in storage.backends where !hosts.contains(where: { $0.host == backend.definition.serviceHost }) {
      hosts.append(("cinder-volume", backend.definition.serviceHost, backend.definition.availabilityZone))
    }
    return hosts
  }

  /// `PUT /os-services/enable|disable|disable-log-reason` (admin): the service `host` and
  /// `binary` (or `service`) name; a disabled volume service gets no new volume.
  static func updateService(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let action = call.parameters["action"] ?? ""
    guard ["enable", "disable", "disable-log-reason"].contains(action) else {
      return .fault(404, "The resource could not be found.")
    }
    guard call.caller?.isAdmin ?? false else { return CinderFault.policy("volume_extension:services:update") }
    let body = call.request.body
    guard let host = body?["host"]?.string else { return .fault(400, "'host' is a required property") }
    let service = body?["service"]?.string ?? ""
    let binary = body?["binary"]?.string ?? ""
    let name = binary.isEmpty ? service : binary
    guard services(state.blockStorage).contains(where: { $0.host == host && $0.binary == name }) else {
      return .fault(404, "Service \(name) could not be found on host \(host).")
    }
    var answer: JSONObject = [
      "host": .string(host), "service": .string(service), "binary": .string(binary),
      "status": action == "enable" ? "enabled" : "disabled", "disabled": .bool(action != "enable"),
    ]
    switch action {
    case "enable": state.blockStorage.disabledServices["\(host) \(name)"] = nil
    case "disable": state.blockStorage.disabledServices["\(host) \(name)"] = .some(nil)
    default:
      let reason = body?["disabled_reason"]?.string
      state.blockStorage.disabledServices["\(host) \(name)"] = .some(reason)
      answer["disabled_reason"] = .orNull(reason)
    }
    return .json(200, .object(answer))
  }

  /// `GET /os-services` (admin; `host` and `binary` filters): the scheduler, and a volume service
  /// per back end, up and enabled, reporting every 10 seconds.
  static func listServices(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard call.caller?.isAdmin ?? false else { return CinderFault.policy("volume_extension:services:index") }
    let version = state.volumeVersion
    let updated = VirtualClock.isoSeconds(state.clock.now / 1_000_000 / 10 * 10, suffix: ".000000")
    let hosts = services(state.blockStorage)
    let host = call.query("host")
    let binary = call.query("binary")
    let services: [JSON] = hosts.filter { (host ?? $0.host) == $0.host && (binary ?? $0.binary) == $0.binary }.map { service in
      var fields: JSONObject = [
        "binary": .string(service.binary), "host": .string(service.host), "zone": .string(service.zone),
        "status": state.blockStorage.disabledServices["\(service.host) \(service.binary)"] == nil ? "enabled" : "disabled",
        "state": "up", "updated_at": .string(updated),
      ]
      if version >= Microversion(3, 49), service.binary == "cinder-volume" { fields["backend_state"] = "up" }
      if version >= Microversion(3, 7) { fields["cluster"] = .null }
      fields["disabled_reason"] = .orNull(state.blockStorage.disabledServices["\(service.host) \(service.binary)"] ?? nil)
      if service.binary == "cinder-volume" {
        fields["replication_status"] = "disabled"
        fields["active_backend_id"] = .null
        fields["frozen"] = false
      }
      return .object(fields)
    }
    return .json(200, .object(["services": .array(services)]))
  }
}
