import CloudAPI

/// `OpenStack-API-Version: compute 2.79`, as Nova's and Cinder's `APIVersionRequest` read it.
enum VersionHeader {
  /// The version the header asks of `service` (lowercase letters): the header's second word when
  /// it has two (split at spaces) and the first is the service's name in any case; `nil`
  /// otherwise. Read as bytes: every request to the two services carries one.
  static func version(_ header: String, service: String) -> String? {
    // In the header's own buffer, the two words as ranges: no array of its bytes or of its words.
    var header = header
    return header.withUTF8 { bytes -> String? in
      var words = (count: 0, first: 0..<0, second: 0..<0)
      var start = 0
      for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: " ") {
        if start < index {
          words.count += 1
          switch words.count {
          case 1: words.first = start..<index
          case 2: words.second = start..<index
          default: return nil
          }
        }
        start = index + 1
      }
      guard words.count == 2, words.first.count == service.utf8.count else { return nil }
      // The service's name, its letters in any case (`service` is in lower case).
      var position = words.first.lowerBound
      for byte in service.utf8 {
        guard bytes[position] | 0x20 == byte else { return nil }
        position += 1
      }
      return String(decoding: bytes[words.second], as: UTF8.self)
    }
  }
}
