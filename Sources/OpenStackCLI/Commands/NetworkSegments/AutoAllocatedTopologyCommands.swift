import CloudAPI

/// The project the topology commands name in the URL: `--project` as given (the client hands the
/// name or ID to the SDK unresolved; `--project-domain` changes nothing), else the token's.
private func topologyProject(_ arguments: ParsedArguments, in context: CommandContext) throws -> String {
  // Read, as the client parses it, and left unused, as the client leaves it.
  _ = arguments.value("--project-domain")
  if let project = arguments.value("--project") { return project }
  return try context.api.tokenProjectID()
}

/// `openstack network auto allocated topology create` (`CreateAutoAllocatedTopology`): the
/// project's topology (made on first request); `--check-resources` asks whether one could be made
/// and shows the SDK's `dry_run`, which the answer does not have. `--or-show` is the default.
enum NetworkAutoAllocatedTopologyCreate: OpenStackCommand {
  static let name = "network auto allocated topology create"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let project = try topologyProject(arguments, in: context)
    _ = arguments.flag("--or-show")
    if arguments.flag("--check-resources") {
      // The SDK's `ValidateTopology` has no ID: its failures say `for None`.
      _ = try NeutronClient.fetch(
        context, "/auto-allocated-topology/\(project)", query: [(name: "fields", value: "dry-run")], resource: "ValidateTopology",
        value: "None")
      return .show(["dry_run": .null])
    }
    let topology =
      try NeutronClient.fetch(
        context, "/auto-allocated-topology/\(project)", resource: "AutoAllocatedTopology", value: project)["auto_allocated_topology"] ?? .null
    return NeutronResourceKind.autoAllocatedTopology.show(topology, in: context)
  }
}

/// `openstack network auto allocated topology delete` (`DeleteAutoAllocatedTopology`).
enum NetworkAutoAllocatedTopologyDelete: OpenStackCommand {
  static let name = "network auto allocated topology delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let project = try topologyProject(arguments, in: context)
    _ = try NeutronClient.call(context, .delete, "/auto-allocated-topology/\(project)")
    return .nothing
  }
}

/// `openstack extension show` (`ShowExtension`): a network extension found by alias or name.
enum ExtensionShow: OpenStackCommand {
  static let name = "extension show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let found = try NeutronResourceKind.extensionKind.find(arguments.value("<extension>") ?? "", in: context)
    return .show([
      "alias": found["alias"] ?? .null, "description": found["description"] ?? .null, "name": found["name"] ?? .null,
      "updated_at": found["updated"] ?? .null,
    ])
  }
}

extension NeutronClient {
  /// openstacksdk's `_get` (`fetch`): a failure says which resource was not found, then the
  /// service's answer (`No Trunk found for X: Client Error for url: URL, message`).
  static func fetch(
    _ context: CommandContext, _ path: String, query: [(name: String, value: String)] = [], resource: String, value: String
  ) throws -> JSON {
    let response = try context.api.send(APIRequest(.get, "/v2.0" + path, query: query), to: .network)
    guard (200..<300).contains(response.status) else {
      let shownQuery = query.isEmpty ? "" : "?" + query.map { "\($0.name)=\(URLQuery.encode($0.value))" }.joined(separator: "&")
      let kind = response.status >= 500 ? "Server Error" : "Client Error"
      throw CommandFailure(
        message:
          "No \(resource) found for \(value): \(kind) for url: \(endpoint)\(path)\(shownQuery), \(Fault.message(of: response, service: .network))")
    }
    return response.body ?? .null
  }
}

/// `openstack network service provider list` (`ListNetworkServiceProvider`).
enum NetworkServiceProviderList: OpenStackCommand {
  static let name = "network service provider list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let providers = try NeutronClient.call(context, .get, "/service-providers")["service_providers"]?.array ?? []
    return .list(
      columns: ["Service Type", "Name", "Default"],
      rows: providers.map { [$0["service_type"] ?? .null, $0["name"] ?? .null, $0["default"] ?? .null] }, names: .tuple)
  }
}
