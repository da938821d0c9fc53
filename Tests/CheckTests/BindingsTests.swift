import Testing

@testable import Check

@Suite struct BindingsTests {
  let documentedID = "18b84ece-fb8e-438c-b89b-bb2e7c69a5a0"
  let actualID = "6c8f1db2-15c3-49d9-bb51-eb792a02e6e8"

  @Test func findsIDsRequestIDsAndTimestamps() {
    let pattern = Bindings.pattern(
      of: "| \(documentedID) | req-1621b77d-0abb-4c90-9e61-8809214f58a6 | 138d700333eb46cfb36b5a9659704759 | 2025-04-22T20:16:50.207084 | 2019-12-02T19:14:42Z |")
    let values = pattern.parts.compactMap { part -> String? in
      if case .value(let value) = part { return String(value) }
      return nil
    }
    #expect(
      values == [
        documentedID, "1621b77d-0abb-4c90-9e61-8809214f58a6", "138d700333eb46cfb36b5a9659704759",
        "2025-04-22T20:16:50.207084", "2019-12-02T19:14:42Z",
      ])
  }

  @Test func findsTheUnderscoredIDsOfExportPaths() {
    let pattern = Bindings.pattern(of: "path = 10.0.0.10:/path/to/fake/share/share_18b84ece_fb8e_438c_b89b_bb2e7c69a5a0_013ca955_c1ca_4817_b053_d153e6bb5253")
    #expect(pattern.parts.filter { if case .value = $0 { true } else { false } }.count == 2)
  }

  @Test func bindsOneToOneAndSubstitutesLaterCommands() {
    var bindings = Bindings()
    let first = bindings.match(documented: "| \(documentedID) | a |", actual: "| \(actualID) | a |")
    #expect(first)
    #expect(bindings.substituted("openstack share show \(documentedID)") == "openstack share show \(actualID)")
    // The same documented value cannot stand for another actual one, nor another documented
    // value for the same actual one.
    let otherActual = bindings.match(documented: "x \(documentedID)", actual: "x 00000000-0000-4000-8000-000000000000")
    let otherDocumented = bindings.match(documented: "x 11111111-1111-4111-8111-111111111111", actual: "x \(actualID)")
    // Text around the values must agree.
    let otherText = bindings.match(documented: "| \(documentedID) | a |", actual: "| \(actualID) | b |")
    #expect(!otherActual && !otherDocumented && !otherText)
  }

  @Test func pairsRowsInAnotherOrderBySkeleton() {
    var bindings = Bindings()
    let otherDocumented = "54a3188e-8bf2-461a-8b70-0d63f05810a6"
    let otherActual = "614f5601-77dc-4567-be8b-cf144dd4fc9a"
    bindings.bind(
      documented: ["| \(documentedID) | shared |", "| \(otherDocumented) | private |"],
      printed: ["| \(otherActual) | private |", "| \(actualID) | shared |", "| extra | row |"])
    #expect(bindings.substituted(documentedID) == actualID)
    #expect(bindings.substituted(otherDocumented) == otherActual)
  }

  @Test func findsNovasHostIDs() {
    let hostID = "e1c2a1d8b7e2a9bbd4a3d3f7fd46a06a0b2fa3e2c4b1fd5a3c9e0b4d"
    #expect(hostID.count == 56)
    #expect(Bindings.skeleton(of: "| hostId | \(hostID) |") == "| hostId | \u{0}56\u{0} |")
  }

  /// A page that shows one event before another cannot bind them to times the other way round.
  @Test func boundTimestampsKeepTheirOrder() {
    var bindings = Bindings()
    let start = bindings.match(documented: "start 2019-12-02T19:15:35.000000", actual: "start 2025-04-22T16:00:05.123456")
    let finishBeforeStart = bindings.match(documented: "end 2019-12-02T19:15:36.000000", actual: "end 2025-04-22T16:00:04.000000")
    let finish = bindings.match(documented: "end 2019-12-02T19:15:36.000000", actual: "end 2025-04-22T16:00:06.000000")
    let earlierAfter = bindings.match(documented: "at 2019-12-02T19:15:34Z", actual: "at 2025-04-22T16:00:07Z")
    #expect(start && !finishBeforeStart && finish && !earlierAfter)
  }
}
