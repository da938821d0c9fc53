import Check
import Documents
import Foundation
import Testing

@testable import Tutor

/// The page's prose as the tutor shows it on a terminal.
@Suite struct ProseTests {
  func rendered(_ text: String, syntax: Syntax, width: Int = 60, colour: Bool = false) -> String {
    let walkthrough = WalkthroughReader.parse(text, file: "page", syntax: syntax)
    let prose = PageProse(text: text, walkthrough: walkthrough)
    let renderer = ProseRenderer(width: width, style: TerminalStyle(colour: colour))
    return renderer.render(prose.blocks.map(\.block)).joined(separator: "\n")
  }

  static let rst = """
    =====
    Title
    =====

    A paragraph with ``inline code``, *emphasis*, **strong** words and a
    `link <https://docs.openstack.org/manila/>`_ that wraps at the terminal's width.

    .. note::

       Notes are set apart.

    .. warning:: So are warnings.

    #. First step::

          $ openstack share list

    #. Second step, with a :ref:`reference <somewhere>`.

    * a bullet

    .. code-block:: ini

       [DEFAULT]
       debug = True

    """

  @Test func reStructuredText() {
    #expect(rendered(Self.rst, syntax: .rst) == """
      Title
      =====

      A paragraph with `inline code`, emphasis, strong words and a
      link (https://docs.openstack.org/manila/) that wraps at the
      terminal's width.

      | Note
      |
      | Notes are set apart.

      | Warning
      |
      | So are warnings.

      1. First step:

      2. Second step, with a reference.

      • a bullet

           [DEFAULT]
           debug = True
      """)
  }

  @Test func markdown() {
    let text = """
      # Title

      Some `code`, *emphasis*, **strong** and [a link](https://example.com/page "title").
      <!-- walkthrough: width 80 -->

      > [!WARNING]
      > Be careful.

      1. one
      2. two

      ```console
      $ openstack server list
      ```
      """
    #expect(rendered(text, syntax: .markdown) == """
      Title
      =====

      Some `code`, emphasis, strong and a link
      (https://example.com/page).

      | Warning
      |
      | Be careful.

      1. one

      2. two
      """)
  }

  /// Narrower, the same prose takes more lines: what a resize re-wraps.
  @Test func wrapsToTheWidth() {
    let wide = rendered(Self.rst, syntax: .rst, width: 120).split(separator: "\n")
    let narrow = rendered(Self.rst, syntax: .rst, width: 30).split(separator: "\n")
    #expect(narrow.count > wide.count)
    #expect(narrow.allSatisfy { $0.count <= 30 })
    #expect(rendered(Self.rst, syntax: .rst, width: 0).split(separator: "\n").allSatisfy { $0.count <= ProseRenderer.minimumWidth + 6 })
  }

  @Test func stylesOnlyWithColour() {
    let plain = rendered(Self.rst, syntax: .rst)
    #expect(!plain.contains("\u{1B}"))
    let coloured = rendered(Self.rst, syntax: .rst, colour: true)
    #expect(coloured.contains("\u{1B}[1mTitle\u{1B}[0m"))
    #expect(coloured.contains("\u{1B}[36minline\u{1B}[0m \u{1B}[36mcode\u{1B}[0m"))
    #expect(coloured.contains("\u{1B}[3memphasis\u{1B}[0m"))
    #expect(coloured.contains("\u{1B}[34m(https://docs.openstack.org/manila/)\u{1B}[0m"))
  }

  @Test func colourOnlyOnATerminalWithoutNO_COLOROrADumbTerm() {
    #expect(TerminalStyle.forOutput(isTerminal: true, environment: ["TERM": "xterm"]).colour)
    #expect(TerminalStyle.forOutput(isTerminal: true, environment: ["NO_COLOR": ""]).colour)
    #expect(!TerminalStyle.forOutput(isTerminal: true, environment: ["NO_COLOR": "1"]).colour)
    #expect(!TerminalStyle.forOutput(isTerminal: true, environment: ["TERM": "dumb"]).colour)
    #expect(!TerminalStyle.forOutput(isTerminal: false, environment: [:]).colour)
  }

  @Test func theEnvironmentIsReadOnlyForATerminal() {
    var reads = 0
    func environment() -> [String: String] {
      reads += 1
      return ["TERM": "xterm"]
    }
    #expect(!TerminalStyle.forOutput(isTerminal: false, environment: environment()).colour)
    #expect(reads == 0)
    #expect(TerminalStyle.forOutput(isTerminal: true, environment: environment()).colour)
    #expect(reads == 1)
  }
}
