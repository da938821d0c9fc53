import CloudAPI
import Testing

@Suite struct APIMessagesTests {
  @Test func headerNamesIgnoreCaseAndSettingReplaces() {
    var headers: HTTPHeaders = ["X-Openstack-Request-Id": "req-1"]
    #expect(headers["x-openstack-request-id"] == "req-1")
    headers["X-OPENSTACK-REQUEST-ID"] = "req-2"
    #expect(headers.fields.count == 1)
    #expect(headers["X-Openstack-Request-Id"] == "req-2")
    headers["X-Openstack-Request-Id"] = nil
    #expect(headers.fields.isEmpty)
  }

  @Test func requestsCompareQueryInOrder() {
    let a = APIRequest(.get, "/v2/messages", query: [("resource_id", "x"), ("limit", "1")])
    let b = APIRequest(.get, "/v2/messages", query: [("limit", "1"), ("resource_id", "x")])
    #expect(a != b)
    #expect(a == APIRequest(.get, "/v2/messages", query: [("resource_id", "x"), ("limit", "1")]))
  }

  @Test(arguments: [("2.51", Microversion(2, 51)), ("2.0", Microversion(2, 0)), ("12.104", Microversion(12, 104))])
  func parsesMicroversions(text: String, version: Microversion) {
    #expect(Microversion(text) == version)
    #expect(version.description == text)
  }

  @Test(arguments: ["2", "2.", ".5", "2.x", "latest", "2.5.1", "-1.2", "２.1"])
  func rejectsOtherMicroversionText(text: String) {
    #expect(Microversion(text) == nil)
  }

  @Test func comparesMicroversionsNumerically() {
    #expect(Microversion(2, 9) < Microversion(2, 10))
    #expect(Microversion(2, 100) > Microversion(2, 99))
    #expect(Microversion(3, 0) > Microversion(2, 104))
  }
}
