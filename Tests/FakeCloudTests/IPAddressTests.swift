import Testing

@testable import FakeCloud

/// Addresses read as Python's `ipaddress` reads them: IPv6 with at most one `::`, standing for at
/// least one group of zeros, and eight groups in all.
@Suite struct IPAddressTests {
  @Test(arguments: [
    ("::", [UInt16](repeating: 0, count: 8)),
    ("::1", [0, 0, 0, 0, 0, 0, 0, 1]),
    ("fe80::", [0xFE80, 0, 0, 0, 0, 0, 0, 0]),
    ("2001:db8::8:1", [0x2001, 0xDB8, 0, 0, 0, 0, 8, 1]),
    ("1:2:3:4:5:6:7:8", [1, 2, 3, 4, 5, 6, 7, 8]),
    ("1:2:3::5:6:7:8", [1, 2, 3, 0, 5, 6, 7, 8]),
  ])
  func anIPv6AddressIsItsGroups(text: String, groups: [UInt16]) {
    #expect(IPNetwork.address(Substring(text)) == groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
  }

  @Test(arguments: [":::", "1::2::3", "1:2:3:4:5:6:7::8", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", ":1::", "1:::2", "12345::", "g::", "+1::", "-1::"])
  func notAnIPv6Address(text: String) {
    #expect(IPNetwork.address(Substring(text)) == nil)
  }
}
