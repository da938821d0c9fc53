import CloudAPI

/// How Manila's list APIs refuse a `limit` or `offset` they cannot page by: every answer a 400
/// (webob's `HTTPBadRequest`), before anything is listed.
enum ManilaPagination {
  /// `osapi_max_limit`'s default.
  static let maximumLimit = 1000
  /// `constants.DB_MAX_INT`, the schemas' bound.
  private static let databaseMaximum = 0x7FFF_FFFF

  /// `manila.api.common._validate_pagination_query`, which the share lists run first: the
  /// offset is read before the limit, the limit checked before the offset.
  static func sharesFault(_ call: Call) -> APIResponse? {
    let offset = call.query("offset").map { PythonInt.parse($0) }
    if case .some(nil) = offset { return .fault(400, "offset param must be an integer") }
    let limit = call.query("limit").map { PythonInt.parse($0) }
    if case .some(nil) = limit { return .fault(400, "limit param must be an integer") }
    if let limit = limit ?? nil, limit < 0 { return .fault(400, "limit param must be positive") }
    if let offset = offset ?? nil, offset < 0 { return .fault(400, "offset param must be positive") }
    return nil
  }

  /// The messages API's query schema (`manila/api/schemas/messages.py`): `limit` and `offset`
  /// as `non_negative_integer`, the type, the pattern, then the bounds, as jsonschema reports
  /// the first error. Manila validates the query as it does a body, so the error names the
  /// last element of the error's path: the value's index in its list of values, 0.
  static func messagesFault(_ call: Call) -> APIResponse? {
    for name in ["limit", "offset"] {
      guard let text = call.query(name), !text.isEmpty else { continue }
      guard text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
        return .fault(400, "Invalid input for field/attribute 0. Value: \(text). \(repr(text)) does not match '^[0-9]*$'")
      }
      // The bound is compared with `int(value)`, and reported as that number.
      if let value = PythonInt.parse(text), value > databaseMaximum {
        let number = String(text.drop { $0 == "0" })
        return .fault(400, "Invalid input for field/attribute 0. Value: \(number). \(number) is greater than the maximum of \(databaseMaximum)")
      }
    }
    return nil
  }

  /// Python's `repr` of a string from a query: quoted with `'`, or `"` when only `'` occurs;
  /// backslashes and control characters escaped.
  private static func repr(_ text: String) -> String {
    let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
    var escaped = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": escaped += "\\\\"
      case "\n": escaped += "\\n"
      case "\r": escaped += "\\r"
      case "\t": escaped += "\\t"
      case _ where Character(scalar) == quote: escaped += "\\" + String(quote)
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        escaped += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return String(quote) + escaped + String(quote)
  }
}
