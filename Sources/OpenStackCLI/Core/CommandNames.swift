import Foundation

/// The names of every command of the real client, for cliff's "Did you mean one of these?".
enum CommandNames {
  /// Every name, sorted (``list`` is).
  static var all: [String] {
    let table = Self.table
    return table.names.indices.map(table.name)
  }

  /// Made once per process, and fetched once per lookup (a `static let` read in a loop costs
  /// a call each time).
  private static let table = NameTable(list)

  /// cliff's `find_command`: from the words before the first option down to one word, the
  /// command those words name, or the one command whose words they begin, word for word
  /// (`shar list`, `subn sho`); the command and how many words named it. Words that begin two
  /// commands name neither, and fewer words are tried.
  /// `unloaded`: commands the API versions asked for do not load (see ``CommandGroups``).
  static func find(in words: [String], unloaded: Set<String> = []) -> (name: String, count: Int)? {
    let table = Self.table
    let start = words.firstIndex { $0.hasPrefix("-") } ?? words.count
    let typed = words.prefix(min(start, table.mostWords)).map { Array($0.utf8) }
    guard !typed.isEmpty else { return nil }
    let found = table.names(begunBy: typed)
    // cliff joins the words with spaces before it looks the name up: `help 'share list'`.
    let space = NameTable.space
    let spaced = typed.contains { $0.contains(space) }
    for count in stride(from: typed.count, through: 1, by: -1) {
      if spaced {
        let joined = Array(typed.prefix(count).joined(separator: [space]))
        if let index = table.names(beginningWith: joined).first, table.bytes[table.names[index]].elementsEqual(joined),
          case let name = String(decoding: joined, as: UTF8.self), !unloaded.contains(name)
        {
          return (name, count)
        }
      }
      var begun: Range<Int>?
      var several = false
      for (index, exact) in found[count - 1] {
        let name = table.names[index]
        if !unloaded.isEmpty, unloaded.contains(String(decoding: table.bytes[name], as: UTF8.self)) { continue }
        if exact { return (String(decoding: table.bytes[name], as: UTF8.self), count) }
        several = begun != nil
        begun = name
      }
      // Two commands the words begin name neither.
      if let begun, !several { return (String(decoding: table.bytes[begun], as: UTF8.self), count) }
    }
    return nil
  }

  /// The names' bytes, each name's range of them, and the names as a tree of their words: made
  /// in one pass, since every command looks its name up (a `String` and an array of words per
  /// name cost more than the command itself).
  private struct NameTable: Sendable {
    static let space = UInt8(ascii: " ")
    let bytes: [UInt8]
    let names: [Range<Int>]
    /// The tree's nodes, the root first: each run of first words some name begins with. A
    /// lookup walks down the words the typed ones begin, instead of comparing the typed words
    /// with every name that begins with the first (a hundred begin with `network`). One array
    /// of small nodes, each child linked to the next: an array of children for each node had
    /// been a tenth of a page's check's memory and most of the table's making.
    private let nodes: [Node]
    let mostWords: Int

    private struct Node {
      /// The word that leads to the node from its parent: where it starts in ``bytes``, and its
      /// length.
      var wordStart: Int32 = 0
      var wordLength: Int32 = 0
      /// The index in ``names`` of the name these words are; -1 if they are none.
      var name: Int32 = -1
      /// The node's first child, and its parent's next child after it; -1 for none.
      var firstChild: Int32 = -1
      var nextSibling: Int32 = -1

      var word: Range<Int> { Int(wordStart)..<Int(wordStart + wordLength) }
    }

    init(_ list: String) {
      let bytes = Array(list.utf8)
      var names: [Range<Int>] = []
      var nodes = [Node()]
      // Each node's last child, while the tree is made.
      var lastChildren: [Int32] = [-1]
      var mostWords = 0
      bytes.withUnsafeBufferPointer { buffer in
        var node = 0
        var wordCount = 0
        var nameStart = 0
        var wordStart = 0
        for index in 0...buffer.count {
          let byte = index < buffer.count ? buffer[index] : UInt8(ascii: "\n")
          guard byte == Self.space || byte == UInt8(ascii: "\n") else { continue }
          if index > wordStart {
            node = Self.child(of: node, word: wordStart..<index, in: &nodes, lastChildren: &lastChildren, buffer)
            wordCount += 1
          }
          wordStart = index + 1
          if byte == UInt8(ascii: "\n") {
            if index > nameStart {
              nodes[node].name = Int32(names.count)
              names.append(nameStart..<index)
              mostWords = max(mostWords, wordCount)
            }
            (node, wordCount, nameStart) = (0, 0, index + 1)
          }
        }
      }
      self.bytes = bytes
      self.names = names
      self.nodes = nodes
      self.mostWords = mostWords
    }

    /// The node under `node` for `word` (a range of `bytes`), added when there is none. The
    /// names come sorted, so a word already there is almost always the last one added. Words
    /// compared in the list's buffer: comparing array slices had cost more than the rest.
    private static func child(
      of node: Int, word: Range<Int>, in nodes: inout [Node], lastChildren: inout [Int32], _ bytes: UnsafeBufferPointer<UInt8>
    ) -> Int {
      func same(_ other: Node) -> Bool {
        Int(other.wordLength) == word.count
          && memcmp(bytes.baseAddress! + Int(other.wordStart), bytes.baseAddress! + word.lowerBound, word.count) == 0
      }
      let last = Int(lastChildren[node])
      if last >= 0, same(nodes[last]) { return last }
      var child = Int(nodes[node].firstChild)
      while child >= 0 {
        if same(nodes[child]) { return child }
        child = Int(nodes[child].nextSibling)
      }
      let added = Int32(nodes.count)
      nodes.append(Node(wordStart: Int32(word.lowerBound), wordLength: Int32(word.count)))
      lastChildren.append(-1)
      if last >= 0 { nodes[last].nextSibling = added } else { nodes[node].firstChild = added }
      lastChildren[node] = added
      return Int(added)
    }

    /// The names whose words the typed words begin, each word in its place (cliff's
    /// abbreviations), by how many words they have (a name of one word first), each with
    /// whether the typed words are its words.
    func names(begunBy typed: [[UInt8]]) -> [[(name: Int, exact: Bool)]] {
      var found = [[(name: Int, exact: Bool)]](repeating: [], count: typed.count)
      var pending = [(node: 0, depth: 0, exact: true)]
      while let (node, depth, exact) = pending.popLast() {
        if depth > 0, nodes[node].name >= 0 { found[depth - 1].append((Int(nodes[node].name), exact)) }
        guard depth < typed.count else { continue }
        let typedWord = typed[depth]
        var child = Int(nodes[node].firstChild)
        while child >= 0 {
          let word = nodes[child].word
          if bytes.starts(typedWord, at: word.lowerBound, within: word) {
            pending.append((child, depth + 1, exact && word.count == typedWord.count))
          }
          child = Int(nodes[child].nextSibling)
        }
      }
      return found
    }

    /// The name at `index` of ``names``.
    func name(_ index: Int) -> String { String(decoding: bytes[names[index]], as: UTF8.self) }

    /// Whether the name at `index` begins with `text`'s bytes.
    func name(_ index: Int, beginsWith text: [UInt8]) -> Bool {
      bytes.starts(text, at: names[index].lowerBound, within: names[index])
    }

    /// The bytes of the first word of the name at `index`.
    func firstWord(of index: Int) -> Range<Int> {
      let name = names[index]
      return name.lowerBound..<(bytes[name].firstIndex(of: Self.space) ?? name.upperBound)
    }

    /// The indices of ``names`` whose names begin with `text`: they follow each other, after
    /// those that sort before `text`.
    func names(beginningWith text: [UInt8]) -> Range<Int> {
      let low = firstName { !bytes[names[$0]].lexicographicallyPrecedes(text) }
      let end = firstName(from: low) { !bytes.starts(text, at: names[$0].lowerBound, within: names[$0]) }
      return low..<end
    }

    /// The first index of ``names`` from `start` where `isAfter` holds, which holds for every
    /// later one (a binary search).
    private func firstName(from start: Int = 0, where isAfter: (Int) -> Bool) -> Int {
      var low = start
      var high = names.count
      while low < high {
        let middle = (low + high) / 2
        if isAfter(middle) { high = middle } else { low = middle + 1 }
      }
      return low
    }
  }

  /// cliff's `get_fuzzy_matches`: the commands that start with `word`, then (a quirk of its loop,
  /// kept) every command whose first word is nearest to `word` by cliff's weighted
  /// Damerau-Levenshtein distance. Read from the name table's bytes: a string for every name and
  /// its first word had cost a mistyped command more than its page's comparisons.
  static func fuzzyMatches(for word: String, unloaded: Set<String> = []) -> [String] {
    let table = Self.table
    let typed = Array(word.utf8)
    var prefixed: [String] = []
    var others: [Int] = []
    for index in table.names.indices where unloaded.isEmpty || !unloaded.contains(table.name(index)) {
      // Python's `startswith` compares code points: for these ASCII names, bytes.
      if table.name(index, beginsWith: typed) { prefixed.append(table.name(index)) } else { others.append(index) }
    }
    // The others' first words, each once (the names are sorted, so equal first words are
    // neighbours), and which of them is each other's.
    var firstWords: [Range<Int>] = []
    var firstWordOfOther: [Int] = []
    for index in others {
      let first = table.firstWord(of: index)
      if firstWords.last.map({ !table.bytes[$0].elementsEqual(table.bytes[first]) }) ?? true { firstWords.append(first) }
      firstWordOfOther.append(firstWords.count - 1)
    }
    let words = firstWords.map { String(decoding: table.bytes[$0], as: UTF8.self) }
    let nearest = nearestFirstWords(to: word, among: words)
    let isNearest = words.map(nearest.contains)
    return prefixed + others.indices.filter { isNearest[firstWordOfOther[$0]] }.map { table.name(others[$0]) }
  }

  /// The first words at the least distance from `word`. The distance takes time in proportion to
  /// the product of the lengths (a mistyped megabyte takes seconds); it is worked out only for
  /// words whose lower bound is within the least distance found so far, nearest bound first.
  private static func nearestFirstWords(to word: String, among firstWords: [String]) -> Set<String> {
    let scalars = Array(word.unicodeScalars)
    let counts = LetterCounts(scalars)
    let bounded = firstWords.map { ($0, distanceLowerBound(scalars.count, counts, $0)) }.sorted { $0.1 < $1.1 }
    var least = Int.max
    var nearest: Set<String> = []
    for (candidate, bound) in bounded {
      if bound > least { break }
      let distance = damerauLevenshtein(scalars, Array(candidate.unicodeScalars))
      if distance < least { (least, nearest) = (distance, []) }
      if distance == least { nearest.insert(candidate) }
    }
    return nearest
  }

  /// No edit costs less than this: of the letters the two words share (`common`, counted with
  /// repeats), each is kept at best; the rest of the shorter word is substituted (2), the rest of
  /// the longer inserted (1, `candidate` longer) or deleted (3, `word` longer). That is
  /// 3·m + n − 2·common − 2·min(m, n) for `word` of m letters and `candidate` of n.
  private static func distanceLowerBound(_ length: Int, _ counts: LetterCounts, _ candidate: String) -> Int {
    let letters = Array(candidate.unicodeScalars)
    let candidateCounts = LetterCounts(letters)
    let common = Set(letters).reduce(0) { $0 + min(candidateCounts[$1], counts[$1]) }
    return 3 * length + letters.count - 2 * common - 2 * min(length, letters.count)
  }

  /// How often each letter occurs in a word: ASCII in a table, since a mistyped word may be a
  /// megabyte long and hashing each of its letters takes longer than the search it bounds.
  private struct LetterCounts {
    private var ascii = [Int](repeating: 0, count: 128)
    private var others: [Unicode.Scalar: Int] = [:]

    init(_ scalars: [Unicode.Scalar]) {
      for scalar in scalars {
        if scalar.isASCII { ascii[Int(scalar.value)] += 1 } else { others[scalar, default: 0] += 1 }
      }
    }

    subscript(_ scalar: Unicode.Scalar) -> Int {
      scalar.isASCII ? ascii[Int(scalar.value)] : others[scalar] ?? 0
    }
  }

  /// cliff's `utils.damerau_levenshtein` with its costs: swap 0, substitution 2, insertion 1,
  /// deletion 3.
  static func damerauLevenshtein(_ s1: [Unicode.Scalar], _ s2: [Unicode.Scalar]) -> Int {
    let (swap, substitution, insertion, deletion) = (0, 2, 1, 3)
    if s1 == s2 { return 0 }
    if s1.isEmpty { return s2.count * insertion }
    if s2.isEmpty { return s1.count * deletion }
    var row1 = (0...s2.count).map { $0 * insertion }
    var row2 = row1
    var row0 = row1
    for i in 0..<s1.count {
      row2[0] = (i + 1) * deletion
      for j in 0..<s2.count {
        var cost = min(
          row1[j] + (s1[i] != s2[j] ? substitution : 0), row2[j] + insertion, row1[j + 1] + deletion)
        if i > 0, j > 0, s1[i - 1] == s2[j], s1[i] == s2[j - 1] {
          cost = min(cost, row0[j - 1] + swap)
        }
        row2[j + 1] = cost
      }
      (row0, row1, row2) = (row1, row2, row0)
    }
    return row1[s2.count]
  }
}

extension [UInt8] {
  /// Whether `prefix` is at `start`, ending within `bounds` (by default the array's end).
  fileprivate func starts(_ prefix: [UInt8], at start: Int, within bounds: Range<Int>? = nil) -> Bool {
    let end = bounds?.upperBound ?? count
    guard end - start >= prefix.count else { return false }
    guard let first = prefix.first else { return true }
    // The first bytes alone tell most words apart: every command's first word meets every
    // command group's.
    guard self[start] == first else { return false }
    return withUnsafeBufferPointer { buffer in
      prefix.withUnsafeBufferPointer { memcmp(buffer.baseAddress! + start, $0.baseAddress!, prefix.count) == 0 }
    }
  }
}
