import CloudAPI


extension APIResponse {
  static func json(_ status: Int, _ body: JSON) -> APIResponse {
    APIResponse(status: status, headers: ["Content-Type": "application/json"], body: body)
  }

  static func noContent() -> APIResponse { APIResponse(status: 204) }

  /// The fault body of Nova and Manila (`nova.api.openstack.wsgi.Fault`): a root element named
  /// for the status, with the code and message.
  static func fault(_ status: Int, _ message: String) -> APIResponse {
    let names = [
      400: "badRequest", 401: "unauthorized", 403: "forbidden", 404: "itemNotFound", 405: "badMethod",
      409: "conflictingRequest", 413: "overLimit", 415: "badMediaType", 501: "notImplemented",
      503: "serviceUnavailable",
    ]
    return .json(status, .object([names[status] ?? "computeFault": .object(["code": .int(status), "message": .string(message)])]))
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
