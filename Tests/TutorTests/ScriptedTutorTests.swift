import Check
import Documents
import Foundation
import Testing

@testable import Tutor
import TestScratch

/// The tutorial driven by lines, as a teacher's script or a test drives it, on the pages in
/// `walkthroughs/` and the published Manila page.
@Suite struct ScriptedTutorTests {
  /// Enter at every step: every step as the page shows, and the summary says so.
  @Test(arguments: TutorPages.walkthroughs)
  func everyStepOfEveryPageAsThePageShows(page: String) throws {
    let tutorial = try TutorPages.tutorial(page)
    let count = tutorial.page.walkthrough.steps.count
    let output = TutorPages.script(tutorial, Array(repeating: "", count: count + 1))
    #expect(tutorial.marks.allSatisfy { $0 == .done }, "\(tutorial.marks)")
    #expect(output.components(separatedBy: "\nas the page shows\n").count - 1 >= count - output.components(separatedBy: "\nran (").count + 1)
    #expect(output.contains("step \(count)/\(count)"))
    #expect(output.contains("That was the last step."))
    #expect(output.hasSuffix("Summary: \(count) steps: \(count) as the page shows; 0 commands of your own.\n"))
  }

  /// Every verb, on every page: what each answers.
  @Test(arguments: TutorPages.walkthroughs)
  func everyVerb(page: String) throws {
    // Wide enough for :list to show every command whole.
    let tutorial = try TutorPages.tutorial(page, width: 300)
    let steps = tutorial.page.walkthrough.steps
    let output = TutorPages.script(
      tutorial, [":help", ":hint", ":doc", ":diff", "", ":diff", ":diff 1", ":list", ":skip", ":list", ":back", ":back", ":back", ":goto 3",
        ":list", ":goto \(steps.count + 1)", ":goto x", ":frobnicate", ":reset", ":list", "openstack image list -f value -c Name",
        ":quit"])
    let file = tutorial.page.walkthrough.file
    #expect(output.contains(":goto N    to step N"))
    #expect(output.contains("the page's command (\(file):\(steps[0].command.line)): \(steps[0].command.command)\n"))
    #expect(output.contains(steps[0].command.output.isEmpty ? "the page shows no output for step 1" : "the page shows (\(file):"))
    #expect(output.contains("$ :diff\nno step has run yet\n"))
    #expect(output.contains("$ :diff\nstep 1: as the page shows\n") || output.contains("$ :diff\nstep 1: ran"))
    let pad = String(repeating: " ", count: String(steps.count).count - 1)
    #expect(output.contains("  \(pad)1 done          \(steps[0].command.command)\n"))
    #expect(output.contains("  \(pad)2 skipped       \(steps[1].command.command)\n"))
    #expect(output.contains("back to step 1, the cloud as it was before it"))
    #expect(output.contains("this is the first step (:reset starts again)"))
    #expect(output.contains("> \(pad)3 not run       \(steps[2].command.command)\n"))
    #expect(output.contains("there is no step \(steps.count + 1): the steps go from 1 to \(steps.count)"))
    #expect(output.contains("a step number, such as ':goto 3', or nothing after the move"))
    #expect(output.contains(":frobnicate is not a move of the tutorial (:help lists them)"))
    #expect(output.contains("a fresh cloud, back at the first step"))
    #expect(output.contains("a command of your own: nothing to compare; the step's command is still to run (:hint shows it)"))
    #expect(output.hasSuffix("Summary: \(steps.count) steps: \(steps.count) not run; 1 command of your own.\nYour own commands:\n  openstack image list -f value -c Name\n"))
  }

  /// The published page, at the width it was captured at: what differs is said in `check`'s
  /// words, with the page's IDs shown mapped to the learner's.
  @Test func thePublishedPageSaysWhatDiffersAndMapsItsIDs() throws {
    let tutorial = try TutorPages.tutorial(TutorPages.publishedManila, width: 100, commandWidth: 228)
    let count = tutorial.page.walkthrough.steps.count
    let output = TutorPages.script(tutorial, Array(repeating: "", count: count) + [":diff 5", ":list", ""])
    #expect(output.contains("differs: line "))
    #expect(output.contains("field status: page \"available\", printed \"creating\""))
    #expect(output.contains("failed: exited with status 2: "))
    #expect(output.contains(try #require(output.firstMatch(of: /the page's [0-9a-f]{8}… is your [0-9a-f]{8}…/)).output))
    #expect(output.contains("~ \(TutorPages.publishedManila):"))
    #expect(output.contains(" differs "))
    #expect(output.contains("Summary: 18 steps: "))
    #expect(output.contains(" differed"))
  }

  /// `:list` cuts commands to the width.
  @Test func theListFitsTheWidth() throws {
    let tutorial = try TutorPages.tutorial(TutorPages.walkthroughs[0], width: 60)
    let list = tutorial.handle(":list").text
    #expect(list.split(separator: "\n").allSatisfy { $0.count <= 60 })
    #expect(list.contains("  15 not run       openstack share delete 17fcf32e-4e82-464…\n"))
  }

  /// An edited command is the step's (compared with the page); another command is the learner's
  /// own and leaves the step waiting.
  @Test func anEditedStepIsComparedAndAnotherCommandIsTheLearnersOwn() throws {
    let tutorial = try TutorPages.tutorial(TutorPages.walkthroughs[0])
    let output = TutorPages.script(
      tutorial, ["openstack share type list -f value -c Name", "openstack server list", "ls | wc", ":quit"])
    #expect(output.contains("$ openstack share type list -f value -c Name\ndefault\ndhss_false\ndhss_true\ndiffers: "))
    #expect(tutorial.marks[0] == .differs)
    #expect(output.contains("$ ls | wc\nnot simulated: walkthrough: not run: the line uses '|'."))
    #expect(tutorial.current == 1)
    #expect(tutorial.ownCommands == ["openstack server list", "ls | wc"])
  }

  /// A line for another program at a step is answered as `check` answers it: not simulated,
  /// with its reason, nothing run.
  @Test func anotherProgramAtAStepIsNotSimulated() throws {
    let page = try temporaryPage("# Page\n\nLook:\n\n```console\n$ sudo systemctl restart manila-share\n$ openstack flavor list -f value -c Name\nm1.nano\n```\n")
    let tutorial = try TutorPages.tutorial(page)
    let output = TutorPages.script(tutorial, ["", ""])
    #expect(output.contains("$ sudo systemctl restart manila-share\nnot simulated: walkthrough: not run: the line 'sudo' is not simulated.\n"))
    #expect(tutorial.marks == [.notSimulated, .differs])
  }
}

func temporaryPage(_ text: String, extension pathExtension: String = "md") throws -> String {
  let url = Scratch.file("page.\(pathExtension)")
  try Data(text.utf8).write(to: url)
  return url.path
}

extension ScriptedTutorTests {
  /// An operators' page that never says whose credentials it uses: the learner is the admin, as
  /// `check` runs it, and told so at the command that needs it.
  @Test func anOperatorsPageStartsTheLearnerAsTheAdmin() throws {
    let page = Scratch.file("operators.rst")
    try "QoS::\n\n  $ openstack volume qos create --property read_iops_sec=2000 high-iops -f value -c name\n  high-iops\n"
      .write(to: page, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: page) }
    let tutorial = try TutorPages.tutorial(page.path)
    let output = TutorPages.script(tutorial, ["", ""])
    #expect(tutorial.marks == [.done])
    #expect(output.contains("ran the page as the cloud's admin (devstack-admin)"))
  }
}
