import CloudAPI
import Foundation

/// A transport that passes requests on and hands each exchange on as it happens, as a canned
/// response for `Scripts/osc-replay` (each answers once, in order), to show a session's REST
/// traffic or to replay it to another client.
public final class RecordingTransport: CloudTransport {
  private let next: any CloudTransport
  private let record: (JSON) -> Void

  public init(_ next: any CloudTransport, record: @escaping (JSON) -> Void) {
    self.next = next
    self.record = record
  }

  public func send(_ request: APIRequest, to service: ServiceType) throws -> APIResponse {
    let response = try next.send(request, to: service)
    record(Self.replayEntry(service: service, request: request, response: response))
    return response
  }

  /// The replay's names of the services whose type it does not use.
  private static let replayNames: [ServiceType: String] = [.sharedFileSystem: "share", .blockStorage: "volume"]

  static func replayEntry(service: ServiceType, request: APIRequest, response: APIResponse) -> JSON {
    var query = JSONObject()
    // A repeated parameter (`fields=id&fields=name`) is recorded as the list of its values.
    for (name, value) in request.query {
      switch query[name] {
      case .string(let first)?: query[name] = .array([.string(first), .string(value)])
      case .array(let values)?: query[name] = .array(values + [.string(value)])
      default: query[name] = .string(value)
      }
    }
    var headers = JSONObject()
    for (name, value) in response.headers.fields { headers[name] = .string(value) }
    return .object([
      "service": .string(Self.replayNames[service] ?? service.rawValue),
      "method": .string(request.method.rawValue), "path": .string(request.path), "query": .object(query),
      "status": .int(response.status), "headers": .object(headers), "body": response.body ?? .null,
      "once": true,
    ])
  }
}

/// A file of canned responses written an entry at a time, byte for byte as Python's
/// `json.dumps(entries, indent=1)` writes the whole list: a session of any length keeps none of
/// them in memory.
public final class ReplayFile {
  private let path: String
  private let handle: FileHandle
  private var entries = 0
  /// The first write that failed; the file is incomplete from there on.
  private var failure: (any Error)?

  /// Creates (or empties) the file at `path`.
  public init(path: String) throws {
    guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path)
    else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
    self.path = path
    self.handle = handle
    write("[")
  }

  public func append(_ entry: JSON) {
    // An item of the list: on a line of its own, one space in, its own lines one level deeper.
    var bytes = Array((entries == 0 ? "\n " : ",\n ").utf8)
    bytes += entry.pythonJSONBytes(indent: 1, level: 1)
    write(bytes)
    entries += 1
  }

  /// Ends the list and the file; throws the first error any write met.
  public func close() throws {
    write(entries == 0 ? "]\n" : "\n]\n")
    try? handle.close()
    if let failure { throw failure }
  }

  private func write(_ text: String) { write(Array(text.utf8)) }

  private func write(_ bytes: [UInt8]) {
    guard failure == nil else { return }
    do { try handle.write(contentsOf: bytes) } catch { failure = error }
  }
}
