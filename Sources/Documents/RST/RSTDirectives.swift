/// How the reader treats a directive's block, by name. The classes follow docutils' own directive
/// specifications (and Sphinx's, for the directives Sphinx adds), because they decide which lines
/// are arguments and which are content.
enum RSTDirectiveKind: Equatable {
  /// `code-block`, `sourcecode`, `code`: a literal block in the declared language.
  case code(LiteralBlock.Kind)
  /// `parsed-literal`: a literal block whose text may carry inline markup.
  case parsedLiteral
  /// A directive with no arguments whose content is body elements: the text after `::` is content.
  case bodyWithoutArguments
  /// A directive whose first lines (up to a blank line) are arguments and options, then body.
  case bodyAfterArguments(matchesTitles: Bool)
  /// A directive whose content is not reStructuredText (tables of data, graphs, raw output ...).
  case opaque

  init(name: String) {
    switch name {
    case "code-block": self = .code(.codeBlock)
    case "sourcecode": self = .code(.sourcecode)
    case "code": self = .code(.code)
    case "parsed-literal": self = .parsedLiteral
    case "only", "ifconfig": self = .bodyAfterArguments(matchesTitles: true)
    default:
      if Self.withoutArguments.contains(name) {
        self = .bodyWithoutArguments
      } else if Self.opaqueContent.contains(name) {
        self = .opaque
      } else {
        self = .bodyAfterArguments(matchesTitles: false)
      }
    }
  }

  /// docutils directives that take no arguments and whose content is body elements.
  private static let withoutArguments: Set<String> = [
    "attention", "caution", "danger", "error", "hint", "important", "note", "tip", "warning",
    "compound", "epigraph", "highlights", "pull-quote", "header", "footer",
  ]

  /// Directives whose content is data, not body elements, or that allow no content at all.
  private static let opaqueContent: Set<String> = [
    // docutils
    "math", "raw", "csv-table", "line-block", "image", "include", "contents", "sectnum",
    "target-notes", "meta", "role", "default-role", "title", "date", "unicode", "replace", "rubric",
    // Sphinx and its common extensions
    "toctree", "literalinclude", "graphviz", "digraph", "graph", "inheritance-diagram",
    "productionlist", "autoprogram-cliff", "autoprogram", "automodule", "autoclass",
    "autofunction", "automethod", "autodata", "autoexception", "autoattribute", "autosummary",
    "show-options", "show-policy", "list-plugins", "release-notes", "highlight", "index",
    "tabularcolumns", "module", "currentmodule", "program", "blockdiag", "seqdiag", "actdiag",
    "nwdiag", "mermaid", "uml", "kroki", "rest_expand_all", "jinja", "doxygenfile", "config-table",
    "extra-specs", "api-ref-tag", "centered", "sectionauthor", "codeauthor", "moduleauthor",
    "plantuml", "todolist",
  ]
}
