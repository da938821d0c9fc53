import CloudServer
import FakeCloud
import Foundation
import HummingbirdCore
import NIOCore
import NIOEmbedded
import NIOHTTP1

/// `walkthrough serve`'s gateway behind the HTTP/1.1 parser the server reads requests with:
/// every request the bytes hold, in order, on one fresh devstack cloud. Bytes the parser rejects
/// end the connection there, as they do on the server.
enum GatewayTarget {
  static func requests(_ input: [UInt8]) {
    let gateway = CloudGateway(definition: .devstack, baseURL: "http://127.0.0.1:1")
    let channel = EmbeddedChannel(handler: ByteToMessageHandler(HTTPRequestDecoder(leftOverBytesStrategy: .dropBytes)))
    defer { _ = try? channel.finish() }
    // The requests read before a parse error still get their answers.
    _ = try? channel.writeInbound(ByteBuffer(bytes: input))
    var head: HTTPRequestHead?
    var body = ByteBuffer()
    while let part = try? channel.readInbound(as: HTTPServerRequestPart.self) {
      switch part {
      case .head(let next):
        head = next
        body.clear()
      case .body(var chunk):
        body.writeBuffer(&chunk)
      case .end:
        guard let request = head, body.readableBytes <= CloudGateway.maximumBodySize else { continue }
        // As Hummingbird reads the request target.
        let uri = URI(request.uri)
        _ = gateway.respond(
          method: request.method.rawValue, path: uri.path, query: uri.query ?? "",
          headers: request.headers.map { (name: $0.name, value: $0.value) }, body: Data(buffer: body))
      }
    }
  }
}
