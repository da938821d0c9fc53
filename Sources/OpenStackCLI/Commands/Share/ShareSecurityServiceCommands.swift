import CloudAPI
import Foundation

extension ManilaLookup {
  /// osc-lib's `find_resource` over python-manilaclient's security services.
  static let securityService = ManilaLookup(
    className: "securityservice", path: "/v2/security-services", member: "security_service",
    listPath: "/v2/security-services/detail", collection: "security_services")
}

/// The attributes of a security service, by option: what create, set and unset name.
enum SecurityServiceOptions {
  /// In the order the manager writes them into a request.
  static let all: [(option: String, key: String)] = [
    ("--dns-ip", "dns_ip"), ("--ou", "ou"), ("--server", "server"), ("--domain", "domain"), ("--user", "user"),
    ("--password", "password"), ("--name", "name"), ("--description", "description"),
    ("--default-ad-site", "default_ad_site"),
  ]

  /// `--ou` from 2.44 and `--default-ad-site` from 2.76, each refused below with the client's
  /// words; both a server and a site refused for Active Directory.
  /// `verb`: `create` or `set`, as the messages say (both say "Defining" of the site).
  static func checkVersions(_ given: (String) -> Bool, type: String?, version: Microversion, verb: String) throws {
    if given("ou") && version < Microversion(2, 44) {
      let doing = verb == "create" ? "Defining a" : "Setting a"
      throw CommandFailure(message: "\(doing) security service Organizational Unit is available only for microversion >= 2.44")
    }
    if given("default_ad_site") && version < Microversion(2, 76) {
      throw CommandFailure(message: "Defining a security service Default AD site is available only for microversion >= 2.76")
    }
    if type == "active_directory" && given("server") && given("default_ad_site") {
      throw CommandFailure(
        message:
          "Cannot \(verb) security service because both server and 'default_ad_site' were provided. Specify either server or 'default_ad_site'."
      )
    }
  }
}

/// `openstack share security service create`: the attributes given, in the manager's order.
enum ShareSecurityServiceCreate: OpenStackCommand {
  static let name = "share security service create"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []
  static let types = ["ldap", "kerberos", "active_directory"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let type = arguments.value("<type>") ?? ""
    // argparse's `choices` of the positional.
    guard types.contains(type) else {
      let choices = types.map { "'\($0)'" }.joined(separator: ", ")
      throw syntax.error("argument <type>: invalid choice: \(PythonText.repr(type)) (choose from \(choices))")
    }
    let version = try context.api.negotiatedShareVersion()
    let value = { (key: String) in SecurityServiceOptions.all.first { $0.key == key }.flatMap { arguments.value($0.option) } }
    try SecurityServiceOptions.checkVersions(
      { !(value($0) ?? "").isEmpty }, type: type, version: version, verb: "create")
    var values: JSONObject = ["type": .string(type)]
    for (_, key) in SecurityServiceOptions.all {
      if let text = value(key), !text.isEmpty { values[key] = .string(text) }
    }
    let body = try context.call(
      .sharedFileSystem, APIRequest(.post, "/v2/security-services", body: .object(["security_service": .object(values)])))
    return .show(body["security_service"]?.object ?? [:])
  }
}

/// `openstack share security service list`.
enum ShareSecurityServiceList: OpenStackCommand {
  static let name = "share security service list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating, types: ["--limit": .int])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var columns = ["ID", "Name", "Status", "Type"]
    if arguments.flag("--all-projects") { columns.append("Project ID") }
    if arguments.flag("--detail") { columns.append("Share Networks") }
    var options: [(String, String?)] = [
      ("all_tenants", arguments.flag("--all-projects") ? "True" : nil), ("status", arguments.value("--status")),
      ("name", arguments.value("--name")), ("type", arguments.value("--type")), ("user", arguments.value("--user")),
      ("dns_ip", arguments.value("--dns-ip")), ("server", arguments.value("--server")),
      ("domain", arguments.value("--domain")), ("offset", arguments.value("--marker")),
      ("limit", arguments.value("--limit")),
    ]
    let version = try context.api.negotiatedShareVersion()
    for (option, key, minimum, what) in [
      ("--ou", "ou", Microversion(2, 44), "Organizational Unit"),
      ("--default-ad-site", "default_ad_site", Microversion(2, 76), "Default AD site"),
    ] {
      guard let value = arguments.value(option), !value.isEmpty else { continue }
      guard version >= minimum else {
        throw CommandFailure(
          message:
            "Filtering results by security service \(what) is available only for microversion >= \(minimum)"
        )
      }
      options.append((key, value))
    }
    if let network = arguments.value("--share-network") {
      options.append(("share_network_id", try ManilaLookup.shareNetwork.find(network, in: context, helper: .oscLib)["id"]?.string))
    }
    let path = arguments.flag("--detail") ? "/v2/security-services/detail" : "/v2/security-services"
    let body = try context.call(.sharedFileSystem, APIRequest(.get, path, query: ManilaFormat.query(options)))
    let keys = columns.map(ManilaFormat.key(ofColumn:))
    return .list(columns: columns, rows: (body["security_services"]?.array ?? []).map { ManilaFormat.row($0, keys) })
  }
}

/// `openstack share security service show`: in a table, the share networks one a line.
enum ShareSecurityServiceShow: OpenStackCommand {
  static let name = "share security service show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    var fields = try ManilaLookup.securityService.find(
      arguments.value("<security-service>") ?? "", in: context, helper: .oscLib
    ).object
    if context.isTable, let networks = fields["share_networks"] {
      fields["share_networks"] = .string(networks.array.compactMap(\.string).joined(separator: "\n"))
    }
    return .show(fields)
  }
}

/// `share security service set` and `unset`: one update of the attributes named.
struct SecurityServiceUpdate {
  /// `One or more set operations failed`, or unset's.
  var failure: String

  func send(_ values: [(String, JSON)], to service: JSON, in context: CommandContext) throws {
    // The manager writes an empty text as `None`, and refuses an update of nothing.
    let body = JSONObject(uniqueKeysWithValues: values.map { ($0.0, $0.1 == .string("") ? JSON.null : $0.1) })
    do {
      guard !body.isEmpty else { throw CommandFailure(message: "Must specify fields to be updated") }
      _ = try context.call(
        .sharedFileSystem,
        APIRequest(.put, "/v2/security-services/\(service["id"]?.string ?? "")", body: .object(["security_service": .object(body)])))
    } catch let error as CommandFailure {
      throw CommandFailure(message: "\(failure): \(error.message)")
    }
  }
}

enum ShareSecurityServiceSet: OpenStackCommand {
  static let name = "share security service set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let service = try ManilaLookup.securityService.find(arguments.value("<security-service>") ?? "", in: context, helper: .oscLib)
    let version = try context.api.negotiatedShareVersion()
    let value = { (key: String) in SecurityServiceOptions.all.first { $0.key == key }.flatMap { arguments.value($0.option) } }
    try SecurityServiceOptions.checkVersions(
      { !(value($0) ?? "").isEmpty }, type: service["type"]?.string, version: version, verb: "set")
    // The manager's order: dns_ip, ou, server, domain, user, password, name, description, site.
    let order = ["dns_ip", "ou", "server", "domain", "user", "password", "name", "description", "default_ad_site"]
    let values = order.compactMap { key -> (String, JSON)? in
      if key == "ou" && version < Microversion(2, 44) { return nil }
      if key == "default_ad_site" && version < Microversion(2, 76) { return nil }
      return value(key).map { (key, .string($0)) }
    }
    try SecurityServiceUpdate(failure: "One or more set operations failed").send(values, to: service, in: context)
    return .nothing
  }
}

enum ShareSecurityServiceUnset: OpenStackCommand {
  static let name = "share security service unset"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let service = try ManilaLookup.securityService.find(arguments.value("<security-service>") ?? "", in: context, helper: .oscLib)
    let version = try context.api.negotiatedShareVersion()
    var values: [(String, JSON)] = []
    for key in ["dns_ip", "server", "domain", "user", "password", "name", "description"] {
      if arguments.flag("--" + key.replacingEvery("_", with: "-")) { values.append((key, .string(""))) }
    }
    if arguments.flag("--ou") {
      guard version >= Microversion(2, 44) else {
        throw CommandFailure(message: "Unsetting a security service Organizational Unit is available only for microversion >= 2.44")
      }
      values.append(("ou", .string("")))
    }
    if arguments.flag("--default-ad-site") {
      guard version >= Microversion(2, 76) else {
        throw CommandFailure(message: "Unsetting a security service Default AD site is available only for microversion >= 2.76")
      }
      values.append(("default_ad_site", .string("")))
    }
    // The manager writes its own order, whatever the options' order.
    let order = ["dns_ip", "ou", "server", "domain", "user", "password", "name", "description", "default_ad_site"]
    values.sort { (order.firstIndex(of: $0.0) ?? 0) < (order.firstIndex(of: $1.0) ?? 0) }
    try SecurityServiceUpdate(failure: "One or more unset operations failed").send(values, to: service, in: context)
    return .nothing
  }
}

enum ShareSecurityServiceDelete: OpenStackCommand {
  static let name = "share security service delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try DeleteEach(
      failure: { "Failed to delete security service with name or ID \($0): \($1)" },
      summary: { "\($0) of \($1) security services failed to be deleted." }
    ).run(arguments.values("<security-service>")) { name in
      let service = try ManilaLookup.securityService.find(name, in: context, helper: .oscLib)
      _ = try context.call(.sharedFileSystem, APIRequest(.delete, "/v2/security-services/\(service["id"]?.string ?? name)"))
      return true
    }
    return .nothing
  }
}
