import Foundation
import NIOCore
import NIOHTTP1

/// One connection's deadlines, its place in the registry, and its answers to what the HTTP parser
/// rejects. It sits right after the HTTP decoder: it sees each request's head and end, and each
/// answer's end.
///
/// The ready-made tools do not fit: Hummingbird's connection limit stops accepting (new clients
/// wait in the backlog behind the connections that hold the server), NIO's `IdleStateHandler`
/// starts its clock again on every byte (a client sending a byte every few seconds stays forever),
/// and Hummingbird answers a parse error with a 400 without a body.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias InboundOut = HTTPServerRequestPart
  typealias OutboundIn = HTTPServerResponsePart
  typealias OutboundOut = HTTPServerResponsePart

  private let registry: ConnectionRegistry
  /// The connection's number in the registry; `nil`: refused, the server is full.
  private let id: UInt64?
  private let requestTimeout: TimeAmount
  private let idleTimeout: TimeAmount
  private var context: ChannelHandlerContext?

  /// Requests whose head has arrived and whose answer has not been written.
  private var requestsInFlight = 0
  /// A request's head has arrived, not yet the end of its body.
  private var readingBody = false
  /// When the connection is closed unless its request has arrived; `nil` while one is answered.
  private var deadline: NIODeadline?
  private var timer: (task: Scheduled<Void>, deadline: NIODeadline)?
  /// The parser has failed: it reports every later read, and the connection ends.
  private var malformed = false
  /// The parser failed on what follows a request being answered: that answer goes first.
  private var answerMalformedWhenAnswered = false
  private var closeWhenAnswered = false

  init(registry: ConnectionRegistry, id: UInt64?, limits: ConnectionLimits) {
    self.registry = registry
    self.id = id
    self.requestTimeout = TimeAmount(limits.requestTimeout)
    self.idleTimeout = TimeAmount(limits.idleTimeout)
  }

  func handlerAdded(context: ChannelHandlerContext) {
    self.context = context
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    timer?.task.cancel()
    timer = nil
    self.context = nil
  }

  func channelActive(context: ChannelHandlerContext) {
    context.fireChannelActive()
    if id == nil {
      answer(CloudGateway.serverFull, context: context)
    } else {
      setDeadline(.now() + requestTimeout)
    }
  }

  /// Bytes have arrived, before the decoder has read them: when the connection was waiting, a
  /// request has started, and must be whole within the request timeout.
  func bytesArrived() {
    guard requestsInFlight == 0, let deadline else { return }
    setDeadline(min(deadline, .now() + requestTimeout))
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head:
      requestsInFlight += 1
      readingBody = true
    case .body:
      break
    case .end:
      readingBody = false
      setDeadline(nil)
      if let id { registry.answering(id) }
    }
    context.fireChannelRead(data)
  }

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    switch unwrapOutboundIn(data) {
    case .head(let head):
      if head.headers.contains(name: "connection"),
        head.headers[canonicalForm: "connection"].contains(where: { $0.lowercased() == "close" })
      {
        closeWhenAnswered = true
      }
      context.write(data, promise: promise)
    case .body:
      context.write(data, promise: promise)
    case .end:
      requestsInFlight -= 1
      if closeWhenAnswered {
        writeThenClose(data, promise: promise, context: context)
      } else {
        context.write(data, promise: promise)
        answered(context: context)
      }
    }
  }

  /// What comes after an answer: the next request, the rest of a body, or the idle wait.
  private func answered(context: ChannelHandlerContext) {
    if requestsInFlight == 0 && answerMalformedWhenAnswered {
      answer(CloudGateway.malformedRequest, context: context)
      return
    }
    if requestsInFlight == 0, let id { registry.waiting(id) }
    if readingBody {
      // A body still to come: the next request's, or that of one answered before it was read
      // (too large).
      setDeadline(.now() + requestTimeout)
    } else if requestsInFlight == 0 {
      setDeadline(.now() + idleTimeout)
    }
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    guard !malformed else { return }
    guard error is HTTPParserError else { return context.fireErrorCaught(error) }
    malformed = true
    if readingBody && requestsInFlight > 0 {
      // The request's handler is reading its body: the read fails, and it answers 400.
      closeWhenAnswered = true
      context.fireErrorCaught(error)
    } else if readingBody {
      context.close(promise: nil)
    } else if requestsInFlight > 0 {
      answerMalformedWhenAnswered = true
    } else {
      answer(CloudGateway.malformedRequest, context: context)
    }
  }

  /// Writes a whole answer of its own, then closes the connection.
  private func answer(_ exchange: CloudGateway.HTTPExchange, context: ChannelHandlerContext) {
    var headers = HTTPHeaders(exchange.headers.map { ($0.name, $0.value) })
    headers.add(name: "Content-Length", value: String(exchange.body.count))
    headers.add(name: "Connection", value: "close")
    let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: exchange.status), headers: headers)
    context.write(wrapOutboundOut(.head(head)), promise: nil)
    context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: exchange.body)))), promise: nil)
    writeThenClose(wrapOutboundOut(.end(nil)), promise: nil, context: context)
  }

  /// Closes once the bytes are out: closing at once would drop what the socket has not taken yet.
  private func writeThenClose(_ data: NIOAny, promise: EventLoopPromise<Void>?, context: ChannelHandlerContext) {
    setDeadline(nil)
    let written = context.eventLoop.makePromise(of: Void.self)
    written.futureResult.assumeIsolated().whenComplete { result in
      promise?.completeWith(result)
      context.close(promise: nil)
    }
    context.writeAndFlush(data, promise: written)
  }

  /// One timer a connection: it wakes at the earliest deadline set, and sleeps again until the
  /// current one if that has moved on since.
  private func setDeadline(_ newDeadline: NIODeadline?) {
    deadline = newDeadline
    guard let newDeadline, let context else { return }
    if let timer {
      if timer.deadline <= newDeadline { return }
      timer.task.cancel()
    }
    let task = context.eventLoop.assumeIsolated().scheduleTask(deadline: newDeadline) { [self] in deadlineReached() }
    timer = (task, newDeadline)
  }

  private func deadlineReached() {
    timer = nil
    guard let deadline else { return }
    if deadline <= .now() {
      context?.close(promise: nil)
    } else {
      setDeadline(deadline)
    }
  }
}

/// Tells the connection's guard when bytes arrive, before the HTTP decoder holds them back until
/// a request's head is whole.
final class RequestStartWatcher: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = ByteBuffer
  typealias InboundOut = ByteBuffer

  private let connectionGuard: ConnectionGuard

  init(_ connectionGuard: ConnectionGuard) {
    self.connectionGuard = connectionGuard
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    connectionGuard.bytesArrived()
    context.fireChannelRead(data)
  }
}
