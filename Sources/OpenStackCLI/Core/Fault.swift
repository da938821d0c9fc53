import CloudAPI

/// How the real clients word a fault response.
enum Fault {
  /// python-manilaclient's `ClientException` text, `MESSAGE (HTTP STATUS) (Request-ID: req-...)`;
  /// openstacksdk's `HttpException` text for the SDK-based services.
  static func message(of response: APIResponse, service: ServiceType) -> String {
    let requestID = response.headers["X-Openstack-Request-Id"] ?? ""
    let detail = serviceMessage(in: response.body) ?? "Unknown Error"
    switch service {
    case .sharedFileSystem, .identity:
      return "\(detail) (HTTP \(response.status)) (Request-ID: \(requestID))"
    case .compute, .image, .network, .blockStorage:
      return "\(detail)"
    }
  }

  /// The `message` inside the fault body: `{"itemNotFound": {"message": ...}}` (Nova, Manila),
  /// `{"NeutronError": {"message": ...}}`, `{"error": {"message": ...}}` (Keystone).
  private static func serviceMessage(in body: JSON?) -> String? {
    guard case .object(let root)? = body, let fault = root.values.first else { return nil }
    return fault["message"]?.string
  }
}
