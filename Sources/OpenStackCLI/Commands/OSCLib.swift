import Foundation
import CloudAPI


/// The helpers of osc-lib 4.7.0 that shape values before cliff sees them.
enum OSCLib {
  /// `utils.format_dict` (`DictColumn` in a table): `key='value'` pairs in key order, nested
  /// dictionaries flattened with dotted keys, `None` unquoted.
  static func formatDict(_ value: JSON, prefix: String? = nil) -> JSON {
    .string(flattened(value.object, prefix: prefix))
  }

  private static func flattened(_ fields: JSONObject, prefix: String?) -> String {
    fields.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }.map { key in
      let name = prefix.map { "\($0).\(key)" } ?? key
      switch fields[key]! {
      case .object(let nested): return flattened(nested, prefix: name)
      case .null: return "\(name)=None"
      case let value: return "\(name)='\(PythonText.str(value))'"
      }
    }.joined(separator: ", ")
  }

  /// `utils.sort_items(items, "key:dir,key2", str)`: stable sorts by the string form of each key,
  /// the last key first.
  static func sorted(_ items: [JSON], by specification: String) throws -> [JSON] {
    var items = items
    for key in specification.trimmingCharacters(in: .whitespaces).split(separator: ",").reversed() {
      let parts = key.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
      let name = String(parts[0])
      let direction = parts.count > 1 ? String(parts[1]) : "asc"
      if name.isEmpty { throw CommandFailure(message: "empty string is not a valid sort key") }
      guard ["asc", "desc", ""].contains(direction) else {
        throw CommandFailure(message: "\(direction) is not a valid sort direction for sort key \(name), use asc or desc instead")
      }
      let keyed = items.enumerated().map { (offset: $0.offset, key: PythonText.str($0.element[name] ?? .null), item: $0.element) }
      let ordered = keyed.sorted { first, second in
        let (a, b) = (first.key.unicodeScalars, second.key.unicodeScalars)
        if a.elementsEqual(b) { return first.offset < second.offset }
        return direction == "desc" ? b.lexicographicallyPrecedes(a) : a.lexicographicallyPrecedes(b)
      }
      items = ordered.map(\.item)
    }
    return items
  }
}
