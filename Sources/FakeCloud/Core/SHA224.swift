/// SHA-224 (FIPS 180-4): SHA-256 with its own initial values, cut to 28 bytes. Nova's `hostId` is
/// `sha224(project_id + host)` in hexadecimal, and no package this project may use offers it.
/// Snapshots name the cloud file they ran on by its digest.
public enum SHA224 {
  public static func hexDigest(_ text: String) -> String {
    hexDigest(of: Array(text.utf8))
  }

  public static func hexDigest(of bytes: [UInt8]) -> String {
    // Written into one buffer: a string per byte, joined, cost more than the digest itself.
    let digest = digest(bytes)
    return String(unsafeUninitializedCapacity: digest.count * 2) { buffer in
      for (index, byte) in digest.enumerated() {
        buffer[2 * index] = hexDigit(byte >> 4)
        buffer[2 * index + 1] = hexDigit(byte & 0x0F)
      }
      return digest.count * 2
    }
  }

  private static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
  }

  static func digest(_ message: [UInt8]) -> [UInt8] {
    var state: [UInt32] = [
      0xc105_9ed8, 0x367c_d507, 0x3070_dd17, 0xf70e_5939, 0xffc0_0b31, 0x6858_1511, 0x64f9_8fa7, 0xbefa_4fa4,
    ]
    // The message, `0x80`, zeros, and its length in bits (big-endian), in whole blocks: made at
    // its size at once, and read through pointers (a server's view hashes its host, and
    // appending the padding byte by byte, with every index checked, had cost twice the rounds).
    let length = (message.count + 8) / 64 * 64 + 64
    var padded = [UInt8](repeating: 0, count: length)
    padded.replaceSubrange(0..<message.count, with: message)
    padded[message.count] = 0x80
    let bits = UInt64(message.count) &* 8
    for index in 0..<8 { padded[length - 1 - index] = UInt8(truncatingIfNeeded: bits >> UInt64(8 * index)) }
    var words = [UInt32](repeating: 0, count: 64)
    padded.withUnsafeBufferPointer { padded in
      words.withUnsafeMutableBufferPointer { words in
        constants.withUnsafeBufferPointer { constants in
          state.withUnsafeMutableBufferPointer { state in
            for block in stride(from: 0, to: padded.count, by: 64) {
              compress(padded.baseAddress! + block, words: words, constants: constants, state: state)
            }
          }
        }
      }
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(28)
    for word in state.prefix(7) {
      for shift in stride(from: UInt32(24), through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: word >> shift)) }
    }
    return bytes
  }

  /// One 64-byte block into the state.
  private static func compress(
    _ block: UnsafePointer<UInt8>, words: UnsafeMutableBufferPointer<UInt32>, constants: UnsafeBufferPointer<UInt32>,
    state: UnsafeMutableBufferPointer<UInt32>
  ) {
    for index in 0..<16 {
      let offset = index * 4
      words[index] =
        UInt32(block[offset]) << 24 | UInt32(block[offset + 1]) << 16 | UInt32(block[offset + 2]) << 8
        | UInt32(block[offset + 3])
    }
    for index in 16..<64 {
      let s0 = rotate(words[index - 15], 7) ^ rotate(words[index - 15], 18) ^ (words[index - 15] >> 3)
      let s1 = rotate(words[index - 2], 17) ^ rotate(words[index - 2], 19) ^ (words[index - 2] >> 10)
      words[index] = words[index - 16] &+ s0 &+ words[index - 7] &+ s1
    }
    var (a, b, c, d, e, f, g, h) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
    for index in 0..<64 {
      let s1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
      let choice = (e & f) ^ (~e & g)
      let t1 = h &+ s1 &+ choice &+ constants[index] &+ words[index]
      let s0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
      let majority = (a & b) ^ (a & c) ^ (b & c)
      let t2 = s0 &+ majority
      (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
    }
    state[0] &+= a
    state[1] &+= b
    state[2] &+= c
    state[3] &+= d
    state[4] &+= e
    state[5] &+= f
    state[6] &+= g
    state[7] &+= h
  }

  private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
    value >> count | value << (32 - count)
  }

  private static let constants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
  ]
}
