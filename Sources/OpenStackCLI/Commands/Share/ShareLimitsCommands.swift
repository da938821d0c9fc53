import CloudAPI

/// `openstack share limits show`: the absolute limits (name and value) or the rate limits, one
/// row per verb of each URI.
enum ShareLimitsShow: OpenStackCommand {
  static let name = "share limits show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    // argparse requires one of `--absolute` and `--rate`: the other is the absolute limits.
    let (absolute, rate) = (arguments.flag("--absolute"), arguments.flag("--rate"))
    let limits = try context.call(.sharedFileSystem, APIRequest(.get, "/v2/limits"))["limits"] ?? .null
    if rate && !absolute {
      let columns = ["Verb", "Regex", "URI", "Value", "Remaining", "Unit", "Next Available"]
      let rows = (limits["rate"]?.array ?? []).flatMap { group in
        (group["limit"]?.array ?? []).map { limit -> [JSON] in
          [
            limit["verb"] ?? .null, group["regex"] ?? .null, group["uri"] ?? .null, limit["value"] ?? .null,
            limit["remaining"] ?? .null, limit["unit"] ?? .null, limit["next-available"] ?? .null,
          ]
        }
      }
      return .list(columns: columns, rows: rows)
    }
    let rows = (limits["absolute"]?.object ?? [:]).map { [JSON.string($0.key), $0.value] }
    return .list(columns: ["Name", "Value"], rows: rows)
  }
}
