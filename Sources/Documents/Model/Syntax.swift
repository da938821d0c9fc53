/// The markup language a page is written in.
public enum Syntax: String, Sendable, CaseIterable {
  case rst
  case markdown

  /// The syntax a file's extension implies (`.rst`, `.md`, `.markdown`), or `nil` for other files.
  public init?(pathExtension: String) {
    switch pathExtension.lowercased() {
    case "rst": self = .rst
    case "md", "markdown": self = .markdown
    default: return nil
    }
  }
}
