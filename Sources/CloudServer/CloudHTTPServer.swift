import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix

/// `walkthrough serve`'s HTTP server (Hummingbird 2): every request goes to the gateway, and its
/// answer back, with the status, headers (repeated ones kept) and JSON body the cloud gave. Each
/// connection is guarded (`ConnectionGuard`): its requests must come in time, and the server keeps
/// no more connections than its descriptors allow.
public struct CloudHTTPServer: Sendable {
  public var gateway: CloudGateway
  public var host: String
  public var port: Int
  public var limits: ConnectionLimits

  public init(gateway: CloudGateway, host: String, port: Int, limits: ConnectionLimits = ConnectionLimits()) {
    self.gateway = gateway
    self.host = host
    self.port = port
    self.limits = limits
  }

  /// Runs Swift's tasks on the server's event loops from now on, so that a request's handler runs
  /// on the thread that read it instead of hopping to Swift's thread pool and back (some 15% more
  /// requests a second on two cores). For a process that does nothing but serve: call it first.
  public static func runTasksOnEventLoops() {
    NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
  }

  /// Serves until SIGINT or SIGTERM, then stops taking requests and finishes the ones it has.
  /// `onRunning` is called once the server listens, with the port it listens on.
  public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
    try await application(onRunning: onRunning).runService()
  }

  /// The server as a service, for a service group that stops it when told to rather than on signals.
  func application(onRunning: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
    let gateway = self.gateway
    let responder = CallbackResponder<BasicRequestContext> { request, _ in
      var request = request
      let body: ByteBuffer
      do {
        body = try await request.collectBody(upTo: CloudGateway.maximumBodySize)
      } catch is NIOTooManyBytesError {
        return Self.response(CloudGateway.tooLarge)
      } catch {
        // The body's framing is broken (a chunk size that is no number), or the connection ended
        // before the body did: nothing of it reaches the cloud.
        var exchange = CloudGateway.malformedRequest
        exchange.headers.append((name: "Connection", value: "close"))
        return Self.response(exchange)
      }
      let exchange = gateway.respond(
        method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "",
        headers: request.headers.map { (name: $0.name.rawName, value: $0.value) }, body: Data(buffer: body))
      return Self.response(exchange)
    }
    var logger = Logger(label: "walkthrough-serve")
    logger.logLevel = .warning
    let registry = ConnectionRegistry(capacity: limits.connectionCap())
    let limits = self.limits
    let server = HTTPServerBuilder { responder in
      GuardedHTTP1Channel(http1: HTTP1Channel(responder: responder), registry: registry, limits: limits)
    }
    return Application(
      responder: responder, server: server, configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
      onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) }, logger: logger)
  }

  private static func response(_ exchange: CloudGateway.HTTPExchange) -> Response {
    var headers = HTTPFields()
    for (name, value) in exchange.headers {
      if let field = HTTPFields.Element.Name(name) { headers.append(.init(name: field, value: value)) }
    }
    return Response(
      status: HTTPResponse.Status(code: exchange.status), headers: headers,
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: exchange.body)))
  }
}

/// Hummingbird's HTTP/1 connections, each with its guard right after the HTTP decoder and a
/// watcher of arriving bytes in front of it.
struct GuardedHTTP1Channel: ServerChildChannel {
  let http1: HTTP1Channel
  let registry: ConnectionRegistry
  let limits: ConnectionLimits

  func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<HTTP1Channel.Value> {
    let id = registry.admit(channel)
    let (registry, limits) = (self.registry, self.limits)
    return http1.setup(channel: channel, logger: logger).flatMapThrowing { value in
      let pipeline = channel.pipeline.syncOperations
      let connectionGuard = ConnectionGuard(registry: registry, id: id, limits: limits)
      let decoder = try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
      try pipeline.addHandler(connectionGuard, position: .after(decoder))
      try pipeline.addHandler(RequestStartWatcher(connectionGuard), position: .first)
      return value
    }
  }

  func handle(value: HTTP1Channel.Value, logger: Logger) async {
    await http1.handle(value: value, logger: logger)
  }
}
