import Testing

@testable import Documents

/// The manila troubleshooting page: its console blocks as published (prose rewritten).
@Suite struct ManilaPageTests {
  let walkthrough: Walkthrough

  init() throws {
    walkthrough = try WalkthroughReader.read(file: Fixture.path("manila-troubleshooting.rst"))
  }

  @Test func findsEveryCommandAtItsPromptLine() {
    #expect(
      walkthrough.steps.map(\.command.line) == [
        29, 56, 73, 105, 118, 170, 187, 207, 230, 254, 301, 310, 333, 378, 392, 395, 407, 411,
      ])
    #expect(walkthrough.steps.allSatisfy { $0.command.prompt == "clouduser1@client:~$" })
    #expect(walkthrough.steps.allSatisfy { $0.language == "console" })
  }

  @Test func joinsContinuationLines() {
    let commands = walkthrough.steps.map(\.command)
    #expect(
      commands[2].command
        == "openstack share network create --name mynet --neutron-net-id 0bea5e39-81ce-4d6f-845d-ce5e87dad7d3 --neutron-subnet-id 54a3188e-8bf2-461a-8b70-0d63f05810a6"
    )
    #expect(commands[2].commandLines == 73...75)
    #expect(
      commands[4].command
        == "openstack share create nfs 1 --name software_share --share-network mynet --share-type dhss_true"
    )
    #expect(
      commands[9].command
        == "openstack share create nfs 1 --name software_share --share-network mynet --share-type dhss_false"
    )
    #expect(
      commands[12].command == "openstack share create nfs 1 --name software_share --share-type dhss_false")
    #expect(
      commands[14].command
        == "openstack share delete 18b84ece-fb8e-438c-b89b-bb2e7c69a5a0 010e4c5b-d40a-4691-a7cb-68c3b3950523"
    )
    #expect(commands[14].commandLines == 392...394)
    #expect(
      commands[16].command
        == "openstack share message delete 50a401e8-c30a-4369-8a35-68a019d19c76 8fe74a26-f57d-4961-8435-5ea8ccf05946"
    )
  }

  @Test func keepsTheExtraSpaceAfterAPrompt() {
    #expect(walkthrough.steps[3].command.command == "openstack share network list")
  }

  @Test func spansTheDocumentedOutputExactly() {
    let spans = walkthrough.steps.map(\.command.outputLines)
    #expect(
      spans == [
        30...45, 57...65, 76...102, 106...110, 120...163, 171...175, 188...194, 208...221, 231...246,
        256...290, 302...307, 311...319, 335...369, 379...385, nil, 396...404, nil, 412...415,
      ])
    let first = walkthrough.steps[0].command.output
    #expect(first.count == 16)
    #expect(first.first?.hasPrefix("+-----") == true)
    #expect(first[1].hasPrefix("| ID ") == true)
  }

  @Test func keepsTheProseAroundEachStep() {
    let step = walkthrough.steps[5]
    #expect(step.context.heading == "The story")
    #expect(step.context.lead == "Look at the share again:")
    #expect(walkthrough.steps[9].context.lead == "Try again with the other type:")
  }
}
