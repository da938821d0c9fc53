import NIOCore
import Synchronization

/// The server's open connections, across its event loops, and which one gives way when a new
/// connection would go over the cap: the one that has waited longest without sending a whole
/// request (half a request, or nothing since its last answer). A connection whose request is
/// being answered never gives way; when all of them are, the newcomer is refused.
final class ConnectionRegistry: Sendable {
  private struct Connection {
    let channel: any Channel
    /// Since when it has owed a request; `nil` while a request of it is being answered.
    var waitingSince: NIODeadline?
  }

  private struct State {
    var connections: [UInt64: Connection] = [:]
    var nextID: UInt64 = 0
  }

  let capacity: Int
  private let state = Mutex(State())

  init(capacity: Int) {
    self.capacity = capacity
  }

  /// A connection's number in the registry, or `nil` when it is refused.
  func admit(_ channel: any Channel) -> UInt64? {
    let (id, evicted) = state.withLock { state -> (UInt64?, (any Channel)?) in
      var evicted: (any Channel)?
      if state.connections.count >= capacity {
        guard let oldest = Self.longestWaiting(in: state.connections) else { return (nil, nil) }
        evicted = state.connections.removeValue(forKey: oldest)?.channel
      }
      let id = state.nextID
      state.nextID += 1
      state.connections[id] = Connection(channel: channel, waitingSince: .now())
      return (id, evicted)
    }
    evicted?.close(promise: nil)
    if let id {
      channel.closeFuture.whenComplete { _ in self.remove(id) }
    }
    return id
  }

  private static func longestWaiting(in connections: [UInt64: Connection]) -> UInt64? {
    var oldest: (id: UInt64, since: NIODeadline)?
    for (id, connection) in connections {
      if let since = connection.waitingSince, since < oldest?.since ?? .distantFuture { oldest = (id, since) }
    }
    return oldest?.id
  }

  /// A whole request of the connection has arrived: it is being answered.
  func answering(_ id: UInt64) {
    state.withLock { $0.connections[id]?.waitingSince = nil }
  }

  /// The connection has been answered and owes the next request from now on.
  func waiting(_ id: UInt64) {
    let now = NIODeadline.now()
    state.withLock { $0.connections[id]?.waitingSince = now }
  }

  private func remove(_ id: UInt64) {
    _ = state.withLock { $0.connections.removeValue(forKey: id) }
  }
}
