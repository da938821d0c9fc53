/// An endpoint's URL as Keystone reads it: a Python `%` format with the token's values
/// (`http://controller:8776/v3/%(project_id)s`, or with `$(` for `%(`, as devstack writes it).
enum EndpointURL {
  /// The names a URL may use (keystone.common.utils.WHITELISTED_PROPERTIES).
  static let allowed: Set<String> = [
    "tenant_id", "project_id", "user_id", "public_bind_host", "admin_bind_host", "compute_host", "admin_port",
    "public_port", "public_endpoint", "admin_endpoint",
  ]

  /// `check_endpoint_url`: whether the URL formats with every allowed name given `''`;
  /// Keystone refuses an endpoint whose URL does not.
  static func isValid(_ url: String) -> Bool {
    format(url) { allowed.contains($0) ? "" : nil } != nil
  }

  /// `format_url` for a token's catalog: the URL with the project's and user's IDs put in;
  /// `nil` (the endpoint left out of the catalog) when it names anything else or is no format.
  static func catalogURL(_ url: String, project: String, user: String) -> String? {
    // Most URLs have no `%` or `$(`: the scan spares them the format.
    guard url.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "$") }) else { return url }
    return format(url) { name in
      switch name {
      case "project_id", "tenant_id": project
      case "user_id": user
      default: nil
      }
    }
  }

  /// Whether the URL's one conversion is a bare `%s` (or `%r`, `%a`), which Python fills with the
  /// whole mapping of values (`'a%sb' % d` is `a{...}b`): Keystone accepts such a URL and puts
  /// its substitutions' dict in the catalog, which the fake does not emulate.
  static func formatsWholeMapping(_ url: String) -> Bool {
    let text = Array(url.utf8)
    var bare = 0
    var index = 0
    while index < text.count {
      let byte = text[index]
      let next = index + 1 < text.count ? text[index + 1] : nil
      if byte == UInt8(ascii: "$"), next == UInt8(ascii: "(") { return false }
      guard byte == UInt8(ascii: "%") else {
        index += 1
        continue
      }
      switch next {
      case UInt8(ascii: "%")?: index += 2
      case UInt8(ascii: "s")?, UInt8(ascii: "r")?, UInt8(ascii: "a")?:
        bare += 1
        index += 2
      default: return false
      }
    }
    return bare == 1
  }

  /// `url.replace('$(', '%(') % values` for the conversions a URL can hold: `%(name)s` and
  /// `%%`; `nil` where Python raises (a name without a value, any other conversion, a lone
  /// `%`) and for the bare `%s` of ``formatsWholeMapping(_:)``.
  private static func format(_ url: String, value: (String) -> String?) -> String? {
    let text = Array(url.utf8)
    var result: [UInt8] = []
    result.reserveCapacity(text.count)
    var index = 0
    while index < text.count {
      let byte = text[index]
      let opensName = index + 1 < text.count && text[index + 1] == UInt8(ascii: "(")
      guard byte == UInt8(ascii: "%") || (byte == UInt8(ascii: "$") && opensName) else {
        result.append(byte)
        index += 1
        continue
      }
      if byte == UInt8(ascii: "%"), index + 1 < text.count, text[index + 1] == UInt8(ascii: "%") {
        result.append(byte)
        index += 2
        continue
      }
      guard opensName, let close = text[(index + 2)...].firstIndex(of: UInt8(ascii: ")")),
        close + 1 < text.count, text[close + 1] == UInt8(ascii: "s"),
        let substituted = value(String(decoding: text[(index + 2)..<close], as: UTF8.self))
      else { return nil }
      result += substituted.utf8
      index = close + 2
    }
    return String(decoding: result, as: UTF8.self)
  }
}
