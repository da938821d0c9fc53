import Testing

@testable import CloudAPI

/// A dictionary literal's array of `(String, JSON)` pairs is kept as the object's members
/// (`JSONObject.Member`) without a copy: that is right only while the struct is laid out as the
/// tuple.
@Suite struct JSONObjectLayoutTests {
  @Test func aMemberIsLaidOutAsThePairALiteralGives() {
    typealias Pair = (String, JSON)
    #expect(MemoryLayout<JSONObject.Member>.size == MemoryLayout<Pair>.size)
    #expect(MemoryLayout<JSONObject.Member>.stride == MemoryLayout<Pair>.stride)
    #expect(MemoryLayout<JSONObject.Member>.alignment == MemoryLayout<Pair>.alignment)
    #expect(MemoryLayout<JSONObject.Member>.offset(of: \.value) == MemoryLayout<String>.stride)
  }

  @Test func aLiteralReadsBackItsPairsInOrderAndGrowsAsAnyObject() {
    var object: JSONObject = ["name": "web", "size": .int(2), "tags": .array(["a"]), "nested": .object(["x": .null])]
    #expect(object.map(\.key) == ["name", "size", "tags", "nested"])
    #expect(object["size"] == .int(2))
    #expect(object["nested"]?["x"] == .null)
    // Grown and copied by the array's own code, under the struct's type.
    object["added"] = .bool(true)
    let copy = object
    object["name"] = "db"
    #expect(copy["name"] == "web")
    #expect(object.map(\.key) == ["name", "size", "tags", "nested", "added"])
  }
}
