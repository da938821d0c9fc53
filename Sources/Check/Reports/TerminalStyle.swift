import Foundation

/// How reports, diffs and the tutor mark text: with ANSI colours and attributes on a terminal
/// that wants them, not at all otherwise (a pipe, a non-empty `NO_COLOR`, `TERM=dumb`), so that
/// plain output has no escape codes.
public struct TerminalStyle: Sendable {
  public var colour: Bool

  public init(colour: Bool) {
    self.colour = colour
  }

  /// Colour when standard output is a terminal, `NO_COLOR` is empty or unset, and `TERM` is not
  /// `dumb`. The environment is read only for a terminal: a pipe needs no colour, and making the
  /// environment's dictionary costs a check of a page a hundredth of its time.
  public static func forOutput(
    isTerminal: Bool = isatty(STDOUT_FILENO) == 1,
    environment: @autoclosure () -> [String: String] = ProcessInfo.processInfo.environment
  ) -> TerminalStyle {
    guard isTerminal else { return TerminalStyle(colour: false) }
    let environment = environment()
    return TerminalStyle(colour: (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb")
  }

  public enum Attribute: String, Sendable {
    case bold = "1"
    case dim = "2"
    case italic = "3"
    case underline = "4"
    case red = "31"
    case green = "32"
    case yellow = "33"
    case blue = "34"
    case cyan = "36"
  }

  public func paint(_ text: String, _ attributes: Attribute...) -> String {
    guard colour, !attributes.isEmpty, !text.isEmpty else { return text }
    return "\u{1B}[\(attributes.map(\.rawValue).joined(separator: ";"))m\(text)\u{1B}[0m"
  }
}
