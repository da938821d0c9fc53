import CloudAPI

/// What `share network subnet set` and `unset` share: the 2.78 check, the network found by
/// osc-lib, and the subnet's metadata path.
enum ShareNetworkSubnetProperties {
  static func path(_ arguments: ParsedArguments, in context: CommandContext) throws -> String {
    if !arguments.values("--property").isEmpty, try context.api.negotiatedShareVersion() < Microversion(2, 78) {
      throw CommandFailure(message: "Property can be specified only with manila API version >= 2.78.")
    }
    let network = try ManilaLookup.shareNetwork.find(arguments.value("<share-network>") ?? "", in: context, helper: .oscLib)
    let subnet = arguments.value("<share-network-subnet>") ?? ""
    return "/v2/share-networks/\(network["id"]?.string ?? "")/subnets/\(subnet)/metadata"
  }
}

/// `openstack share network subnet set`: the properties in one request.
enum ShareNetworkSubnetSet: OpenStackCommand {
  static let name = "share network subnet set"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: ["--property"], types: ["--property": .keyValue])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let path = try ShareNetworkSubnetProperties.path(arguments, in: context)
    let properties = OSCLib.keyValues(arguments.values("--property"))
    guard !properties.isEmpty else { return .nothing }
    do {
      let metadata = JSONObject(uniqueKeysWithValues: properties.map { ($0.key, JSON.string($0.value)) })
      _ = try context.call(.sharedFileSystem, APIRequest(.post, path, body: .object(["metadata": .object(metadata)])))
    } catch let failure as CommandFailure {
      let shown = ManilaFormat.dictRepr(properties) ?? "{}"
      throw CommandFailure(message: "Failed to set subnet property '\(shown)': \(failure.message)")
    }
    return .nothing
  }
}

/// `openstack share network subnet unset`: each key deleted; failures logged, then one error.
enum ShareNetworkSubnetUnset: OpenStackCommand {
  static let name = "share network subnet unset"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--property"])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let path = try ShareNetworkSubnetProperties.path(arguments, in: context)
    var failures = 0
    let keys = arguments.values("--property")
    for key in keys {
      do {
        _ = try context.call(.sharedFileSystem, APIRequest(.delete, path + "/\(key)"))
      } catch let failure as CommandFailure {
        failures += 1
        context.log("Failed to unset subnet property '\(key)': \(failure.message)")
      }
    }
    if failures > 0 { throw CommandFailure(message: "\(failures) of \(keys.count) subnet properties failed to be unset.") }
    return .nothing
  }
}
