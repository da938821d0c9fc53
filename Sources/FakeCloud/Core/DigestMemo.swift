import Synchronization

/// Digests of the first keys asked for, kept: a view that names a host's digest in every answer
/// would otherwise hash it each time. Bounded, since a key can come from a request; the same key
/// gives the same text whether it was kept or made again.
final class DigestMemo: Sendable {
  private let limit: Int
  private let known = Mutex<[String: String]>([:])

  init(limit: Int) { self.limit = limit }

  /// `make(key)`, made once while there is room.
  func text(for key: String, making make: (String) -> String) -> String {
    if let text = known.withLock({ $0[key] }) { return text }
    let text = make(key)
    known.withLock { if $0.count < limit { $0[key] = text } }
    return text
  }
}
