import Foundation

/// The names of every command of the real client, for cliff's "Did you mean one of these?".
enum CommandNames {
  /// Every name, sorted (``list`` is).
  static let all: [String] = list.utf8.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }

  /// The most words a command has.
  private static let mostWords = all.lazy.map { $0.utf8.count { $0 == UInt8(ascii: " ") } + 1 }.max() ?? 0

  /// cliff's `find_command`: from the words before the first option down to one word, the
  /// command those words name, or the one command whose words they begin, word for word
  /// (`shar list`, `subn sho`); the command and how many words named it. Words that begin two
  /// commands name neither, and fewer words are tried.
  static func find(in words: [String]) -> (name: String, count: Int)? {
    let start = words.firstIndex { $0.hasPrefix("-") } ?? words.count
    guard start > 0 else { return nil }
    // The names are sorted by their bytes: those that begin with the first word follow each
    // other, and a positional (an ID, a name) seldom begins any.
    let candidates = names(beginningWith: words[0])
    for count in stride(from: min(start, mostWords), through: 1, by: -1) {
      let typed = words[..<count]
      var found: String?
      for name in all[candidates] {
        switch fit(of: typed, to: name) {
        case .named?: return (name, count)
        // Two commands the words begin: neither, unless one is named in full.
        case .begun?: found = found == nil ? name : ""
        case nil: break
        }
      }
      if let found, !found.isEmpty { return (found, count) }
    }
    return nil
  }

  private enum Fit { case named, begun }

  /// Whether the words typed are the name's words, or begin them, word for word.
  private static func fit(of typed: ArraySlice<String>, to name: String) -> Fit? {
    var rest = name.utf8[...]
    var whole = true
    for (position, word) in zip(typed.indices, typed) {
      let end = rest.firstIndex(of: UInt8(ascii: " ")) ?? rest.endIndex
      let nameWord = rest[..<end]
      guard nameWord.starts(with: word.utf8) else { return nil }
      whole = whole && nameWord.elementsEqual(word.utf8)
      if end == rest.endIndex { return position == typed.index(before: typed.endIndex) ? (whole ? .named : .begun) : nil }
      rest = rest[rest.index(after: end)...]
    }
    // The name has more words than were typed.
    return nil
  }

  /// The range of ``all`` whose names begin with `text`.
  private static func names(beginningWith text: String) -> Range<Int> {
    var low = 0
    var high = all.count
    while low < high {
      let middle = (low + high) / 2
      if all[middle].utf8.lexicographicallyPrecedes(text.utf8) { low = middle + 1 } else { high = middle }
    }
    var end = low
    while end < all.count, all[end].utf8.starts(with: text.utf8) { end += 1 }
    return low..<end
  }

  /// cliff's `get_fuzzy_matches`: the commands that start with `word`, then (a quirk of its loop,
  /// kept) every command whose first word is nearest to `word` by cliff's weighted
  /// Damerau-Levenshtein distance.
  static func fuzzyMatches(for word: String) -> [String] {
    let prefixed = all.filter { $0.hasPrefix(word) }
    let others = all.filter { !$0.hasPrefix(word) }
    let nearest = nearestFirstWords(to: word, among: Set(others.map(firstWord)))
    return prefixed + others.filter { nearest.contains(firstWord(of: $0)) }
  }

  private static func firstWord(of command: String) -> String {
    String(command.prefix { $0 != " " })
  }

  /// The first words at the least distance from `word`. The distance takes time in proportion to
  /// the product of the lengths (a mistyped megabyte takes seconds); it is worked out only for
  /// words whose lower bound is within the least distance found so far, nearest bound first.
  private static func nearestFirstWords(to word: String, among firstWords: Set<String>) -> Set<String> {
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
