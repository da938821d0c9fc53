import Foundation
import ServeOptions
import Testing
import TestScratch

/// `walkthrough serve` reads its options, then becomes `walkthrough-server`, the program built
/// beside it: what it was told must reach the server whole.
@Suite struct ServeHandoffTests {
  let cli = WalkthroughCommandTests()

  /// Every option parses back from the line handed over, a value that begins with a dash too
  /// (which a user gives after an `=`, as the line does).
  @Test func theOptionsHandedOverParseBackToThemselves() throws {
    let given = try ServeOptions.parse([
      "--cloud=-odd name.yaml", "--host", "::1", "--port", "0", "--public-url", "http://devstack",
      "--request-timeout", "0.3", "--idle-timeout", "90", "--max-connections", "4",
    ])
    let handed = try ServeOptions.parse(given.arguments)
    #expect(handed.cloud == "-odd name.yaml")
    #expect(handed.host == "::1")
    #expect(handed.port == 0)
    #expect(handed.publicURL == "http://devstack")
    #expect(handed.requestTimeout == 0.3)
    #expect(handed.idleTimeout == 90)
    #expect(handed.maxConnections == 4)
    #expect(try ServeOptions.parse([]).arguments == ["--host=127.0.0.1", "--port=8774", "--request-timeout=10.0", "--idle-timeout=60.0"])
  }

  /// The server starts with the options given: here the URL its services are said to be under.
  @Test func theServerServesWithTheOptionsGiven() throws {
    let (process, printed) = try cli.startedServer(
      ["--port", "0", "--public-url", "http://devstack"], printing: "export OS_USER_DOMAIN_NAME")
    defer { process.terminate(); process.waitUntilExit() }
    let first = try #require(printed.split(separator: "\n").first)
    #expect(first.hasPrefix("walkthrough serve: listening on http://127.0.0.1:"))
    #expect(first.hasSuffix(" (services under http://devstack)"))
    #expect(printed.contains("      auth_url: http://devstack/identity\n"))
  }

  /// A `walkthrough` copied without its server says where it looked and how to build it.
  @Test func withoutItsServerServeSaysWhereItLooked() throws {
    let binary = try #require(cli.walkthroughProcess([]).executableURL)
    let directory = try Scratch.directory()
    let copy = directory.appendingPathComponent("walkthrough")
    try FileManager.default.copyItem(at: binary, to: copy)
    let process = Process()
    process.executableURL = copy
    process.arguments = ["serve", "--port", "0"]
    let error = Pipe()
    process.standardError = error
    process.standardOutput = Pipe()
    try process.run()
    let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 2)
    #expect(
      message.hasPrefix(
        "Error: no server at \(directory.appendingPathComponent("walkthrough-server").path): build it with swift build --product walkthrough-server\n"))
  }
}
