import CloudAPI

/// `openstack volume attachment list` (from `--os-volume-api-version 3.27`): the SDK's
/// `attachments()`, the detailed list, paged as the SDK pages it.
enum VolumeAttachmentList: OpenStackCommand {
  static let name = "volume attachment list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating, types: ["--limit": .int, "--max-items": .int])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    guard try context.api.supportsVolumeVersion(Microversion(3, 27)) else {
      throw CommandFailure(message: "--os-volume-api-version 3.27 or greater is required to support the 'volume attachment list' command")
    }
    let (limit, maxItems) = (try VolumePaging.limit(arguments, syntax), try VolumePaging.maxItems(arguments, syntax))
    let project = try IdentityLookup.project.id("--project", domain: "--project-domain", in: arguments, context: context, sdk: true)
    // The SDK's query mapping, in its order; `all_tenants` goes even when false.
    var query: [(name: String, value: String)] = []
    if let status = arguments.value("--status") { query.append((name: "status", value: status)) }
    if let project { query.append((name: "project_id", value: project)) }
    if let volume = arguments.value("--volume-id") { query.append((name: "volume_id", value: volume)) }
    if let server = arguments.value("--server-id") { query.append((name: "instance_id", value: server)) }
    let allProjects = project != nil || arguments.flag("--all-projects")
    query.append((name: "all_tenants", value: allProjects ? "True" : "False"))
    let marker = arguments.value("--marker").flatMap { $0.isEmpty ? nil : $0 }
    let attachments = try context.cinder.list(
      "/attachments/detail", "attachments", query: query, limit: limit, marker: marker, maxItems: maxItems, .attachment)
    let keys = ["id", "volume_id", "instance", "status"]
    return .list(
      columns: ["ID", "Volume ID", "Server ID", "Status"], rows: attachments.map { attachment in keys.map { attachment[$0] ?? .null } },
      names: .tuple)
  }
}

/// `openstack volume attachment show`: the SDK's `Attachment`, its connection info a dict column.
enum VolumeAttachmentShow: OpenStackCommand {
  static let name = "volume attachment show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static let columns: [(column: String, key: String)] = [
    ("ID", "id"), ("Volume ID", "volume_id"), ("Instance ID", "instance"), ("Status", "status"), ("Attach Mode", "attach_mode"),
    ("Attached At", "attached_at"), ("Detached At", "detached_at"), ("Properties", "connection_info"),
  ]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    guard try context.api.supportsVolumeVersion(Microversion(3, 27)) else {
      throw CommandFailure(message: "--os-volume-api-version 3.27 or greater is required to support the 'volume attachment show' command")
    }
    let id = arguments.value("<attachment>") ?? ""
    let body = try context.cinder.get(APIRequest(.get, "/attachments/\(id)"), .attachment, sdkName: "Attachment", value: id)
    let attachment = body["attachment"] ?? .null
    var fields = JSONObject()
    for (column, key) in columns {
      let value = attachment[key] ?? .null
      fields[column] = key == "connection_info" ? VolumeFormat.dict(value, context) : value
    }
    return .show(fields)
  }
}
