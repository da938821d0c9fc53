import Testing

@testable import OpenStackCLI

/// The real client's help texts (`Scripts/capture-help.py`) and how `help` and `--help` print
/// them; the golden `help-texts` compares a sample of them with the real client.
@Suite struct HelpTests {
  private func run(
    _ arguments: [String], environment: [String: String] = [:], terminalWidth: Int? = nil
  ) -> CommandResult {
    OpenStackClient(transport: UnreachableCloud(), sleep: { _ in }).run(
      arguments, environment: environment, terminalWidth: terminalWidth)
  }

  @Test func everyImplementedCommandHasItsHelp() {
    let missing = Commands.implemented.keys.filter { RealHelp.texts[$0] == nil }.sorted()
    #expect(missing.isEmpty, "no help text for \(missing): run Scripts/capture-help.py")
    let stale = RealHelp.texts.keys.filter { $0 != "help" && Commands.implemented[$0] == nil }.sorted()
    #expect(stale.isEmpty, "help texts of commands not implemented: \(stale)")
  }

  /// Each command reads its options from its help's usage, which names the command.
  @Test(arguments: Commands.implemented.keys.sorted())
  func eachCommandsUsageIsItsHelpsFirstPart(command name: String) throws {
    let command = try #require(Commands.implemented[name])
    #expect(command.syntax.usage.hasPrefix("usage: openstack \(name) "))
    #expect(command.syntax.usage == String(RealHelp.parts(of: try #require(RealHelp.texts[name])).usage))
  }

  @Test func helpAndDashDashHelpPrintTheSameText() throws {
    let help = run(["help", "volume", "create"])
    #expect(help.exitStatus == 0)
    #expect(help.standardOutput == (try #require(RealHelp.texts["volume create"])) + "\n")
    #expect(run(["volume", "create", "--help"]) == help)
    #expect(run(["-h", "volume", "create", "vol1"]) == help)
  }

  /// cliff joins the words before it looks the name up.
  @Test func aWordWithSpacesNamesACommand() {
    #expect(run(["help", "volume create"]) == run(["help", "volume", "create"]))
    #expect(run(["volume create", "--help"]).standardOutput.hasPrefix("usage: openstack volume create [-h]"))
  }

  /// `--help=x` is the global parser's usage error, whose option order changes from run to run.
  @Test func anArgumentToHelpIsNotSimulated() {
    let result = run(["share", "list", "--hel=x"])
    #expect(!result.isSimulated)
    #expect(result.standardError == "not simulated: openstack --help=... is not emulated\n")
  }

  @Test func theHelpOfACommandNotImplementedIsNotSimulated() {
    let result = run(["help", "accelerator", "arq", "list"])
    #expect(!result.isSimulated)
    #expect(result.standardError == "walkthrough: 'openstack help accelerator arq list' is not simulated.\n")
  }

  @Test func theGlobalHelpIsNotSimulated() {
    for arguments in [["--help"], ["help"], ["-h", "--debug"]] {
      let result = run(arguments)
      #expect(!result.isSimulated)
      #expect(result.standardError == "not simulated: openstack help without a command is not emulated\n")
    }
  }

  /// argparse wraps the help to COLUMNS, or to the terminal, where the client also pages and
  /// colours it: only 80 columns without a terminal is kept.
  @Test func helpAtAnotherWidthIsNotSimulated() {
    #expect(run(["help", "share", "list"], environment: ["COLUMNS": "80"]).exitStatus == 0)
    #expect(run(["help", "share", "list"], environment: ["COLUMNS": "abc"]).exitStatus == 0)
    let wide = run(["share", "list", "--help"], environment: ["COLUMNS": "120"])
    #expect(!wide.isSimulated)
    #expect(wide.standardError == "not simulated: openstack help at COLUMNS=120 is not emulated\n")
    let terminal = run(["help", "share", "list"], terminalWidth: 80)
    #expect(!terminal.isSimulated)
    #expect(terminal.standardError == "not simulated: openstack help in a terminal is not emulated\n")
  }

  /// The command matches of `help` print wherever the text is wrapped.
  @Test func theMatchesOfAWordAreListed() {
    let result = run(["help", "keyp"], terminalWidth: 120)
    #expect(
      result.standardOutput
        == "Command \"keyp\" matches:\n  keypair create\n  keypair delete\n  keypair list\n  keypair show\n")
  }
}
