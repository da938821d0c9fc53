import CloudAPI
import Foundation
import Testing

@testable import OpenStackCLI

/// The formatters against what the real code prints for the same input: cliff 4.17.0 on
/// prettytable 3.18.0, wcwidth 0.9.4 and PyYAML, and Python's own `str`, `repr`, `json.dumps` and
/// `textwrap` (`Goldens/formatter-cases.json`, written by `Goldens/make_goldens.py`).
@Suite struct FormatterTests {
  /// One golden entry, named for the test report.
  struct Golden: CustomTestStringConvertible, Sendable {
    var name: String
    var value: JSON
    var testDescription: String { name }
  }

  static let file: JSON = {
    guard
      let url = Bundle.module.url(forResource: "Goldens/formatter-cases", withExtension: "json"),
      let text = try? String(contentsOf: url, encoding: .utf8),
      let golden = try? JSON(parsing: text)
    else { return .null }
    return golden
  }()

  static func section(_ name: String, label: (JSON) -> String) -> [Golden] {
    file[name]?.array.enumerated().map {
      Golden(name: "\($0.offset): \(label($0.element))", value: $0.element)
    } ?? []
  }

  static let formatterCases = section("cases") { $0["name"]?.string ?? "?" }
  static let wrapCases = section("wrap") {
    "\($0["text"]?.pythonCompact ?? "") at \($0["width"]?.pythonCompact ?? "")"
  }
  static let widthCases = section("width") { $0["text"]?.pythonCompact ?? "" }
  static let textCases = section("python_text") { $0["repr"]?.string ?? "" }
  static let dumpCases = section("json_dumps") {
    "\($0["value"]?.pythonCompact ?? "") indent \($0["indent"]?.pythonCompact ?? "")"
  }

  /// Inputs as Python saw them: `{"__float__": "inf"}` stands for a float JSON cannot hold.
  static func input(_ value: JSON) -> JSON {
    switch value {
    case .object(let fields):
      if fields.count == 1, let special = fields["__float__"]?.string {
        switch special {
        case "inf": return .double(.infinity)
        case "-inf": return .double(-.infinity)
        default: return .double(.nan)
        }
      }
      return .object(fields.mapValues(input))
    case .array(let items): return .array(items.map(input))
    default: return value
    }
  }

  @Test func goldensAreThere() {
    #expect(Self.formatterCases.count >= 900)
    #expect(Self.wrapCases.count >= 1200)
    #expect(Self.widthCases.count >= 300)
    #expect(Self.textCases.count >= 30)
    #expect((Self.file["floats"]?.array.count ?? 0) >= 5000)
    #expect(Self.dumpCases.count >= 80)
  }

  @Test(arguments: formatterCases)
  func printsWhatCliffPrints(_ golden: Golden) throws {
    let value = golden.value
    let settings = value["options"]?.object ?? [:]
    var options = FormatterOptions()
    if case .int(let width)? = settings["max_width"] { options.maxWidth = width }
    if case .int(let width)? = settings["terminal_width"] { options.terminal = width }
    options.fitWidth = settings["fit_width"] == .bool(true)
    options.printEmpty = settings["print_empty"] == .bool(true)
    options.noIndent = settings["noindent"] == .bool(true)
    options.quote = settings["quote_mode"]?.string ?? "nonnumeric"
    options.prefix = settings["prefix"]?.string ?? ""
    options.variables = (settings["variables"]?.array ?? []).compactMap(\.string)
    let format = try #require(value["format"]?.string)
    let data = try #require(Self.file["inputs"]?[value["data"]?.string ?? ""])
    let output: String
    if value["kind"]?.string == "list" {
      let formatter = try #require(CliffFormatter.listFormatter(named: format, options: options))
      output = formatter.emitList(
        columns: (data["columns"]?.array ?? []).compactMap(\.string),
        rows: (data["rows"]?.array ?? []).map { Self.input($0).array })
    } else {
      let formatter = try #require(CliffFormatter.singleFormatter(named: format, options: options))
      let fields = (data["fields"]?.array ?? []).map {
        ($0.array[0].string ?? "", Self.input($0.array[1]))
      }
      output = formatter.emitOne(columns: fields.map(\.0), values: fields.map(\.1))
    }
    #expect(output == value["output"]?.string)
  }

  @Test(arguments: wrapCases)
  func wrapsAsWcwidthAndTextwrap(_ golden: Golden) throws {
    let text = try #require(golden.value["text"]?.string)
    guard case .int(let width)? = golden.value["width"] else {
      Issue.record("no width")
      return
    }
    let hyphens = golden.value["break_on_hyphens"] == .bool(true)
    let cells = TextWrapper(width: width, breakOnHyphens: hyphens, measure: .displayCells).wrap(
      text)
    #expect(cells == golden.value["wcwidth"]?.array.compactMap(\.string))
    let points = TextWrapper(width: width, breakOnHyphens: hyphens, measure: .codePoints).wrap(text)
    #expect(points == golden.value["textwrap"]?.array.compactMap(\.string))
  }

  @Test(arguments: widthCases)
  func measuresAsWcwidth(_ golden: Golden) throws {
    let text = try #require(golden.value["text"]?.string)
    #expect(.int(DisplayWidth.of(text)) == golden.value["width"])
  }

  @Test(arguments: textCases)
  func printsValuesAsPythonStrAndRepr(_ golden: Golden) throws {
    let value = Self.input(try #require(golden.value["value"]))
    #expect(PythonText.str(value) == golden.value["str"]?.string)
    #expect(PythonText.repr(value) == golden.value["repr"]?.string)
  }

  /// Outputs of `k.replace('_', ' ').title().replace('Id', 'ID')` in CPython 3.11 (manilaclient's
  /// `format_column_headers`), including its surprises.
  @Test(arguments: [
    ("share_type_name", "Share Type Name"), ("ipv4_address_id", "Ipv4 Address ID"), ("idle_id", "IDle ID"),
    ("x2go_ID_mIxed", "X2Go ID Mixed"), ("ßtraße_ǆ", "Sstraße ǅ"),
  ])
  func makesManilaColumnHeadersAsPython(key: String, header: String) {
    #expect(ManilaFormat.header(key) == header)
  }

  @Test func printsFloatsAsPythonRepr() throws {
    let reprs = (Self.file["floats"]?.array ?? []).compactMap(\.string)
    var wrong: [String] = []
    for repr in reprs {
      let value = try #require(Double(repr))
      if JSON.pythonFloat(value) != repr {
        wrong.append("\(repr) printed \(JSON.pythonFloat(value))")
      }
    }
    #expect(wrong.isEmpty, "\(wrong.prefix(20))")
  }

  @Test(arguments: dumpCases)
  func dumpsAsPythonJSON(_ golden: Golden) throws {
    let value = Self.input(try #require(golden.value["value"]))
    var indent: Int? = nil
    if case .int(let number)? = golden.value["indent"] { indent = number }
    #expect(value.pythonJSON(indent: indent) == golden.value["output"]?.string)
  }

  /// The seed's wrapped `share message list`: the golden generator checks that the real cliff
  /// prints `/work/shared/cliff-wrap-demo-output-228.txt` byte for byte at width 228.
  @Test func wrapsTheSeedMessageListAt228Columns() throws {
    let golden = try #require(
      Self.formatterCases.first { $0.value["name"]?.string == "messages table max-width 228" })
    let output = try #require(golden.value["output"]?.string)
    #expect(output.split(separator: "\n").first?.count == 202)
    #expect(output.contains("| create: Driver does not expect share-network to be  |"))
  }

  @Test func alignsByTheFirstRowsTypes() {
    let table = TableFormatter().emitList(
      columns: ["A", "Size"], rows: [["x", 123456], ["yy", 1]])
    #expect(
      table == """
        +----+--------+
        | A  |   Size |
        +----+--------+
        | x  | 123456 |
        | yy |      1 |
        +----+--------+

        """)
  }

  @Test func fitsTheTerminalOnlyWhenThereIsOne() {
    #expect(TableOptions(maxWidth: 0, fitWidth: true, terminalWidth: nil).fittingWidth == nil)
    #expect(TableOptions(maxWidth: 0, terminalWidth: 120).fittingWidth == 120)
    #expect(TableOptions(maxWidth: 90, terminalWidth: 120).fittingWidth == 90)
    #expect(TableOptions(maxWidth: -1, terminalWidth: 0).fittingWidth == nil)
  }
}
