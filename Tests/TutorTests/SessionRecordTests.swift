import Check
import Documents
import Foundation
import Testing

@testable import Tutor

/// `--record`: the session as a page, which `walkthrough check` passes.
@Suite struct SessionRecordTests {
  /// Every page, done with an edit, commands of the learner's own, a step gone back over: the
  /// record checks clean and holds what the session kept.
  @Test(arguments: TutorPages.walkthroughs)
  func theRecordChecksClean(page: String) throws {
    let tutorial = try TutorPages.tutorial(page, commandWidth: 100)
    var lines = ["", "openstack flavor list -f value -c Name", "", ":back", "", "openstack network list", "ls -l"]
    lines += Array(repeating: "", count: tutorial.page.walkthrough.steps.count)
    _ = TutorPages.script(tutorial, lines)
    let record = tutorial.sessionRecord(cloudFile: nil)
    let file = try temporaryPage(record.markdown)
    let results = try PageCheck.run(try WalkthroughReader.read(file: file))
    #expect(results.count == tutorial.record.count)
    for result in results {
      #expect([.matched, .ran, .notSimulated].contains(result.outcome.kind), "line \(result.step.command.line): \(result.outcome)")
    }
    #expect(record.markdown.contains("<!-- walkthrough: width 100 -->"))
    #expect(record.markdown.contains("## A command of my own\n\n```console\n$ ls -l\n```\n"))
  }

  /// A command whose output has backquotes is fenced by more of them.
  @Test func outputWithBackquotesIsFencedByMore() throws {
    let page = try temporaryPage("# T\n\n```console\n$ openstack share create nfs 1 --name a\n```\n")
    let tutorial = try TutorPages.tutorial(page)
    _ = TutorPages.script(tutorial, ["openstack share create nfs 1 --name '````' -f value -c name"])
    let markdown = tutorial.sessionRecord(cloudFile: nil).markdown
    #expect(markdown.contains("`````console\n$ openstack share create nfs 1 --name '````' -f value -c name\n````\n`````\n"))
    let results = try PageCheck.run(try WalkthroughReader.read(file: try temporaryPage(markdown)))
    #expect(results.map(\.outcome) == [.matched])
  }
}
