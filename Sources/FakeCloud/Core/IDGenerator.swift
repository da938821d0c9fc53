/// Identifiers from a seeded generator (SplitMix64), so that the same cloud hands out the same
/// IDs on every run and machine.
struct IDGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  private mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// 16 random bytes with the version (4) and variant bits of a UUID4.
  private mutating func uuidBytes() -> [UInt8] {
    var bytes = (0..<2).flatMap { _ -> [UInt8] in
      let value = next()
      return (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
    bytes[6] = (bytes[6] & 0x0F) | 0x40
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    return bytes
  }

  /// `8fe74a26-f57d-4961-8435-5ea8ccf05946`
  mutating func uuid() -> String { hexText(dashes: true) }

  /// `138d700333eb46cfb36b5a9659704759`: Keystone's IDs, a UUID4 without dashes.
  mutating func hex32() -> String { hexText(dashes: false) }

  private mutating func hexText(dashes: Bool) -> String {
    let digits = Array("0123456789abcdef".utf8)
    let bytes = uuidBytes()
    return String(unsafeUninitializedCapacity: dashes ? 36 : 32) { buffer in
      var index = 0
      for (position, byte) in bytes.enumerated() {
        if dashes && (position == 4 || position == 6 || position == 8 || position == 10) {
          buffer[index] = UInt8(ascii: "-")
          index += 1
        }
        buffer[index] = digits[Int(byte >> 4)]
        buffer[index + 1] = digits[Int(byte & 0x0F)]
        index += 2
      }
      return index
    }
  }

  /// `req-1621b77d-0abb-4c90-9e61-8809214f58a6`
  mutating func requestID() -> String { "req-" + uuid() }
}

