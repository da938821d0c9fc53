import CloudAPI
import Yams

/// A page's YAML output read as data, within bounds: libyaml refuses nesting deeper than 1,000
/// levels, and aliases may stand for no more than ``expansionBudget`` values. A few lines of
/// nested aliases (a "billion laughs") stand for more values than memory holds; they are counted
/// before anything is expanded.
enum DocumentedYAML {
  static let expansionBudget = 100_000

  /// The document as JSON; `nil` for text that is not YAML (it is then compared as lines).
  static func read(_ text: String) throws(DataFormat.Unreadable) -> JSON? {
    // Yams checks a mapping's keys for duplicates by hashing them whole, which expands any alias
    // in a key before it could be counted.
    if hasAlias(text) && hasCollectionKey(text) {
      throw DataFormat.Unreadable(reason: "it has aliases and a mapping key that is not a plain value")
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch YamlError.memory {
      throw DataFormat.Unreadable(reason: "it is nested deeper than 1000 levels")
    } catch YamlError.parser(_, let problem, let mark, _) where problem.hasPrefix("Maximum nesting level") {
      throw DataFormat.Unreadable(reason: "it is nested deeper than 1000 levels (column \(mark.column))", line: mark.line)
    } catch {
      return nil
    }
    guard let root else { return nil }
    guard expandedSize(of: root) != nil else {
      throw DataFormat.Unreadable(reason: "its aliases stand for more than \(expansionBudget) values")
    }
    return json(root)
  }

  /// Where a collection starts in the text, which an alias's copy of it shares.
  private struct Place: Hashable {
    var line: Int
    var column: Int
    var isMapping: Bool
    var count: Int
  }

  /// The values `root` stands for with its aliases expanded, counted without expanding them (a
  /// collection met again through an alias is counted from its place); `nil` past the budget.
  static func expandedSize(of root: Node) -> Int? {
    var sizes: [Place: Int] = [:]
    func size(_ node: Node) -> Int? {
      let children: [Node]
      let place: Place?
      switch node {
      case .mapping(let mapping):
        children = mapping.flatMap { [$0.key, $0.value] }
        place = mapping.mark.map { Place(line: $0.line, column: $0.column, isMapping: true, count: children.count) }
      case .sequence(let sequence):
        children = Array(sequence)
        place = sequence.mark.map { Place(line: $0.line, column: $0.column, isMapping: false, count: children.count) }
      default:
        return 1
      }
      if let place, let known = sizes[place] { return known }
      var total = 1
      for child in children {
        guard let childSize = size(child) else { return nil }
        total += childSize
        if total > expansionBudget { return nil }
      }
      if let place { sizes[place] = total }
      return total
    }
    return size(root)
  }

  /// A YAML node as JSON, keys in document order, scalars typed as PyYAML's `safe_dump` wrote them.
  private static func json(_ node: Node) -> JSON {
    switch node {
    case .mapping(let mapping):
      return .object(JSONObject(uniqueKeysWithValues: mapping.map { ($0.key.string ?? "", json($0.value)) }))
    case .sequence(let sequence):
      return .array(sequence.map(json))
    case .scalar:
      if node.null != nil { return .null }
      if let value = node.bool { return .bool(value) }
      let text = node.string ?? ""
      if text.utf8.contains(UInt8(ascii: ":")) {
        if let value = sexagesimal(text) { return value.map(JSON.int) ?? .string(text) }
      } else if let value = node.int {
        return .int(value)
      }
      if let value = node.float { return .double(value) }
      return .string(text)
    default:
      return .null
    }
  }

  /// PyYAML's base-60 integer (`[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+`, `190:20:30`), read here: Yams
  /// reads any scalar with a colon as one, and traps where the value overflows.
  /// - Returns: `nil` unless the text has that form; inside, its value, or `nil` when it does not
  ///   fit (Python's integer would).
  static func sexagesimal(_ text: String) -> Int?? {
    var rest = Substring(text)
    var negative = false
    if let sign = rest.first, sign == "-" || sign == "+" {
      negative = sign == "-"
      rest = rest.dropFirst()
    }
    let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
    let isDigit = { (character: Character) in character.isASCII && character.isNumber }
    guard parts.count >= 2, let head = parts.first, let lead = head.first, isDigit(lead), lead != "0",
      head.allSatisfy({ isDigit($0) || $0 == "_" }),
      parts.dropFirst().allSatisfy({ part in
        (1...2).contains(part.count) && part.allSatisfy(isDigit) && (part.count == 1 || part.first! <= "5")
      })
    else { return nil }
    // `construct_yaml_int`: the parts as numbers, each worth sixty of the next.
    var value = 0
    for (index, part) in parts.enumerated() {
      guard let number = Int(part.filter { $0 != "_" }) else { return .some(nil) }
      let (scaled, overflow) = value.multipliedReportingOverflow(by: index == 0 ? 1 : 60)
      let (sum, carried) = scaled.addingReportingOverflow(number)
      if overflow || carried { return .some(nil) }
      value = sum
    }
    return .some(negative ? -value : value)
  }

  /// Whether the text may use an alias (`*name`): any `*` before a character of an anchor's name,
  /// which is more than libyaml would read as one.
  static func hasAlias(_ text: String) -> Bool {
    zip(text.utf8, text.utf8.dropFirst()).contains { $0 == UInt8(ascii: "*") && isAnchorCharacter($1) }
  }

  /// Whether a mapping key may be a collection or an alias: an explicit key (`? `), or `]`, `}`
  /// or an alias's name followed by `:` on the same line. Also more than libyaml would read as one.
  static func hasCollectionKey(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    func isBlank(_ index: Int) -> Bool { index == bytes.count || [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) }
    func colonFollows(_ start: Int) -> Bool {
      var index = start
      while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
      return index < bytes.count && bytes[index] == UInt8(ascii: ":")
    }
    var index = 0
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "?") where isBlank(index + 1):
        return true
      case UInt8(ascii: "]"), UInt8(ascii: "}"):
        if colonFollows(index + 1) { return true }
      case UInt8(ascii: "*"):
        while index + 1 < bytes.count, isAnchorCharacter(bytes[index + 1]) { index += 1 }
        if colonFollows(index + 1) { return true }
      default:
        break
      }
      index += 1
    }
    return false
  }

  /// libyaml's anchor and alias names: letters, digits, `-` and `_`.
  private static func isAnchorCharacter(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
      || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
  }
}
