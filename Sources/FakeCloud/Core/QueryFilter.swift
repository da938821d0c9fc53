import CloudAPI
import Foundation

/// A query parameter a list API filters by, read as its service reads it: the value is parsed
/// once (or answered with the service's own fault), then tested against each record. A list
/// declares its filters as a table of these; `QueryFilters.apply` runs the table.
struct QueryFilter<Record>: Sendable {
  let parameter: String
  /// The microversion from which the service reads the parameter; below it, it is dropped.
  var since: Microversion? = nil
  /// The test the value asks for, or the service's fault for a value it cannot read.
  let reading: @Sendable (String) -> Result<(Record) -> Bool, FilterFault>
}

/// The fault a service answers for a filter value it cannot read.
struct FilterFault: Error, Sendable {
  let response: APIResponse
}

extension QueryFilter {
  /// The filter, read from `version` on.
  func since(_ version: Microversion) -> Self {
    var filter = self
    filter.since = version
    return filter
  }

  /// Equal to the record's field; a field the record lacks matches nothing.
  static func exact(_ parameter: String, _ field: @escaping @Sendable (Record) -> String?) -> Self {
    Self(parameter: parameter) { wanted in .success { field($0) == wanted } }
  }

  /// A boolean field, the value read by `read` (strict: anything else is `fault`).
  static func boolean(
    _ parameter: String, _ field: @escaping @Sendable (Record) -> Bool, fault: @escaping @Sendable (String) -> APIResponse
  ) -> Self {
    Self(parameter: parameter) { text in
      guard let wanted = StrictBool.parse(text) else { return .failure(FilterFault(response: fault(text))) }
      return .success { field($0) == wanted }
    }
  }

  /// A number field at least the value's integer (Python's `int()`; anything else is `fault`).
  static func atLeast(
    _ parameter: String, _ field: @escaping @Sendable (Record) -> Int, fault: @escaping @Sendable (String) -> APIResponse
  ) -> Self {
    Self(parameter: parameter) { text in
      guard let minimum = PythonInt.parse(text) else { return .failure(FilterFault(response: fault(text))) }
      return .success { field($0) >= minimum }
    }
  }

  /// A text field the value's pattern is found in, as `matcher` builds the test.
  static func pattern(
    _ parameter: String, _ field: @escaping @Sendable (Record) -> String?, matcher: @escaping @Sendable (String) -> (String) -> Bool
  ) -> Self {
    Self(parameter: parameter) { text in
      let matches = matcher(text)
      return .success { field($0).map(matches) ?? false }
    }
  }
}

/// A list's filters, applied in the table's order to the query's first value of each.
struct QueryFilters<Record>: Sendable {
  let filters: [QueryFilter<Record>]

  init(_ filters: [QueryFilter<Record>]) { self.filters = filters }

  /// The records every filter the query gives keeps (at the request's microversion, for a
  /// service that has them), or the first fault.
  func apply(_ records: [Record], _ call: Call, version: Microversion? = nil) -> Result<[Record], FilterFault> {
    // Most lists are asked for without a query: nothing to look for.
    guard !call.request.query.isEmpty else { return .success(records) }
    var kept = records
    for filter in filters {
      if let since = filter.since, let version, version < since { continue }
      guard let value = call.query(filter.parameter) else { continue }
      switch filter.reading(value) {
      case .success(let test): kept = kept.filter(test)
      case .failure(let fault): return .failure(fault)
      }
    }
    return .success(kept)
  }

  /// The response to the kept records, or the service's fault for a value it cannot read.
  func apply(
    _ records: [Record], _ call: Call, version: Microversion? = nil, respond: ([Record]) -> APIResponse
  ) -> APIResponse {
    switch apply(records, call, version: version) {
    case .success(let kept): return respond(kept)
    case .failure(let fault): return fault.response
    }
  }
}

/// oslo's `strutils.bool_from_string(..., strict=True)`, which Nova and Neutron read filters with.
enum StrictBool {
  static func parse(_ text: String) -> Bool? {
    // Foundation's trimming bridges to `NSString`: only a value that may have blanks around it
    // (a space, a tab, or a character beyond ASCII at either end) is trimmed.
    let blank = { (byte: UInt8?) in byte.map { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 >= 0x80 } ?? false }
    let trimmed = blank(text.utf8.first) || blank(text.utf8.last) ? text.trimmingCharacters(in: .whitespaces) : text
    switch trimmed.lowercased() {
    case "1", "t", "true", "on", "y", "yes": return true
    case "0", "f", "false", "off", "n", "no": return false
    default: return nil
    }
  }

  /// The `ValueError` oslo raises for a value it cannot read, which the services quote.
  static func unrecognized(_ text: String) -> String {
    "Unrecognized value '\(text)', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'"
  }
}

/// Text searches of the services' databases.
enum TextSearch {
  /// MySQL's `REGEXP` (ICU's syntax), case-insensitive under the services' collation: whether
  /// the pattern is found anywhere in a text. A pattern MySQL cannot compile matches nothing.
  static func regexp(_ pattern: String) -> (String) -> Bool {
    // Most searches give plain text: no expression to compile. (The metacharacters are ASCII,
    // and no byte of a character of several bytes is: looked for by bytes.)
    if !pattern.utf8.contains(where: isMetacharacter) {
      let text = pattern.lowercased()
      return { ASCIISearch.containsFolded($0, text) ?? $0.lowercased().contains(text) }
    }
    guard let expression = try? NSRegularExpression(pattern: pattern, options: .caseInsensitive) else { return { _ in false } }
    return { expression.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }
  }

  private static func isMetacharacter(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "."), UInt8(ascii: "|"), UInt8(ascii: "?"),
      UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"),
      UInt8(ascii: "{"), UInt8(ascii: "}"):
      true
    default: false
    }
  }

  /// Python's `value in text`: a case-sensitive substring.
  static func substring(_ value: String) -> (String) -> Bool {
    { $0.contains(value) }
  }
}

/// A substring search over ASCII text, by bytes: every list filtered by name searches each
/// record's name, and lowering and searching by characters had cost more than the rest of the
/// list.
enum ASCIISearch {
  /// Whether `text`, in lower case, holds `lowercased` (lower case already); `nil` when either is
  /// not ASCII or holds a carriage return (with a line feed, one character: only a search by
  /// characters tells), or `lowercased` is empty (which string searches disagree on).
  static func containsFolded(_ text: String, _ lowercased: String) -> Bool? {
    func plain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x0D }
    func folded(_ byte: UInt8) -> UInt8 { byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte }
    let found: Bool?? = text.utf8.withContiguousStorageIfAvailable { haystack -> Bool? in
      lowercased.utf8.withContiguousStorageIfAvailable { needle -> Bool? in
        guard !needle.isEmpty, haystack.allSatisfy(plain), needle.allSatisfy(plain) else { return nil }
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) {
          var matched = 0
          while matched < needle.count, folded(haystack[start + matched]) == needle[matched] { matched += 1 }
          if matched == needle.count { return true }
        }
        return false
      } ?? nil
    }
    return found ?? nil
  }
}
