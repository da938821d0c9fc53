import Foundation

/// The names of every command of the real client, for cliff's "Did you mean one of these?".
enum CommandNames {
  /// Every name, sorted (``list`` is).
  static var all: [String] { names.map { String(decoding: bytes[$0], as: UTF8.self) } }

  /// ``list``'s bytes, and each name's range of them: made once per process in one pass, since
  /// every command looks its name up (a `String` and an array of words per name cost more than
  /// the command itself).
  private static let bytes: [UInt8] = Array(list.utf8)
  private static let names: [Range<Int>] = {
    var names: [Range<Int>] = []
    var start = 0
    for index in bytes.indices where bytes[index] == newline {
      if index > start { names.append(start..<index) }
      start = index + 1
    }
    if bytes.count > start { names.append(start..<bytes.count) }
    return names
  }()
  private static let mostWords = names.map { name in bytes[name].count { $0 == space } + 1 }.max() ?? 0
  private static let space = UInt8(ascii: " ")
  private static let newline = UInt8(ascii: "\n")

  /// cliff's `find_command`: from the words before the first option down to one word, the
  /// command those words name, or the one command whose words they begin, word for word
  /// (`shar list`, `subn sho`); the command and how many words named it. Words that begin two
  /// commands name neither, and fewer words are tried.
  /// `unloaded`: commands the API versions asked for do not load (see ``CommandGroups``).
  static func find(in words: [String], unloaded: Set<String> = []) -> (name: String, count: Int)? {
    let start = words.firstIndex { $0.hasPrefix("-") } ?? words.count
    let typed = words.prefix(min(start, mostWords)).map { Array($0.utf8) }
    guard let first = typed.first else { return nil }
    // The names are sorted by their bytes: those that begin with the first word follow each
    // other, and a positional (an ID, a name) seldom begins any. Each is walked once.
    let fits = names(beginningWith: first).map { index in (name: names[index], fit: fit(of: typed, to: names[index])) }
    // cliff joins the words with spaces before it looks the name up: `help 'share list'`.
    let spaced = typed.contains { $0.contains(space) }
    for count in stride(from: typed.count, through: 1, by: -1) {
      if spaced {
        let joined = Array(typed.prefix(count).joined(separator: [space]))
        if let index = names(beginningWith: joined).first, bytes[names[index]].elementsEqual(joined),
          case let name = String(decoding: joined, as: UTF8.self), !unloaded.contains(name)
        {
          return (name, count)
        }
      }
      var begun: Range<Int>?
      var several = false
      for (name, fit) in fits where fit.words == count && fit.begun >= count {
        if !unloaded.isEmpty, unloaded.contains(String(decoding: bytes[name], as: UTF8.self)) { continue }
        if fit.named >= count { return (String(decoding: bytes[name], as: UTF8.self), count) }
        several = begun != nil
        begun = name
      }
      // Two commands the words begin name neither.
      if let begun, !several { return (String(decoding: bytes[begun], as: UTF8.self), count) }
    }
    return nil
  }

  /// How many of the words typed, from the first, begin the name's words in their places, how
  /// many are the name's words, and how many words the name has; read off the name's bytes in
  /// one pass.
  private static func fit(of typed: [[UInt8]], to name: Range<Int>) -> (begun: Int, named: Int, words: Int) {
    var begun = 0
    var named = 0
    var words = 0
    var start = name.lowerBound
    var matching = true
    while start <= name.upperBound {
      let end = bytes[start..<name.upperBound].firstIndex(of: space) ?? name.upperBound
      if matching, words < typed.count, case let word = typed[words], end - start >= word.count,
        bytes[start..<start + word.count].elementsEqual(word)
      {
        begun += 1
        if named == begun - 1, end - start == word.count { named += 1 }
      } else {
        matching = false
      }
      words += 1
      start = end + 1
    }
    return (begun, named, words)
  }

  /// The indices of ``names`` whose names begin with `text`.
  private static func names(beginningWith text: [UInt8]) -> Range<Int> {
    var low = 0
    var high = names.count
    while low < high {
      let middle = (low + high) / 2
      if bytes[names[middle]].lexicographicallyPrecedes(text) { low = middle + 1 } else { high = middle }
    }
    var end = low
    while end < names.count, bytes[names[end]].starts(with: text) { end += 1 }
    return low..<end
  }

  /// cliff's `get_fuzzy_matches`: the commands that start with `word`, then (a quirk of its loop,
  /// kept) every command whose first word is nearest to `word` by cliff's weighted
  /// Damerau-Levenshtein distance.
  static func fuzzyMatches(for word: String, unloaded: Set<String> = []) -> [String] {
    let loaded = unloaded.isEmpty ? all : all.filter { !unloaded.contains($0) }
    let prefixed = loaded.filter { $0.hasPrefix(word) }
    let others = loaded.filter { !$0.hasPrefix(word) }
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
