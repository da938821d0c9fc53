import Foundation

/// Python's `urllib.parse.urlencode` of name/value pairs, as the services write their next links:
/// `quote_plus` keeps letters, digits and `_.-~`, writes a space as `+`, and percent-encodes the
/// rest.
enum PythonURLEncode {
  private static let unreserved: CharacterSet = {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "_.-~")
    return allowed
  }()

  static func query(_ parameters: [(name: String, value: String)]) -> String {
    parameters.map { "\(quotePlus($0.name))=\(quotePlus($0.value))" }.joined(separator: "&")
  }

  private static func quotePlus(_ text: String) -> String {
    (text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text).replacingEvery("%20", with: "+")
  }
}

/// Nova's `_get_next_link` (`api/openstack/common.py`): the request's parameters sorted by name
/// (`OrderedDict(sorted(params))`), `marker` set to the page's last record.
enum NovaNextLink {
  static func query(_ call: Call, marker: String) -> String {
    var parameters = call.request.query.filter { $0.name != "marker" }
    parameters.append((name: "marker", value: marker))
    parameters.sort { $0.name < $1.name }
    return PythonURLEncode.query(parameters)
  }
}
