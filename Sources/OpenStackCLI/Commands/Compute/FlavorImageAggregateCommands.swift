import CloudAPI

/// `openstack flavor list` (`ListFlavor`): public flavors, in the API's order.
enum FlavorList: OpenStackCommand {
  static let name = "flavor list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating, types: ["--min-disk": .int, "--min-ram": .int])
  static let refusedOptions: Set<String> = ["--limit", "--marker", "--max-items"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    // `--public` (the default), `--private` and `--all` exclude each other.
    let visibility =
      arguments.flag("--all") ? "None" : arguments.flag("--public") ? "True" : arguments.flag("--private") ? "False" : "True"
    var query = [(name: "is_public", value: visibility)]
    // argparse's ints: a 0 is not given.
    for (option, filter) in [("--min-disk", "minDisk"), ("--min-ram", "minRam")] {
      if let value = arguments.value(option), value != "0" { query.append((name: filter, value: value)) }
    }
    let response = try context.api.send(
      APIRequest(.get, "/v2.1/flavors/detail", query: query), to: .compute, computeResource: .flavor)
    guard response.status == 200 else { throw ComputeLookup.sdkError(response, path: "/flavors/detail") }
    var columns = ["ID", "Name", "RAM", "Disk", "Ephemeral", "VCPUs", "Is Public"]
    var keys = ["id", "name", "ram", "disk", "OS-FLV-EXT-DATA:ephemeral", "vcpus", "os-flavor-access:is_public"]
    if arguments.flag("--long") {
      columns += ["Swap", "RXTX Factor", "Properties"]
      keys += ["swap", "rxtx_factor", "extra_specs"]
    }
    let rows = (response.body?["flavors"]?.array ?? []).map { flavor in
      keys.map { key -> JSON in
        let value = flavor[key] ?? .null
        // The SDK reads swap as an int (Nova's "" below 2.75 becomes 0); the properties are a
        // DictColumn.
        if key == "swap" { return value == "" ? 0 : value }
        if key == "extra_specs" { return context.isTable ? OSCLib.formatDict(value) : value }
        return value
      }
    }
    return .list(columns: columns, rows: rows, names: .tuple)
  }
}

/// `openstack image list` (`ListImage`): ID, name and status, in Glance's order.
enum ImageList: OpenStackCommand {
  static let name = "image list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating.union(["--tag", "--property"]),
    types: [
      "--member-status": .loweredChoices(["accepted", "pending", "rejected", "all"]), "--property": .keyValue,
      "--limit": .nonNegativeInt(option: "--limit"), "--max-items": .nonNegativeInt(option: "--max-items"),
    ])
  static let refusedOptions: Set<String> = []
  static let visibilities = ["--public", "--private", "--community", "--shared", "--all"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let properties = OSCLib.keyValues(arguments.values("--property"))
    var query: [(name: String, value: String)] = []
    // The SDK's paging: a limit asked for (else the most items wanted) goes first, then the
    // marker, found as an image first.
    let limit = arguments.value("--limit").flatMap(Int.init).flatMap { $0 == 0 ? nil : $0 }
    let maxItems = arguments.value("--max-items").flatMap(Int.init)
    if let pageSize = limit ?? maxItems { query.append((name: "limit", value: String(pageSize))) }
    if let marker = arguments.value("--marker"), !marker.isEmpty {
      query.append((name: "marker", value: try ComputeLookup.image(marker, in: context)["id"]?.string ?? marker))
    }
    if let visibility = visibilities.first(where: arguments.flag) {
      query.append((name: "visibility", value: String(visibility.dropFirst(2))))
    }
    for (option, filter) in [("--name", "name"), ("--status", "status"), ("--member-status", "member_status")] {
      if let value = arguments.value(option) { query.append((name: filter, value: value)) }
    }
    query += arguments.values("--tag").map { (name: "tag", value: $0) }
    if let project = try IdentityLookup.project.id(
      "--project", domain: "--project-domain", in: arguments, context: context, sdk: true)
    {
      query.append((name: "owner", value: project))
    }
    if arguments.flag("--hidden") { query.append((name: "os_hidden", value: "True")) }
    // One page: with a limit the SDK does not follow `next`; with the most items wanted it stops
    // once it has them, which the first page (of that size) holds.
    var listed: [JSON]
    if let maxItems, limit == nil {
      let paging = SDKPaging(service: .image, path: "/v2/images", itemsKey: "images", idKey: "id", nextLink: { $0["next"]?.string })
      listed = try paging.items(query: query, maxItems: maxItems, in: context)
    } else {
      // With a limit the SDK asks for one page.
      listed = try context.call(.image, APIRequest(.get, "/v2/images", query: query))["images"]?.array ?? []
      if let maxItems { listed = Array(listed.prefix(maxItems)) }
    }
    // osc-lib's `simple_filter`, on the client's side: the SDK attribute or else the extra
    // property of that name, equal to the text given.
    for (key, value) in properties {
      listed.removeAll { image in
        guard case .string(let found)? = image[key], !found.isEmpty else { return true }
        return found != value
      }
    }
    let images = try OSCLib.sorted(listed, by: arguments.value("--sort") ?? "name:asc")
    let columns = arguments.flag("--long") ? longColumns : [("ID", "id"), ("Name", "name"), ("Status", "status")]
    return .list(
      columns: columns.map(\.header),
      rows: images.map { image in
        columns.map { column in
          let value = image[column.key] ?? .null
          // The tags are a ListColumn.
          guard column.key == "tags", context.isTable else { return value }
          return .string(OSCLib.formatList(value.array))
        }
      }, names: .tuple)
  }

  /// The SDK's attributes `--long` shows, by the body key each is read from.
  static let longColumns: [(header: String, key: String)] = [
    ("ID", "id"), ("Name", "name"), ("Disk Format", "disk_format"), ("Container Format", "container_format"),
    ("Size", "size"), ("Checksum", "checksum"), ("Status", "status"), ("Visibility", "visibility"),
    ("Protected", "protected"), ("Project", "owner"), ("Hash Algorithm", "os_hash_algo"), ("Hash Value", "os_hash_value"),
    ("Tags", "tags"),
  ]
}

/// `openstack flavor show` (`ShowFlavor`): the SDK's flavor under the client's historical names,
/// sorted, with the projects a private flavor is open to.
enum FlavorShow: OpenStackCommand {
  static let name = "flavor show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let name = arguments.value("<flavor>") ?? ""
    let flavor = try Flavors.find(name, in: context)
    var access: JSON = .null
    if flavor["os-flavor-access:is_public"] != true {
      do {
        let listed = try Flavors.call(.get, "/flavors/\(flavor["id"]?.string ?? "")/os-flavor-access", in: context)
        access = .array((listed["flavor_access"]?.array ?? []).map { $0["tenant_id"] ?? .null })
      } catch let failure as CommandFailure {
        context.log("Failed to get access projects list for flavor '\(name)': \(failure.message)")
      }
    }
    return Flavors.display(flavor, accessProjects: .some(access), in: context)
  }
}

/// `openstack image show` (`ShowImage`): Glance's fields that are set, the tags, and every other
/// property (with `os_hidden` and the hash) gathered in `properties`, sorted.
enum ImageShow: OpenStackCommand {
  static let name = "image show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    let image = try ComputeLookup.image(arguments.value("<image>") ?? "", in: context)
    let humanReadable = arguments.flag("--human-readable")
    // `_format_image` reads the size from a dictionary the SDK leaves it out of while it is
    // unknown: Python's `KeyError`.
    if humanReadable, image["size"] == nil || image["size"] == .null { throw CommandFailure(message: "'size'") }
    return Images.display(image, humanReadable: humanReadable, in: context)
  }
}

