import Foundation
import Yams

#if canImport(Glibc)
  import Glibc
#endif

/// Why a cloud file cannot be read: the file, the line, and what is wrong there, on one line
/// (control characters, which a file name or a YAML error can carry, escaped).
public struct CloudFileError: Error, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var reason: String
  /// Why the file itself could not be read (missing, a directory...), as the system says it;
  /// `nil` when it was read and its content is wrong.
  public var unreadable: String?

  public init(file: String, line: Int? = nil, reason: String) {
    self.file = Self.escaped(file)
    self.line = line
    self.reason = Self.escaped(reason)
  }

  static func unreadable(_ file: String, because cause: String) -> CloudFileError {
    var error = CloudFileError(file: file, reason: "cannot read the cloud file (\(cause))")
    error.unreadable = cause
    return error
  }

  public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(reason)" }

  /// `text` with its control characters (and line and paragraph separators) written as escapes,
  /// so that a message stays one line and a terminal never acts on it.
  public static func escaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _ where isControl(scalar): result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .lineSeparator, .paragraphSeparator: true
    default: false
    }
  }
}

extension CloudDefinition {
  /// Reads the cloud file at `path` (see ``init(yaml:file:)``).
  public init(contentsOfFile path: String) throws(CloudFileError) {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw .unreadable(path, because: Self.reason(reading: path, error))
    }
    guard let text = String(validating: data, as: UTF8.self) else {
      let line = 1 + Self.validUTF8Prefix(of: data).count { $0 == UInt8(ascii: "\n") }
      throw CloudFileError(file: path, line: line, reason: "the cloud file is not UTF-8 text")
    }
    try self.init(yaml: text, file: path)
  }

  /// What stopped a file from being read, as the system says it (Foundation's own words are
  /// "The operation could not be completed").
  private static func reason(reading path: String, _ error: any Error) -> String {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return String(cString: strerror(errno)) }
    defer { close(descriptor) }
    var status = stat()
    if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { return String(cString: strerror(EISDIR)) }
    return error.localizedDescription
  }

  /// The bytes before the first that is not UTF-8.
  private static func validUTF8Prefix(of data: Data) -> Data.SubSequence {
    var iterator = data.makeIterator()
    var decoder = UTF8()
    var length = 0
    while case .scalarValue(let scalar) = decoder.decode(&iterator) {
      length += UTF8.width(scalar)
    }
    return data.prefix(length)
  }

  /// Reads a cloud file: YAML with the sections `users`, `clouds`, `networks`, `share_types`,
  /// `backends`, `default_share_type`, `default_user`, `compute_hosts` (memory in MiB, disk in
  /// GiB), `keypairs` (each user's imported OpenSSH public keys), `volume_backends`, `volume_types`, `default_volume_type`, `volume_backup_host` and `shelved_offload_time` (Nova's: 0, devstack's, or negative). A section left out keeps
  /// devstack's
  /// (`clouds`: devstack's entries for the file's users).
  ///
  /// Everything the cloud later relies on is checked here, so that a file it cannot use is an
  /// error naming its line rather than a crash on the first command that needs the value: names
  /// are not empty and, where the cloud looks them up by name, unique; projects, users and share
  /// types named exist; subnets are CIDRs with their gateway inside; sizes are not negative.
  ///
  /// ```yaml
  /// users:
  ///   - {name: clouduser1, password: secret, project: demo, roles: [member, reader]}
  /// clouds:
  ///   - {name: devstack, user: clouduser1, project: demo}
  /// networks:
  ///   - name: private
  ///     project: demo
  ///     subnets:
  ///       - {name: private-subnet, cidr: 10.0.0.0/26, gateway: 10.0.0.1}
  /// share_types:
  ///   - name: dhss_false
  ///     driver_handles_share_servers: false
  ///     extra_specs: {snapshot_support: "True"}
  /// backends:
  ///   - {host: "devstack@alpha#pool", availability_zone: manila-zone-0,
  ///      driver_handles_share_servers: false, capacity: 1000}
  /// ```
  public init(yaml: String, file: String) throws(CloudFileError) {
    let root: Node?
    do {
      root = try Yams.compose(yaml: yaml)
    } catch {
      let (line, reason) = Self.problem(in: error, yaml: yaml)
      throw CloudFileError(file: file, line: line, reason: "not YAML: \(reason)")
    }
    let reader = CloudFileReader(file: file)
    self = .devstack
    guard let root else { return }
    let sections = try reader.mapping(
      root, in: "the cloud file",
      keys: [
        "users", "clouds", "networks", "share_types", "backends", "default_share_type", "default_user", "compute_hosts",
        "keypairs", "volume_backends", "volume_types", "default_volume_type", "volume_backup_host", "shelved_offload_time",
      ])
    if let users = sections["users"] {
      let entries = try reader.list(users, in: "users").map { node throws(CloudFileError) in
        let fields = try reader.mapping(node, in: "a user", keys: ["name", "password", "project", "roles"])
        let user = User(
          name: try reader.name(fields, "name", of: node, in: "a user"),
          password: try reader.optionalText(fields, "password") ?? "secret",
          project: try reader.name(fields, "project", of: node, in: "a user"),
          roles: try fields["roles"].map { node throws(CloudFileError) in
            try reader.list(node, in: "roles").map { role throws(CloudFileError) in
              let name = try reader.scalar(role, in: "roles")
              guard !name.isEmpty else { throw reader.error(role, "a role must not be empty") }
              return name
            }
          } ?? ["member", "reader"])
        return (user, fields["name"] ?? node)
      }
      try reader.unique(entries, \.name, "user")
      self.users = entries.map(\.0)
    }
    if let networks = sections["networks"] {
      let projects = Set(self.users.map(\.project))
      self.networks = try reader.list(networks, in: "networks").map { node throws(CloudFileError) in
        let fields = try reader.mapping(node, in: "a network", keys: ["name", "project", "shared", "external", "subnets"])
        let project = try reader.optionalText(fields, "project")
        if let project, !projects.contains(project) {
          throw reader.error(fields["project"] ?? node, "the project '\(project)' is not among the users' projects")
        }
        return Network(
          name: try reader.name(fields, "name", of: node, in: "a network"),
          project: project,
          shared: try reader.flag(fields, "shared") ?? false,
          external: try reader.flag(fields, "external") ?? false,
          subnets: try fields["subnets"].map { node throws(CloudFileError) in
            try reader.list(node, in: "subnets").map { subnet throws(CloudFileError) in try reader.subnet(subnet) }
          } ?? [])
      }
    }
    if let types = sections["share_types"] {
      let entries = try reader.list(types, in: "share_types").map { node throws(CloudFileError) in
        let fields = try reader.mapping(
          node, in: "a share type", keys: ["name", "driver_handles_share_servers", "extra_specs", "public", "description"])
        var specs: [(String, String)] = []
        if let extra = fields["extra_specs"] {
          for (key, value) in try reader.orderedMapping(extra, in: "extra_specs") {
            guard !key.isEmpty else { throw reader.error(value, "an extra spec's name must not be empty") }
            specs.append((key, try reader.scalar(value, in: "extra_specs")))
          }
        }
        let type = ShareType(
          name: try reader.name(fields, "name", of: node, in: "a share type"),
          driverHandlesShareServers: try reader.flag(fields, "driver_handles_share_servers") ?? false,
          extraSpecs: specs, isPublic: try reader.flag(fields, "public") ?? true,
          description: try reader.optionalText(fields, "description"))
        return (type, fields["name"] ?? node)
      }
      try reader.unique(entries, \.name, "share type")
      self.shareTypes = entries.map(\.0)
    }
    if let backends = sections["backends"] {
      let entries = try reader.list(backends, in: "backends").map { node throws(CloudFileError) in
        let fields = try reader.mapping(
          node, in: "a back end",
          keys: ["host", "availability_zone", "driver_handles_share_servers", "capacity", "capabilities", "share_used_space"])
        var capabilities: [(String, String)] = []
        if let reported = fields["capabilities"] {
          for (key, value) in try reader.orderedMapping(reported, in: "capabilities") {
            guard !key.isEmpty else { throw reader.error(value, "a capability's name must not be empty") }
            capabilities.append((key, try reader.scalar(value, in: "capabilities")))
          }
        }
        var backend = Backend(
          host: try reader.name(fields, "host", of: node, in: "a back end"),
          availabilityZone: try reader.name(fields, "availability_zone", of: node, in: "a back end"),
          driverHandlesShareServers: try reader.flag(fields, "driver_handles_share_servers") ?? false,
          capacity: try fields["capacity"].map { node throws(CloudFileError) in try reader.size(node, "capacity") } ?? 1000)
        backend.capabilities = capabilities
        backend.shareUsedSpace = try fields["share_used_space"].map { node throws(CloudFileError) in
          try reader.size(node, "share_used_space")
        } ?? 0
        return (backend, fields["host"] ?? node)
      }
      try reader.unique(entries, \.host, "back end")
      self.backends = entries.map(\.0)
    }
    if let hosts = sections["compute_hosts"] {
      let entries = try reader.list(hosts, in: "compute_hosts").map { node throws(CloudFileError) in
        let fields = try reader.mapping(node, in: "a compute host", keys: ["name", "availability_zone", "vcpus", "memory", "disk", "file_backed_memory"])
        func size(_ key: String) throws(CloudFileError) -> Int {
          guard let value = fields[key] else { throw reader.error(node, "a compute host needs '\(key)'") }
          return try reader.size(value, key)
        }
        let host = ComputeHost(
          name: try reader.name(fields, "name", of: node, in: "a compute host"),
          availabilityZone: try fields["availability_zone"] == nil
            ? "nova" : reader.name(fields, "availability_zone", of: node, in: "a compute host"),
          vcpus: try size("vcpus"), memory: try size("memory"), disk: try size("disk"),
          fileBackedMemory: try reader.flag(fields, "file_backed_memory") ?? false)
        return (host, fields["name"] ?? node)
      }
      try reader.unique(entries, \.name, "compute host")
      computeHosts = entries.map(\.0)
    }
    if let keys = sections["keypairs"] {
      keypairs = try reader.list(keys, in: "keypairs").map { node throws(CloudFileError) in
        let fields = try reader.mapping(node, in: "a key pair", keys: ["name", "user", "public_key"])
        let key = Keypair(
          name: try reader.name(fields, "name", of: node, in: "a key pair"),
          user: try reader.name(fields, "user", of: node, in: "a key pair"),
          publicKey: try reader.name(fields, "public_key", of: node, in: "a key pair"))
        guard users.contains(where: { $0.name == key.user }) else {
          throw reader.error(node, "the key pair's user '\(key.user)' is not among the users")
        }
        guard SSHPublicKey.fingerprint(key.publicKey) != nil else {
          throw reader.error(node, "the key pair's public_key is not an OpenSSH public key line")
        }
        return key
      }
    }
    if let offload = sections["shelved_offload_time"] {
      let seconds = try reader.number(offload, in: "shelved_offload_time")
      guard seconds <= 0 else {
        throw reader.error(
          offload, "'shelved_offload_time' must be 0 (offload at once) or negative (never): the periodic offload is not simulated")
      }
      shelvedOffloadTime = seconds
    }
    try readBlockStorage(sections, reader, root: root)
    if let name = sections["default_share_type"], name.null == nil {
      let type = try reader.scalar(name, in: "default_share_type")
      guard shareTypes.contains(where: { $0.name == type }) else {
        throw reader.error(name, "the default share type '\(type)' is not among the share types")
      }
      defaultShareType = type
    }
    defaultUser = try reader.optionalText(sections, "default_user") ?? defaultUser
    guard users.contains(where: { $0.name == defaultUser }) else {
      throw reader.error(sections["default_user"] ?? root, "the default user '\(defaultUser)' is not among the users")
    }
    clouds = Self.devstackClouds(users: users, defaultUser: defaultUser)
    if let entries = sections["clouds"] {
      let users = self.users
      let named = try reader.list(entries, in: "clouds").map { node throws(CloudFileError) in
        let fields = try reader.mapping(node, in: "a cloud", keys: ["name", "user", "project"])
        let name = try reader.text(fields, "user", of: node, in: "a cloud")
        guard let user = users.first(where: { $0.name == name }) else {
          throw reader.error(fields["user"] ?? node, "the user '\(name)' is not among the users")
        }
        // Each user has a role in its own project only: a token for another is always refused.
        let project = try reader.optionalText(fields, "project") ?? user.project
        guard project == user.project else {
          throw reader.error(
            fields["project"] ?? node, "the user '\(user.name)' has no role in the project '\(project)' (its project is '\(user.project)')")
        }
        let cloud = NamedCloud(name: try reader.name(fields, "name", of: node, in: "a cloud"), user: user.name, project: project)
        return (cloud, fields["name"] ?? node)
      }
      try reader.unique(named, \.name, "cloud")
      clouds = named.map(\.0)
    }
  }

  /// `volume_backends`, `volume_types`, `default_volume_type` and `volume_backup_host`: Cinder's
  /// back ends (host, zone, capacity in GiB, the capabilities they report), its types, the type
  /// volumes get when none is named, which must be among them, and the host of its backup service.
  private mutating func readBlockStorage(
    _ sections: [String: Node], _ reader: CloudFileReader, root: Node
  ) throws(CloudFileError) {
    func pairs(_ node: Node?, in context: String) throws(CloudFileError) -> [(String, String)] {
      guard let node else { return [] }
      var pairs: [(String, String)] = []
      for (key, value) in try reader.orderedMapping(node, in: context) {
        guard !key.isEmpty else { throw reader.error(value, "a name in \(context) must not be empty") }
        pairs.append((key, try reader.scalar(value, in: context)))
      }
      return pairs
    }
    if let backends = sections["volume_backends"] {
      let entries = try reader.list(backends, in: "volume_backends").map { node throws(CloudFileError) in
        let fields = try reader.mapping(
          node, in: "a volume back end", keys: ["host", "availability_zone", "capacity", "capabilities"])
        let backend = VolumeBackend(
          host: try reader.name(fields, "host", of: node, in: "a volume back end"),
          availabilityZone: try fields["availability_zone"] == nil
            ? "nova" : reader.name(fields, "availability_zone", of: node, in: "a volume back end"),
          capacity: try fields["capacity"].map { node throws(CloudFileError) in try reader.size(node, "capacity") } ?? 24,
          capabilities: try pairs(fields["capabilities"], in: "capabilities"))
        return (backend, fields["host"] ?? node)
      }
      try reader.unique(entries, \.host, "volume back end")
      volumeBackends = entries.map(\.0)
    }
    if let types = sections["volume_types"] {
      let entries = try reader.list(types, in: "volume_types").map { node throws(CloudFileError) in
        let fields = try reader.mapping(node, in: "a volume type", keys: ["name", "description", "extra_specs", "public"])
        let type = VolumeType(
          name: try reader.name(fields, "name", of: node, in: "a volume type"),
          description: try reader.optionalText(fields, "description"),
          extraSpecs: try pairs(fields["extra_specs"], in: "extra_specs"), isPublic: try reader.flag(fields, "public") ?? true)
        return (type, fields["name"] ?? node)
      }
      try reader.unique(entries, \.name, "volume type")
      volumeTypes = entries.map(\.0)
    }
    defaultVolumeType = try reader.optionalText(sections, "default_volume_type") ?? defaultVolumeType
    if sections["volume_backup_host"] != nil {
      volumeBackupHost = try reader.name(sections, "volume_backup_host", of: root, in: "the cloud file")
    }
    guard volumeTypes.contains(where: { $0.name == defaultVolumeType }) else {
      throw reader.error(
        sections["default_volume_type"] ?? sections["volume_types"] ?? root,
        "the default volume type '\(defaultVolumeType)' is not among the volume types")
    }
  }

  /// The line and what is wrong, on one line: Yams's own descriptions quote the line (control
  /// characters and all) over two or three lines.
  private static func problem(in error: any Error, yaml: String) -> (line: Int?, reason: String) {
    guard let yamlError = error as? YamlError else { return (nil, "\(error)") }
    switch yamlError {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
      return (mark.line, problem)
    case .reader(let problem, let offset, let value, _):
      let line = offset.map { 1 + yaml.prefix($0).unicodeScalars.count { $0 == "\n" } }
      let character = value >= 0 ? " (U+\(String(format: "%04X", value)))" : ""
      return (line, problem + character)
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
      return (context.mark.line, "the mapping that starts here gives the key \(keys) twice")
    default:
      return (nil, "\(yamlError)")
    }
  }
}

/// Typed reads of a cloud file's nodes, each error naming the line.
private struct CloudFileReader {
  var file: String

  func error(_ node: Node, _ reason: String) -> CloudFileError {
    CloudFileError(file: file, line: node.mark?.line, reason: reason)
  }

  /// A mapping whose keys must all be among `keys`.
  func mapping(_ node: Node, in context: String, keys: [String]) throws(CloudFileError) -> [String: Node] {
    var fields: [String: Node] = [:]
    for (key, value) in try orderedMapping(node, in: context) {
      guard keys.contains(key) else {
        throw CloudFileError(
          file: file, line: value.mark?.line ?? node.mark?.line,
          reason: "unknown key '\(key)' in \(context) (expected \(keys.joined(separator: ", ")))")
      }
      fields[key] = value
    }
    return fields
  }

  func orderedMapping(_ node: Node, in context: String) throws(CloudFileError) -> [(String, Node)] {
    guard let mapping = node.mapping else { throw error(node, "\(context) must be a mapping") }
    var pairs: [(String, Node)] = []
    for (key, value) in mapping {
      guard let name = key.string else { throw error(key, "a key in \(context) must be text") }
      pairs.append((name, value))
    }
    return pairs
  }

  func list(_ node: Node, in context: String) throws(CloudFileError) -> [Node] {
    guard let sequence = node.sequence else { throw error(node, "\(context) must be a list") }
    return Array(sequence)
  }

  func scalar(_ node: Node, in context: String) throws(CloudFileError) -> String {
    guard case .scalar(let scalar) = node else { throw error(node, "\(context) must hold plain values") }
    return scalar.string
  }

  func text(_ fields: [String: Node], _ key: String, of node: Node, in context: String) throws(CloudFileError) -> String {
    guard let value = fields[key] else { throw error(node, "\(context) needs '\(key)'") }
    return try scalar(value, in: key)
  }

  /// A name the cloud shows or looks things up by: neither empty nor null.
  func name(_ fields: [String: Node], _ key: String, of node: Node, in context: String) throws(CloudFileError) -> String {
    let name = try text(fields, key, of: node, in: context)
    guard !name.isEmpty, fields[key]?.null == nil else { throw error(fields[key] ?? node, "'\(key)' must not be empty") }
    return name
  }

  func optionalText(_ fields: [String: Node], _ key: String) throws(CloudFileError) -> String? {
    guard let value = fields[key], value.null == nil else { return nil }
    return try scalar(value, in: key)
  }

  func flag(_ fields: [String: Node], _ key: String) throws(CloudFileError) -> Bool? {
    guard let value = fields[key] else { return nil }
    guard let flag = value.bool else { throw error(value, "'\(key)' must be true or false") }
    return flag
  }

  func number(_ node: Node, in context: String) throws(CloudFileError) -> Int {
    guard let number = node.int else { throw error(node, "'\(context)' must be a whole number") }
    return number
  }

  /// A capacity or an amount: a whole number, not negative.
  func size(_ node: Node, _ key: String) throws(CloudFileError) -> Int {
    let size = try number(node, in: key)
    guard size >= 0 else { throw error(node, "'\(key)' must not be negative") }
    return size
  }

  /// Entries the cloud looks up by `name`: a second one of a name would never be found.
  func unique<Entry>(_ entries: [(Entry, Node)], _ name: (Entry) -> String, _ kind: String) throws(CloudFileError) {
    var seen: Set<String> = []
    for (entry, node) in entries where !seen.insert(name(entry)).inserted {
      throw error(node, "a second \(kind) named '\(name(entry))' (\(kind) names must be unique)")
    }
  }

  /// A subnet: a name, a CIDR, and a gateway inside it (none when left out).
  func subnet(_ node: Node) throws(CloudFileError) -> CloudDefinition.Subnet {
    let fields = try mapping(node, in: "a subnet", keys: ["name", "cidr", "gateway"])
    let cidr = try text(fields, "cidr", of: node, in: "a subnet")
    let network: IPNetwork
    do {
      network = try IPNetwork(cidr: cidr)
    } catch {
      throw self.error(fields["cidr"] ?? node, "'cidr': \(error.reason)")
    }
    let gateway = try optionalText(fields, "gateway")
    if let gateway {
      let place = fields["gateway"] ?? node
      guard let address = IPNetwork.address(Substring(gateway)) else {
        throw error(place, "'gateway': '\(gateway)' is not an IP address (leave the gateway out for none)")
      }
      guard network.contains(address) else { throw error(place, "'gateway': \(gateway) is not inside \(network)") }
      guard !network.isReserved(address) else {
        throw error(place, "'gateway': \(gateway) is the network's own or broadcast address")
      }
    }
    return CloudDefinition.Subnet(name: try name(fields, "name", of: node, in: "a subnet"), cidr: cidr, gateway: gateway)
  }
}
