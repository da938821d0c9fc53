import Foundation

/// The names of every command of the real client, for cliff's "Did you mean one of these?".
enum CommandNames {
  static let all: [String] = {
    guard let url = Bundle.module.url(forResource: "command-names", withExtension: "txt"),
      let text = try? String(contentsOf: url, encoding: .utf8)
    else { return [] }
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init).sorted()
  }()

  static let set = Set(all)

  /// cliff's `get_fuzzy_matches`: the commands that start with `word`, then (a quirk of its loop,
  /// kept) every command whose first word is nearest to `word` by cliff's weighted
  /// Damerau-Levenshtein distance.
  static func fuzzyMatches(for word: String) -> [String] {
    let scored = all.map { candidate -> (Int, String) in
      if candidate.hasPrefix(word) { return (0, candidate) }
      let prefix = String(candidate.prefix { $0 != " " })
      return (damerauLevenshtein(word, prefix) + 1, candidate)
    }
    .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    var matches: [String] = []
    var matchDistance = 0
    for (distance, candidate) in scored {
      if distance > matchDistance {
        if matchDistance > 0 { break }
        matchDistance = distance
      }
      matches.append(candidate)
    }
    return matches
  }

  /// cliff's `utils.damerau_levenshtein` with its costs: swap 0, substitution 2, insertion 1,
  /// deletion 3.
  static func damerauLevenshtein(_ first: String, _ second: String) -> Int {
    let (swap, substitution, insertion, deletion) = (0, 2, 1, 3)
    let s1 = Array(first.unicodeScalars)
    let s2 = Array(second.unicodeScalars)
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
