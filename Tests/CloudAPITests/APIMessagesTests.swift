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

  /// Only the letters A-Z fold: names that differ in any other byte are other fields, whatever
  /// their lookup key makes of them (`_` and DEL fold to the same byte there).
  @Test func onlyLettersFoldInHeaderNames() {
    var headers: HTTPHeaders = ["X_Auth": "underscore", "X-Auth": "dash"]
    headers["x\u{7F}auth"] = "delete"
    #expect(headers["X_AUTH"] == "underscore")
    #expect(headers["x-auth"] == "dash")
    #expect(headers["X\u{7F}AUTH"] == "delete")
    #expect(headers["X@Auth"] == nil)
    #expect(headers["X-Äuth"] == nil)
    headers["Vary"] = "a"
    headers.append("vary", "b")
    #expect(headers.fields.map(\.value) == ["underscore", "dash", "delete", "a", "b"])
    headers["VARY"] = "c"
    #expect(headers.fields.map(\.name) == ["X_Auth", "X-Auth", "x\u{7F}auth", "VARY"])
    #expect(headers == ["x_auth": "underscore", "x-AUTH": "dash", "X\u{7F}Auth": "delete", "vary": "c"])
    #expect(headers != ["x_auth": "underscore", "x-AUTH": "dash", "X\u{7F}Auth": "delete", "varz": "c"])
    // Names of one byte, none, and not ASCII.
    headers[""] = "empty"
    headers["a"] = "one"
    headers["Ärger"] = "umlaut"
    #expect(headers[""] == "empty")
    #expect(headers["A"] == "one")
    #expect(headers["Ärger"] == "umlaut")
    #expect(headers["äRGER"] == nil)
  }

  /// A URL written from its parts: contiguous strings, small ones, and a bridged-free substring's
  /// copy alike.
  @Test func concatenatesParts() {
    let id = "8fe74a26-f57d-4961-8435-5ea8ccf05946"
    #expect(String(concatenating: "http://devstack/compute", "/v2.1", "/", "servers", "/", id) == "http://devstack/compute/v2.1/servers/" + id)
    #expect(String(concatenating: "", "", "") == "")
    #expect(String(concatenating: "é", "ü") == "éü")
    #expect(String(concatenating: String(id.dropFirst(9)), "x") == id.dropFirst(9) + "x")
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
