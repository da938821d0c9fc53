import CloudAPI
import Testing

@testable import FakeCloud

/// `server_shares.py` through the REST API: the microversion, then the request's schema, then the
/// server (a request the client never sends malformed).
@Suite struct ServerShareAPITests {
  static let path = "/v2.1/servers/00000000-0000-4000-8000-000000000000/shares"

  @Test func belowItsMicroversionTheRouteIsNotFound() throws {
    let member = try ComputeTests.Client(FakeCloud(), user: "clouduser1", project: "demo")
    let response = try member.send(.get, Self.path, version: "2.96")
    #expect(response.status == 404)
    #expect(response.body?["itemNotFound"]?["message"] == "The resource could not be found.")
  }

  /// Nova's JSON schema answers before the server is looked for.
  @Test(arguments: [
    ("{}", "'share' is a required property"),
    (#"{"share": {"share_id": "abc", "export": 1}}"#, "Invalid input for field/attribute share_id. Value: abc. 'abc' is not a 'uuid'"),
    (#"{"share": {}, "a": 1, "b": 2}"#, "Invalid input for field/attribute share. Value: {}. 'share_id' is a required property"),
    (#"{"share": {"share_id": "0e6a4e52-0a3e-4a32-8d7f-4a0b8c1f3e6a"}, "a": 1, "b": 2}"#,
     "Additional properties are not allowed ('a', 'b' were unexpected)"),
    (#"{"share": {"share_id": "abc"}}"#, "Invalid input for field/attribute share_id. Value: abc. 'abc' is not a 'uuid'"),
    (#"{"share": {"share_id": "0e6a4e52-0a3e-4a32-8d7f-4a0b8c1f3e6a", "tag": "my tag"}}"#,
     "Invalid input for field/attribute tag. Value: my tag. 'my tag' does not match '^[a-zA-Z0-9-]*$'"),
    (#"{"share": {"share_id": "0e6a4e52-0a3e-4a32-8d7f-4a0b8c1f3e6a", "export": 1}}"#,
     "Invalid input for field/attribute share. Value: {'share_id': '0e6a4e52-0a3e-4a32-8d7f-4a0b8c1f3e6a', 'export': 1}. Additional properties are not allowed ('export' was unexpected)"),
  ])
  func aMalformedBodyIsRefusedFirst(body: String, message: String) throws {
    let member = try ComputeTests.Client(FakeCloud(), user: "clouduser1", project: "demo")
    let response = try member.send(.post, Self.path, body: try JSON(parsing: body), version: "2.97")
    #expect(response.status == 400)
    #expect(response.body?["badRequest"]?["message"]?.string == message)
  }

  @Test func aWellFormedBodyForAServerThatIsNotThereIsNotFound() throws {
    let member = try ComputeTests.Client(FakeCloud(), user: "clouduser1", project: "demo")
    let body = try JSON(parsing: #"{"share": {"share_id": "0e6a4e52-0a3e-4a32-8d7f-4a0b8c1f3e6a"}}"#)
    let response = try member.send(.post, Self.path, body: body, version: "2.97")
    #expect(response.status == 404)
    #expect(response.body?["itemNotFound"]?["message"] == "Instance 00000000-0000-4000-8000-000000000000 could not be found.")
  }
}
