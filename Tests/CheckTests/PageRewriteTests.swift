import Documents
import Foundation
import Testing

@testable import Check

/// `walkthrough update`'s rewrite: the output of drifting commands replaced by what they print,
/// with the page's own IDs, indentation and layout, and nothing else touched.
@Suite struct PageRewriteTests {
  func rewrite(_ text: String, file: String = "page.rst", syntax: Syntax = .rst, settings: CheckSettings = CheckSettings())
    throws -> PageRewrite
  {
    try PageRewrite.rewriting(WalkthroughReader.parse(text, file: file, syntax: syntax), text: text, settings: settings)
  }

  @Test func rewritesOnlyWhatDriftsKeepingThePagesIDsAndIndentation() throws {
    // The page's share network ID is not the cloud's, and its name is wrong: the ID is kept (the
    // next command names it), the name is rewritten; the matching type list stays as written,
    // odd spacing and all, and so does the skipped command.
    let page = """
      Intro.

      .. code-block:: console

          $ openstack share network create --name mynet -f value -c id -c name
          11111111-2222-4333-8444-555555555555
          othernet
          $ openstack share type list -f value -c Name
          default
          dhss_false
          dhss_true   

      .. walkthrough: skip not today

      ::

        $ openstack share show nothing
        (output from another day)

      Done.

      """
    let result = try rewrite(page)
    #expect(result.changes.map(\.line) == [5])
    #expect(result.refused.isEmpty)
    #expect(result.text == page.replacingOccurrences(of: "    othernet\n", with: "    mynet\n"))
  }

  @Test func leavesCommandsShownWithoutOutputAndRemovesWhatIsNotPrinted() throws {
    let page = """
      ```console
      $ openstack share type list -f value -c Name
      $ openstack share network list
      +----+
      | ID |
      +----+
      ```

      """
    let result = try rewrite(page, file: "page.md", syntax: .markdown)
    // The first command shows what to type, not what it prints: it ran, and stays as it is.
    #expect(result.changes.map(\.line) == [3])
    #expect(
      result.text == """
        ```console
        $ openstack share type list -f value -c Name
        $ openstack share network list
        ```

        """)
  }

  @Test func aFailureReplacesTheOutputWithTheError() throws {
    var settings = CheckSettings()
    settings.assumesResources = false
    let result = try rewrite("Show::\n\n  $ openstack share show nothing\n  +----+\n  | id |\n  +----+\n", settings: settings)
    #expect(result.text == "Show::\n\n  $ openstack share show nothing\n  No share with a name or ID of 'nothing' exists.\n")
  }

  /// The password prompts a page shows went to the terminal: a rewritten output keeps them
  /// before what the command printed, so that the page still has its person type a password.
  @Test func thePasswordPromptsStayBeforeTheRewrittenOutput() throws {
    let page = "Add::\n\n  $ source openrc admin admin\n  $ openstack user create --password-prompt cinder -f value -c name\n\n  User Password:\n  Repeat User Password:\n  someone\n"
    let result = try rewrite(page)
    #expect(
      result.text
        == "Add::\n\n  $ source openrc admin admin\n  $ openstack user create --password-prompt cinder -f value -c name\n\n  User Password:\n  Repeat User Password:\n  cinder\n"
    )
  }

  @Test func aFailingCommandShownWithoutOutputIsNotRewritten() throws {
    var settings = CheckSettings()
    settings.assumesResources = false
    let page = "Show::\n\n  $ openstack share show nothing\n"
    let result = try rewrite(page, settings: settings)
    #expect(result.text == page)
    #expect(result.refused == [PageRewrite.Refusal(line: 3, reason: "the command fails, and the page shows no output to rewrite")])
  }

  @Test func refusesParsedLiteralBlocks() throws {
    let page = ".. parsed-literal::\n\n   $ openstack share type list -f value -c Name\n   *default*\n"
    let result = try rewrite(page)
    #expect(result.text == page)
    #expect(result.refused == [PageRewrite.Refusal(line: 3, reason: "a parsed-literal block's text is rendered from markup")])
  }

  @Test func keepsCarriageReturns() throws {
    let result = try rewrite("Types::\r\n\r\n  $ openstack share type list -f value -c Name\r\n  none\r\n")
    #expect(result.text == "Types::\r\n\r\n  $ openstack share type list -f value -c Name\r\n  default\r\n  dhss_false\r\n  dhss_true\r\n")
  }

  /// The published troubleshooting page, wrapped at 228 columns and run without a width: its
  /// drifting tables are rewritten as cliff wraps them at 228, so the result is the one a run at
  /// 228 gives, and the rewritten page checks clean.
  @Test func rewritesWrappedTablesAtTheWidthThePageCapturedThemAt() throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("DocumentsTests/Fixtures/manila-troubleshooting.rst").path
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let inferred = try rewrite(text)
    let declared = try rewrite(text, settings: CheckSettings(terminalWidth: 228))
    #expect(inferred.changes.map(\.line) == [118, 207, 254, 333, 411])
    #expect(inferred.text == declared.text)
    let rechecked = try PageCheck.run(WalkthroughReader.parse(inferred.text, file: path, syntax: .rst))
    #expect(rechecked.allSatisfy { $0.outcome == .matched })
  }

  /// A block that no longer drifts loses its `expect-drift` directive (continuation lines and
  /// the blank line after it too), so that `check` then finds the page matching.
  @Test(arguments: [
    (
      "Intro.\n\n.. walkthrough: expect-drift written\n   before dhss_true\n\n::\n\n  $ openstack share type list -f value -c Name\n  default\n  dhss_false\n  dhss_true\n",
      Syntax.rst
    ),
    (
      "Intro.\n\n<!-- walkthrough: expect-drift written\n     before dhss_true -->\n\n```console\n$ openstack share type list -f value -c Name\ndefault\ndhss_false\ndhss_true\n```\n",
      Syntax.markdown
    ),
    (
      "<!-- walkthrough: expect-drift written before dhss_true -->\n\n```console\n$ openstack share type list -f value -c Name\ndefault\ndhss_false\ndhss_true\n```\n",
      Syntax.markdown
    ),
  ])
  func removesTheDirectiveOfADriftThatIsGone(page: String, syntax: Syntax) throws {
    let result = try rewrite(page, file: syntax == .rst ? "p.rst" : "p.md", syntax: syntax)
    #expect(result.refused.isEmpty)
    #expect(result.changes.isEmpty)
    #expect(result.removedDirectives == [page.hasPrefix("Intro") ? 3 : 1])
    #expect(!result.text.contains("walkthrough:"))
    #expect(result.text.contains("Intro.\n\n::\n") || result.text.contains("Intro.\n\n```") || result.text.hasPrefix("```"))
    let walkthrough = try WalkthroughReader.parse(result.text, file: "p", syntax: syntax)
    #expect(try PageCheck.run(walkthrough).map(\.outcome) == [.matched])
  }
}

