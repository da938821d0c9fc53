import Foundation

/// How long `walkthrough serve` waits for a client, and how many connections it keeps, so that
/// clients that open connections and send nothing, or half a request, cannot take it over.
public struct ConnectionLimits: Sendable {
  /// The connections kept open at once; `nil`: as many as the open-files limit allows.
  public var maximumConnections: Int?
  /// A request must arrive whole, head and body, within this time of the connection's opening, or
  /// of its first byte on a connection that waited between requests.
  public var requestTimeout: Duration
  /// A connection that has answered its requests is closed after this time without a new one.
  public var idleTimeout: Duration

  public init(maximumConnections: Int? = nil, requestTimeout: Duration = .seconds(10), idleTimeout: Duration = .seconds(60)) {
    self.maximumConnections = maximumConnections
    self.requestTimeout = requestTimeout
    self.idleTimeout = idleTimeout
  }

  /// The descriptors kept out of the connections: standard streams, the event loops' own, the
  /// listening socket, and connections accepted before the one they replace has closed.
  static let reservedDescriptors = 64

  /// Beyond this many connections, memory rather than descriptors is the limit.
  static let mostConnections = 10_000

  /// The connections kept open: as given, or what the open-files limit leaves, once its soft
  /// limit is raised towards the hard one (the soft limit is often 1,024 where the hard one is far
  /// higher).
  func connectionCap() -> Int {
    if let maximumConnections { return max(0, maximumConnections) }
    var limit = rlimit()
    guard getrlimit(Self.openFiles, &limit) == 0 else { return 1024 - Self.reservedDescriptors }
    let wanted = min(limit.rlim_max, rlim_t(Self.mostConnections + Self.reservedDescriptors))
    if limit.rlim_cur < wanted {
      var raised = limit
      raised.rlim_cur = wanted
      if setrlimit(Self.openFiles, &raised) == 0 { limit = raised }
    }
    return min(Self.mostConnections, max(1, Int(clamping: limit.rlim_cur) - Self.reservedDescriptors))
  }

  #if canImport(Glibc)
    static let openFiles = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
  #else
    static let openFiles = RLIMIT_NOFILE
  #endif
}
