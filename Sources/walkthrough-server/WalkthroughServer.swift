import ArgumentParser
import CloudServer
import Documents
import FakeCloud
import Foundation
import ServeOptions
import Synchronization

/// The fake cloud over HTTP: what `walkthrough serve` runs, once it has read its options.
@main
struct WalkthroughServer: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "walkthrough serve", abstract: "Serve the fake cloud over HTTP (started by walkthrough serve).")

  @OptionGroup var options: ServeOptions

  /// Runs the server; a cloud file that cannot be read exits with status 2 and the message
  /// `walkthrough` gives any unreadable input.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let error as DocumentError {
      FileHandle.standardError.write(Data("walkthrough: \(error)\n".utf8))
      Foundation.exit(2)
    } catch {
      exit(withError: error)
    }
  }

  /// Serves until SIGINT or SIGTERM, the main thread waiting for the server's tasks.
  func run() throws {
    var definition = CloudDefinition.devstack
    if let cloud = options.cloud {
      do {
        definition = try CloudDefinition(contentsOfFile: cloud)
      } catch {
        throw DocumentError(file: error.file, line: error.line, reason: error.reason)
      }
    }
    let served = definition
    let limits = ConnectionLimits(
      maximumConnections: options.maxConnections, requestTimeout: .seconds(options.requestTimeout),
      idleTimeout: .seconds(options.idleTimeout))
    let server = CloudHTTPServer(gateway: CloudGateway(definition: served, baseURL: ""), host: options.host, port: options.port, limits: limits)
    let (host, publicURL) = (options.host, options.publicURL)
    let outcome = Mutex<Result<Void, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    // The server's tasks run on its event loops: that must be settled before the first task.
    CloudHTTPServer.runTasksOnEventLoops()
    Task {
      let result: Result<Void, any Error>
      do {
        result = .success(
          try await server.run { port in
            let listening = "http://\(host):\(port)"
            let base = publicURL ?? listening
            server.gateway.use(baseURL: base)
            FileHandle.standardOutput.write(Data(Self.instructions(listening: listening, base: base, definition: served).utf8))
          })
      } catch {
        result = .failure(error)
      }
      outcome.withLock { $0 = result }
      done.signal()
    }
    done.wait()
    try outcome.withLock { $0 }!.get()
  }

  /// How to reach the server (the services under `base`): a clouds.yaml entry per named cloud,
  /// and openrc lines.
  static func instructions(listening: String, base: String, definition: CloudDefinition) -> String {
    var text = "walkthrough serve: listening on \(listening)"
    if base != listening { text += " (services under \(base))" }
    text += "\n\n# clouds.yaml\nclouds:\n"
    for entry in definition.clouds {
      let password = definition.users.first { $0.name == entry.user }?.password ?? ""
      text += """
          walkthrough-\(entry.name):
            auth:
              auth_url: \(base)/identity
              username: \(entry.user)
              password: \(password)
              project_name: \(entry.project)
              user_domain_name: Default
              project_domain_name: Default
            region_name: RegionOne
            identity_api_version: 3

        """
    }
    if let first = definition.defaultCloud {
      let password = definition.users.first { $0.name == first.user }?.password ?? ""
      text += """

        # or, in a shell
        export OS_AUTH_URL=\(base)/identity OS_IDENTITY_API_VERSION=3 OS_REGION_NAME=RegionOne
        export OS_USERNAME=\(first.user) OS_PASSWORD=\(password) OS_PROJECT_NAME=\(first.project)
        export OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default

        """
    }
    return text
  }
}
