/// The check python-manilaclient and Manila make of a `user` access rule (`validate_username`):
/// `re.match(r'[\s|\.]+$')` refuses a name of only blanks, bars and periods;
/// `re.match(r'.[^"/\\[\]:;|=,+*?<>]{3,254}$')` wants 4 to 255 characters, none of those after
/// the first. Nil for a name both accept.
public enum UserName {
  public static func fault(_ name: String) -> String? {
    let scalars = Array(name.unicodeScalars)
    if !scalars.isEmpty && scalars.allSatisfy({ $0.properties.isWhitespace || $0 == "|" || $0 == "." }) {
      return "Invalid user or group name,cannot consist solely of periods or spaces."
    }
    let forbidden = Set("\"/\\[]:;|=,+*?<>".unicodeScalars)
    // `$` also matches before a final newline, which the class itself may take.
    let valid =
      scalars.count >= 4 && scalars[0] != "\n" && !scalars.dropFirst().contains(where: forbidden.contains)
      && (scalars.count <= 255 || (scalars.last == "\n" && scalars.count <= 256))
    guard valid else {
      return "Invalid user or group name. Must be 4-255 characters and consist of alphanumeric characters and exclude special characters \"/\\[]:;|=,+*?<>"
    }
    return nil
  }
}
