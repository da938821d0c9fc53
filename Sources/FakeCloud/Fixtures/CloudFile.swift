import Foundation
import Yams

/// Why a cloud file cannot be read: the file, the line, and what is wrong there.
public struct CloudFileError: Error, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var reason: String

  public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(reason)" }
}

extension CloudDefinition {
  /// Reads the cloud file at `path` (see ``init(yaml:file:)``).
  public init(contentsOfFile path: String) throws(CloudFileError) {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw CloudFileError(file: path, reason: "cannot read the cloud file")
    }
    try self.init(yaml: text, file: path)
  }

  /// Reads a cloud file: YAML with the sections `users`, `clouds`, `networks`, `share_types`,
  /// `backends`, `default_share_type`, `default_user` and `compute_hosts` (memory in MiB, disk in
  /// GiB). A section left out keeps devstack's
  /// (`clouds`: devstack's entries for the file's users).
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
      throw CloudFileError(file: file, line: Self.line(of: error), reason: "not YAML: \(Self.reason(of: error))")
    }
    let reader = CloudFileReader(file: file)
    self = .devstack
    guard let root else { return }
    let sections = try reader.mapping(
      root, in: "the cloud file",
      keys: [
        "users", "clouds", "networks", "share_types", "backends", "default_share_type", "default_user", "compute_hosts",
      ])
    if let users = sections["users"] {
      self.users = try reader.list(users, in: "users").map { node throws(CloudFileError) in
        let fields = try reader.mapping(node, in: "a user", keys: ["name", "password", "project", "roles"])
        return User(
          name: try reader.text(fields, "name", of: node, in: "a user"),
          password: try reader.optionalText(fields, "password") ?? "secret",
          project: try reader.text(fields, "project", of: node, in: "a user"),
          roles: try fields["roles"].map { node throws(CloudFileError) in
            try reader.list(node, in: "roles").map { role throws(CloudFileError) in try reader.scalar(role, in: "roles") }
          } ?? ["member", "reader"])
      }
    }
    if let networks = sections["networks"] {
      self.networks = try reader.list(networks, in: "networks").map { node throws(CloudFileError) in
        let fields = try reader.mapping(node, in: "a network", keys: ["name", "project", "shared", "external", "subnets"])
        return Network(
          name: try reader.text(fields, "name", of: node, in: "a network"),
          project: try reader.optionalText(fields, "project"),
          shared: try reader.flag(fields, "shared") ?? false,
          external: try reader.flag(fields, "external") ?? false,
          subnets: try fields["subnets"].map { node throws(CloudFileError) in
            try reader.list(node, in: "subnets").map { subnet throws(CloudFileError) in
              let fields = try reader.mapping(subnet, in: "a subnet", keys: ["name", "cidr", "gateway"])
              return Subnet(
                name: try reader.text(fields, "name", of: subnet, in: "a subnet"),
                cidr: try reader.text(fields, "cidr", of: subnet, in: "a subnet"),
                gateway: try reader.optionalText(fields, "gateway"))
            }
          } ?? [])
      }
    }
    if let types = sections["share_types"] {
      self.shareTypes = try reader.list(types, in: "share_types").map { node throws(CloudFileError) in
        let fields = try reader.mapping(
          node, in: "a share type", keys: ["name", "driver_handles_share_servers", "extra_specs", "public", "description"])
        var specs: [(String, String)] = []
        if let extra = fields["extra_specs"] {
          for (key, value) in try reader.orderedMapping(extra, in: "extra_specs") {
            specs.append((key, try reader.scalar(value, in: "extra_specs")))
          }
        }
        return ShareType(
          name: try reader.text(fields, "name", of: node, in: "a share type"),
          driverHandlesShareServers: try reader.flag(fields, "driver_handles_share_servers") ?? false,
          extraSpecs: specs, isPublic: try reader.flag(fields, "public") ?? true,
          description: try reader.optionalText(fields, "description"))
      }
    }
    if let backends = sections["backends"] {
      self.backends = try reader.list(backends, in: "backends").map { node throws(CloudFileError) in
        let fields = try reader.mapping(
          node, in: "a back end", keys: ["host", "availability_zone", "driver_handles_share_servers", "capacity"])
        let capacity = try fields["capacity"].map { node throws(CloudFileError) in try reader.number(node, in: "capacity") } ?? 1000
        guard capacity >= 0 else { throw reader.error(node, "capacity must not be negative") }
        return Backend(
          host: try reader.text(fields, "host", of: node, in: "a back end"),
          availabilityZone: try reader.text(fields, "availability_zone", of: node, in: "a back end"),
          driverHandlesShareServers: try reader.flag(fields, "driver_handles_share_servers") ?? false,
          capacity: capacity)
      }
    }
    if let hosts = sections["compute_hosts"] {
      computeHosts = try reader.list(hosts, in: "compute_hosts").map { node throws(CloudFileError) in
        let fields = try reader.mapping(node, in: "a compute host", keys: ["name", "availability_zone", "vcpus", "memory", "disk"])
        func size(_ key: String) throws(CloudFileError) -> Int {
          guard let value = fields[key] else { throw reader.error(node, "a compute host needs '\(key)'") }
          let number = try reader.number(value, in: key)
          guard number >= 0 else { throw reader.error(value, "'\(key)' must not be negative") }
          return number
        }
        return ComputeHost(
          name: try reader.text(fields, "name", of: node, in: "a compute host"),
          availabilityZone: try reader.optionalText(fields, "availability_zone") ?? "nova",
          vcpus: try size("vcpus"), memory: try size("memory"), disk: try size("disk"))
      }
    }
    defaultShareType = try reader.optionalText(sections, "default_share_type") ?? defaultShareType
    defaultUser = try reader.optionalText(sections, "default_user") ?? defaultUser
    guard users.contains(where: { $0.name == defaultUser }) else {
      throw reader.error(sections["default_user"] ?? root, "the default user '\(defaultUser)' is not among the users")
    }
    clouds = Self.devstackClouds(users: users, defaultUser: defaultUser)
    if let entries = sections["clouds"] {
      let users = self.users
      clouds = try reader.list(entries, in: "clouds").map { node throws(CloudFileError) in
        let fields = try reader.mapping(node, in: "a cloud", keys: ["name", "user", "project"])
        let name = try reader.text(fields, "user", of: node, in: "a cloud")
        guard let user = users.first(where: { $0.name == name }) else {
          throw reader.error(fields["user"] ?? node, "the user '\(name)' is not among the users")
        }
        return NamedCloud(
          name: try reader.text(fields, "name", of: node, in: "a cloud"), user: user.name,
          project: try reader.optionalText(fields, "project") ?? user.project)
      }
    }
  }

  private static func line(of error: any Error) -> Int? {
    guard let yamlError = error as? YamlError else { return nil }
    switch yamlError {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
    default: return nil
    }
  }

  private static func reason(of error: any Error) -> String {
    guard let yamlError = error as? YamlError else { return "\(error)" }
    switch yamlError {
    case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
    default: return "\(yamlError)"
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
}
