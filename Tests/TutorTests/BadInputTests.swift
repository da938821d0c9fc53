import Check
import Documents
import Foundation
import Testing

@testable import Tutor

/// Input the tutor must survive: pages with nothing to do, huge lines, control characters,
/// terminals with no width.
@Suite struct BadInputTests {
  @Test func aPageWithNoConsoleBlocksIsRefusedWithAReason() throws {
    let page = try temporaryPage("# Nothing to run\n\nJust prose, and a config file:\n\n```ini\n[DEFAULT]\n```\n")
    let error = try #require(throws: DocumentError.self) { try TutorPages.tutorial(page) }
    #expect(error.file == page)
    #expect(error.reason.hasPrefix("has no console blocks"))
  }

  /// A megabyte on one line runs (the client refuses the name) and is listed shortened.
  @Test func aCommandLineOfAMegabyte() throws {
    let tutorial = try TutorPages.tutorial(TutorPages.walkthroughs[0])
    let line = "openstack share list --name " + String(repeating: "a", count: 1 << 20)
    let reply = tutorial.handle(line)
    #expect(reply.text.contains("a command of your own"))
    #expect(tutorial.ownCommands == [line])
    #expect(tutorial.summary().contains("  openstack share list --name aaaa"))
    #expect(tutorial.summary().count < 1_000)
  }

  /// Escape sequences and control characters typed are shown, never sent to the terminal.
  @Test func controlCharactersAreShownNotObeyed() throws {
    let tutorial = try TutorPages.tutorial(TutorPages.walkthroughs[0])
    let output = TutorPages.script(tutorial, ["openstack share create nfs 1 --name \u{1B}[2J\u{07}x\u{9B}31m", ":goto \u{1B}", ":quit"])
    #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
    #expect(output.contains("--name ^[[2J^Gx<U+009B>31m"))
    #expect(Terminal.visible("tab\tand\nline\u{7F}") == "tab\tand\nline^?")
  }

  /// A terminal that reports no width gets the narrowest layout, not a crash.
  @Test func zeroWidth() throws {
    let tutorial = try TutorPages.tutorial(TutorPages.walkthroughs[0], width: 0, commandWidth: nil)
    let output = TutorPages.script(tutorial, ["", ":list", ":quit"])
    #expect(output.contains("as the page shows"))
    let lines = tutorial.stepScreen().split(separator: "\n")
    #expect(lines.allSatisfy { $0.count <= ProseRenderer.minimumWidth + 8 })
  }

  /// The end of input is the end of the tutorial, with its summary.
  @Test func theEndOfInputEndsWithTheSummary() throws {
    let tutorial = try TutorPages.tutorial(TutorPages.walkthroughs[1])
    let output = TutorPages.script(tutorial, [])
    #expect(output.hasSuffix("Summary: 10 steps: 10 not run; 0 commands of your own.\n"))
  }
}

/// Prose that would make a naive reader search to the end of the paragraph at every character.
@Suite struct HostileProseTests {
  @Test func markersThatNeverCloseAreText() {
    // Emphasis opened at every other word, closed only at the end.
    let stars = String(repeating: "*a ", count: 10_000) + "b*"
    #expect(RSTInline.spans(stars).map(\.text).joined().count >= 20_000)
    let backquotes = String(repeating: "`` ` [x]( <", count: 3_000)
    #expect(!MarkdownInline.spans(backquotes).isEmpty)
    #expect(!RSTInline.spans(backquotes).isEmpty)
  }
}
