import CloudAPI

/// What the image member commands share: the member as openstacksdk's `Member` shows it.
enum ImageMembership {
  /// `_get_member_columns`: the SDK member's attributes, sorted, `id`, `location` and `name`
  /// hidden.
  static func display(_ member: JSON, imageID: String) -> CommandOutput {
    let fields: [(String, JSON)] = [
      ("created_at", member["created_at"] ?? .null), ("image_id", .string(imageID)), ("member_id", member["member_id"] ?? .null),
      ("schema", member["schema"] ?? .null), ("status", member["status"] ?? .null), ("updated_at", member["updated_at"] ?? .null),
    ]
    return .show(JSONObject(uniqueKeys: fields.map(\.0), values: fields.map(\.1)))
  }

  /// The token's project (`auth_ref.project_id`): no request but the sign-in.
  static func currentProject(in context: CommandContext) throws -> String {
    _ = try context.api.userID()
    return context.api.authorization?["project"]?["id"]?.string ?? ""
  }

  /// The project as `find_project_id_sdk` finds it, and the image as `find_image` does.
  static func target(_ arguments: ParsedArguments, in context: CommandContext) throws -> (image: String, project: String) {
    let project = try Flavors.projectID(
      arguments.value("<project>") ?? "", domain: arguments.value("--project-domain"), in: context)
    let image = try ComputeLookup.image(arguments.value("<image>") ?? "", in: context)["id"]?.string ?? ""
    return (image, project)
  }
}

/// `openstack image add project` (`AddProjectToImage`).
enum ImageAddProject: OpenStackCommand {
  static let name = "image add project"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let (image, project) = try ImageMembership.target(arguments, in: context)
    let member = try Images.call(APIRequest(.post, "/v2/images/\(image)/members", body: .object(["member": .string(project)])), in: context)
    return ImageMembership.display(member, imageID: image)
  }
}

/// `openstack image remove project` (`RemoveProjectImage`).
enum ImageRemoveProject: OpenStackCommand {
  static let name = "image remove project"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: [])
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let (image, project) = try ImageMembership.target(arguments, in: context)
    // `remove_member` ignores a member not there.
    let path = "/v2/images/\(image)/members/\(project)"
    let response = try context.api.send(APIRequest(.delete, path), to: .image)
    guard (200..<300).contains(response.status) || response.status == 404 else { throw Images.sdkError(response, path: path) }
    return .nothing
  }
}

/// `openstack image member list` (`ListImageProjects`).
enum ImageMemberList: OpenStackCommand {
  static let name = "image member list"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    // The client parses `--project-domain` here and does nothing with it.
    _ = arguments.value("--project-domain")
    let image = try ComputeLookup.image(arguments.value("<image>") ?? "", in: context)["id"]?.string ?? ""
    let members = try Images.call(APIRequest(.get, "/v2/images/\(image)/members"), in: context)["members"]?.array ?? []
    let rows = members.map { [JSON.string(image), $0["member_id"] ?? .null, $0["status"] ?? .null] }
    return .list(columns: ["Image ID", "Member ID", "Status"], rows: rows, names: .tuple)
  }
}
