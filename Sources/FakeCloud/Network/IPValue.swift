/// An IPv4 or IPv6 address as a number, for IPAM's arithmetic (netaddr's `IPAddress`).
struct IPValue: Hashable, Comparable, Sendable {
  var version: Int
  /// The upper 64 bits of an IPv6 address; 0 for IPv4.
  var high: UInt64
  var low: UInt64

  init(version: Int, high: UInt64, low: UInt64) {
    (self.version, self.high, self.low) = (version, high, low)
  }

  /// A strictly written address (`10.0.0.5`, `fda4::1`), or `nil`.
  init?(_ text: String) {
    guard let bytes = IPNetwork.address(Substring(text)) else { return nil }
    let number = { (slice: ArraySlice<UInt8>) in slice.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
    if bytes.count == 4 {
      self.init(version: 4, high: 0, low: number(bytes[...]))
    } else {
      self.init(version: 6, high: number(bytes[0..<8]), low: number(bytes[8..<16]))
    }
  }

  static func < (a: Self, b: Self) -> Bool { (a.version, a.high, a.low) < (b.version, b.high, b.low) }

  /// The address `offset` further on (carrying into the upper half).
  func adding(_ offset: UInt64) -> Self {
    let (sum, overflow) = low.addingReportingOverflow(offset)
    return Self(version: version, high: high &+ (overflow ? 1 : 0), low: sum)
  }

  func subtracting(_ offset: UInt64) -> Self {
    let (difference, overflow) = low.subtractingReportingOverflow(offset)
    return Self(version: version, high: high &- (overflow ? 1 : 0), low: difference)
  }

  /// As Python's `ipaddress` writes it.
  var text: String {
    guard version == 6 else { return [24, 16, 8, 0].map { String(low >> UInt64($0) & 0xFF) }.joined(separator: ".") }
    let groups = [high, low].flatMap { half in [48, 32, 16, 0].map { UInt16(truncatingIfNeeded: half >> UInt64($0)) } }
    return IPAddress.compressed(groups)
  }
}

/// A subnet's range (netaddr's `IPNetwork`): its first and last address.
struct IPCIDR: Sendable {
  var first: IPValue
  var last: IPValue
  var prefixLength: Int

  /// A network address and its prefix (`10.0.0.0/26`), or Neutron's reason for refusing it.
  static func parse(_ text: String) -> Result<IPCIDR, CIDRFault> {
    let parts = text.split(ascii: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let address = IPValue(String(parts[0])), let length = Int(parts[1]),
      (0...(address.version == 4 ? 32 : 128)).contains(length)
    else { return .failure(.notASubnet) }
    let cidr = IPCIDR(address: address, prefixLength: length)
    guard cidr.first == address else {
      return .failure(.hostBitsSet(recommended: "\(cidr.first.text)/\(length)"))
    }
    return .success(cidr)
  }

  /// `prefixLength` is taken within the version's 0 to 32 or 128 (callers check it first).
  init(address: IPValue, prefixLength: Int) {
    let bits = address.version == 4 ? 32 : 128
    let hostBits = bits - min(max(prefixLength, 0), bits)
    // The mask of the host bits, over the two halves.
    let lowMask: UInt64 = hostBits >= 64 ? .max : (hostBits == 0 ? 0 : (UInt64(1) << UInt64(hostBits)) - 1)
    let highMask: UInt64 = hostBits <= 64 ? 0 : (hostBits >= 128 ? .max : (UInt64(1) << UInt64(hostBits - 64)) - 1)
    first = IPValue(version: address.version, high: address.high & ~highMask, low: address.low & ~lowMask)
    last = IPValue(version: address.version, high: first.high | highMask, low: first.low | lowMask)
    if address.version == 4 { last.low &= 0xFFFF_FFFF }
    self.prefixLength = prefixLength
  }

  var version: Int { first.version }

  func contains(_ address: IPValue) -> Bool { first <= address && address <= last }

  func overlaps(_ other: IPCIDR) -> Bool {
    version == other.version && first <= other.last && other.first <= last
  }

  /// ipam's `generate_pools`: the range without its network address (and the IPv4 broadcast),
  /// cut around the gateway.
  func pools(gateway: IPValue?) -> [ClosedRange<IPValue>] {
    guard first != last else { return [first...last] }
    let start = first.adding(1)
    let end = version == 4 ? last.subtracting(1) : last
    guard start < end else { return [start...max(start, end)] }
    guard let gateway, (start...end).contains(gateway) else { return [start...end] }
    var pools: [ClosedRange<IPValue>] = []
    if start < gateway { pools.append(start...gateway.subtracting(1)) }
    if gateway < end { pools.append(gateway.adding(1)...end) }
    return pools
  }
}

/// Why a `cidr` is not a subnet, as neutron-lib's `validate_subnet` words it.
enum CIDRFault: Error {
  case notASubnet
  case hostBitsSet(recommended: String)

  func reason(_ text: String) -> String {
    switch self {
    case .notASubnet: return "'\(text)' is not a valid IP subnet"
    case .hostBitsSet(let recommended): return "'\(text)' isn't a recognized IP subnet cidr, '\(recommended)' is recommended"
    }
  }
}
