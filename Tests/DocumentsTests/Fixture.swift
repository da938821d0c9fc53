import Foundation

@testable import Documents

/// Test pages shipped with the tests.
enum Fixture {
  static func path(_ name: String) -> String {
    Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!.path
  }

  static func text(_ name: String) throws -> String {
    try String(contentsOfFile: path(name), encoding: .utf8)
  }

  /// The blocks a reference extractor (docutils, cmark-gfm) printed, one JSON object per line.
  static func referenceBlocks(_ name: String) throws -> [ReferenceBlock] {
    try text(name).split(separator: "\n").map {
      try JSONDecoder().decode(ReferenceBlock.self, from: Data($0.utf8))
    }
  }
}

/// A block as the reference extractors in `Fixtures/*.jsonl` describe it.
struct ReferenceBlock: Decodable, Equatable, CustomStringConvertible {
  var line: Int
  var language: String?
  var text: String
  var kind: String

  init(line: Int, language: String?, text: String, kind: String) {
    self.line = line
    self.language = language
    self.text = text
    self.kind = kind
  }

  init(_ block: LiteralBlock) {
    self.init(line: block.line, language: block.language, text: block.text, kind: block.kind.rawValue)
  }

  var description: String { "\(line) \(kind) \(language ?? "-") \(text.debugDescription)" }
}
