import CloudAPI

/// `openstack share set`: properties, then name, description and visibility in one update, the
/// status (admin), and always the task state (`--task-state`, `none` for none; python-manilaclient
/// 6.3.0 resets it to none when the option is not given, which only an admin may do); each
/// failure logged, then one error.
enum ShareSet: OpenStackCommand {
  static let name = "share set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--property"], types: ["--property": .keyValue])
  static let refusedOptions: Set<String> = []
  static let taskStateManager = ManilaManager(
    qualifiedName: "manilaclient.v2.shares.ShareManager", minimumVersion: Microversion(2, 22))

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let share = try ManilaLookup.share.find(arguments.value("<share>") ?? "", in: context)
    let path = "/v2/shares/\(share["id"]?.string ?? "")"
    let version = try context.api.negotiatedShareVersion()
    var failures = 0
    func attempt(_ log: (String) -> String, _ request: APIRequest) {
      do {
        _ = try context.call(.sharedFileSystem, request)
      } catch let failure as CommandFailure {
        failures += 1
        context.log(log(failure.message))
      } catch {
        failures += 1
      }
    }
    let properties = OSCLib.keyValues(arguments.values("--property"))
    if !properties.isEmpty {
      let metadata = JSONObject(uniqueKeysWithValues: properties.map { ($0.key, JSON.string($0.value)) })
      let repr = "{" + properties.map { "\(PythonText.repr($0.key)): \(PythonText.repr($0.value))" }.joined(separator: ", ") + "}"
      attempt(
        { "Failed to set share properties '\(repr)': \($0)" },
        APIRequest(.post, path + "/metadata", body: .object(["metadata": .object(metadata)])))
    }
    var update: JSONObject = [:]
    if let name = arguments.value("--name") { update["display_name"] = .string(name) }
    if let description = arguments.value("--description") { update["display_description"] = .string(description) }
    if let isPublic = arguments.value("--public") { update["is_public"] = .string(isPublic) }
    if !update.isEmpty {
      attempt(
        { "Failed to update share display name, visibility or display description: \($0)" },
        APIRequest(.put, path, body: .object(["share": .object(update)])))
    }
    if let status = arguments.value("--status"), !status.isEmpty {
      let action = version < Microversion(2, 7) ? "os-reset_status" : "reset_status"
      attempt(
        { "Failed to set status for the share: \($0)" },
        APIRequest(.post, path + "/action", body: .object([action: .object(["status": .string(status)])])))
    }
    let given = arguments.value("--task-state").flatMap { $0.lowercased() == "none" ? nil : $0 }
    let taskState = given.map(JSON.string) ?? .null
    do {
      try taskStateManager.require("reset_task_state", in: context)
      attempt(
        { "Failed to update share task state \($0)" },
        APIRequest(.post, path + "/action", body: .object(["reset_task_state": .object(["task_state": taskState])])))
    } catch let failure as CommandFailure {
      failures += 1
      context.log("Failed to update share task state \(failure.message)")
    }
    if failures > 0 { throw CommandFailure(message: "One or more of the set operations failed") }
    return .nothing
  }
}

/// `openstack share unset`: name and description cleared, properties removed one by one.
enum ShareUnset: OpenStackCommand {
  static let name = "share unset"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: ["--property"])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let share = try ManilaLookup.share.find(arguments.value("<share>") ?? "", in: context)
    let path = "/v2/shares/\(share["id"]?.string ?? "")"
    var failures = 0
    var update: JSONObject = [:]
    if arguments.flag("--name") { update["display_name"] = .null }
    if arguments.flag("--description") { update["display_description"] = .null }
    if !update.isEmpty {
      do {
        _ = try context.call(.sharedFileSystem, APIRequest(.put, path, body: .object(["share": .object(update)])))
      } catch let failure as CommandFailure {
        failures += 1
        context.log("Failed to unset share display name or display description: \(failure.message)")
      }
    }
    for key in arguments.values("--property") {
      do {
        _ = try context.call(.sharedFileSystem, APIRequest(.delete, path + "/metadata/\(key)"))
      } catch let failure as CommandFailure {
        failures += 1
        context.log("Failed to unset share property '\(key)': \(failure.message)")
      }
    }
    if failures > 0 { throw CommandFailure(message: "One or more of the unset operations failed") }
    return .nothing
  }
}
