import CloudAPI
import Foundation

extension ComputeState {
  /// A user's key pair (`nova.objects.KeyPair`): imported, Nova generates none from 2.92.
  struct Keypair {
    var id: Int
    var name: String
    var userID: String
    var type: String
    var publicKey: String
    var fingerprint: String
    var created: Int64
  }
}

extension ComputeState {
  /// The cloud file's key pairs, imported by their users before the page begins.
  mutating func importKeypairs(_ keys: [CloudDefinition.Keypair], identity: IdentityState, now: Int64) {
    for key in keys {
      guard let user = identity.users.first(where: { $0.name == key.user }),
        let fingerprint = SSHPublicKey.fingerprint(key.publicKey)
      else { continue }
      keypairs.append(
        Keypair(
          id: keypairs.count + 1, name: key.name, userID: user.id, type: "ssh", publicKey: key.publicKey,
          fingerprint: fingerprint, created: now))
    }
  }
}

/// Nova's `os-keypairs` (`keypairs.py`, `views/keypairs.py`): a user's keys by name; an admin
/// names another user with `user_id` (2.10). The fingerprint is the MD5 of the key's blob.
extension ComputeService {
  static func registerKeypairs(in router: inout Router<CloudState>) {
    router.add(.get, "/v2.1/os-keypairs", listKeypairs)
    router.add(.post, "/v2.1/os-keypairs", createKeypair)
    router.add(.get, "/v2.1/os-keypairs/{name}", showKeypair)
    router.add(.delete, "/v2.1/os-keypairs/{name}", deleteKeypair)
  }

  /// The user whose keys a request is about: the caller, or for an admin the `user_id` given.
  private static func keyOwner(_ call: Call, userID: String?) -> Result<String, FaultResponse> {
    guard let caller = call.caller else { return .failure(FaultResponse(.unauthenticated())) }
    guard let userID, userID != caller.userID else { return .success(caller.userID) }
    guard caller.isAdmin else {
      return .failure(FaultResponse(.fault(403, "Policy doesn't allow os_compute_api:os-keypairs:index to be performed.")))
    }
    return .success(userID)
  }

  private static func keypairView(_ key: ComputeState.Keypair, _ fields: [String], _ version: Microversion) -> JSON {
    var body: JSONObject = [:]
    for field in fields + (version >= Microversion(2, 2) ? ["type"] : []) {
      switch field {
      case "name": body["name"] = .string(key.name)
      case "public_key": body["public_key"] = .string(key.publicKey)
      case "fingerprint": body["fingerprint"] = .string(key.fingerprint)
      case "user_id": body["user_id"] = .string(key.userID)
      case "created_at": body["created_at"] = .string(VirtualClock.isoDatabase(key.created))
      case "deleted": body["deleted"] = false
      case "id": body["id"] = .int(key.id)
      case "type": body["type"] = .string(key.type)
      default: body[field] = .null
      }
    }
    return .object(body)
  }

  private static let showFields = ["name", "public_key", "fingerprint", "user_id", "created_at", "deleted", "deleted_at", "id", "updated_at"]

  static func listKeypairs(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch keyOwner(call, userID: call.query("user_id")) {
    case .failure(let fault): return fault.response
    case .success(let owner):
      let version = state.computeVersion
      var keys = state.compute.keypairs.filter { $0.userID == owner }.sorted { $0.name < $1.name }
      var links: [JSON] = []
      if version >= Microversion(2, 35) {
        switch page(&keys, call, endpoint: state.endpoints[.compute] ?? ServerView.endpoint) {
        case .failure(let fault): return fault.response
        case .success(let next): links = next.map { [.object(["rel": "next", "href": .string($0)])] } ?? []
        }
      }
      let items = keys.map { JSON.object(["keypair": keypairView($0, ["name", "public_key", "fingerprint"], version)]) }
      var body: JSONObject = ["keypairs": .array(items)]
      if !links.isEmpty { body["keypairs_links"] = .array(links) }
      return .json(200, .object(body))
    }
  }

  /// From 2.35, `get_limit_and_marker` (the limit at most `max_limit`, 1000) over the keys by
  /// name, after the marker's (`Marker NAME could not be found.`); `_get_collection_links`: a
  /// `next` link when the page holds as many keys as asked, the request's parameters sorted and
  /// `marker` the last key's name.
  private static func page(_ keys: inout [ComputeState.Keypair], _ call: Call, endpoint: String) -> Result<String?, FaultResponse> {
    var limit = 1000
    if let text = call.query("limit") {
      guard let number = Int(text), text.utf8.allSatisfy({ (48...57).contains($0) }) else {
        return .failure(FaultResponse(.fault(400, "Invalid input for query parameters limit. Value: \(text). '\(text)' does not match '^[0-9]*$'")))
      }
      limit = min(number, 1000)
    }
    if let marker = call.query("marker") {
      guard let found = keys.first(where: { $0.name == marker }) else {
        return .failure(FaultResponse(.fault(400, "Marker \(marker) could not be found.")))
      }
      keys = keys.filter { $0.name > found.name }
    }
    keys = Array(keys.prefix(limit))
    guard limit > 0, keys.count == limit, let last = keys.last else { return .success(nil) }
    return .success(endpoint + "/v2.1/os-keypairs?" + NovaNextLink.query(call, marker: last.name))
  }

  static func showKeypair(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch keyOwner(call, userID: call.query("user_id")) {
    case .failure(let fault): return fault.response
    case .success(let owner):
      let name = call.parameters["name"] ?? ""
      guard let key = state.compute.keypairs.first(where: { $0.name == name && $0.userID == owner }) else {
        return .fault(404, "Keypair \(name) not found for user \(owner)")
      }
      return .json(200, .object(["keypair": keypairView(key, showFields, state.computeVersion)]))
    }
  }

  static func deleteKeypair(_ state: inout CloudState, _ call: Call) -> APIResponse {
    switch keyOwner(call, userID: call.query("user_id")) {
    case .failure(let fault): return fault.response
    case .success(let owner):
      let name = call.parameters["name"] ?? ""
      guard let index = state.compute.keypairs.firstIndex(where: { $0.name == name && $0.userID == owner }) else {
        return .fault(404, "Keypair \(name) not found for user \(owner)")
      }
      state.compute.keypairs.remove(at: index)
      // 202 below 2.2, 204 from it.
      return state.computeVersion >= Microversion(2, 2) ? .noContent() : APIResponse(status: 202)
    }
  }

  /// An imported key: its name unique for its user, its key one `load_ssh_public_key` reads.
  static func createKeypair(_ state: inout CloudState, _ call: Call) -> APIResponse {
    let body = call.request.body?["keypair"]?.object ?? [:]
    switch keyOwner(call, userID: body["user_id"]?.string) {
    case .failure(let fault): return fault.response
    case .success(let owner):
      guard let name = body["name"]?.string, !name.isEmpty else {
        return .fault(400, "Invalid input for field/attribute keypair. Value: \(PythonValue.str(.object(body))). 'name' is a required property")
      }
      guard let publicKey = body["public_key"]?.string else {
        return .fault(400, "Invalid input for field/attribute keypair. Value: \(PythonValue.str(.object(body))). 'public_key' is a required property")
      }
      guard !state.compute.keypairs.contains(where: { $0.name == name && $0.userID == owner }) else {
        return .fault(409, "Key pair '\(name)' already exists.")
      }
      guard let fingerprint = SSHPublicKey.fingerprint(publicKey) else {
        return .fault(400, "Keypair data is invalid: failed to generate fingerprint")
      }
      let key = ComputeState.Keypair(
        id: (state.compute.keypairs.map(\.id).max() ?? 0) + 1, name: name, userID: owner,
        type: body["type"]?.string ?? "ssh", publicKey: publicKey, fingerprint: fingerprint, created: state.clock.now)
      state.compute.keypairs.append(key)
      var fields: JSONObject = [:]
      if state.computeVersion >= Microversion(2, 2) { fields["type"] = .string(key.type) }
      for (field, value) in keypairView(key, ["name", "public_key", "fingerprint", "user_id"], Microversion(2, 1)).object {
        fields[field] = value
      }
      return .json(200, .object(["keypair": .object(fields)]))
    }
  }
}

/// An OpenSSH public key line (`ssh-ed25519 AAAA... comment`).
enum SSHPublicKey {
  /// Nova's `generate_fingerprint`: the MD5 of the decoded blob, in pairs of hex digits joined
  /// by colons; `nil` for a line whose blob does not name its own key type.
  static func fingerprint(_ line: String) -> String? {
    let parts = line.split(separator: " ", omittingEmptySubsequences: false)
    guard parts.count >= 2, let blob = Data(base64Encoded: String(parts[1])), blob.count > 4 else { return nil }
    let bytes = [UInt8](blob)
    let length = Int(bytes[0]) << 24 | Int(bytes[1]) << 16 | Int(bytes[2]) << 8 | Int(bytes[3])
    guard length > 0, 4 + length <= bytes.count,
      String(decoding: bytes[4..<(4 + length)], as: UTF8.self) == parts[0]
    else { return nil }
    let hex = MD5.digest(bytes).map { String(format: "%02x", $0) }
    return hex.joined(separator: ":")
  }
}

/// MD5 (RFC 1321), for Nova's key fingerprints; no package this project may use offers it.
enum MD5 {
  private static let shifts: [UInt32] = [
    7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
    4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
  ]
  private static let constants: [UInt32] = (0..<64).map { UInt32(truncatingIfNeeded: Int64(abs(sin(Double($0 + 1))) * 4_294_967_296)) }

  static func digest(_ message: [UInt8]) -> [UInt8] {
    var state: [UInt32] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476]
    var padded = message + [0x80]
    while padded.count % 64 != 56 { padded.append(0) }
    let bits = UInt64(message.count) &* 8
    for shift in stride(from: 0, through: 56, by: 8) { padded.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    for block in stride(from: 0, to: padded.count, by: 64) {
      let words = (0..<16).map { index -> UInt32 in
        let offset = block + index * 4
        return UInt32(padded[offset]) | UInt32(padded[offset + 1]) << 8 | UInt32(padded[offset + 2]) << 16
          | UInt32(padded[offset + 3]) << 24
      }
      var (a, b, c, d) = (state[0], state[1], state[2], state[3])
      for round in 0..<64 {
        var f: UInt32
        let g: Int
        switch round {
        case 0..<16: (f, g) = ((b & c) | (~b & d), round)
        case 16..<32: (f, g) = ((d & b) | (~d & c), (5 * round + 1) % 16)
        case 32..<48: (f, g) = (b ^ c ^ d, (3 * round + 5) % 16)
        default: (f, g) = (c ^ (b | ~d), (7 * round) % 16)
        }
        f = f &+ a &+ constants[round] &+ words[g]
        (a, d, c) = (d, c, b)
        b = b &+ (f << shifts[round] | f >> (32 - shifts[round]))
      }
      state[0] = state[0] &+ a
      state[1] = state[1] &+ b
      state[2] = state[2] &+ c
      state[3] = state[3] &+ d
    }
    return state.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (8 * UInt32($0))) } }
  }
}
