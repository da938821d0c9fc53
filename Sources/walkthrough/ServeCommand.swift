import ArgumentParser
import Foundation
import ServeOptions

/// `walkthrough serve`: the fake cloud over HTTP, for the real `openstack` client, an SDK, Ansible
/// or any script. The server is a program of its own, `walkthrough-server`, built beside this
/// one (`swift build` builds both), which this command becomes once its options are read: its HTTP stack (SwiftNIO,
/// Hummingbird) would otherwise load with every process, a quarter of the conformance records
/// the runtime searches at each process's start.
struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve", _superCommandName: "walkthrough",
    abstract: "Serve the fake cloud over HTTP, with Keystone, Nova, Glance, Neutron, Cinder and Manila under devstack's paths.",
    discussion: """
      On start it prints the clouds.yaml entry and the openrc lines that reach it. It listens on \
      the loopback address unless told otherwise, and stops cleanly on SIGINT or SIGTERM.
      """
  )

  @OptionGroup var options: ServeOptions

  /// The server beside this executable.
  static var server: String {
    let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("walkthrough-server").path
  }

  func run() throws {
    let server = Self.server
    guard FileManager.default.isExecutableFile(atPath: server) else {
      throw ValidationError("no server at \(server): build it with swift build --product walkthrough-server")
    }
    let argv = ([server] + options.arguments).map { strdup($0) } + [nil]
    execv(server, argv)
    throw ValidationError("cannot start \(server): \(String(cString: strerror(errno)))")
  }
}
