/// A command whose placeholders all stand where it names a resource (`flavor set $FLAVOR
/// --property hw:cpu_policy=dedicated`, `server reboot SERVER`), filled in: each placeholder
/// replaced by a name of its own (`flavor`, `server`), which the page then assumes like any
/// resource it names without creating it (``AssumedResources``). The command runs, and what it
/// can get wrong (an option, an extra spec, a state) is checked on a resource of the right kind.
/// A placeholder given to `--size` stands for a size of 2 GiB. A placeholder anywhere else
/// (`--property hw:mem_page_size=SIZE`, `quota set --cores VALUE`) leaves the line unrun.
struct PlaceholderStandIns: Equatable, Sendable {
  /// The line as it runs, every placeholder replaced.
  var line: String
  /// Each placeholder as the page writes it (`$FLAVOR`, `<server>`) and the name standing for it.
  var names: [Name]

  struct Name: Equatable, Sendable {
    var placeholder: String
    var standIn: String
    /// A size (`--size SIZE`) rather than a resource's name.
    var isSize = false
  }

  /// `line` with its placeholders and the variables the page never sets filled in; `nil` when it
  /// has none, or one no name can stand for (`...`, `[--name <name>]`). Whether each stands
  /// where a resource is named is for the caller, which reads the command.
  init?(_ line: String, variables: [String: String]) {
    var line = line
    var names: [Name] = []
    // The words first: a `<name>` is a redirection to the shell, which reads no further.
    for placeholder in Placeholders.all(in: line) {
      if Self.isSize(placeholder, in: line) {
        line = Self.replacing(placeholder, with: Self.size, in: line)
        names.append(Name(placeholder: placeholder, standIn: Self.size, isSize: true))
        continue
      }
      guard let standIn = Self.standIn(for: placeholder) else { return nil }
      line = Self.replacing(placeholder, with: standIn, in: line)
      names.append(Name(placeholder: placeholder, standIn: standIn))
    }
    // Then each variable the page never sets, until the line's words expand.
    while true {
      do {
        _ = try ShellWords.split(line, variables: variables)
        break
      } catch .unsetVariable(let variable) {
        guard let standIn = Self.standIn(for: variable), names.count < Self.most else { return nil }
        line = Self.replacing(variable: variable, with: standIn, in: line)
        names.append(Name(placeholder: "$" + variable, standIn: standIn))
      } catch {
        return nil
      }
    }
    guard !names.isEmpty, Placeholders.first(in: line) == nil else { return nil }
    self.line = line
    self.names = names
  }

  /// The size, in GiB, that stands for a placeholder given to `--size`: more than the 1 GiB of
  /// an assumed volume, so that `volume set --size NEW_SIZE` extends it.
  static let size = "2"

  private static func isSize(_ placeholder: String, in line: String) -> Bool {
    line.firstRange(of: "--size " + placeholder) != nil || line.firstRange(of: "--size=" + placeholder) != nil
  }

  /// More placeholders than a command names resources: not a command to fill in.
  private static let most = 8

  /// The placeholder's letters, digits, `-`, `_` and `.`, in lower case, a blank made `-`
  /// (`$FLAVOR` → `flavor`, `<share-id>` → `share-id`, `<volume type name>` → `volume-type-name`);
  /// `nil` unless that begins with a letter.
  static func standIn(for placeholder: String) -> String? {
    let kept = placeholder.lowercased().map { $0 == " " ? "-" : $0 }
      .filter { ($0.isASCII && ($0.isLetter || $0.isNumber)) || "-_.".contains($0) }
    guard let first = kept.first, first.isLetter else { return nil }
    return String(kept)
  }

  /// An angled placeholder wherever it is in a word (`--flavor=<flavor>`); a capitalised one as
  /// a whole word only (`SERVER` but not `SERVER` in `SERVER_ID`).
  private static func replacing(_ placeholder: String, with standIn: String, in line: String) -> String {
    if placeholder.hasPrefix("<") { return line.replacing(placeholder, with: standIn) }
    let isBlank = { (character: Character) in character == " " || character == "\t" }
    var result = ""
    var word = ""
    for character in line {
      if isBlank(character) {
        result += word == placeholder ? standIn : word
        result.append(character)
        word = ""
      } else {
        word.append(character)
      }
    }
    return result + (word == placeholder ? standIn : word)
  }

  /// `${NAME}`, and `$NAME` where no longer name begins with it, replaced.
  private static func replacing(variable: String, with standIn: String, in line: String) -> String {
    var rest = line.replacing("${\(variable)}", with: standIn)[...]
    var replaced = ""
    while let range = rest.firstRange(of: "$" + variable) {
      replaced += rest[..<range.lowerBound]
      let after = rest[range.upperBound...]
      let continues = after.first.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false
      replaced += continues ? String(rest[range]) : standIn
      rest = after
    }
    return replaced + rest
  }
}
