import CloudAPI
import Foundation

/// The addresses Neutron gives out, written as Python's `ipaddress` writes them.
enum IPAddress {
  /// The `host`-th address of an IPv4 network: `10.0.0.0/26`, 3 → `10.0.0.3`.
  static func v4(_ cidr: String, host: Int) -> String {
    let octets = cidr.split(ascii: "/")[0].split(ascii: ".").compactMap { UInt32($0) }
    guard octets.count == 4 else { return cidr }
    let value = (octets[0] << 24 | octets[1] << 16 | octets[2] << 8 | octets[3]) &+ UInt32(host)
    return [24, 16, 8, 0].map { String(value >> UInt32($0) & 0xFF) }.joined(separator: ".")
  }

  /// The SLAAC address of a MAC on a /64: the prefix and the modified EUI-64 interface ID.
  static func slaac(_ cidr: String, mac: String) -> String {
    let prefix = groups(of: String(cidr.split(ascii: "/")[0])).prefix(4)
    let bytes = mac.split(ascii: ":").compactMap { UInt16($0, radix: 16) }
    guard bytes.count == 6, prefix.count == 4 else { return cidr }
    let interface = [(bytes[0] ^ 0x02) << 8 | bytes[1], bytes[2] << 8 | 0xFF, 0xFE << 8 | bytes[3], bytes[4] << 8 | bytes[5]]
    return compressed(Array(prefix) + interface)
  }

  /// The eight 16-bit groups of an IPv6 address, `::` expanded.
  static func groups(of address: String) -> [UInt16] {
    let halves = address.components(separatedBy: "::")
    let head = halves[0].split(ascii: ":").compactMap { UInt16($0, radix: 16) }
    let tail = halves.count > 1 ? halves[1].split(ascii: ":").compactMap { UInt16($0, radix: 16) } : []
    return head + Array(repeating: 0, count: max(0, 8 - head.count - tail.count)) + tail
  }

  /// RFC 5952, as Python prints it: lower-case groups without leading zeros, the longest run of
  /// two or more zero groups (the first of equal ones) as `::`.
  static func compressed(_ groups: [UInt16]) -> String {
    var best: Range<Int>? = nil
    var index = 0
    while index < groups.count {
      guard groups[index] == 0 else {
        index += 1
        continue
      }
      let start = index
      while index < groups.count, groups[index] == 0 { index += 1 }
      if index - start >= 2, index - start > (best?.count ?? 0) { best = start..<index }
    }
    // Joined by hand: `joined(separator:)` over an array slice is unspecialised.
    var text = ""
    for (index, group) in groups.enumerated() where !(best?.contains(index) ?? false) {
      if index > 0 { text += index == best?.upperBound ? "::" : ":" }
      text += String(group, radix: 16)
    }
    return best?.upperBound == groups.count ? text + "::" : text
  }
}
