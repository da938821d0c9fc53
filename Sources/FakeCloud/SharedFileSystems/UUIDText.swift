import CloudAPI
import Foundation
/// oslo's `uuidutils.is_uuid_like`, as Manila checks the IDs it is given: 32 hexadecimal
/// digits, with or without dashes, braces or a `urn:uuid:` prefix.
enum UUIDText {
  static func isUUIDLike(_ text: String) -> Bool {
    var digits = text.replacingEvery("urn:", with: "").replacingEvery("uuid:", with: "")
    digits = String(digits.drop { $0 == "{" || $0 == "}" })
    while digits.last == "{" || digits.last == "}" { digits.removeLast() }
    digits = digits.replacingEvery("-", with: "")
    return digits.utf8.count == 32 && digits.allSatisfy { $0.isASCII && $0.isHexDigit }
  }
}
