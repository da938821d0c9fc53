import CloudAPI
import Foundation
import Testing

@testable import OpenStackCLI

/// The formatters against what cliff 4.17.0 and prettytable 3.18.0 print for the same input
/// (`Goldens/formatter-cases.json`, made by `Goldens/make_goldens.py` with the real packages).
@Suite struct FormatterTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var value: JSON
    var testDescription: String { name }
  }

  static let cases: [Case] = {
    guard let url = Bundle.module.url(forResource: "Goldens/formatter-cases", withExtension: "json"),
      let text = try? String(contentsOf: url, encoding: .utf8),
      let golden = try? JSON(parsing: text)
    else { return [] }
    return golden["cases"]?.array.map { Case(name: $0["name"]?.string ?? "?", value: $0) } ?? []
  }()

  @Test func goldensAreThere() {
    #expect(Self.cases.count == 61)
  }

  @Test(arguments: cases)
  func printsWhatCliffPrints(_ golden: Case) throws {
    let value = golden.value
    let settings = value["options"]?.object ?? [:]
    var options = FormatterOptions()
    if case .int(let width)? = settings["max_width"] { options.maxWidth = width }
    options.printEmpty = settings["print_empty"] == .bool(true)
    options.noIndent = settings["noindent"] == .bool(true)
    options.quote = settings["quote_mode"]?.string ?? "nonnumeric"
    options.prefix = settings["prefix"]?.string ?? ""
    let format = try #require(value["format"]?.string)
    let output: String
    if value["kind"]?.string == "list" {
      output = CliffFormatter.list(
        format: format, columns: (value["columns"]?.array ?? []).compactMap(\.string),
        rows: (value["rows"]?.array ?? []).map(\.array), options: options)
    } else {
      let fields = (value["fields"]?.array ?? []).map { ($0.array[0].string ?? "", $0.array[1]) }
      output = CliffFormatter.show(format: format, fields: fields, options: options)
    }
    #expect(output == value["output"]?.string)
  }
}
