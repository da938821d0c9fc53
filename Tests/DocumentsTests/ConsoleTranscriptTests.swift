import Testing

@testable import Documents

@Suite struct ConsoleTranscriptTests {
  /// Numbers lines from `first`, as a block starting at that line of a page.
  func lines(_ text: String, from first: Int = 10) -> [SourceLine] {
    text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
      SourceLine(number: first + $0.offset, text: String($0.element))
    }
  }

  @Test(arguments: [
    ("$ ls", "$", "ls"),
    ("$    ls -l", "$", "ls -l"),
    ("# whoami", "#", "whoami"),
    ("clouduser1@client:~$ openstack share list", "clouduser1@client:~$", "openstack share list"),
    ("root@controller:/etc/nova# cat nova.conf", "root@controller:/etc/nova#", "cat nova.conf"),
    ("stack@devstack$ env", "stack@devstack$", "env"),
    ("[stack@devstack devstack]$ ./stack.sh", "[stack@devstack devstack]$", "./stack.sh"),
    ("[root@host ~]# id", "[root@host ~]#", "id"),
    ("(venv) $ pip list", "(venv) $", "pip list"),
    ("(openstack) user@host:~$ openstack --version", "(openstack) user@host:~$", "openstack --version"),
  ])
  func recognisesPrompts(line: String, prompt: String, command: String) throws {
    let match = try #require(Prompt(Substring(line)))
    #expect(match.text == prompt)
    #expect(String(match.command) == command)
  }

  @Test(arguments: [
    "$", "$ ", "$ls", "#!/bin/bash", "#comment", "+----+", "| ID | Name |", "user@host: not a prompt",
    "  $ indented", "(venv)$", "[]$ empty", "Price: $ 5", "email me@example.com$",
  ])
  func rejectsNonPrompts(line: String) {
    #expect(Prompt(Substring(line)) == nil)
  }

  @Test func splitsCommandsAndOutput() {
    let commands = ConsoleTranscript.commands(
      in: lines(
        """
        $ openstack share list
        +----+
        | ID |
        +----+

        $ openstack share delete \\
              one \\
          two


        $ echo done
        done

        """))
    #expect(
      commands == [
        ConsoleCommand(
          line: 10, prompt: "$", command: "openstack share list", commandLines: 10...10,
          output: ["+----+", "| ID |", "+----+"], outputLines: 11...13),
        ConsoleCommand(
          line: 15, prompt: "$", command: "openstack share delete one two", commandLines: 15...17,
          output: [], outputLines: nil),
        ConsoleCommand(
          line: 20, prompt: "$", command: "echo done", commandLines: 20...20, output: ["done"],
          outputLines: 21...21),
      ])
  }

  @Test func continuesOverSecondaryPrompts() {
    let commands = ConsoleTranscript.commands(
      in: lines(
        """
        $ cat <<EOF > openrc
        > export OS_CLOUD=devstack
        > EOF
        $ source openrc
        """))
    #expect(commands.map(\.command) == ["cat <<EOF > openrc export OS_CLOUD=devstack EOF", "source openrc"])
    #expect(commands[0].commandLines == 10...12)
  }

  @Test func anOpenStackCommandWrappedWithoutABackslashContinuesOverIndentedOptions() {
    let commands = ConsoleTranscript.commands(
      in: lines(
        """
        $ openstack share create NFS 1
            --name myshare --share-type default
        +-------+
        $ ls
            --all
        """))
    #expect(commands.map(\.command) == ["openstack share create NFS 1 --name myshare --share-type default", "ls"])
    #expect(commands[0].commandLines == 10...11)
    #expect(commands[0].output == ["+-------+"])
    #expect(commands[1].output == ["    --all"])
  }

  @Test func keepsLeadingBlankOutputAndIgnoresTextBeforeTheFirstPrompt() {
    let commands = ConsoleTranscript.commands(
      in: lines(
        """
        Some preamble the page shows.
        $ echo

        after a blank
        """))
    #expect(commands.count == 1)
    #expect(commands[0].line == 11)
    #expect(commands[0].output == ["", "after a blank"])
    #expect(commands[0].outputLines == 12...13)
  }

  @Test func aBareHashIsACommentAfterADollarPrompt() {
    let commands = ConsoleTranscript.commands(
      in: lines(
        """
        $ cat nova.conf
        # the compute section
        [DEFAULT]
        """))
    #expect(commands.count == 1)
    #expect(commands[0].output == ["# the compute section", "[DEFAULT]"])
  }

  /// nova's cpu-topologies.rst: a comment before the next `openstack` command is not the output
  /// of the one above, which keeps the lines it printed.
  @Test func commentsEndingAnOpenStackCommandsOutputAreNotOutput() {
    let commands = ConsoleTranscript.commands(
      in: lines(
        """
        $ openstack flavor set $FLAVOR --property hw:numa_nodes=2
        # configure guest node 0
        $ openstack flavor show m1 -f value -c name
        m1
        #
        # then node 1
        $ cat nova.conf
        # the compute section
        """))
    #expect(commands.map(\.output) == [[], ["m1"], ["# the compute section"]])
    #expect(commands[1].outputLines == 13...13)
  }

  @Test func aBareHashIsAPromptInARootTranscript() {
    let commands = ConsoleTranscript.commands(in: lines("# systemctl restart nova-api\n# whoami\nroot"))
    #expect(commands.map(\.command) == ["systemctl restart nova-api", "whoami"])
  }

  @Test func removesCommonIndentationBeforeLookingForPrompts() {
    let commands = ConsoleTranscript.commands(in: lines("  $ openstack server list\n  +--+"))
    #expect(commands.map(\.command) == ["openstack server list"])
    #expect(commands[0].output == ["+--+"])
  }

  @Test func aBlockWithoutPromptsHasNoCommands() {
    #expect(ConsoleTranscript.commands(in: lines("+----+\n| ID |\n+----+")).isEmpty)
  }

  @Test(arguments: [
    ("console", "+--+", true),
    ("shell-session", "", true),
    ("sh-session", "x", true),
    ("terminal", "x", true),
    ("Console", "x", true),
    ("bash", "$ ls", true),
    ("sh", "\n\nuser@host:~$ ls", true),
    ("shell", "$ ls", true),
    ("text", "$ ls", true),
    ("none", "$ ls", true),
    (nil, "$ ls", true),
    ("bash", "ls -l", false),
    ("bash", "# a comment\nls", false),
    ("python", "$ ls", false),
    ("json", "{}", false),
  ] as [(String?, String, Bool)])
  func classifiesConsoleBlocks(language: String?, text: String, isConsole: Bool) {
    let block = LiteralBlock(
      kind: .codeBlock, line: 1, language: language, lines: lines(text, from: 1), context: StepContext())
    #expect(ConsoleBlock.isConsole(block) == isConsole)
  }
}
