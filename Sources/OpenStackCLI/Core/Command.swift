import CloudAPI
import OrderedCollections

/// What a command hands cliff to display.
enum CommandOutput {
  /// A `Lister`'s columns and rows.
  case list(columns: [String], rows: [[JSON]], names: ColumnNames = .list)
  /// A `ShowOne`'s fields, in the order the command gives them.
  case show(OrderedDictionary<String, JSON>, names: ColumnNames = .tuple)
  /// A plain `Command` that prints nothing.
  case nothing
}

/// The Python type of the column names a command hands cliff, which shows in cliff's error for
/// an unknown `-c` column: `['ID', 'Name']` or `('ID', 'Name')`.
enum ColumnNames {
  case list
  case tuple
}

/// An `openstack` command.
protocol OpenStackCommand {
  /// The words that name it: `share type list`.
  static var name: String { get }
  /// The real client's usage text for it, and the options that repeat.
  static var syntax: CommandSyntax { get }
  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput
}

/// What a running command can reach: the cloud, through the API client, and the output format the
/// user chose (some commands shape values differently for tables, as the real ones do).
struct CommandContext {
  var api: APIClient
  var format: String

  var isTable: Bool { format == "table" }

  /// Sends a request and returns the JSON body of a successful response; a fault becomes the
  /// error the real client reports.
  func call(_ service: ServiceType, _ request: APIRequest) throws -> JSON {
    let response = try api.send(request, to: service)
    guard (200..<300).contains(response.status) else {
      throw CommandFailure(message: Fault.message(of: response, service: service))
    }
    return response.body ?? .null
  }
}

/// The usage texts of cliff's display options, shared by every lister and every show command.
enum DisplayOptions {
  static let listerRepeating: Set<String> = ["--column", "--sort-column"]
  static let showRepeating: Set<String> = ["--column"]
}
