import Check
import Documents

/// The page readers and the console transcript splitter.
enum ReaderTargets {
  static func page(_ input: [UInt8], syntax: Syntax) {
    let walkthrough = WalkthroughReader.parse(FuzzTarget.text(input), file: "fuzz.\(syntax.rawValue)", syntax: syntax)
    _ = try? PagePlan(walkthrough)
  }

  static func console(_ input: [UInt8]) {
    let lines = FuzzTarget.text(input).split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
      SourceLine(number: $0.offset + 1, text: String($0.element))
    }
    _ = ConsoleTranscript.commands(in: lines)
  }
}
