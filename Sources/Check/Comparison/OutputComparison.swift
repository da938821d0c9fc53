import CloudAPI
import Documents
import Foundation
import OpenStackCLI

/// Compares what a command printed with the output its page documents, and says how they
/// differ: a cliff table row by row and cell by cell, JSON and YAML as data, anything else line
/// by line. Volatile values are bound first (``Bindings``).
struct OutputComparison {
  var command: ConsoleCommand
  /// The command's words, as the session ran them.
  var words: [String]
  var settings: CheckSettings

  /// The outcome, and notes on differences that are not drift (rows in another order).
  /// - Parameter printedText: what the command printed, as ``lines(_:)`` gives it.
  func outcome(of result: CommandResult, printed printedText: [String], bindings: inout Bindings) -> (
    StepOutcome, notes: [String]
  ) {
    guard result.isSimulated else {
      return (.notSimulated(reason: String(result.standardError.trimmingSuffix("\n"))), [])
    }
    var original = command.output.map { String($0.trimmingSuffix(" ")) }
    // A blank line between a command and its output is the page's layout (the client begins no
    // output with one, unless its first value is empty): it is not compared.
    var outputStart = command.outputLines?.lowerBound ?? command.commandLines.upperBound + 1
    // The password prompts were the terminal's, not standard output's.
    if PasswordPrompts.answered(command, words: words) {
      let kept = PasswordPrompts.withoutPrompts(original)
      outputStart += original.count - kept.count
      original = kept
    }
    if printedText.first?.isEmpty != true, let content = original.firstIndex(where: { !$0.isEmpty }), content > 0 {
      original.removeFirst(content)
      outputStart += content
    }
    // A page that shows no output shows what to type, not what it prints: only the exit status
    // says whether the command worked. (A command that prints nothing matches such a page.)
    if original.isEmpty && !printedText.isEmpty {
      if result.exitStatus == 0 { return (.ran, []) }
      return (.failed(status: result.exitStatus, message: bindings.documented(Self.errorLine(of: result))), [])
    }
    let printed = printedText.map(Self.tableCanonical)
    // Columns padded to another width are not drift.
    let page = original.map(Self.tableCanonical)
    // The same text has the same values: nothing to bind (they would bind to themselves).
    if page == printed { return (.matched, []) }
    // Lines bind their volatile values; then the page's values are replaced by the bound ones and
    // the rest compared as text. (Bound values are as long as the page's, so substituting in the
    // canonical line is substituting in the line.)
    bindings.bind(documented: page, printed: printed)
    let documented = page.map(bindings.substituted)
    if printed == documented || Elision.matches(documented: documented, printed: printed) {
      return (.matched, [])
    }
    // The command errs where the page shows it working: the error says why, not a diff.
    if result.exitStatus != 0 && !documented.isEmpty {
      return (.failed(status: result.exitStatus, message: bindings.documented(Self.errorLine(of: result))), [])
    }
    let firstLine = outputStart
    if printed.isEmpty, let page = CliffTable.parse(original), page.rows.isEmpty {
      let explanation =
        "the page shows an empty table; for an empty list the client prints only an empty line (the header needs --print-empty)"
      return (.drift([Difference(side: .explained, line: firstLine, text: explanation)]), [])
    }
    if !settings.strictLayout, let page = CliffTable.parse(original), let actual = CliffTable.parse(printedText) {
      let comparison = TableComparison(
        documented: page, firstLine: firstLine, lastLine: firstLine + original.count - 1, printed: actual,
        orderMatters: orderMatters)
      let result = comparison.compare(bindings: &bindings)
      var notes = result.notes
      if original.first != printedText.first, let border = original.first,
        let width = WidthInference.width(of: page, pageBorder: border, printed: actual)
      {
        notes.append("the page's table was wrapped for a terminal \(width) columns wide (`width \(width)` reproduces it)")
      }
      return (result.differences.isEmpty ? .matched : .drift(result.differences), notes)
    }
    if let format = structuredFormat {
      let page: JSON?
      do {
        page = try format.parse(original.joined(separator: "\n"))
      } catch {
        let text = "the page's \(format.rawValue.uppercased()) output cannot be read: \(error.reason)"
        return (.drift([Difference(side: .explained, line: firstLine + (error.line ?? 1) - 1, text: text)]), [])
      }
      if let page, let actual = try? format.parse(printedText.joined(separator: "\n")) {
        let comparison = DataComparison(documentedLines: original, firstLine: firstLine)
        let result = comparison.compare(page, actual, bindings: &bindings)
        return (result.differences.isEmpty ? .matched : .drift(result.differences), result.notes)
      }
    }
    if printed.sorted() == documented.sorted() {
      let note = "lines in another order than the page shows"
      if !orderMatters { return (.matched, [note]) }
      return (.drift([Difference(side: .explained, line: firstLine, text: note)]), [])
    }
    let difference = printed.difference(from: documented)
    let removed = difference.removals.compactMap { change -> Difference? in
      guard case .remove(let offset, _, _) = change else { return nil }
      return Difference(side: .documented, line: firstLine + offset, text: original[offset])
    }
    let inserted = difference.insertions.compactMap { change -> Difference? in
      guard case .insert(let offset, _, _) = change else { return nil }
      return Difference(side: .actual, line: offset + 1, text: printedText[offset])
    }
    return (.drift(removed.sorted { $0.line < $1.line } + inserted.sorted { $0.line < $1.line }), [])
  }

  /// The line that says why a command failed: the first of its standard error (else of its
  /// output), past the deprecation warnings the client logs before it runs (`API has been
  /// deprecated; consider using 'hypervisor list' instead.`) when an error follows them. The
  /// callers give it the page's values for the cloud's bound to them (`No Network found for` the
  /// page's ID, not the cloud's).
  private static func errorLine(of result: CommandResult) -> String {
    let message = result.standardError.isEmpty ? result.standardOutput : result.standardError
    // Cut by bytes: a traceback runs to hundreds of lines, and cutting them into characters had
    // cost a failing command more than running it.
    var first: Substring?
    for bytes in message.utf8.split(separator: UInt8(ascii: "\n")) {
      let line = Substring(bytes)
      if !line.includes(bytes: deprecated) { return String(line) }
      if first == nil { first = line }
    }
    return String(first ?? "")
  }

  private static let deprecated = Array("deprecated".utf8)

  /// Rows in another order are drift when the command asks for an order (`--sort-column`,
  /// `--sort`) or the check is strict about order.
  private var orderMatters: Bool {
    settings.strictOrder || words.contains { $0.hasPrefix("--sort") }
  }

  /// JSON or YAML, when the command asks for it (`-f json`, `--format=yaml`, `-fjson`).
  private var structuredFormat: DataFormat? {
    for (index, word) in words.enumerated() {
      let value: String? =
        if word == "-f" || word == "--format" { index + 1 < words.count ? words[index + 1] : nil }
        else if word.hasPrefix("--format=") { String(word.dropFirst("--format=".count)) }
        else if word.hasPrefix("-f") && word.count > 2 && !word.hasPrefix("--") { String(word.dropFirst(2)) }
        else { nil }
      if let value { return DataFormat(rawValue: value) }
    }
    return nil
  }

  /// A cliff table line without its padding: a border as `+`, a row as its cells, trimmed,
  /// between `|`. Other lines stay as they are. Read as bytes: every output line goes through here.
  static func tableCanonical(_ line: String) -> String {
    let (plus, minus, bar, space) = (UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "|"), UInt8(ascii: " "))
    // Most lines are neither border nor row: known by their ends without copying their bytes.
    guard let first = line.utf8.first, let last = line.utf8.last, line.utf8.count >= 2,
      (first == plus && last == plus) || (first == bar && last == bar)
    else { return line }
    var line = line
    return line.withUTF8 { bytes in
      if first == plus {
        return bytes.allSatisfy({ $0 == plus || $0 == minus }) ? "+" : String(decoding: bytes, as: UTF8.self)
      }
      // Each cell between two bars, without the spaces at its ends; the bars kept between cells.
      var canonical: [UInt8] = []
      canonical.reserveCapacity(bytes.count)
      var start = 1
      while start < bytes.count {
        var end = start
        while end < bytes.count - 1 && bytes[end] != bar { end += 1 }
        var (from, to) = (start, end)
        while from < to && bytes[from] == space { from += 1 }
        while to > from && bytes[to - 1] == space { to -= 1 }
        if start > 1 { canonical.append(bar) }
        canonical.append(contentsOf: bytes[from..<to])
        start = end + 1
      }
      return String(decoding: canonical, as: UTF8.self)
    }
  }

  /// The printed text as the page would show it: lines without trailing spaces, trailing blank
  /// lines dropped (as the reader drops them from documented output).
  static func lines(_ text: String) -> [String] {
    // Cut and trimmed over the text's bytes: the generic `split` of a UTF-8 view and trimming by
    // characters had cost more than comparing the lines.
    var text = text
    var lines = text.withUTF8 { bytes in
      var lines: [String] = []
      var start = 0
      for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "\n") {
        var end = index
        while end > start && bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
        start = index + 1
      }
      return lines
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines
  }
}

/// Elisions in documented output: a line of only `...` (or `[snip]`) stands for any number of
/// lines; `...` or `[snip]` inside a line stands for any text.
enum Elision {
  static let markers = ["...", "[snip]"]

  static func matches(documented: [String], printed: [String]) -> Bool {
    guard documented.contains(where: { line in markers.contains { line.includes($0) } }) else { return false }
    // Dynamic programming over (documented line, printed line) positions.
    var reachable = Array(repeating: Array(repeating: false, count: printed.count + 1), count: documented.count + 1)
    reachable[0][0] = true
    for i in 0...documented.count {
      for j in 0...printed.count where reachable[i][j] {
        guard i < documented.count else { continue }
        let pattern = documented[i].trimmingCharacters(in: .whitespaces)
        if markers.contains(pattern) {
          for k in j...printed.count { reachable[i + 1][k] = true }
        } else if j < printed.count, lineMatches(documented[i], printed[j]) {
          reachable[i + 1][j + 1] = true
        }
      }
    }
    return reachable[documented.count][printed.count]
  }

  /// A line with `...` or `[snip]` inside: the pieces between them in order, the first at the
  /// start and the last at the end. Compared as bytes: counting characters of the pattern and
  /// cutting the line by that count trapped where the two break into characters differently.
  static func lineMatches(_ pattern: String, _ line: String) -> Bool {
    let pieces = pieces(of: Array(pattern.utf8))
    guard pieces.count > 1 else { return pattern == line }
    let bytes = Array(line.utf8)
    let (first, last) = (pieces[0], pieces[pieces.count - 1])
    guard bytes.count >= first.count + last.count, bytes.starts(with: first), bytes.suffix(last.count).elementsEqual(last)
    else { return false }
    var rest = bytes[first.count..<(bytes.count - last.count)]
    for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
      guard let range = rest.firstRange(of: piece) else { return false }
      rest = rest[range.upperBound...]
    }
    return true
  }

  private static let markerBytes = markers.map { Array($0.utf8) }

  /// The pattern's bytes between its markers, left to right.
  private static func pieces(of pattern: [UInt8]) -> [[UInt8]] {
    var pieces: [[UInt8]] = []
    var current: [UInt8] = []
    var index = 0
    scanning: while index < pattern.count {
      for marker in markerBytes where pattern[index...].starts(with: marker) {
        pieces.append(current)
        current = []
        index += marker.count
        continue scanning
      }
      current.append(pattern[index])
      index += 1
    }
    pieces.append(current)
    return pieces
  }
}
