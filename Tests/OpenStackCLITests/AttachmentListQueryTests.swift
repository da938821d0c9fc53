import CloudAPI
import FakeCloud
import Foundation
import Testing

/// The fake Cinder's attachment list sorts and pages as asked (the client sends neither, a raw
/// caller may), and refuses by name a sort key it does not emulate.
@Suite struct AttachmentListQueryTests {
  @Test func attachmentsAreSortedAndOffsetAsAsked() throws {
    let bench = OptionCoverageTests.Bench()
    for line in [
      "server create --flavor m1.tiny --image cirros-0.4.0-x86_64-disk --network private --wait vm",
      "volume create --size 1 a", "volume create --size 1 b", "server add volume vm a", "server add volume vm b",
    ] {
      // Each volume is available, each attachment made, before the next line.
      bench.cloud.advanceClock(seconds: 30)
      let result = bench.run(line.split(separator: " ").map(String.init))
      #expect(result.exitStatus == 0, "\(line): \(result.standardError)")
    }
    // The administrator's token and project, as `token issue` shows them.
    let token = bench.run(["token", "issue", "-f", "value", "-c", "id"]).standardOutput.trimmingCharacters(in: .newlines)
    let project = bench.run(["token", "issue", "-f", "value", "-c", "project_id"]).standardOutput.trimmingCharacters(in: .newlines)
    func ids(_ query: [(name: String, value: String)]) throws -> (status: Int, ids: [String]) {
      var request = APIRequest(.get, "/v3/\(project)/attachments", query: query)
      request.headers["X-Auth-Token"] = token
      request.headers["OpenStack-API-Version"] = "volume 3.27"
      let response = try bench.cloud.send(request, to: .blockStorage)
      return (response.status, response.body?["attachments"]?.array.compactMap { $0["id"]?.string } ?? [])
    }
    let newestFirst = try ids([]).ids
    #expect(newestFirst.count == 2)
    #expect(try ids([("sort_dir", "asc")]).ids == newestFirst.reversed())
    #expect(try ids([("sort_key", "id"), ("sort_dir", "asc")]).ids == newestFirst.sorted())
    #expect(try ids([("sort", "id:desc")]).ids == newestFirst.sorted().reversed())
    #expect(try ids([("offset", "1")]).ids == [newestFirst[1]])
    let refused = try ids([("sort_key", "attach_mode")])
    #expect(refused.status == 501)
  }
}
