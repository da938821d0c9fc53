import CloudAPI

/// A transport that passes requests on and keeps each exchange, to show a session's REST
/// traffic or to replay it to another client.
public final class RecordingTransport: CloudTransport {
  private let next: any CloudTransport
  public private(set) var exchanges: [(service: ServiceType, request: APIRequest, response: APIResponse)] = []

  public init(_ next: any CloudTransport) {
    self.next = next
  }

  public func send(_ request: APIRequest, to service: ServiceType) throws -> APIResponse {
    let response = try next.send(request, to: service)
    exchanges.append((service, request, response))
    return response
  }

  /// The exchanges as canned responses for `Scripts/osc-replay` (each answers once, in order).
  public var replayEntries: JSON {
    .array(
      exchanges.map { service, request, response in
        var query = JSONObject()
        for (name, value) in request.query { query[name] = .string(value) }
        var headers = JSONObject()
        for (name, value) in response.headers.fields { headers[name] = .string(value) }
        return .object([
          "service": .string(service == .sharedFileSystem ? "share" : service.rawValue),
          "method": .string(request.method.rawValue), "path": .string(request.path), "query": .object(query),
          "status": .int(response.status), "headers": .object(headers), "body": response.body ?? .null,
          "once": true,
        ])
      })
  }
}
