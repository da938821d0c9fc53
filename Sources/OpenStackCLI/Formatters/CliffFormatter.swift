import CloudAPI

/// cliff's `ListFormatter`: prints the rows of a lister command (`openstack ... list`).
public protocol CliffListFormatter: Sendable {
  /// `emit_list(column_names, data, stdout, parsed_args)`: what the formatter writes.
  func emitList(columns: [String], rows: [[JSON]]) -> String
}

/// cliff's `SingleFormatter`: prints one object (`openstack ... show`, `create`).
public protocol CliffSingleFormatter: Sendable {
  /// `emit_one(column_names, data, stdout, parsed_args)`: what the formatter writes.
  func emitOne(columns: [String], values: [JSON]) -> String
}

/// The formatter options of the command line, as cliff's argument namespace holds them.
public struct FormatterOptions: Sendable, Equatable {
  /// `--max-width` or `CLIFF_MAX_TERM_WIDTH`; 0 when unset.
  public var maxWidth: Int
  /// `--fit-width` or `CLIFF_FIT_WIDTH`.
  public var fitWidth: Bool
  /// The terminal's width when standard output is one; `nil` when it is not.
  public var terminal: Int?
  /// `--print-empty`.
  public var printEmpty: Bool
  /// `--noindent` (json).
  public var noIndent: Bool
  /// `--quote` (csv): `all`, `minimal`, `nonnumeric` (the default) or `none`.
  public var quote: String
  /// `--prefix` (shell).
  public var prefix: String
  /// `--variable` (shell, a hidden option): the only variables to print; empty: all.
  public var variables: [String]

  public init(
    maxWidth: Int = 0, fitWidth: Bool = false, terminal: Int? = nil, printEmpty: Bool = false,
    noIndent: Bool = false, quote: String = "nonnumeric", prefix: String = "",
    variables: [String] = []
  ) {
    self.maxWidth = maxWidth
    self.fitWidth = fitWidth
    self.terminal = terminal
    self.printEmpty = printEmpty
    self.noIndent = noIndent
    self.quote = quote
    self.prefix = prefix
    self.variables = variables
  }

  /// What the table formatter reads.
  public var table: TableOptions {
    TableOptions(
      maxWidth: maxWidth, fitWidth: fitWidth, terminalWidth: terminal, printEmpty: printEmpty)
  }

  /// The width tables are fitted into, `nil` for none (see ``TableOptions/fittingWidth``).
  public var terminalWidth: Int? { table.fittingWidth }
}

/// cliff's formatters by their `-f` names.
public enum CliffFormatter {
  /// The formatters a lister offers (`table`, `csv`, `json`, `value`, `yaml`).
  public static func listFormatter(named name: String, options: FormatterOptions) -> (
    any CliffListFormatter
  )? {
    switch name {
    case "table": return TableFormatter(options: options.table)
    case "csv":
      return CSVFormatter(quoting: CSVFormatter.Quoting(rawValue: options.quote) ?? .nonnumeric)
    case "json": return JSONFormatter(noIndent: options.noIndent)
    case "value": return ValueFormatter()
    case "yaml": return YAMLFormatter()
    default: return nil
    }
  }

  /// The formatters a show command offers (`table`, `json`, `shell`, `value`, `yaml`).
  public static func singleFormatter(named name: String, options: FormatterOptions) -> (
    any CliffSingleFormatter
  )? {
    switch name {
    case "table": return TableFormatter(options: options.table)
    case "json": return JSONFormatter(noIndent: options.noIndent)
    case "shell": return ShellFormatter(prefix: options.prefix, variables: options.variables)
    case "value": return ValueFormatter()
    case "yaml": return YAMLFormatter()
    default: return nil
    }
  }

  /// A lister's output in `format` (a name argparse has accepted; anything else prints a table).
  public static func list(
    format: String, columns: [String], rows: [[JSON]], options: FormatterOptions
  ) -> String {
    let formatter =
      listFormatter(named: format, options: options) ?? TableFormatter(options: options.table)
    return formatter.emitList(columns: columns, rows: rows)
  }

  /// A show command's output in `format`.
  public static func show(format: String, fields: [(String, JSON)], options: FormatterOptions)
    -> String
  {
    let formatter =
      singleFormatter(named: format, options: options) ?? TableFormatter(options: options.table)
    return formatter.emitOne(columns: fields.map(\.0), values: fields.map(\.1))
  }
}
