/// Two texts' lines compared as `diff -u` compares them: the changed lines with a little context
/// around each change, in hunks headed `@@ -OLD,COUNT +NEW,COUNT @@`.
public enum UnifiedDiff {
  public enum Edit: Equatable, Sendable {
    case same(String)
    case removed(String)
    case added(String)
  }

  /// Past this many differing lines between the common head and tail, the two middles are
  /// shown as removed and added whole: a diff that large is read as a replacement anyway, and
  /// Myers' search grows with the square of the differences.
  static let searchLimit = 1000

  /// The diff in `diff -u`'s form, `--- OLD` and `+++ NEW` first; empty when the lines are the
  /// same.
  public static func render(old: [String], new: [String], oldName: String, newName: String, context: Int = 3) -> String {
    let hunks = self.hunks(edits(old, new), context: context)
    guard !hunks.isEmpty else { return "" }
    return "--- \(oldName)\n+++ \(newName)\n" + hunks.map { $0.joined(separator: "\n") + "\n" }.joined()
  }

  /// A text's lines, without the empty one after its last newline.
  public static func lines(of text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// The lines of each hunk, its `@@` header first.
  public static func hunks(_ edits: [Edit], context: Int = 3) -> [[String]] {
    let changed = edits.indices.filter { if case .same = edits[$0] { false } else { true } }
    guard let first = changed.first else { return [] }
    // Ranges of edits, each a change with its context, merged where their context meets.
    var ranges: [Range<Int>] = []
    var current = max(0, first - context)..<min(edits.count, first + context + 1)
    for index in changed.dropFirst() {
      let range = max(0, index - context)..<min(edits.count, index + context + 1)
      if range.lowerBound <= current.upperBound {
        current = current.lowerBound..<range.upperBound
      } else {
        ranges.append(current)
        current = range
      }
    }
    ranges.append(current)
    // Line numbers of each edit's old and new line, counted from 1.
    var oldLine = 1
    var newLine = 1
    var starts: [(old: Int, new: Int)] = []
    for edit in edits {
      starts.append((oldLine, newLine))
      switch edit {
      case .same: oldLine += 1; newLine += 1
      case .removed: oldLine += 1
      case .added: newLine += 1
      }
    }
    return ranges.map { range in
      var lines: [String] = []
      var oldCount = 0
      var newCount = 0
      for edit in edits[range] {
        switch edit {
        case .same(let line): lines.append(" " + line); oldCount += 1; newCount += 1
        case .removed(let line): lines.append("-" + line); oldCount += 1
        case .added(let line): lines.append("+" + line); newCount += 1
        }
      }
      let start = starts[range.lowerBound]
      return ["@@ -\(span(start.old, oldCount)) +\(span(start.new, newCount)) @@"] + lines
    }
  }

  /// `START,COUNT` as diff writes it: `START` alone for one line, the line before for none.
  private static func span(_ start: Int, _ count: Int) -> String {
    switch count {
    case 0: "\(start - 1),0"
    case 1: "\(start)"
    default: "\(start),\(count)"
    }
  }

  /// The shortest edit script from `old` to `new` (Myers), past their common head and tail.
  public static func edits(_ old: [String], _ new: [String]) -> [Edit] {
    var head = 0
    while head < old.count, head < new.count, old[head] == new[head] { head += 1 }
    var tail = 0
    while tail < old.count - head, tail < new.count - head, old[old.count - 1 - tail] == new[new.count - 1 - tail] {
      tail += 1
    }
    let middle = shortestEdits(Array(old[head..<(old.count - tail)]), Array(new[head..<(new.count - tail)]))
    return old[..<head].map(Edit.same) + middle + old[(old.count - tail)...].map(Edit.same)
  }

  private static func shortestEdits(_ old: [String], _ new: [String]) -> [Edit] {
    let (n, m) = (old.count, new.count)
    guard n > 0, m > 0 else { return old.map(Edit.removed) + new.map(Edit.added) }
    let limit = min(n + m, searchLimit)
    // furthest[k + offset]: the furthest old index reached on diagonal k; trace[d] keeps the
    // diagonals -d...d as they stood before step d, to walk back along.
    let offset = limit + 1
    var furthest = [Int](repeating: 0, count: 2 * limit + 3)
    var trace: [[Int]] = []
    func goesDown(_ k: Int, _ d: Int, _ at: (Int) -> Int) -> Bool {
      k == -d || (k != d && at(k - 1) < at(k + 1))
    }
    search: for d in 0...limit {
      trace.append(Array(furthest[(offset - d)...(offset + d)]))
      for k in stride(from: -d, through: d, by: 2) {
        var x = goesDown(k, d, { furthest[$0 + offset] }) ? furthest[k + 1 + offset] : furthest[k - 1 + offset] + 1
        var y = x - k
        while x < n, y < m, old[x] == new[y] {
          x += 1
          y += 1
        }
        furthest[k + offset] = x
        if x >= n && y >= m { break search }
      }
      if d == limit { return old.map(Edit.removed) + new.map(Edit.added) }
    }
    var edits: [Edit] = []
    var (x, y) = (n, m)
    for d in stride(from: trace.count - 1, through: 0, by: -1) {
      let before = trace[d]
      let at = { (k: Int) in before[k + d] }
      let k = x - y
      let previousK = goesDown(k, d, at) ? k + 1 : k - 1
      let previousX = d == 0 ? 0 : at(previousK)
      let previousY = d == 0 ? 0 : previousX - previousK
      while x > previousX, y > previousY {
        edits.append(.same(old[x - 1]))
        x -= 1
        y -= 1
      }
      guard d > 0 else { break }
      if x == previousX {
        edits.append(.added(new[y - 1]))
        y -= 1
      } else {
        edits.append(.removed(old[x - 1]))
        x -= 1
      }
    }
    return edits.reversed()
  }
}
