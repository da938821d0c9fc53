import ArgumentParser
import Documents
import Foundation

struct Page {
  var file: String
  var syntax: Syntax
  var text: String
}

func loadPages(_ paths: [String]) throws -> [Page] {
  try WalkthroughReader.pages(in: paths).compactMap { file in
    guard let syntax = Syntax(pathExtension: (file as NSString).pathExtension) else { return nil }
    return Page(file: file, syntax: syntax, text: try String(contentsOfFile: file, encoding: .utf8))
  }
}

/// A page in the style of the OpenStack guides: sections, lists, notes, tables, console blocks.
func generatedPage(_ number: Int, syntax: Syntax) -> Page {
  var text = ""
  switch syntax {
  case .rst:
    text += "=========================\nGenerated guide \(number)\n=========================\n\n"
    for section in 0..<12 {
      text += "Section \(section)\n-----------------\n\n"
      text += "Operators run these commands to inspect resource \(section) of page \(number); the\n"
      text += "output below is what the client prints for a project member::\n\n"
      text += "    $ openstack server show vm-\(section)\n    +-------+-------+\n    | Field | Value |\n    +-------+-------+\n\n"
      text += "#. Create the share:\n\n   .. code-block:: console\n\n"
      text += "      $ openstack share create nfs 1 --name share-\(section) \\\n            --share-type dhss_false\n"
      text += "      +--------------------+--------------------------------------+\n"
      text += "      | id                 | 0bea5e39-81ce-4d6f-845d-ce5e87dad7d3 |\n"
      text += "      +--------------------+--------------------------------------+\n\n"
      text += "#. Read the note.\n\n   .. note::\n\n      Notes hold *emphasis*, ``literals`` and :ref:`links <x>`.\n\n"
      text += "+------+------+\n| a    | b    |\n+------+------+\n\n"
      text += ".. list-table::\n   :header-rows: 1\n\n   * - Name\n     - Value\n   * - x\n     - y\n\n"
    }
  case .markdown:
    text += "# Generated guide \(number)\n\n"
    for section in 0..<14 {
      text += "## Section \(section)\n\nOperators run these commands to inspect resource \(section).\n\n"
      text += "```console\n$ openstack server show vm-\(section)\n+-------+-------+\n| Field | Value |\n+-------+-------+\n```\n\n"
      text += "1. Create the share:\n\n   ```console\n   $ openstack share create nfs 1 --name s-\(section)\n   ```\n\n"
      text += "| a | b |\n|---|---|\n| x | y |\n\n> A quote with **emphasis** and `code`.\n\n"
    }
  }
  return Page(file: "generated-\(number).\(syntax == .rst ? "rst" : "md")", syntax: syntax, text: text)
}


/// `Benchmark reader`: reads a tree of pages and prints how fast the readers go: files/s, MB/s,
/// and for Markdown the share of the time spent inside cmark-gfm. With no paths it reads a
/// generated tree of 540 pages (about 5 MB, four in five of them reStructuredText), the size of
/// the nova, manila and python-openstackclient doc trees.
struct ReaderBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "reader", abstract: "Time the page readers.")

  @Option(name: .customLong("repeat"), help: "Runs to take the best and median of.")
  var runs = 7

  @Argument(help: "Pages or directories (default: a generated tree).")
  var paths: [String] = []

  func run() throws {
    let pages = paths.isEmpty
      ? (0..<540).map { generatedPage($0, syntax: $0 % 5 == 4 ? .markdown : .rst) }
      : try loadPages(paths)
    print("walkthrough reader benchmark: \(runs) runs each, text already in memory")
    report("all", pages)
    report("rst", pages.filter { $0.syntax == .rst })
    report("markdown", pages.filter { $0.syntax == .markdown })
  }

  func report(_ label: String, _ pages: [Page]) {
    guard !pages.isEmpty else { return }
    let bytes = pages.reduce(0) { $0 + $1.text.utf8.count }
    var blocks = 0
    var steps = 0
    let timing = Timing.best(of: runs) {
      blocks = 0
      steps = 0
      for page in pages {
        let walkthrough = WalkthroughReader.parse(page.text, file: page.file, syntax: page.syntax)
        blocks += walkthrough.blocks.count
        steps += walkthrough.steps.count
      }
    }
    let megabytes = Double(bytes) / 1_000_000
    print(
      String(
        format: "%-9@ %5d files %7.2f MB %6d blocks %6d steps | best %7.1f ms, median %7.1f ms | %8.0f files/s %7.1f MB/s",
        label, pages.count, megabytes, blocks, steps, timing.best * 1000, timing.median * 1000,
        Double(pages.count) / timing.best, megabytes / timing.best))
    if pages.first?.syntax == .markdown {
      let cmark = Timing.best(of: runs) { for page in pages { _ = MarkdownReader.withDocument(page.text) { _ in } } }
      print(
        String(
          format: "          cmark-gfm alone: best %.1f ms, %.0f%% of the Markdown time; our code %.0f%%",
          cmark.best * 1000, 100 * cmark.best / timing.best, 100 * (1 - cmark.best / timing.best)))
    }
  }
}
