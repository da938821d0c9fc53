import ArgumentParser
import Documents

extension Syntax: ExpressibleByArgument {}

/// The pages a command works on.
struct PageOptions: ParsableArguments {
  @Argument(help: "Pages, or directories to search for .rst, .md and .markdown pages.")
  var paths: [String]

  @Option(help: "Read every page as this syntax (rst or markdown), whatever its extension.")
  var syntax: Syntax?

  /// Reads every page; throws `DocumentError` naming the first file that cannot be read.
  func walkthroughs() throws -> [Walkthrough] {
    try WalkthroughReader.pages(in: paths, syntax: syntax).map {
      try WalkthroughReader.read(file: $0, syntax: syntax)
    }
  }
}
