import CloudAPI

/// What a command hands cliff to display.
enum CommandOutput {
  /// A `Lister`'s columns and rows.
  case list(columns: [String], rows: [[JSON]], names: ColumnNames = .list)
  /// A `ShowOne`'s fields, in the order the command gives them.
  case show(JSONObject, names: ColumnNames = .tuple)
  /// A plain `Command` that prints nothing.
  case nothing
  /// A plain `Command` that writes text itself (`--wait`'s progress and `Complete`).
  case text(String)
}

/// The Python type of the column names a command hands cliff, which shows in cliff's error for
/// an unknown `-c` column: `['ID', 'Name']` or `('ID', 'Name')`.
enum ColumnNames {
  case list
  case tuple
}

/// An `openstack` command.
protocol OpenStackCommand: SendableMetatype {
  /// The words that name it: `share type list`.
  static var name: String { get }
  /// The real client's usage text for it, and the options that repeat.
  static var syntax: CommandSyntax { get }
  /// The options of its usage this emulation does not run, by their long name: a command line
  /// that gives one is not simulated. Every other option is read (`OptionCoverageTests`).
  static var refusedOptions: Set<String> { get }
  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput
}

extension OpenStackCommand {
  /// The first option of the command line, in the usage's order, that the emulation refuses.
  static func refusedOption(in arguments: ParsedArguments) -> String? {
    let refused = { (name: String) in refusedOptions.contains(name) }
    // Most command lines give no refused option: a look at what they give settles it.
    guard arguments.gives(where: refused) else { return nil }
    return syntax.options.lazy.map(\.key).first { arguments.contains($0) && refused($0) }
  }
}

/// What a command finds, once its arguments are read, that the emulation does not run (a value
/// of an option, rather than an option): reported as not simulated, as a refused option is.
struct NotEmulated: Error {
  /// `extension list without --network`.
  var what: String
}

/// What a running command can reach: the cloud, through the API client, and the output format the
/// user chose (some commands shape values differently for tables, as the real ones do).
struct CommandContext {
  var api: APIClient
  var format: String
  /// Waits, as `time.sleep` does between the polls of `--wait`.
  var sleep: (Double) -> Void
  /// What the command logs on standard error while it goes on (`LOG.error`).
  var errors = TextLog()
  /// What the command writes on standard output itself, before cliff displays its result
  /// (`self.app.stdout.write`).
  var written = TextLog()
  /// The machine's clock, in microseconds since the epoch (`datetime.now()`).
  var now: () -> Int64 = { 0 }
  /// What is typed at a password prompt; `nil`: no terminal.
  var typedPassword: String? = nil

  /// osc-lib's `get_password`: the password typed at the terminal (twice, the same), or its
  /// error when standard input is no terminal.
  func promptedPassword() throws -> String {
    guard let typedPassword else { throw CommandFailure(message: "No terminal detected attempting to read password") }
    return typedPassword
  }

  func log(_ line: String) { errors.text += line + "\n" }

  var isTable: Bool { format == "table" }

  /// osc-lib's `wait_for_status`: fetch, stop at a success or error status, else sleep 5 s.
  /// Returns whether the status reached is a success.
  func waitForStatus(
    _ path: String, member: String, field: String = "status", success: Set<String>, error: Set<String> = ["error"]
  ) throws -> Bool {
    while true {
      let status = try call(.sharedFileSystem, APIRequest(.get, path))[member]?[field]?.string?.lowercased() ?? ""
      if success.contains(status) { return true }
      if error.contains(status) { return false }
      sleep(5)
    }
  }

  /// osc-lib's `wait_for_delete`: fetch until the resource is gone (true), errs or 300 s pass
  /// (false), sleeping 5 s between fetches.
  func waitForDelete(_ path: String, member: String) throws -> Bool {
    var waited = 0
    while waited < 300 {
      let response = try api.send(APIRequest(.get, path), to: .sharedFileSystem)
      if response.status == 404 { return true }
      guard (200..<300).contains(response.status) else {
        throw CommandFailure(message: Fault.message(of: response, service: .sharedFileSystem))
      }
      if response.body?[member]?["status"]?.string?.lowercased() == "error" { return false }
      sleep(5)
      waited += 5
    }
    return false
  }

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

/// The lines a command logs on standard error before its output is printed.
/// Text a command adds to one of its streams as it goes.
final class TextLog {
  var text = ""
}

/// The usage texts of cliff's display options, shared by every lister and every show command.
enum DisplayOptions {
  /// Every display option of cliff's listers and show commands: the display layer reads them
  /// for every command.
  static let all: Set<String> = [
    "--format", "--column", "--quote", "--noindent", "--max-width", "--fit-width", "--print-empty", "--sort-column",
    "--sort-ascending", "--sort-descending", "--prefix",
  ]
  static let listerRepeating: Set<String> = ["--column", "--sort-column"]
  static let showRepeating: Set<String> = ["--column"]
}
