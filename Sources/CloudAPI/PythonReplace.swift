extension StringProtocol {
  /// Python's `str.replace(old, new)`: every occurrence of `target`, left to right and without
  /// overlapping, replaced (an empty `target` replaces nothing). Matched as UTF-8 bytes, which
  /// is matching by code points as Python does (a character's first byte is never inside
  /// another's); Foundation's
  /// `replacingOccurrences(of:with:)` cost 20,000 instructions a call, and IDs, mount paths and
  /// option names are rewritten on every request.
  public func replacingEvery(_ target: String, with replacement: String) -> String {
    let text = Array(utf8)
    let target = Array(target.utf8)
    guard !target.isEmpty, text.count >= target.count else { return String(self) }
    let replacement = Array(replacement.utf8)
    var result: [UInt8] = []
    result.reserveCapacity(text.count)
    var index = 0
    while index < text.count {
      if text[index] == target[0], index + target.count <= text.count,
        text[index..<index + target.count].elementsEqual(target)
      {
        result.append(contentsOf: replacement)
        index += target.count
      } else {
        result.append(text[index])
        index += 1
      }
    }
    return String(decoding: result, as: UTF8.self)
  }
}
