import ArgumentParser
import CloudServer
import Documents
import FakeCloud
import Foundation

/// `walkthrough serve`: the fake cloud over HTTP, for the real `openstack` client, an SDK, Ansible
/// or any script.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the fake cloud over HTTP, with Keystone, Nova, Glance, Neutron and Manila under devstack's paths.",
    discussion: """
      On start it prints the clouds.yaml entry and the openrc lines that reach it. It listens on \
      the loopback address unless told otherwise, and stops cleanly on SIGINT or SIGTERM.
      """
  )

  @Option(help: "The cloud file to serve (default: the built-in devstack cloud).", completion: .file(extensions: ["yaml", "yml"]))
  var cloud: String?

  @Option(help: "The address to listen on.")
  var host = "127.0.0.1"

  @Option(help: "The port to listen on; 0 picks a free one.")
  var port = 8774

  func run() async throws {
    CloudHTTPServer.runTasksOnEventLoops()
    var definition = CloudDefinition.devstack
    if let cloud {
      do {
        definition = try CloudDefinition(contentsOfFile: cloud)
      } catch {
        throw DocumentError(file: error.file, line: error.line, reason: error.reason)
      }
    }
    let served = definition
    let server = CloudHTTPServer(gateway: CloudGateway(definition: served, baseURL: ""), host: host, port: port)
    let host = self.host
    try await server.run { port in
      let base = "http://\(host):\(port)"
      server.gateway.use(baseURL: base)
      FileHandle.standardOutput.write(Data(Self.instructions(base: base, definition: served).utf8))
    }
  }

  /// How to reach the server: a clouds.yaml entry per named cloud, and openrc lines.
  static func instructions(base: String, definition: CloudDefinition) -> String {
    var text = "walkthrough serve: listening on \(base)\n\n# clouds.yaml\nclouds:\n"
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
