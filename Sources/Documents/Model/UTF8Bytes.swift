/// A line's UTF-8 bytes, read in place.
typealias UTF8Bytes = UnsafeBufferPointer<UInt8>

extension StringProtocol {
  /// Runs `body` over the text's UTF-8 bytes, without copying them when the text is native.
  func withUTF8Bytes<Result>(_ body: (UTF8Bytes) -> Result) -> Result {
    if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
    return Array(utf8).withUnsafeBufferPointer(body)
  }

  /// Whether the text is empty or only spaces and tabs, or other white space.
  var isBlankLine: Bool {
    withUTF8Bytes { bytes in
      bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 } || (bytes.contains { $0 >= 0x80 } && allSatisfy(\.isWhitespace))
    }
  }

  /// The number of leading spaces.
  var leadingSpaces: Int {
    withUTF8Bytes { bytes in bytes.firstIndex { $0 != 0x20 } ?? bytes.count }
  }
}

extension Substring {
  /// The text without leading and trailing white space.
  var trimmingSpaces: Substring {
    let start = firstIndex { !$0.isWhitespace } ?? endIndex
    let end = self[start...].lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
    return self[start..<end]
  }
}
