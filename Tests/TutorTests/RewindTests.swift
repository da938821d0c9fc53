import Check
import Documents
import Foundation
import Testing

@testable import Tutor

/// `:back` and `:goto` put the learner's cloud back exactly as it was before the step.
@Suite struct RewindTests {
  /// Commands that read every kind of resource, with their times and request IDs.
  static let probe = [
    "openstack share list --long -f json", "openstack share network list -f json", "openstack share message list -f json",
    "openstack server list --long -f json", "openstack network list --long -f json", "openstack share type list -f json",
  ]

  /// After each step of each page, `:back` leaves the cloud as a fresh run of the steps before
  /// it: the probe prints the same bytes. (The learner goes to the end, then back a step at a
  /// time, probing each time: the probe changes the cloud, and the next `:back` must undo that too.)
  @Test(arguments: TutorPages.walkthroughs)
  func backAfterEveryStepIsAFreshRun(page: String) throws {
    let tutorial = try TutorPages.tutorial(page)
    let count = tutorial.page.walkthrough.steps.count
    while let command = tutorial.suggestedCommand { _ = tutorial.handle(command) }
    for step in stride(from: count, through: 1, by: -1) {
      #expect(tutorial.handle(":back").text.hasPrefix("back to step \(step)"))
      let afterBack = Self.probe.map { tutorial.page.runOwn($0) }
      let fresh = try PageSteps(try WalkthroughReader.read(file: page))
      for index in 0..<(step - 1) { _ = fresh.run(step: index) }
      #expect(afterBack == Self.probe.map { fresh.runOwn($0) }, "step \(step)")
    }
  }

  /// Back, then the step again: it matches again (the bound IDs went back too), and the deleted
  /// shares are there again.
  @Test func backRestoresBindingsAndADeletedShare() throws {
    let tutorial = try TutorPages.tutorial(TutorPages.walkthroughs[0])
    for _ in 0..<15 { _ = tutorial.handle(tutorial.suggestedCommand!) }
    #expect(tutorial.marks.prefix(15).allSatisfy { $0 == .done })
    let list = tutorial.page.runOwn("openstack share list -f value -c ID")
    #expect(!list.standardOutput.contains("17fcf32e"))
    _ = tutorial.handle(":back")
    #expect(tutorial.page.runOwn("openstack share list -f value -c ID").standardOutput.contains("17fcf32e"))
    _ = tutorial.handle(":goto 8")
    let reply = tutorial.handle(tutorial.suggestedCommand!)
    #expect(reply.text.contains("as the page shows"))
    #expect(tutorial.marks[7] == .done && tutorial.marks[8...].allSatisfy { $0 == .notRun })
  }

  /// A checkpoint is a copy of values: taking one changes nothing, and the cloud's later changes
  /// do not reach it.
  @Test func aCheckpointIsUntouchedByLaterSteps() throws {
    let steps = try PageSteps(try WalkthroughReader.read(file: TutorPages.walkthroughs[0]))
    let checkpoint = steps.checkpoint()
    let before = steps.runOwn("openstack share network list -f json")
    steps.restore(checkpoint)
    for index in 0..<5 { _ = steps.run(step: index) }
    steps.restore(checkpoint)
    #expect(steps.runOwn("openstack share network list -f json") == before)
  }
}
