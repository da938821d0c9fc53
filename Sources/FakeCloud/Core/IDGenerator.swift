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

  /// `8fe74a26-f57d-4961-8435-5ea8ccf05946`
  mutating func uuid() -> String { hexText(dashes: true) }

  /// `138d700333eb46cfb36b5a9659704759`: Keystone's IDs, a UUID4 without dashes.
  mutating func hex32() -> String { hexText(dashes: false) }

  /// A Fernet-looking token: `gAAAAA` and two `hex32` draws, written into one string.
  mutating func token() -> String {
    let prefix: StaticString = "gAAAAA"
    return String(unsafeUninitializedCapacity: prefix.utf8CodeUnitCount + 64) { buffer in
      buffer.baseAddress!.initialize(from: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
      var end = prefix.utf8CodeUnitCount
      for _ in 0..<2 { end = writeHex(into: buffer, at: end, dashes: false) }
      return end
    }
  }

  /// The first `length` characters of a `uuid`, as Keystone's audit IDs are cut (one draw).
  mutating func uuidPrefix(_ length: Int) -> String { hexText(dashes: true, length: length) }

  /// 16 random bytes (two draws, least significant byte first) with the version (4) and variant
  /// bits of a UUID4, in hexadecimal, after `prefix`. Every request takes one: written straight
  /// into the text, a byte's two digits at once.
  private mutating func hexText(dashes: Bool, prefix: StaticString = "", length: Int = .max) -> String {
    String(unsafeUninitializedCapacity: prefix.utf8CodeUnitCount + (dashes ? 36 : 32)) { buffer in
      buffer.baseAddress!.initialize(from: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
      return min(writeHex(into: buffer, at: prefix.utf8CodeUnitCount, dashes: dashes), length)
    }
  }

  /// Writes a draw's 32 digits (36 with dashes) from `start`; returns where they end.
  private mutating func writeHex(into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int, dashes: Bool) -> Int {
    // Byte 6 holds the version in its high half, byte 8 the variant in its two high bits.
    let low = next() & ~(0xF0 << 48 as UInt64) | (0x40 << 48)
    let high = next() & ~(0xC0 as UInt64) | 0x80
    let text = buffer.baseAddress! + start
    var end = 0
    // The bytes of `low`, then of `high`, least significant first, two digits each; a UUID's
    // dashes before bytes 4, 6, 8 and 10.
    for position in 0..<16 {
      if dashes, position == 4 || position == 6 || position == 8 || position == 10 {
        text[end] = UInt8(ascii: "-")
        end += 1
      }
      let byte = Int(truncatingIfNeeded: (position < 8 ? low : high) >> (8 * UInt64(position & 7)) & 0xFF)
      (text + end).initialize(from: Self.digitPairs.utf8Start + 2 * byte, count: 2)
      end += 2
    }
    return start + end
  }

  /// Every byte's two lower-case digits, in the byte's order: read, not computed, for the sixteen
  /// bytes of every ID (a request, a token and each resource take one or two).
  private static let digitPairs: StaticString = """
    000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\
    202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f\
    404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f\
    606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f\
    808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f\
    a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf\
    c0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedf\
    e0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff
    """

  /// `NgascCr3dYo4`: Nova's `generate_password`, one character of each group, then any, shuffled.
  mutating func password(length: Int = 12) -> String {
    let groups = ["23456789", "ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz"].map { Array($0) }
    let all = groups.flatMap { $0 }
    var characters = groups.map { $0[Int(next() % UInt64($0.count))] }
    while characters.count < length { characters.append(all[Int(next() % UInt64(all.count))]) }
    for index in characters.indices.reversed() where index > 0 {
      characters.swapAt(index, Int(next() % UInt64(index + 1)))
    }
    return String(characters)
  }

  /// `secrets.token_bytes(count)` in URL-safe base64 without its padding (Keystone's
  /// application credential secrets).
  mutating func urlSafeToken(bytes count: Int) -> String {
    var bytes: [UInt8] = []
    while bytes.count < count {
      let value = next()
      bytes += (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    var text: [UInt8] = []
    var bits = 0
    var buffer = 0
    for byte in bytes.prefix(count) {
      buffer = buffer << 8 | Int(byte)
      bits += 8
      while bits >= 6 {
        bits -= 6
        text.append(alphabet[(buffer >> bits) & 0x3F])
      }
    }
    if bits > 0 { text.append(alphabet[(buffer << (6 - bits)) & 0x3F]) }
    return String(decoding: text, as: UTF8.self)
  }

  /// `fa:16:3e:03:08:06`: Neutron's base MAC and three random bytes.
  mutating func mac() -> String {
    let value = next()
    return "fa:16:3e:" + (0..<3).map { index in
      let byte = UInt8(truncatingIfNeeded: value >> (8 * index))
      return (byte < 16 ? "0" : "") + String(byte, radix: 16)
    }.joined(separator: ":")
  }

  /// `req-1621b77d-0abb-4c90-9e61-8809214f58a6`
  mutating func requestID() -> String { hexText(dashes: true, prefix: "req-") }
}


extension String? {
  /// This ID when there is one, else one drawn from `ids`; a draw is made either way, so that the
  /// IDs drawn after it are the same.
  func drawing(_ ids: inout IDGenerator) -> String {
    let drawn = ids.uuid()
    return self ?? drawn
  }
}
