import CloudAPI
import Testing

@testable import FakeCloud

/// Numbers a client sends — a list's `limit` and `offset`, a share's size — are answered as the
/// services answer them, never used unchecked to count or index with.
@Suite struct ClientNumberTests {
  func send(
    _ cloud: FakeCloud, _ method: HTTPMethod, _ path: String, query: [(name: String, value: String)] = [], body: JSON? = nil
  ) throws -> APIResponse {
    let token = try #require(try authenticate(cloud, user: "clouduser1", project: "demo", password: "secret").headers["X-Subject-Token"])
    var request = APIRequest(method, path, query: query, body: body)
    request.headers["X-Auth-Token"] = token
    return try cloud.send(request, to: .sharedFileSystem)
  }

  func createShare(_ cloud: FakeCloud, size: Int) throws -> APIResponse {
    try send(cloud, .post, "/v2/shares", body: .object(["share": .object(["share_proto": "NFS", "size": .int(size), "share_type": "dhss_false"])]))
  }

  /// `manila.api.common._validate_pagination_query`, which both share lists run first.
  @Test(arguments: [
    ("limit", "-1", "limit param must be positive"), ("offset", "-1", "offset param must be positive"),
    ("limit", "x", "limit param must be an integer"), ("offset", "1.5", "offset param must be an integer"),
  ])
  func shareListsRefuseWhatTheyCannotPageBy(name: String, value: String, message: String) throws {
    let cloud = FakeCloud()
    for path in ["/v2/shares", "/v2/shares/detail"] {
      let response = try send(cloud, .get, path, query: [(name, value)])
      #expect(response.status == 400)
      #expect(response.body == .object(["badRequest": .object(["code": 400, "message": .string(message)])]))
    }
  }

  /// The messages API checks its query against a JSON schema, and names the value's index.
  @Test func messagesRefuseThemAsTheirSchemaDoes() throws {
    let cloud = FakeCloud()
    let negative = try send(cloud, .get, "/v2/messages", query: [("limit", "-1")])
    #expect(negative.status == 400)
    #expect(negative.body?["badRequest"]?["message"] == "Invalid input for field/attribute 0. Value: -1. '-1' does not match '^[0-9]*$'")
    let huge = try send(cloud, .get, "/v2/messages", query: [("offset", "0099999999999999999999")])
    #expect(huge.body?["badRequest"]?["message"] == "Invalid input for field/attribute 0. Value: 99999999999999999999. 99999999999999999999 is greater than the maximum of 2147483647")
    #expect(try send(cloud, .get, "/v2/messages", query: [("limit", "0")]).status == 200)
  }

  @Test func limitAndOffsetPageTheShares() throws {
    let cloud = FakeCloud()
    for _ in 0..<3 { #expect(try createShare(cloud, size: 1).status == 200) }
    func count(_ query: [(name: String, value: String)]) throws -> Int {
      try send(cloud, .get, "/v2/shares", query: query).body?["shares"]?.array.count ?? -1
    }
    #expect(try count([("limit", "2"), ("offset", "2")]) == 1)
    // The database applies an offset only with a limit.
    #expect(try count([("offset", "2")]) == 3)
    #expect(try count([("limit", " +1_0 ")]) == 3)
    #expect(try count([("limit", "99999999999999999999999"), ("offset", "99999999999999999999999")]) == 0)
  }

  /// Manila's default `gigabytes` quota: 1000 for the project, whatever the size asked.
  @Test func sharesBeyondTheGigabytesQuotaAreRefused() throws {
    let cloud = FakeCloud()
    let overLimit = APIResponse.fault(413, "Requested share exceeds allowed project/user or share type gigabytes quota.")
    #expect(try createShare(cloud, size: Int.max).body == overLimit.body)
    #expect(try createShare(cloud, size: 999).status == 200)
    #expect(try createShare(cloud, size: Int.max).status == 413)
    #expect(try createShare(cloud, size: 2).status == 413)
    #expect(try createShare(cloud, size: 1).status == 200)
  }

  @Test(arguments: [
    ("12", 12), (" -3\n", -3), ("+1_000", 1000), ("99999999999999999999", Int.max), ("-99999999999999999999", Int.min),
    ("", nil), ("-", nil), ("1__0", nil), ("_1", nil), ("1_", nil), ("1.0", nil), ("0x10", nil), ("1 2", nil),
  ] as [(String, Int?)])
  func readsIntegersAsPythonsIntDoes(text: String, value: Int?) {
    #expect(PythonInt.parse(text) == value)
  }
}
