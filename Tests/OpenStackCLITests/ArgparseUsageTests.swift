import Testing

@testable import OpenStackCLI

/// argparse's usage wrapping, which a usage error after an abbreviated command goes through.
@Suite struct ArgparseUsageTests {
  /// Taken apart and wrapped again under its own name, every usage text comes out as the real
  /// client printed it: the wrapping is argparse's.
  @Test(arguments: Commands.implemented.keys.sorted())
  func everyUsageWrapsBackToItself(name: String) throws {
    let syntax = try #require(Commands.implemented[name]).syntax
    let parts = ArgparseUsage.parts(of: syntax.usage.dropFirst("usage: \(syntax.program)".count))
    let split = ArgparseUsage.positionalStart(parts)
    let wrapped = ArgparseUsage.format(
      program: syntax.program, optionals: Array(parts[..<split]), positionals: Array(parts[split...]))
    #expect(wrapped == syntax.usage)
  }

  @Test func bracketedPartsEndWhereASpaceFollowsTheirCloser() {
    let parts = ArgparseUsage.parts(of: " [-h] [--a | --b] --flavor <flavor>\n   [--property <key=value>] <server> [<server> ...]")
    #expect(parts == ["[-h]", "[--a | --b]", "--flavor", "<flavor>", "[--property <key=value>]", "<server>", "[<server> ...]"])
    #expect(ArgparseUsage.positionalStart(parts) == 5)
  }
}
