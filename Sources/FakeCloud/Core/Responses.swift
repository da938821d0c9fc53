import CloudAPI


extension APIResponse {
  static func json(_ status: Int, _ body: JSON) -> APIResponse {
    APIResponse(status: status, headers: ["Content-Type": "application/json"], body: body)
  }

  static func noContent() -> APIResponse { APIResponse(status: 204) }

  /// The fault body of Nova and Manila (`nova.api.openstack.wsgi.Fault`): a root element named
  /// for the status, with the code and message.
  static func fault(_ status: Int, _ message: String) -> APIResponse {
    let name =
      switch status {
      case 400: "badRequest"
      case 401: "unauthorized"
      case 403: "forbidden"
      case 404: "itemNotFound"
      case 405: "badMethod"
      case 409: "conflictingRequest"
      case 413: "overLimit"
      case 415: "badMediaType"
      case 501: "notImplemented"
      case 503: "serviceUnavailable"
      default: "computeFault"
      }
    return .json(status, .object([name: .object(["code": .int(status), "message": .string(message)])]))
  }

  /// keystonemiddleware's answer to a request without a valid token.
  static func unauthenticated() -> APIResponse {
    .json(
      401,
      .object([
        "error": .object([
          "code": .int(401), "title": .string("Unauthorized"),
          "message": .string("The request you have made requires authentication."),
        ])
      ]))
  }
}

extension JSON {
  /// An optional string as JSON: `null` when absent.
  static func orNull(_ text: String?) -> JSON { text.map(JSON.string) ?? .null }
}
