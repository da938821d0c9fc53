import CloudAPI


/// The helpers of osc-lib 4.7.0 that shape values before cliff sees them.
enum OSCLib {
  /// `utils.format_dict` (`DictColumn` in a table): `key='value'` pairs in key order, nested
  /// dictionaries flattened with dotted keys, `None` as nothing (`key=`).
  static func formatDict(_ value: JSON, prefix: String? = nil) -> JSON {
    .string(flattened(value.object, prefix: prefix))
  }

  private static func flattened(_ fields: JSONObject, prefix: String?) -> String {
    fields.keys.sorted { $0.precedesByCodePoint($1) }.map { key in
      let name = prefix.map { "\($0).\(key)" } ?? key
      switch fields[key]! {
      case .object(let nested): return flattened(nested, prefix: name)
      case .null: return "\(name)="
      case let value: return "\(name)='\(PythonText.str(value))'"
      }
    }.joined(separator: ", ")
  }

  /// What `KeyValueAction` gathers from `key=value` values (checked as they were parsed): a dict,
  /// a later value of a key replacing the earlier one in its place.
  static func keyValues(_ values: [String]) -> [(key: String, value: String)] {
    var items: [(key: String, value: String)] = []
    for text in values {
      let equals = text.firstIndex(of: "=") ?? text.endIndex
      let key = String(text[..<equals])
      let value = equals < text.endIndex ? String(text[text.index(after: equals)...]) : ""
      if let index = items.firstIndex(where: { $0.key == key }) { items[index].value = value } else { items.append((key, value)) }
    }
    return items
  }

  /// `utils.format_list`: the items sorted, joined with `, `.
  static func formatList(_ items: [JSON]) -> String {
    items.map(PythonText.str).sorted { $0.precedesByCodePoint($1) }.joined(separator: ", ")
  }

  /// `utils.format_dict_of_list`: `key=a, b` per key, keys sorted, joined with `; `; `nil` for
  /// no value.
  static func formatDictOfList(_ value: JSON) -> String? {
    guard case .object(let fields) = value else { return nil }
    return fields.keys.sorted { $0.precedesByCodePoint($1) }.map { key in
      // A string is a list of its characters to `format_list` (a hint given once is a string).
      let items = fields[key]?.string.map { $0.map { JSON.string(String($0)) } } ?? fields[key]?.array ?? []
      return "\(key)=" + formatList(items)
    }.joined(separator: "; ")
  }

  /// `utils.sort_items(items, "key:dir,key2", str)`: stable sorts by the string form of each key,
  /// the last key first (osc-lib 4.7.0, with its messages).
  static func sorted(_ items: [JSON], by specification: String) throws -> [JSON] {
    guard !specification.isEmpty else { return items }
    var items = items
    for key in PythonText.strip(specification).split(separator: ",", omittingEmptySubsequences: false).reversed() {
      var name = key
      var descending = false
      if let colon = key.firstIndex(of: ":") {
        name = key[..<colon]
        let direction = key[key.index(after: colon)...]
        if name.isEmpty { throw CommandFailure(message: "'<empty string>'' is not a valid sort key") }
        guard direction == "asc" || direction == "desc" else {
          let shown = direction.isEmpty ? "<empty string>" : direction
          throw CommandFailure(
            message: "'\(shown)' is not a valid sort direction for sort key \(name), use 'asc' or 'desc' instead")
        }
        descending = direction == "desc"
      }
      // `get_field`, then `str()` of each value, as the sort key.
      let keys = try items.map { item in
        guard let value = item[String(name)] else { throw CommandFailure(message: "Resource doesn't have field \(name)") }
        return PythonText.str(value)
      }
      // `list.sort(key=f, reverse=...)`: stable both ways.
      let order = keys.indices.sorted { first, second in
        let (a, b) = (keys[first].unicodeScalars, keys[second].unicodeScalars)
        if a.elementsEqual(b) { return first < second }
        return descending ? b.lexicographicallyPrecedes(a) : a.lexicographicallyPrecedes(b)
      }
      items = order.map { items[$0] }
    }
    return items
  }
}
