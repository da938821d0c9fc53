import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix

/// `walkthrough serve`'s HTTP server (Hummingbird 2): every request goes to the gateway, and its
/// answer back, with the status, headers (repeated ones kept) and JSON body the cloud gave.
public struct CloudHTTPServer: Sendable {
  public var gateway: CloudGateway
  public var host: String
  public var port: Int

  public init(gateway: CloudGateway, host: String, port: Int) {
    self.gateway = gateway
    self.host = host
    self.port = port
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
    let gateway = self.gateway
    let responder = CallbackResponder<BasicRequestContext> { request, _ in
      var request = request
      let body: ByteBuffer
      do {
        body = try await request.collectBody(upTo: CloudGateway.maximumBodySize)
      } catch {
        return Self.response(
          CloudGateway.HTTPExchange(
            status: 413, headers: [(name: "Content-Type", value: "application/json")],
            body: Data(#"{"overLimit": {"code": 413, "message": "Request is too large."}}"#.utf8)))
      }
      let exchange = gateway.respond(
        method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "",
        headers: request.headers.map { (name: $0.name.rawName, value: $0.value) }, body: Data(buffer: body))
      return Self.response(exchange)
    }
    var logger = Logger(label: "walkthrough-serve")
    logger.logLevel = .warning
    let app = Application(
      responder: responder, configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
      onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) }, logger: logger)
    try await app.runService()
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
