import CloudAPI

/// `OpenStack-API-Version: compute 2.79`, as Nova's and Cinder's `APIVersionRequest` read it.
enum VersionHeader {
  /// The version the header asks of `service` (lowercase letters): the header's second word when
  /// it has two (split at spaces) and the first is the service's name in any case; `nil`
  /// otherwise. Read as bytes: every request to the two services carries one.
  static func version(_ header: String, service: String) -> String? {
    let bytes = Array(header.utf8)
    var words: [Range<Int>] = []
    var start = 0
    for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: " ") {
      if start < index {
        guard words.count < 2 else { return nil }
        words.append(start..<index)
      }
      start = index + 1
    }
    guard words.count == 2, bytes[words[0]].elementsEqual(service.utf8, by: { $0 | 0x20 == $1 }) else { return nil }
    return String(decoding: bytes[words[1]], as: UTF8.self)
  }
}
