import CloudAPI

/// Nova's remote consoles (`remote_consoles.py`): from 2.6 `POST /servers/{id}/remote-consoles`,
/// before it the `os-get*Console` actions. devstack serves noVNC only (`[vnc] enabled`, its proxy
/// on the controller's port 6080); SPICE, serial and MKS consoles are not enabled, RDP never is,
/// and the VNC handler knows no other type. A console needs the server on a host; the libvirt
/// guest keeps its VNC graphics whatever its power, so a stopped server has a URL too.
enum RemoteConsoleAPI {
  static func register(in router: inout Router<CloudState>) {
    router.add(.post, "/v2.1/servers/{id}/remote-consoles", create)
  }

  /// The protocols and types the request schema takes at the request's microversion.
  private static func schema(_ version: Microversion) -> (protocols: [String], types: [String]) {
    var protocols = ["vnc", "spice", "serial", "rdp"]
    var types = ["novnc", "xvpvnc", "rdp-html5", "spice-html5", "serial"]
    if version >= Microversion(2, 8) {
      protocols.append("mks")
      types.append("webmks")
    }
    if version >= Microversion(2, 99) { types.append("spice-direct") }
    return (protocols, types)
  }

  static func create(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let version = state.computeVersion
    guard version >= Microversion(2, 6) else { return .fault(404, "The resource could not be found.") }
    guard let server = ComputeService.server(state, call) else { return ComputeService.instanceNotFound(call) }
    let body = call.request.body?["remote_console"] ?? .null
    let allowed = schema(version)
    for (field, choices) in [("protocol", allowed.protocols), ("type", allowed.types)] {
      guard let value = body[field] else {
        return .fault(400, "Invalid input for field/attribute remote_console. Value: \(PythonValue.str(body)). '\(field)' is a required property")
      }
      guard let text = value.string, choices.contains(text) else {
        let list = "[" + choices.map { "'\($0)'" }.joined(separator: ", ") + "]"
        return .fault(400, "Invalid input for field/attribute \(field). Value: \(PythonValue.str(value)). \(PythonValue.repr(value)) is not one of \(list)")
      }
    }
    let (proto, type) = (body["protocol"]?.string ?? "", body["type"]?.string ?? "")
    if proto == "rdp" { return .fault(400, "Unavailable console type rdp.") }
    switch console(type: type, for: server, in: &state) {
    case .success(let url):
      return .json(200, .object(["remote_console": .object(["protocol": .string(proto), "type": .string(type), "url": .string(url)])]))
    case .failure(let fault): return fault.response
    }
  }

  /// `os-getVNCConsole`, `os-getSPICEConsole`, `os-getRDPConsole`, `os-getSerialConsole` (2.1 to
  /// 2.5): the console's type and URL. RDP answers webob's bare 400 (its driver is gone); the VNC
  /// action does not expect an invalid type, which is its 500.
  static func action(_ key: String, _ body: JSONObject, on server: ComputeState.Server, _ state: inout CloudState) -> APIResponse {
    guard state.computeVersion < Microversion(2, 6) else { return .fault(404, "The resource could not be found.") }
    let type = body[key]?["type"]?.string ?? ""
    if key == "os-getRDPConsole" {
      return .fault(400, "The server could not comply with the request since it is either malformed or otherwise incorrect.")
    }
    if type == "xvpvnc", server.host != nil {
      return .fault(
        500,
        "Unexpected API Error. Please report this at http://bugs.launchpad.net/nova/ and attach the Nova API log if possible.\n<class 'nova.exception.ConsoleTypeInvalid'>"
      )
    }
    switch console(type: type, for: server, in: &state) {
    case .success(let url): return .json(200, .object(["console": .object(["type": .string(type), "url": .string(url)])]))
    case .failure(let fault): return fault.response
    }
  }

  static let actions: Set<String> = ["os-getVNCConsole", "os-getSPICEConsole", "os-getRDPConsole", "os-getSerialConsole"]

  /// The compute host's answer: a token in the noVNC proxy's URL (in its `path`, as noVNC 1.1
  /// wants it), or why not.
  private static func console(type: String, for server: ComputeState.Server, in state: inout CloudState) -> Result<String, FaultResponse> {
    guard server.host != nil else { return .failure(FaultResponse(.fault(409, "Instance \(server.id) is not ready"))) }
    switch type {
    case "novnc":
      let base = "http://\(ComputeState.hostIP(0)):6080/vnc_lite.html"
      return .success(base + "?path=%3Ftoken%3D" + state.ids.uuid())
    case "xvpvnc": return .failure(FaultResponse(.fault(400, "Invalid console type xvpvnc")))
    default: return .failure(FaultResponse(.fault(400, "Unavailable console type \(type).")))
    }
  }
}
