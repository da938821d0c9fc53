import CloudAPI
import Testing

@testable import FakeCloud

/// Neutron's RBAC policies that other projects depend on, a network's `shared` as its policies
/// make it, and the pages of Neutron's lists.
@Suite struct NeutronRBACPagingTests {
  let cloud = FakeCloud()

  func send(_ method: HTTPMethod, _ path: String, _ query: [(name: String, value: String)] = [], body: JSON? = nil, as user: String = "admin")
    throws -> APIResponse
  {
    let project = user == "admin" ? "admin" : "demo"
    let auth = try authenticate(cloud, user: user, project: project, password: "secret")
    var request = APIRequest(method, path, query: query, body: body)
    request.headers["X-Auth-Token"] = auth.headers["X-Subject-Token"]
    return try cloud.send(request, to: .network)
  }

  func create(_ collection: String, _ member: String, _ fields: JSONObject, as user: String = "admin") throws -> JSON {
    let response = try send(.post, "/v2.0/\(collection)", body: .object([member: .object(fields)]), as: user)
    #expect(response.status == 201, "\(String(describing: response.body))")
    return response.body?[member] ?? .null
  }

  func projectID(_ name: String) throws -> String {
    let auth = try authenticate(cloud, user: name == "admin" ? "admin" : "clouduser1", project: name, password: "secret")
    return try #require(auth.body?["token"]?["project"]?["id"]?.string)
  }

  func message(_ response: APIResponse) -> String { response.body?["NeutronError"]?["message"]?.string ?? "" }

  /// A network of the admin's shared with the demo project, which has a port on it.
  func sharedNetworkWithPort() throws -> (network: String, policy: String, demo: String) {
    let demo = try projectID("demo")
    let network = try create("networks", "network", ["name": "team"])["id"]?.string ?? ""
    let policy = try create(
      "rbac-policies", "rbac_policy",
      ["object_type": "network", "action": "access_as_shared", "target_tenant": .string(demo), "object_id": .string(network)])
    _ = try create("ports", "port", ["network_id": .string(network)], as: "clouduser1")
    return (network, policy["id"]?.string ?? "", demo)
  }

  @Test func aSharingPolicyAProjectsPortsDependOnIsNotRemoved() throws {
    let (network, policy, _) = try sharedNetworkWithPort()
    let refused = try send(.delete, "/v2.0/rbac-policies/\(policy)")
    #expect(refused.status == 409)
    #expect(refused.body?["NeutronError"]?["type"] == "RbacPolicyInUse")
    #expect(
      message(refused)
        == "RBAC policy on object \(network) cannot be removed because other objects depend on it.\nDetails: Callback "
        + "neutron.plugins.ml2.plugin.NeutronDbPluginV2.validate_network_rbac_policy_change-14080729427 failed with "
        + "\"Unable to reconfigure sharing settings for network \(network). Multiple projects are using it.\"")
    // Another target is the same loss.
    let admin = try projectID("admin")
    let moved = try send(.put, "/v2.0/rbac-policies/\(policy)", body: .object(["rbac_policy": .object(["target_tenant": .string(admin)])]))
    #expect(moved.status == 409)
    // With the network shared with everyone, the project keeps its access without it.
    #expect(try send(.put, "/v2.0/networks/\(network)", body: .object(["network": .object(["shared": true])])).status == 200)
    #expect(try send(.delete, "/v2.0/rbac-policies/\(policy)").status == 204)
    // Unsharing it now strands the port: `InvalidSharedSetting`, naming the network.
    let unshared = try send(.put, "/v2.0/networks/\(network)", body: .object(["network": .object(["shared": false])]))
    #expect(unshared.status == 409)
    #expect(message(unshared) == "Unable to reconfigure sharing settings for network team. Multiple projects are using it.")
  }

  @Test func sharedIsWhatThePoliciesGiveTheCaller() throws {
    let (network, _, _) = try sharedNetworkWithPort()
    // Shared with the demo project: the demo project sees it shared, the owner does not.
    #expect(try send(.get, "/v2.0/networks/\(network)", as: "clouduser1").body?["network"]?["shared"] == true)
    #expect(try send(.get, "/v2.0/networks/\(network)").body?["network"]?["shared"] == false)
    // `shared` makes the wildcard policy; removing it unshares.
    #expect(try send(.put, "/v2.0/networks/\(network)", body: .object(["network": .object(["shared": true])])).body?["network"]?["shared"] == true)
    let wildcard = try send(.get, "/v2.0/rbac-policies", [("object_id", network), ("target_tenant", "*")])
    let policies = wildcard.body?["rbac_policies"]?.array ?? []
    #expect(policies.count == 1)
    #expect(policies.first?["action"] == "access_as_shared")
    // The devstack's shared and public networks have theirs.
    let all = try send(.get, "/v2.0/rbac-policies").body?["rbac_policies"]?.array ?? []
    #expect(Set(all.compactMap { $0["action"]?.string }) == ["access_as_shared", "access_as_external"])
  }

  @Test func aSecurityGroupPolicyAPortUsesIsNotRemoved() throws {
    let demo = try projectID("demo")
    let group = try create("security-groups", "security_group", ["name": "team-sg"])["id"]?.string ?? ""
    let policy = try create(
      "rbac-policies", "rbac_policy",
      ["object_type": "security_group", "action": "access_as_shared", "target_tenant": .string(demo), "object_id": .string(group)])
    let privateNetwork = try #require(
      try send(.get, "/v2.0/networks", [("name", "private")]).body?["networks"]?.array.first?["id"]?.string)
    _ = try create(
      "ports", "port", ["network_id": .string(privateNetwork), "security_groups": .array([.string(group)])], as: "clouduser1")
    let refused = try send(.delete, "/v2.0/rbac-policies/\(policy["id"]?.string ?? "")")
    #expect(refused.status == 409)
    #expect(message(refused).hasSuffix("Details: project_id=\(demo)\""))
    #expect(message(refused).contains("neutron.objects.securitygroup.RbacNeutronDbObjectMixin.validate_rbac_policy_change"))
  }

  @Test func listsPageWithLinksAndTheirMarkers() throws {
    for name in ["a", "b", "c"] { _ = try create("networks", "network", ["name": .string(name)]) }
    let all = (try send(.get, "/v2.0/networks").body?["networks"]?.array ?? []).compactMap { $0["id"]?.string }
    #expect(all == all.sorted())
    let first = try send(.get, "/v2.0/networks", [("limit", "2"), ("name", "a"), ("name", "b"), ("name", "c")])
    let page = (first.body?["networks"]?.array ?? []).compactMap { $0["id"]?.string }
    #expect(page.count == 2)
    let links = first.body?["networks_links"]?.array ?? []
    #expect(links.compactMap { $0["rel"]?.string } == ["next", "previous"])
    let next = try #require(links.first?["href"]?.string)
    #expect(next.hasSuffix("/v2.0/networks?limit=2&name=a&name=b&name=c&marker=\(page[1])"))
    #expect(links.last?["href"]?.string?.hasSuffix("marker=\(page[0])&page_reverse=True") == true)
    // The last page, short: no next link.
    let last = try send(.get, "/v2.0/networks", [("limit", "2"), ("marker", page[1]), ("name", "a"), ("name", "b"), ("name", "c")])
    #expect(last.body?["networks"]?.array.count == 1)
    #expect((last.body?["networks_links"]?.array ?? []).compactMap { $0["rel"]?.string } == ["previous"])
    // Going back from the last: the two before it.
    let lastID = try #require(last.body?["networks"]?.array.first?["id"]?.string)
    let back = try send(.get, "/v2.0/networks", [("limit", "2"), ("marker", lastID), ("page_reverse", "True"), ("name", "a"), ("name", "b"), ("name", "c")])
    #expect((back.body?["networks"]?.array ?? []).compactMap { $0["id"]?.string } == page)
  }

  @Test func aMarkerNotFoundIsAFaultAnIgnoredMarkerOrAnEmptyPage() throws {
    let networks = try send(.get, "/v2.0/networks", [("limit", "1"), ("marker", "nosuch")])
    #expect(networks.status == 404)
    #expect(message(networks) == "Network nosuch could not be found.")
    // Subnets page through the objects' pager: the marker is dropped.
    let subnets = try send(.get, "/v2.0/subnets", [("limit", "1"), ("marker", "nosuch")])
    #expect(subnets.body?["subnets"]?.array.count == 1)
    // Without a limit, no paging and no links.
    let whole = try send(.get, "/v2.0/networks", [("marker", "nosuch")])
    #expect(whole.status == 200)
    #expect(whole.body?["networks_links"] == nil)
    // RBAC policies are not paged at all.
    let policies = try send(.get, "/v2.0/rbac-policies", [("limit", "1"), ("marker", "nosuch")])
    #expect(policies.body?["rbac_policies"]?.array.count == 2)
    #expect(policies.body?["rbac_policies_links"] == nil)
    let invalid = try send(.get, "/v2.0/networks", [("limit", "many")])
    #expect(invalid.status == 400)
    #expect(message(invalid) == "Bad limit request: Limit must be an integer 0 or greater and not 'many'.")
  }
}
