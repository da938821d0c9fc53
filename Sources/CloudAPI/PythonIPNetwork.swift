/// Python's `ipaddress.ip_network(text)` (strict), with which python-manilaclient and Manila
/// check an `ip` access rule: nil for a network it accepts, else the `ValueError` text.
public enum PythonIPNetwork {
  public static func error(_ text: String) -> String? {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    let notANetwork = "\(PythonRepr.string(text)) does not appear to be an IPv4 or IPv6 network"
    guard parts.count <= 2 else { return notANetwork }
    if let address = ipv4(parts[0]) {
      guard let prefix = prefixLength(parts.count == 2 ? parts[1] : nil, bits: 32) else { return notANetwork }
      let mask: UInt32 = prefix == 0 ? 0 : ~UInt32(0) << (32 - prefix)
      if address & ~mask != 0 { return "\(ipv4Text(address))/\(prefix) has host bits set" }
      return nil
    }
    let (host, scope) = splitScope(parts[0])
    if let address = ipv6(host) {
      guard let prefix = prefixLength(parts.count == 2 ? parts[1] : nil, bits: 128) else { return notANetwork }
      let hostBits = address.enumerated().contains { index, hextet in
        let first = index * 16
        guard first + 16 > prefix else { return false }
        let kept = max(0, prefix - first)
        let mask: UInt16 = kept == 0 ? 0 : ~UInt16(0) << (16 - kept)
        return hextet & ~mask != 0
      }
      if hostBits { return "\(ipv6Text(address))\(scope.map { "%" + $0 } ?? "")/\(prefix) has host bits set" }
      return nil
    }
    return notANetwork
  }

  /// A prefix length written in decimal digits, at most `bits`; the whole length when absent.
  private static func prefixLength(_ text: String?, bits: Int) -> Int? {
    guard let text else { return bits }
    guard !text.isEmpty, text.utf8.allSatisfy({ (48...57).contains($0) }), let value = Int(text), value <= bits else {
      return nil
    }
    return value
  }

  /// Four decimal octets, each at most three digits without a leading zero, at most 255.
  static func ipv4(_ text: String) -> UInt32? {
    let octets = text.split(separator: ".", omittingEmptySubsequences: false)
    guard octets.count == 4 else { return nil }
    var value: UInt32 = 0
    for octet in octets {
      guard (1...3).contains(octet.count), octet.utf8.allSatisfy({ (48...57).contains($0) }),
        octet.count == 1 || octet.first != "0", let number = UInt32(octet), number <= 255
      else { return nil }
      value = value << 8 | number
    }
    return value
  }

  private static func ipv4Text(_ value: UInt32) -> String {
    (0..<4).map { String(value >> (24 - 8 * $0) & 0xFF) }.joined(separator: ".")
  }

  /// `address%scope`: the scope (zone) Python keeps beside an IPv6 address.
  private static func splitScope(_ text: String) -> (String, String?) {
    guard let percent = text.firstIndex(of: "%") else { return (text, nil) }
    let scope = String(text[text.index(after: percent)...])
    return (String(text[..<percent]), scope.isEmpty ? nil : scope)
  }

  /// Eight hextets, `::` standing for one or more zero hextets, an IPv4 address for the last two.
  static func ipv6(_ text: String) -> [UInt16]? {
    var text = Substring(text)
    var tail: [UInt16] = []
    if let colon = text.lastIndex(of: ":"), text[colon...].utf8.contains(UInt8(ascii: ".")) {
      guard let v4 = ipv4(String(text[text.index(after: colon)...])) else { return nil }
      tail = [UInt16(v4 >> 16), UInt16(v4 & 0xFFFF)]
      text = text[...colon]
      // `a:b:` loses its last colon; `::` keeps both.
      if !text.hasSuffix("::") { text = text.dropLast() }
    }
    let wanted = 8 - tail.count
    let characters = Array(text)
    let double = (0..<max(0, characters.count - 1)).first { characters[$0] == ":" && characters[$0 + 1] == ":" }
    guard let double else {
      guard let all = hex(text), all.count == wanted else { return nil }
      return all + tail
    }
    let before = text.prefix(double)
    let after = text.dropFirst(double + 2)
    guard let head = hex(before), let rest = hex(after), head.count + rest.count < wanted else { return nil }
    return head + Array(repeating: 0, count: wanted - head.count - rest.count) + rest + tail
  }

  /// Hextets separated by single colons; none for an empty text.
  private static func hex(_ text: Substring) -> [UInt16]? {
    guard !text.isEmpty else { return [] }
    var values: [UInt16] = []
    for part in text.split(separator: ":", omittingEmptySubsequences: false) {
      guard (1...4).contains(part.count), part.allSatisfy(\.isHexDigit), let value = UInt16(part, radix: 16) else {
        return nil
      }
      values.append(value)
    }
    return values
  }

  /// Python's compressed form: lower-case hextets, the longest run of two or more zeros as `::`.
  private static func ipv6Text(_ hextets: [UInt16]) -> String {
    var best = (start: -1, length: 0)
    var index = 0
    while index < 8 {
      guard hextets[index] == 0 else {
        index += 1
        continue
      }
      var end = index
      while end < 8 && hextets[end] == 0 { end += 1 }
      if end - index > best.length { best = (index, end - index) }
      index = end
    }
    let texts = hextets.map { String($0, radix: 16) }
    guard best.length > 1 else { return texts.joined(separator: ":") }
    let head = texts[..<best.start].joined(separator: ":")
    let tail = texts[(best.start + best.length)...].joined(separator: ":")
    return head + "::" + tail
  }
}

/// Python's `repr` of a string: quoted with `'`, or `"` when only `'` occurs.
public enum PythonRepr {
  public static func string(_ text: String) -> String {
    let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
    var escaped = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": escaped += "\\\\"
      case "\n": escaped += "\\n"
      case "\r": escaped += "\\r"
      case "\t": escaped += "\\t"
      case _ where Character(scalar) == quote: escaped += "\\" + String(quote)
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        escaped += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return String(quote) + escaped + String(quote)
  }
}
