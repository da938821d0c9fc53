/// A page read for what it documents: every literal block, and the console commands among them.
public struct Walkthrough: Equatable, Sendable {
  /// The path the page was read from, as given.
  public var file: String
  public var syntax: Syntax
  public var blocks: [LiteralBlock]
  /// The console commands, in page order.
  public var steps: [Step]
  /// The author's notes to walkthrough, in page order.
  public var directives: [AuthorDirective]

  public init(file: String, syntax: Syntax, blocks: [LiteralBlock], directives: [AuthorDirective] = []) {
    self.file = file
    self.syntax = syntax
    self.blocks = blocks
    self.directives = directives
    self.steps = blocks.flatMap { block -> [Step] in
      guard ConsoleBlock.isConsole(block) else { return [] }
      return ConsoleTranscript.commands(in: block.lines).map {
        Step(command: $0, block: block.line, language: block.language, context: block.context)
      }
    }
  }
}

/// One command of a page, with the output the page claims for it and the prose around it.
public struct Step: Equatable, Sendable {
  public var command: ConsoleCommand
  /// The line of the block the command stands in (its first content line).
  public var block: Int
  /// The language of the block the command stands in.
  public var language: String?
  public var context: StepContext
}
