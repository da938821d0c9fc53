import CloudAPI
import FakeCloud
import Foundation
import Logging
import NIOPosix
import ServiceLifecycle
import Testing

@testable import CloudServer

/// `walkthrough serve` against clients that send half a request, nothing, or garbage, over
/// loopback: the server closes what stalls, lets the longest-waiting connection go when it is
/// full, and answers what the HTTP parser rejects with a 400 and the fault body.
@Suite struct ConnectionGuardTests {
  static let malformedBody = #"{"badRequest": {"code": 400, "message": "Malformed request"}}"#

  @Test func aFullServerLetsTheLongestWaitingConnectionGoForANewOne() async throws {
    // Only the server's being full may close a connection here: a request timeout far beyond
    // the test's length (on a loaded machine the whole suite has taken it past the default 10 s).
    let limits = ConnectionLimits(maximumConnections: 20, requestTimeout: .seconds(600))
    try await LoopbackServer.with(limits: limits) { port in
      let (status, closedFirst, openLast) = try await offTheTaskPool {
        let halfOpen = try (0..<40).map { _ in
          let client = try LoopbackClient(port: port)
          try client.send("POST /identity/v3/auth/tokens HTTP/1.1\r\nHost: x\r\n")
          return client
        }
        let started = ContinuousClock.now
        let status = try LoopbackClient(port: port).token().status
        #expect(ContinuousClock.now - started < .seconds(1))
        // Up to 5 s for the close to arrive: the whole suite running on two cores has delayed it
        // past 1 s (the wait ends as soon as it arrives).
        return (status, halfOpen[0].closes(within: 5), halfOpen[39].closes(within: 0.1))
      }
      #expect(status == 201)
      #expect(closedFirst)
      #expect(!openLast)
    }
  }

  @Test func refusesANewConnectionWhenNoneCanGiveWay() async throws {
    try await LoopbackServer.with(limits: ConnectionLimits(maximumConnections: 0)) { port in
      let (reply, closed) = try await offTheTaskPool {
        let client = try LoopbackClient(port: port)
        return (try client.receive(timeout: 1), client.closes(within: 1))
      }
      #expect(reply.status == 503)
      #expect(reply.body == #"{"serviceUnavailable": {"code": 503, "message": "Too many connections; try again."}}"#)
      #expect(closed)
    }
  }

  /// A client that sends its request a byte at a time is closed all the same.
  @Test func aRequestThatTakesLongerThanTheRequestTimeoutIsClosed() async throws {
    try await LoopbackServer.with(limits: ConnectionLimits(requestTimeout: .milliseconds(300))) { port in
      let (closedAfter, reply) = try await offTheTaskPool {
        let client = try LoopbackClient(port: port)
        let started = ContinuousClock.now
        for byte in "GET /identity HTTP/1.1\r\n".utf8 {
          guard (try? client.send([byte])) != nil else { break }
          Thread.sleep(forTimeInterval: 0.05)
          if ContinuousClock.now - started > .seconds(1) { break }
        }
        let reply = try client.receive(timeout: 1.5)
        return (ContinuousClock.now - started, reply)
      }
      #expect(reply.closed)
      #expect(reply.status == nil)
      #expect(closedAfter < .milliseconds(1500))
    }
  }

  @Test func anIdleConnectionIsClosedAfterTheIdleTimeout() async throws {
    let limits = ConnectionLimits(requestTimeout: .milliseconds(100), idleTimeout: .milliseconds(800))
    try await LoopbackServer.with(limits: limits) { port in
      let (status, openBeforeTimeout, closedAfterTimeout) = try await offTheTaskPool {
        let client = try LoopbackClient(port: port)
        let status = try client.token().status
        // Idle for longer than the request timeout, shorter than the idle one.
        let closedEarly = client.closes(within: 0.3)
        return (status, !closedEarly, client.closes(within: 1.5))
      }
      #expect(status == 201)
      #expect(openBeforeTimeout)
      #expect(closedAfterTimeout)
    }
  }

  @Test(arguments: [
    "FOO /identity HTTP/1.1\r\nHost: x\r\n\r\n",
    "get /identity HTTP/1.1\r\nHost: x\r\n\r\n",
    "POST /identity/v3/auth/tokens HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
    "POST /identity/v3/auth/tokens HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\n{}\r\n0\r\n\r\n",
  ])
  func aRequestTheParserRejectsGets400AndTheFaultBody(request: String) async throws {
    try await LoopbackServer.with(limits: ConnectionLimits(requestTimeout: .milliseconds(500))) { port in
      let (reply, closed) = try await offTheTaskPool {
        let client = try LoopbackClient(port: port)
        try client.send(request)
        return (try client.receive(timeout: 1), client.closes(within: 0.4))
      }
      #expect(reply.status == 400)
      #expect(reply.body == Self.malformedBody)
      #expect(closed)
    }
  }

  /// A chunk that never ends, or a body without its last chunk, is closed after the request
  /// timeout, and the cloud never sees the request.
  @Test(arguments: ["ffffffffffffffff\r\n", "2d\r\n{\"share_network\": {\"name\": \"never-finished\"}}\r\n"])
  func aBodyThatNeverEndsIsClosedAfterTheRequestTimeout(chunks: String) async throws {
    try await LoopbackServer.with(limits: ConnectionLimits(requestTimeout: .milliseconds(300))) { port in
      let (status, closed, names) = try await offTheTaskPool {
        let client = try LoopbackClient(port: port)
        let token = try client.token().token
        let stalled = try LoopbackClient(port: port)
        try stalled.send(
          "POST /share/v2/share-networks HTTP/1.1\r\nHost: x\r\nX-Auth-Token: \(token)\r\n"
            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n\(chunks)")
        let reply = try stalled.receive(timeout: 1.5)
        let closed = reply.closed || stalled.closes(within: 0.5)
        let list = try LoopbackClient(port: port).request("GET /share/v2/share-networks HTTP/1.1\r\nHost: x\r\nX-Auth-Token: \(token)\r\n\r\n")
        return (reply.status, closed, list.status == 200 ? list.body : "not listed")
      }
      #expect(closed)
      #expect(status == nil || status == 400)
      #expect(names.hasPrefix(#"{"share_networks": ["#))
      #expect(!names.contains("never-finished"))
    }
  }

  @Test func theConnectionCapLeavesAReserveUnderTheOpenFilesLimit() {
    let cap = ConnectionLimits().connectionCap()
    var limit = rlimit()
    #expect(getrlimit(ConnectionLimits.openFiles, &limit) == 0)
    #expect(cap == min(ConnectionLimits.mostConnections, Int(clamping: limit.rlim_cur) - ConnectionLimits.reservedDescriptors))
    #expect(ConnectionLimits(maximumConnections: 20).connectionCap() == 20)
  }
}

/// A `CloudHTTPServer` of the devstack cloud on a free loopback port, for the length of `body`.
enum LoopbackServer {
  static func with(limits: ConnectionLimits, _ body: @Sendable (Int) async throws -> Void) async throws {
    let server = CloudHTTPServer(
      gateway: CloudGateway(definition: .devstack, baseURL: "http://127.0.0.1"), host: "127.0.0.1", port: 0, limits: limits)
    let (ports, listening) = AsyncStream.makeStream(of: Int.self)
    let group = ServiceGroup(services: [server.application { listening.yield($0) }], logger: Logger(label: "test"))
    let running = Task(executorPreference: EventLoopExecutor.shared) { try await group.run() }
    var iterator = ports.makeAsyncIterator()
    let port = try #require(await iterator.next())
    var failure: (any Error)?
    do { try await body(port) } catch { failure = error }
    await group.triggerGracefulShutdown()
    try await running.value
    if let failure { throw failure }
  }
}

/// Runs the test server's tasks on one of NIO's event loops, as `walkthrough serve` does: on
/// Swift's task pool they would wait behind the other tests, and miss the tests' deadlines.
final class EventLoopExecutor: TaskExecutor {
  static let shared = EventLoopExecutor()
  private let eventLoop = MultiThreadedEventLoopGroup.singleton.next()

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    let executor = asUnownedTaskExecutor()
    eventLoop.execute { job.runSynchronously(on: executor) }
  }
}

/// Runs blocking socket calls on a thread of their own: on the task pool they would hold a thread
/// the server's request handlers need.
func offTheTaskPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    Thread { continuation.resume(with: Result { try work() }) }.start()
  }
}

/// A client of HTTP/1.1 over a blocking loopback socket, as hostile as a test needs it.
final class LoopbackClient: Sendable {
  let socket: Int32

  struct Reply {
    var status: Int?
    var headers: String
    var body: String
    /// The server closed the connection.
    var closed: Bool
  }

  init(port: Int) throws {
    socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
  }

  deinit { close(socket) }

  func send(_ text: String) throws { try send(Array(text.utf8)) }

  func send(_ bytes: [UInt8]) throws {
    var sent = 0
    while sent < bytes.count {
      let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      guard count > 0 else { throw POSIXError(.EPIPE) }
      sent += count
    }
  }

  /// What arrives within `timeout` seconds, until the server closes the connection or the first
  /// whole answer (by its `Content-Length`) is in.
  func receive(timeout: Double) throws -> Reply {
    let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
    var bytes: [UInt8] = []
    var closed = false
    var chunk = [UInt8](repeating: 0, count: 65536)
    while !closed, Self.wholeAnswer(in: bytes) == nil, ContinuousClock.now < deadline {
      var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
      let left = deadline - ContinuousClock.now
      let ready = poll(&poller, 1, Int32(max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)))
      guard ready > 0 else { continue }
      let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
      if count <= 0 { closed = true } else { bytes += chunk[..<count] }
    }
    let text = String(decoding: bytes, as: UTF8.self)
    let parts = text.components(separatedBy: "\r\n\r\n")
    let status = parts.first.flatMap { $0.split(separator: " ").dropFirst().first }.flatMap { Int($0) }
    return Reply(status: status, headers: parts.first ?? "", body: parts.dropFirst().joined(separator: "\r\n\r\n"), closed: closed)
  }

  /// Whether the server closes the connection within `timeout` seconds, sending nothing more.
  func closes(within timeout: Double) -> Bool {
    var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
    var probe: UInt8 = 0
    return poll(&poller, 1, Int32(timeout * 1000)) > 0 && recv(socket, &probe, 1, Int32(MSG_PEEK)) == 0
  }

  /// The length of the first whole answer in `bytes`.
  private static func wholeAnswer(in bytes: [UInt8]) -> Int? {
    guard let end = bytes.firstRange(of: Array("\r\n\r\n".utf8)) else { return nil }
    let head = String(decoding: bytes[..<end.lowerBound], as: UTF8.self).lowercased()
    let length = head.components(separatedBy: "\r\n").first { $0.hasPrefix("content-length:") }
      .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
    return bytes.count >= end.upperBound + length ? end.upperBound + length : nil
  }

  func request(_ text: String) throws -> Reply {
    try send(text)
    return try receive(timeout: 2)
  }

  func token() throws -> (status: Int?, token: String) {
    let body = #"{"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "clouduser1", "domain": {"name": "Default"}, "password": "secret"}}}, "scope": {"project": {"name": "demo", "domain": {"name": "Default"}}}}}"#
    let reply = try request(
      "POST /identity/v3/auth/tokens HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
    let token = reply.headers.components(separatedBy: "\r\n").first { $0.lowercased().hasPrefix("x-subject-token:") }
      .map { String($0.dropFirst("x-subject-token:".count)).trimmingCharacters(in: .whitespaces) } ?? ""
    return (reply.status, token)
  }
}
