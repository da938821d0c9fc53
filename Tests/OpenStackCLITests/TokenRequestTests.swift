import CloudAPI
import FakeCloud
import Testing

@testable import OpenStackCLI

/// Every command signs in with keystoneauth's password request; the client keeps the request of
/// the last credentials for the commands after it, so each must still send its own.
@Suite struct TokenRequestTests {
  /// The fake cloud, keeping the sign-in requests it is sent.
  final class SignInsKept: CloudTransport {
    let cloud = FakeCloud()
    var signIns: [JSON] = []
    func send(_ request: APIRequest, to service: ServiceType) throws -> APIResponse {
      if service == .identity, request.path == "/v3/auth/tokens", let body = request.body { signIns.append(body) }
      return try cloud.send(request, to: service)
    }
  }

  private func environment(_ user: CloudDefinition.User, password: String? = nil) -> [String: String] {
    [
      "OS_USERNAME": user.name, "OS_PASSWORD": password ?? user.password, "OS_PROJECT_NAME": user.project,
      "OS_USER_DOMAIN_NAME": "Default", "OS_PROJECT_DOMAIN_NAME": "Default", "OS_AUTH_URL": "http://devstack/identity",
    ]
  }

  @Test func eachCommandSignsInWithItsOwnCredentials() throws {
    let transport = SignInsKept()
    let client = OpenStackClient(transport: transport, sleep: { _ in })
    let users = transport.cloud.definition.users
    let admin = try #require(users.first { $0.name == "admin" })
    let member = try #require(users.first { $0.name == "clouduser1" })
    for user in [admin, admin, member, admin] {
      let result = client.run(["token", "issue", "-f", "value", "-c", "project_id"], environment: environment(user))
      #expect(result.exitStatus == 0, "\(result.standardError)")
    }
    let names = transport.signIns.map { $0["auth"]?["identity"]?["password"]?["user"]?["name"]?.string }
    #expect(names == ["admin", "admin", "clouduser1", "admin"])
    let projects = transport.signIns.map { $0["auth"]?["scope"]?["project"]?["name"]?.string }
    #expect(projects == [admin.project, admin.project, member.project, admin.project])
  }

  @Test func aChangedPasswordIsSentAndRefused() throws {
    let transport = SignInsKept()
    let client = OpenStackClient(transport: transport, sleep: { _ in })
    let admin = try #require(transport.cloud.definition.users.first { $0.name == "admin" })
    #expect(client.run(["token", "issue"], environment: environment(admin)).exitStatus == 0)
    let refused = client.run(["token", "issue"], environment: environment(admin, password: "wrong"))
    #expect(refused.exitStatus == 1)
    #expect(refused.standardError.hasPrefix("The request you have made requires authentication. (HTTP 401)"))
    #expect(transport.signIns.last?["auth"]?["identity"]?["password"]?["user"]?["password"]?.string == "wrong")
  }

  @Test func credentialsWithoutAUserOrAProjectMakeNoRequest() {
    let requests = TokenRequests()
    let noUser = Credentials(username: nil, password: "p", projectName: "demo", userDomainName: "Default", projectDomainName: "Default")
    let noProject = Credentials(username: "demo", password: "p", projectName: nil, userDomainName: "Default", projectDomainName: "Default")
    #expect(throws: CommandFailure.self) { try requests.request(for: noUser).get() }
    #expect((try? requests.request(for: noUser).get()) == nil)
    if case .failure(let failure) = requests.request(for: noUser) {
      #expect(failure.message == "Missing value username required for auth plugin password")
    }
    if case .failure(let failure) = requests.request(for: noProject) {
      #expect(failure.message == "Missing value project_name required for auth plugin password")
    }
  }
}
