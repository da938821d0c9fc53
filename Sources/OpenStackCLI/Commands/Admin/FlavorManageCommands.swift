import CloudAPI

/// What the flavor commands share: the SDK's `find_flavor(get_extra_specs=True)` and the
/// flavor as `_get_flavor_columns` shows it.
enum Flavors {
  /// The flavor by name or ID; its extra specs fetched when the flavor came without any.
  static func find(_ nameOrID: String, in context: CommandContext) throws -> JSON {
    var flavor = try ComputeLookup.flavor(nameOrID, in: context)
    if flavor["extra_specs"]?.object.isEmpty ?? true, let id = flavor["id"]?.string {
      let specs = try call(.get, "/flavors/\(id)/os-extra_specs", in: context)["extra_specs"] ?? .object([:])
      flavor = Flavors.with(flavor, specs)
    }
    return flavor
  }

  /// The flavor with these extra specs, as the SDK updates its resource.
  static func with(_ flavor: JSON, _ specs: JSON) -> JSON {
    var fields = flavor.object
    fields["extra_specs"] = specs
    return .object(fields)
  }

  /// A request about flavors, at the flavor's microversion; a fault is the SDK's exception.
  @discardableResult
  static func call(_ method: HTTPMethod, _ path: String, body: JSON? = nil, in context: CommandContext) throws -> JSON {
    let response = try context.api.send(APIRequest(method, "/v2.1" + path, body: body), to: .compute, computeResource: .flavor)
    guard (200..<300).contains(response.status) else { throw ComputeLookup.sdkError(response, path: path) }
    return response.body ?? .null
  }

  /// The SDK's flavor under the client's historical names, sorted; `access_project_ids` only
  /// where `flavor show` adds it.
  static func display(_ flavor: JSON, accessProjects: JSON?? = nil, in context: CommandContext) -> CommandOutput {
    let specs = flavor["extra_specs"] ?? .object([:])
    // The SDK reads swap as a number: Nova's "" (no swap, below 2.75) is 0.
    let swap = flavor["swap"] == "" ? 0 : flavor["swap"] ?? .null
    var fields: JSONObject = [
      "OS-FLV-DISABLED:disabled": flavor["OS-FLV-DISABLED:disabled"] ?? .null,
      "OS-FLV-EXT-DATA:ephemeral": flavor["OS-FLV-EXT-DATA:ephemeral"] ?? .null,
    ]
    if let accessProjects { fields["access_project_ids"] = accessProjects ?? .null }
    let rest: JSONObject = [
      "description": flavor["description"] ?? .null, "disk": flavor["disk"] ?? .null, "id": flavor["id"] ?? .null,
      "name": flavor["name"] ?? .null, "os-flavor-access:is_public": flavor["os-flavor-access:is_public"] ?? .null,
      "properties": context.isTable ? OSCLib.formatDict(specs) : specs, "ram": flavor["ram"] ?? .null,
      "rxtx_factor": flavor["rxtx_factor"] ?? .null, "swap": swap, "vcpus": flavor["vcpus"] ?? .null,
    ]
    for (key, value) in rest { fields[key] = value }
    return .show(fields)
  }

  /// `find_project_id_sdk`: the project's ID, in the domain given; a project not found is the
  /// name given when `validating` is off.
  static func projectID(_ name: String, domain: String?, validating: Bool = true, in context: CommandContext) throws -> String {
    do {
      return try IdentityLookup.project.sdkID(name, domain: domain, in: context)
    } catch let failure as CommandFailure where !validating && failure.message.isEmpty {
      return name
    }
  }

  /// The SDK's `delete_flavor_extra_specs_property`, which ignores a key the flavor lacks.
  static func deleteProperty(_ key: String, of flavorID: String, in context: CommandContext) throws {
    let path = "/flavors/\(flavorID)/os-extra_specs/\(key)"
    let response = try context.api.send(APIRequest(.delete, "/v2.1" + path), to: .compute, computeResource: .flavor)
    guard (200..<300).contains(response.status) || response.status == 404 else { throw ComputeLookup.sdkError(response, path: path) }
  }

  static func tenantAccess(_ action: String, _ flavorID: String, project: String, in context: CommandContext) throws {
    try call(.post, "/flavors/\(flavorID)/action", body: .object([action: .object(["tenant": .string(project)])]), in: context)
  }

  /// The SDK's `create_flavor_extra_specs`: the properties as `KeyValueAction` gathered them.
  static func addProperties(_ arguments: ParsedArguments, to flavorID: String, in context: CommandContext) throws -> JSON {
    let properties = OSCLib.keyValues(arguments.values("--property"))
    let body = JSON.object(["extra_specs": .object(JSONObject(uniqueKeysWithValues: properties.map { ($0.key, .string($0.value)) }))])
    return try call(.post, "/flavors/\(flavorID)/os-extra_specs", body: body, in: context)["extra_specs"] ?? .object([:])
  }

  static let commandFailed = CommandFailure(message: "Command Failed: One or more of the operations failed")
}

/// `openstack flavor create` (`CreateFlavor`).
enum FlavorCreate: OpenStackCommand {
  static let name = "flavor create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating.union(["--property"]),
    types: [
      "--ram": .int, "--disk": .int, "--ephemeral": .int, "--swap": .int, "--vcpus": .int, "--rxtx-factor": .float,
      "--property": .keyValue,
    ])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    // `--public` (the default) and `--private` exclude each other.
    let isPublic = arguments.flag("--public") || !arguments.flag("--private")
    // The domain means nothing without a project.
    let domain = arguments.value("--project-domain")
    if arguments.value("--project") != nil, isPublic {
      throw CommandFailure(message: "--project is only allowed with --private")
    }
    var id: JSON = arguments.value("--id").map(JSON.string) ?? .null
    if id == "auto" {
      id = .null
      context.log(
        "Passing '--id auto' is deprecated. Nova will automatically assign a UUID-like ID if no ID is provided. Omit the"
          + " '--id' parameter instead.")
    }
    func number(_ option: String, _ fallback: Int) -> JSON { .int(arguments.value(option).flatMap { Int($0) } ?? fallback) }
    var body: JSONObject = [
      "name": .string(arguments.value("<flavor-name>") ?? ""), "ram": number("--ram", 256), "vcpus": number("--vcpus", 1),
      "disk": number("--disk", 0), "id": id, "OS-FLV-EXT-DATA:ephemeral": number("--ephemeral", 0),
      "swap": number("--swap", 0), "os-flavor-access:is_public": .bool(isPublic),
    ]
    // argparse's float: 0.0 is not given.
    if let factor = arguments.value("--rxtx-factor").flatMap(Double.init), factor != 0 {
      if try context.api.supportsComputeVersion(Microversion(2, 102)) {
        throw CommandFailure(message: "The --rxtx-factor parameter is only supported until API microversion 2.101")
      }
      body["rxtx_factor"] = .double(factor)
    }
    if let description = arguments.value("--description"), !description.isEmpty {
      guard try context.api.supportsComputeVersion(Microversion(2, 55)) else {
        throw CommandFailure(message: "The --description parameter requires server support for API microversion 2.55")
      }
      body["description"] = .string(description)
    }
    var flavor = try Flavors.call(.post, "/flavors", body: .object(["flavor": .object(body)]), in: context)["flavor"] ?? .null
    let flavorID = flavor["id"]?.string ?? ""
    if let project = arguments.value("--project") {
      do {
        try Flavors.tenantAccess("addTenantAccess", flavorID, project: try Flavors.projectID(project, domain: domain, in: context), in: context)
      } catch let failure as CommandFailure {
        context.log("Failed to add project \(project) access to flavor: \(failure.message)")
      }
    }
    if arguments.contains("--property") {
      do {
        let specs = try Flavors.addProperties(arguments, to: flavorID, in: context)
        flavor = Flavors.with(flavor, specs)
      } catch let failure as CommandFailure {
        context.log("Failed to set flavor properties: \(failure.message)")
      }
    }
    return Flavors.display(flavor, in: context)
  }
}

/// `openstack flavor set` (`SetFlavor`): the description, then each change on its own, failures
/// logged and the command failed at the end.
enum FlavorSet: OpenStackCommand {
  static let name = "flavor set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--property"], types: ["--property": .keyValue])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let domain = arguments.value("--project-domain")
    let flavor = try Flavors.find(arguments.value("<flavor>") ?? "", in: context)
    let id = flavor["id"]?.string ?? ""
    if let description = arguments.value("--description"), !description.isEmpty {
      guard try context.api.supportsComputeVersion(Microversion(2, 55)) else {
        throw CommandFailure(message: "The --description parameter requires server support for API microversion 2.55")
      }
      try Flavors.call(.put, "/flavors/\(id)", body: .object(["flavor": .object(["description": .string(description)])]), in: context)
    }
    var failed = false
    if arguments.flag("--no-property") {
      do {
        for key in flavor["extra_specs"]?.object.keys ?? [] {
          try Flavors.deleteProperty(key, of: id, in: context)
        }
      } catch let failure as CommandFailure {
        context.log("Failed to clear flavor properties: \(failure.message)")
        failed = true
      }
    }
    if arguments.contains("--property") {
      do {
        _ = try Flavors.addProperties(arguments, to: id, in: context)
      } catch let failure as CommandFailure {
        context.log("Failed to set flavor properties: \(failure.message)")
        failed = true
      }
    }
    if let project = arguments.value("--project") {
      do {
        if flavor["os-flavor-access:is_public"] == true { throw CommandFailure(message: "Cannot set access for a public flavor") }
        try Flavors.tenantAccess("addTenantAccess", id, project: try Flavors.projectID(project, domain: domain, in: context), in: context)
      } catch let failure as CommandFailure {
        context.log("Failed to set flavor access to project: \(failure.message)")
        failed = true
      }
    }
    if failed { throw Flavors.commandFailed }
    return .nothing
  }
}

/// `openstack flavor unset` (`UnsetFlavor`).
enum FlavorUnset: OpenStackCommand {
  static let name = "flavor unset"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--property"])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let domain = arguments.value("--project-domain")
    let flavor = try Flavors.find(arguments.value("<flavor>") ?? "", in: context)
    let flavorID = flavor["id"]?.string ?? ""
    var failed = false
    for key in arguments.values("--property") {
      do {
        try Flavors.deleteProperty(key, of: flavorID, in: context)
      } catch let failure as CommandFailure {
        context.log("Failed to unset flavor property: \(failure.message)")
        failed = true
      }
    }
    if let project = arguments.value("--project") {
      do {
        if flavor["os-flavor-access:is_public"] == true { throw CommandFailure(message: "Cannot remove access for a public flavor") }
        let id = try Flavors.projectID(project, domain: domain, validating: false, in: context)
        try Flavors.tenantAccess("removeTenantAccess", flavorID, project: id, in: context)
      } catch let failure as CommandFailure {
        context.log("Failed to remove flavor access from project: \(failure.message)")
        failed = true
      }
    }
    if failed { throw Flavors.commandFailed }
    return .nothing
  }
}

/// `openstack flavor delete` (`DeleteFlavor`): each found and deleted, failures logged.
enum FlavorDelete: OpenStackCommand {
  static let name = "flavor delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let names = arguments.values("<flavor>")
    var failed = 0
    for name in names {
      do {
        let id = try ComputeLookup.flavor(name, in: context)["id"]?.string ?? name
        try Flavors.call(.delete, "/flavors/\(id)", in: context)
      } catch let failure as CommandFailure {
        context.log("Failed to delete flavor with name or ID '\(name)': \(failure.message)")
        failed += 1
      }
    }
    if failed > 0 { throw CommandFailure(message: "\(failed) of \(names.count) flavors failed to delete.") }
    return .nothing
  }
}
