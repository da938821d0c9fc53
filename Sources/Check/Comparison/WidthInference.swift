import CloudAPI
import OpenStackCLI

/// The terminal width a page's wrapped table was captured at: cliff's shrinking run backwards,
/// by laying the printed table's cells out at each width until the columns come out as wide as
/// the page's.
enum WidthInference {
  /// How far past the page's border the search goes (cliff leaves a table narrower than the
  /// terminal when its columns divide the width unevenly).
  static let slack = 64

  /// The terminal width a page's own wrapped table was captured at: the narrowest at which
  /// cliff lays the page's cells out as the page shows them; `nil` for anything else.
  static func captureWidth(of documented: [String]) -> Int? {
    guard let border = documented.first, let table = CliffTable.parse(documented) else { return nil }
    return width(of: table, pageBorder: border, printed: table)
  }

  /// The narrowest terminal width at which cliff lays `printed` out with the page's column
  /// widths; `nil` when the page's table is not wrapped, or no width does it.
  static func width(of page: CliffTable, pageBorder: String, printed: CliffTable) -> Int? {
    guard page.rows.contains(where: { row in row.cells.contains { $0.utf8.contains(UInt8(ascii: "\n")) } }),
      page.columns == printed.columns, !printed.rows.isEmpty
    else { return nil }
    guard let borders = TableBorders(columns: printed.columns, rows: printed.rows.map(\.cells)) else { return nil }
    func border(at width: Int?) -> String { borders.line(at: width) }
    // Cells of many lines (export locations) on a page that is not wrapped: laid out as on a
    // pipe, they settle it in one layout instead of one for each width.
    if border(at: nil) == pageBorder { return nil }
    let narrowest = pageBorder.count
    return (narrowest...(narrowest + slack)).first { border(at: $0) == pageBorder }
  }
}
