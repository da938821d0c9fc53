/// A subnet's `cidr` as a cloud file gives it, parsed strictly: the cloud later computes the
/// addresses it hands out from it, and Neutron itself refuses anything looser.
struct IPNetwork: Equatable {
  /// 4 or 16 bytes.
  var bytes: [UInt8]
  var prefixLength: Int

  var version: Int { bytes.count == 4 ? 4 : 6 }

  /// Why a `cidr` or an address is not one.
  struct Invalid: Error {
    var reason: String
  }

  /// `10.0.0.0/26`, `fda4:5834:1c78::/64`: a network address (no host bits set) and its prefix
  /// length. An IPv6 subnet gives out addresses by SLAAC, within its first 64 bits.
  init(cidr: String) throws(Invalid) {
    let parts = cidr.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2 else {
      throw Invalid(reason: "'\(cidr)' is not a CIDR: it needs an address and a prefix length, such as 192.0.2.0/24")
    }
    guard let bytes = Self.address(parts[0]) else {
      throw Invalid(reason: "'\(cidr)' is not a CIDR: '\(parts[0])' is not an IPv4 or IPv6 address")
    }
    let maximum = bytes.count * 8
    guard parts[1].utf8.count <= 3, parts[1].utf8.allSatisfy({ (0x30...0x39).contains($0) }),
      let length = Int(parts[1]), length <= maximum
    else {
      throw Invalid(reason: "'\(cidr)' is not a CIDR: the prefix length must be a number from 0 to \(maximum)")
    }
    self.bytes = bytes
    self.prefixLength = length
    guard !bytes.indices.contains(where: { bytes[$0] & ~mask(byte: $0) != 0 }) else {
      let network = Self(bytes: bytes.indices.map { bytes[$0] & mask(byte: $0) }, prefixLength: length)
      throw Invalid(reason: "'\(cidr)' is not a network address (the network is \(network))")
    }
    guard version == 4 || length <= 64 else {
      throw Invalid(reason: "'\(cidr)': an IPv6 subnet gives addresses by SLAAC, which needs a prefix of /64 or shorter")
    }
  }

  private init(bytes: [UInt8], prefixLength: Int) {
    self.bytes = bytes
    self.prefixLength = prefixLength
  }

  /// The bits of byte `index` that belong to the network.
  private func mask(byte index: Int) -> UInt8 {
    let bits = min(8, max(0, prefixLength - index * 8))
    return bits == 0 ? 0 : UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
  }

  func contains(_ address: [UInt8]) -> Bool {
    address.count == bytes.count && !bytes.indices.contains { address[$0] & mask(byte: $0) != bytes[$0] }
  }

  /// Whether `address` is the network's own address or, in IPv4, its broadcast address: neither
  /// can be a gateway.
  func isReserved(_ address: [UInt8]) -> Bool {
    guard address != bytes else { return true }
    guard version == 4, prefixLength < 31 else { return false }
    return address == bytes.indices.map { bytes[$0] | ~mask(byte: $0) }
  }

  /// An IPv4 address in dotted decimal (no leading zeros, as Python's `ipaddress` wants it), or an
  /// IPv6 address in hexadecimal groups with at most one `::`.
  static func address(_ text: Substring) -> [UInt8]? {
    // Looked for as a byte: `contains(":")` is Foundation's string search.
    text.utf8.contains(UInt8(ascii: ":")) ? v6(text) : v4(text)
  }

  private static func v4(_ text: Substring) -> [UInt8]? {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4 else { return nil }
    var bytes: [UInt8] = []
    for part in parts {
      guard (1...3).contains(part.utf8.count), part.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
        part.utf8.count == 1 || part.utf8.first != 0x30, let byte = UInt8(part)
      else { return nil }
      bytes.append(byte)
    }
    return bytes
  }

  private static func v6(_ text: Substring) -> [UInt8]? {
    func groups(_ part: Substring) -> [UInt16]? {
      guard !part.isEmpty else { return [] }
      var groups: [UInt16] = []
      for group in part.split(separator: ":", omittingEmptySubsequences: false) {
        // Hex digits only: `UInt16(_:radix:)` also takes a sign, which Python refuses.
        guard (1...4).contains(group.utf8.count), group.utf8.allSatisfy({ $0 < 0x80 && Character(Unicode.Scalar($0)).isHexDigit }),
          let value = UInt16(group, radix: 16)
        else { return nil }
        groups.append(value)
      }
      return groups
    }
    // Cut at each `::` by hand: splitting by a separator of two characters goes through
    // Foundation's string search (18,000 instructions an address).
    var halves: [Substring] = []
    var start = text.startIndex
    var index = text.startIndex
    while index < text.endIndex {
      let next = text.index(after: index)
      if text[index] == ":", next < text.endIndex, text[next] == ":" {
        halves.append(text[start..<index])
        index = text.index(after: next)
        start = index
      } else {
        index = next
      }
    }
    halves.append(text[start...])
    guard halves.count <= 2, let head = groups(halves[0]) else { return nil }
    var all = head
    if halves.count == 2 {
      guard let tail = groups(halves[1]), head.count + tail.count < 8 else { return nil }
      all += Array(repeating: 0, count: 8 - head.count - tail.count) + tail
    }
    guard all.count == 8 else { return nil }
    return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
  }
}

extension IPNetwork: CustomStringConvertible {
  /// As Python's `ipaddress` writes it.
  var description: String {
    let address =
      version == 4
      ? bytes.map(String.init).joined(separator: ".")
      : IPAddress.compressed(stride(from: 0, to: 16, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) })
    return "\(address)/\(prefixLength)"
  }
}
