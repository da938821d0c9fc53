import CloudAPI
import Foundation

/// python-manilaclient's `find_resource`: an ID is fetched directly; otherwise (or when that
/// fails) the collection is listed and searched by name.
struct ManilaLookup {
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

  func find(_ nameOrID: String, in context: CommandContext) throws -> JSON {
    if UUID(uuidString: nameOrID) != nil {
      let response = try context.api.send(APIRequest(.get, "\(path)/\(nameOrID)"), to: .sharedFileSystem)
      if response.status == 200, let record = response.body?[member] { return record }
      if response.status != 404 {
        throw CommandFailure(message: Fault.message(of: response, service: .sharedFileSystem))
      }
    }
    let list = try context.call(.sharedFileSystem, APIRequest(.get, listPath))
    let matches = (list[collection]?.array ?? []).filter { $0["name"]?.string == nameOrID }
    if matches.count > 1 {
      throw CommandFailure(
        message: "Multiple \(className) matches found for '\(nameOrID)', use an ID to be more specific.")
    }
    guard let match = matches.first else {
      throw CommandFailure(message: "No \(className) with a name or ID of '\(nameOrID)' exists.")
    }
    return match
  }

  static let share = ManilaLookup(
    className: "share", path: "/v2/shares", member: "share", listPath: "/v2/shares/detail",
    collection: "shares")
  static let shareNetwork = ManilaLookup(
    className: "sharenetwork", path: "/v2/share-networks", member: "share_network",
    listPath: "/v2/share-networks/detail", collection: "share_networks")
  static let shareType = ManilaLookup(
    className: "sharetype", path: "/v2/types", member: "share_type", listPath: "/v2/types",
    collection: "share_types")
  static let message = ManilaLookup(
    className: "message", path: "/v2/messages", member: "message", listPath: "/v2/messages",
    collection: "messages")
}

/// Helpers shared by the Shared File Systems commands, as python-manilaclient writes them.
enum ManilaFormat {
  /// `utils.format_column_headers`: `share_type_name` → `Share Type Name`, `id` → `ID`.
  static func header(_ key: String) -> String {
    key.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
      .replacingOccurrences(of: "Id", with: "ID")
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

  /// The query string python-manilaclient builds: only the options that are set, sorted by name.
  static func query(_ options: [(String, String?)]) -> [(name: String, value: String)] {
    options.compactMap { name, value in value.flatMap { $0.isEmpty ? nil : (name: name, value: $0) } }
      .sorted { $0.name < $1.name }
  }
}
