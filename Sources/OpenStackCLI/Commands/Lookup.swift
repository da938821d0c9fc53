import CloudAPI
import Foundation

/// Finding a Shared File Systems resource by name or ID, as the two helpers the manila commands
/// use do it. Both end by listing every resource the caller may see (`all_tenants=1`) and
/// matching the name on the client side.
struct ManilaLookup {
  /// Which helper a command calls.
  enum Helper {
    /// python-manilaclient's `apiutils.find_resource`: an integer or a UUID is fetched
    /// directly; then the list is searched twice (for a `human_id`, then for the name).
    case manilaclient
    /// osc-lib's `utils.find_resource`: anything is first fetched as an ID; then the list is
    /// searched once.
    case oscLib
  }

  /// The resource class name the error message uses, in lower case: `share`, `sharenetwork`.
  var className: String
  /// The path of one resource, without its ID: `/v2/shares`.
  var path: String
  /// The member name in a single-resource body: `share`.
  var member: String
  /// The list path that returns full records: `/v2/shares/detail`.
  var listPath: String
  /// The collection name in a list body: `shares`.
  var collection: String
  /// Extra query parameters the manager adds to the search list.
  var listQuery: [(name: String, value: String)] = []
  /// Whether the search also lists soft-deleted resources (shares, from microversion 2.69).
  var searchesSoftDeleted = false
  /// The python-manilaclient manager whose `get` and `list` the search calls, when they are
  /// wrapped to start at a microversion (`@api_versions.wraps`).
  var manager: ManilaManager?

  func find(_ nameOrID: String, in context: CommandContext, helper: Helper = .manilaclient) throws -> JSON {
    let fetchFirst =
      switch helper {
      case .manilaclient: Int(nameOrID) != nil || UUID(uuidString: nameOrID) != nil
      case .oscLib: true
      }
    try manager?.require(fetchFirst ? "get" : "list", in: context)
    if fetchFirst {
      // osc-lib's helper passes over any failure of the fetch; the other only over a 404.
      let record = helper == .oscLib ? (try? fetch(nameOrID, in: context)) ?? nil : try fetch(nameOrID, in: context)
      if let record { return record }
    }
    let searches = helper == .manilaclient ? 2 : 1
    var matches: [JSON] = []
    let query = [(name: "all_tenants", value: "1")] + listQuery
    var queries = [query]
    if searchesSoftDeleted, try context.api.negotiatedShareVersion() >= Microversion(2, 69) {
      queries.append(query + [(name: "is_soft_deleted", value: "True")])
    }
    for _ in 0..<searches {
      do {
        matches = try queries.flatMap { query in
          try context.call(.sharedFileSystem, APIRequest(.get, listPath, query: query))[collection]?.array ?? []
        }.filter { $0["name"]?.string == nameOrID }
      } catch is CommandFailure where helper == .oscLib {
        return try plainSearch(nameOrID, in: context)
      }
    }
    if matches.count > 1 {
      throw CommandFailure(
        message: helper == .oscLib
          ? "More than one \(className) exists with the name '\(nameOrID)'."
          : "Multiple \(className) matches found for '\(nameOrID)', use an ID to be more specific.")
    }
    guard let match = matches.first else {
      throw CommandFailure(message: "No \(className) with a name or ID of '\(nameOrID)' exists.")
    }
    return match
  }

  /// osc-lib's last resort when the manager's search fails: the plain list (whose failure is
  /// the command's), searched for the ID or the name.
  private func plainSearch(_ nameOrID: String, in context: CommandContext) throws -> JSON {
    let records = try context.call(.sharedFileSystem, APIRequest(.get, listPath))[collection]?.array ?? []
    let matches = records.filter { $0["id"]?.string == nameOrID || $0["name"]?.string == nameOrID }
    guard matches.count < 2 else {
      throw CommandFailure(message: "More than one resource exists with the name or ID '\(nameOrID)'.")
    }
    guard let match = matches.first else { throw CommandFailure(message: "Could not find resource \(nameOrID)") }
    return match
  }

  /// `GET path/ID`; `nil` when there is no such resource.
  private func fetch(_ id: String, in context: CommandContext) throws -> JSON? {
    let response = try context.api.send(APIRequest(.get, "\(path)/\(id)"), to: .sharedFileSystem)
    if response.status == 200, let record = response.body?[member] { return record }
    if response.status == 404 { return nil }
    throw CommandFailure(message: Fault.message(of: response, service: .sharedFileSystem))
  }

  static let share = ManilaLookup(
    className: "share", path: "/v2/shares", member: "share", listPath: "/v2/shares/detail",
    collection: "shares", listQuery: [(name: "is_public", value: "True")], searchesSoftDeleted: true)
  static let shareNetwork = ManilaLookup(
    className: "sharenetwork", path: "/v2/share-networks", member: "share_network",
    listPath: "/v2/share-networks/detail", collection: "share_networks")
  static let shareType = ManilaLookup(
    className: "sharetype", path: "/v2/types", member: "share_type", listPath: "/v2/types",
    collection: "share_types", listQuery: [(name: "is_public", value: "all")])
  static let shareGroupType = ManilaLookup(
    className: "sharegrouptype", path: "/v2/share-group-types", member: "share_group_type",
    listPath: "/v2/share-group-types", collection: "share_group_types", listQuery: [(name: "is_public", value: "all")])
  static let message = ManilaLookup(
    className: "message", path: "/v2/messages", member: "message", listPath: "/v2/messages",
    collection: "messages", manager: .messages)
}

/// A python-manilaclient manager whose methods start at a microversion.
struct ManilaManager {
  /// `manilaclient.v2.messages.MessageManager`.
  var qualifiedName: String
  var minimumVersion: Microversion

  static let messages = ManilaManager(qualifiedName: "manilaclient.v2.messages.MessageManager", minimumVersion: Microversion(2, 37))

  /// `UnsupportedVersion`, as the wrapped `method` raises it below its first microversion.
  func require(_ method: String, in context: CommandContext) throws {
    let version = try context.api.negotiatedShareVersion()
    guard version >= minimumVersion else {
      throw CommandFailure(message: "API version '\(version)' is not supported on '\(qualifiedName).\(method)' method.")
    }
  }
}

/// Helpers shared by the Shared File Systems commands, as python-manilaclient writes them.
enum ManilaFormat {
  /// `utils.format_column_headers`: `column.replace('_', ' ').title().replace('Id', 'ID')`, so
  /// `share_type_name` → `Share Type Name`, `id` → `ID`.
  static func header(_ key: String) -> String {
    PythonText.replace("Id", with: "ID", in: PythonText.title(PythonText.replace("_", with: " ", in: key)))
  }

  /// `str()` of a dict of strings, as a query carries it (`{'a': 'b'}`); `nil` for an empty
  /// dict, which the client leaves out.
  static func dictRepr(_ items: [(key: String, value: String)]) -> String? {
    guard !items.isEmpty else { return nil }
    return "{" + items.map { PythonText.repr($0.key) + ": " + PythonText.repr($0.value) }.joined(separator: ", ") + "}"
  }

  /// oslo's `uuidutils.is_uuid_like`: 32 hexadecimal digits, with or without dashes, braces or
  /// a `urn:uuid:` prefix.
  static func isUUIDLike(_ text: String) -> Bool {
    var digits = PythonText.replace("urn:", with: "", in: text)
    digits = PythonText.replace("uuid:", with: "", in: digits)
    digits = String(digits.drop { $0 == "{" || $0 == "}" })
    while digits.last == "{" || digits.last == "}" { digits.removeLast() }
    digits = PythonText.replace("-", with: "", in: digits)
    return digits.utf8.count == 32 && digits.allSatisfy { $0.isASCII && $0.isHexDigit }
  }

  /// `utils.format_properties`: one `key : value` line per entry.
  static func properties(_ fields: JSON) -> JSON {
    .string(fields.object.map { "\($0.key) : \(PythonText.str($0.value))" }.joined(separator: "\n"))
  }

  /// `cliutils.convert_dict_list_to_string`: every entry of every record as `\nkey = value`.
  static func dictList(_ records: [JSON], ignoring ignored: Set<String> = []) -> JSON {
    .string(
      records.map { record in
        record.object.filter { !ignored.contains($0.key) }
          .map { "\n\($0.key) = \(PythonText.str($0.value))" }.joined()
      }.joined())
  }

  /// osc-lib's `get_item_properties` / `get_dict_properties`: the named fields, `''` where absent.
  static func row(_ record: JSON, _ keys: [String]) -> [JSON] {
    keys.map { record[$0] ?? .string("") }
  }

  /// The field osc-lib reads for a column: `column.lower().replace(' ', '_')`.
  static func key(ofColumn column: String) -> String {
    String(column.lowercased().map { $0 == " " ? "_" : $0 })
  }

  /// The query string python-manilaclient builds: only the options that are set, sorted by name.
  static func query(_ options: [(String, String?)]) -> [(name: String, value: String)] {
    options.compactMap { name, value in value.flatMap { $0.isEmpty ? nil : (name: name, value: $0) } }
      .sorted { $0.name < $1.name }
  }
}

/// The loop of the delete commands of many names: each resource in turn, each failure logged (on
/// standard error, before the summary), then one summary error when any failed.
struct DeleteEach {
  /// The log line for one failure: the name given and the error's text.
  var failure: (String, String) -> String
  /// The final error: how many failed, of how many.
  var summary: (Int, Int) -> String

  /// `delete` returns false for a failure the client counts without logging (a `--wait` that
  /// saw the resource err); a thrown failure is logged.
  func run(_ names: [String], _ delete: (String) throws -> Bool) throws {
    var log = ""
    var failures = 0
    for name in names {
      do {
        if !(try delete(name)) { failures += 1 }
      } catch let error as CommandFailure {
        failures += 1
        log += failure(name, error.message) + "\n"
      } catch let error as Renamed {
        failures += 1
        log += failure(error.name, error.failure.message) + "\n"
      }
    }
    if failures > 0 { throw CommandFailure(message: log + summary(failures, names.count)) }
  }

  /// A failure after the name given was looked up, logged under what it was found to be (the
  /// client's loop variable reassigned to the ID, as `project delete`'s is).
  struct Renamed: Error {
    var name: String
    var failure: CommandFailure
  }
}
