import CloudAPI
import Foundation

/// `openstack server migration list` (`ListMigration`): Nova's migration records
/// (`GET /os-migrations`), filtered as the options say, with the columns the session's
/// microversion allows: `Id` and `Type` from 2.23, `UUID` from 2.59, and from 2.80 `Project` and
/// `User` when filtered by them.
enum ServerMigrationList: OpenStackCommand {
  static let name = "server migration list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating,
    types: [
      "--type": .choices(["evacuation", "live-migration", "cold-migration", "resize"]),
      "--limit": .nonNegativeInt(option: "--limit"), "--max-items": .nonNegativeInt(option: "--max-items"),
    ])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    func gate(_ option: String, _ version: Microversion) throws {
      guard try context.api.supportsComputeVersion(version) else {
        throw CommandFailure(message: "--os-compute-api-version \(version) or greater is required to support the \(option) option")
      }
    }
    // The client's search options, in its order; the SDK then sends them in its query
    // mapping's order.
    var search: [String: String] = [:]
    search["host"] = arguments.value("--host")
    search["status"] = arguments.value("--status")
    if let server = arguments.value("--server"), !server.isEmpty {
      search["instance_uuid"] = try ComputeLookup.server(server, in: context)["id"]?.string ?? ""
    }
    if let type = arguments.value("--type"), !type.isEmpty {
      search["migration_type"] = type == "cold-migration" ? "migration" : type
    }
    if let marker = arguments.value("--marker"), !marker.isEmpty {
      try gate("--marker", Microversion(2, 59))
      search["marker"] = marker
    }
    let limit = arguments.value("--limit").flatMap(Int.init).flatMap { $0 == 0 ? nil : $0 }
    if let limit {
      try gate("--limit", Microversion(2, 59))
      search["limit"] = String(limit)
    }
    // `max_items=0` is no maximum to the SDK.
    let maxItems = arguments.value("--max-items").flatMap(Int.init).flatMap { $0 == 0 ? nil : $0 }
    if let since = arguments.value("--changes-since"), !since.isEmpty {
      try gate("--changes-since", Microversion(2, 59))
      search["changes-since"] = since
    }
    if let before = arguments.value("--changes-before"), !before.isEmpty {
      try gate("--changes-before", Microversion(2, 66))
      search["changes-before"] = before
    }
    // A domain without its project or user does nothing.
    let (projectDomain, userDomain) = (arguments.value("--project-domain"), arguments.value("--user-domain"))
    let project = arguments.value("--project").flatMap { $0.isEmpty ? nil : $0 }
    if let project {
      try gate("--project", Microversion(2, 80))
      search["project_id"] = try IdentityLookup.project.sdkID(project, domain: projectDomain, in: context)
    }
    let user = arguments.value("--user").flatMap { $0.isEmpty ? nil : $0 }
    if let user {
      try gate("--user", Microversion(2, 80))
      search["user_id"] = try IdentityLookup.user.sdkID(user, domain: userDomain, in: context)
    }
    let order = [
      "limit", "marker", "host", "status", "migration_type", "source_compute", "user_id", "project_id", "changes-since",
      "changes-before", "instance_uuid",
    ]
    var query = order.compactMap { name in search[name].map { (name: name, value: $0) } }
    // The most items wanted goes as the page size when the user gave none.
    if limit == nil, let maxItems { query.append((name: "limit", value: String(maxItems))) }
    let migrations = try MigrationPaging(paginated: limit == nil, maxItems: maxItems).migrations(query: query, in: context)

    var columns = [
      "Source Node", "Dest Node", "Source Compute", "Dest Compute", "Dest Host", "Status", "Server UUID", "Old Flavor",
      "New Flavor", "Created At", "Updated At",
    ]
    var keys = [
      "source_node", "dest_node", "source_compute", "dest_compute", "dest_host", "status", "instance_uuid",
      "old_instance_type_id", "new_instance_type_id", "created_at", "updated_at",
    ]
    if try context.api.supportsComputeVersion(Microversion(2, 59)) {
      columns.insert("UUID", at: 0)
      keys.insert("uuid", at: 0)
    }
    if try context.api.supportsComputeVersion(Microversion(2, 23)) {
      columns.insert("Id", at: 0)
      keys.insert("id", at: 0)
      columns.insert("Type", at: columns.count - 2)
      keys.insert("migration_type", at: keys.count - 2)
    }
    if try context.api.supportsComputeVersion(Microversion(2, 80)) {
      if project != nil {
        columns.insert("Project", at: columns.count - 2)
        keys.insert("project_id", at: keys.count - 2)
      }
      if user != nil {
        columns.insert("User", at: columns.count - 2)
        keys.insert("user_id", at: keys.count - 2)
      }
    }
    return .list(columns: columns, rows: migrations.map { migration in keys.map { migration[$0] ?? .null } })
  }
}

/// openstacksdk's `Resource.list` of `Migration`: a page, then (when paginated) the page its
/// `migrations_links` names, or with a page size and no link one more page after the last
/// record's `id` (which Nova, looking for a UUID, does not find from 2.59); at most `maxItems`.
struct MigrationPaging {
  var paginated: Bool
  var maxItems: Int?

  func migrations(query: [(name: String, value: String)], in context: CommandContext) throws -> [JSON] {
    var items: [JSON] = []
    var query = query
    let pageSize = query.first { $0.name == "limit" }?.value
    var path = "/v2.1/os-migrations"
    while true {
      let page = try ComputeLookup.sdkCall(APIRequest(.get, path, query: query), resource: .migration, in: context)
      let found = page["migrations"]?.array ?? []
      for item in found {
        if let maxItems, items.count >= maxItems { return items }
        items.append(item)
      }
      guard paginated, let last = found.last else { return items }
      // The pagination keys are dropped, the next page's merged in where they stood.
      let lastMarker = query.first { $0.name == "marker" }?.value
      var next = query.filter { $0.name != "limit" && $0.name != "marker" }
      let link = page["migrations_links"]?.array.first { $0["rel"] == "next" }?["href"]?.string
      if let link {
        let (linkPath, linkQuery) = SDKPaging.split(link)
        path = linkPath
        for parameter in linkQuery {
          if let index = next.firstIndex(where: { $0.name == parameter.name }) {
            next[index].value = parameter.value
          } else {
            next.append(parameter)
          }
        }
      } else if let pageSize {
        next += [(name: "marker", value: PythonText.str(last["id"] ?? .null)), (name: "limit", value: pageSize)]
      } else {
        return items
      }
      if let marker = next.first(where: { $0.name == "marker" })?.value, marker == lastMarker {
        throw CommandFailure(message: "Endless pagination loop detected, aborting")
      }
      query = next
    }
  }
}

/// What `server migration show`, `abort` and `force complete` share: the version checks, in the
/// client's order, and the migration named by its ID or, from 2.59, its UUID (looked for among
/// the server's in-progress live migrations).
enum ServerMigrationLookup {
  /// The server's ID and the migration's ID as given (digits) or found by its UUID.
  static func find(
    _ arguments: ParsedArguments, minimum: Microversion, command: String, byUUID: String, in context: CommandContext
  ) throws -> (server: String, migration: String, found: JSON?) {
    guard try context.api.supportsComputeVersion(minimum) else {
      throw CommandFailure(message: "--os-compute-api-version \(minimum) or greater is required to support the \(command) command")
    }
    let migration = arguments.value("<migration>") ?? ""
    let isID = !migration.isEmpty && migration.unicodeScalars.allSatisfy { $0.properties.numericType == .decimal }
    if !isID {
      guard ManilaFormat.isUUIDLike(migration) else { throw CommandFailure(message: "The <migration> argument must be an ID or UUID") }
      guard try context.api.supportsComputeVersion(Microversion(2, 59)) else {
        throw CommandFailure(message: "--os-compute-api-version 2.59 or greater is required to \(byUUID) server migrations by UUID")
      }
    }
    let server = try ComputeLookup.server(arguments.value("<server>") ?? "", in: context)["id"]?.string ?? ""
    guard !isID else { return (server, migration, nil) }
    let listed = try ComputeLookup.sdkCall(APIRequest(.get, "/v2.1/servers/\(server)/migrations"), resource: .migration, in: context)
    guard let found = (listed["migrations"]?.array ?? []).first(where: { $0["uuid"]?.string == migration }) else {
      throw CommandFailure(message: "In-progress live migration \(migration) is not found for server \(server)")
    }
    return (server, PythonText.str(found["id"] ?? .null), found)
  }
}

/// `openstack server migration show` (`ShowMigration`): an in-progress live migration, its
/// fields in the client's order, `UUID` from 2.59, `User ID` and `Project ID` from 2.80. Only a
/// migration named by its UUID is found: one named by its ID is asked for with the server's.
enum ServerMigrationShow: OpenStackCommand {
  static let name = "server migration show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let (server, id, found) = try ServerMigrationLookup.find(
      arguments, minimum: Microversion(2, 24), command: "server migration show", byUUID: "retrieve", in: context)
    let migration: JSON
    // The path's server, which the SDK shows as `server_id`.
    var pathServer = server
    if let found {
      migration = found
    } else {
      // The client hands `get_server_migration` the server and the migration the wrong way
      // round: it asks for the migration named by the server's ID on the server named by the
      // migration's, which Nova does not find.
      pathServer = id
      let path = "/servers/\(id)/migrations/\(server)"
      let response = try context.api.send(APIRequest(.get, "/v2.1" + path), to: .compute, computeResource: .migration)
      guard response.status == 200, let fetched = response.body?["migration"] else {
        throw CommandFailure(message: "No ServerMigration found for \(server): " + ComputeLookup.errorDetails(response, path: path))
      }
      migration = fetched
    }
    var fields: JSONObject = [:]
    var shown: [(String, String)] = [
      ("ID", "id"), ("Server UUID", "server_id"), ("Status", "status"), ("Source Compute", "source_compute"),
      ("Source Node", "source_node"), ("Dest Compute", "dest_compute"), ("Dest Host", "dest_host"), ("Dest Node", "dest_node"),
      ("Memory Total Bytes", "memory_total_bytes"), ("Memory Processed Bytes", "memory_processed_bytes"),
      ("Memory Remaining Bytes", "memory_remaining_bytes"), ("Disk Total Bytes", "disk_total_bytes"),
      ("Disk Processed Bytes", "disk_processed_bytes"), ("Disk Remaining Bytes", "disk_remaining_bytes"),
      ("Created At", "created_at"), ("Updated At", "updated_at"),
    ]
    if try context.api.supportsComputeVersion(Microversion(2, 59)) { shown.append(("UUID", "uuid")) }
    if try context.api.supportsComputeVersion(Microversion(2, 80)) { shown += [("User ID", "user_id"), ("Project ID", "project_id")] }
    for (column, key) in shown {
      // `server_id` is the path's server, not a field of the body.
      fields.appendNew(column, key == "server_id" ? .string(pathServer) : migration[key] ?? .null)
    }
    return .show(fields)
  }
}

/// `openstack server migration abort` (`AbortMigration`): `DELETE` the migration (2.24).
enum ServerMigrationAbort: OpenStackCommand {
  static let name = "server migration abort"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let (server, id, _) = try ServerMigrationLookup.find(
      arguments, minimum: Microversion(2, 24), command: "server migration abort", byUUID: "abort", in: context)
    _ = try ComputeLookup.sdkCall(APIRequest(.delete, "/v2.1/servers/\(server)/migrations/\(id)"), resource: .migration, in: context)
    return .nothing
  }
}

/// `openstack server migration force complete` (`ForceCompleteMigration`): the
/// `force_complete` action (2.22).
enum ServerMigrationForceComplete: OpenStackCommand {
  static let name = "server migration force complete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    // The client's message for a UUID below 2.59 says "abort", as `AbortMigration`'s does.
    let (server, id, _) = try ServerMigrationLookup.find(
      arguments, minimum: Microversion(2, 22), command: "server migration force complete", byUUID: "abort", in: context)
    let request = APIRequest(
      .post, "/v2.1/servers/\(server)/migrations/\(id)/action", body: .object(["force_complete": .null]))
    _ = try ComputeLookup.sdkCall(request, resource: .migration, in: context)
    return .nothing
  }
}

/// `openstack server migration confirm` (`ConfirmMigration`): `server resize confirm` under the
/// migration's name, without the deprecation warning of `server migrate confirm`.
enum ServerMigrationConfirm: OpenStackCommand {
  static let name = "server migration confirm"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []
  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ResizeDecision(action: "confirmResize").run(arguments, in: context)
  }
}

/// `openstack server migration revert` (`RevertMigration`): `server resize revert` under the
/// migration's name.
enum ServerMigrationRevert: OpenStackCommand {
  static let name = "server migration revert"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []
  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try ResizeDecision(action: "revertResize").run(arguments, in: context)
  }
}
