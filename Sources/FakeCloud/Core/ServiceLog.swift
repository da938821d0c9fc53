import CloudAPI

/// What the cloud's services log, as oslo.log writes it: every API request, and the failures
/// behind the scenes (a conductor that finds no host), each with the request's global and local
/// request IDs, so that a request can be followed from the API to the service that failed.
public struct LogRecord: Equatable, Sendable {
  public var time: Int64
  /// `nova-api`, `nova-conductor`, `manila-api`...
  public var service: String
  public var level: String
  /// The logger: `nova.api.openstack.requestlog`.
  public var logger: String
  /// The caller's `X-Openstack-Request-Id`, when it was a valid request ID; `None` otherwise.
  public var globalRequestID: String?
  public var requestID: String
  public var userID: String?
  public var projectID: String?
  public var message: String

  /// oslo.log's context format:
  /// `2025-04-22 16:00:14.123 INFO nova.api.openstack.requestlog [None req-... USER PROJECT - default default] message`.
  public var line: String {
    let stamp = VirtualClock.isoMicroseconds(time)
    let when = stamp.prefix(10) + " " + stamp.dropFirst(11).prefix(12)
    let user = userID.map { "\($0) \(projectID ?? "-") - default default" } ?? "- - - - -"
    return "\(when) \(service) \(level) \(logger) [\(globalRequestID ?? "None") \(requestID) \(user)] \(message)"
  }

  /// oslo.middleware's rule for an inbound global request ID: `req-` and a lower-case UUID, or
  /// nothing (anything else is ignored, silently).
  static func globalRequestID(_ header: String?) -> String? {
    guard let header, header.utf8.count == 40, header.hasPrefix("req-") else { return nil }
    let isHex = { (byte: UInt8) in (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) }
    for (index, byte) in header.utf8.dropFirst(4).enumerated() {
      if index == 8 || index == 13 || index == 18 || index == 23 {
        guard byte == UInt8(ascii: "-") else { return nil }
      } else {
        guard isHex(byte) else { return nil }
      }
    }
    return header
  }
}
