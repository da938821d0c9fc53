import CloudAPI

/// The structured formats cliff prints, read back into data.
enum DataFormat: String {
  case json
  case yaml

  /// Data read only so far: nested too deep, or standing for too many values. Reading it would
  /// exhaust the stack or memory; cliff never prints such data.
  struct Unreadable: Error {
    var reason: String
    /// The line of the text where reading stopped, from 1; `nil` when the whole text is at fault.
    var line: Int?
  }

  /// The text as data; `nil` for text that is not of the format (it is then compared as lines).
  func parse(_ text: String) throws(Unreadable) -> JSON? {
    switch self {
    case .json:
      do {
        return try JSON(parsing: text)
      } catch {
        guard error.isTooDeep else { return nil }
        throw Unreadable(reason: "it is \(error.message) (column \(error.column))", line: error.line)
      }
    case .yaml:
      return try DocumentedYAML.read(text)
    }
  }
}

/// Compares the data a page shows (`-f json`, `-f yaml`) with the data printed: member by
/// member, items by position, strings with their volatile values bound. Keys in another order
/// are a note, not drift: the data is the same.
struct DataComparison {
  /// The page's lines, to find the line a member is on.
  var documentedLines: [String]
  var firstLine: Int

  struct Result {
    var differences: [Difference] = []
    var notes: [String] = []
  }

  func compare(_ page: JSON, _ printed: JSON, bindings: inout Bindings) -> Result {
    var result = Result()
    compare(page, printed, path: "", bindings: &bindings, into: &result)
    return result
  }

  private func compare(_ page: JSON, _ printed: JSON, path: String, bindings: inout Bindings, into result: inout Result) {
    switch (page, printed) {
    case (.object(let left), .object(let right)):
      for (key, value) in left {
        let member = path + "." + key
        guard let other = right[key] else {
          result.differences.append(difference(member, "on the page, not printed", key: key))
          continue
        }
        compare(value, other, path: member, bindings: &bindings, into: &result)
      }
      for key in right.keys where left[key] == nil {
        result.differences.append(difference(path + "." + key, "printed, not on the page", key: nil))
      }
      let common = left.keys.filter { right[$0] != nil }
      if common != right.keys.filter({ left[$0] != nil }) {
        result.notes.append("keys in another order than the page shows at \(path.isEmpty ? "the top" : path)")
      }
    case (.array(let left), .array(let right)):
      for index in 0..<min(left.count, right.count) {
        compare(left[index], right[index], path: "\(path)[\(index)]", bindings: &bindings, into: &result)
      }
      if left.count != right.count {
        result.differences.append(
          difference(path.isEmpty ? "the list" : path, "\(left.count) items on the page, \(right.count) printed", key: nil))
      }
    case (.string(let left), .string(let right)):
      if !bindings.match(documented: left, actual: right) {
        result.differences.append(difference(path, "page \(page.pythonCompact), printed \(printed.pythonCompact)", key: nil))
      }
    default:
      if page != printed {
        result.differences.append(difference(path, "page \(page.pythonCompact), printed \(printed.pythonCompact)", key: nil))
      }
    }
  }

  /// An explained difference at the page's line that names the member's key, if there is one.
  private func difference(_ path: String, _ text: String, key: String?) -> Difference {
    let name = path.split(separator: ".").last.map { String($0.prefix { $0 != "[" }) } ?? ""
    let offset = documentedLines.firstIndex { $0.contains("\"\(key ?? name)\"") || $0.contains("\(key ?? name):") }
    return Difference(side: .explained, line: firstLine + (offset ?? 0), text: "\(path.isEmpty ? "the value" : path): \(text)")
  }
}
