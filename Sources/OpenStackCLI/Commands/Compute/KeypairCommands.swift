import CloudAPI
import Foundation

/// What the key pair commands share: requests at the SDK's `Keypair` microversion (2.10), and
/// `find_keypair` (`GET /os-keypairs/NAME`, then the list).
enum Keypairs {
  static func send(_ method: HTTPMethod, _ path: String, query: [(name: String, value: String)] = [], body: JSON? = nil,
    in context: CommandContext) throws -> APIResponse
  {
    try context.api.send(APIRequest(method, "/v2.1" + path, query: query, body: body), to: .compute, computeResource: .keypair)
  }

  static func call(_ method: HTTPMethod, _ path: String, query: [(name: String, value: String)] = [], body: JSON? = nil,
    in context: CommandContext) throws -> JSON
  {
    let response = try send(method, path, query: query, body: body, in: context)
    guard (200..<300).contains(response.status) else { throw ComputeLookup.sdkError(response, path: path) }
    return response.body ?? .null
  }

  static func find(_ name: String, user: String?, in context: CommandContext) throws -> JSON {
    let query = user.map { [(name: "user_id", value: $0)] } ?? []
    let direct = try send(.get, "/os-keypairs/\(name)", query: query, in: context)
    if direct.status == 200, let key = direct.body?["keypair"] { return key }
    guard [400, 403, 404].contains(direct.status) else { throw ComputeLookup.sdkError(direct, path: "/os-keypairs/\(name)") }
    let listed = try call(.get, "/os-keypairs", query: query, in: context)["keypairs"]?.array.compactMap { $0["keypair"] } ?? []
    return try ComputeLookup.exactMatch(listed, name, kind: "Keypair")
  }

  /// `--user`: the user's ID (2.10 and later).
  static func user(_ arguments: ParsedArguments, in context: CommandContext) throws -> String? {
    // The domain alone names no user, as in the client.
    let domain = arguments.value("--user-domain")
    guard let user = arguments.value("--user") else { return nil }
    guard try context.api.supportsComputeVersion(Microversion(2, 10)) else {
      throw CommandFailure(message: "--os-compute-api-version 2.10 or greater is required to support the --user option")
    }
    return try IdentityLookup.user.sdkID(user, domain: domain, in: context)
  }

  /// The SDK's `Keypair` attributes as `keypair show` lists them (the public key hidden), with
  /// the type's default.
  static func fields(_ key: JSON) -> JSONObject {
    [
      "created_at": key["created_at"] ?? .null, "fingerprint": key["fingerprint"] ?? .null, "id": key["name"] ?? .null,
      "is_deleted": key["deleted"] ?? .null, "name": key["name"] ?? .null, "private_key": key["private_key"] ?? .null,
      "type": key["type"] ?? "ssh", "user_id": key["user_id"] ?? .null,
    ]
  }
}

/// `openstack keypair create` (`CreateKeypair`): without a public key file, the client makes an
/// Ed25519 key pair, sends its public half and prints the private one. Here the pair is made
/// from the key's name (the same every run): an OpenSSH private key of the right form, not a
/// usable one.
enum KeypairCreate: OpenStackCommand {
  static let name = "keypair create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating, types: ["--type": .choices(["ssh", "x509"])])
  /// Both read or write a local file.
  static let refusedOptions: Set<String> = ["--public-key", "--private-key"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let name = arguments.value("<name>") ?? ""
    let generated = GeneratedKeypair(name: name)
    var body: JSONObject = ["name": .string(name), "public_key": .string(generated.publicKey)]
    if let type = arguments.value("--type") {
      guard try context.api.supportsComputeVersion(Microversion(2, 2)) else {
        throw CommandFailure(message: "--os-compute-api-version 2.2 or greater is required to support the --type option")
      }
      body["type"] = .string(type)
    }
    if let user = try Keypairs.user(arguments, in: context) { body["user_id"] = .string(user) }
    _ = try Keypairs.call(.post, "/os-keypairs", body: .object(["keypair": .object(body)]), in: context)
    // cliff shows no columns: an empty table is a newline, JSON and YAML an empty mapping.
    switch context.format {
    case "table": return .text(generated.privateKey + "\n")
    case "json", "yaml": return .text(generated.privateKey + "{}\n")
    default: return .text(generated.privateKey)
    }
  }
}

/// An Ed25519 key pair in OpenSSH's formats, its bytes drawn from the key's name.
struct GeneratedKeypair {
  var publicKey: String
  var privateKey: String

  init(name: String) {
    // SplitMix64 seeded with the name's FNV-1a hash: the same bytes for the same name.
    var state = name.utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    func bytes(_ count: Int) -> [UInt8] {
      (0..<count).map { _ in
        state &+= 0x9e37_79b9_7f4a_7c15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
        return UInt8(truncatingIfNeeded: mixed ^ (mixed >> 31))
      }
    }
    let seed = bytes(32)
    let key = bytes(32)
    func string(_ bytes: [UInt8]) -> [UInt8] {
      let count = UInt32(bytes.count)
      return [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: count >> $0) } + bytes
    }
    let type = Array("ssh-ed25519".utf8)
    let blob = string(type) + string(key)
    publicKey = "ssh-ed25519 " + Data(blob).base64EncodedString()
    let check = Array(seed.prefix(4))
    var section = check + check + string(type) + string(key) + string(seed + key) + string([])
    var pad: UInt8 = 1
    while section.count % 8 != 0 {
      section.append(pad)
      pad += 1
    }
    let none = Array("none".utf8)
    let whole = Array("openssh-key-v1".utf8) + [0] + string(none) + string(none) + string([]) + [0, 0, 0, 1] + string(blob) + string(section)
    let encoded = Data(whole).base64EncodedString()
    var lines: [Substring] = []
    var rest = Substring(encoded)
    while !rest.isEmpty {
      lines.append(rest.prefix(70))
      rest = rest.dropFirst(70)
    }
    privateKey = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + lines.joined(separator: "\n") + "\n-----END OPENSSH PRIVATE KEY-----\n"
  }
}

/// `openstack keypair list` (`ListKeypair`): the user's keys, another user's with `--user`.
enum KeypairList: OpenStackCommand {
  static let name = "keypair list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating,
    types: ["--limit": .nonNegativeInt(option: "--limit"), "--max-items": .nonNegativeInt(option: "--max-items")])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    func gate(_ option: String, _ version: Microversion) throws {
      guard try context.api.supportsComputeVersion(version) else {
        throw CommandFailure(message: "--os-compute-api-version \(version) or greater is required to support the \(option) option")
      }
    }
    let marker = arguments.value("--marker").flatMap { $0.isEmpty ? nil : $0 }
    if marker != nil { try gate("--marker", Microversion(2, 35)) }
    let limit = arguments.value("--limit").flatMap(Int.init).flatMap { $0 == 0 ? nil : $0 }
    if limit != nil { try gate("--limit", Microversion(2, 35)) }
    let maxItems = arguments.value("--max-items").flatMap(Int.init)
    // The SDK's parameters in its query mapping's order (`limit`, `marker`, `user_id`), the most
    // items wanted added last as the limit when none was given.
    func query(user: String?) -> [(name: String, value: String)] {
      var query: [(name: String, value: String)] = []
      if let limit { query.append((name: "limit", value: String(limit))) }
      if let marker { query.append((name: "marker", value: marker)) }
      if let user { query.append((name: "user_id", value: user)) }
      if limit == nil, let maxItems, maxItems > 0 { query.append((name: "limit", value: String(maxItems))) }
      return query
    }
    var keys: [JSON] = []
    // The domain alone names no project, as in the client.
    let projectDomain = arguments.value("--project-domain")
    if let project = arguments.value("--project") {
      try gate("--project", Microversion(2, 10))
      // Nova lists one user's keys: the client asks for those of each user with a role on the
      // project (in the order of a Python set of their IDs, which differs from run to run; here
      // the assignments' order), `--marker` for each of them.
      let projectID = try IdentityLookup.project.sdkID(project, domain: projectDomain, in: context)
      let assignments = try Keystone.call(.get, "/role_assignments", query: [(name: "scope.project.id", value: projectID)], in: context)
      var users: [String] = []
      for assignment in assignments["role_assignments"]?.array ?? [] {
        if let user = assignment["user"]?["id"]?.string, !users.contains(user) { users.append(user) }
      }
      for user in users {
        keys += try list(query(user: user), limit: limit, maxItems: maxItems, in: context)
      }
    } else {
      keys = try list(query(user: try Keypairs.user(arguments, in: context)), limit: limit, maxItems: maxItems, in: context)
    }
    var columns = ["Name", "Fingerprint"]
    let typed = try context.api.supportsComputeVersion(Microversion(2, 2))
    if typed { columns.append("Type") }
    let rows = keys.map { key -> [JSON] in
      [key["name"] ?? .null, key["fingerprint"] ?? .null] + (typed ? [key["type"] ?? "ssh"] : [])
    }
    return .list(columns: columns, rows: rows)
  }

  /// One user's keys as `compute_client.keypairs(**kwargs)` gives them: one page without a
  /// limit (Nova's `keypairs_links` only for a full page of 1,000), else page after page, by the
  /// `next` link or the last key's name, until one comes back empty or the most items wanted are
  /// there.
  private static func list(
    _ query: [(name: String, value: String)], limit: Int?, maxItems: Int?, in context: CommandContext
  ) throws -> [JSON] {
    let wanted = maxItems.flatMap { $0 == 0 ? nil : $0 }
    guard limit != nil || wanted != nil else {
      let response = try Keypairs.send(.get, "/os-keypairs", query: query, in: context)
      guard (200..<300).contains(response.status) else {
        // The SDK's error names the URL with its query.
        let encoded = query.map { PythonURL.quotePlus($0.name) + "=" + PythonURL.quotePlus($0.value) }.joined(separator: "&")
        throw ComputeLookup.sdkError(response, path: "/os-keypairs" + (query.isEmpty ? "" : "?" + encoded))
      }
      return response.body?["keypairs"]?.array.compactMap { $0["keypair"] } ?? []
    }
    let paging = SDKPaging(
      service: .compute, path: "/v2.1/os-keypairs", itemsKey: "keypairs", idKey: "name",
      nextLink: { page in page["keypairs_links"]?.array.first { $0["rel"] == "next" }?["href"]?.string },
      computeResource: .keypair, itemWrapper: "keypair")
    return try paging.items(query: query, maxItems: wanted ?? Int.max, limit: limit, in: context).compactMap { $0["keypair"] }
  }
}

/// `openstack keypair show` (`ShowKeypair`): the key without its public half, or only that
/// with `--public-key`.
enum KeypairShow: OpenStackCommand {
  static let name = "keypair show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let user = try Keypairs.user(arguments, in: context)
    let key = try Keypairs.find(arguments.value("<key>") ?? "", user: user, in: context)
    if arguments.flag("--public-key") {
      let text = key["public_key"]?.string ?? ""
      switch context.format {
      case "table": return .text(text + "\n")
      case "json", "yaml": return .text(text + "{}\n")
      default: return .text(text)
      }
    }
    return .show(Keypairs.fields(key))
  }
}

/// `openstack keypair delete` (`DeleteKeypair`): each key by name, failures logged and counted.
enum KeypairDelete: OpenStackCommand {
  static let name = "keypair delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let user = try Keypairs.user(arguments, in: context)
    let names = arguments.values("<key>")
    var failed = 0
    for name in names {
      do {
        let query = user.map { [(name: "user_id", value: $0)] } ?? []
        _ = try Keypairs.call(.delete, "/os-keypairs/\(name)", query: query, in: context)
      } catch let failure as CommandFailure {
        failed += 1
        context.log("Failed to delete key with name '\(name)': \(failure.message)")
      }
    }
    if failed > 0 { throw CommandFailure(message: "\(failed) of \(names.count) keys failed to delete.") }
    return .nothing
  }
}
