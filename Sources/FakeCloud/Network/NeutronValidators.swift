import CloudAPI

/// neutron-lib's validators (`neutron_lib/api/validators`), each the reason it gives for a value
/// it refuses, or `nil`.
enum NeutronValidators {
  /// `validate_string` with a maximum length (255 for names, descriptions).
  static func string(maximum: Int) -> @Sendable (JSON) -> String? {
    { value in
      guard case .string(let text) = value else { return value == .null ? nil : "'\(PythonValue.str(value))' is not a valid string" }
      return text.count > maximum ? "'\(text)' exceeds maximum length of \(maximum)" : nil
    }
  }

  /// `validate_values`.
  static func values(_ allowed: [JSON]) -> @Sendable (JSON) -> String? {
    { value in
      allowed.contains(value) ? nil : "\(PythonValue.str(value)) is not in [\(allowed.map(PythonValue.repr).joined(separator: ", "))]"
    }
  }

  /// `validate_subnet`.
  static let subnet: @Sendable (JSON) -> String? = { value in
    guard case .string(let text) = value else { return "'\(PythonValue.str(value))' is not a valid IP subnet" }
    switch IPCIDR.parse(text) {
    case .success: return nil
    case .failure(let fault): return fault.reason(text)
    }
  }

  /// `validate_ip_address`.
  static let ipAddress: @Sendable (JSON) -> String? = { value in
    guard case .string(let text) = value, IPValue(text) != nil else { return "'\(PythonValue.str(value))' is not a valid IP address" }
    return nil
  }

  /// `validate_ip_address_or_none`.
  static let ipAddressOrNone: @Sendable (JSON) -> String? = { value in value == .null ? nil : ipAddress(value) }

  /// `validate_mac_address`: six pairs of hex digits (a unicast address).
  static let macAddress: @Sendable (JSON) -> String? = { value in
    guard case .string(let text) = value else { return "'\(PythonValue.str(value))' is not a valid MAC address" }
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 6, parts.allSatisfy({ $0.count == 2 && UInt8($0, radix: 16) != nil }) else {
      return "'\(text)' is not a valid MAC address"
    }
    return nil
  }

  /// `validate_port_range_or_none` for one end.
  static let port: @Sendable (JSON) -> String? = { value in
    guard case .int(let number) = value else { return value == .null ? nil : "Invalid port \(PythonValue.str(value))" }
    return (0...65535).contains(number) ? nil : "Invalid port \(number)"
  }

  /// `validate_uuid_or_none`.
  static let uuidOrNone: @Sendable (JSON) -> String? = { value in
    guard case .string(let text) = value else { return value == .null ? nil : "'\(PythonValue.str(value))' is not a valid UUID" }
    return isUUID(text) ? nil : "'\(text)' is not a valid UUID"
  }

  static func isUUID(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    let hex = { (byte: UInt8) in (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte | 0x20) }
    if bytes.count == 32 { return bytes.allSatisfy(hex) }
    guard bytes.count == 36 else { return false }
    return bytes.indices.allSatisfy { [8, 13, 18, 23].contains($0) ? bytes[$0] == UInt8(ascii: "-") : hex(bytes[$0]) }
  }
}
