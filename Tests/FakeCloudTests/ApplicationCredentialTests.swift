import CloudAPI
import Testing

@testable import FakeCloud

/// Keystone's application credentials: the owner makes them with the token's roles or some of
/// them, names are the user's own, a generated secret is 64 random bytes in URL-safe base64, and
/// another member may neither read nor make them for someone else.
@Suite struct ApplicationCredentialTests {
  let cloud = FakeCloud()

  func send(_ method: HTTPMethod, _ path: String, _ body: JSON? = nil, as user: String) throws -> APIResponse {
    let auth = try authenticate(cloud, user: user, project: user == "admin" ? "admin" : "demo", password: "secret")
    var request = APIRequest(method, path, body: body)
    request.headers["X-Auth-Token"] = auth.headers["X-Subject-Token"]
    return try cloud.send(request, to: .identity)
  }

  func userID(_ name: String) throws -> String {
    try #require(cloud.state.identity.users.first { $0.name == name }?.id)
  }

  @Test func theOwnerMakesOneWithTheTokensRolesAndAGeneratedSecret() throws {
    let path = "/v3/users/\(try userID("clouduser1"))/application_credentials"
    let created = try send(.post, path, .object(["application_credential": .object(["name": "ci"])]), as: "clouduser1")
    #expect(created.status == 201)
    let credential = try #require(created.body?["application_credential"])
    #expect(credential["roles"]?.array.compactMap { $0["name"]?.string } == ["member", "reader"])
    let secret = try #require(credential["secret"]?.string)
    #expect(secret.utf8.count == 86 && secret.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    // The secret is the create's alone.
    let listed = try send(.get, path, as: "clouduser1").body?["application_credentials"]?.array ?? []
    #expect(listed.count == 1 && listed.first?["secret"] == nil)
    let again = try send(.post, path, .object(["application_credential": .object(["name": "ci"])]), as: "clouduser1")
    #expect(again.status == 409)
  }

  @Test func aRoleTheTokenLacksIsRefused() throws {
    let path = "/v3/users/\(try userID("clouduser1"))/application_credentials"
    let body: JSON = .object(["application_credential": .object(["name": "x", "roles": .array([.object(["name": "admin"])])])])
    let refused = try send(.post, path, body, as: "clouduser1")
    #expect(refused.status == 400)
    #expect(
      refused.body?["error"]?["message"]
        == "Invalid application credential: Cannot create an application credential with unassigned role")
  }

  @Test func nobodyMakesOneForAnotherUserAndOnlyAdminsReadOthers() throws {
    let path = "/v3/users/\(try userID("clouduser1"))/application_credentials"
    let made = try send(.post, path, .object(["application_credential": .object(["name": "x"])]), as: "admin")
    #expect(made.status == 403)
    #expect(try send(.get, path, as: "admin").status == 200)
    let adminPath = "/v3/users/\(try userID("admin"))/application_credentials"
    #expect(try send(.get, adminPath, as: "clouduser1").status == 403)
  }
}
