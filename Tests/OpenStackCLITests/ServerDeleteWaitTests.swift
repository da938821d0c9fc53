import CloudAPI
import FakeCloud
import Testing

@testable import OpenStackCLI

/// `server delete --wait`: openstacksdk's `wait_for_delete` fetches the server every 2 seconds for
/// at most 120, and the client reports a server still there as an error instead of waiting on.
@Suite struct ServerDeleteWaitTests {
  /// The fake cloud, except that it answers a server's deletion without carrying it out.
  final class DeletionIgnored: CloudTransport {
    let cloud: FakeCloud
    /// The server whose fetches are counted.
    var watched = ""
    var fetches = 0
    init(_ cloud: FakeCloud) { self.cloud = cloud }
    func send(_ request: APIRequest, to service: ServiceType) throws -> APIResponse {
      if service == .compute, request.method == .delete { return APIResponse(status: 204) }
      if service == .compute, request.method == .get, request.path == "/v2.1/servers/\(watched)" { fetches += 1 }
      return try cloud.send(request, to: service)
    }
  }

  @Test func aServerStillThereAfter120SecondsIsTheClientsError() throws {
    let cloud = FakeCloud()
    let transport = DeletionIgnored(cloud)
    var slept = 0.0
    var clouds: [String: CloudCredentials] = [:]
    for entry in cloud.definition.clouds {
      let password = cloud.definition.users.first { $0.name == entry.user }?.password ?? ""
      clouds[entry.name] = CloudCredentials(username: entry.user, password: password, projectName: entry.project)
    }
    let client = OpenStackClient(transport: transport, sleep: { slept += $0; cloud.advanceClock(seconds: $0) }, clouds: clouds)
    let environment = ["OS_CLOUD": "devstack"]
    let created = client.run(
      ["server", "create", "--flavor", "m1.tiny", "--image", "cirros-0.4.0-x86_64-disk", "--network", "private", "--wait", "vm", "-f", "value", "-c", "id"],
      environment: environment)
    #expect(created.exitStatus == 0, "\(created.standardError)")
    let id = created.standardOutput.trimmingCharacters(in: .newlines)
    (slept, transport.watched) = (0, id)
    let deleted = client.run(["server", "delete", "--wait", "vm"], environment: environment)
    #expect(deleted.exitStatus == 1)
    #expect(deleted.standardError == "Error deleting server: \(id)\n")
    #expect(transport.fetches == 60)
    #expect(slept == 120)
  }
}
