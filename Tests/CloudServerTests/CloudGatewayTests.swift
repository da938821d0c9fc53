import CloudAPI
import FakeCloud
import Foundation
import Testing

@testable import CloudServer

/// The fake cloud behind one HTTP endpoint: Keystone's password authentication with a catalog of
/// this server's endpoints, the version documents, the services under devstack's paths.
@Suite struct CloudGatewayTests {
  let gateway = CloudGateway(definition: .devstack, baseURL: "http://127.0.0.1:8774")

  func json(_ exchange: CloudGateway.HTTPExchange) throws -> JSON {
    try JSON(parsing: String(decoding: exchange.body, as: UTF8.self))
  }

  func token() throws -> String {
    let body = #"{"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "clouduser1", "domain": {"name": "Default"}, "password": "secret"}}}, "scope": {"project": {"name": "demo", "domain": {"name": "Default"}}}}}"#
    let exchange = gateway.respond(
      method: "POST", path: "/identity/v3/auth/tokens", query: "", headers: [(name: "Content-Type", value: "application/json")],
      body: Data(body.utf8))
    #expect(exchange.status == 201)
    return try #require(exchange.headers.first { $0.name == "X-Subject-Token" }?.value)
  }

  @Test func passwordAuthenticationListsThisServersEndpoints() throws {
    let body = #"{"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "clouduser1", "domain": {"name": "Default"}, "password": "secret"}}}, "scope": {"project": {"name": "demo", "domain": {"name": "Default"}}}}}"#
    let exchange = gateway.respond(method: "POST", path: "/identity/v3/auth/tokens", query: "", headers: [], body: Data(body.utf8))
    let catalog = try json(exchange)["token"]?["catalog"]?.array ?? []
    let urls = catalog.compactMap { service -> String? in
      guard let type = service["type"]?.string, let url = service["endpoints"]?.array.first?["url"]?.string else { return nil }
      return "\(type) \(url)"
    }
    #expect(
      urls == [
        "identity http://127.0.0.1:8774/identity", "compute http://127.0.0.1:8774/compute/v2.1",
        "image http://127.0.0.1:8774/image", "network http://127.0.0.1:8774/networking",
        "sharev2 http://127.0.0.1:8774/share/v2",
        "block-storage http://127.0.0.1:8774/volume/v3/\(try projectID(exchange))",
      ])
  }

  /// The token's project, which Keystone puts in Cinder's endpoint.
  private func projectID(_ exchange: CloudGateway.HTTPExchange) throws -> String {
    try #require(try json(exchange)["token"]?["project"]?["id"]?.string)
  }

  @Test func answersTheVersionDocumentsClientsDiscoverWith() throws {
    for (path, status) in [("/identity", 300), ("/identity/v3", 200), ("/compute/", 200), ("/compute/v2.1/", 200), ("/image/", 300), ("/networking/", 200), ("/share/", 300), ("/volume/", 300), ("/volume/v3/", 200)] {
      #expect(gateway.respond(method: "GET", path: path, query: "", headers: [], body: Data()).status == status, "\(path)")
    }
  }

  /// Every link a service returns leads to this server: the version documents, a flavor's and a
  /// server's links; no `http://devstack/` is left anywhere.
  @Test func everyLinkPointsAtThisServer() throws {
    let headers = [(name: "X-Auth-Token", value: try token())]
    var bodies = ["/compute/", "/compute/v2.1/", "/image/", "/identity", "/networking/"].map {
      gateway.respond(method: "GET", path: $0, query: "", headers: [], body: Data()).body
    }
    bodies.append(gateway.respond(method: "GET", path: "/compute/v2.1/flavors/detail", query: "", headers: headers, body: Data()).body)
    let images = gateway.respond(method: "GET", path: "/image/v2/images", query: "", headers: headers, body: Data())
    let image = try #require(try json(images)["images"]?.array.first?["id"]?.string)
    let create = #"{"server": {"name": "vm1", "imageRef": "\#(image)", "flavorRef": "1", "networks": "none"}}"#
    let created = gateway.respond(method: "POST", path: "/compute/v2.1/servers", query: "", headers: headers, body: Data(create.utf8))
    bodies.append(created.body)
    bodies.append(gateway.respond(method: "GET", path: "/compute/v2.1/servers/detail", query: "", headers: headers, body: Data()).body)
    let text = bodies.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    #expect(!text.contains("devstack/"))
    #expect(text.contains(#""href": "http://127.0.0.1:8774/compute/v2.1/""#))
    #expect(text.contains(#""href": "http://127.0.0.1:8774/image/v2/""#))
    #expect(text.contains(#""href": "http://127.0.0.1:8774/compute/v2.1/flavors/1""#))
    #expect(text.contains(#""href": "http://127.0.0.1:8774/compute/servers/"#))
    // The address it listens on, once known.
    gateway.use(baseURL: "http://127.0.0.1:9999")
    let versions = String(decoding: gateway.respond(method: "GET", path: "/compute/", query: "", headers: [], body: Data()).body, as: UTF8.self)
    #expect(versions.contains("http://127.0.0.1:9999/compute/v2.1/"))
  }

  @Test func servesEachServiceUnderItsPath() throws {
    let headers = [(name: "X-Auth-Token", value: try token())]
    let servers = gateway.respond(method: "GET", path: "/compute/v2.1/servers/detail", query: "deleted=False", headers: headers, body: Data())
    #expect(servers.status == 200)
    #expect(try json(servers) == .object(["servers": .array([])]))
    let shares = gateway.respond(method: "GET", path: "/share/v2/shares/detail", query: "", headers: headers, body: Data())
    #expect(shares.headers.contains { $0.name == "X-OpenStack-Manila-API-Version" })
    let networks = gateway.respond(method: "GET", path: "/networking/v2.0/networks", query: "name=private", headers: headers, body: Data())
    #expect(try json(networks)["networks"]?.array.map { $0["name"] } == ["private"])
  }

  @Test(arguments: [
    ("GET", "/nowhere", "", 404), ("GET", "/compute/v2.1/servers", "{", 400), ("BREW", "/compute/v2.1/servers", "", 405),
    ("GET", "/compute/v2.1/servers", "", 401),
  ])
  func badRequestsGetTheServicesAnswers(method: String, path: String, body: String, status: Int) {
    let headers: [(name: String, value: String)] = status == 401 ? [] : [(name: "X-Auth-Token", value: (try? token()) ?? "")]
    #expect(gateway.respond(method: method, path: path, query: "", headers: headers, body: Data(body.utf8)).status == status)
  }

  /// `auth_type: none`: keystoneauth sends `X-Auth-Token: notused`, served as the default user;
  /// any other unknown token is refused.
  @Test func aClientWithoutAuthenticationIsTheDefaultUser() throws {
    let listed = gateway.respond(
      method: "GET", path: "/networking/v2.0/networks", query: "name=private", headers: [(name: "X-Auth-Token", value: "notused")],
      body: Data())
    #expect(listed.status == 200)
    #expect(try json(listed)["networks"]?.array.first?["name"] == "private")
    let refused = gateway.respond(
      method: "GET", path: "/networking/v2.0/networks", query: "", headers: [(name: "X-Auth-Token", value: "forged")], body: Data())
    #expect(refused.status == 401)
  }

  @Test func decodesQueries() {
    #expect(CloudGateway.queryItems("name=vm1&id=in%3Aa%2Cb").map { "\($0.name)=\($0.value)" } == ["name=vm1", "id=in:a,b"])
  }
}
